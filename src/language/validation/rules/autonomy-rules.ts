/**
 * Aligned autonomy: decisions taken where the rights say, tenets cited honestly and often enough,
 * values applied and connected in layers up to the company's, and needs between teams planned for.
 * The facts come from model/autonomy.ts, which the hovers, views and report share.
 */
import {
    chainToCompany,
    decisionDay,
    DEFAULT_TENET_UNUSED_AFTER_DAYS,
    DEFAULT_VALUE_DRIFT_AFTER_DAYS,
    deciderText,
    decisionsApplying,
    logStartDay,
    mayDecide,
    needSupport,
    teamAndAncestors,
    tenetUse,
    valueChain,
    valueChainBroken
} from '../../model/autonomy.js';
import { parseDate } from '../../model/dates.js';
import type { StrategyElement } from '../../model/elements.js';
import { findingOn, label, ruleFor } from '../issue.js';
import { livedOut } from './value-rules.js';

function levelOf(team: StrategyElement): string {
    return team.level ? `${team.level} level` : 'no level written';
}

export const decisionBelowLevel = ruleFor(['decision'], (element, { model }, report) => {
    const type = model.target(element, 'type');
    const owner = model.target(element, 'owner');
    if (!type || !owner || mayDecide(model, type, owner) !== 'no') return;
    const escalatedTo = model.target(element, 'escalatedTo');
    if (escalatedTo && mayDecide(model, type, escalatedTo) === 'yes') return;
    const who = deciderText(model, type);
    const escalation = escalatedTo ? `, escalated to ${escalatedTo.name} (${levelOf(escalatedTo)}), which may not take it either` : ', not escalated';
    report(
        findingOn(element, 'decision-below-level', `Decision ${label(element)} by ${owner.name} (${levelOf(owner)}) is for ${who}${escalation}`, {
            fix: `Write \`escalated to <Team>\`, or change \`decided by\` in ${label(type)}.`,
            data: { type: type.name, owner: owner.name }
        })
    );
});

export const decisionNotEscalated = ruleFor(['decision'], (element, { model }, report) => {
    if (!element.triggersEscalation) return;
    const type = model.target(element, 'type');
    if (!type) return;
    const required = model.target(type, 'escalateTo');
    const escalatedTo = model.target(element, 'escalatedTo');
    const trigger = type.trigger ? ` ("${type.trigger}")` : '';
    if (!escalatedTo) {
        if (element.links.some(link => link.relation === 'escalatedTo')) return; // an unknown team: unresolved-reference says so
        report(
            findingOn(element, 'decision-not-escalated', `Decision ${label(element)} meets the escalation trigger of ${label(type)}${trigger} but was not escalated`, {
                fix: `Write \`escalated to ${required?.name ?? '<Team>'}\`, or remove \`triggers escalation\`.`,
                data: { type: type.name }
            })
        );
        return;
    }
    if (required && !teamAndAncestors(model, required).includes(escalatedTo)) {
        report(
            findingOn(element, 'decision-not-escalated', `Decision ${label(element)} was escalated to ${escalatedTo.name}, but ${label(type)} sends it to ${required.name}`, {
                fix: `Escalate it to ${required.name} (or a team above it), or change \`escalate … to\` in ${label(type)}.`,
                data: { type: type.name, required: required.name }
            })
        );
    }
});

export const tenetSetAsideWithoutReason = ruleFor(['decision'], (element, _context, report) => {
    for (const citation of element.citations ?? []) {
        if (citation.side !== 'sets-aside' || (citation.reason !== undefined && citation.reason.trim() !== '')) continue;
        report(
            findingOn(element, 'tenet-set-aside-without-reason', `Decision ${label(element)} sets tenet '${citation.tenet}' aside without a reason`, {
                range: citation.range,
                data: { tenet: citation.tenet }
            })
        );
    }
});

/** Days from a day number to today, or undefined when today cannot be read. */
function ageInDays(today: string, day: number): number | undefined {
    const now = parseDate(today);
    return now === undefined ? undefined : now - day;
}

export const tenetUnused = ruleFor(['tenet'], (element, { model, today, tenetUnusedAfterDays }, report) => {
    const start = logStartDay(model);
    if (start === undefined) return; // no decision log yet: nothing to audit against
    const limit = tenetUnusedAfterDays ?? DEFAULT_TENET_UNUSED_AFTER_DAYS;
    const use = tenetUse(model, element);
    const since = use.lastCited !== undefined ? parseDate(use.lastCited)! : start;
    const age = ageInDays(today, since);
    if (age === undefined || age <= limit) return;
    const when = use.lastCited !== undefined ? `was last cited ${age} days ago` : `was never cited in ${age} days of decision records`;
    report(
        findingOn(element, 'tenet-unused', `Tenet ${label(element)} ${when} (limit ${limit})`, {
            fix: `Cite it (\`follows ${element.name}\`), sharpen its \`when\`, or retire it.`,
            data: { days: age }
        })
    );
});

