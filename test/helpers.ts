/**
 * Test helpers: a workspace of EOS documents built with the real services, and marker-based
 * positions (`<|name|>`) so tests name ranges instead of counting columns.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { createEosServices, type EosServices } from '../src/language/eos-module.js';
import type { EosConfig } from '../src/language/workspace/eos-config.js';

export interface TestWorkspace {
    services: EosServices;
    documents: Map<string, LangiumDocument>;
    /** Ranges of `<|…|>` markers per file, in order. */
    markers: Map<string, Range[]>;
    diagnostics(file: string): Diagnostic[];
    all(): Array<Diagnostic & { file: string }>;
}

/** Removes `<|` and `|>` markers and returns the text with the ranges they enclosed. */
export function extractMarkers(text: string): { text: string; ranges: Range[] } {
    const ranges: Range[] = [];
    let out = '';
    let line = 0,
        character = 0;
    let open: { line: number; character: number } | undefined;
    for (let i = 0; i < text.length; i++) {
        if (text.startsWith('<|', i)) {
            open = { line, character };
            i++;
            continue;
        }
        if (text.startsWith('|>', i) && open) {
            ranges.push({ start: open, end: { line, character } });
            open = undefined;
            i++;
            continue;
        }
        const ch = text[i];
        out += ch;
        if (ch === '\n') {
            line++;
            character = 0;
        } else character++;
    }
    return { text: out, ranges };
}

export async function buildWorkspace(files: Record<string, string>, options: { today?: string; config?: EosConfig; services?: EosServices } = {}): Promise<TestWorkspace> {
    const services = options.services ?? createEosServices(EmptyFileSystem).Eos;
    const strategy = services.eos.StrategyWorkspace;
    strategy.today = options.today ?? '2026-03-01';
    if (options.config) strategy.setConfig(options.config);
    const documents = new Map<string, LangiumDocument>();
    const markers = new Map<string, Range[]>();
    for (const [file, source] of Object.entries(files)) {
        const { text, ranges } = extractMarkers(source);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/workspace/${file}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(file, document);
        markers.set(file, ranges);
    }
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return {
        services,
        documents,
        markers,
        diagnostics: file => documents.get(file)?.diagnostics ?? [],
        all: () => [...documents.entries()].flatMap(([file, doc]) => (doc.diagnostics ?? []).map(d => ({ ...d, file })))
    };
}

/** `code@line:col-line:col` (1-based lines, 0-based columns as in LSP) for compact assertions. */
export function describeDiagnostic(d: Diagnostic): string {
    return `${String(d.code)}@${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.line + 1}:${d.range.end.character}`;
}

/**
 * Every `.eos` file under a folder (relative to the repository root, or absolute), recursively,
 * as `path relative to the folder → raw text` (BOM and CRLF kept), in a stable order.
 */
export function readEosFolder(folder: string): Record<string, string> {
    const base = path.resolve(__dirname, '..', folder);
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile() && entry.name.endsWith('.eos')) files[path.relative(base, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
        }
    };
    walk(base);
    return files;
}
