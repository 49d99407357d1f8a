/**
 * No lost work: properties over the example workspaces, re-laid-out and mutated by the fuzzer's
 * mutations (so broken files too). The formatter, rename and quick fixes may only do what they
 * say; the user's tokens and comments survive every one of them.
 */
import fc from 'fast-check';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { createEosServices } from '../../../src/language/eos-module.js';
import { exampleWorkspaces } from '../../fuzz/corpus.js';
import { applyMutations, mutationsArbitrary } from '../../fuzz/mutations.js';
import { buildWorkspace } from '../../helpers.js';

const SEED = Number(process.env.EOS_FUZZ_SEED ?? 20260301);
const RUNS = Number(process.env.EOS_PROPERTY_RUNS ?? 25);
const workspaces = exampleWorkspaces();
const files = workspaces.flatMap(ws => Object.entries(ws.files).map(([file, text]) => ({ workspace: ws, file, text })));
const lexer = createEosServices(EmptyFileSystem).Eos.parser.Lexer;
const options = { tabSize: 2, insertSpaces: true };

/**
 * Every token of the text but whitespace, comments included, in order. The formatter re-indents
 * the lines of a block comment, so whitespace runs inside a comment compare as one space.
 */
function tokens(text: string): string[] {
    const { tokens: visible, hidden } = lexer.tokenize(text);
    return [...visible, ...hidden]
        .filter(t => t.tokenType.name !== 'WS')
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(t => (t.tokenType.name === 'ML_COMMENT' ? t.image.replace(/\s+/g, ' ') : t.image));
}

function apply(document: LangiumDocument, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(document.textDocument, [...edits]);
}

function offsetRange(document: LangiumDocument, range: Range): [number, number] {
    return [document.textDocument.offsetAt(range.start), document.textDocument.offsetAt(range.end)];
}

/** Edits of one document must not overlap: VS Code rejects the whole edit otherwise. */
function expectDisjoint(document: LangiumDocument, edits: readonly TextEdit[]): void {
    const spans = edits.map(e => offsetRange(document, e.range)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0], 'overlapping edits').toBeGreaterThanOrEqual(spans[i - 1][1]);
}

/** A layout of the same tokens: each gap between tokens gets different whitespace. */
function relayout(text: string, gaps: readonly string[]): string {
    const { tokens: visible, hidden } = lexer.tokenize(text);
    const all = [...visible, ...hidden].filter(t => t.tokenType.name !== 'WS').sort((a, b) => a.startOffset - b.startOffset);
    return all.map((t, i) => t.image + (t.tokenType.name === 'SL_COMMENT' ? '\n' : '') + gaps[i % gaps.length]).join('');
}

const gap = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\n\n\n', ' \n ', '\t\t\n');
const formatInput = fc.record({
    file: fc.nat(),
    gaps: fc.array(gap, { minLength: 1, maxLength: 50 }),
    mutations: fc.option(mutationsArbitrary({ large: false }), { freq: 2 })
});

