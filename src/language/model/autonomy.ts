/**
 * Aligned autonomy as facts of the model: who may take which type of decision, how decision
 * records use the tenets, which decisions lately applied which value, how values stack up in
 * layers (company → function → team practice) and whether one team's need on another is
 * planned for. Pure functions over the {@link WorkspaceModel}; the rules, hovers, the preview's
 * views and the report all read them, so they always agree.
 */
import { levelRank } from './vocabulary.js';
import { parseDate } from './dates.js';
import type { StrategyElement } from './elements.js';
import type { WorkspaceModel } from './workspace-model.js';

/** Defaults of the two audit windows (`eos.config.json`: `tenetUnusedAfterDays`, `valueDriftAfterDays`). */
export const DEFAULT_TENET_UNUSED_AFTER_DAYS = 90;
export const DEFAULT_VALUE_DRIFT_AFTER_DAYS = 90;

/** `yes` / `no`, or `unknown` when a level the answer depends on is not written. */
export type Right = 'yes' | 'no' | 'unknown';

/** The team and every team above it, nearest first (cycle-safe). */
export function teamAndAncestors(model: WorkspaceModel, team: StrategyElement): StrategyElement[] {
    const chain = new Set<StrategyElement>();
    for (let current: StrategyElement | undefined = team; current && !chain.has(current); current = model.target(current, 'parent')) {
        chain.add(current);
    }
    return [...chain];
}

/**
 * Whether a team may take decisions of this type on its own: the team the rights name, or any
 * team above it; or any team at the level the rights require, or higher. Rights that name
 * neither leave the decision to whoever owns the work.
 */
export function mayDecide(model: WorkspaceModel, authority: StrategyElement, team: StrategyElement): Right {
    const decider = model.target(authority, 'decider');
    if (decider) return teamAndAncestors(model, decider).includes(team) ? 'yes' : 'no';
    if (authority.links.some(link => link.relation === 'decider')) return 'unknown'; // the named team does not exist
    const required = levelRank(authority.level);
    if (required === undefined) return 'yes';
    const own = levelRank(team.level);
    if (own === undefined) return 'unknown';
    return own <= required ? 'yes' : 'no';
}

/** "the Engineering team" or "a team at function level or above": who the rights give the decision to. */
export function deciderText(model: WorkspaceModel, authority: StrategyElement): string {
    const decider = model.target(authority, 'decider');
    if (decider) return `${decider.name} (or a team above it)`;
    if (authority.level) return `a team at ${authority.level} level or above`;
    return 'the team that owns the work';
}

/** A decision record's date as a day number, or undefined when missing or impossible. */
export function decisionDay(decision: StrategyElement): number | undefined {
    return decision.date === undefined ? undefined : parseDate(decision.date);
}

/** Every decision record, dated ones first in date order, then the undated as written. */
export function decisionLog(model: WorkspaceModel): StrategyElement[] {
    const day = (d: StrategyElement) => decisionDay(d) ?? Number.POSITIVE_INFINITY;
    return model
        .ofKind('decision')
        .map((decision, index) => ({ decision, index }))
        .sort((a, b) => day(a.decision) - day(b.decision) || a.index - b.index)
        .map(entry => entry.decision);
}

/** The day the decision log starts (its earliest dated record): audits measure from here. */
export function logStartDay(model: WorkspaceModel): number | undefined {
    let start: number | undefined;
    for (const decision of model.ofKind('decision')) {
        const day = decisionDay(decision);
        if (day !== undefined && (start === undefined || day < start)) start = day;
    }
    return start;
}

export interface TenetUse {
    followed: StrategyElement[];
    setAside: StrategyElement[];
    /** The latest date a dated decision cited it (either side). */
    lastCited?: string;
}

/** How decision records cite a tenet, both sides, each list in log order. */
export function tenetUse(model: WorkspaceModel, tenet: StrategyElement): TenetUse {
    const citing = (relation: 'follows' | 'setsAside') =>
        unique(
            model
                .incoming(tenet, relation)
                .map(entry => entry.source)
                .filter(s => s.kind === 'decision')
        );
    const order = new Map(decisionLog(model).map((decision, index) => [decision, index]));
    const byLog = (a: StrategyElement, b: StrategyElement) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
    const followed = citing('follows').sort(byLog);
    const setAside = citing('setsAside').sort(byLog);
    const use: TenetUse = { followed, setAside };
    const last = latest([...followed, ...setAside]);
    if (last?.date !== undefined) use.lastCited = last.date;
    return use;
}

/**
 * The values a decision applies: the ones it names, its decision type's, the ones its followed
 * tenets uphold — and every value those interpret (`extends`), up to the company's.
 */
export function valuesAppliedBy(model: WorkspaceModel, decision: StrategyElement): StrategyElement[] {
    const direct = [
        ...model.targets(decision, 'applies'),
        ...model.targets(decision, 'type').flatMap(type => model.targets(type, 'applies')),
        ...model.targets(decision, 'follows').flatMap(tenet => model.targets(tenet, 'upholds'))
    ];
    const result: StrategyElement[] = [];
    for (const value of direct) for (const up of valueChain(model, value)) if (!result.includes(up)) result.push(up);
    return result;
}

/** Dated decisions that applied this value (directly or through a tenet, type or interpretation), latest first. */
export function decisionsApplying(model: WorkspaceModel, value: StrategyElement): StrategyElement[] {
    return decisionLog(model)
        .filter(decision => valuesAppliedBy(model, decision).includes(value))
        .reverse();
}

