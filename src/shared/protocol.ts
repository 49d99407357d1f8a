/**
 * Every custom request between the VS Code extension (or the webview) and the language server,
 * declared once and imported by both sides. Plain LSP features need nothing here.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { DiagramNodeKind } from '../diagram/graph.js';
import type { DiagramFilter } from '../diagram/view.js';
import type { KanbanBoard } from '../diagram/kanban.js';
import type { RevisionChoice } from '../diff/revisions.js';

export type { DiagramFilter } from '../diagram/view.js';

export interface DiagramParams {
    /** The document the preview follows; the diagram covers the whole workspace. */
    uri: string;
    /** Node ids whose subtrees are folded; omitted: the default (large trees open folded). */
    collapsed?: string[];
    /** Keep only matching nodes (and their ancestors, for context). */
    filter?: DiagramFilter;
    /** An SVG for a file (embedded style, background, no toggles) rather than for the preview. */
    standalone?: boolean;
    /** Compare mode: the tree marked with what changed since this revision of the folder's repository. */
    compare?: CompareParams;
}

export interface CompareParams {
    /** The workspace folder (a file-system path) whose `.eos` files are compared. */
    folder: string;
    /** A branch, tag, commit id or `HEAD`, as git takes it. */
    revision: string;
    /** How the user named it, for the legend and the summary (default: `revision`). */
    label?: string;
}

/** One line of the compare view's list of changes: what the diff's text output says, and where it is. */
export interface CompareEntry {
    change: 'added' | 'removed' | 'modified' | 'unreadable' | 'finding-introduced' | 'finding-resolved';
    /** `bet InstantPayouts “Instant payouts for small businesses”`, or a finding's severity and code. */
    text: string;
    /** What changed on it (`status: active → stopped`), or the finding's message. */
    notes: string[];
    /** The box in the tree (a ghost for a removed element), when it is drawn. */
    nodeId?: string;
    /** Where it is in the editor now; absent for what was removed. */
    uri?: string;
    range?: Range;
}

export interface CompareResult {
    /** The revision as the user named it, and its short commit id. */
    before: string;
    commit?: string;
    /** The diff's one-line summary. */
    summary: string;
    /** The pull-request comment (docs/diff.md), escaped, for the Markdown view. */
    markdown: string;
    entries: CompareEntry[];
    /** Set when the comparison could not be made (the tree is then drawn without it). */
    error?: string;
}

export interface RevisionsParams {
    /** The workspace folder (a file-system path). */
    folder: string;
}

export interface RevisionsResult {
    revisions: RevisionChoice[];
    /** Why there is nothing to compare with (not a git repository, git missing, no commits). */
    error?: string;
}

/** The revisions to compare with: HEAD, branches, tags and recent commits, read with git. */
export const RevisionsRequest = new RequestType<RevisionsParams, RevisionsResult, void>('eos/revisions');

/** What the webview needs to make a node interactive: the SVG carries only `data-id`. */
export interface DiagramNodeInfo {
    id: string;
    kind: DiagramNodeKind;
    name: string;
    title?: string;
    status?: string;
    uri?: string;
    range?: Range;
    nameRange?: Range;
    /** The node above it in the tree (drawn), for the trace to the root. */
    parent?: string;
}

export interface DiagramSyntaxError {
    uri: string;
    /** 0-based, as in LSP. */
    line: number;
    message: string;
}

/** The aligned-autonomy views, drawn: SVG whose cards carry `data-id`, and where each id's source is. */
export interface AutonomyViews {
    frameworkSvg: string;
    matrixSvg: string;
    /** Values and practices whose chain reaches no company value. */
    broken: number;
    /** Decision types in the matrix. */
    types: number;
    targets: Record<string, { name: string; title?: string; uri: string; nameRange: Range }>;
}

export interface DiagramResult {
    /** The laid-out Lean Value Tree; empty when `error` is set. */
    svg: string;
    width: number;
    height: number;
    /** The visible nodes, in the order drawn. */
    nodes: DiagramNodeInfo[];
    /** Nodes folded out of view (not filtered out): searchable, with the folded ancestors to open. */
    folded: Array<{ id: string; name: string; title?: string; foldedAncestors: string[] }>;
    /** The folded node ids in effect (the default set when the request named none). */
    collapsed: string[];
    totalNodes: number;
    visibleNodes: number;
    kanban: KanbanBoard;
    /** The values framework and the decision-rights matrix (absent in error answers). */
    autonomy?: AutonomyViews;
    filterOptions: { themes: string[]; streams: string[]; statuses: string[]; owners: string[] };
    /** Documents that do not parse: the preview keeps its last good picture while there are any. */
    syntaxErrors: DiagramSyntaxError[];
    timings: { graphMs: number; layoutMs: number; svgMs: number };
    /** Set when the tree was too large for the usual layout and was drawn plainly: why, and what to do. */
    layoutNotice?: string;
    /** Present when compare mode was asked for. */
    compare?: CompareResult;
    /** Set when the diagram could not be made; the message is for the user. */
    error?: string;
}

/**
 * The preview's picture. The preview cancels the request for an older picture when it asks for a
 * newer one; the server then stops between graph, layout and SVG and answers RequestCancelled.
 */
export const DiagramRequest = new RequestType<DiagramParams, DiagramResult, void>('eos/diagram');
