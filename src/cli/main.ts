/**
 * The `eos` command line: `check` for CI, `export` for reports and pictures, `lsp` for editors
 * other than VS Code. Exit status: 0 no errors, 1 errors found, 2 usage or unreadable input.
 * It never prints a stack trace: anything unexpected becomes one clear line on stderr.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseDate } from '../language/model/dates.js';
import { readPeriod, type Period } from '../language/model/periods.js';
import type { StrategyWorkspace } from '../language/workspace/strategy-workspace.js';
import { exportModel } from '../language/model/export-model.js';
import { checkReport, formatText, printable, unreadParts, type CheckReport } from './check.js';
import { resolveInUnreadFiles } from './partial-workspace.js';
import { findEosFiles } from './files.js';
import { findConfig, loadWorkspace, UsageError } from './workspace.js';
import { exportDiagram, exportMarkdown } from './export-formats.js';
import { version } from '../../package.json';
import { DIFF_USAGE, diffConfig, runDiff } from './diff-command.js';

/** The version users see in `eos --version` and the MCP handshake: the one in package.json, never a copy. */
export const VERSION: string = version;

const USAGE = `Usage:
  eos check [PATH ...] [--format text|json] [--today YYYY-MM-DD] [--config FILE]
      Check .eos files and folders (recursively) as one workspace.
      Exit status: 0 no errors, 1 errors found, 2 usage or unreadable input.
  eos export PATH ... --format json|svg|markdown [--period PERIOD] [--out FILE] [--today YYYY-MM-DD] [--config FILE]
      Write the model (json), the Lean Value Tree picture (svg) or a one-page report (markdown);
      --period 2026-Q1 adds the period view to the report: grades, trends, what it taught.
  eos build [PATH ...] [--out DIR] [--single-file] [--title TEXT] [--today YYYY-MM-DD] [--config FILE]
      Publish the strategy as a static site in DIR (default: site), or as one HTML file
      (--single-file; --out names the file, default: strategy.html).
${DIFF_USAGE}
  eos mcp [--root DIR] [--today YYYY-MM-DD]
      Serve the workspace (default: the current folder) to AI assistants over MCP (stdio).
  eos lsp --stdio
      Run the language server over stdio for any LSP editor.
  eos --help | --version
`;

export interface CliIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    cwd: string;
    /** Standard output is a terminal: `eos diff` colours its text there. */
    isTTY?: boolean;
    env?: Record<string, string | undefined>;
}

const defaultIo: CliIo = {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env
};

export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
    try {
        return await dispatch(argv, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`eos: ${error.message}\n`);
            return 2;
        }
        io.stderr(`eos: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report this with the file that caused it.\n`);
        return 2;
    }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
    const [command, ...rest] = argv;
    switch (command) {
        case 'check':
            return check(rest, io);
        case 'export':
            return exportCommand(rest, io);
        case 'build':
            return buildCommand(rest, io);
        case 'diff':
            return diffCommand(rest, io);
        case 'mcp':
            return mcp(rest, io);
        case 'lsp':
            return lsp(rest);
        case '--version':
        case '-v':
        case 'version':
            io.stdout(`eos ${VERSION}\n`);
            return 0;
        case undefined:
        case '--help':
        case '-h':
        case 'help':
            (command === undefined ? io.stderr : io.stdout)(USAGE);
            return command === undefined ? 2 : 0;
        default:
            throw new UsageError(`unknown command '${command}'\n${USAGE}`);
    }
}

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>) {
    try {
        return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError(`${(error as Error).message}\n${USAGE}`);
    }
}

function todayOption(value: string | boolean | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || parseDate(value) === undefined) {
        throw new UsageError(`--today must be a real date written YYYY-MM-DD (e.g. 2026-02-03), not '${printable(String(value))}'`);
    }
    return value;
}

async function prepare(values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIo) {
    const paths = positionals.length ? positionals.map(p => path.resolve(io.cwd, p)) : [io.cwd];
    const today = todayOption(values.today);
    const { files, problems } = findEosFiles(paths);
    if (files.length === 0 && problems.length === 0) {
        throw new UsageError(`no .eos files found in ${positionals.length ? positionals.map(printable).join(', ') : 'the current folder'}`);
    }
    const configPath = typeof values.config === 'string' ? path.resolve(io.cwd, values.config) : undefined;
    const { config, file: configFile } = findConfig(configPath, paths);
    const workspace = await loadWorkspace(files, { ...(config ? { config } : {}), ...(today ? { today } : {}), unreadable: problems });
    return { ...workspace, ...(configFile ? { configFile } : {}) };
}

