/**
 * The whole picture pipeline in one place: model and issues → graph → visible view → ELK layout
 * → SVG, plus the kanban board. The language server, the CLI export and the tests call this, so
 * the picture in CI is the picture in the editor.
 */
import { interruptAndCheck } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { Issue } from '../language/validation/issue.js';
import { isDiagnosticCode } from '../language/validation/codes.js';
import { effectiveSeverity } from '../language/workspace/eos-config.js';
import type { StrategyWorkspace } from '../language/workspace/strategy-workspace.js';
import type { AutonomyViews, DiagramNodeInfo, DiagramParams, DiagramResult } from '../shared/protocol.js';
import { buildDiagramGraph, type DiagramGraph, type DiagramNode, type SeverityOf } from './graph.js';
import { compareCollapsed, defaultCollapsed, viewOfGraph } from './view.js';
import { buildKanban } from './kanban.js';
import { autonomyViews } from './autonomy-views.js';
import { layoutDiagram, type LayoutAlgorithm } from './layout.js';
import { renderSvg } from './svg.js';
import type { ViewClock } from './view-clock.js';

export interface DiagramSource {
    model: WorkspaceModel;
    issues: Iterable<Issue>;
    severityOf: SeverityOf;
    /** Today and the thresholds of the rules: card ages, flow, trend lines and grades follow it. */
    clock: ViewClock;
}

export type DiagramOptions = Pick<DiagramParams, 'collapsed' | 'filter' | 'standalone'> & {
    algorithm?: LayoutAlgorithm;
    /** Draw everything: no default collapsing of large trees (the CLI export). */
    expandAll?: boolean;
};

/** The parts that need the workspace (cheap, synchronous): computed while the model is current. */
export interface DiagramData {
    graph: DiagramGraph;
    kanban: DiagramResult['kanban'];
    autonomy: AutonomyViews;
    graphMs: number;
}

/** The current model and findings of a workspace, with the severities its config gives them. */
export function diagramSourceOf(strategy: StrategyWorkspace): DiagramSource {
    const { today, stalledAfterDays, yearStart } = strategy.ruleOptions();
    return {
        clock: { today, stalledAfterDays, ...(yearStart ? { yearStart } : {}) },
        model: strategy.model,
        issues: [...strategy.issues.values()].flat(),
        severityOf: code => (isDiagnosticCode(code) ? effectiveSeverity(code, strategy.config, strategy.editorDiagnostics) : 'warning')
    };
}

export function diagramData(source: DiagramSource): DiagramData {
    const start = performance.now();
    const issues = [...source.issues];
    const graph = buildDiagramGraph(source.model, issues, source.severityOf, source.clock);
    const kanban = buildKanban(source.model, issues, source.severityOf, source.clock);
    const autonomy = autonomyViews(source.model);
    return { graph, kanban, autonomy, graphMs: performance.now() - start };
}

/**
 * Lays out and draws the picture. Between the stages (view, layout, SVG) it lets the event loop
 * take a cancellation in, and stops with Langium's `OperationCancelled` once the token is
 * cancelled: a preview that asked for a newer picture does not wait for this one.
 */
