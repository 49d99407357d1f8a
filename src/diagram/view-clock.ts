/**
 * The date the views measure against, with the thresholds they share with the rules: the CLI's
 * `--today` (and tests' fixed date), else the real date, exactly what the diagnostics use, so a
 * card the board calls old is the card `stalled-initiative` reports.
 */
import type { YearStart } from '../language/model/periods.js';

export interface ViewClock {
    /** `YYYY-MM-DD`. */
    today: string;
    stalledAfterDays: number;
    yearStart?: YearStart;
}
