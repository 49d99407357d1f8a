/**
 * The loop in the editor: a key result's hover lists its check-ins, says the trend in words and
 * the forecast while its period runs, or its grade once ended; a bet's hover shows its evidence as
 * a timeline; OKRs, bets, themes and teams show rolled-up scores. Code lenses say the same in a
 * few words. Today is fixed at 2026-03-01 (two thirds of 2026-Q1 gone).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { buildWorkspace, type TestWorkspace } from '../../helpers.js';

const STRATEGY = `vision V "V"
theme Growth "Grow" { vision V horizon 2026 }
bet Pilot "Pilot" {
  serves Growth
  hypothesis "If we pilot, we learn"
  status active
  evidence 2026-01-10 supports "First cohort signed up"
  evidence 2026-02-14 contradicts "Churn rose | in week 6"
}
team Crew "Crew" { level crew }
`;

const CREW = `okr CrewQ1 "Crew grows" {
  owner Crew
  period 2026-Q1
  supports Pilot
  kr Users "Users" from 0 to 10
    checkin 2026-01-31 2 confidence high
    checkin 2026-02-28 4 confidence medium "slower than hoped"
  kr Minutes "Minutes to open" from 26 to 10 minutes
    checkin 2026-02-20 14
}

okr CrewQ4 "Crew started" {
  owner Crew
  period 2025-Q4
  supports Pilot
  kr Signups "Signups" from 0 to 100
    checkin 2025-11-15 40
    checkin 2025-12-20 70 confidence medium
  kr Silent "Never read" from 0 to 5
}
`;

let ws: TestWorkspace;
beforeAll(async () => {
    ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'crew.eos': CREW }, { today: '2026-03-01' });
});

async function hover(file: string, needle: string, delta = 0): Promise<string> {
    const document = ws.documents.get(file)!;
    const offset = document.textDocument.getText().indexOf(needle);
    expect(offset, needle).toBeGreaterThanOrEqual(0);
    const position = document.textDocument.positionAt(offset + delta);
    const result: Hover | undefined = await ws.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

async function lenses(file: string): Promise<string[]> {
    const document = ws.documents.get(file)!;
    const found = (await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? [];
    return found.map(lens => `${document.textDocument.getText(lens.range)}: ${lens.command?.title}`);
}

describe('key result hover', () => {
    it('lists the check-ins, the trend in words and the forecast while the period runs', async () => {
        const text = await hover('crew.eos', 'Users "Users"');
        expect(text).toContain(
            '**Check-ins (2):**\n\n| date | value | confidence | note |\n|---|---|---|---|\n| 2026-01-31 | 2 | high |  |\n| 2026-02-28 | 4 | medium | slower than hoped |'
        );
        expect(text).toContain('**Trend:** improving: 20% → 40% of the way over 4 weeks (2 check-ins); confidence high → medium');
        expect(text).toContain('**Period:** 2026-Q1: 2026-01-01 – 2026-03-31, 67% gone on 2026-03-01');
        expect(text).toMatch(/\*\*Forecast:\*\* at this pace 6\.\d+ by 2026-03-31, \d+% of the way \(straight line through the baseline and 2 check-ins\)/);
    });

    it('the same hover on a check-in line of the key result', async () => {
        expect(await hover('crew.eos', '2026-02-28 4', 3)).toContain('**Check-ins (2):**');
    });

    it('gives the grade once the period has ended, saying what it is based on', async () => {
        const signups = await hover('crew.eos', 'Signups "Signups"');
        expect(signups).toContain('**Period:** 2025-Q4: 2025-10-01 – 2025-12-31 (ended)');
        expect(signups).toContain('**Grade:** 0.7 (final check-in 2025-12-20: 70)');
        expect(signups).not.toContain('**Forecast:**');
        expect(await hover('crew.eos', 'Silent "Never')).toContain('**Grade:** 0.0 (no reading: counts as 0.0)');
    });
});

describe('scores roll up', () => {
    it('an OKR shows its score once ended, or its progress while it runs', async () => {
        expect(await hover('crew.eos', 'CrewQ4 "Crew')).toContain('**Score:** 0.3 (average grade of 2 key results; 2025-Q4 has ended)');
        expect(await hover('crew.eos', 'CrewQ1 "Crew')).toContain('**Progress:** 57% on average across its key results');
    });

    it('a bet, a theme and a team show the scores of the OKRs behind them, per period', async () => {
        const rows = '**Scores of the OKRs supporting it:**\n- 2026-Q1: 1 objective, progress 57%\n- 2025-Q4: 1 objective, score 0.3';
        expect(await hover('strategy.eos', 'Pilot "Pilot"')).toContain(rows);
        expect(await hover('strategy.eos', 'Growth "Grow"')).toContain(rows);
        expect(await hover('strategy.eos', 'Crew "Crew"')).toContain('**Scores of its OKRs:**\n- 2026-Q1: 1 objective, progress 57%\n- 2025-Q4: 1 objective, score 0.3');
    });

    it("a bet's evidence as a timeline, oldest first, with the gaps between entries (user text escaped)", async () => {
        expect(await hover('strategy.eos', 'Pilot "Pilot"')).toContain(
            '**Evidence timeline (2):**\n- 2026-01-10 ✓ supports: First cohort signed up\n- 2026-02-14 (+35 days) ✗ contradicts: Churn rose \\| in week 6'
        );
    });
});

describe('code lenses', () => {
    it('a key result: progress, forecast and whether it is on track; a grade once ended; scores on OKRs, bets, themes, teams', async () => {
        expect(await lenses('crew.eos')).toEqual([
            'CrewQ1: progress 57%',
            expect.stringMatching(/^Users: 40% · forecast 6\.\d+ by 2026-03-31 · off track$/),
            'Minutes: 75% · on track',
            'CrewQ4: score 0.3 (2025-Q4 ended)',
            'Signups: grade 0.7 (2025-Q4)',
            'Silent: grade 0.0 (2025-Q4)'
        ]);
        expect(await lenses('strategy.eos')).toEqual([
            'Growth: 1 bet · OKRs 2026-Q1: progress 57%',
            'Pilot: 0 initiatives · 2 OKRs · OKRs 2026-Q1: progress 57%',
            'Crew: OKRs 2026-Q1: progress 57%'
        ]);
    });
});
