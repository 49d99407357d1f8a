/**
 * `npm run bench`: measures EOS on generated workspaces in one process and prints every figure
 * next to its target (issue 6); writes bench/results.json. Not a test: figures vary with the
 * machine and its load, so nothing here fails a build.
 *
 *   EOS_BENCH_QUICK=1   fewer runs and no 50k cases, for a quick look while working
 *   EOS_BENCH_ONLY=a,b  only these sections: build, repair, edit, lsp, checkins, lsp-process, diagram, loop-views, autonomy, compare, cli, site, limits
 *   EOS_BENCH_PROFILE=1 writes a CPU profile of each edit series to .cache/profiles/
 *   EOS_BENCH_V8_DEFAULTS=1 runs with V8's default flags instead of the language server's
 *
 * Each group of sections runs in its own process, started with the V8 flags the extension gives
 * the language server (SERVER_V8_FLAGS); this process only collects and prints their rows.
 */
import '../src/polyfill.js';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Session } from 'node:inspector/promises';
import { diagramNodeCount, diagramOnce } from './diagram.js';
import { siteSection } from './site.js';
import { autonomySection } from './autonomy.js';
import { compareSection } from './compare.js';
import { loopViewsSection } from './loop-views.js';
import { repairSection } from './repair.js';
import { lspKeystrokes } from './lsp-process.js';
import { reliabilitySection } from './reliability.js';
import { generateWorkspace, totalChars, type GeneratedWorkspace, type WorkspaceSpec } from './generate.js';
import { collectGarbage, formatTable, median, percentile, sample, type Row } from './measure.js';
import { SERVER_V8_FLAGS } from '../src/shared/server-process.js';
import { EditorSession, TODAY, freshServices, fullBuild, parseOnly, uriOf, type BuildPhases, type EditTiming } from './session.js';

const QUICK = process.env.EOS_BENCH_QUICK === '1';
const ONLY = process.env.EOS_BENCH_ONLY?.split(',');
const rows: Row[] = [];
const started = new Date();

function wanted(section: string): boolean {
    return !ONLY || ONLY.includes(section);
}

function log(message: string): void {
    process.stderr.write(`${message}\n`);
}

function label(spec: WorkspaceSpec): string {
    const size = spec.elements >= 1000 ? `${spec.elements / 1000}k` : String(spec.elements);
    return `${size}/${spec.files === 1 ? '1 file' : `${spec.files} files`}${spec.syntaxErrors ? ' (syntax errors)' : ''}`;
}

