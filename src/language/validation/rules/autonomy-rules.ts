/**
 * Aligned autonomy: decisions taken where the rights say, tenets cited honestly and often enough,
 * values applied and connected in layers up to the company's, and needs between teams planned for.
 * The facts come from model/autonomy.ts, which the hovers, views and report share.
 */
import {
    chainToCompany, decisionDay, DEFAULT_TENET_UNUSED_AFTER_DAYS, DEFAULT_VALUE_DRIFT_AFTER_DAYS, deciderText, decisionsApplying,
    logStartDay, mayDecide, needSupport, teamAndAncestors, tenetUse, valueChain, valueChainBroken
} from '../../model/autonomy.js';
import { parseDate } from '../../model/dates.js';
import type { StrategyElement } from '../../model/elements.js';
import type { WorkspaceModel } from '../../model/workspace-model.js';
import { findingOn, label, type ElementRule } from '../issue.js';

function levelOf(team: StrategyElement): string {
    return team.level ? `${team.level} level` : 'no level written';
}

export const decisionBelowLevel: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'decision') return;
    const type = model.target(element, 'type');
    const owner = model.target(element, 'owner');
    if (!type || !owner || mayDecide(model, type, owner) !== 'no') return;
    const escalatedTo = model.target(element, 'escalatedTo');
    if (escalatedTo && mayDecide(model, type, escalatedTo) === 'yes') return;
    const who = deciderText(model, type);
    const escalation = escalatedTo
        ? ` It was escalated to ${escalatedTo.name} (${levelOf(escalatedTo)}), which may not take it either.`
        : ' It was not escalated.';
    report(findingOn(element, 'decision-below-level',
        `Decision ${label(element)} is of type ${label(type)}, which ${who} decides, but ${owner.name} took it at ${levelOf(owner)}.${escalation}`,
        { fix: `Escalate it: write \`escalated to <Team>\` naming a team that may decide it — or, if the rights no longer fit, change \`decided by\` in ${label(type)}.`, data: { type: type.name, owner: owner.name } }));
};

export const decisionNotEscalated: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'decision' || !element.triggersEscalation) return;
    const type = model.target(element, 'type');
    if (!type) return;
    const required = model.target(type, 'escalateTo');
    const escalatedTo = model.target(element, 'escalatedTo');
    const trigger = type.trigger ? ` ("${type.trigger}")` : '';
    if (!escalatedTo) {
        if (element.links.some(link => link.relation === 'escalatedTo')) return; // an unknown team: unresolved-reference says so
        report(findingOn(element, 'decision-not-escalated',
            `Decision ${label(element)} meets the escalation trigger of ${label(type)}${trigger} but was not escalated.`,
            { fix: `Write \`escalated to ${required?.name ?? '<Team>'}\`${required ? ', as the decision rights ask' : ''}, or remove \`triggers escalation\` if the trigger does not apply.`, data: { type: type.name } }));
        return;
    }
    if (required && !teamAndAncestors(model, required).includes(escalatedTo)) {
        report(findingOn(element, 'decision-not-escalated',
            `Decision ${label(element)} meets the escalation trigger of ${label(type)}${trigger} and was escalated to ${escalatedTo.name}, but the decision rights send it to ${required.name}.`,
            { fix: `Escalate it to ${required.name} (or a team above it), or change \`escalate … to\` in ${label(type)}.`, data: { type: type.name, required: required.name } }));
    }
};

export const tenetSetAsideWithoutReason: ElementRule = (element, _context, report) => {
    if (element.kind !== 'decision') return;
    for (const citation of element.citations ?? []) {
        if (citation.side !== 'sets-aside' || (citation.reason !== undefined && citation.reason.trim() !== '')) continue;
        report(findingOn(element, 'tenet-set-aside-without-reason',
            `Decision ${label(element)} sets tenet '${citation.tenet}' aside without a reason. Setting a tenet aside can be right, but only knowingly.`,
            { range: citation.range, data: { tenet: citation.tenet } }));
    }
};

/** Days from a day number to today, or undefined when today cannot be read. */
function ageInDays(today: string, day: number): number | undefined {
    const now = parseDate(today);
    return now === undefined ? undefined : now - day;
}

