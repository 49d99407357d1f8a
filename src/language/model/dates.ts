/**
 * Dates of the language (`2026-01-20`); periods and horizons are read in periods.ts. The grammar
 * accepts any shape; these functions decide what is possible.
 */

/**
 * Days read before, by text: a workspace with 20,000 check-ins asks for the same hundred dates on
 * every keystroke (the check-in index, each forecast, each staleness check), and each reading
 * costs a regex and two `Date`s. Bounded: cleared when it grows past what any workspace writes.
 */
const parsedDays = new Map<string, number | undefined>();
const MAX_REMEMBERED = 8192;

/** Days since the epoch (UTC) of a valid `YYYY-MM-DD`, or undefined if the date is impossible. */
export function parseDate(text: string): number | undefined {
    const known = parsedDays.get(text);
    if (known !== undefined || parsedDays.has(text)) return known;
    if (parsedDays.size >= MAX_REMEMBERED) parsedDays.clear();
    const day = readDate(text);
    parsedDays.set(text, day);
    return day;
}

function readDate(text: string): number | undefined {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1) return undefined;
    if (day > daysInMonth(year, month)) return undefined;
    return utcDay(year, month - 1, day) / 86_400_000;
}

/**
 * Milliseconds of a UTC day. `Date.UTC` reads years 0–99 as 1900–1999 (so `0050-02-29` would be
 * checked against 1950); `setUTCFullYear` takes the year as written.
 */
function utcDay(year: number, monthIndex: number, day: number): number {
    const date = new Date(0);
    date.setUTCFullYear(year, monthIndex, day);
    return date.getTime();
}

function daysInMonth(year: number, month: number): number {
    return new Date(utcDay(year, month, 0)).getUTCDate();
}

/** Why a calendar value is impossible, and how to write it. */
export interface CalendarProblem {
    fault: string;
    fix: string;
}

const WRITE_A_DATE = 'Write it as YYYY-MM-DD, e.g. 2026-01-20.';

const dateProblems = new Map<string, Readonly<CalendarProblem> | undefined>();

/** Why a date is impossible, or undefined when it is fine (remembered by text, as `parseDate`; the answer is frozen). */
export function dateProblem(text: string): Readonly<CalendarProblem> | undefined {
    const known = dateProblems.get(text);
    if (known !== undefined || dateProblems.has(text)) return known;
    if (dateProblems.size >= MAX_REMEMBERED) dateProblems.clear();
    const problem = readDateProblem(text);
    dateProblems.set(text, problem && Object.freeze(problem));
    return problem;
}

function readDateProblem(text: string): CalendarProblem | undefined {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!match) return { fault: `'${text}' is not a date.`, fix: WRITE_A_DATE };
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12) return { fault: `'${text}' has no month ${month}; months run from 01 to 12.`, fix: WRITE_A_DATE };
    const max = daysInMonth(year, month);
    if (day < 1 || day > max) {
        return { fault: `'${text}' does not exist: month ${String(month).padStart(2, '0')} of ${year} has ${max} days.`, fix: 'Write a day that exists.' };
    }
    return undefined;
}

/** Today's date as `YYYY-MM-DD` in UTC. */
export function todayIso(now: Date = new Date()): string {
    return now.toISOString().slice(0, 10);
}
