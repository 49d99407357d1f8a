/** `eos check`: the workspace's diagnostics as a compiler would print them, or as JSON for tools. */
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LoadedWorkspace } from './workspace.js';
import { notReadMessage, type NotRead } from './partial-workspace.js';
import { visibleLine } from '../shared/visible-text.js';

export interface CliDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
}

export interface CheckReport {
    files: number;
    diagnostics: CliDiagnostic[];
    /** Files that could not be read (skipped, as the editor skips them), each with why. */
    unreadable: Array<{ file: string; message: string }>;
    summary: { error: number; warning: number; info: number; hint: number };
    /** Part of a workspace was checked: the names other files define, told once (see partial-workspace.ts). */
    notRead?: NotRead;
}

/** Codes that mean part of what is written was not read: the text, a value, a period. */
const UNREAD_CODES: ReadonlySet<string> = new Set(['syntax', 'invalid-value', 'invalid-period']);

/** The errors where the text was not read as written: an export or report of these files leaves those parts out. */
export function unreadParts(report: CheckReport): CliDiagnostic[] {
    return report.diagnostics.filter(d => d.severity === 'error' && UNREAD_CODES.has(d.code));
}

const SEVERITY_NAME: Record<DiagnosticSeverity, CliDiagnostic['severity']> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

/** The workspace's diagnostics, sorted, without those in `leaveOut` (told another way). */
export function checkReport(workspace: LoadedWorkspace, cwd = process.cwd(), leaveOut: ReadonlySet<Diagnostic> = new Set()): CheckReport {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of workspace.documents) {
        const file = toPosix(path.relative(cwd, workspace.paths.get(document.uri.toString())!));
        for (const d of document.diagnostics ?? []) if (!leaveOut.has(d)) diagnostics.push(toCli(file, d));
    }
    diagnostics.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code));
    const summary = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const d of diagnostics) summary[d.severity]++;
    const unreadable = workspace.unreadable.map(entry => {
        const file = toPosix(path.relative(cwd, entry.file)) || '.';
        // Messages name the file as the scan saw it (absolute): say it as the user typed it.
        return { file, message: entry.message.split(entry.file).join(file) };
    });
    return { files: workspace.documents.length, diagnostics, unreadable, summary };
}

function toCli(file: string, d: Diagnostic): CliDiagnostic {
    return {
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code ?? 'syntax'),
        message: typeof d.message === 'string' ? d.message : d.message.value
    };
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function toPosix(file: string): string {
    return file.split(path.sep).join('/');
}

export function formatText(report: CheckReport): string {
    const lines = report.diagnostics.map(d => `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code} ${printable(d.message)}`);
    const { error, warning, info, hint } = report.summary;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const skipped = report.unreadable.length ? `; ${plural(report.unreadable.length, 'file')} could not be read` : '';
    if (report.notRead) lines.push(`note: ${notReadMessage(report.notRead, report.files)}`);
    lines.push(`${plural(report.files, 'file')} checked: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info, ${plural(hint, 'hint')}${skipped}`);
    return lines.join('\n') + '\n';
}

/**
 * Text safe to print on a terminal: control characters (a newline or an ESC in a file name, which
 * would break a line or change the terminal's colours), bidi overrides and zero-width characters
 * written as `\u{…}`, by the rule every output shares (src/shared/visible-text.ts).
 */
export function printable(text: string): string {
    return visibleLine(text);
}
