/**
 * The forecast codes, each with the case that triggers it and the near miss that must not, all
 * measured against a fixed today (2026-03-01, two thirds of 2026-Q1 gone).
 */
import { describe, expect, it } from 'vitest';
import type { EosConfig } from '../../../src/language/workspace/eos-config.js';
import { buildWorkspace } from '../../helpers.js';

const STRATEGY = `
vision V "V"
theme Growth "Grow" { vision V horizon 2026 }
bet Pilot "Pilot" { serves Growth hypothesis "If we pilot, we learn" status active evidence 2026-02-01 supports "ok" }
initiative Work "Work" { bet Pilot status doing updated 2026-02-25 }
team Crew "Crew" { level crew }
`;

const LOOP_CODES = ['kr-off-track', 'kr-check-in-stale', 'bet-review-overdue', 'theme-without-current-okrs', 'targets-always-met'];

async function findings(files: Record<string, string>, options: { today?: string; config?: Partial<EosConfig> } = {}) {
    const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, ...files }, { today: options.today ?? '2026-03-01', config: { diagnostics: {}, ...options.config } });
    return ws
        .all()
        .filter(d => LOOP_CODES.includes(String(d.code)) || d.severity === 1)
        .map(d => `${String(d.code)} ${ws.documents.get(d.file)!.textDocument.getText(d.range)}: ${d.message}`);
}

const okr = (krLine: string, period = '2026-Q1') => ({
    'crew.eos': `okr CrewQ1 "Crew grows" {\n  owner Crew\n  period ${period}\n  supports Pilot\n  ${krLine}\n}\n`
});

