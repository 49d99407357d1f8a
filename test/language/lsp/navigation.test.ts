import { beforeAll, describe, expect, it } from 'vitest';
import { CancellationToken, DocumentHighlightKind, SymbolKind, type DocumentSymbol, type LocationLink } from 'vscode-languageserver';
import type { TestWorkspace } from '../../helpers.js';
import { at, buildStrategy, documentOf, fileOf, STRATEGY, textAt } from './lsp-fixture.js';

let ws: TestWorkspace;
/** SymbolKind's names by number (it is a constant namespace, not a reverse-mapped enum). */
const SYMBOL_KIND_NAME = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));
beforeAll(async () => {
    ws = await buildStrategy();
});

async function definition(file: string, needle: string, options: { nth?: number; delta?: number } = {}): Promise<LocationLink[]> {
    const params = at(ws, file, needle, options);
    return (await ws.services.lsp.DefinitionProvider!.getDefinition(params.document, params)) ?? [];
}

/** `file: text of the target's name` for a definition result, as a user sees where they land. */
function landing(link: LocationLink): string {
    return `${fileOf(link.targetUri)}: ${textAt(ws, link.targetUri, link.targetSelectionRange)}`;
}

describe('go to definition', () => {
    it("jumps from an OKR's `supports` to the bet in another file, selecting the whole element", async () => {
        const links = await definition('teams/onboarding.eos', 'supports EarlyExperience', { delta: 10 });
        expect(links.map(landing)).toEqual(['strategy.eos: EarlyExperience']);
        const whole = textAt(ws, links[0].targetUri, links[0].targetRange);
        expect(whole.startsWith('bet EarlyExperience "Improve early customer experience" {')).toBe(true);
        expect(whole.endsWith('}')).toBe(true);
        expect(textAt(ws, 'file:///workspace/teams/onboarding.eos', links[0].originSelectionRange!)).toBe('EarlyExperience');
    });

    it('jumps from every kind of reference to its element', async () => {
        const cases: Array<[string, string, number, string]> = [
            ['strategy.eos', 'vision PrimaryBank', 8, 'strategy.eos: PrimaryBank'],
            ['strategy.eos', 'serves Retention', 8, 'strategy.eos: Retention'],
            ['strategy.eos', 'CoreProduct, Support', 0, 'strategy.eos: CoreProduct'],
            ['strategy.eos', 'extends CustomerTrust', 9, 'strategy.eos: CustomerTrust'],
            ['strategy.eos', 'upholds CustomerTrust', 9, 'strategy.eos: CustomerTrust'],
            ['teams/onboarding.eos', 'bet EarlyExperience', 5, 'strategy.eos: EarlyExperience'],
            ['teams/onboarding.eos', 'stream Onboarding', 8, 'strategy.eos: Onboarding'],
            ['teams/onboarding.eos', 'owner OnboardingCrew', 7, 'teams/onboarding.eos: OnboardingCrew'],
            ['teams/onboarding.eos', 'parent Growth', 8, 'teams/onboarding.eos: Growth'],
            ['teams/onboarding.eos', 'embodies ProductionSacred', 10, 'strategy.eos: ProductionSacred'],
            ['teams/platform.eos', 'parent OnboardingCrew', 8, 'teams/onboarding.eos: OnboardingCrew'],
            ['teams/platform.eos', 'FirstValue, EarlyConfidence', 18, 'teams/onboarding.eos: EarlyConfidence']
        ];
        for (const [file, needle, delta, expected] of cases) {
            expect((await definition(file, needle, { delta })).map(landing), `${file}: ${needle}`).toEqual([expected]);
        }
    });

    it('on `Okr.Kr`, the key-result part jumps to the key result and the OKR part to the OKR', async () => {
        const member = await definition('teams/platform.eos', 'EarlyConfidence.FirstValue', { delta: 17 });
        expect(member.map(landing)).toEqual(['teams/onboarding.eos: FirstValue']);
        expect(textAt(ws, member[0].targetUri, member[0].targetRange)).toBe('kr FirstValue "New customers reach first value within 7 days" from 40% to 65% current 52%');
        expect(textAt(ws, 'file:///workspace/teams/platform.eos', member[0].originSelectionRange!)).toBe('FirstValue');
        const container = await definition('teams/platform.eos', 'EarlyConfidence.FirstValue', { delta: 3 });
        expect(container.map(landing)).toEqual(['teams/onboarding.eos: EarlyConfidence']);
        expect(textAt(ws, 'file:///workspace/teams/platform.eos', container[0].originSelectionRange!)).toBe('EarlyConfidence');
    });

    it('finds nothing on an unresolved name or a keyword, and never throws on a broken document', async () => {
        const broken = await buildStrategy({ 'a.eos': 'initiative X { bet Nowhere stream }\nokr O { supports' });
        const document = documentOf(broken, 'a.eos');
        const text = document.textDocument.getText();
        const provider = broken.services.lsp.DefinitionProvider!;
        const definitionAt = async (offset: number) =>
            (await provider.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) })) ?? [];
        for (let offset = 0; offset <= text.length; offset++) await definitionAt(offset);
        expect(await definitionAt(text.indexOf('Nowhere') + 2)).toEqual([]);
        expect(await definitionAt(text.indexOf('bet') + 1)).toEqual([]);
        expect(await definitionAt(text.indexOf('supports') + 1)).toEqual([]);
    });
});

