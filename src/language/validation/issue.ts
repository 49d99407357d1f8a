import type { Range } from 'vscode-languageserver-types';
import { ELEMENT_KINDS, type ElementKind, type StrategyElement } from '../model/elements.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import { CATALOGUE, type DiagnosticCode } from './codes.js';
import type { YearStart } from '../model/periods.js';

/** A finding of a rule, before severities are applied and it becomes an LSP or CLI diagnostic. */
export interface Issue {
    code: DiagnosticCode;
    /** What is wrong, a dash, then {@link fix}: the one line the Problems panel and `eos check` show. */
    message: string;
    /** What to write instead; the end of {@link message}. The hover shows it apart from the fault. */
    fix: string;
    uri: string;
    range: Range;
    /** Data for quick fixes (e.g. the unresolved name and its suggestions). */
    data?: Record<string, unknown>;
}

export interface RuleContext {
    model: WorkspaceModel;
    /** `YYYY-MM-DD`: the date stalled work is measured against. */
    today: string;
    stalledAfterDays: number;
    /** The loop's thresholds (see LOOP_SETTINGS); defaults apply where absent. */
    checkInEveryDays?: number;
    reviewAfterDays?: number;
    offTrackMargin?: number;
    /** When the financial year begins; the calendar year when absent. */
    yearStart?: YearStart;
    /** Days a tenet may go uncited by decision records before the audit reports it. */
    tenetUnusedAfterDays?: number;
    /** Days a value may go unapplied by decision records before it counts as drifting. */
    valueDriftAfterDays?: number;
}

/** A rule looks at one element and reports issues on that element only. */
export type ElementRule<Element extends StrategyElement = StrategyElement> = (element: Element, context: RuleContext, report: (issue: Issue) => void) => void;

/** An element of the given kinds: a rule registered for them sees `kind` narrowed to them. */
export type ElementOf<Kind extends ElementKind> = StrategyElement & { kind: Kind };

/**
 * A rule and the element kinds it looks at. The runner (rules/index.ts) calls `check` only on
 * elements of these kinds, so a rule declares its kinds once instead of filtering every element.
 */
export interface KindRule {
    readonly kinds: readonly ElementKind[];
    readonly check: ElementRule;
}

/** A rule over elements of `kinds`; its `check` sees the element's kind narrowed to them. */
export function ruleFor<const Kind extends ElementKind>(kinds: readonly Kind[], check: ElementRule<ElementOf<Kind>>): KindRule {
    // The runner only passes elements of `kinds`, which is what the narrowed parameter promises.
    return { kinds, check: check as ElementRule };
}

/** A rule over every element, whatever its kind (names, repeated properties, dates, values). */
export function ruleForEveryKind(check: ElementRule): KindRule {
    return { kinds: ELEMENT_KINDS, check };
}

export interface FindingOptions {
    /** A fix more precise than the catalogue's for this case. */
    fix?: string;
    /** Where to report it; the element's name by default. */
    range?: Range;
    data?: Record<string, unknown>;
}

/**
 * A finding on an element: `fault` says what is wrong, in a few words (why it matters is the
 * catalogue's `why`, shown by the hover); the message goes on with the fix — the catalogue's for the
 * code unless the rule knows a more precise one — so every Problems row says what to write instead.
 */
export function findingOn(element: StrategyElement, code: DiagnosticCode, fault: string, options: FindingOptions = {}): Issue {
    const fix = options.fix ?? CATALOGUE[code].fix;
    return {
        code,
        message: findingMessage(fault, fix),
        fix,
        uri: element.uri,
        range: options.range ?? element.nameRange,
        ...(options.data ? { data: options.data } : {})
    };
}

/**
 * A finding's message, one line: the fault, a dash, the fix (`Bet 'X' serves no theme — add
 * \`serves <Theme>\`.`). The fix's first word is lower-cased after the dash when it is an ordinary
 * word (`Add`), never when it is a name (`GlobexBilling`, `'Onboarding'`, `` `kr` ``).
 */
export function findingMessage(fault: string, fix: string): string {
    return `${fault.trim().replace(/[.:;,]+$/, '')} — ${fixAfterDash(fix)}`;
}

function fixAfterDash(fix: string): string {
    return /^[A-Z][a-z]*(?=[\s,:.?!]|$)/.test(fix) ? fix.charAt(0).toLowerCase() + fix.slice(1) : fix;
}

/** A message without the fix it ends with, for views that show the fix apart (hover, site). */
export function faultOf(message: string, fix: string | undefined): string {
    if (!fix) return message;
    const ending = ` — ${fixAfterDash(fix)}`;
    if (message.endsWith(ending)) return message.slice(0, message.length - ending.length) + '.';
    return message.endsWith(fix) ? message.slice(0, message.length - fix.length).trimEnd() : message;
}

/** `'Name'` or `'Name' ("Title")` for messages. */
export function label(element: StrategyElement): string {
    return `'${element.name}'`;
}
