import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../helpers.js';

const strategy = `theme Retention "Retention"
theme Empty "Nobody serves this"
stream Onboarding "Onboarding" { wip 1 }
stream Support "Support"
bet Early "Early experience" { serves Retention }
bet Lonely "Lonely" { serves Retention }
`;
const work = `initiative A "a" {
  bet Early
  stream Onboarding
  status doing
}
initiative B "b" {
  bet Early
  stream Onboarding
  status doing
}
initiative C "c" {
  bet Early
  stream Onboarding
  status done
}
okr O "o" {
  supports Early
  kr Up "Rising" from 40% to 65% current 52%
  kr Down "Falling" from 10 days to 8 days current 9 days
  kr Over "Beyond" from 0 to 10 current 12
  kr NoCurrent "No reading" from 1 to 2
  kr Vague "No target" current 5
}
`;

describe('code lens', () => {
    it("shows a bet's initiatives and OKRs, a theme's bets and a stream's doing work against its WIP limit, across files", async () => {
        const ws = await buildWorkspace({ 'strategy.eos': strategy, 'work.eos': work });
        const document = ws.documents.get('strategy.eos')!;
        const lenses = (await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
        const text = document.textDocument;
        expect(lenses.map(lens => `${text.getText(lens.range)}: ${lens.command?.title}`)).toEqual([
            'Retention: 2 bets',
            'Empty: 0 bets',
            'Onboarding: 2 doing / WIP limit 1 — exceeded · 3 initiatives',
            'Support: 0 doing / no WIP limit · 0 initiatives',
            'Early: 3 initiatives · 1 OKR',
            'Lonely: 0 initiatives · 0 OKRs'
        ]);
        // The OKR and its key results show progress (no period here: no forecast, no on/off track).
        const workDocument = ws.documents.get('work.eos')!;
        const workLenses = (await ws.services.lsp.CodeLensProvider!.provideCodeLens(workDocument, { textDocument: { uri: workDocument.uri.toString() } })) ?? [];
        expect(workLenses.map(lens => `${workDocument.textDocument.getText(lens.range)}: ${lens.command?.title}`)).toEqual([
            'O: progress 66%',
            'Up: 48%',
            'Down: 50%',
            'Over: 100%'
        ]);
    });
});

describe('code lens and hover', () => {
    /** The hover's text on the name at the start of `needle` in `file`. */
    async function hoverOn(ws: Awaited<ReturnType<typeof buildWorkspace>>, file: string, needle: string): Promise<string> {
        const document = ws.documents.get(file)!;
        const offset = document.textDocument.getText().indexOf(needle) + needle.indexOf(' ') + 1;
        const position = document.textDocument.positionAt(offset);
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    }

    it('count the same initiatives, OKRs and doing work on a bet, a theme and a stream; an OKR naming a bet twice counts once', async () => {
        const twice = `${work}okr Twice "Twice" { supports Early, Early }\ninitiative D "d" { bet Lonely stream Support status doing }\n`;
        const ws = await buildWorkspace({ 'strategy.eos': strategy, 'work.eos': twice });
        const document = ws.documents.get('strategy.eos')!;
        const lenses = (await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
        const lens = (name: string) => lenses.find(candidate => document.textDocument.getText(candidate.range) === name)?.command?.title;

        expect(lens('Early')).toBe('3 initiatives · 2 OKRs');
        const early = await hoverOn(ws, 'strategy.eos', 'bet Early');
        expect(early).toContain('**Initiatives (3):** `A` (doing), `B` (doing), `C` (done)');
        expect(early).toContain('**OKRs (2):** `O`, `Twice`');

        expect(lens('Lonely')).toBe('1 initiative · 0 OKRs');
        const lonely = await hoverOn(ws, 'strategy.eos', 'bet Lonely');
        expect(lonely).toContain('**Initiatives (1):** `D` (doing)');
        expect(lonely).toContain('**OKRs:** none');

        expect(lens('Retention')).toBe('2 bets');
        expect(await hoverOn(ws, 'strategy.eos', 'theme Retention')).toContain('**Bets serving it (2):** `Early`, `Lonely`');

        expect(lens('Onboarding')).toBe('2 doing / WIP limit 1 — exceeded · 3 initiatives');
        const onboarding = await hoverOn(ws, 'strategy.eos', 'stream Onboarding');
        expect(onboarding).toContain('**WIP:** 2 doing of a limit of 1 — over the limit');
        expect(onboarding).toContain('**Initiatives (3):**');
        expect(lens('Support')).toBe('1 doing / no WIP limit · 1 initiative');
        expect(await hoverOn(ws, 'strategy.eos', 'stream Support')).toContain('**WIP:** 1 doing, no WIP limit set');
    });
});

describe('inlay hints', () => {
    it("shows each key result's progress right after its current value, for rising and falling targets", async () => {
        const ws = await buildWorkspace({ 'strategy.eos': strategy, 'work.eos': work });
        const document = ws.documents.get('work.eos')!;
        const range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
        const hints = (await ws.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range })) ?? [];
        const lines = document.textDocument.getText().split('\n');
        expect(hints.map(h => `${lines[h.position.line].slice(0, h.position.character)} ‹${String(h.label)}›`)).toEqual([
            '  kr Up "Rising" from 40% to 65% current 52% ‹48%›',
            '  kr Down "Falling" from 10 days to 8 days current 9 days ‹50%›',
            '  kr Over "Beyond" from 0 to 10 current 12 ‹120%›'
        ]);
        expect(String(hints[0].tooltip)).toContain('48% of the way from 40% to 65%');
    });

    it('gives no hint and no error on a broken document', async () => {
        const ws = await buildWorkspace({ 'broken.eos': 'okr O { kr K "k" from current 5 %% to' });
        const document = ws.documents.get('broken.eos')!;
        const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
        expect(await ws.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range })).toEqual([]);
    });
});
