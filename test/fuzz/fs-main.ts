/**
 * The long file-system campaign of `npm run fuzz` (bundled and started by scripts/fuzz.mjs after
 * the service workers): `--sessions` real servers, each through `--events` seeded events.
 */
import '../../src/polyfill.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { exampleWorkspaces } from './corpus.js';
import { fsEventArbitrary, probeFileSystem } from './fs-probe.js';

function option(name: string, fallback: number): number {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function main(): Promise<void> {
    const seed = option('seed', 1),
        sessions = option('sessions', 20),
        perSession = option('events', 25);
    const cli = path.resolve('out/cli.cjs');
    const workspaces = exampleWorkspaces();
    const report = { seed, sessions, events: 0, failures: [] as unknown[] };
    const samples = fc.sample(fc.array(fsEventArbitrary, { minLength: perSession, maxLength: perSession }), { seed, numRuns: sessions });
    for (const [index, events] of samples.entries()) {
        const workspace = workspaces[index % workspaces.length];
        const result = await probeFileSystem({ cli, files: workspace.files, settings: index % 2 === 0 }, events);
        report.events += result.events;
        if (result.problems.length) {
            report.failures.push({ session: index, workspace: workspace.name, settings: index % 2 === 0, events, problems: result.problems });
            console.log(`[fs seed ${seed}] session ${index}: ${result.problems.map(p => `${p.request}: ${p.detail.slice(0, 200)}`).join('; ')}`);
        } else {
            console.log(`[fs seed ${seed}] session ${index} (${workspace.name}, ${index % 2 === 0 ? 'settings' : 'no settings'}): ${result.events} events, ok`);
        }
    }
    fs.mkdirSync('test-results', { recursive: true });
    fs.writeFileSync('test-results/fuzz-fs-report.json', JSON.stringify(report, null, 2));
    console.log(`fuzz fs: ${report.sessions} sessions, ${report.events} events, ${report.failures.length} failures`);
    process.exit(report.failures.length ? 1 : 0);
}

main().catch(error => {
    console.error(error);
    process.exit(3);
});