async function buildSection(): Promise<void> {
    const cases: Array<WorkspaceSpec & { runs: number }> = [
        { elements: 1000, files: 100, runs: 9 },
        { elements: 1000, files: 1, runs: 9 },
        { elements: 10_000, files: 100, runs: 5 },
        { elements: 10_000, files: 1, runs: 5 },
        { elements: 10_000, files: 100, syntaxErrors: true, runs: 5 },
        ...(QUICK
            ? []
            : [
                  { elements: 50_000, files: 100, runs: 3 },
                  { elements: 50_000, files: 1, runs: 3 }
              ])
    ];
    const perElement = new Map<string, number>();
    for (const spec of cases) {
        const runs = QUICK ? Math.min(spec.runs, 3) : spec.runs;
        const workspace = generateWorkspace(spec);
        const name = label(spec);
        log(`build ${name}: ${workspace.files.size} files, ${(totalChars(workspace) / 1e6).toFixed(2)}M chars`);
        const parse: number[] = [],
            parseKept: number[] = [],
            build: number[] = [],
            langiumOnly: number[] = [];
        const phases: BuildPhases[] = [];
        const withoutRules = spec.elements <= 10_000;
        for (let i = 0; i <= runs; i++) {
            // the first round warms the JIT and is dropped
            collectGarbage();
            const p = parseOnly(workspace);
            collectGarbage();
            const kept = parseOnly(workspace, freshServices(), []);
            collectGarbage();
            const b = await fullBuild(workspace);
            collectGarbage();
            const l = withoutRules ? (await fullBuild(workspace, freshServices(), { validation: false })).ms : NaN;
            if (i > 0) {
                parse.push(p);
                parseKept.push(kept);
                build.push(b.ms);
                phases.push(b.phases);
                langiumOnly.push(l);
            }
        }
        const parseMs = median(parse),
            buildMs = median(build),
            keptMs = median(parseKept);
        const section = 'Parse and cold full build (fresh services; medians)';
        const phase = (key: keyof BuildPhases) => median(phases.map(p => p[key])).toFixed(0);
        rows.push({ section, name: `${name} parse only`, value: parseMs, unit: 'ms', detail: `${workspace.elements} elements; trees dropped` });
        rows.push({ section, name: `${name} parse only, trees kept`, value: keptMs, unit: 'ms', detail: 'as a build must keep them' });
        rows.push({
            section,
            name: `${name} full build`,
            value: buildMs,
            unit: 'ms',
            detail: `parse ${phase('parse')}, index ${phase('index')}, link ${phase('link')}, references ${phase('references')}, validate ${phase('validate')}`
        });
        if (withoutRules)
            rows.push({
                section,
                name: `${name} build without validation`,
                value: median(langiumOnly),
                unit: 'ms',
                detail: `Langium's parse, index, link, references: ${(median(langiumOnly) / parseMs).toFixed(2)}× parse`
            });
        rows.push({
            section,
            name: `${name} build / parse`,
            value: buildMs / parseMs,
            unit: '×',
            ...(spec.syntaxErrors ? {} : { target: 1.5 }),
            detail: `${(buildMs / keptMs).toFixed(2)}× parse with trees kept`
        });
        if (!spec.syntaxErrors) perElement.set(`${spec.elements}/${spec.files}`, buildMs / spec.elements);
    }
    for (const files of [1, 100]) {
        const small = perElement.get(`10000/${files}`),
            large = perElement.get(`50000/${files}`);
        if (small && large) {
            rows.push({
                section: 'Parse and cold full build (fresh services; medians)',
                name: `50k vs 10k per element, ${files === 1 ? '1 file' : '100 files'}`,
                value: large / small,
                unit: '×',
                target: 3
            });
        }
    }
}

/** Lets pending callbacks run and collects garbage twice, so the heap holds only what lives on. */
async function settle(): Promise<void> {
    await new Promise(resolve => setTimeout(resolve, 500));
    collectGarbage();
    collectGarbage();
}

/** Offsets just before the closing quote of element titles and hypotheses. */
function textSpots(text: string): number[] {
    const spots: number[] = [];
    const pattern = /^(?:(?:initiative|okr|bet|theme|practice|team|stream) \w+ |\s+hypothesis )"([^"]*)"/gm;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) spots.push(match.index + match[0].length - 1);
    return spots;
}

/** The bet that the most team files reference. */
function mostReferencedBet(workspace: GeneratedWorkspace): string {
    const files = new Map<string, number>();
    for (const [file, text] of workspace.files) {
        if (file === workspace.strategyFile) continue;
        const names = new Set([...text.matchAll(/^\s+(?:bet|supports) (Bet\d+)$/gm)].map(m => m[1]));
        for (const name of names) files.set(name, (files.get(name) ?? 0) + 1);
    }
    return [...files].sort((a, b) => b[1] - a[1])[0][0];
}

/** Profiles `task` into .cache/profiles/<name>.cpuprofile when EOS_BENCH_PROFILE is set. */
async function profiled<T>(name: string, task: () => Promise<T>): Promise<T> {
    if (!process.env.EOS_BENCH_PROFILE) return task();
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    try {
        return await task();
    } finally {
        const { profile } = await session.post('Profiler.stop');
        fs.mkdirSync('.cache/profiles', { recursive: true });
        fs.writeFileSync(`.cache/profiles/${name}.cpuprofile`, JSON.stringify(profile));
        session.disconnect();
    }
}

const EDIT_SECTION = "Edit → edited file's diagnostics, 10k elements in 100 files";