function isoOf(day: number): string {
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export const tenetUnused: ElementRule = (element, { model, today, tenetUnusedAfterDays }, report) => {
    if (element.kind !== 'tenet') return;
    const start = logStartDay(model);
    if (start === undefined) return; // no decision log yet: nothing to audit against
    const limit = tenetUnusedAfterDays ?? DEFAULT_TENET_UNUSED_AFTER_DAYS;
    const use = tenetUse(model, element);
    const since = use.lastCited !== undefined ? parseDate(use.lastCited)! : start;
    const age = ageInDays(today, since);
    if (age === undefined || age <= limit) return;
    const when = use.lastCited !== undefined
        ? `was last cited by a decision record on ${use.lastCited}, ${age} days ago`
        : `has not been cited by any decision record in the ${age} days since the decision log starts (${isoOf(start)})`;
    report(findingOn(element, 'tenet-unused',
        `Tenet ${label(element)} ${when} (limit ${limit}): a tenet nobody reaches for is not settling the trade-off it was written for.`,
        { fix: `Cite it where it applies (\`follows ${element.name}\`), sharpen its \`when\` so people recognise the situation, or retire it.`, data: { days: age } }));
};

export const tenetContested: ElementRule = (element, { model }, report) => {
    if (element.kind !== 'tenet') return;
    const use = tenetUse(model, element);
    if (!use.followed.length || !use.setAside.length) return;
    const names = (list: StrategyElement[]) => list.map(d => d.name).join(', ');
    report(findingOn(element, 'tenet-contested',
        `Tenet ${label(element)} is followed by ${names(use.followed)} but set aside by ${names(use.setAside)}: when the same trade-off goes both ways, the tenet may need refining.`,
        { data: { followed: use.followed.map(d => d.name), setAside: use.setAside.map(d => d.name) } }));
};

/** A tenet, practice, interpretation or decision lives the value out (else `value-unpracticed` speaks). */
function livedOut(model: WorkspaceModel, value: StrategyElement): boolean {
    return model.incoming(value).some(({ source, link }) =>
        (source.kind === 'tenet' && link.relation === 'upholds')
        || (source.kind === 'practice' && link.relation === 'embodies')
        || (source.kind === 'value' && link.relation === 'extends')
        || ((source.kind === 'decision' || source.kind === 'authority') && link.relation === 'applies'));
}

export const valueDrift: ElementRule = (element, { model, today, valueDriftAfterDays }, report) => {
    if (element.kind !== 'value') return;
    const start = logStartDay(model);
    if (start === undefined || !livedOut(model, element)) return;
    const limit = valueDriftAfterDays ?? DEFAULT_VALUE_DRIFT_AFTER_DAYS;
    const last = decisionsApplying(model, element).find(decision => decisionDay(decision) !== undefined);
    const since = last ? decisionDay(last)! : start;
    const age = ageInDays(today, since);
    if (age === undefined || age <= limit) return;
    const when = last
        ? `was last applied by decision ${label(last)} on ${last.date}, ${age} days ago`
        : `has not been applied by any decision record in the ${age} days since the decision log starts (${isoOf(start)})`;
    report(findingOn(element, 'value-drift',
        `Value ${label(element)} ${when} (limit ${limit}): a value that no decision reaches for is drifting into a poster on the wall.`,
        { fix: `Name it where it weighs (\`applies ${element.name}\` in a decision, or in the decision rights it belongs to), or follow a tenet that upholds it.`, data: { days: age } }));
};

export const valueChainBrokenRule: ElementRule = (element, { model }, report) => {
    if (element.kind === 'value') {
        if (!valueChainBroken(model, element)) return;
        const chain = valueChain(model, element);
        const top = chain[chain.length - 1];
        const owner = model.target(element, 'owner')!;
        const path = chain.length > 1 ? ` (${chain.map(v => v.name).join(' → ')})` : '';
        const end = top === element ? 'it extends no value' : `its chain of \`extends\`${path} stops at ${label(top)}, which no company-level team owns`;
        report(findingOn(element, 'value-chain-broken',
            `Value ${label(element)} belongs to ${owner.name} at ${owner.level} level, but ${end}: it does not connect to a company value, so teams living it may be aligned to nothing the company stands for.`,
            { fix: `Add \`extends <CompanyValue>\` to ${label(top)}, naming the company value it interprets.`, data: { top: top.name } }));
        return;
    }
    if (element.kind !== 'practice') return;
    for (const link of element.links) {
        if (link.relation !== 'embodies') continue;
        const value = model.resolve(link);
        if (!value || valueChainBroken(model, value)) continue; // the value carries the finding itself
        const verdict = chainToCompany(model, value);
        if (verdict.reaches !== false) continue;
        report(findingOn(element, 'value-chain-broken',
            `Practice ${label(element)} embodies ${label(value)}, whose chain of \`extends\` stops at ${label(verdict.top)} without reaching a company-level value: the practice connects to no company value.`,
            { range: link.range, fix: `Embody a value that interprets a company value, or add \`extends <CompanyValue>\` to ${label(verdict.top)}.`, data: { value: value.name, top: verdict.top.name } }));
    }
};

export const needUnsupported: ElementRule = (element, { model }, report) => {
    if ((element.kind !== 'okr' && element.kind !== 'initiative') || !element.needs?.length) return;
    const own = model.target(element, 'owner');
    const kind = element.kind === 'okr' ? 'OKR' : 'Initiative';
    for (const need of element.needs) {
        const team = model.get('team', need.team);
        if (!team || team === own) continue;
        const support = needSupport(model, element, team);
        if (support.by.length) continue;
        const what = need.what ? ` ("${need.what}")` : '';
        const viaBet = support.bets.length ? `, or an initiative under ${support.bets.map(bet => `bet ${label(bet)}`).join(' or ')}` : '';
        const supportsWhat = element.kind === 'okr' ? `\`supports ${element.name}\` (or one of its key results)` : `\`supports ${element.name}\``;
        report(findingOn(element, 'need-unsupported',
            `${kind} ${label(element)} needs ${team.name}${what}, but none of ${team.name}'s OKRs or initiatives plans for it.`,
            { range: need.range, fix: `Agree it with ${team.name}: they add an OKR with ${supportsWhat}${viaBet} — or drop the need if it is no longer needed.`, data: { team: team.name } }));
    }
};
