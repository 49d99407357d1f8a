/**
 * The Lean Value Tree as a graph: vision → themes → bets → initiatives, OKRs under what they
 * support, and an "Unaligned" group for orphans. Pure: the preview, the CLI export and the tests
 * all derive the picture from this one function, so the same text always gives the same tree.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ElementKind, StrategyElement } from '../language/model/elements.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { Severity } from '../language/validation/codes.js';
import type { Issue } from '../language/validation/issue.js';
import { clockOf, describeTrend, effectiveReading, formatScore, gradeOf, progressAtValue, progressNow, valueOf, type LoopClock } from '../language/model/key-result-history.js';
import { parseDate } from '../language/model/dates.js';
import { objectiveScore } from '../language/model/scores.js';
import type { ViewClock } from './view-clock.js';

export type DiagramNodeKind = 'vision' | 'theme' | 'bet' | 'initiative' | 'okr' | 'group';

export interface DiagramIssue {
    code: string;
    message: string;
    severity: Severity;
}

export interface KeyResultRow {
    name: string;
    title?: string;
    /** 0..1 from baseline to target; undefined when there is no current value or no target. */
    progress?: number;
    /** `40% → 65%, now 52%`, or why there is no bar. */
    label: string;
    issues: DiagramIssue[];
    /**
     * The trend line: progress (clamped 0..1) at each comparable check-in, `at` the share of the
     * time from the first check-in to the last (0..1). Absent with fewer than two such check-ins.
     */
    trend?: Array<{ at: number; progress: number }>;
    /** The trend in words (`improving: 16% → 48% of the way over 6 weeks (4 check-ins)`). */
    trendText?: string;
    /** 0.0–1.0 once the period has ended (key-result-history.ts gradeOf), with why. */
    grade?: { score: number; basis: string };
    /** In compare mode: how this key result changed (see diagram/diff-overlay.ts). */
    change?: DiagramChangeKind;
}

/** In compare mode: added, changed, removed (drawn as a ghost where it was) or unreadable at one side. */
export type DiagramChangeKind = 'added' | 'changed' | 'removed' | 'unreadable';

export interface DiagramChange {
    kind: DiagramChangeKind;
    /** What changed, as the diff's text output says it (`status: active → stopped`). */
    notes: string[];
}

export interface DiagramNode {
    /** `kind:Name`, unique in the graph; what the webview and the editor use to find a node. */
    id: string;
    kind: DiagramNodeKind;
    name: string;
    title?: string;
    /** The element's `description`, shown in its tooltip. */
    description?: string;
    status?: string;
    period?: string;
    /** An OKR whose period has ended: the average grade of its graded key results. */
    score?: number;
    /** Value streams the element runs in (bets: the streams they span). */
    streams: string[];
    owner?: string;
    /** Themes the node sits under (bets: every theme they serve); the theme filter matches these. */
    themes: string[];
    keyResults?: KeyResultRow[];
    issues: DiagramIssue[];
    /** In the Unaligned group because it links to nothing above it. */
    unaligned: boolean;
    uri?: string;
    /** The whole element, for "the cursor is inside this node". */
    range?: Range;
    /** The element's name, where "reveal" puts the cursor. */
    nameRange?: Range;
    parent?: string;
    children: string[];
    /** In compare mode: how the element changed against the other revision. */
    change?: DiagramChange;
}

export interface DiagramEdge {
    id: string;
    source: string;
    target: string;
    /** `tree`: the parent link ELK lays out; `link`: a further alignment (a bet serving a second theme). */
    kind: 'tree' | 'link';
}

export interface StreamInfo {
    name: string;
    title?: string;
    wip?: number;
    owner?: string;
    /** Index into the diagram's stream palette, by source order. */
    color: number;
}

export interface DiagramGraph {
    /** Depth-first, parents before children, in source order: the order ELK receives them. */
    nodes: DiagramNode[];
    edges: DiagramEdge[];
    roots: string[];
    streams: StreamInfo[];
    /** Set in compare mode: what the tree is compared with, for the legend. */
    compare?: DiagramCompare;
}

export interface DiagramCompare {
    /** The other revision, as the user named it (`main`, `HEAD~1`). */
    before: string;
    /** Short commit id of that revision. */
    commit?: string;
    counts: Record<DiagramChangeKind, number>;
}

export const UNALIGNED_GROUP_ID = 'group:unaligned';
/** Compare mode: a removed element's ghost is `removed:kind:Name`, never the id of a current node. */
export const GHOST_PREFIX = 'removed:';
export const STREAM_PALETTE_SIZE = 8;
const TREE_KINDS: readonly ElementKind[] = ['vision', 'theme', 'bet', 'initiative', 'okr'];
/** Children of one parent: structure first (themes, bets, initiatives), then the OKRs about it. */
const CHILD_ORDER: Record<DiagramNodeKind, number> = { vision: 0, theme: 1, bet: 2, initiative: 3, okr: 4, group: 5 };

export type SeverityOf = (code: string) => Severity | 'off';

