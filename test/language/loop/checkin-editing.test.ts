/**
 * Editor features for `checkin`: completion of the keyword (inside a kr, at the top level), of the
 * `Okr.Kr` names a top-level check-in reads, and of confidence values; rename of an OKR or a key
 * result updates `checkin Okr.Kr`; find references lists the check-ins; the formatter keeps each
 * check-in on its own line and loses no text.
 */
import { CompletionTriggerKind, TextDocument, type CompletionContext, type CompletionItem, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, type TestWorkspace } from '../../helpers.js';

const OKR = `okr Crew "Crew grows" {
  period 2026-Q1
  kr Users "Users" from 0 to 10
    checkin 2026-01-31 2 confidence high
  kr Minutes "Minutes" from 26 to 10 minutes
}
`;
const CHECKINS = `checkin Crew.Users 2026-02-14 4 confidence medium "slower"\ncheckin Crew.Minutes 2026-02-14 18\n`;
const INVOKED: CompletionContext = { triggerKind: CompletionTriggerKind.Invoked };

async function completeAt(text: string): Promise<CompletionItem[]> {
    const ws = await buildWorkspace({ 'crew.eos': OKR, 't.eos': text });
    const document = ws.documents.get('t.eos')!;
    const position = ws.markers.get('t.eos')![0].start;
    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position, context: INVOKED });
    return list?.items ?? [];
}
const labels = (items: CompletionItem[]) => items.map(i => String(i.label)).sort();

describe('completion for checkin', () => {
    it('offers `checkin` at the top level and under a kr line', async () => {
        expect(labels(await completeAt('<||>\n'))).toContain('checkin');
        expect(labels(await completeAt('okr O "o" {\n  period 2026-Q1\n  kr K "k" from 0 to 10\n    <||>\n}\n'))).toContain('checkin');
    });

    it('offers the key results as Okr.Kr after a top-level `checkin`', async () => {
        expect(labels(await completeAt('checkin <||>\n'))).toEqual(expect.arrayContaining(['Crew.Minutes', 'Crew.Users']));
    });

    it('offers the confidence values after `confidence`', async () => {
        expect(labels(await completeAt('checkin Crew.Users 2026-02-14 4 confidence <||>\n'))).toEqual(['high', 'low', 'medium']);
    });
});

describe('rename, references and formatting over check-ins', () => {
    async function workspace(): Promise<TestWorkspace> {
        return buildWorkspace({ 'crew.eos': OKR, 'checkins.eos': CHECKINS });
    }
    function at(ws: TestWorkspace, file: string, needle: string, delta = 0) {
        const document = ws.documents.get(file)!;
        const offset = document.textDocument.getText().indexOf(needle);
        expect(offset, needle).toBeGreaterThanOrEqual(0);
        return { document, textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset + delta) };
    }
    function applied(ws: TestWorkspace, edit: WorkspaceEdit | undefined): Record<string, string> {
        const result: Record<string, string> = {};
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const [file, document] = [...ws.documents.entries()].find(([, doc]) => doc.uri.toString() === uri)!;
            result[file] = TextDocument.applyEdits(TextDocument.create(uri, 'eos', 0, document.textDocument.getText()), edits as TextEdit[]);
        }
        return result;
    }

    it('renaming a key result changes the Kr part of every `checkin Okr.Kr`', async () => {
        const ws = await workspace();
        const params = at(ws, 'crew.eos', 'Users "Users"');
        const edit = await ws.services.lsp.RenameProvider!.rename(params.document, { ...params, newName: 'ActiveUsers' });
        expect(applied(ws, edit)).toEqual({
            'crew.eos': OKR.replace('kr Users', 'kr ActiveUsers'),
            'checkins.eos': CHECKINS.replace('Crew.Users', 'Crew.ActiveUsers')
        });
    });

    it('renaming an OKR (from a check-in) changes the Okr part of every `checkin Okr.Kr`', async () => {
        const ws = await workspace();
        const params = at(ws, 'checkins.eos', 'Crew.Minutes', 1);
        const edit = await ws.services.lsp.RenameProvider!.rename(params.document, { ...params, newName: 'Team' });
        expect(applied(ws, edit)).toEqual({ 'crew.eos': OKR.replace('okr Crew', 'okr Team'), 'checkins.eos': CHECKINS.replace(/Crew\./g, 'Team.') });
    });

    it('find references on a key result lists the check-ins that name it (the Kr part of Okr.Kr)', async () => {
        const ws = await workspace();
        const params = at(ws, 'crew.eos', 'Users "Users"');
        const locations = await ws.services.lsp.ReferencesProvider!.findReferences(params.document, { ...params, context: { includeDeclaration: false } });
        expect(locations.map(location => `${location.uri.replace(/^.*\//, '')}:${location.range.start.line + 1}:${location.range.start.character + 1}`)).toEqual([
            'checkins.eos:1:14'
        ]);
    });

    it('the formatter puts each check-in on its own indented line under its kr and keeps every word', async () => {
        const messy =
            'okr O "o" { period 2026-Q1\n kr A "a" from 0 to 10 checkin 2026-01-10 2 confidence high "ok, \\"really\\""   checkin 2026-01-24 4 "next"\n}\ncheckin   O.A 2026-02-07   5\n';
        const ws = await buildWorkspace({ 'a.eos': messy });
        const document = ws.documents.get('a.eos')!;
        const edits =
            (await ws.services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } })) ?? [];
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        expect(formatted).toBe(
            'okr O "o" {\n  period 2026-Q1\n  kr A "a" from 0 to 10\n    checkin 2026-01-10 2 confidence high "ok, \\"really\\""\n    checkin 2026-01-24 4 "next"\n}\ncheckin O.A 2026-02-07 5\n'
        );
    });
});

describe('a misspelt checkin after a check-in', () => {
    it('is a did-you-mean on the word and is read as a check-in, not as the unit of the reading above it', async () => {
        const ws = await buildWorkspace({ 'crew.eos': OKR, 'c.eos': 'checkin Crew.Users 2026-02-02 6\nchcekin Crew.Users 2026-02-09 7\n' });
        const found = ws.all().filter(d => d.file === 'c.eos');
        expect(found.map(d => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`)).toEqual([
            '1:0 syntax `chcekin` is not a kind of element — did you mean `checkin`? It is read as a check-in until you correct it.'
        ]);
        const model = ws.services.eos.StrategyWorkspace.model;
        expect(model.checkInsOf(model.get('kr', 'Crew.Users')!).map(entry => `${entry.date} ${entry.value.text}`)).toEqual(['2026-01-31 2', '2026-02-02 6', '2026-02-09 7']);
    });
});
