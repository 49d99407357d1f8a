/**
 * Runs `eos check --format json` in-process on a temporary folder and checks the CLI contract
 * (LANGUAGE.md §4): exit 0 or 1 with one JSON report on stdout, or exit 2 with one clear line on
 * stderr for input it refuses (binary files); never a stack trace, never an internal error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runEos } from '../cli/run-eos.js';
import { looksBinary } from '../../src/language/workspace/workspace-files.js';
import type { Problem } from './service-probe.js';

export interface CliFile {
    path: string;
    content: string | Buffer;
}

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

/** A stack frame as Node prints it: `    at fn (file.js:1:2)` or `    at file.js:1:2`. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

export function runCliCaptured(argv: readonly string[], cwd: string): Promise<CliRun> {
    return runEos(argv, cwd);
}

export function withTempFolder<T>(files: readonly CliFile[], body: (folder: string) => Promise<T>): Promise<T> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-fuzz-'));
    for (const file of files) {
        const full = path.join(folder, file.path);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, file.content);
    }
    return body(folder).finally(() => fs.rmSync(folder, { recursive: true, force: true }));
}

export async function checkCliRun(files: readonly CliFile[]): Promise<Problem[]> {
    return withTempFolder(files, async folder => {
        const run = await runCliCaptured(['check', '--format', 'json', '--today', '2026-03-01', '.'], folder);
        const binary = files.some(f => looksBinary(Buffer.from(f.content)));
        return cliContractProblems(run, files.length, binary);
    });
}

/** What is wrong with a `check --format json` run, by the CLI contract. */
export function cliContractProblems(run: CliRun, fileCount: number, binaryInput: boolean): Problem[] {
    const problems: Problem[] = [];
    const problem = (detail: string) => problems.push({ request: 'cli check --format json', detail });
    if (STACK_FRAME.test(run.stdout) || STACK_FRAME.test(run.stderr)) problem(`printed a stack trace:\n${run.stderr.slice(0, 2000)}`);
    if (/internal error/i.test(run.stderr)) problem(`internal error: ${run.stderr.slice(0, 2000)}`);
    if (run.code === 2) {
        if (!binaryInput) problem(`exit 2 for readable text input: ${run.stderr.slice(0, 500)}`);
        else if (!/^eos: .*binary/m.test(run.stderr)) problem(`exit 2 without a clear message: ${run.stderr.slice(0, 500)}`);
        return problems;
    }
    if (run.code !== 0 && run.code !== 1) {
        problem(`exit ${run.code}`);
        return problems;
    }
    let report: unknown;
    try {
        report = JSON.parse(run.stdout);
    } catch (error) {
        problem(`stdout is not JSON (${(error as Error).message}): ${run.stdout.slice(0, 300)}`);
        return problems;
    }
    for (const issue of reportShapeProblems(report, fileCount)) problem(issue);
    const errors = (report as { summary?: { error?: number } }).summary?.error ?? 0;
    if (errors > 0 !== (run.code === 1)) problem(`exit ${run.code} but ${errors} errors in the report`);
    return problems;
}

/** The JSON report's shape, as LANGUAGE.md §4 fixes it. */
export function reportShapeProblems(report: unknown, fileCount: number): string[] {
    const issues: string[] = [];
    const r = report as { files?: unknown; diagnostics?: unknown; summary?: Record<string, unknown> };
    if (typeof r !== 'object' || r === null) return ['report is not an object'];
    if (r.files !== fileCount) issues.push(`files is ${String(r.files)}, expected ${fileCount}`);
    if (!Array.isArray(r.diagnostics)) return [...issues, 'diagnostics is not an array'];
    const counts: Record<string, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const d of r.diagnostics as Array<Record<string, unknown>>) {
        const fine =
            typeof d.file === 'string' &&
            typeof d.code === 'string' &&
            typeof d.message === 'string' &&
            ['line', 'column', 'endLine', 'endColumn'].every(k => Number.isInteger(d[k]) && (d[k] as number) >= 1) &&
            ((d.endLine as number) > (d.line as number) || ((d.endLine as number) === (d.line as number) && (d.endColumn as number) >= (d.column as number))) &&
            typeof d.severity === 'string' &&
            d.severity in counts;
        if (!fine) {
            issues.push(`malformed diagnostic ${JSON.stringify(d).slice(0, 300)}`);
            continue;
        }
        counts[d.severity as string]++;
    }
    for (const [severity, count] of Object.entries(counts)) {
        if (r.summary?.[severity] !== count) issues.push(`summary.${severity} is ${String(r.summary?.[severity])}, counted ${count}`);
    }
    return issues;
}
