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
    /** In compare mode: visible node id → how many of the descendants it hides changed. */
    hiddenChanges?: Map<string, number>;
}

/** Above this many nodes the tree opens with bets (and, if still too many, themes) collapsed. */
export const COLLAPSE_THRESHOLD = 150;

/** The collapsed set a large tree opens with: deep levels first, until it fits the threshold. */
export function defaultCollapsed(graph: DiagramGraph, threshold = COLLAPSE_THRESHOLD): string[] {
    if (graph.nodes.length <= threshold) return [];
    const collapsed: string[] = [];
    for (const kinds of [
        ['bet', 'initiative', 'okr'],
        ['theme', 'group']
    ] as const) {
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
    const hiddenChanges = new Map<string, number>();
    const nodes: DiagramNode[] = [];
    const roots = graph.roots.filter(root => keep.has(root));
    // Depth first in source order, with its own stack (a deep chain cannot overflow the call stack).
    const pending = [...roots].reverse();
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const node = byId.get(id)!;
        const children = node.children.filter(child => keep.has(child));
        if (collapsed.has(id) && children.length) {
            hidden.set(id, countDescendants(node, byId));
            if (graph.compare)
                hiddenChanges.set(
                    id,
                    countDescendants(node, byId, n => n.change !== undefined)
                );
            nodes.push({ ...node, children: [] });
            continue;
        }
        nodes.push(children.length === node.children.length ? node : { ...node, children });
        for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
    }
    const visible = new Set(nodes.map(node => node.id));
    const edges = graph.edges.filter(edge => visible.has(edge.source) && visible.has(edge.target));
    return {
        graph: { nodes, edges, roots, streams: graph.streams, ...(graph.compare ? { compare: graph.compare } : {}) },
        hidden,
        collapsed: [...collapsed],
        matched,
        ...(graph.compare ? { hiddenChanges } : {})
    };
}

function matchesFilter(node: DiagramNode, filter: DiagramFilter): boolean {
    if (node.kind === 'group') return false;
    if (filter.theme && !node.themes.includes(filter.theme)) return false;
    if (filter.stream && !node.streams.includes(filter.stream)) return false;
    if (filter.status && node.status !== filter.status) return false;
    if (filter.owner && node.owner !== filter.owner) return false;
    return true;
}

function countDescendants(node: DiagramNode, byId: Map<string, DiagramNode>, counts: (node: DiagramNode) => boolean = () => true): number {
    let count = 0;
    const pending = node.children.slice();
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        const descendant = byId.get(id)!;
        if (counts(descendant)) count++;
        for (const child of descendant.children) pending.push(child);
    }
    return count;
}

/**
 * The folds a compared tree opens with: the default ones, minus those that hide a change, as
 * long as the picture stays within twice the usual size (the rest say "N hidden, M changed").
 * Counted as folds open, top down, so a large tree with many changes costs one pass.
 */
export function compareCollapsed(graph: DiagramGraph, threshold = COLLAPSE_THRESHOLD): string[] {
    const collapsed = new Set(defaultCollapsed(graph, threshold));
    if (!collapsed.size) return [];
    const byId = new Map(graph.nodes.map(node => [node.id, node]));
    let visible = viewOfGraph(graph, { collapsed: [...collapsed] }).graph.nodes.length;
    /** Nodes a fold shows once opened: its children, and theirs where they are open. */
    const shownBy = (id: string): number => {
        let count = 0;
        for (const child of byId.get(id)!.children) count += 1 + (collapsed.has(child) ? 0 : shownBy(child));
        return count;
    };
    for (const node of graph.nodes) {
        if (!node.change) continue;
        const open: string[] = [];
        for (let up = node.parent; up; up = byId.get(up)?.parent) if (collapsed.has(up)) open.unshift(up);
        if (!open.length) continue;
        const before = new Set(collapsed);
        let added = 0;
        // Outermost first: an inner fold still closed counts as one box in its parent's count.
        for (const id of open) {
            collapsed.delete(id);
            added += shownBy(id);
        }
        if (visible + added > 2 * threshold) {
            collapsed.clear();
            for (const id of before) collapsed.add(id);
            break;
        }
        visible += added;
    }
    return [...collapsed];
}