export async function renderDiagram(
    data: DiagramData,
    options: DiagramOptions = {},
    token: CancellationToken = CancellationToken.None
): Promise<Omit<DiagramResult, 'syntaxErrors'>> {
    const { graph, kanban, autonomy } = data;
    await interruptAndCheck(token);
    const collapsed = options.collapsed ?? (options.expandAll ? [] : graph.compare ? compareCollapsed(graph) : defaultCollapsed(graph));
    const view = viewOfGraph(graph, { collapsed, ...(options.filter ? { filter: options.filter } : {}) });
    await interruptAndCheck(token);
    const layoutStart = performance.now();
    const layout = await layoutDiagram(view, options.algorithm);
    await interruptAndCheck(token);
    const svgStart = performance.now();
    const standalone = options.standalone ?? false;
    const svg = renderSvg(view, layout, { standalone, interactive: !standalone });
    const svgMs = performance.now() - svgStart;
    const visibleIds = new Set(view.graph.nodes.map(node => node.id));
    const nodes: DiagramNodeInfo[] = view.graph.nodes.map(node => ({
        id: node.id,
        kind: node.kind,
        name: node.name,
        ...(node.title ? { title: node.title } : {}),
        ...(node.status ? { status: node.status } : {}),
        ...(node.uri ? { uri: node.uri } : {}),
        ...(node.range ? { range: node.range } : {}),
        ...(node.nameRange ? { nameRange: node.nameRange } : {}),
        ...(node.parent && visibleIds.has(node.parent) ? { parent: node.parent } : {})
    }));
    const shown = new Set(nodes.map(node => node.id));
    const byId = new Map(graph.nodes.map(node => [node.id, node]));
    const foldedSet = new Set(view.collapsed);
    const folded: DiagramResult['folded'] = [];
    const above = foldedAbove(byId, shown, foldedSet);
    for (const node of graph.nodes) {
        if (shown.has(node.id)) continue;
        const up = above(node.id);
        // Only what unfolding can bring back: not what the filter removed.
        if (up.visible && up.folded.length && view.matched.has(node.id)) {
            folded.push({ id: node.id, name: node.name, ...(node.title ? { title: node.title } : {}), foldedAncestors: up.folded });
        }
    }
    const uniqueSorted = (values: Iterable<string | undefined>) => [...new Set([...values].filter((v): v is string => !!v))].sort();
    return {
        svg,
        width: layout.width,
        height: layout.height,
        nodes,
        folded,
        collapsed: view.collapsed,
        totalNodes: graph.nodes.length,
        visibleNodes: view.graph.nodes.length,
        kanban,
        autonomy,
        filterOptions: {
            themes: graph.nodes.filter(n => n.kind === 'theme').map(n => n.name),
            streams: graph.streams.map(s => s.name),
            statuses: uniqueSorted(graph.nodes.map(n => n.status)),
            owners: uniqueSorted(graph.nodes.map(n => n.owner))
        },
        timings: { graphMs: round(data.graphMs), layoutMs: round(svgStart - layoutStart), svgMs: round(svgMs) },
        ...(layout.plainLayout ? { layoutNotice: plainLayoutNotice(layout.plainLayout) } : {})
    };
}

/** What the user reads when the tree was drawn by the plain layout. */
export function plainLayoutNotice(reason: string): string {
    return `The tree is drawn in a plain layout because ${reason}; fold subtrees or filter by theme to see the usual one.`;
}

function round(ms: number): number {
    return Math.round(ms * 10) / 10;
}

/**
 * The most folded ancestors one search result lists: the ones nearest the visible tree, which
 * unfold first. A 20,000-deep chain with every level folded listed every ancestor of every node
 * (200 million ids: the answer exceeded the longest string V8 can hold); capped, a match deeper
 * than this is reached by unfolding again (the search's next press).
 */
export const MAX_FOLDED_ANCESTORS = 16;

/**
 * For a hidden node: whether a shown ancestor is reached, and the folded ancestors on the way
 * (nearest first, at most the {@link MAX_FOLDED_ANCESTORS} nearest the shown one). Each node's
 * answer is built from its parent's, once, walking up iteratively, so the cost is linear in the
 * tree's size whatever its depth.
 */
function foldedAbove(byId: ReadonlyMap<string, DiagramNode>, shown: ReadonlySet<string>, foldedSet: ReadonlySet<string>): (id: string) => { visible: boolean; folded: string[] } {
    type Above = { visible: boolean; folded: string[] };
    const memo = new Map<string, Above>();
    const none: Above = { visible: false, folded: [] };
    return id => {
        // Up to the first node already known, or whose parent is shown, or the root.
        const path: string[] = [];
        for (let at: string | undefined = id; at !== undefined && !memo.has(at) && path.length <= byId.size;) {
            path.push(at);
            const parent: string | undefined = byId.get(at)?.parent;
            at = parent === undefined || shown.has(parent) ? undefined : parent;
        }
        // Then down again, each node from its parent's answer.
        for (let i = path.length - 1; i >= 0; i--) {
            const parent = byId.get(path[i])?.parent;
            let above: Above;
            if (parent === undefined) above = none;
            else if (shown.has(parent)) above = { visible: true, folded: foldedSet.has(parent) ? [parent] : [] };
            else {
                const base = memo.get(parent)!;
                above = foldedSet.has(parent) && base.folded.length < MAX_FOLDED_ANCESTORS ? { visible: base.visible, folded: [parent, ...base.folded] } : base;
            }
            memo.set(path[i], above);
        }
        return memo.get(id)!;
    };
}
