/**
 * Alignment: whether work, bets and objectives connect to the intent above them.
 * These are the strategy debugger's core findings.
 */
import { firstLink, linksOf, type StrategyElement } from '../../model/elements.js';
import { copyOf, sameText } from '../../model/text-compare.js';
import { betAsksForWork, FINISHED_INITIATIVE_STATUSES, levelRank } from '../../model/vocabulary.js';
import { type ElementRule, findingOn, label, type RuleContext, ruleFor } from '../issue.js';

export const orphanInitiative = ruleFor(['initiative'], (element, _context, report) => {
    if (firstLink(element, 'bet')) return;
    report(findingOn(element, 'orphan-initiative', `Initiative ${label(element)} is linked to no bet`));
});

export const orphanBet = ruleFor(['bet'], (element, _context, report) => {
    if (firstLink(element, 'serves')) return;
    report(findingOn(element, 'orphan-bet', `Bet ${label(element)} serves no theme`));
});

export const unalignedOkr = ruleFor(['okr'], (element, _context, report) => {
    if (firstLink(element, 'supports')) return;
    report(findingOn(element, 'unaligned-okr', `OKR ${label(element)} supports nothing`));
});

/**
 * Cascading, not aligning: an objective that copies the objective it supports — word for word or
 * nearly (a few words inserted, dropped or changed: see `copyOf`) — and key results copied word for
 * word from the supported OKR. Supporting one key result of an objective still supports that objective.
 */
export const cascadedOkr = ruleFor(['okr', 'kr'], (element, { model }, report) => {
    if (element.kind === 'kr') return cascadedKeyResult(element, model, report);
    if (!element.title) return;
    let near: StrategyElement | undefined;
    for (const supported of model.targets(element, 'supports')) {
        const target = model.okrOf(supported);
        if (!target || target === element || !target.title) continue;
        const copy = copyOf(element.title, target.title);
        if (copy === 'same') {
            report(findingOn(element, 'cascaded-okr', `OKR ${label(element)} repeats the objective of ${label(target)} word for word`, { data: { supported: target.name, copy } }));
            return;
        }
        if (copy === 'near') near ??= target;
    }
    if (near) {
        report(
            findingOn(element, 'cascaded-okr', `OKR ${label(element)} nearly repeats the objective of ${label(near)} ("${near.title}")`, {
                data: { supported: near.name, copy: 'near' }
            })
        );
    }
});

function cascadedKeyResult(kr: StrategyElement, model: RuleContext['model'], report: Parameters<ElementRule>[2]): void {
    const okr = model.okrOf(kr);
    if (!okr || !kr.title) return;
    for (const supported of model.targets(okr, 'supports')) {
        const target = model.okrOf(supported);
        if (!target || target === okr) continue;
        for (const name of target.keyResults ?? []) {
            const theirs = model.get('kr', name);
            if (!theirs || theirs === kr || !sameText(kr.title, theirs.title)) continue;
            report(
                findingOn(kr, 'cascaded-okr', `Key result ${label(kr)} repeats key result ${label(theirs)} of the supported OKR word for word`, {
                    fix: 'Measure what this team changes to move it, with its own baseline and target.',
                    data: { supported: theirs.name, copy: 'same' }
                })
            );
            return;
        }
    }
}

export const levelInversion = ruleFor(['okr'], (element, { model }, report) => {
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
});

export const streamMismatch = ruleFor(['initiative'], (element, { model }, report) => {
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
});

export const unfundedBet = ruleFor(['bet'], (element, { model }, report) => {
    if (!betAsksForWork(element)) return;
    const initiatives = model
        .incoming(element, 'bet')
        .filter(entry => entry.source.kind === 'initiative')
        .map(entry => entry.source);
    if (initiatives.length === 0) {
        report(findingOn(element, 'unfunded-bet', `Bet ${label(element)} has no initiative`));
        return;
    }
    if (initiatives.some(initiative => !FINISHED_INITIATIVE_STATUSES.has(initiative.status ?? ''))) return;
    const names = initiatives.map(initiative => `${initiative.name} ${initiative.status}`);
    report(
        findingOn(element, 'unfunded-bet', `Bet ${label(element)} has only finished initiatives (${names.join(', ')})`, {
            fix: 'Start a next initiative with `bet <Name>`, or set the bet `validated`, `invalidated` or `stopped`.',
            data: { finished: initiatives.map(i => i.name) }
        })
    );
});

export const themeWithoutBets = ruleFor(['theme'], (element, { model }, report) => {
    if (model.incoming(element, 'serves').some(entry => entry.source.kind === 'bet')) return;
    report(findingOn(element, 'theme-without-bets', `Theme ${label(element)} has no bet serving it`));
});
