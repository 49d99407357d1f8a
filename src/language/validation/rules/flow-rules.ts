/** Flow: the portfolio's work in progress and whether it moves. */
import { parseDate } from '../../model/dates.js';
import { WIP_STATUS } from '../../model/wip.js';
import { issueOn, label, type ElementRule } from '../issue.js';

export const wipExceeded: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'stream' || element.wip === undefined) return;
    const doing = model.incoming(element, 'stream')
        .filter(entry => entry.source.kind === 'initiative' && entry.source.status === WIP_STATUS)
        .map(entry => entry.source.name);
    if (doing.length <= element.wip) return;
    report(issueOn(element, 'wip-exceeded',
        `Value stream ${label(element)} has ${doing.length} initiatives in progress (${doing.join(', ')}) against a WIP limit of ${element.wip}. Starting more than a stream can finish slows all of it: finish or stop something first.`,
        { doing, limit: element.wip }));
};

export const stalledInitiative: ElementRule = (element, { today, stalledAfterDays }, report) => {
    if (element.kind !== 'initiative' || element.status !== WIP_STATUS || !element.updated) return;
    const updated = parseDate(element.updated);
    const now = parseDate(today);
    if (updated === undefined || now === undefined) return;
    const age = now - updated;
    if (age <= stalledAfterDays) return;
    report(issueOn(element, 'stalled-initiative',
        `Initiative ${label(element)} is doing but was last updated on ${element.updated}, ${age} days ago (limit ${stalledAfterDays}). Stalled work hides in a busy portfolio: update it, finish it or stop it.`,
        { days: age }));
};
