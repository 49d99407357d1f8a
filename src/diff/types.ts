/**
 * The semantic change list between two states of a strategy: what `eos diff --format json`
 * prints, what the preview's comparison draws and what the MCP server's proposals return.
 * The shape is a public contract (`schema: "eos-diff/1"`, documented in docs/diff.md): fields are
 * only ever added, never renamed or given another meaning.
 */
import type { ElementKind } from '../language/model/elements.js';
import type { Severity } from '../language/validation/codes.js';

export const DIFF_SCHEMA = 'eos-diff/1';

/** One side of the comparison, as the user named it. */
export interface DiffSide {
    /** `HEAD`, `main`, `working tree`, a folder… */
    label: string;
    /** The commit id, when the side is a git revision. */
    commit?: string;
    files: number;
    elements: number;
}

/** A finding (diagnostic) on one side, located on that side. */
export interface DiffFinding {
    severity: Severity;
    code: string;
    message: string;
    /** Workspace-relative, `/`-separated. */
    file: string;
    /** From 1. */
    line: number;
    column: number;
    /** The element the finding sits on, if any (`Okr.Kr` for a key result). */
    element?: { kind: ElementKind; name: string };
}

/**
 * One thing that changed on an element. Single values (`title`, `status`, `owner`, `target`…)
 * have `before` and/or `after` (absent = not written on that side); lists (links of a relation
 * such as `serves` or `supports`, `evidence`) have `added` and/or `removed` entries.
 */
export interface FieldChange {
    field: string;
    before?: string;
    after?: string;
    added?: string[];
    removed?: string[];
    /** For numeric figures in the same unit (key-result baseline, target, current; WIP limit). */
    trend?: 'raised' | 'lowered';
}

export type ElementChangeKind = 'added' | 'removed' | 'modified' | 'unreadable';

export interface ElementChange {
    /**
     * `added` / `removed`: only on one side. `modified`: on both sides (possibly renamed or moved,
     * with or without field changes). `unreadable`: on one side only, and the other side's file
     * that should hold it does not parse, so whether it was removed (or added) cannot be told.
     */
    change: ElementChangeKind;
    kind: ElementKind;
    /** The name after the change (before, for `removed`). */
    name: string;
    title?: string;
    /** Where it is after the change (before, for `removed`). */
    file: string;
    line: number;
    /** Set when the element was renamed: its name before. */
    renamedFrom?: string;
    /** Set when the element now lives in another file: the file before. */
    movedFrom?: string;
    /** For `unreadable`: the side whose file does not parse. */
    unreadableAt?: 'before' | 'after';
    /**
     * For `added`, `removed` and `modified`: the element's file does not parse on this side (or
     * both), so what was read of it may be incomplete — the change list may show a property as
     * removed that the parser could not read.
     */
    unparsedAt?: 'before' | 'after' | 'both';
    /** The strategic theme the element serves (through its bet, OKR…), for grouping; absent if none. */
    theme?: { name: string; title?: string };
    changes: FieldChange[];
}

export interface WipChange {
    stream: string;
    title?: string;
    /** Absent when the stream does not exist on that side. */
    before?: { doing: number; limit?: number };
    after?: { doing: number; limit?: number };
}

export interface SyntaxProblem {
    file: string;
    line: number;
    message: string;
}

export interface StrategyDiff {
    schema: typeof DIFF_SCHEMA;
    before: DiffSide;
    after: DiffSide;
    /** One line for a reviewer: the notable changes, then the counts. */
    summary: string;
    counts: {
        added: number;
        removed: number;
        modified: number;
        renamed: number;
        moved: number;
        unreadable: number;
        findingsIntroduced: number;
        findingsResolved: number;
        /** Introduced findings by severity. */
        introducedBySeverity: Record<Severity, number>;
    };
    files: { added: string[]; removed: string[]; renamed: Array<{ from: string; to: string }> };
    /** Sorted by theme, then kind, then name. */
    elements: ElementChange[];
    findings: { introduced: DiffFinding[]; resolved: DiffFinding[] };
    /** Streams whose doing-count or WIP limit changed. */
    wip: WipChange[];
    /** Files that do not parse, per side: their elements may be missing from the comparison. */
    unparsed: { before: SyntaxProblem[]; after: SyntaxProblem[] };
}
