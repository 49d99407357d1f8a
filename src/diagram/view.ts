/**
 * The visible part of the Lean Value Tree graph: filters and collapsed subtrees. Pure, like the
 * graph, so the preview and the CLI export show the same view of the same text.
 */
import type { DiagramGraph, DiagramNode } from './graph.js';

export interface DiagramFilter {
    theme?: string;
    stream?: string;
    status?: string;
    owner?: string;
}

export interface DiagramView {
    graph: DiagramGraph;
    /** Visible node id → how many descendants its collapsed subtree hides. */
    hidden: Map<string, number>;
    /** Ids that were collapsed (explicitly or by default). */
    collapsed: string[];
    /** Ids that matched the filter (the others are shown as context: ancestors of matches). */
    matched: Set<string>;
}

/** Above this many nodes the tree opens with bets (and, if still too many, themes) collapsed. */
export const COLLAPSE_THRESHOLD = 150;

/** The collapsed set a large tree opens with: deep levels first, until it fits the threshold. */
export function defaultCollapsed(graph: DiagramGraph, threshold = COLLAPSE_THRESHOLD): string[] {
    if (graph.nodes.length <= threshold) return [];
    const collapsed: string[] = [];
    for (const kinds of [['bet', 'initiative', 'okr'], ['theme', 'group']] as const) {
        for (const node of graph.nodes) {
            if ((kinds as readonly string[]).includes(node.kind) && node.children.length) collapsed.push(node.id);
        }
        const view = viewOfGraph(graph, { collapsed });
        if (view.graph.nodes.length <= threshold) break;
    }
    return collapsed;
}

export function viewOfGraph(graph: DiagramGraph, options: { collapsed?: readonly string[]; filter?: DiagramFilter }): DiagramView {
    const filter = options.filter ?? {};
    const byId = new Map(graph.nodes.map(node => [node.id, node]));
    const active = Object.values(filter).some(value => value !== undefined && value !== '');
    const matched = new Set<string>();
    const keep = new Set<string>();
    for (const node of graph.nodes) {
        if (active && !matchesFilter(node, filter)) continue;
        matched.add(node.id);
        for (let id: string | undefined = node.id; id && !keep.has(id); id = byId.get(id)?.parent) keep.add(id);
    }
    const collapsed = new Set((options.collapsed ?? []).filter(id => byId.has(id)));
    const hidden = new Map<string, number>();
    const nodes: DiagramNode[] = [];
    const roots = graph.roots.filter(root => keep.has(root));
    // Depth first in source order, with its own stack (a deep chain cannot overflow the call stack).
    const pending = [...roots].reverse();
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const node = byId.get(id)!;
        const children = node.children.filter(child => keep.has(child));
        if (collapsed.has(id) && children.length) {
            hidden.set(id, countDescendants(node, byId));
            nodes.push({ ...node, children: [] });
            continue;
        }
        nodes.push(children.length === node.children.length ? node : { ...node, children });
        for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
    const visible = new Set(nodes.map(node => node.id));
    const edges = graph.edges.filter(edge => visible.has(edge.source) && visible.has(edge.target));
    return { graph: { nodes, edges, roots, streams: graph.streams }, hidden, collapsed: [...collapsed], matched };
}

function matchesFilter(node: DiagramNode, filter: DiagramFilter): boolean {
    if (node.kind === 'group') return false;
    if (filter.theme && !node.themes.includes(filter.theme)) return false;
    if (filter.stream && !node.streams.includes(filter.stream)) return false;
    if (filter.status && node.status !== filter.status) return false;
    if (filter.owner && node.owner !== filter.owner) return false;
    return true;
}

function countDescendants(node: DiagramNode, byId: Map<string, DiagramNode>): number {
    let count = 0;
    const pending = node.children.slice();
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        count++;
        for (const child of byId.get(id)!.children) pending.push(child);
    }
    return count;
}
