import type { Range } from 'vscode-languageserver-types';
import type { StrategyElement } from '../model/elements.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import { CATALOGUE, type DiagnosticCode } from './codes.js';

/** A finding of a rule, before severities are applied and it becomes an LSP or CLI diagnostic. */
export interface Issue {
    code: DiagnosticCode;
    /** What is wrong, then {@link fix}: the text the Problems panel and `eos check` show. */
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
    /** Days a tenet may go uncited by decision records before the audit reports it. */
    tenetUnusedAfterDays?: number;
    /** Days a value may go unapplied by decision records before it counts as drifting. */
    valueDriftAfterDays?: number;
}

/** A rule looks at one element and reports issues on that element only. */
export type ElementRule = (element: StrategyElement, context: RuleContext, report: (issue: Issue) => void) => void;

export interface FindingOptions {
    /** A fix more precise than the catalogue's for this case. */
    fix?: string;
    /** Where to report it; the element's name by default. */
    range?: Range;
    data?: Record<string, unknown>;
}

/**
 * A finding on an element: `fault` says what is wrong (and why it matters); the message goes on
 * with the catalogue's fix for the code, so every message says what to write instead.
 */
export function findingOn(element: StrategyElement, code: DiagnosticCode, fault: string, options: FindingOptions = {}): Issue {
    const fix = options.fix ?? CATALOGUE[code].fix;
    return {
        code, message: findingMessage(fault, fix), fix, uri: element.uri, range: options.range ?? element.nameRange,
        ...(options.data ? { data: options.data } : {})
    };
}

/** A finding's message: what is wrong, then what to write instead. */
export function findingMessage(fault: string, fix: string): string {
    return `${fault} ${fix}`;
}

/** A message without the fix it ends with, for views that show the fix apart (hover, site). */
export function faultOf(message: string, fix: string | undefined): string {
    return fix && message.endsWith(fix) ? message.slice(0, message.length - fix.length).trimEnd() : message;
}

/** `'Name'` or `'Name' ("Title")` for messages. */
export function label(element: StrategyElement): string {
    return `'${element.name}'`;
}
