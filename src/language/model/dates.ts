/**
 * Calendar values of the language: dates (`2026-01-20`), periods (`2026-Q1`, `2026-H2`, `2026`)
 * and horizons. The grammar accepts any shape; these functions decide what is possible.
 */

/** Days since the epoch (UTC) of a valid `YYYY-MM-DD`, or undefined if the date is impossible. */
export function parseDate(text: string): number | undefined {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1) return undefined;
    if (day > daysInMonth(year, month)) return undefined;
    return Date.UTC(year, month - 1, day) / 86_400_000;
}

function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a calendar value is impossible, and how to write it. */
export interface CalendarProblem {
    fault: string;
    fix: string;
}

const WRITE_A_DATE = 'Write it as YYYY-MM-DD, e.g. 2026-01-20.';
const WRITE_A_PERIOD = 'Write a year (2026), a quarter (2026-Q1) or a half (2026-H1).';

/** Why a date is impossible, or undefined when it is fine. */
export function dateProblem(text: string): CalendarProblem | undefined {
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

/** Why a period is impossible, or undefined when it is fine. */
export function periodProblem(text: string): CalendarProblem | undefined {
    if (/^\d{4}$/.test(text)) return undefined;
    const match = /^\d{4}-([QqHh])(\d+)$/.exec(text);
    if (!match) return { fault: `'${text}' is not a period.`, fix: WRITE_A_PERIOD };
    const part = match[1].toUpperCase();
    const index = Number(match[2]);
    const max = part === 'Q' ? 4 : 2;
    if (index < 1 || index > max) {
        return part === 'Q'
            ? { fault: `'${text}' is not a quarter: a year has quarters Q1 to Q4.`, fix: WRITE_A_PERIOD }
            : { fault: `'${text}' is not a half: a year has halves H1 and H2.`, fix: WRITE_A_PERIOD };
    }
    return undefined;
}

/** Today's date as `YYYY-MM-DD` in UTC. */
export function todayIso(now: Date = new Date()): string {
    return now.toISOString().slice(0, 10);
}
