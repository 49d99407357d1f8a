/**
 * Alignment: whether work, bets and objectives connect to the intent above them.
 * These are the strategy debugger's core findings.
 */
import { firstLink, linksOf } from '../../model/elements.js';
import { isLiveBet, levelRank } from '../../model/vocabulary.js';
import { findingOn, label, type ElementRule } from '../issue.js';

export const orphanInitiative: ElementRule = (element, _context, report) => {
    if (element.kind !== 'initiative' || firstLink(element, 'bet')) return;
    report(findingOn(element, 'orphan-initiative', `Initiative ${label(element)} is linked to no bet`));
};

export const orphanBet: ElementRule = (element, _context, report) => {
    if (element.kind !== 'bet' || firstLink(element, 'serves')) return;
    report(findingOn(element, 'orphan-bet', `Bet ${label(element)} serves no theme`));
};

export const unalignedOkr: ElementRule = (element, _context, report) => {
    if (element.kind !== 'okr' || firstLink(element, 'supports')) return;
    report(findingOn(element, 'unaligned-okr', `OKR ${label(element)} supports nothing`));
};

/** Compares objectives the way a reader would: case, spacing and final punctuation do not count. */
export function normaliseObjective(title: string): string {
    const spaced = title.toLowerCase().replace(/\s+/g, ' ');
    // Drop final punctuation and spaces with a loop: the regex `[\s.!;:,]+$` retries at every
    // space of the title, and this runs for every OKR of the workspace.
    let end = spaced.length;
    while (end > 0 && FINAL_PUNCTUATION.has(spaced.charAt(end - 1))) end--;
    return spaced.slice(0, end).trim();
}

const FINAL_PUNCTUATION = new Set([' ', '.', '!', ';', ':', ',']);

export const cascadedOkr: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'okr' || !element.title) return;
    const mine = normaliseObjective(element.title);
    if (!mine) return;
    for (const supported of model.targets(element, 'supports')) {
        // Supporting one key result of an objective still supports that objective.
        const target = model.okrOf(supported);
        if (!target || target === element || !target.title) continue;
        if (normaliseObjective(target.title) === mine) {
            report(findingOn(element, 'cascaded-okr', `OKR ${label(element)} repeats the objective of ${label(target)} word for word`, { data: { supported: target.name } }));
            return;
        }
    }
};

export const levelInversion: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'okr') return;
    const ownLevel = model.target(element, 'owner')?.level;
    const ownRank = levelRank(ownLevel);
    if (ownRank === undefined) return;
    for (const target of model.targets(element, 'supports')) {
        const supported = model.okrOf(target);
        if (!supported || supported === element) continue;
        const owner = model.target(supported, 'owner');
        const theirLevel = owner?.level;
        const theirRank = levelRank(theirLevel);
        if (theirRank === undefined) continue;
        if (ownRank < theirRank) {
            report(
                findingOn(element, 'level-inversion', `OKR ${label(element)} (${ownLevel} level) supports ${label(supported)} of a lower level (${owner!.name}, ${theirLevel})`, {
                    data: { supported: supported.name }
                })
            );
            return;
        }
    }
};

export const streamMismatch: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'initiative') return;
    const stream = model.target(element, 'stream');
    const bet = model.target(element, 'bet');
    if (!stream || !bet) return;
    const betStreams = linksOf(bet, 'streams');
    if (betStreams.length === 0) return;
    if (betStreams.some(link => model.resolve(link) === stream || link.target === stream.name)) return;
    report(
        findingOn(
            element,
            'stream-mismatch',
            `Initiative ${label(element)} runs in ${label(stream)}, outside its bet ${label(bet)} (${betStreams.map(l => l.target).join(', ')})`,
            { data: { stream: stream.name, bet: bet.name } }
        )
    );
};

export const unfundedBet: ElementRule = (element, { model }, report) => {
    if (!isLiveBet(element)) return;
    if (model.incoming(element, 'bet').some(entry => entry.source.kind === 'initiative')) return;
    report(findingOn(element, 'unfunded-bet', `Bet ${label(element)} has no initiative`));
};

export const themeWithoutBets: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'theme') return;
    if (model.incoming(element, 'serves').some(entry => entry.source.kind === 'bet')) return;
    report(findingOn(element, 'theme-without-bets', `Theme ${label(element)} has no bet serving it`));
};
