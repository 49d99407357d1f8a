/** `eos check`: the workspace's diagnostics as a compiler would print them, or as JSON for tools. */
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LoadedWorkspace } from './workspace.js';

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
}

const SEVERITY_NAME: Record<DiagnosticSeverity, CliDiagnostic['severity']> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

export function checkReport(workspace: LoadedWorkspace, cwd = process.cwd()): CheckReport {
    const diagnostics: CliDiagnostic[] = [];
    for (const document of workspace.documents) {
        const file = toPosix(path.relative(cwd, workspace.paths.get(document.uri.toString())!));
        for (const d of document.diagnostics ?? []) diagnostics.push(toCli(file, d));
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
    lines.push(`${plural(report.files, 'file')} checked: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info, ${plural(hint, 'hint')}${skipped}`);
    return lines.join('\n') + '\n';
}

/**
 * Text safe to print on a terminal: control characters (a newline or an ESC in a file name, which
 * would break a line or change the terminal's colours) and bidi overrides written as `\u{…}`.
 */
export function printable(text: string): string {
    // eslint-disable-next-line no-control-regex -- control characters are what this escapes
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ch => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}