describe('find references and document highlight', () => {
    async function references(file: string, needle: string, options: { nth?: number; delta?: number } = {}, includeDeclaration = true): Promise<string[]> {
        const params = at(ws, file, needle, options);
        const locations = await ws.services.lsp.ReferencesProvider!.findReferences(params.document, { ...params, context: { includeDeclaration } });
        return locations.map(l => `${fileOf(l.uri)}:${l.range.start.line + 1}:${l.range.start.character} ${textAt(ws, l.uri, l.range)}`).sort();
    }

    it('finds every reference to a bet across files, with and without the declaration', async () => {
        expect(await references('strategy.eos', 'EarlyExperience')).toEqual([
            'strategy.eos:16:4 EarlyExperience',
            'teams/onboarding.eos:23:11 EarlyExperience',
            'teams/onboarding.eos:5:6 EarlyExperience'
        ]);
        expect(await references('teams/onboarding.eos', 'EarlyExperience', {}, false)).toEqual([
            'teams/onboarding.eos:23:11 EarlyExperience',
            'teams/onboarding.eos:5:6 EarlyExperience'
        ]);
    });

    it("finds a key result's `Okr.Kr` references by their key-result part", async () => {
        expect(await references('teams/onboarding.eos', 'FirstValue')).toEqual(['teams/onboarding.eos:24:5 FirstValue', 'teams/platform.eos:6:27 FirstValue']);
    });

    it('counts the `Okr` part of `Okr.Kr` as a reference to the OKR', async () => {
        expect(await references('teams/onboarding.eos', 'EarlyConfidence')).toEqual([
            'teams/onboarding.eos:20:4 EarlyConfidence',
            'teams/platform.eos:6:11 EarlyConfidence',
            'teams/platform.eos:6:39 EarlyConfidence'
        ]);
    });

    it('highlights the occurrences in the current document only', async () => {
        const params = at(ws, 'teams/platform.eos', 'EarlyConfidence', { nth: 1 });
        const highlights = (await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(params.document, params)) ?? [];
        expect(highlights.map(h => `${h.range.start.line + 1}:${h.range.start.character} ${textAt(ws, params.textDocument.uri, h.range)}`).sort()).toEqual([
            '6:11 EarlyConfidence',
            '6:39 EarlyConfidence'
        ]);
        const onboarding = at(ws, 'teams/onboarding.eos', 'OnboardingCrew');
        const crew = (await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(onboarding.document, onboarding)) ?? [];
        expect(crew.map(h => h.range.start.line + 1).sort((a, b) => a - b)).toEqual([2, 7, 21, 29]);
        // The declaration is marked as a write (defined here), references as reads.
        expect(crew.map(h => `${h.range.start.line + 1}:${h.kind === DocumentHighlightKind.Write ? 'write' : 'read'}`).sort()).toEqual(['21:read', '29:read', '2:write', '7:read']);
    });
});