export const tenetContested = ruleFor(['tenet'], (element, { model }, report) => {
    const use = tenetUse(model, element);
    if (!use.followed.length || !use.setAside.length) return;
    const names = (list: StrategyElement[]) => list.map(d => d.name).join(', ');
    report(
        findingOn(element, 'tenet-contested', `Tenet ${label(element)} is followed by ${names(use.followed)} but set aside by ${names(use.setAside)}`, {
            data: { followed: use.followed.map(d => d.name), setAside: use.setAside.map(d => d.name) }
        })
    );
});

export const valueDrift = ruleFor(['value'], (element, { model, today, valueDriftAfterDays }, report) => {
    const start = logStartDay(model);
    if (start === undefined || !livedOut(model, element)) return;
    const limit = valueDriftAfterDays ?? DEFAULT_VALUE_DRIFT_AFTER_DAYS;
    const last = decisionsApplying(model, element).find(decision => decisionDay(decision) !== undefined);
    const since = last ? decisionDay(last)! : start;
    const age = ageInDays(today, since);
    if (age === undefined || age <= limit) return;
    const when = last ? `was last applied ${age} days ago` : `was never applied in ${age} days of decision records`;
    report(
        findingOn(element, 'value-drift', `Value ${label(element)} ${when} (limit ${limit})`, {
            fix: `Write \`applies ${element.name}\` in a decision, or follow a tenet that upholds it.`,
            data: { days: age }
        })
    );
});

export const valueChainBrokenRule = ruleFor(['value', 'practice'], (element, { model }, report) => {
    if (element.kind === 'value') {
        if (!valueChainBroken(model, element)) return;
        const chain = valueChain(model, element);
        const top = chain[chain.length - 1];
        const owner = model.target(element, 'owner')!;
        const path = chain.length > 1 ? ` (${chain.map(v => v.name).join(' → ')})` : '';
        const end = top === element ? 'it extends no value' : `its chain of \`extends\`${path} stops at ${label(top)}, which no company-level team owns`;
        report(
            findingOn(element, 'value-chain-broken', `Value ${label(element)} (${owner.name}, ${owner.level} level): ${end}`, {
                fix: `Add \`extends <CompanyValue>\` to ${label(top)}.`,
                data: { top: top.name }
            })
        );
        return;
    }
    if (element.kind !== 'practice') return;
    for (const link of element.links) {
        if (link.relation !== 'embodies') continue;
        const value = model.resolve(link);
        if (!value || valueChainBroken(model, value)) continue; // the value carries the finding itself
        const verdict = chainToCompany(model, value);
        if (verdict.reaches !== false) continue;
        report(
            findingOn(
                element,
                'value-chain-broken',
                `Practice ${label(element)} embodies ${label(value)}, whose chain of \`extends\` stops at ${label(verdict.top)} short of a company value`,
                {
                    range: link.range,
                    fix: `Embody a value that reaches one, or add \`extends <CompanyValue>\` to ${label(verdict.top)}.`,
                    data: { value: value.name, top: verdict.top.name }
                }
            )
        );
    }
});

export const needUnsupported = ruleFor(['okr', 'initiative'], (element, { model }, report) => {
    if (!element.needs?.length) return;
    const own = model.target(element, 'owner');
    const kind = element.kind === 'okr' ? 'OKR' : 'Initiative';
    for (const need of element.needs) {
        const team = model.get('team', need.team);
        if (!team || team === own) continue;
        const support = needSupport(model, element, team);
        if (support.by.length) continue;
        const viaBet = support.bets.length ? `, or an initiative under ${support.bets.map(bet => `bet ${label(bet)}`).join(' or ')}` : '';
        const supportsWhat = `\`supports ${element.name}\``;
        report(
            findingOn(element, 'need-unsupported', `${kind} ${label(element)} needs ${team.name}, and nothing ${team.name} plans meets it`, {
                range: need.range,
                fix: `Agree it with ${team.name} (an OKR with ${supportsWhat}${viaBet}), or drop it.`,
                data: { team: team.name }
            })
        );
    }
});
