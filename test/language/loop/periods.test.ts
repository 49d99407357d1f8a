/** Periods know their dates: every written form, financial years, ranges and the elapsed part. */
import { describe, expect, it } from 'vitest';
import { elapsedFraction, isoDay, parseYearStart, periodState, readPeriod, type YearStart } from '../../../src/language/model/periods.js';
import { parseDate } from '../../../src/language/model/dates.js';
import { buildWorkspace } from '../../helpers.js';

const APRIL: YearStart = { month: 4, day: 1 };

function dates(text: string, yearStart?: YearStart): string {
    const reading = readPeriod(text, yearStart);
    if (!reading.period) return `problem: ${reading.problem.fault} ${reading.problem.fix}`;
    return `${isoDay(reading.period.start)}..${isoDay(reading.period.end)}`;
}

describe('readPeriod', () => {
    it('reads calendar years, halves and quarters, in either letter case', () => {
        expect(dates('2026')).toBe('2026-01-01..2026-12-31');
        expect(dates('2026-H1')).toBe('2026-01-01..2026-06-30');
        expect(dates('2026-h2')).toBe('2026-07-01..2026-12-31');
        expect(dates('2026-Q1')).toBe('2026-01-01..2026-03-31');
        expect(dates('2028-Q1')).toBe('2028-01-01..2028-03-31');
        expect(dates('2026-q4')).toBe('2026-10-01..2026-12-31');
    });

    it('reads financial years by the year they end in (FY2027) or the years they span (2026/27)', () => {
        expect(dates('FY2027', APRIL)).toBe('2026-04-01..2027-03-31');
        expect(dates('2026/27', APRIL)).toBe('2026-04-01..2027-03-31');
        expect(dates('2026/2027', APRIL)).toBe('2026-04-01..2027-03-31');
        expect(dates('FY2027-Q1', APRIL)).toBe('2026-04-01..2026-06-30');
        expect(dates('FY2027-Q4', APRIL)).toBe('2027-01-01..2027-03-31');
        expect(dates('fy2027-h2', APRIL)).toBe('2026-10-01..2027-03-31');
        // Without a financial year start, FY2027 is the calendar year 2027.
        expect(dates('FY2027')).toBe('2027-01-01..2027-12-31');
    });

    it('refuses 2026/27 when the financial year is the calendar year, and years that do not follow', () => {
        expect(dates('2026/27')).toMatch(/spans two calendar years.*financialYearStarts/);
        expect(dates('2026/28', APRIL)).toMatch(/second year must follow the first\. Write 2026\/27\./);
    });

    it('reads ranges of periods and spans of years', () => {
        expect(dates('2026-Q1..2026-Q2')).toBe('2026-01-01..2026-06-30');
        expect(dates('2026..2028')).toBe('2026-01-01..2028-12-31');
        expect(dates('2026-2028')).toBe('2026-01-01..2028-12-31');
        expect(dates('2026-Q3..2026-Q1')).toMatch(/ends before it starts\. Write the earlier period first: 2026-Q1\.\.2026-Q3\./);
    });

    it('says what is wrong with anything else, naming the forms it accepts', () => {
        expect(dates('2026-Q5')).toMatch(/^problem: '2026-Q5' is not a quarter: a year has quarters Q1 to Q4\. Write a year/);
        expect(dates('2026-H3')).toMatch(/^problem: '2026-H3' is not a half: a year has halves H1 and H2\. /);
        expect(dates('Q1')).toMatch(/^problem: 'Q1' is not a period\. Write a year \(2026\).*FY2027 or 2026\/27/);
        expect(dates('2026-01-20')).toMatch(/is a date, not a period/);
    });
});

describe('elapsed part and state', () => {
    const q1 = readPeriod('2026-Q1').period!;
    it('counts the first day as one day gone and the last as the whole period', () => {
        expect(elapsedFraction(q1, parseDate('2025-12-31')!)).toBe(0);
        expect(elapsedFraction(q1, parseDate('2026-01-01')!)).toBeCloseTo(1 / 90);
        expect(elapsedFraction(q1, parseDate('2026-03-01')!)).toBeCloseTo(60 / 90);
        expect(elapsedFraction(q1, parseDate('2026-03-31')!)).toBe(1);
        expect(periodState(q1, parseDate('2025-12-31')!)).toBe('upcoming');
        expect(periodState(q1, parseDate('2026-03-31')!)).toBe('running');
        expect(periodState(q1, parseDate('2026-04-01')!)).toBe('ended');
    });
});

describe('financialYearStarts', () => {
    it('is a real month and day', () => {
        expect(parseYearStart('04-01')).toEqual({ month: 4, day: 1 });
        expect(parseYearStart('02-29')).toBeUndefined();
        expect(parseYearStart('13-01')).toBeUndefined();
        expect(parseYearStart('4-1')).toBeUndefined();
    });
});

describe('period and horizon syntax', () => {
    const okr = (period: string) => `okr Growth "Grow" {\n  period ${period}\n  kr Users "Users" from 1 to 2\n}\n`;
    async function periodFindings(period: string, config?: { financialYearStarts?: string }) {
        const ws = await buildWorkspace({ 'a.eos': okr(period) }, { config: { diagnostics: { 'unaligned-okr': 'off' }, ...config } });
        return ws.all().map(d => `${String(d.code)}: ${d.message}`);
    }

    it('accepts every form without a finding', async () => {
        for (const period of ['2026', '2026-Q1', '2026-h1', '2026-Q1..2026-Q2', '2026-2027', '2026..2027', 'FY2027', 'FY2027-Q2']) {
            expect(await periodFindings(period), period).toEqual([]);
        }
        expect(await periodFindings('2026/27', { financialYearStarts: '04-01' })).toEqual([]);
    });

    it('reports a period it cannot read on the value, never keeping part of it', async () => {
        expect(await periodFindings('2026/27')).toEqual([expect.stringMatching(/^invalid-period: '2026\/27' spans two calendar years/)]);
        expect(await periodFindings('Q1')).toEqual([expect.stringMatching(/^invalid-period: 'Q1' is not a period/)]);
        const ws = await buildWorkspace({ 'a.eos': okr('2026/27') }, { config: { diagnostics: {} } });
        expect(ws.services.eos.StrategyWorkspace.model.get('okr', 'Growth')?.period).toBe('2026/27');
        const diagnostic = ws.diagnostics('a.eos').find(d => d.code === 'invalid-period')!;
        expect(ws.documents.get('a.eos')!.textDocument.getText(diagnostic.range)).toBe('2026/27');
    });

    it('reads horizon 2026-2028 as the years 2026 to 2028, not as 2026 and -2028', async () => {
        const ws = await buildWorkspace(
            { 'a.eos': 'theme T "T" { horizon 2026-2028 }\ntheme U "U" { horizon 2028-2026 }\ntheme V "V" { horizon 2026-Q1 }\n' },
            { config: { diagnostics: { 'theme-without-bets': 'off' } } }
        );
        const model = ws.services.eos.StrategyWorkspace.model;
        expect(model.get('theme', 'T')?.horizon).toEqual({ start: 2026, end: 2028 });
        expect(ws.all().map(d => `${String(d.code)}: ${d.message}`)).toEqual([
            'invalid-period: The horizon 2028..2026 ends before it starts — write the first year first: 2026..2028.',
            "invalid-period: '2026-Q1' is not a horizon: a horizon is in years — write a year or a range of years: 2026, 2026..2028 or 2026-2028."
        ]);
    });
});
