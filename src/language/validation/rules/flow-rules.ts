/** Flow: the portfolio's work in progress and whether it moves. */
import { parseDate } from '../../model/dates.js';
import { WIP_STATUS } from '../../model/wip.js';
import { findingOn, label, type ElementRule } from '../issue.js';

export const wipExceeded: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'stream' || element.wip === undefined) return;
    const doing = model
        .incoming(element, 'stream')
        .filter(entry => entry.source.kind === 'initiative' && entry.source.status === WIP_STATUS)
        .map(entry => entry.source.name);
    if (doing.length <= element.wip) return;
    report(
        findingOn(element, 'wip-exceeded', `Value stream ${label(element)} has ${doing.length} doing (${doing.join(', ')}), over its WIP limit of ${element.wip}`, {
            data: { doing, limit: element.wip }
        })
    );
};

export const stalledInitiative: ElementRule = (element, { today, stalledAfterDays }, report) => {
    if (element.kind !== 'initiative' || element.status !== WIP_STATUS || !element.updated) return;
    const updated = parseDate(element.updated);
    const now = parseDate(today);
    if (updated === undefined || now === undefined) return;
    const age = now - updated;
    if (age <= stalledAfterDays) return;
    report(findingOn(element, 'stalled-initiative', `Initiative ${label(element)} is doing, not updated for ${age} days (limit ${stalledAfterDays})`, { data: { days: age } }));
};
