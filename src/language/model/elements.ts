/**
 * The strategy model as plain data: what every consumer of EOS (validation rules, hovers, the
 * diagram, the CLI export) reads. It is extracted once per parsed document and never holds AST
 * nodes, so rules stay pure functions and results serialise as they are.
 */
import type { Range } from 'vscode-languageserver-types';

import type { BetStatus, Confidence, KanbanStatus, Level, Verdict } from '../generated/ast.js';
import type { ElementKind } from './vocabulary.js';

// The kinds live in the vocabulary, typed against the AST; re-exported because every consumer of the model names them.
export { ELEMENT_KINDS, type ElementKind } from './vocabulary.js';
export type { Confidence } from '../generated/ast.js';

/** The relation a link expresses, named after the keyword that writes it. */
export type LinkRelation =
    | 'vision'
    | 'serves'
    | 'streams'
    | 'bet'
    | 'stream'
    | 'owner'
    | 'supports'
    | 'parent'
    | 'extends'
    | 'embodies'
    | 'upholds'
    /** A check-in's key result. */
    | 'kr'
    // Aligned autonomy: decision rights, decision records and cross-team needs.
    | 'decider'
    | 'escalateTo'
    | 'applies'
    | 'type'
    | 'concerns'
    | 'follows'
    | 'setsAside'
    | 'escalatedTo'
    | 'needs';

export interface ElementLink {
    relation: LinkRelation;
    /** The name as written (for a key result: `Okr.Kr`). */
    target: string;
    /** Kinds the name may refer to, in the order they are tried. */
    kinds: readonly ElementKind[];
    range: Range;
}

/** A figure of a key result, read by measures.ts. */
export interface MeasureValue {
    /** The value meant, magnitudes applied: `£1.9m` is 1900000, `15:40` is 940 (minutes after midnight). */
    value: number;
    /** `%`, a unit word such as `days`, a currency sign, `clock`, `min`; undefined for a bare number. */
    unit?: string;
    /** As written (for a relative target: the value it comes to, in the baseline's style). */
    text: string;
}

/** A value the strategist wrote that EOS cannot read as meant; reported as `invalid-value`. */
export interface ValueProblem {
    message: string;
    range: Range;
}

export interface EvidenceEntry {
    date?: string;
    verdict: Verdict;
    text?: string;
    range: Range;
}

/** A decision record's citation of a tenet: followed, or knowingly set aside (with a reason). */
export interface TenetCitation {
    tenet: string;
    side: 'follows' | 'sets-aside';
    reason?: string;
    /** The tenet's name in the citation. */
    range: Range;
}

/** Something an OKR or initiative needs another team to do. */
export interface TeamNeed {
    team: string;
    what?: string;
    /** The team's name in the need. */
    range: Range;
}

export interface Horizon {
    start: number;
    end?: number;
}

/** A dated reading of a key result (`checkin 2026-02-09 47% confidence high "…"`). */
export interface CheckInEntry {
    /** The key result it reads, `Okr.Kr`: named, or the `kr` it is written under. */
    kr: string;
    /** False for a check-in at the top level that names no key result (reported). */
    named: boolean;
    /** Written under its `kr` line rather than in a separate place. */
    nested: boolean;
    date: string;
    value: MeasureValue;
    confidence?: Confidence;
    note?: string;
    uri: string;
    /** The whole check-in. */
    range: Range;
    /** Its date: where diagnostics about the date sit. */
    dateRange: Range;
    /** Its value: where diagnostics about the value sit (a unit that does not fit the key result). */
    valueRange: Range;
}

/** A check-in whose value could not be read (`6.200`, `30m`): reported on the value, never read as anything. */
export interface UnreadableCheckIn {
    kr: string;
    date: string;
    /** The value as written. */
    text: string;
    uri: string;
    valueRange: Range;
    /** What is wrong and how to write it, one sentence each. */
    problem: string;
}

