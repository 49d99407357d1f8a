/** Bets are hypotheses: they state what they expect and are judged on evidence. */
import { parseDate } from '../../model/dates.js';
import type { EvidenceEntry } from '../../model/elements.js';
import { findingOn, label, type ElementRule } from '../issue.js';
import { isLiveBet } from './alignment-rules.js';

export const betWithoutHypothesis: ElementRule = (element, _context, report) => {
    if (element.kind !== 'bet' || element.hypothesis?.trim()) return;
    report(findingOn(element, 'bet-without-hypothesis',
        `Bet ${label(element)} has no hypothesis, yet a bet is a testable expectation.`));
};

/** The latest evidence by date; undated entries count as written after dated ones, in order. */
export function latestEvidence(evidence: readonly EvidenceEntry[]): EvidenceEntry | undefined {
    let latest: EvidenceEntry | undefined;
    let latestDay = -Infinity;
    for (const entry of evidence) {
        const day = entry.date ? parseDate(entry.date) ?? -Infinity : Infinity;
        if (day >= latestDay) {
            latest = entry;
            latestDay = day;
        }
    }
    return latest;
}

export const contradictedBet: ElementRule = (element, _context, report) => {
    if (!isLiveBet(element) || !element.evidence?.length) return;
    const latest = latestEvidence(element.evidence);
    if (latest?.verdict !== 'contradicts') return;
    report(findingOn(element, 'contradicted-bet',
        `The latest evidence on bet ${label(element)}${latest.date ? ` (${latest.date})` : ''} contradicts it${latest.text ? `: "${latest.text}"` : ''}.`));
};
