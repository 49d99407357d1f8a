/** Bets are hypotheses: they state what they expect and are judged on evidence. */
import { latestEvidence } from '../../model/evidence.js';
import { findingOn, label, ruleFor } from '../issue.js';
import { isLiveBet } from '../../model/vocabulary.js';

export const betWithoutHypothesis = ruleFor(['bet'], (element, _context, report) => {
    if (element.hypothesis?.trim()) return;
    report(findingOn(element, 'bet-without-hypothesis', `Bet ${label(element)} has no hypothesis`));
});

export const contradictedBet = ruleFor(['bet'], (element, _context, report) => {
    if (!isLiveBet(element) || !element.evidence?.length) return;
    const latest = latestEvidence(element.evidence);
    if (latest?.verdict !== 'contradicts') return;
    report(findingOn(element, 'contradicted-bet', `The latest evidence on bet ${label(element)}${latest.date ? ` (${latest.date})` : ''} contradicts it`));
});