/** One element of a strategy: a vision, a theme, a bet, a key result… */
export interface StrategyElement {
    kind: ElementKind;
    /** Unique per kind across the workspace; a key result's name is `Okr.Kr`. */
    name: string;
    title?: string;
    /** The `description "…"` property. */
    description?: string;
    /** The `/** doc comment *\/` before the element, as Markdown. */
    doc?: string;
    uri: string;
    /** The whole element. */
    range: Range;
    /** Its name; where diagnostics about the element sit. */
    nameRange: Range;
    links: ElementLink[];
    /** Single-valued properties written more than once (the last one counts), with the later ranges. */
    repeatedProperties?: Array<{ property: string; range: Range }>;
    /** Ranges of written properties (`status`, `period`, `updated`, `wip`…), for precise diagnostics. */
    propertyRanges: Partial<Record<string, Range>>;
    /** A bet's or an initiative's status. */
    status?: BetStatus | KanbanStatus;
    level?: Level;
    wip?: number;
    horizon?: Horizon;
    /** A horizon written as one token (`2026-2028`) that is not a span of years; reported. */
    horizonSpan?: string;
    period?: string;
    updated?: string;
    /** For an initiative: when work started and when it finished (done or stopped). */
    started?: string;
    finished?: string;
    hypothesis?: string;
    outcome?: string;
    success?: string;
    failure?: string;
    situation?: string;
    chosen?: string;
    over?: string;
    rationale?: string;
    evidence?: EvidenceEntry[];
    /** For a decision record: the day it was taken (`YYYY-MM-DD`). */
    date?: string;
    /** For a decision record: the tenets it cites, as written. */
    citations?: TenetCitation[];
    /** For a decision record: it says its type's escalation trigger applied (`triggers escalation`). */
    triggersEscalation?: boolean;
    /** For decision rights: what sends a decision of this type up (`escalate when "…"`). */
    trigger?: string;
    /** For an OKR or initiative: what it needs other teams to do. */
    needs?: TeamNeed[];
    /** For an OKR: the names (`Okr.Kr`) of its key results, in order. */
    keyResults?: string[];
    /** For a key result: its OKR's name. */
    okr?: string;
    baseline?: MeasureValue;
    target?: MeasureValue;
    /**
     * The `current` written on the `kr` line: an undated reading. It is NOT the key result's value
     * once a check-in exists — every view reads {@link effectiveReading} (key-result-history.ts).
     * Named apart so no consumer can take it for the current value by accident.
     */
    currentWritten?: MeasureValue;
    /** For a key result with a relative target: the change as written (`down 20%`). */
    change?: string;
    /** For a key result: `by <date or period>`, its deadline. */
    deadline?: string;
    /** Values written but not readable as meant, each with its message. */
    valueProblems?: ValueProblem[];
}

/** Everything one document contributes to the workspace. */
export interface DocumentModel {
    uri: string;
    elements: StrategyElement[];
    /** Every check-in of the document, under a `kr` or on its own, in source order. */
    checkIns: CheckInEntry[];
    /** Check-ins whose value could not be read: they count for nothing and are reported as invalid-value. */
    unreadableCheckIns?: UnreadableCheckIn[];
}

export function linksOf(element: StrategyElement, relation: LinkRelation): ElementLink[] {
    return element.links.filter(link => link.relation === relation);
}

export function firstLink(element: StrategyElement, relation: LinkRelation): ElementLink | undefined {
    return element.links.find(link => link.relation === relation);
}

/** Human label of a kind, as the method names it. */
export const KIND_LABEL: Record<ElementKind, string> = {
    vision: 'vision',
    theme: 'strategic theme',
    bet: 'bet',
    stream: 'value stream',
    initiative: 'initiative',
    okr: 'OKR',
    kr: 'key result',
    team: 'team',
    value: 'value',
    practice: 'practice',
    tenet: 'decision tenet',
    authority: 'decision rights',
    decision: 'decision record'
};
