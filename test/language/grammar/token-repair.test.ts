/**
 * One mistake, one error: the token repair (src/language/grammar/token-repair.ts) reads a
 * misspelt or capitalised keyword as the keyword meant, skips what it cannot read as one unit,
 * closes an unclosed block where the next element starts, and never lets a broken element's own
 * lines become elements — in this file or in any other file of the workspace.
 */
import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createEosServices } from '../../../src/language/eos-module.js';
import { buildWorkspace, describeDiagnostic, readEosFolder } from '../../helpers.js';

/** The file nobody touches: its findings must not change whatever happens in the other file. */
const STRATEGY = `vision Care "Care close to home"
theme Access "Faster access to care" { vision Care }
bet Triage "Triage faster" {
  serves Access
  hypothesis "If senior nurses triage at the door, waits fall"
  streams Emergency
}
stream Emergency "Emergency care" { wip 3 }
initiative DoorTriage "Door triage" { bet Triage stream Emergency status ready }
`;

const SENIOR_TRIAGE = `initiative SeniorTriage "Senior nurses triage at the door" {
  bet Triage
  stream Emergency
  status ready
}
`;

/** `code@line:col-line:col message` per diagnostic. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(d => `${describeDiagnostic(d)} ${String(d.message)}`);
}

describe('a misspelt element keyword', () => {
    it('is one error with a did-you-mean; the element is read as meant, nothing appears in the untouched file', async () => {
        const clean = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': SENIOR_TRIAGE });
        expect(clean.all()).toEqual([]);
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': SENIOR_TRIAGE.replace('initiative', 'intiative') });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos'))).toEqual([
            'syntax@1:0-1:9 `intiative` is not a kind of element — did you mean `initiative`? It is read as an initiative until you correct it.'
        ]);
        expect(ws.services.eos.StrategyWorkspace.model.get('initiative', 'SeniorTriage')?.status).toBe('ready');
        expect(ws.services.eos.StrategyWorkspace.model.ofKind('bet').map(b => b.name)).toEqual(['Triage']);
    });

    it('in capitals, says keywords are written in lower case', async () => {
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': SENIOR_TRIAGE.replace('initiative', 'Initiative').replace('status', 'Status') });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos'))).toEqual([
            'syntax@1:0-1:10 Keywords are written in lower case: write `initiative`, not `Initiative`.',
            'syntax@4:2-4:8 Keywords are written in lower case: write `status`, not `Status`.'
        ]);
    });

    it('named as other tools name it, says what EOS calls it', async () => {
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': SENIOR_TRIAGE.replace('initiative', 'project') });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos'))).toEqual(['syntax@1:0-1:7 EOS has no element `project` — write `initiative`, the EOS word for it (read so until you do).']);
    });

    it('nothing like a keyword: the element and its block are skipped as one unit, the rest of the file is read', async () => {
        const text = `plan SeniorTriage "Senior nurses triage" {\n  bet Triage\n  stream Emergency\n  status doing\n}\ninitiative Lonely "Lonely" { status ready }\n`;
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': text });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos'))).toEqual([
            'syntax@1:0-1:4 `plan` is not a kind of element (its block is not read) — start with a kind, e.g. `initiative Name "Title"`.',
            expect.stringMatching(/^orphan-initiative@6:11-6:17 /)
        ]);
    });
});

describe('a title or text without quotes', () => {
    it('is read as the text, with one error saying how to write it', async () => {
        const ws = await buildWorkspace({
            'strategy.eos': STRATEGY,
            'work.eos': SENIOR_TRIAGE.replace('"Senior nurses triage at the door"', 'Senior nurses triage at the door').replace(
                '  status ready',
                '  status ready\n  outcome Waits under 15 minutes'
            )
        });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos'))).toEqual([
            'syntax@1:24-1:56 This title has no quotes — write `initiative SeniorTriage "Senior nurses triage at the door"`.',
            'syntax@5:10-5:32 A text is written in quotes: write `outcome "Waits under 15 minutes"`.'
        ]);
        const initiative = ws.services.eos.StrategyWorkspace.model.get('initiative', 'SeniorTriage');
        expect(initiative?.title).toBe('Senior nurses triage at the door');
    });
});

describe('a block without its `}`', () => {
    it('mid-file: names the element and the line its block opened, and the next element is read', async () => {
        const text = `bet Waits "Shorter waits" {\n  serves Access\n  hypothesis "h"\n\n${SENIOR_TRIAGE.replace('bet Triage', 'bet Waits')}`;
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': text });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos'))).toEqual([
            'syntax@1:26-1:27 The bet `Waits` opened on line 1 is not closed: add `}` before `initiative SeniorTriage` on line 5.'
        ]);
    });

    it('at the end of the file: says so, never ``', async () => {
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': SENIOR_TRIAGE.replace('}\n', '') });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos'))).toEqual(['syntax@1:59-1:60 The initiative `SeniorTriage` opened on line 1 is not closed: add `}` at the end of the file.']);
    });
});

describe('YAML and spreadsheet habits', () => {
    it('`status: ready` and `wip = 3` say EOS writes them without the sign; the value is still read', async () => {
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': SENIOR_TRIAGE.replace('status ready', 'status: ready') });
        expect(summary(ws.diagnostics('work.eos'))).toEqual(['syntax@4:8-4:9 EOS writes `status ready`, without a colon: remove the `:`.']);
        expect(ws.services.eos.StrategyWorkspace.model.get('initiative', 'SeniorTriage')?.status).toBe('ready');
    });
});

describe('valid files are never repaired', () => {
    const services = createEosServices(EmptyFileSystem).Eos;
    const sources = [...Object.values(readEosFolder('examples/acme')), ...Object.values(readEosFolder('examples/language-md'))];
    const gaps = [' ', '  ', '\t', '\n', '\n\n\n', ' \n    ', '\r\n', '   \t '];

    it('any layout of the example files parses without a syntax error (the repair reads line starts)', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: sources.length - 1 }),
                fc.array(fc.integer({ min: 0, max: gaps.length - 1 }), { minLength: 1, maxLength: 400 }),
                (sourceIndex, choices) => {
                    const lexed = services.parser.Lexer.tokenize(sources[sourceIndex]);
                    const tokens = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
                    const text = tokens
                        .map((token, i) => {
                            const gap = gaps[choices[i % choices.length]];
                            return token.image + (token.image.startsWith('//') && !gap.includes('\n') ? '\n' : gap);
                        })
                        .join('');
                    const result = services.parser.LangiumParser.parse(text);
                    expect([...result.lexerErrors, ...result.parserErrors].map(e => e.message)).toEqual([]);
                }
            ),
            { numRuns: 500, seed: 20261204 }
        );
    });
});

describe("a tracker's status word", () => {
    it('is one error on all its words, and the status is read as the EOS word it means (WIP counts stay right)', async () => {
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': SENIOR_TRIAGE.replace('status ready', 'status in progress') });
        expect(ws.diagnostics('strategy.eos')).toEqual([]);
        expect(summary(ws.diagnostics('work.eos').filter(d => d.code === 'syntax'))).toEqual([
            'syntax@4:9-4:20 `in progress` is not an initiative status — write `doing`, the EOS word for it (read so until you do).'
        ]);
        expect(ws.services.eos.StrategyWorkspace.model.get('initiative', 'SeniorTriage')?.status).toBe('doing');
    });

    it("for a bet's end without its evidence (`done`), is not read as any status", async () => {
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY.replace('streams Emergency', 'streams Emergency\n  status done') });
        expect(summary(ws.diagnostics('strategy.eos'))).toEqual([
            'syntax@7:9-7:13 `done` is not a bet status — a bet ends `validated` or `invalidated` by its evidence, or `stopped`.'
        ]);
        expect(ws.services.eos.StrategyWorkspace.model.get('bet', 'Triage')?.status).toBeUndefined();
    });
});

describe('a range of years written with a dash', () => {
    for (const written of ['2026–2028', '2026—2028', '2026 - 2028', '2026 -2028', '2026 – 2028']) {
        it(`\`horizon ${written}\` is the range 2026..2028, without a finding`, async () => {
            const ws = await buildWorkspace({ 'strategy.eos': STRATEGY.replace('streams Emergency', `streams Emergency\n  horizon ${written}`) });
            expect(ws.diagnostics('strategy.eos')).toEqual([]);
            expect(ws.services.eos.StrategyWorkspace.model.get('bet', 'Triage')?.horizon).toEqual({ start: 2026, end: 2028 });
        });
    }

    it('elsewhere, the dash is still named: a range of figures is not a value', async () => {
        const ws = await buildWorkspace({ 'strategy.eos': STRATEGY.replace('wip 3', 'wip 3–4') });
        expect(summary(ws.diagnostics('strategy.eos')).filter(s => s.startsWith('syntax'))[0]).toContain('`–` is a dash from a word processor');
    });
});