describe('formatting keeps every token and comment', () => {
    it('is idempotent and changes only whitespace, for re-laid-out and mutated example files', async () => {
        const services = createEosServices(EmptyFileSystem).Eos;
        let formattedValidFiles = 0;
        await fc.assert(
            fc.asyncProperty(formatInput, async input => {
                const { text: original } = files[input.file % files.length];
                const laidOut = relayout(original, input.gaps);
                const text = input.mutations ? applyMutations(laidOut, input.mutations) : laidOut;
                const document = (await buildWorkspace({ 'input.eos': text }, { services: createEosServices(EmptyFileSystem).Eos })).documents.get('input.eos')!;
                const formatter = services.lsp.Formatter!;
                const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
                expectDisjoint(document, edits);
                const once = apply(document, edits);
                expect(tokens(once)).toEqual(tokens(text));
                const again = (await buildWorkspace({ 'input.eos': once }, { services: createEosServices(EmptyFileSystem).Eos })).documents.get('input.eos')!;
                const secondEdits = await formatter.formatDocument(again, { textDocument: { uri: again.uri.toString() }, options });
                expect(apply(again, secondEdits)).toBe(once);
                if (edits.length > 0 && document.parseResult.parserErrors.length === 0) formattedValidFiles++;
            }),
            { seed: SEED, numRuns: RUNS }
        );
        // The property says something only if the formatter actually rewrote files.
        expect(formattedValidFiles).toBeGreaterThan(RUNS / 4);
    }, 120_000);

    it('range formatting at random ranges changes only whitespace inside the range', async () => {
        const services = createEosServices(EmptyFileSystem).Eos;
        await fc.assert(
            fc.asyncProperty(formatInput, fc.nat(), fc.nat(), async (input, a, b) => {
                const { text: original } = files[input.file % files.length];
                const text = relayout(original, input.gaps);
                const document = (await buildWorkspace({ 'input.eos': text }, { services: createEosServices(EmptyFileSystem).Eos })).documents.get('input.eos')!;
                const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
                const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
                const edits = await services.lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri: document.uri.toString() }, options, range });
                expectDisjoint(document, edits);
                for (const edit of edits) {
                    const [from, to] = offsetRange(document, edit.range);
                    expect(edit.newText.replace(/\s+/g, ''), 'an edit changed more than whitespace').toBe(text.slice(from, to).replace(/\s+/g, ''));
                    // The whitespace around the range's first and last token may change, nothing further away.
                    expect(edit.range.start.line, 'an edit before the requested range').toBeGreaterThanOrEqual(range.start.line - 1);
                    expect(edit.range.end.line, 'an edit after the requested range').toBeLessThanOrEqual(range.end.line + 1);
                }
                expect(tokens(apply(document, edits))).toEqual(tokens(text));
            }),
            { seed: SEED + 1, numRuns: RUNS }
        );
    }, 120_000);
});

interface Declaration {
    file: string;
    name: string;
    offset: number;
}

/** Every element name declared in a workspace's files (by the parsed `name` property). */
function declarations(documents: Map<string, LangiumDocument>): Declaration[] {
    const found: Declaration[] = [];
    for (const [file, document] of documents) {
        for (const node of document.parseResult.value.$document ? iterate(document) : []) {
            const cst = (node as { $cstNode?: { offset: number } }).$cstNode;
            const nameNode = findName(node);
            if (cst && nameNode) found.push({ file, name: nameNode.text, offset: nameNode.offset });
        }
    }
    return found;
}

function* iterate(document: LangiumDocument): Generator<object> {
    const stack: object[] = [document.parseResult.value];
    while (stack.length) {
        const node = stack.pop()! as Record<string, unknown>;
        yield node;
        for (const [key, value] of Object.entries(node)) {
            if (key.startsWith('$')) continue;
            for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && '$type' in child) stack.push(child);
        }
    }
}

function findName(node: object): { text: string; offset: number } | undefined {
    const n = node as { name?: unknown; $cstNode?: { text: string; offset: number } };
    if (typeof n.name !== 'string' || !n.$cstNode) return undefined;
    const index = n.$cstNode.text.indexOf(n.name, n.$cstNode.text.indexOf(' '));
    return index < 0 ? undefined : { text: n.name, offset: n.$cstNode.offset + index };
}

