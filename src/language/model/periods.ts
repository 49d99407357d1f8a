/**
 * Periods know their dates. Every form a `period` (or a horizon) may take is read here, into its
 * first and last day, so that forecasts, grades, flow and the period report share one calendar.
 *
 * Forms: a calendar year `2026`, half `2026-H1`, quarter `2026-Q1`; a financial year `FY2027`
 * (named after the calendar year it ends in) or `2026/27` (the years it spans), and its halves
 * and quarters `FY2027-H1`, `FY2027-Q3`; a range of any two of these `2026-Q1..2026-Q2`; and a
 * span of years `2026-2028` (the same as `2026..2028`). Letters may be lower case.
 *
 * The financial year starts on `financialYearStarts` (`MM-DD`, from `eos.config.json`; default
 * `01-01`, when a financial year is the calendar year). Pure: no clock, no configuration lookup.
 */
import type { CalendarProblem } from './dates.js';

/** When the financial year begins, as month and day. */
export interface YearStart {
    month: number;
    day: number;
}

export const CALENDAR_YEAR_START: YearStart = { month: 1, day: 1 };

export interface Period {
    /** As written. */
    text: string;
    /** First day, in days since the epoch (UTC). */
    start: number;
    /** Last day, inclusive, in days since the epoch (UTC). */
    end: number;
}

export type PeriodReading = { period: Period; problem?: undefined } | { period?: undefined; problem: CalendarProblem };

const WRITE_A_PERIOD = 'Write a year (2026), a half (2026-H1), a quarter (2026-Q1), a financial year (FY2027 or 2026/27) or a range (2026-Q1..2026-Q2).';

/** Reads `MM-DD` as a financial year start; undefined when it is not a real day of the year. */
export function parseYearStart(text: string): YearStart | undefined {
    const match = /^(\d{2})-(\d{2})$/.exec(text);
    if (!match) return undefined;
    const month = Number(match[1]);
    const day = Number(match[2]);
    // 29 February would not exist every year: refused.
    if (month < 1 || month > 12 || day < 1 || day > [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]) return undefined;
    return { month, day };
}

/**
 * Periods read before, by calendar and text: every forecast, grade and running-OKR check reads its
 * OKR's period, thousands of times per keystroke in a large workspace, and there are few distinct
 * periods. The readings are frozen, as they are shared. Bounded like the dates' memory.
 */
const readPeriods = new Map<string, Readonly<PeriodReading>>();

/** Reads a period (or range of periods) with its dates, or says why it cannot be read. */
export function readPeriod(text: string, yearStart: YearStart = CALENDAR_YEAR_START): Readonly<PeriodReading> {
    const key = `${yearStart.month}-${yearStart.day} ${text}`;
    let reading = readPeriods.get(key);
    if (!reading) {
        if (readPeriods.size >= 8192) readPeriods.clear();
        reading = freeze(readPeriodText(text, yearStart));
        readPeriods.set(key, reading);
    }
    return reading;
}

function freeze(reading: PeriodReading): Readonly<PeriodReading> {
    for (const part of Object.values(reading)) if (part && typeof part === 'object') Object.freeze(part);
    return Object.freeze(reading);
}

function readPeriodText(text: string, yearStart: YearStart): PeriodReading {
    const trimmed = text.trim();
    const range = /^(.+?)(?:\.\.|(?<=^\d{4})-(?=\d{4}$))(.+)$/.exec(trimmed);
    if (range) {
        const first = readSingle(range[1], yearStart);
        if (!first.period) return first;
        const last = readSingle(range[2], yearStart);
        if (!last.period) return last;
        if (last.period.start < first.period.start) {
            return { problem: { fault: `'${trimmed}' ends before it starts.`, fix: `Write the earlier period first: ${range[2]}..${range[1]}.` } };
        }
        return { period: { text: trimmed, start: first.period.start, end: last.period.end } };
    }
    return readSingle(trimmed, yearStart);
}

