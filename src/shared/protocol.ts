/**
 * Every custom request between the VS Code extension (or the webview) and the language server,
 * declared once and imported by both sides. Plain LSP features need nothing here.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { DiagramNodeKind } from '../diagram/graph.js';
import type { DiagramFilter } from '../diagram/view.js';
import type { KanbanBoard } from '../diagram/kanban.js';

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
}

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
    /** Set when the diagram could not be made; the message is for the user. */
    error?: string;
}

export const DiagramRequest = new RequestType<DiagramParams, DiagramResult, void>('eos/diagram');