export function buildDiagramGraph(model: WorkspaceModel, issues: Iterable<Issue>, severityOf: SeverityOf, viewClock: ViewClock): DiagramGraph {
    const issuesAt = indexIssues(issues, severityOf);
    const clock = clockOf({ today: viewClock.today, ...(viewClock.yearStart ? { yearStart: viewClock.yearStart } : {}) });
    const elements = sortedElements(model);
    const nodes = new Map<string, DiagramNode>();
    const idOf = new Map<StrategyElement, string>();

    for (const element of elements) {
        if (!TREE_KINDS.includes(element.kind)) continue;
        let id = `${element.kind}:${element.name}`;
        for (let n = 2; nodes.has(id); n++) id = `${element.kind}:${element.name}#${n}`;
        idOf.set(element, id);
        nodes.set(id, nodeOf(id, element, model, issuesAt, clock));
    }

    const edges: DiagramEdge[] = [];
    const parentOf = new Map<string, string | undefined>();
    for (const element of elements) {
        const id = idOf.get(element);
        if (!id) continue;
        const aligned = alignmentTargets(element, model)
            .map(target => idOf.get(target))
            .filter((t): t is string => !!t && t !== id);
        const unique = [...new Set(aligned)];
        parentOf.set(id, unique[0]);
        for (const other of unique.slice(1)) edges.push({ id: `link:${id}->${other}`, source: other, target: id, kind: 'link' });
    }

    breakCycles(parentOf);

    const roots: string[] = [];
    const unaligned: string[] = [];
    for (const [id, parent] of parentOf) {
        const node = nodes.get(id)!;
        if (parent) {
            node.parent = parent;
            nodes.get(parent)!.children.push(id);
        } else if (node.kind === 'vision' || node.kind === 'theme') {
            roots.push(id);
        } else {
            unaligned.push(id);
        }
    }
    if (unaligned.length) {
        nodes.set(UNALIGNED_GROUP_ID, {
            id: UNALIGNED_GROUP_ID,
            kind: 'group',
            name: 'Unaligned',
            streams: [],
            themes: [],
            issues: [],
            unaligned: true,
            children: unaligned
        });
        for (const id of unaligned) {
            const node = nodes.get(id)!;
            node.parent = UNALIGNED_GROUP_ID;
            markUnaligned(node, nodes);
        }
        roots.push(UNALIGNED_GROUP_ID);
    }
    const order = (a: string, b: string) => CHILD_ORDER[nodes.get(a)!.kind] - CHILD_ORDER[nodes.get(b)!.kind];
    for (const node of nodes.values()) node.children.sort(order); // stable: source order within a kind
    roots.sort(order);

    // Depth first, parents before children; a loop with its own stack, so a chain thousands of
    // levels deep cannot overflow the call stack.
    const ordered: DiagramNode[] = [];
    const pending: Array<{ id: string; themes: string[] }> = roots.map(id => ({ id, themes: [] })).reverse();
    for (let next = pending.pop(); next; next = pending.pop()) {
        const node = nodes.get(next.id)!;
        if (node.kind === 'theme') node.themes = [node.name];
        else if (node.kind !== 'bet' || node.themes.length === 0) node.themes = [...next.themes];
        ordered.push(node);
        if (node.parent) edges.push({ id: `tree:${node.parent}->${node.id}`, source: node.parent, target: node.id, kind: 'tree' });
        for (let i = node.children.length - 1; i >= 0; i--) pending.push({ id: node.children[i], themes: node.themes });
    }
    edges.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'tree' ? -1 : 1));

    const streams = model
        .ofKind('stream')
        .sort((a, b) => compareElements(a, b))
        .map((stream, index) => ({
            name: stream.name,
            color: index % STREAM_PALETTE_SIZE,
            ...(stream.title ? { title: stream.title } : {}),
            ...(stream.wip !== undefined ? { wip: stream.wip } : {}),
            ...(model.target(stream, 'owner') ? { owner: model.target(stream, 'owner')!.name } : {})
        }));
    return { nodes: ordered, edges, roots, streams };
}

/** What an element hangs under in the tree, best first. */
function alignmentTargets(element: StrategyElement, model: WorkspaceModel): StrategyElement[] {
    switch (element.kind) {
        case 'theme':
            return model.targets(element, 'vision');
        case 'bet':
            return model.targets(element, 'serves');
        case 'initiative':
            return model.targets(element, 'bet');
        case 'okr':
            return model.targets(element, 'supports').map(target => model.okrOf(target) ?? target);
        default:
            return [];
    }
}