/** Unreadable files on stderr, one `eos:` line each, with the file names made printable. */
function reportUnreadable(report: CheckReport, io: CliIo): void {
    for (const { message } of report.unreadable) io.stderr(`eos: ${printable(message)}\n`);
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args, {
        format: { type: 'string' },
        today: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
    });
    if (values.help) return help(io);
    const format = String(values.format ?? 'text');
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const workspace = await prepare(values, positionals, io);
    // Part of a workspace: names the other files define are told once, not as an error per reference.
    const { resolved, notRead } = await resolveInUnreadFiles(workspace, io.cwd, workspace.configFile);
    const report = checkReport(workspace, io.cwd, resolved);
    if (notRead) report.notRead = notRead;
    // The report of what could be read is printed even when some files could not be: CI keeps it.
    if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (report.files > 0 || !report.unreadable.length) io.stdout(formatText(report)); // nothing read: the reasons alone
    reportUnreadable(report, io);
    if (report.unreadable.length) return 2;
    return report.summary.error > 0 ? 1 : 0;
}

function help(io: CliIo): number {
    io.stdout(USAGE);
    return 0;
}

async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args, {
        format: { type: 'string' },
        out: { type: 'string' },
        today: { type: 'string' },
        config: { type: 'string' },
        period: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
    });
    if (values.help) return help(io);
    const format = String(values.format ?? 'json');
    if (!['json', 'svg', 'markdown'].includes(format)) throw new UsageError(`--format must be json, svg or markdown, not '${format}'`);
    if (values.period !== undefined && format !== 'markdown') throw new UsageError(`--period goes with --format markdown (the period view is part of the report)`);
    if (positionals.length === 0) throw new UsageError(`export needs a PATH\n${USAGE}`);
    const workspace = await prepare(values, positionals, io);
    const period = typeof values.period === 'string' ? askedPeriod(values.period, workspace.services.eos.StrategyWorkspace) : undefined;
    const report = checkReport(workspace, io.cwd);
    reportUnreadable(report, io);
    const strategy = workspace.services.eos.StrategyWorkspace;
    const fileOf = (uri: string) =>
        path
            .relative(io.cwd, workspace.paths.get(uri) ?? uri)
            .split(path.sep)
            .join('/');
    let output: string;
    if (format === 'json') output = JSON.stringify(exportModel(strategy.model, fileOf), null, 2) + '\n';
    else if (format === 'svg') {
        const diagram = await exportDiagram(strategy);
        if (diagram.notice) io.stderr(`eos: ${diagram.notice}\n`);
        output = diagram.svg;
    } else output = exportMarkdown(strategy, report, period);
    if (typeof values.out === 'string') {
        try {
            fs.writeFileSync(path.resolve(io.cwd, values.out), output);
        } catch (error) {
            throw new UsageError(`cannot write ${values.out}: ${(error as Error).message}`);
        }
    } else {
        io.stdout(output);
    }
    const unread = reportUnreadParts(report, format === 'markdown' ? 'report' : format === 'svg' ? 'picture' : 'export', io);
    return workspace.unreadable.length ? 2 : unread ? 1 : 0;
}

/**
 * The period `--period` asks for, read as the files' periods are (the config's financial year
 * included). A malformed period, or one no objective falls in (most likely a typo of the year),
 * is a usage error (exit 2) that says what to write: the periods the objectives use.
 */
function askedPeriod(text: string, strategy: StrategyWorkspace): Period {
    const { yearStart } = strategy.ruleOptions();
    const reading = readPeriod(text, yearStart);
    const written = [...new Set(strategy.model.ofKind('okr').flatMap(okr => (okr.period ? [okr.period] : [])))].sort();
    const known = written.length ? ` The objectives use: ${written.join(', ')}.` : ' No objective states a period yet.';
    if (!reading.period)
        throw new UsageError(
            `--period '${printable(text)}': ${reading.problem?.fault ?? 'not a period.'} ${reading.problem?.fix ?? 'Write it as 2026-Q1, 2026-H1 or 2026.'}${known}`
        );
    const period = reading.period;
    const inside = strategy.model.ofKind('okr').some(okr => {
        const own = okr.period ? readPeriod(okr.period, yearStart).period : undefined;
        return own !== undefined && own.start >= period.start && own.end <= period.end;
    });
    if (!inside) throw new UsageError(`--period ${printable(text)}: no objective is written for it, so there is nothing to grade.${known}`);
    return period;
}

