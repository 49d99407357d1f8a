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
    summary: { error: number; warning: number; info: number; hint: number };
}

const SEVERITY_NAME: Record<DiagnosticSeverity, CliDiagnostic['severity']> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint'
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
    return { files: workspace.documents.length, diagnostics, summary };
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
    const lines = report.diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
    const { error, warning, info, hint } = report.summary;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push(`${plural(report.files, 'file')} checked: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info, ${plural(hint, 'hint')}`);
    return lines.join('\n') + '\n';
}