function nodeOf(id: string, element: StrategyElement, model: WorkspaceModel, issuesAt: IssueIndex, clock: LoopClock): DiagramNode {
    const kind = element.kind as DiagramNodeKind;
    const streams = (kind === 'bet' ? model.targets(element, 'streams') : model.targets(element, 'stream')).map(s => s.name);
    const owner = model.target(element, 'owner')?.name;
    const node: DiagramNode = {
        id,
        kind,
        name: element.name,
        streams,
        themes: kind === 'bet' ? model.targets(element, 'serves').map(t => t.name) : [],
        issues: issuesAt(element),
        unaligned: false,
        children: [],
        uri: element.uri,
        range: element.range,
        nameRange: element.nameRange
    };
    if (element.title) node.title = element.title;
    if (element.description) node.description = element.description;
    if (element.status) node.status = element.status;
    if (element.period) node.period = element.period;
    if (owner) node.owner = owner;
    if (kind === 'okr') {
        node.keyResults = (element.keyResults ?? [])
            .map(name => model.get('kr', name))
            .filter((kr): kr is StrategyElement => !!kr)
            .map(kr => keyResultRow(kr, issuesAt(kr), model, clock));
        const score = objectiveScore(model, element, clock);
        if (score.state === 'ended' && score.score !== undefined) node.score = score.score;
    }
    return node;
}

function keyResultRow(kr: StrategyElement, issues: DiagramIssue[], model: WorkspaceModel, clock: LoopClock): KeyResultRow {
    const short = kr.name.slice(kr.name.lastIndexOf('.') + 1);
    const row: KeyResultRow = { name: short, label: 'no from … to … target', issues };
    if (kr.title) row.title = kr.title;
    const { baseline, target } = kr;
    if (!baseline || !target) return row;
    // The effective reading: the latest check-in wins over the `current` on the kr line.
    const current = effectiveReading(model, kr)?.value;
    row.label = `${baseline.text} → ${target.text}${kr.change ? ` (${kr.change})` : ''}${current ? `, now ${current.text}` : ''}${kr.deadline ? `, by ${kr.deadline}` : ''}`;
    const progress = progressNow(model, kr);
    if (progress !== undefined) row.progress = progress;
    const trend = trendLine(model, kr);
    if (trend) row.trend = trend;
    const words = describeTrend(model, kr);
    if (words) row.trendText = words;
    const grade = gradeOf(model, kr, clock);
    if (grade) row.grade = { score: grade.score, basis: grade.basis };
    return row;
}

/** The check-ins as points of a trend line, spaced by their dates; undefined without two comparable ones. */
function trendLine(model: WorkspaceModel, kr: StrategyElement): KeyResultRow['trend'] {
    const points: Array<{ day: number; progress: number }> = [];
    for (const entry of model.checkInsOf(kr)) {
        const progress = progressAtValue(kr, valueOf(kr, entry));
        if (progress.kind === 'progress') points.push({ day: parseDate(entry.date)!, progress: progress.value });
    }
    if (points.length < 2) return undefined;
    const first = points[0].day;
    const span = points[points.length - 1].day - first;
    // All on one day: spread evenly in the order written, so every reading still shows.
    return points.map((point, i) => ({ at: span > 0 ? (point.day - first) / span : i / (points.length - 1), progress: point.progress }));
}

/** `graded 0.7`: what a box says once the period is over. */
export function gradeLabel(score: number): string {
    return `graded ${formatScore(score)}`;
}

function markUnaligned(node: DiagramNode, nodes: Map<string, DiagramNode>): void {
    const pending = [node];
    for (let next = pending.pop(); next; next = pending.pop()) {
        next.unaligned = true;
        for (const child of next.children) pending.push(nodes.get(child)!);
    }
}

/**
 * An OKR chain that loops (reported as alignment-cycle) has no root: each loop is cut at its
 * member that comes first in source order, which then hangs in the Unaligned group with the rest
 * of the loop below it. One pass over the parent links (each node is walked up once), so a long
 * chain costs no more than a short one.
 */
function breakCycles(parentOf: Map<string, string | undefined>): void {
    const order = new Map([...parentOf.keys()].map((id, index) => [id, index]));
    const state = new Map<string, 'walking' | 'done'>();
    for (const start of parentOf.keys()) {
        const path: string[] = [];
        let up: string | undefined = start;
        while (up !== undefined && !state.has(up)) {
            state.set(up, 'walking');
            path.push(up);
            up = parentOf.get(up);
        }
        if (up !== undefined && state.get(up) === 'walking') {
            const loop = path.slice(path.indexOf(up));
            const first = loop.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
            parentOf.set(first, undefined);
        }
        for (const id of path) state.set(id, 'done');
    }
}

export type IssueIndex = (element: StrategyElement) => DiagramIssue[];

export function indexIssues(issues: Iterable<Issue>, severityOf: SeverityOf): IssueIndex {
    const key = (uri: string, range: Range) => `${uri}#${range.start.line}:${range.start.character}`;
    const byKey = new Map<string, DiagramIssue[]>();
    for (const issue of issues) {
        const severity = severityOf(issue.code);
        if (severity === 'off') continue;
        const k = key(issue.uri, issue.range);
        const entry = { code: issue.code, message: issue.message, severity };
        const list = byKey.get(k);
        if (list) list.push(entry);
        else byKey.set(k, [entry]);
    }
    return element => byKey.get(key(element.uri, element.nameRange)) ?? [];
}

/** Documents in URI order, elements in text order: independent of the order files were opened. */
function sortedElements(model: WorkspaceModel): StrategyElement[] {
    return [...model.elements].sort(compareElements);
}

export function compareElements(a: StrategyElement, b: StrategyElement): number {
    if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