describe('kr-off-track', () => {
    it('reports a key result whose linear projection misses the target', async () => {
        // 0 → 10 by 2026-03-31; readings 2 on Jan 31 and 4 on Feb 28: the line reaches about 6.
        const result = await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-01-31 2\n    checkin 2026-02-28 4 confidence medium "slower than hoped"'));
        expect(result).toEqual([expect.stringMatching(/^kr-off-track Users: Key result 'CrewQ1\.Users' is off track: projected 6\.\d+ by 2026-03-31, \d+% of the way to 10/)]);
    });

    it('near miss: a projection that reaches the target is on track', async () => {
        const result = await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-01-31 3.5\n    checkin 2026-02-28 6.6'));
        expect(result).toEqual([]);
    });

    it('reports progress that lags the part of the period gone by more than the margin', async () => {
        // One check-in (no trend yet): 20% of the way on Feb 28, when 66% of the quarter was gone.
        const result = await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-28 2'));
        expect(result).toEqual([expect.stringMatching(/off track: 20% done on 2026-02-28 with 66% of 2026-Q1 gone \(margin 25 points\)/)]);
    });

    it('near miss: a lag within the margin, or a wider configured margin, is not reported', async () => {
        expect(await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-28 4.5'))).toEqual([]);
        expect(await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-28 2'), { config: { offTrackMargin: 50 } })).toEqual([]);
    });

    it('counts falling targets the same way, and says nothing once the period has ended', async () => {
        const falling = 'kr Minutes "Minutes to open" from 26 to 10 minutes\n    checkin 2026-01-31 24\n    checkin 2026-02-28 22';
        expect(await findings(okr(falling))).toEqual([expect.stringMatching(/^kr-off-track Minutes: .*projected \d+(\.\d+)? minutes by 2026-03-31/)]);
        expect(await findings(okr(falling), { today: '2026-04-02' })).toEqual([]);
    });

    it('reads check-ins written in a separate file, naming Okr.Kr', async () => {
        const result = await findings({
            ...okr('kr Users "Users" from 0 to 10'),
            'checkins.eos': 'checkin CrewQ1.Users 2026-01-31 2\ncheckin CrewQ1.Users 2026-02-28 4\n'
        });
        expect(result).toEqual([expect.stringMatching(/^kr-off-track Users: /)]);
    });
});

describe('kr-check-in-stale', () => {
    it('reports a key result whose last check-in is older than checkInEveryDays while its period runs', async () => {
        const result = await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-10 7'));
        expect(result).toEqual([
            expect.stringMatching(
                /^kr-check-in-stale Users: Key result 'CrewQ1\.Users' was last checked in 19 days ago \(due every 14 while 2026-Q1 runs\) — add `checkin 2026-03-01 <value>`\.$/
            )
        ]);
    });

    it('near miss: a recent check-in, a longer interval, an ended period, or no check-in at all', async () => {
        expect(await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-15 7'))).toEqual([]);
        expect(await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-10 7'), { config: { checkInEveryDays: 21 } })).toEqual([]);
        expect(await findings(okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-10 7', '2025-Q4'))).toEqual([]);
        expect(await findings(okr('kr Users "Users" from 0 to 10 current 7'))).toEqual([]);
    });
});

describe('bet-review-overdue', () => {
    const bet = (evidence: string, status = 'active') => ({
        'bet.eos': `bet Later "Later" { serves Growth hypothesis "If …, then …" status ${status} ${evidence} }\ninitiative LaterWork "Later work" { bet Later status doing started 2025-10-01 updated 2026-02-25 }\n`
    });

    it('reports an active bet whose latest evidence is older than reviewAfterDays', async () => {
        expect(await findings(bet('evidence 2025-11-01 supports "first signal"'))).toEqual([
            expect.stringMatching(
                /^bet-review-overdue Later: Bet 'Later' has had no evidence for 120 days \(review every 90\) — add `evidence 2026-03-01 supports\|contradicts "…"`, or change its status\.$/
            )
        ]);
    });

    it('reports an active bet with no evidence since its work started', async () => {
        expect(await findings(bet(''))).toEqual([expect.stringMatching(/has no evidence 151 days after work began \(review every 90\) — add what the work has shown/)]);
    });

    it('near miss: recent evidence, a longer review interval, or a bet that is not active', async () => {
        expect(await findings(bet('evidence 2026-01-15 supports "fresh"'))).toEqual([]);
        expect(await findings(bet('evidence 2025-11-01 supports "first signal"'), { config: { reviewAfterDays: 150 } })).toEqual([]);
        expect(await findings(bet('evidence 2025-11-01 supports "first signal"', 'proposed'))).toEqual([]);
    });
});

describe('theme-without-current-okrs', () => {
    const other = {
        'other.eos':
            'theme Costs "Cut costs" { vision V horizon 2026 }\nbet Robots "Robots" { serves Costs hypothesis "If …" status proposed }\ninitiative Bots "Bots" { bet Robots status funnel }\n'
    };

    it('reports a theme that no objective of the running period supports while others do', async () => {
        const result = await findings({ ...okr('kr Users "Users" from 0 to 10'), ...other });
        expect(result).toEqual([
            expect.stringMatching(
                /^theme-without-current-okrs Costs: No 2026-Q1 objective supports theme 'Costs' or its bets — support it from a current OKR, or move its horizon\.$/
            )
        ]);
    });

    it('near miss: an objective reaching it through a bet, an OKR of an ended period only, or a theme outside its horizon', async () => {
        const supported = { 'costs-okr.eos': 'okr CostsQ1 "Costs" { owner Crew period 2026-Q1 supports Robots kr Cost "Cost" from 10 to 5 }\n' };
        expect(await findings({ ...okr('kr Users "Users" from 0 to 10'), ...other, ...supported })).toEqual([]);
        expect(await findings({ ...okr('kr Users "Users" from 0 to 10', '2025-Q4'), ...other })).toEqual([]);
        const later = { 'other.eos': other['other.eos'].replace('horizon 2026', 'horizon 2027..2028') };
        expect(await findings({ ...okr('kr Users "Users" from 0 to 10'), ...later })).toEqual([]);
    });
});

describe('targets-always-met', () => {
    const quarters = (q4: string, q1: string) => ({
        'history.eos':
            `okr CrewQ4 "Q4" { owner Crew period 2025-Q4 supports Pilot kr A "A" from 0 to 10 current ${q4} }\n` +
            `okr CrewQ1 "Q1" { owner Crew period 2026-Q1 supports Pilot kr B "B" from 0 to 10 current ${q1} }\n`
    });

    it('reports a team whose key results were all met in two periods in a row', async () => {
        const result = await findings(quarters('10', '12'), { today: '2026-04-10' });
        expect(result).toContainEqual(expect.stringMatching(/^targets-always-met Crew: Team 'Crew' met every key result in 2025-Q4, 2026-Q1 — aim higher/));
        expect(result).toContainEqual(expect.stringMatching(/^targets-always-met Growth: The objectives supporting theme 'Growth' met/));
    });

    it('near miss: one period missed, or the second period still running', async () => {
        expect((await findings(quarters('10', '9'), { today: '2026-04-10' })).filter(f => f.startsWith('targets-always-met'))).toEqual([]);
        expect((await findings(quarters('10', '12'), { today: '2026-03-10' })).filter(f => f.startsWith('targets-always-met'))).toEqual([]);
    });
});

describe('check-in values', () => {
    it('reports a check-in with an impossible date on its date, and one that names no key result', async () => {
        const result = await findings({ ...okr('kr Users "Users" from 0 to 10\n    checkin 2026-02-30 2'), 'loose.eos': 'checkin 2026-02-10 5\n' });
        expect(result).toEqual([
            "invalid-period 2026-02-30: '2026-02-30' does not exist: month 02 of 2026 has 28 days — write a day that exists.",
            expect.stringMatching(/^unresolved-reference checkin 2026-02-10 5: This check-in names no key result/)
        ]);
    });

    it('reports a check-in naming a key result that does not exist, with the nearest names', async () => {
        const result = await findings({ ...okr('kr Users "Users" from 0 to 10'), 'checkins.eos': 'checkin CrewQ1.User 2026-02-27 5\n' });
        expect(result).toEqual([expect.stringMatching(/^unresolved-reference CrewQ1\.User: No key result is named 'CrewQ1\.User' — did you mean 'CrewQ1\.Users'\?/)]);
    });
});