/**
 * What was written but not read (syntax errors, refused values) on stderr, each as `eos check`
 * prints it, then one line saying what that means for the output; whether there was any. An export,
 * report or site of such files shows less than what is written, so the command exits 1.
 */
function reportUnreadParts(report: CheckReport, output: string, io: CliIo): boolean {
    const unread = unreadParts(report);
    if (unread.length === 0) return false;
    for (const d of unread) io.stderr(`${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${printable(d.message)}\n`);
    const files = new Set(unread.map(d => d.file)).size;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    io.stderr(
        `eos: ${plural(unread.length, 'error')} in ${plural(files, 'file')} where the text could not be read as written: the ${output} leaves those parts out. Correct them (eos check lists every finding), then run this again.\n`
    );
    return true;
}

async function buildCommand(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args, {
        out: { type: 'string' },
        'single-file': { type: 'boolean' },
        title: { type: 'string' },
        today: { type: 'string' },
        config: { type: 'string' }
    });
    const singleFile = values['single-file'] === true;
    const out = path.resolve(io.cwd, typeof values.out === 'string' ? values.out : singleFile ? 'strategy.html' : 'site');
    const workspace = await prepare(values, positionals, io);
    const started = performance.now();
    const { writeSite } = await import('./build.js');
    const result = await writeSite(workspace, out, { singleFile, cwd: io.cwd, ...(typeof values.title === 'string' ? { title: values.title } : {}) });
    const report = checkReport(workspace, io.cwd);
    const { error, warning } = report.summary;
    const relative = path.relative(io.cwd, result.target);
    const shown = !relative ? '.' : relative.startsWith('..') ? result.target : relative;
    io.stdout(
        `${singleFile ? `Wrote ${shown}` : `Wrote ${result.files} files to ${shown}/`} (${(result.bytes / 1024).toFixed(0)} KB) in ${Math.round(performance.now() - started)} ms; ` +
            `${report.files} file${report.files === 1 ? '' : 's'} read, ${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'} shown on the site.\n` +
            `Open ${path.join(shown, singleFile ? '' : 'index.html')} in a browser.\n`
    );
    return reportUnreadParts(report, 'site', io) ? 1 : 0;
}

async function diffCommand(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parse(args, {
        root: { type: 'string' },
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        today: { type: 'string' },
        config: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        out: { type: 'string' }
    });
    const today = todayOption(values.today);
    const config = diffConfig(typeof values.config === 'string' ? values.config : undefined, io.cwd);
    return runDiff(
        {
            positionals,
            format: String(values.format ?? 'text'),
            ...(typeof values.root === 'string' ? { root: values.root } : {}),
            ...(typeof values['fail-on'] === 'string' ? { failOn: values['fail-on'] } : {}),
            ...(today ? { today } : {}),
            ...(config ? { config } : {}),
            ...(values['no-color'] ? { color: false } : values.color ? { color: true } : {}),
            ...(typeof values.out === 'string' ? { out: values.out } : {})
        },
        io
    );
}

async function mcp(args: readonly string[], io: CliIo): Promise<number> {
    const { values } = parse(args, { root: { type: 'string' }, today: { type: 'string' } });
    const today = todayOption(values.today);
    const root = path.resolve(io.cwd, typeof values.root === 'string' ? values.root : '.');
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root ${root}: not a folder`);
    const { serveMcp } = await import('../mcp/mcp-server.js');
    await serveMcp(root, VERSION, today);
    return 0;
}

async function lsp(args: readonly string[]): Promise<number> {
    if (!args.includes('--stdio')) throw new UsageError('eos lsp needs --stdio (the language server talks LSP over standard input and output)');
    const { startStdioServer } = await import('../server/start-server.js');
    startStdioServer();
    // The server keeps the process alive; this promise never settles so the CLI does not exit.
    return new Promise<number>(() => undefined);
}