/** The value and the values it interprets, up its `extends` chain (cycle-safe). */
export function valueChain(model: WorkspaceModel, value: StrategyElement): StrategyElement[] {
    const chain: StrategyElement[] = [];
    for (let current: StrategyElement | undefined = value; current && !chain.includes(current); current = model.target(current, 'extends')) {
        chain.push(current);
    }
    return chain;
}

/** The level of the team that owns an element, if written. */
export function ownerLevel(model: WorkspaceModel, element: StrategyElement): string | undefined {
    return model.target(element, 'owner')?.level;
}

export type ChainVerdict =
    /** Some value on the chain is owned at company level. */
    | { reaches: true; company: StrategyElement }
    /** The chain stops at `top`, a value owned below company level. */
    | { reaches: false; top: StrategyElement }
    /** The chain ends in a value with no owner (or an owner without a level): it cannot be placed. */
    | { reaches: 'unknown' };

/** The layer test for one value: does its `extends` chain reach a company-level value? */
export function chainToCompany(model: WorkspaceModel, value: StrategyElement): ChainVerdict {
    const chain = valueChain(model, value);
    for (const link of chain) if (ownerLevel(model, link) === 'company') return { reaches: true, company: link };
    // A chain that ends in a value nobody owns cannot be placed: that value may well be the company's.
    const top = chain[chain.length - 1];
    return levelRank(ownerLevel(model, top)) !== undefined ? { reaches: false, top } : { reaches: 'unknown' };
}

/** The value's own layer: a company value, a function's (or other team's) interpretation, or unplaced. */
export function valueLayer(model: WorkspaceModel, value: StrategyElement): 'company' | 'interpretation' | 'unplaced' {
    const level = ownerLevel(model, value);
    if (level === 'company') return 'company';
    if (levelRank(level) !== undefined) return 'interpretation';
    // An unowned value that others interpret and that interprets nothing reads as a top value.
    return 'unplaced';
}

/** Whether the layer test reports this value itself: owned below company level, chain broken. */
export function valueChainBroken(model: WorkspaceModel, value: StrategyElement): boolean {
    const level = levelRank(ownerLevel(model, value));
    return level !== undefined && level > 0 && chainToCompany(model, value).reaches === false;
}

export interface NeedSupport {
    /** OKRs and initiatives of the needed team (or teams inside it) that answer the need. */
    by: StrategyElement[];
    /** The bets whose initiatives would answer it (for the message). */
    bets: StrategyElement[];
}

/**
 * What of the needed team answers a need stated in an OKR or initiative: its OKRs that support the
 * needing element (for an OKR: it or one of its key results), and its live initiatives that the
 * needing OKR supports or that test the same bet.
 */
export function needSupport(model: WorkspaceModel, element: StrategyElement, team: StrategyElement): NeedSupport {
    const theirs = (candidate: StrategyElement) => {
        const owner = model.target(candidate, 'owner');
        return owner !== undefined && teamAndAncestors(model, owner).includes(team);
    };
    const supported =
        element.kind === 'okr' ? [element, ...(element.keyResults ?? []).map(name => model.get('kr', name)).filter((kr): kr is StrategyElement => kr !== undefined)] : [element];
    const by: StrategyElement[] = [];
    for (const target of supported) {
        for (const { source } of model.incoming(target, 'supports')) if (source.kind === 'okr' && theirs(source) && !by.includes(source)) by.push(source);
    }
    const bets = element.kind === 'initiative' ? model.targets(element, 'bet') : model.targets(element, 'supports').filter(target => target.kind === 'bet');
    const live = (initiative: StrategyElement) => initiative.status !== 'stopped';
    if (element.kind === 'okr') {
        for (const target of model.targets(element, 'supports')) if (target.kind === 'initiative' && theirs(target) && live(target) && !by.includes(target)) by.push(target);
    }
    for (const bet of bets) {
        for (const { source } of model.incoming(bet, 'bet')) {
            if (source.kind === 'initiative' && source !== element && theirs(source) && live(source) && !by.includes(source)) by.push(source);
        }
    }
    return { by, bets };
}

/** A decision escalated although its owner had the right and no trigger applied. */
export function escalatedUnnecessarily(model: WorkspaceModel, decision: StrategyElement): boolean {
    if (!decision.links.some(link => link.relation === 'escalatedTo') || decision.triggersEscalation) return false;
    const type = model.target(decision, 'type');
    const owner = model.target(decision, 'owner');
    return !!type && !!owner && mayDecide(model, type, owner) === 'yes';
}

/** `2026-Q1` for a date: the periods the audit groups the log by. */
export function quarterOf(date: string): string | undefined {
    const match = /^(\d{4})-(\d{1,2})-\d{1,2}$/.exec(date);
    if (!match || parseDate(date) === undefined) return undefined;
    return `${match[1]}-Q${Math.floor((Number(match[2]) - 1) / 3) + 1}`;
}

function latest(decisions: readonly StrategyElement[]): StrategyElement | undefined {
    let best: StrategyElement | undefined;
    let bestDay = Number.NEGATIVE_INFINITY;
    for (const decision of decisions) {
        const day = decisionDay(decision);
        if (day !== undefined && day > bestDay) {
            best = decision;
            bestDay = day;
        }
    }
    return best;
}

function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}
