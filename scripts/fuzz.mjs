// `npm run fuzz`: the long fuzz run. Bundles test/fuzz/main.ts, runs it in worker processes (one
// per core, each with its own seed), kills a worker whose heartbeat stops (a hang) and keeps the
// input it was on, then merges the reports into test-results/fuzz-report.json.
//
//   npm run fuzz -- --count 10000 --seed 7 --workers 2     (or EOS_FUZZ_COUNT / EOS_FUZZ_SEED)
// --count is the number of mutated-example inputs through the services; raw-byte and CLI inputs
// are added on top (a quarter and an eighth of it).
import { spawn } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const option = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : fallback;
};
const count = Number(option('count', process.env.EOS_FUZZ_COUNT ?? 10_000));
const seed = Number(option('seed', process.env.EOS_FUZZ_SEED ?? 1));
const workers = Number(option('workers', Math.max(1, Math.min(2, os.availableParallelism()))));
const silenceLimitMs = Number(option('hang-after', 90_000));
// The file-system campaign: real servers under file events (test/fuzz/fs-probe.ts).
const fsSessions = Number(option('fs-sessions', Math.max(4, Math.round(count / 500))));
const fsEvents = Number(option('fs-events', 25));

await esbuild.build({
    entryPoints: { fuzz: 'test/fuzz/main.ts', 'fuzz-fs': 'test/fuzz/fs-main.ts' },
    outdir: 'out',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.cjs' }
});

fs.mkdirSync('test-results', { recursive: true });
const started = Date.now();
const runs = Array.from({ length: workers }, (_, index) => runWorker(index));
const results = await Promise.all(runs);

const merged = { seed, workers, millis: Date.now() - started, targets: {}, requestCounts: {}, errorResponses: {}, failures: [], hangs: [] };
for (const result of results) {
    if (result.hang) merged.hangs.push(result.hang);
    if (!result.report) continue;
    merged.examples = result.report.examples;
    for (const target of result.report.targets) {
        const into = (merged.targets[target.target] ??= { inputs: 0, failures: 0 });
        into.inputs += target.inputs;
        into.failures += target.failures.length;
        merged.failures.push(...target.failures.map(f => ({ target: f.target, seed: f.seed, file: `${f.workspace}/${f.file}`, problems: f.problems })));
    }
    for (const [name, n] of Object.entries(result.report.requestCounts)) merged.requestCounts[name] = (merged.requestCounts[name] ?? 0) + n;
    for (const [name, n] of Object.entries(result.report.errorResponses ?? {})) merged.errorResponses[name] = (merged.errorResponses[name] ?? 0) + n;
}
const fsRun = await new Promise(resolve => {
    const child = spawn(process.execPath, ['out/fuzz-fs.cjs', '--seed', String(seed), '--sessions', String(fsSessions), '--events', String(fsEvents)], { stdio: 'inherit' });
    child.on('exit', code => resolve(code));
});
const fsReport = fs.existsSync('test-results/fuzz-fs-report.json') ? JSON.parse(fs.readFileSync('test-results/fuzz-fs-report.json', 'utf8')) : undefined;
merged.targets['file-system events under a running server'] = {
    inputs: fsReport?.events ?? 0,
    failures: fsReport ? fsReport.failures.length : 1,
    sessions: fsReport?.sessions ?? 0
};
if (fsReport) merged.failures.push(...fsReport.failures.map(f => ({ target: 'fs', seed, file: f.workspace, problems: f.problems })));
else merged.failures.push({ target: 'fs', seed, problems: [{ request: 'fs campaign', detail: `exited with ${fsRun} without a report` }] });
merged.millis = Date.now() - started;
const inputs = Object.values(merged.targets).reduce((sum, t) => sum + t.inputs, 0);
merged.inputs = inputs;
fs.writeFileSync('test-results/fuzz-report.json', JSON.stringify(merged, null, 2));
console.log(
    `\nfuzz: ${inputs} inputs (${Object.entries(merged.targets)
        .map(([t, r]) => `${t} ${r.inputs}`)
        .join(', ')}), ` + `${merged.failures.length} failures, ${merged.hangs.length} hangs, ${Math.round(merged.millis / 1000)} s; report in test-results/fuzz-report.json`
);
process.exit(merged.failures.length || merged.hangs.length || results.some(r => !r.report) ? 1 : 0);

function runWorker(index) {
    const perWorker = Math.ceil(count / workers);
    const workerSeed = seed * 1000 + index;
    const report = path.resolve(`test-results/fuzz-worker-${index}.json`);
    const current = path.resolve(`test-results/fuzz-worker-${index}-current.json`);
    fs.rmSync(report, { force: true });
    const child = spawn(
        process.execPath,
        ['--max-old-space-size=3072', 'out/fuzz.cjs', '--seed', String(workerSeed), '--count', String(perWorker), '--report', report, '--current', current],
        { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    let lastSign = Date.now();
    child.stdout.on('data', chunk => {
        lastSign = Date.now();
        for (const line of String(chunk).split('\n')) if (line && line !== '.') console.log(line);
    });
    return new Promise(resolve => {
        let hang;
        const watchdog = setInterval(() => {
            if (Date.now() - lastSign < silenceLimitMs) return;
            hang = { worker: index, seed: workerSeed, input: fs.existsSync(current) ? JSON.parse(fs.readFileSync(current, 'utf8')) : undefined };
            const saved = saveHang(hang);
            console.log(`[seed ${workerSeed}] no heartbeat for ${silenceLimitMs / 1000} s: killed; input kept in ${saved}`);
            child.kill('SIGKILL');
        }, 1_000);
        child.on('exit', code => {
            clearInterval(watchdog);
            if (code !== 0 && !hang) console.log(`[seed ${workerSeed}] worker exited with ${code}`);
            resolve({ hang, report: fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : undefined });
        });
    });
}

function saveHang(hang) {
    const folder = 'test/fuzz/regressions';
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `hang-${hang.seed}-${Date.now()}.json`);
    const input = hang.input ?? {};
    fs.writeFileSync(
        file,
        JSON.stringify({ target: input.target ?? 'services', found: 'hang: no heartbeat', workspace: input.workspace, file: input.file, text: input.text ?? '' }, null, 2) + '\n'
    );
    return file;
}