function summarise(name: string, timings: EditTiming[], target: number, extra = '', section = EDIT_SECTION): void {
    const diagnostics = timings.map(t => t.diagnostics),
        builds = timings.map(t => t.build);
    rows.push({ section, name: `${name} median`, value: median(diagnostics), unit: 'ms' });
    const cpu = timings.map(t => t.diagnosticsCpu);
    rows.push({ section, name: `${name} p95`, value: percentile(diagnostics, 95), unit: 'ms', target, detail: `${timings.length} edits${extra}` });
    rows.push({ section, name: `${name} CPU median / p95`, value: median(cpu), unit: 'ms', detail: `p95 ${percentile(cpu, 95).toFixed(1)} ms: the wall time on an idle machine` });
    rows.push({ section, name: `${name} whole update p95`, value: percentile(builds, 95), unit: 'ms', detail: 'incl. dependents and republished workspace findings' });
}

async function editSection(): Promise<EditorSession> {
    const workspace = generateWorkspace({ elements: 10_000, files: 100 });
    const teamFile = workspace.teamFile!,
        strategyFile = workspace.strategyFile;
    await settle();
    const heapBefore = process.memoryUsage().heapUsed;
    const session = await EditorSession.open(workspace, [teamFile, strategyFile]);
    const edits = QUICK ? 15 : 40,
        warmup = 5;

    const keystrokes = async (file: string): Promise<EditTiming[]> => {
        const timings: EditTiming[] = [];
        for (let i = 0; i < warmup + edits; i++) {
            const text = session.text(file);
            const spots = textSpots(text);
            const at = spots[(i * 7) % spots.length];
            const timing = await session.edit(file, text.slice(0, at) + 'x' + text.slice(at));
            if (i >= warmup) timings.push(timing);
        }
        return timings;
    };
    log('edit (a) team file');
    summarise('(a) keystroke in a 200-element team file', await profiled('edit-a', () => keystrokes(teamFile)), 50);
    log('edit (b) strategy file');
    const strategyElements = session.services.eos.StrategyWorkspace.model.elementsIn(uriOf(strategyFile).toString()).length;
    summarise(
        '(b) keystroke in the central strategy file',
        await profiled('edit-b', () => keystrokes(strategyFile)),
        50,
        `; file has ${strategyElements} elements, 99 files reference it`
    );

    log('edit (c) rename');
    const bet = mostReferencedBet(workspace);
    const referencing = [...workspace.files].filter(([file, text]) => file !== strategyFile && new RegExp(`\\b${bet}\\b`).test(text)).length;
    const renames: EditTiming[] = [];
    await profiled('edit-c', async () => {
        for (let i = 0; i < warmup + edits; i++) {
            const text = session.text(strategyFile);
            const [from, to] = i % 2 === 0 ? [`bet ${bet} "`, `bet ${bet}x "`] : [`bet ${bet}x "`, `bet ${bet} "`];
            const timing = await session.edit(strategyFile, text.replace(from, to));
            if (i >= warmup) renames.push(timing);
        }
    });
    summarise(`(c) rename ${bet} (${referencing} files use it)`, renames, 250);

    await settle();
    const heapAfter = process.memoryUsage().heapUsed;
    rows.push({
        section: 'Memory',
        name: 'server heap for 10k elements (delta)',
        value: (heapAfter - heapBefore) / 1048576,
        unit: 'MB',
        target: 300,
        detail: `process heap ${(heapAfter / 1048576).toFixed(0)} MB incl. the benchmark's own texts`
    });
    return session;
}

