/**
 * Which evidence on a bet counts as the latest: by date, not by where it is written. The
 * `contradicted-bet` rule, the hover and the MCP facts all ask this one function, so they agree.
 */
import { parseDate } from './dates.js';
import type { EvidenceEntry } from './elements.js';

/** The latest evidence by date; undated entries count as written after dated ones, in order. */
export function latestEvidence(evidence: readonly EvidenceEntry[]): EvidenceEntry | undefined {
    let latest: EvidenceEntry | undefined;
    let latestDay = -Infinity;
    for (const entry of evidence) {
        const day = entry.date ? (parseDate(entry.date) ?? -Infinity) : Infinity;
        if (day >= latestDay) {
            latest = entry;
            latestDay = day;
        }
    }
    return latest;
}