describe('symbols', () => {
    it('outlines a document hierarchically: OKRs hold their key results, titles as detail, kinds as icons', async () => {
        const document = documentOf(ws, 'teams/onboarding.eos');
        const symbols = (await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } })) as DocumentSymbol[];
        const outline = (list: DocumentSymbol[] = [], depth = 0): string[] =>
            list.flatMap(s => [`${'  '.repeat(depth)}${SYMBOL_KIND_NAME[s.kind]} ${s.name} — ${s.detail}`, ...outline(s.children, depth + 1)]);
        expect(outline(symbols)).toEqual([
            'Module Growth — Growth division',
            'Module OnboardingCrew — Onboarding crew',
            'Function GuidedSetup — Guided setup wizard',
            'Function ReferralProgram — Referral rewards',
            'Enum EarlyConfidence — Improve early customer confidence and success',
            '  Property FirstValue — New customers reach first value within 7 days',
            '  Property EarlyChurn — Early churn',
            '  Property Friction — Fewer customer-reported friction points',
            'Method PostmortemsIn24h — Postmortems within 24 hours'
        ]);
        const okr = symbols.find(s => s.name === 'EarlyConfidence')!;
        expect(textAt(ws, document.uri.toString(), okr.selectionRange)).toBe('EarlyConfidence');
    });

    it('gives every kind its own symbol kind and uses the kind as detail for untitled elements', async () => {
        const document = documentOf(ws, 'strategy.eos');
        const symbols = (await ws.services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } })) as DocumentSymbol[];
        expect(symbols.map(s => `${SYMBOL_KIND_NAME[s.kind]} ${s.name}`)).toEqual([
            'Namespace PrimaryBank',
            'Interface Retention',
            'Struct Onboarding',
            'Struct CoreProduct',
            'Struct Support',
            'Class EarlyExperience',
            'Constant CustomerTrust',
            'Constant ProductionSacred',
            'Operator ReliabilityFirst'
        ]);
        expect(symbols.find(s => s.name === 'ReliabilityFirst')!.detail).toBe('decision tenet');
    });

    it('searches the workspace, key results by `Okr.Kr`, with the kind as container', async () => {
        const provider = ws.services.shared.lsp.WorkspaceSymbolProvider!;
        const found = await provider.getSymbols({ query: 'FirstValue' }, CancellationToken.None);
        expect(found.map(s => `${s.name} (${s.containerName}) ${fileOf(s.location.uri)}`)).toEqual(['EarlyConfidence.FirstValue (key result) teams/onboarding.eos']);
        const onboarding = await provider.getSymbols({ query: 'Onboarding' }, CancellationToken.None);
        expect(onboarding.map(s => `${s.name} (${s.containerName})`).sort()).toEqual(['Onboarding (value stream)', 'OnboardingCrew (team)']);
    });
});

describe('folding', () => {
    it('folds element blocks, multi-line comments and runs of line comments', async () => {
        const text = [
            '// Notes from the strategy offsite:', // 0
            '// retention is what matters,', // 1
            '// not acquisition.', // 2
            'bet B "t" {', // 3
            '  hypothesis "h"', // 4
            '  status active // a trailing note', // 5
            '  // single note', // 6
            '}', // 7
            '/**', // 8
            ' * A documented theme.', // 9
            ' */', // 10
            'theme T' // 11
        ].join('\n');
        const folded = await buildStrategy({ 'f.eos': text });
        const document = documentOf(folded, 'f.eos');
        const ranges = await folded.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } }, CancellationToken.None);
        expect(ranges.map(r => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`).sort()).toEqual(['0-2 comment', '3-6', '8-9 comment']);
    });
});

describe('navigation on broken text', () => {
    it('answers every request at every position of a half-typed file without throwing', async () => {
        const text = ['/** unfinished */ okr O "t" {', '  supports EarlyExperience, O.', '  kr K "k" from 10% to', '  kr', '// a', '// b', 'bet B { serves } stream S { wip'].join(
            '\n'
        );
        const broken = await buildStrategy({ 'strategy.eos': STRATEGY, 'broken.eos': text });
        const document = documentOf(broken, 'broken.eos');
        const lsp = broken.services.lsp;
        const textDocument = { uri: document.uri.toString() };
        expect(await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument })).not.toHaveLength(0);
        expect((await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }, CancellationToken.None)).map(r => `${r.startLine}-${r.endLine}`)).toContain('4-5');
        for (let offset = 0; offset <= text.length; offset++) {
            const position = document.textDocument.positionAt(offset);
            await lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } });
            await lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { textDocument, position });
            await lsp.DefinitionProvider!.getDefinition(document, { textDocument, position });
        }
        const supports = { textDocument, position: document.textDocument.positionAt(text.indexOf('EarlyExperience') + 2) };
        expect((await lsp.DefinitionProvider!.getDefinition(document, supports))!.map(link => fileOf(link.targetUri))).toEqual(['strategy.eos']);
    });
});