async function lspSection(session: EditorSession): Promise<void> {
    const workspace = generateWorkspace({ elements: 10_000, files: 100 });
    const file = workspace.teamFile!;
    const document = session.document(file);
    const lines = document.textDocument.getText().split('\n');
    const refLine = lines.findIndex(line => /^\s+bet Bet\d+$/.test(line));
    const nameLine = lines.findIndex(line => /^okr \w+/.test(line));
    const textDocument = { uri: document.uri.toString() };
    const lsp = session.services.lsp;
    const section = 'Hover and completion, 10k elements in 100 files (medians of 30)';
    const hover = lsp.HoverProvider;
    if (hover) {
        const hoverAt = (line: number, character: number) => async () => {
            const result = await hover.getHoverContent(document, { textDocument, position: { line, character } });
            const contents = result?.contents;
            return typeof contents === 'object' && contents && 'value' in contents ? contents.value.length : JSON.stringify(contents ?? '').length;
        };
        const onRefChars = await hoverAt(refLine, lines[refLine].indexOf('Bet') + 2)();
        const onRef = await sample(30, 5, hoverAt(refLine, lines[refLine].indexOf('Bet') + 2));
        rows.push({
            section,
            name: 'hover on a cross-file reference',
            value: median(onRef),
            unit: 'ms',
            detail: `p95 ${percentile(onRef, 95).toFixed(1)} ms; ${onRefChars} chars of markdown`
        });
        const onNameChars = await hoverAt(nameLine, 5)();
        const onName = await sample(30, 5, hoverAt(nameLine, 5));
        rows.push({
            section,
            name: 'hover on an OKR name',
            value: median(onName),
            unit: 'ms',
            detail: `p95 ${percentile(onName, 95).toFixed(1)} ms; ${onNameChars} chars of markdown`
        });
    }
    const completion = lsp.CompletionProvider;
    if (completion) {
        let items = 0;
        const times = await sample(30, 5, async () => {
            const list = await completion.getCompletion(document, { textDocument, position: { line: refLine, character: lines[refLine].indexOf('Bet') + 1 } });
            items = list?.items.length ?? 0;
        });
        rows.push({ section, name: 'completion of a bet name', value: median(times), unit: 'ms', detail: `${items} items; p95 ${percentile(times, 95).toFixed(1)} ms` });
    }
}

async function diagramSection(): Promise<void> {
    const section = 'Diagram: graph + layout (ELK mrtree, as the preview) + SVG, fully expanded (medians of 5)';
    for (const target of [100, 300, 1000]) {
        // Find the workspace size whose tree has about `target` nodes.
        let elements = target * 4,
            services = freshServices(),
            nodes = 0;
        for (let round = 0; round < 3; round++) {
            services = freshServices();
            await fullBuild(generateWorkspace({ elements, files: Math.max(2, Math.round(elements / 100)) }), services);
            nodes = diagramNodeCount(services);
            if (Math.abs(nodes - target) / target < 0.05) break;
            elements = Math.round((elements * target) / nodes);
        }
        const timings = [];
        await diagramOnce(services); // the first layout in a process loads ELK
        for (let i = 0; i < 5; i++) timings.push(await diagramOnce(services));
        const total = median(timings.map(t => t.graph + t.layout + t.svg));
        const layout = median(timings.map(t => t.layout));
        rows.push({
            section,
            name: `${nodes} nodes: graph + layout + SVG`,
            value: total,
            unit: 'ms',
            ...(target === 300 ? { target: 250 } : {}),
            detail: `graph ${median(timings.map(t => t.graph)).toFixed(1)}, svg ${median(timings.map(t => t.svg)).toFixed(1)} ms`
        });
        rows.push({ section, name: `${nodes} nodes: layout`, value: layout, unit: 'ms', ...(target === 1000 ? { target: 1000 } : {}) });
    }
}

const CHECK_INS = 20_000;

/** Offsets of the last digit of the value of each check-in written at the top level (a team's check-in file). */
function valueSpots(text: string): number[] {
    const spots: number[] = [];
    for (const match of text.matchAll(/^checkin \S+ \S+ (\d+)/gm)) spots.push(match.index + match[0].length - 1);
    return spots;
}

/**
 * Issue 14: the 10k/100-file workspace carrying 20k check-ins (half under their key results, half
 * in 50 team check-in files): a cold build, then keystrokes in the team file and check-in values
 * changed in a team's check-in file, in process as the edit section measures them.
 */
