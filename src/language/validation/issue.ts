import type { Range } from 'vscode-languageserver-types';
import type { StrategyElement } from '../model/elements.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { DiagnosticCode } from './codes.js';

/** A finding of a rule, before severities are applied and it becomes an LSP or CLI diagnostic. */
export interface Issue {
    code: DiagnosticCode;
    message: string;
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

export function issueOn(element: StrategyElement, code: DiagnosticCode, message: string, data?: Record<string, unknown>): Issue {
    return { code, message, uri: element.uri, range: element.nameRange, ...(data ? { data } : {}) };
}

/** `'Name'` or `'Name' ("Title")` for messages. */
export function label(element: StrategyElement): string {
    return `'${element.name}'`;
}