function readSingle(text: string, yearStart: YearStart): PeriodReading {
    let match = /^(\d{4})$/.exec(text);
    if (match) return { period: span(text, Number(match[1]), 1, 12) };

    match = /^(\d{4})-([QqHh])(\d+)$/.exec(text);
    if (match) {
        const part = partOf(text, match[2], Number(match[3]));
        if (typeof part === 'string') return { problem: { fault: part, fix: WRITE_A_PERIOD } };
        return { period: span(text, Number(match[1]), part.firstMonth, part.months) };
    }

    match = /^[Ff][Yy](\d{4})(?:-([QqHh])(\d+))?$/.exec(text);
    if (match) {
        const endYear = Number(match[1]);
        const firstYear = yearStart.month === 1 && yearStart.day === 1 ? endYear : endYear - 1;
        if (match[2]) {
            const part = partOf(text, match[2], Number(match[3]));
            if (typeof part === 'string') return { problem: { fault: part, fix: WRITE_A_PERIOD } };
        }
        return { period: financial(text, firstYear, yearStart, match[2], match[3])! };
    }

    match = /^(\d{4})\/(\d{2}|\d{4})$/.exec(text);
    if (match) {
        const firstYear = Number(match[1]);
        const second = match[2].length === 2 ? Number(String(firstYear).slice(0, 2) + match[2]) : Number(match[2]);
        if (second !== firstYear + 1) {
            return {
                problem: { fault: `'${text}' is not a financial year: its second year must follow the first.`, fix: `Write ${firstYear}/${String(firstYear + 1).slice(2)}.` }
            };
        }
        if (yearStart.month === 1 && yearStart.day === 1) {
            return {
                problem: {
                    fault: `'${text}' spans two calendar years, but the financial year starts on 01-01 (the calendar year).`,
                    fix: `Set "financialYearStarts" in eos.config.json (e.g. "04-01"), or write ${firstYear}.`
                }
            };
        }
        return { period: financial(text, firstYear, yearStart)! };
    }

    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) return { problem: { fault: `'${text}' is a date, not a period.`, fix: WRITE_A_PERIOD } };
    return { problem: { fault: `'${text}' is not a period.`, fix: WRITE_A_PERIOD } };
}

function partOf(text: string, letter: string, index: number): { firstMonth: number; months: number } | string {
    const quarter = letter.toUpperCase() === 'Q';
    const max = quarter ? 4 : 2;
    if (index < 1 || index > max) {
        return quarter ? `'${text}' is not a quarter: a year has quarters Q1 to Q4.` : `'${text}' is not a half: a year has halves H1 and H2.`;
    }
    const months = quarter ? 3 : 6;
    return { firstMonth: (index - 1) * months + 1, months };
}

/** A financial year (or a half or quarter of it) that begins in `firstYear`. */
function financial(text: string, firstYear: number, yearStart: YearStart, letter?: string, index?: string): Period | undefined {
    let offset = 0;
    let months = 12;
    if (letter) {
        const part = partOf(text, letter, Number(index));
        if (typeof part === 'string') return undefined;
        offset = part.firstMonth - 1;
        months = part.months;
    }
    const start = Date.UTC(firstYear, yearStart.month - 1 + offset, yearStart.day) / 86_400_000;
    const next = Date.UTC(firstYear, yearStart.month - 1 + offset + months, yearStart.day) / 86_400_000;
    return { text, start, end: next - 1 };
}

function span(text: string, year: number, firstMonth: number, months: number): Period {
    const start = Date.UTC(year, firstMonth - 1, 1) / 86_400_000;
    const next = Date.UTC(year, firstMonth - 1 + months, 1) / 86_400_000;
    return { text, start, end: next - 1 };
}

/** Why a period cannot be read, or undefined when it can. */
export function periodProblem(text: string, yearStart: YearStart = CALENDAR_YEAR_START): CalendarProblem | undefined {
    return readPeriod(text, yearStart).problem;
}

/** Days in the period, both ends included. */
export function periodDays(period: Period): number {
    return period.end - period.start + 1;
}

export type PeriodState = 'upcoming' | 'running' | 'ended';

/** Where a day falls against a period. */
export function periodState(period: Period, day: number): PeriodState {
    return day < period.start ? 'upcoming' : day > period.end ? 'ended' : 'running';
}

/**
 * The part of the period gone by the end of `day`, 0..1: the period's first day counts as one
 * day gone, its last as all of it.
 */
export function elapsedFraction(period: Period, day: number): number {
    if (day < period.start) return 0;
    if (day >= period.end) return 1;
    return (day - period.start + 1) / periodDays(period);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `2026-01-01 – 2026-03-31`: a period's dates for hovers and reports. */
export function describePeriodDates(period: Period): string {
    return `${isoDay(period.start)} – ${isoDay(period.end)}`;
}

/** A horizon's years, from `2026`, `2026..2028` or `2026-2028`; or why it cannot be read. */
export function horizonProblem(start: number | undefined, end: number | undefined, span: string | undefined): CalendarProblem | undefined {
    if (span !== undefined) {
        const match = /^(\d{4})-(\d{4})$/.exec(span);
        if (!match) return { fault: `'${span}' is not a horizon: a horizon is in years.`, fix: 'Write a year or a range of years: 2026, 2026..2028 or 2026-2028.' };
        start = Number(match[1]);
        end = Number(match[2]);
    }
    if (start !== undefined && end !== undefined && end < start) {
        return { fault: `The horizon ${start}..${end} ends before it starts.`, fix: `Write the first year first: ${end}..${start}.` };
    }
    return undefined;
}