async function checkInSection(): Promise<void> {
    const workspace = generateWorkspace({ elements: 10_000, files: 100, checkIns: CHECK_INS });
    const section = `Edit → diagnostics, 10k elements + ${CHECK_INS / 1000}k check-ins in ${workspace.files.size} files`;
    log(`check-ins: ${workspace.files.size} files, ${(totalChars(workspace) / 1e6).toFixed(2)}M chars`);
    const builds: number[] = [];
    for (let i = 0; i <= (QUICK ? 2 : 3); i++) {
        collectGarbage();
        const { ms } = await fullBuild(workspace);
        if (i > 0) builds.push(ms);
    }
    rows.push({
        section,
        name: 'cold full build',
        value: median(builds),
        unit: 'ms',
        detail: `median of ${builds.length}; ${workspace.elements} elements, ${workspace.checkIns} check-ins`
    });
    const teamFile = workspace.teamFile!,
        checkInFile = workspace.checkInFile!;
    const session = await EditorSession.open(workspace, [teamFile, checkInFile]);
    const edits = QUICK ? 15 : 40,
        warmup = 5;
    const series = async (file: string, edit: (text: string, i: number) => string): Promise<EditTiming[]> => {
        const timings: EditTiming[] = [];
        for (let i = 0; i < warmup + edits; i++) {
            const timing = await session.edit(file, edit(session.text(file), i));
            if (i >= warmup) timings.push(timing);
        }
        return timings;
    };
    log('check-ins (d) team file');
    const typed = await profiled('edit-d', () =>
        series(teamFile, (text, i) => {
            const spots = textSpots(text);
            const at = spots[(i * 7) % spots.length];
            return text.slice(0, at) + 'x' + text.slice(at);
        })
    );
    const nested = (workspace.files.get(teamFile)!.match(/^\s+checkin /gm) ?? []).length;
    summarise('(d) keystroke in the 200-element team file', typed, 50, `; the file holds ${nested} check-ins`, section);
    log('check-ins (e) check-in file');
    const separate = (workspace.files.get(checkInFile)!.match(/^checkin /gm) ?? []).length;
    // A team corrects its readings: one digit of a value retyped, a different check-in each time.
    const retyped = await profiled('edit-e', () =>
        series(checkInFile, (text, i) => {
            const spots = valueSpots(text);
            const at = spots[(i * 11) % spots.length];
            const digit = String((Number(text[at]) + 1) % 10);
            return text.slice(0, at) + digit + text.slice(at + 1);
        })
    );
    summarise(`(e) check-in value retyped in a team's check-in file`, retyped, 50, `; ${separate} check-ins of another team's key results`, section);
}

/** The keystroke end to end: didChange → publishDiagnostics through a real `eos lsp --stdio`. */
async function lspProcessSection(): Promise<void> {
    // The server measures against the real today: the check-ins lead up to it.
    const workspace = generateWorkspace({ elements: 10_000, files: 100, checkIns: CHECK_INS, today: new Date().toISOString().slice(0, 10) });
    const section = `End to end: \`eos lsp --stdio\` process, 10k elements + ${CHECK_INS / 1000}k check-ins`;
    const edits = QUICK ? 30 : 60;
    log(`lsp process: ${workspace.files.size} files`);
    const result = await lspKeystrokes(workspace, { file: workspace.teamFile!, spots: textSpots, edits, warmup: 5, typingGapMs: 120, log });
    if (!result.brokenReference.length) throw new Error('the end-to-end session published no unresolved-reference after breaking a reference: its timings are not of real checks');
    rows.push({ section, name: 'server ready (all files published)', value: result.readyMs, unit: 'ms', detail: `${result.files} files, from spawning the process` });
    rows.push({ section, name: 'didChange → publishDiagnostics median', value: median(result.latencies), unit: 'ms' });
    rows.push({
        section,
        name: 'didChange → publishDiagnostics p95',
        value: percentile(result.latencies, 95),
        unit: 'ms',
        target: 50,
        detail: `${result.latencies.length} keystrokes in the 200-element team file, ≥ 120 ms apart; max ${Math.max(...result.latencies).toFixed(0)} ms`
    });
    if (result.cpu.length)
        rows.push({
            section,
            name: 'server CPU per keystroke median / p95',
            value: median(result.cpu),
            unit: 'ms',
            detail: `p95 ${percentile(result.cpu, 95).toFixed(1)} ms: the server's CPU time over the same spans (the latency on an idle machine)`
        });
}

