/**
 * The method's vocabulary, typed against the generated AST: which element kind each declaring AST
 * type stands for, and the words of every enumerated value (statuses, levels, confidences,
 * verdicts) in the order the grammar lists them. Every other table (Kanban columns, completion
 * values, syntax messages, glossary meanings, level ranks) is derived from or keyed by these, so
 * a word added to `eos.langium` fails the type check until each table says what it means
 * (test/language/model/vocabulary.test.ts checks the same against the grammar at run time).
 */
import type * as ast from '../generated/ast.js';
import type { StrategyElement } from './elements.js';

/** An AST type that declares a named element of the model. */
export type DeclaringType = ast.Element['$type'] | ast.KeyResult['$type'];

/** The element kind each declaring AST type stands for; also the keyword that opens it. In model order. */
export const KIND_OF_AST_TYPE = {
    Vision: 'vision',
    Theme: 'theme',
    Bet: 'bet',
    Stream: 'stream',
    Initiative: 'initiative',
    Okr: 'okr',
    KeyResult: 'kr',
    Team: 'team',
    Value: 'value',
    Practice: 'practice',
    Tenet: 'tenet',
    Authority: 'authority',
    Decision: 'decision'
} as const satisfies Record<DeclaringType, string>;

export type ElementKind = (typeof KIND_OF_AST_TYPE)[DeclaringType];

/** Every element kind, in model order (vision first, decision records last). */
export const ELEMENT_KINDS: readonly ElementKind[] = Object.values(KIND_OF_AST_TYPE);

/** The kind an AST type (a node's `$type`, a description's `type`) declares; undefined for any other type. */
export function kindOfAstType(type: string): ElementKind | undefined {
    return Object.hasOwn(KIND_OF_AST_TYPE, type) ? KIND_OF_AST_TYPE[type as DeclaringType] : undefined;
}

/**
 * A list naming every member of a union of words, in the order given. The type demands every
 * member and nothing else: a missing or extra word is a type error at the call.
 */
export function allOf<T extends string>() {
    return <const Values extends readonly T[]>(values: Values & ([T] extends [Values[number]] ? unknown : { missing: Exclude<T, Values[number]> })): Values => values;
}

/** Initiative statuses: the Portfolio Kanban's columns, left to right. */
export const KANBAN_STATUSES = allOf<ast.KanbanStatus>()(['funnel', 'reviewing', 'analyzing', 'ready', 'doing', 'done', 'stopped']);
/** Bet statuses, from proposal to closing. */
export const BET_STATUSES = allOf<ast.BetStatus>()(['proposed', 'active', 'validated', 'invalidated', 'stopped']);
/** Team levels, high to low. */
export const LEVELS = allOf<ast.Level>()(['company', 'division', 'function', 'stream', 'crew', 'pod', 'team']);
/** A check-in's confidence, high to low. */
export const CONFIDENCES = allOf<ast.Confidence>()(['high', 'medium', 'low']);
/** An evidence entry's verdict on its bet's hypothesis. */
export const VERDICTS = allOf<ast.Verdict>()(['supports', 'contradicts']);

/** The grammar's value rules and their words: what completion, syntax messages and the glossary cover. */
export const VALUE_RULE_WORDS = {
    KanbanStatus: KANBAN_STATUSES,
    BetStatus: BET_STATUSES,
    Level: LEVELS,
    Confidence: CONFIDENCES,
    Verdict: VERDICTS
} as const;

export type ValueRule = keyof typeof VALUE_RULE_WORDS;
/** The words of one value rule. */
export type ValueWord<Rule extends ValueRule> = (typeof VALUE_RULE_WORDS)[Rule][number];

/** Whether a grammar rule's name is one of the value rules. */
export function isValueRule(name: string): name is ValueRule {
    return Object.hasOwn(VALUE_RULE_WORDS, name);
}

/** Organisational levels, high to low; equal numbers are peers. */
export const LEVEL_RANK = {
    company: 0,
    division: 1,
    function: 1,
    stream: 2,
    crew: 3,
    pod: 4,
    team: 4
} as const satisfies Record<ast.Level, number>;

/** The rank of a level as written; undefined when none is written (or it is not a level). */
export function levelRank(level: string | undefined): number | undefined {
    return level !== undefined && Object.hasOwn(LEVEL_RANK, level) ? LEVEL_RANK[level as ast.Level] : undefined;
}

/** Bet statuses that close a bet: nothing is invested in it any more. */
export const CLOSED_BET_STATUSES: ReadonlySet<string> = new Set<ast.BetStatus>(['stopped', 'invalidated']);

/** A bet that is still invested in (any status but a closing one, or none written). */
export function isLiveBet(element: StrategyElement): boolean {
    return element.kind === 'bet' && !CLOSED_BET_STATUSES.has(element.status ?? '');
}
