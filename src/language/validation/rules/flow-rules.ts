/** Flow: the portfolio's work in progress and whether it moves. */
import { parseDate } from '../../model/dates.js';
import { WIP_STATUS } from '../../model/wip.js';
import { findingOn, label, ruleFor } from '../issue.js';

export const wipExceeded = ruleFor(['stream'], (element, { model }, report) => {
    if (element.wip === undefined) return;
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
});

export const stalledInitiative = ruleFor(['initiative'], (element, { today, stalledAfterDays }, report) => {
    if (element.status !== WIP_STATUS || !element.updated) return;
    const updated = parseDate(element.updated);
    const now = parseDate(today);
    if (updated === undefined || now === undefined) return;
    const age = now - updated;
    if (age <= stalledAfterDays) return;
    report(findingOn(element, 'stalled-initiative', `Initiative ${label(element)} is doing, not updated for ${age} days (limit ${stalledAfterDays})`, { data: { days: age } }));
});

/**
 * A `doing` card with no date at all is invisible to every check over time: its age on the
 * Portfolio Kanban counts from `started` and `stalled-initiative` reads `updated`. Either date is
 * enough for one of them, so only a card with neither is reported.
 */
export const doingWithoutDate = ruleFor(['initiative'], (element, _context, report) => {
    if (element.status !== WIP_STATUS || element.started || element.updated) return;
    report(findingOn(element, 'doing-without-date', `Initiative ${label(element)} is doing but has no date`));
});
