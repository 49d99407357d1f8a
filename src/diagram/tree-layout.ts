/**
 * A plain left-to-right tree layout, for trees ELK cannot lay out: ELK's mrtree recurses once per
 * level and per sibling (8,000 themes under one vision overflow the stack; 4,000 levels take
 * 100 s) and grows faster than linearly with the siblings of one node (1,000 take 5 s). This one
 * is a single pass with its own stack: each level is a column as wide as its widest box, leaves
 * are stacked top to bottom in source order, and a parent sits level with the middle of its
 * children, as in mrtree's picture. Pure: the same view gives the same coordinates.
 */
import type { DiagramGraph } from './graph.js';
import type { NodeBox } from './box.js';

export interface TreePoint {
    x: number;
    y: number;
}

export interface TreePlacement {
    /** Node id → top-left corner. */
    positions: Map<string, TreePoint>;
    /** Tree edge id → polyline from the parent's right side to the child's left side. */
    edges: Map<string, TreePoint[]>;
}

const NODE_SPACING = 14;
const LEVEL_SPACING = 56;

export function simpleTreeLayout(graph: DiagramGraph, boxes: ReadonlyMap<string, NodeBox>, origin: TreePoint): TreePlacement {
    const byId = new Map(graph.nodes.map(node => [node.id, node]));
    const visible = (id: string) => byId.has(id);
    const childrenOf = (id: string) => byId.get(id)!.children.filter(visible);

    // Levels (depth first from the roots, parents before children) and each level's widest box.
    const depth = new Map<string, number>();
    const preorder: string[] = [];
    const pending = graph.roots
        .filter(visible)
        .reverse()
        .map(id => ({ id, level: 0 }));
    const columnWidth: number[] = [];
    for (let next = pending.pop(); next; next = pending.pop()) {
        if (depth.has(next.id)) continue; // a node is placed once, whatever links to it twice
        depth.set(next.id, next.level);
        preorder.push(next.id);
        columnWidth[next.level] = Math.max(columnWidth[next.level] ?? 0, boxes.get(next.id)!.width);
        const children = childrenOf(next.id);
        for (let i = children.length - 1; i >= 0; i--) pending.push({ id: children[i], level: next.level + 1 });
    }
    const columnX: number[] = [];
    for (let level = 0, x = origin.x; level < columnWidth.length; level++) {
        columnX[level] = x;
        x += columnWidth[level] + LEVEL_SPACING;
    }

    // The height each subtree needs (children first: reverse preorder), then every subtree gets its
    // slot top to bottom in source order, its box and its children's block both centred in it.
    const placedChildren = (id: string) => childrenOf(id).filter(child => depth.get(child) === depth.get(id)! + 1);
    const slot = new Map<string, number>();
    const childrenSpan = new Map<string, number>();
    for (let i = preorder.length - 1; i >= 0; i--) {
        const id = preorder[i];
        const children = placedChildren(id);
        const span = children.reduce((sum, child) => sum + slot.get(child)!, 0) + NODE_SPACING * Math.max(children.length - 1, 0);
        childrenSpan.set(id, span);
        slot.set(id, Math.max(boxes.get(id)!.height, span));
    }
    const positions = new Map<string, TreePoint>();
    const slotTop = new Map<string, number>();
    let rootTop = origin.y;
    for (const id of preorder) {
        if (!slotTop.has(id)) {
            // a root
            slotTop.set(id, rootTop);
            rootTop += slot.get(id)! + NODE_SPACING;
        }
        const top = slotTop.get(id)!;
        positions.set(id, { x: columnX[depth.get(id)!], y: top + (slot.get(id)! - boxes.get(id)!.height) / 2 });
        let childTop = top + (slot.get(id)! - childrenSpan.get(id)!) / 2;
        for (const child of placedChildren(id)) {
            slotTop.set(child, childTop);
            childTop += slot.get(child)! + NODE_SPACING;
        }
    }

    const edges = new Map<string, TreePoint[]>();
    for (const edge of graph.edges) {
        if (edge.kind !== 'tree') continue;
        const from = positions.get(edge.source),
            to = positions.get(edge.target);
        if (!from || !to) continue;
        const fromBox = boxes.get(edge.source)!,
            toBox = boxes.get(edge.target)!;
        const start = { x: from.x + fromBox.width, y: from.y + fromBox.height / 2 };
        const end = { x: to.x, y: to.y + toBox.height / 2 };
        const elbow = start.x + (end.x - start.x) / 2;
        edges.set(edge.id, start.y === end.y ? [start, end] : [start, { x: elbow, y: start.y }, { x: elbow, y: end.y }, end]);
    }
    return { positions, edges };
}