describe('rename changes only the renamed occurrences', () => {
    it('edits exactly the declaration and the references Find References lists, and keeps every diagnostic', async () => {
        const newName = fc.stringMatching(/^Renamed[A-Z][a-z0-9]{0,6}$/);
        let renamesChecked = 0,
            renamesApplied = 0;
        await fc.assert(
            fc.asyncProperty(fc.nat(), fc.nat(), newName, async (wsIndex, pick, name) => {
                const example = workspaces[wsIndex % workspaces.length];
                const ws = await buildWorkspace(example.files, { services: createEosServices(EmptyFileSystem).Eos });
                const decls = declarations(ws.documents);
                if (decls.length === 0) return;
                const target = decls[pick % decls.length];
                const document = ws.documents.get(target.file)!;
                const position = document.textDocument.positionAt(target.offset);
                const params = { textDocument: { uri: document.uri.toString() }, position };
                renamesChecked++;
                const edit: WorkspaceEdit | undefined = await ws.services.lsp.RenameProvider!.rename(document, { ...params, newName: name });
                if (!edit?.changes) return; // e.g. a duplicate name the provider declines to rename
                renamesApplied++;
                const references = await ws.services.lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } });
                const byUri = new Map([...ws.documents.values()].map(d => [d.uri.toString(), d]));
                const edited = new Set<string>();
                // Renaming one of two same-named elements ends their duplicate-name finding; nothing else may change.
                const findings = (all: ReturnType<typeof ws.all>) =>
                    all
                        .filter(d => d.code !== 'duplicate-name')
                        .map(d => `${d.file} ${String(d.code)}`)
                        .sort();
                const before = findings(ws.all());
                const after: Record<string, string> = {};
                for (const [uri, edits] of Object.entries(edit.changes)) {
                    const doc = byUri.get(uri)!;
                    expectDisjoint(doc, edits);
                    for (const e of edits) {
                        const [from, to] = offsetRange(doc, e.range);
                        expect(doc.textDocument.getText().slice(from, to)).toBe(target.name);
                        expect(e.newText).toBe(name);
                        edited.add(`${uri}@${from}`);
                    }
                    after[[...ws.documents].find(([, d]) => d === doc)![0]] = apply(doc, edits);
                }
                const listed = new Set(references.map(r => `${r.uri}@${byUri.get(r.uri)!.textDocument.offsetAt(r.range.start)}`));
                expect([...edited].sort()).toEqual([...listed].sort());
                const renamed = await buildWorkspace({ ...example.files, ...after }, { services: createEosServices(EmptyFileSystem).Eos });
                expect(findings(renamed.all())).toEqual(before);
            }),
            { seed: SEED + 2, numRuns: Math.max(10, Math.ceil(RUNS / 2)) }
        );
        expect(renamesApplied).toBeGreaterThan(renamesChecked / 2);
    }, 180_000);
});

describe('quick fixes change only their range and leave a parseable file', () => {
    it('every fix inserts text or replaces the flagged name, and adds no syntax error', async () => {
        let fixesChecked = 0;
        await fc.assert(
            fc.asyncProperty(fc.nat(), fc.nat(), fc.option(mutationsArbitrary({ large: false }), { freq: 2 }), async (wsIndex, fileIndex, mutations) => {
                const example = workspaces[wsIndex % workspaces.length];
                const names = Object.keys(example.files);
                const changed = names[fileIndex % names.length];
                const texts = { ...example.files, ...(mutations ? { [changed]: applyMutations(example.files[changed], mutations) } : {}) };
                const ws = await buildWorkspace(texts, { services: createEosServices(EmptyFileSystem).Eos });
                const byUri = new Map([...ws.documents].map(([file, d]) => [d.uri.toString(), { file, document: d }]));
                // The changed file's findings (every file's when nothing changed would be slow in CI).
                for (const [file, document] of [...ws.documents].filter(([name]) => name === changed)) {
                    for (const diagnostic of document.diagnostics ?? []) {
                        const actions =
                            (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                                textDocument: { uri: document.uri.toString() },
                                range: diagnostic.range,
                                context: { diagnostics: [diagnostic] }
                            })) ?? [];
                        for (const action of actions as CodeAction[]) {
                            fixesChecked++;
                            for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
                                const target = byUri.get(uri);
                                expect(target, `${action.title}: edits a file outside the workspace`).toBeDefined();
                                const doc = target!.document;
                                expectDisjoint(doc, edits);
                                for (const e of edits) {
                                    const isInsertion = e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
                                    const replacesFlagged = uri === document.uri.toString() && JSON.stringify(e.range) === JSON.stringify(diagnostic.range);
                                    expect(isInsertion || replacesFlagged, `${action.title} (${String(diagnostic.code)} in ${file}) replaces text outside the flagged range`).toBe(
                                        true
                                    );
                                }
                                const fixed = apply(doc, edits);
                                const wasClean = doc.parseResult.parserErrors.length + doc.parseResult.lexerErrors.length === 0;
                                if (wasClean) {
                                    const reparsed = createEosServices(EmptyFileSystem).Eos.parser.LangiumParser.parse(fixed);
                                    expect(
                                        reparsed.parserErrors.map(p => p.message),
                                        `${action.title} (${String(diagnostic.code)}) broke ${target!.file}`
                                    ).toEqual([]);
                                    expect(reparsed.lexerErrors).toEqual([]);
                                }
                            }
                        }
                    }
                }
            }),
            { seed: SEED + 3, numRuns: Math.max(8, Math.round(RUNS / 3)) }
        );
        expect(fixesChecked).toBeGreaterThan(0);
    }, 600_000);
});
