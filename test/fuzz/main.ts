/**
 * One fuzz worker of `npm run fuzz` (bundled and started by scripts/fuzz.mjs): runs a seeded
 * campaign, writes each shrunk failure to test/fuzz/regressions/, and its report as JSON.
 *
 * It prints a heartbeat every few seconds and names the input it is on in a file, so the parent
 * can tell a hang (a synchronous loop stops the heartbeat) and keep the input that caused it.
 */
import '../../src/polyfill.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCampaign, type Target } from './campaign.js';
import { saveRegression } from './regressions.js';

function option(name: string): string | undefined {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
    const seed = Number(option('seed') ?? 1);
    const count = (target: Target, fallback: number) => Number(option(`${target}-count`) ?? fallback);
    const services = Number(option('count') ?? 8_000);
    const counts = { services: count('services', services), bytes: count('bytes', Math.round(services / 4)), cli: count('cli', Math.round(services / 8)) };
    const reportFile = option('report') ?? path.resolve('test-results/fuzz-report.json');
    const currentFile = option('current');
    const heartbeat = setInterval(() => process.stdout.write('.\n'), 2_000);
    const report = await runCampaign({
        seed,
        counts,
        chunk: 250,
        log: line => console.log(`[seed ${seed}] ${line}`),
        ...(currentFile ? { beforeInput: (input: unknown) => fs.writeFileSync(currentFile, JSON.stringify(input)) } : {})
    });
    clearInterval(heartbeat);
    for (const failure of report.targets.flatMap(t => t.failures)) console.log(`saved ${saveRegression(failure)}`);
    fs.mkdirSync(path.dirname(reportFile), { recursive: true });
    fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
    process.exit(0);
}

main().catch(error => {
    console.error(error);
    process.exit(3);
});
