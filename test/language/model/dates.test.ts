import { describe, expect, it } from 'vitest';
import { dateProblem, parseDate } from '../../../src/language/model/dates.js';

describe('dates before the year 100', () => {
    it('are read as written, not as 1900 + year (0004 is a leap year, 1904 too, but 0100 is not and 0050 is not)', () => {
        expect(dateProblem('0004-02-29')).toBeUndefined();
        expect(dateProblem('0050-02-29')?.fault).toBe("'0050-02-29' does not exist: month 02 of 50 has 28 days.");
        expect(dateProblem('0100-02-29')?.fault).toMatch(/has 28 days/);
        // Days since the epoch: year 50 lies 1,900 years before 1950, not on it.
        expect(parseDate('0050-01-01')).toBe(Math.round(new Date('0050-01-01T00:00:00Z').getTime() / 86_400_000));
        expect(parseDate('0050-01-01')! < parseDate('1950-01-01')! - 600_000).toBe(true);
    });
});
