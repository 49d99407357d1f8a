/** Go to definition, rename and the formatter on the aligned-autonomy syntax: decision rights, decision records, needs. */
import { EmptyFileSystem } from 'langium';
import { expectFormatting } from 'langium/test';
import { beforeEach, describe, expect, it } from 'vitest';
import { TextDocument, type LocationLink, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { createEosServices } from '../../../src/language/eos-module.js';
import { buildWorkspace, type TestWorkspace } from '../../helpers.js';
import { at, fileOf, textAt } from './lsp-fixture.js';

const FILES = {
    'strategy.eos': `vision North "Be the bank people trust" {}
theme Trust "Earn trust" { vision North }
bet Faster "Faster payments" { serves Trust hypothesis "If payments are instant, customers stay" }
value Candour "Candour" { owner Acme }
tenet WriteItDown "Write decisions down" {
  upholds Candour
  when "a decision is made"
  choose "a written rationale" over "a quick chat"
}
team Acme "Acme" { level company }
team Payments "Payments" { level team parent Acme }
team Platform "Platform" { level team parent Acme }
`,
    'decisions.eos': `authority ApiDesign "API design" {
  decided by level team
  escalate when "another team's integration breaks" to Acme
  applies Candour
}

decision TokenFormat "Tokens carry no customer data" {
  date 2026-01-08
  type ApiDesign
  owner Payments
  concerns Faster
  follows WriteItDown
  applies Candour
}

okr PayQ1 "Make payments instant" {
  owner Payments
  period 2026-Q1
  supports Faster
  needs Platform "a settlement API by February"
  kr Instant "Instant payments" from 10% to 60%
}
`
};

let ws: TestWorkspace;
beforeEach(async () => {
    ws = await buildWorkspace(FILES, { today: '2026-02-01' });
});

async function definition(file: string, needle: string, delta: number): Promise<string[]> {
    const params = at(ws, file, needle, { delta });
    const links: LocationLink[] = (await ws.services.lsp.DefinitionProvider!.getDefinition(params.document, params)) ?? [];
    return links.map(link => `${fileOf(link.targetUri)}: ${textAt(ws, link.targetUri, link.targetSelectionRange)}`);
}

async function renamed(file: string, needle: string, delta: number, newName: string): Promise<Record<string, string>> {
    const params = at(ws, file, needle, { delta });
    const edit: WorkspaceEdit | undefined = await ws.services.lsp.RenameProvider!.rename(params.document, { ...params, newName });
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const document = [...ws.documents.values()].find(doc => doc.uri.toString() === uri)!;
        result[fileOf(uri)] = TextDocument.applyEdits(TextDocument.create(uri, 'eos', 0, document.textDocument.getText()), edits as TextEdit[]);
    }
    return result;
}

describe('aligned autonomy in the editor', () => {
    it('the workspace reads without syntax errors', () => {
        const syntax = [...ws.documents.values()].flatMap(doc => (doc.diagnostics ?? []).filter(d => d.code === 'syntax'));
        expect(syntax).toEqual([]);
    });

    it('F12 jumps from a decision to its decision type, owner, concern, tenet and value, and from a need to the team', async () => {
        expect(await definition('decisions.eos', 'type ApiDesign', 5)).toEqual(['decisions.eos: ApiDesign']);
        expect(await definition('decisions.eos', 'owner Payments', 6)).toEqual(['strategy.eos: Payments']);
        expect(await definition('decisions.eos', 'concerns Faster', 9)).toEqual(['strategy.eos: Faster']);
        expect(await definition('decisions.eos', 'follows WriteItDown', 8)).toEqual(['strategy.eos: WriteItDown']);
        expect(await definition('decisions.eos', '  applies Candour\n}\n\nokr', 10)).toEqual(['strategy.eos: Candour']);
        expect(await definition('decisions.eos', 'to Acme', 3)).toEqual(['strategy.eos: Acme']);
        expect(await definition('decisions.eos', 'needs Platform', 6)).toEqual(['strategy.eos: Platform']);
    });

    it('renaming a tenet or a decision type changes its declaration and every citation, and nothing else', async () => {
        const tenet = await renamed('strategy.eos', 'tenet WriteItDown', 6, 'PutItInWriting');
        expect(tenet['strategy.eos']).toBe(FILES['strategy.eos'].replace('tenet WriteItDown', 'tenet PutItInWriting'));
        expect(tenet['decisions.eos']).toBe(FILES['decisions.eos'].replace('follows WriteItDown', 'follows PutItInWriting'));
        const type = await renamed('decisions.eos', 'type ApiDesign', 5, 'InterfaceDesign');
        expect(Object.keys(type)).toEqual(['decisions.eos']);
        expect(type['decisions.eos']).toBe(FILES['decisions.eos'].replace(/\bApiDesign\b/g, 'InterfaceDesign'));
    });

    it('the formatter lays out a decision right and a decision record one property per line, keeping every word', async () => {
        const services = createEosServices(EmptyFileSystem).Eos;
        await expectFormatting(services)({
            before: 'authority ApiDesign "API design" {decided by level team   escalate when "it breaks"  to Acme applies Candour}',
            after: 'authority ApiDesign "API design" {\n  decided by level team\n  escalate when "it breaks" to Acme\n  applies Candour\n}\n'
        });
        await expectFormatting(services)({
            before: 'decision D "Tokens" { date 2026-01-08 type ApiDesign owner Payments follows WriteItDown sets aside Speed because "safety first" }',
            after: 'decision D "Tokens" {\n  date 2026-01-08\n  type ApiDesign\n  owner Payments\n  follows WriteItDown\n  sets aside Speed because "safety first"\n}\n'
        });
    });
});