/** Changes 100 elements spread over the team files: titles, and every fifth one's status. */
function hundredChanges(workspace: GeneratedWorkspace): Map<string, string> {
    const changed = new Map(workspace.files);
    const files = [...changed.keys()].filter(file => file !== workspace.strategyFile);
    let count = 0;
    for (let round = 0; count < 100 && round < 10; round++) {
        for (const file of files) {
            if (count >= 100) break;
            const text = changed.get(file)!;
            const matches = [...text.matchAll(/^(initiative|okr) (\w+) "([^"]*)"/gm)];
            const match = matches[round];
            if (!match) continue;
            let next = text.slice(0, match.index) + `${match[1]} ${match[2]} "${match[3]} (revised)"` + text.slice(match.index! + match[0].length);
            if (count % 5 === 0) next = next.replace(/status (funnel|reviewing|analyzing|ready)\b/, 'status doing');
            changed.set(file, next);
            count++;
        }
    }
    return changed;
}

function writeFiles(dir: string, files: Map<string, string>): void {
    for (const [file, text] of files) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
}

function cliSection(): void {
    const cli = path.resolve('out/cli.cjs');
    if (!fs.existsSync(cli)) {
        log('out/cli.cjs missing: run `npm run bundle` (npm run bench does)');
        return;
    }
    const workspace = generateWorkspace({ elements: 10_000, files: 100 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-bench-'));
    const run = (args: string[]) => {
        const start = performance.now();
        const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (result.status === 2) throw new Error(`eos ${args[0]} failed: ${result.stderr}`);
        return { ms: performance.now() - start, result };
    };
    try {
        writeFiles(dir, workspace.files);
        const checkArgs = ['check', dir, '--today', TODAY];
        // Two revisions of the same workspace, 100 elements apart, in a real repository.
        const git = (...args: string[]) => {
            const result = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
            if (result.status !== 0) throw new Error(`git ${args[0]} failed: ${result.stderr}`);
        };
        git('init', '-q');
        git('add', '-A');
        git('commit', '-q', '-m', 'before');
        writeFiles(dir, hundredChanges(workspace));
        git('commit', '-q', '-a', '-m', 'after');
        git('checkout', '-q', 'HEAD~1'); // `eos check` reads the first revision, as the diff's first side
        const diffArgs = ['diff', 'HEAD', 'main', '--format', 'json', '--today', TODAY];
        git('branch', '-f', 'main', 'HEAD@{1}');
        // Check and diff alternate, so a change in the machine's load hits both alike.
        const checks: number[] = [],
            diffs: number[] = [],
            ratios: number[] = [];
        let checkStatus: number | null = null;
        let report: { counts: { modified: number; findingsIntroduced: number } } | undefined;
        for (let i = 0; i < (QUICK ? 3 : 5) + 1; i++) {
            const check = run(checkArgs);
            const diff = run(diffArgs);
            checkStatus = check.result.status;
            report = JSON.parse(diff.result.stdout) as typeof report;
            if (i === 0) continue; // warms the file cache
            checks.push(check.ms);
            diffs.push(diff.ms);
            ratios.push(diff.ms / check.ms);
        }
        rows.push({
            section: 'CLI',
            name: '`eos check` 10k elements / 100 files (wall)',
            value: median(checks),
            unit: 'ms',
            target: 3000,
            detail: `whole process, median of ${checks.length}; exit ${checkStatus}`
        });
        rows.push({
            section: 'CLI',
            name: '`eos diff` of two revisions, 100 elements changed (wall)',
            value: median(diffs),
            unit: 'ms',
            detail: `${report!.counts.modified} modified in 99 files, ${report!.counts.findingsIntroduced} findings introduced; whole process incl. git`
        });
        rows.push({
            section: 'CLI',
            name: '`eos diff` ÷ `eos check`',
            value: median(ratios),
            unit: '×',
            target: 2,
            detail: "median of the runs' ratios; one cold build, then the other revision applied as edits"
        });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Sections that run together in one process (the hover and completion figures use the edit session). */
const PROCESSES: ReadonlyArray<readonly string[]> = [
    ['build'],
    ['repair'],
    ['edit', 'lsp'],
    ['checkins'],
    ['lsp-process'],
    ['diagram'],
    ['loop-views'],
    ['autonomy'],
    ['compare'],
    ['cli'],
    ['site'],
    ['limits']
];

/**
 * Runs each group of sections in a fresh process started like the language server (its V8
 * flags), so no section measures in a heap or JIT state that another one left behind: a parse
 * measured after an editor session ran was a third slower than in a fresh process.
 */
async function main(): Promise<void> {
    const flags = process.env.EOS_BENCH_V8_DEFAULTS === '1' ? [] : SERVER_V8_FLAGS;
    for (const sections of PROCESSES) {
        const only = sections.filter(wanted);
        if (!only.length) continue;
        const rowsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eos-bench-rows-')), 'rows.json');
        const child = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', ...flags, process.argv[1]], {
            stdio: 'inherit',
            env: { ...process.env, EOS_BENCH_ONLY: only.join(','), EOS_BENCH_ROWS: rowsFile }
        });
        if (child.status !== 0) throw new Error(`the ${only.join(' and ')} section failed (exit ${child.status ?? child.signal})`);
        rows.push(...(JSON.parse(fs.readFileSync(rowsFile, 'utf8')) as Row[]));
        fs.rmSync(path.dirname(rowsFile), { recursive: true, force: true });
    }

    const machine = {
        cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
        memoryGb: Math.round(os.totalmem() / 1e9),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        loadAverage: os
            .loadavg()
            .map(n => n.toFixed(2))
            .join(' ')
    };
    process.stdout.write(
        `EOS benchmark — ${started.toISOString()} — ${machine.cpus}, node ${machine.node}, ${flags.join(' ') || 'V8 defaults'}, load ${machine.loadAverage}${QUICK ? ' — QUICK' : ''}\n`
    );
    process.stdout.write(formatTable(rows) + '\n');
    const missed = rows.filter(row => row.target !== undefined && !(row.value <= row.target));
    process.stdout.write(`\n${missed.length ? `${missed.length} target(s) missed: ${missed.map(r => r.name).join('; ')}` : 'All targets met.'}\n`);
    fs.writeFileSync(path.resolve('bench/results.json'), JSON.stringify({ date: started.toISOString(), quick: QUICK, machine, flags, rows }, null, 2) + '\n');
}

/** In a section process: run the sections asked for and hand the rows back to the parent. */
async function sectionProcess(rowsFile: string): Promise<void> {
    if (wanted('build')) await buildSection();
    if (wanted('repair')) repairSection(rows, QUICK, log);
    if (wanted('edit') || wanted('lsp')) {
        const session = await editSection();
        if (wanted('lsp')) await lspSection(session);
    }
    if (wanted('checkins')) await checkInSection();
    if (wanted('lsp-process')) await lspProcessSection();
    if (wanted('diagram')) await diagramSection();
    if (wanted('autonomy')) await autonomySection(rows, log);
    if (wanted('loop-views')) await loopViewsSection(rows, log);
    if (wanted('compare')) await compareSection(rows, hundredChanges, QUICK, TODAY);
    if (wanted('cli')) cliSection();
    if (wanted('site')) siteSection(rows, TODAY, log);
    if (wanted('limits')) await reliabilitySection(rows, QUICK, log);
    fs.writeFileSync(rowsFile, JSON.stringify(rows));
}

const rowsFile = process.env.EOS_BENCH_ROWS;
(rowsFile ? sectionProcess(rowsFile) : main()).catch(error => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
});
