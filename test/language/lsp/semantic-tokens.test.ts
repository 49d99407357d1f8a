import { beforeAll, describe, expect, it } from 'vitest';
import { CancellationToken } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { TestWorkspace } from '../../helpers.js';
import { buildStrategy, documentOf } from './lsp-fixture.js';

let ws: TestWorkspace;
beforeAll(async () => {
    ws = await buildStrategy();
});

/** The document's semantic tokens decoded as `text type[.modifier…]`, in text order. */
async function tokens(document: LangiumDocument, services = ws.services): Promise<string[]> {
    const provider = services.lsp.SemanticTokenProvider!;
    const { data } = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } }, CancellationToken.None);
    const types = Object.entries(provider.tokenTypes)
        .sort((a, b) => a[1] - b[1])
        .map(([name]) => name);
    const modifiers = Object.entries(provider.tokenModifiers);
    const result: string[] = [];
    let line = 0,
        character = 0;
    for (let i = 0; i < data.length; i += 5) {
        const [deltaLine, deltaStart, length, type, modifierBits] = data.slice(i, i + 5);
        line += deltaLine;
        character = deltaLine ? deltaStart : character + deltaStart;
        const text = document.textDocument.getText({ start: { line, character }, end: { line, character: character + length } });
        const mods = modifiers.filter(([, bit]) => modifierBits & bit).map(([name]) => name);
        result.push([`${text} ${types[type]}`, ...mods].join('.'));
    }
    return result;
}

describe('semantic tokens', () => {
    it('colour element names by kind, references by the kind they resolve to', async () => {
        const all = await tokens(documentOf(ws, 'strategy.eos'));
        expect(all).toEqual(
            expect.arrayContaining([
                'PrimaryBank namespace.declaration',
                'Retention interface.declaration',
                'Onboarding struct.declaration',
                'EarlyExperience class.declaration',
                'CustomerTrust variable.declaration.readonly',
                'ReliabilityFirst macro.declaration',
                'PrimaryBank namespace',
                'Retention interface',
                'CoreProduct struct',
                'CustomerTrust variable.readonly'
            ])
        );
        const onboarding = await tokens(documentOf(ws, 'teams/onboarding.eos'));
        expect(onboarding).toEqual(
            expect.arrayContaining([
                'Growth type.declaration',
                'GuidedSetup function.declaration',
                'EarlyConfidence enum.declaration',
                'FirstValue property.declaration',
                'PostmortemsIn24h method.declaration',
                'EarlyExperience class',
                'OnboardingCrew type'
            ])
        );
    });

    it('colour the two parts of `Okr.Kr` separately', async () => {
        const platform = await tokens(documentOf(ws, 'teams/platform.eos'));
        const supportsLine = platform.slice(platform.indexOf('supports keyword') + 1, platform.indexOf('kr keyword'));
        expect(supportsLine).toEqual(['EarlyConfidence enum', 'FirstValue property', 'EarlyConfidence enum']);
    });

    it('mark dates, periods and horizons as events, metrics as numbers, statuses and levels as enum members', async () => {
        const strategy = await tokens(documentOf(ws, 'strategy.eos'));
        expect(strategy).toEqual(expect.arrayContaining(['2026 event', '2026-02-15 event', 'supports enumMember', '1 number']));
        const onboarding = await tokens(documentOf(ws, 'teams/onboarding.eos'));
        const firstValue = onboarding.slice(onboarding.indexOf('FirstValue property.declaration'), onboarding.indexOf('EarlyChurn property.declaration'));
        expect(firstValue).toEqual([
            'FirstValue property.declaration',
            '"New customers reach first value within 7 days" string',
            'from keyword',
            '40 number',
            '% number',
            'to keyword',
            '65 number',
            '% number',
            'current keyword',
            '52 number',
            '% number',
            'kr keyword'
        ]);
        expect(onboarding).toEqual(expect.arrayContaining(['division enumMember', 'crew enumMember', 'doing enumMember', '2026-Q1 event', '2026-02-20 event']));
    });

    it('mark doc comments as documentation and other comments as comments', async () => {
        const strategy = await tokens(documentOf(ws, 'strategy.eos'));
        expect(strategy[0]).toBe('/** Where Acme wants to be in five years. */ comment.documentation');
        // A multi-line doc comment is split into one token per line for clients without multi-line tokens.
        expect(strategy).toEqual(expect.arrayContaining(['/** comment.documentation', ' * Our main bet for 2026. comment.documentation']));
        const noted = await buildStrategy({ 'n.eos': 'bet B // a note\n' });
        expect(await tokens(documentOf(noted, 'n.eos'), noted.services)).toEqual(['bet keyword', 'B class.declaration', '// a note comment']);
    });

    it('leave unresolved names uncoloured and survive broken text', async () => {
        const broken = await buildStrategy({ 'b.eos': 'initiative X "t" { bet Nowhere status doing stream\nokr O { supports X.Y kr K from 5% to' });
        const result = await tokens(documentOf(broken, 'b.eos'), broken.services);
        expect(result).toEqual(expect.arrayContaining(['X function.declaration', 'doing enumMember', 'K property.declaration', '5 number']));
        expect(result.filter(token => token.startsWith('Nowhere') || token.startsWith('Y '))).toEqual([]);
    });
});

describe('semantic tokens for a range', () => {
    it('colour only the requested lines, the same way as the whole document', async () => {
        const document = documentOf(ws, 'teams/onboarding.eos');
        const provider = ws.services.lsp.SemanticTokenProvider!;
        const range = { start: { line: 19, character: 0 }, end: { line: 22, character: 0 } };
        const { data } = await provider.semanticHighlightRange(document, { textDocument: { uri: document.uri.toString() }, range }, CancellationToken.None);
        const lines = new Set<number>();
        let line = 0;
        for (let i = 0; i < data.length; i += 5) {
            line += data[i];
            lines.add(line);
        }
        expect([...lines]).toEqual([19, 20, 21]);
        const whole = await tokens(document);
        expect(whole.filter(token => token.startsWith('EarlyConfidence enum.declaration'))).toHaveLength(1);
        expect(data.length / 5).toBe(['okr', 'EarlyConfidence', 'title', 'owner', 'OnboardingCrew', 'period', '2026-Q1'].length);
    });
});
