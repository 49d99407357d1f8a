/**
 * Alignment: whether work, bets and objectives connect to the intent above them.
 * These are the strategy debugger's core findings.
 */
import { firstLink, linksOf, type StrategyElement } from '../../model/elements.js';
import { copyOf, sameText } from '../../model/text-compare.js';
import { betAsksForWork, FINISHED_INITIATIVE_STATUSES, levelRank } from '../../model/vocabulary.js';
import { findingOn, label, type ElementRule, type RuleContext } from '../issue.js';

export const orphanInitiative: ElementRule = (element, _context, report) => {
    if (element.kind !== 'initiative' || firstLink(element, 'bet')) return;
    report(findingOn(element, 'orphan-initiative',
        `Initiative ${label(element)} is linked to no bet, so nobody can see which hypothesis this work tests or why it is funded.`));
};

export const orphanBet: ElementRule = (element, _context, report) => {
    if (element.kind !== 'bet' || firstLink(element, 'serves')) return;
    report(findingOn(element, 'orphan-bet',
        `Bet ${label(element)} serves no theme: an investment no strategic theme asks for competes with the ones that do.`));
};

export const unalignedOkr: ElementRule = (element, _context, report) => {
    if (element.kind !== 'okr' || firstLink(element, 'supports')) return;
    report(findingOn(element, 'unaligned-okr',
        `OKR ${label(element)} supports nothing, so it cannot show how this team's outcome moves the strategy.`));
};

/**
 * Cascading, not aligning: an objective that copies the objective it supports — word for word or
 * nearly (a few words inserted, dropped or changed: see `copyOf`) — and key results copied word for
 * word from the supported OKR. Supporting one key result of an objective still supports that objective.
 */
export const cascadedOkr: ElementRule = (element, { model }, report) => {
    if (element.kind === 'kr') return cascadedKeyResult(element, model, report);
    if (element.kind !== 'okr' || !element.title) return;
    let near: StrategyElement | undefined;
    for (const supported of model.targets(element, 'supports')) {
        const target = model.okrOf(supported);
        if (!target || target === element || !target.title) continue;
        const copy = copyOf(element.title, target.title);
        if (copy === 'same') {
            report(findingOn(element, 'cascaded-okr',
                `OKR ${label(element)} repeats the objective of ${label(target)} word for word: that is cascading, not aligning.`,
                { data: { supported: target.name, copy } }));
            return;
        }
        if (copy === 'near') near ??= target;
    }
    if (near) {
        report(findingOn(element, 'cascaded-okr',
            `OKR ${label(element)} nearly repeats the objective of ${label(near)} ("${near.title}"): a few words changed in the higher objective is still cascading, not aligning.`,
            { data: { supported: near.name, copy: 'near' } }));
    }
};

function cascadedKeyResult(kr: StrategyElement, model: RuleContext['model'], report: Parameters<ElementRule>[2]): void {
    const okr = model.okrOf(kr);
    if (!okr || !kr.title) return;
    for (const supported of model.targets(okr, 'supports')) {
        const target = model.okrOf(supported);
        if (!target || target === okr) continue;
        for (const name of target.keyResults ?? []) {
            const theirs = model.get('kr', name);
            if (!theirs || theirs === kr || !sameText(kr.title, theirs.title)) continue;
            report(findingOn(kr, 'cascaded-okr',
                `Key result ${label(kr)} repeats key result ${label(theirs)} of the supported OKR word for word: measuring the higher objective again shows nothing of what this team changes.`,
                { fix: 'Measure what this team changes to move that key result: its own outcome, with its own baseline and target.', data: { supported: theirs.name, copy: 'same' } }));
            return;
        }
    }
}

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
            report(findingOn(element, 'level-inversion',
                `OKR ${label(element)} is owned at ${ownLevel} level but supports ${label(supported)}, owned by ${owner!.name} at ${theirLevel} level. Alignment flows from broader intent to narrower teams.`,
                { data: { supported: supported.name } }));
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
    report(findingOn(element, 'stream-mismatch',
        `Initiative ${label(element)} runs in value stream ${label(stream)}, which its bet ${label(bet)} does not span (${betStreams.map(l => l.target).join(', ')}).`,
        { data: { stream: stream.name, bet: bet.name } }));
};

export const unfundedBet: ElementRule = (element, { model }, report) => {
    if (!betAsksForWork(element)) return;
    const initiatives = model.incoming(element, 'bet').filter(entry => entry.source.kind === 'initiative').map(entry => entry.source);
    if (initiatives.length === 0) {
        report(findingOn(element, 'unfunded-bet',
            `Bet ${label(element)} has no initiative: no work tests this hypothesis yet.`));
        return;
    }
    if (initiatives.some(initiative => !FINISHED_INITIATIVE_STATUSES.has(initiative.status ?? ''))) return;
    const names = initiatives.map(initiative => `${initiative.name} (${initiative.status})`);
    report(findingOn(element, 'unfunded-bet',
        `Bet ${label(element)} is not closed, but every initiative testing it has finished: ${names.join(', ')}. No work tests this hypothesis now.`,
        { fix: 'Start a next initiative with `bet <Name>`, or record what was learnt and set the bet\'s status to `validated`, `invalidated` or `stopped`.', data: { finished: initiatives.map(i => i.name) } }));
};

export const themeWithoutBets: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'theme') return;
    if (model.incoming(element, 'serves').some(entry => entry.source.kind === 'bet')) return;
    report(findingOn(element, 'theme-without-bets',
        `Theme ${label(element)} has no bet serving it: it states what matters but nothing is invested in it.`));
};
