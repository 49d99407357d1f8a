/**
 * Lays the visible tree out with ELK. Only tree edges go to ELK; further alignment links (a bet
 * serving a second theme) are drawn as curves afterwards, so a tree algorithm can be used and the
 * picture does not reshuffle when a cross-link is added. Options are fixed and ELK is
 * deterministic for them: the same graph gives the same coordinates.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { nodeBox, type NodeBox } from './box.js';
import type { DiagramView } from './view.js';
import { reportCaught } from '../language/helpers/answer-or.js';
import { simpleTreeLayout } from './tree-layout.js';

export type LayoutAlgorithm = 'layered' | 'mrtree';

export interface Point {
    x: number;
    y: number;
}

export interface PlacedNode {
    id: string;
    x: number;
    y: number;
    box: NodeBox;
}

export interface DiagramLayout {
    width: number;
    height: number;
    nodes: Map<string, PlacedNode>;
    /** Tree edge id → polyline, start to end. */
    edges: Map<string, Point[]>;
    /** Set when the tree was too large for ELK and was laid out by the plain tree layout: why. */
    plainLayout?: string;
}

/**
 * What ELK's mrtree is given at most (measured: 1,000 siblings take 5 s and 8,000 overflow the
 * stack; 1,000 levels take 4 s). Beyond, the plain tree layout draws the same kind of picture in
 * one pass. Real strategies stay far inside: a few levels, tens of children.
 */
export const ELK_LIMITS = { nodes: 2000, children: 200, depth: 60 } as const;

const MARGIN = 24;
const HIDDEN_ROOT = '__eos_root__';

/** Left to right: a tree with dozens of initiatives is tall rather than impossibly wide, and scrolls. */
export const LAYOUT_OPTIONS: Record<LayoutAlgorithm, LayoutOptions> = {
    layered: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.spacing.nodeNode': '14',
        'elk.layered.spacing.nodeNodeBetweenLayers': '56',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
        // Separate trees (each vision, the Unaligned group) stacked in source order, Unaligned last.
        'elk.layered.considerModelOrder.components': 'MODEL_ORDER',
        'elk.aspectRatio': '0.01',
        'elk.randomSeed': '1'
    },
    mrtree: {
        'elk.algorithm': 'mrtree',
        'elk.direction': 'RIGHT',
        'elk.spacing.nodeNode': '14',
        'elk.mrtree.weighting': 'MODEL_ORDER',
        'elk.mrtree.edgeRoutingMode': 'AVOID_OVERLAP',
        'elk.randomSeed': '1'
    }
};

/**
 * mrtree: measured 5–20× faster than layered on these trees (layered needs forceNodeModelOrder to
 * keep siblings in source order, which costs 20 s at 300 nodes), and it keeps source order by
 * itself. Layered stays available for comparison (tests, bench). Numbers: docs/preview.md.
 */
export const DEFAULT_ALGORITHM: LayoutAlgorithm = 'mrtree';

let elk: InstanceType<typeof ELK> | undefined;

export async function layoutDiagram(view: DiagramView, algorithm: LayoutAlgorithm = DEFAULT_ALGORITHM): Promise<DiagramLayout> {
    const streams = new Map(view.graph.streams.map(stream => [stream.name, stream]));
    const boxes = new Map(view.graph.nodes.map(node => [node.id, nodeBox(node, streams, view.hidden.get(node.id) ?? 0)]));
    const treeEdges = view.graph.edges.filter(edge => edge.kind === 'tree');
    const children: ElkNode[] = view.graph.nodes.map(node => ({ id: node.id, width: boxes.get(node.id)!.width, height: boxes.get(node.id)!.height }));
    const edges: ElkExtendedEdge[] = treeEdges.map(edge => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));
    // mrtree packs separate trees in no fixed order: one hidden root keeps the visions and the
    // Unaligned group stacked in source order; its column is cut off below.
    const hiddenRoot = algorithm === 'mrtree' && view.graph.roots.length > 1;
    if (hiddenRoot) {
        children.unshift({ id: HIDDEN_ROOT, width: 1, height: 1 });
        for (const root of view.graph.roots) edges.push({ id: `${HIDDEN_ROOT}->${root}`, sources: [HIDDEN_ROOT], targets: [root] });
    }
    const tooLarge = beyondElk(view);
    if (tooLarge) return plainLayout(view, boxes, tooLarge);
    elk ??= new ELK();
    let result: ElkNode;
    try {
        result = await elk.layout({ id: 'root', layoutOptions: LAYOUT_OPTIONS[algorithm], children, edges });
    } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        reportCaught('the tree layout (ELK)', error);
        return plainLayout(view, boxes, 'the layout ran out of stack');
    }
    const placed = (result.children ?? []).filter(child => child.id !== HIDDEN_ROOT);
    const dx = MARGIN - placed.reduce((min, child) => Math.min(min, child.x ?? 0), Infinity);
    const dy = MARGIN - placed.reduce((min, child) => Math.min(min, child.y ?? 0), Infinity);
    const nodes = new Map<string, PlacedNode>();
    let width = 0,
        height = 0;
    for (const child of placed) {
        const x = (child.x ?? 0) + dx,
            y = (child.y ?? 0) + dy;
        const box = boxes.get(child.id)!;
        nodes.set(child.id, { id: child.id, x, y, box });
        // A folded node's "+ N hidden" label sits to its right, outside the box.
        width = Math.max(width, x + box.width + (box.hiddenCount ? 80 : 0));
        height = Math.max(height, y + box.height);
    }
    const routes = new Map<string, Point[]>();
    for (const edge of result.edges ?? []) {
        if (edge.id.startsWith(HIDDEN_ROOT)) continue;
        const section = edge.sections?.[0];
        if (section) {
            const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(p => ({ x: p.x + dx, y: p.y + dy }));
            routes.set(edge.id, points);
        } else {
            const edgeInfo = treeEdges.find(e => e.id === edge.id)!;
            routes.set(edge.id, straightEdge(nodes.get(edgeInfo.source)!, nodes.get(edgeInfo.target)!));
        }
    }
    return { width: Math.ceil(width + MARGIN), height: Math.ceil(height + MARGIN), nodes, edges: routes };
}

/** Why the view is beyond what ELK is given (see {@link ELK_LIMITS}), or undefined when it is not. */
export function beyondElk(view: DiagramView): string | undefined {
    const { nodes } = view.graph;
    if (nodes.length > ELK_LIMITS.nodes) return `${nodes.length.toLocaleString('en-US')} boxes are shown`;
    const visible = new Set(nodes.map(node => node.id));
    const depth = new Map<string, number>();
    for (const node of nodes) {
        // parents come before their children
        const level = node.parent && depth.has(node.parent) ? depth.get(node.parent)! + 1 : 0;
        depth.set(node.id, level);
        if (level > ELK_LIMITS.depth) return `the tree is more than ${ELK_LIMITS.depth} levels deep`;
        const children = node.children.filter(child => visible.has(child)).length;
        if (children > ELK_LIMITS.children) return `'${node.name}' has ${children.toLocaleString('en-US')} boxes right under it`;
    }
    return undefined;
}

function plainLayout(view: DiagramView, boxes: ReadonlyMap<string, NodeBox>, reason: string): DiagramLayout {
    const placement = simpleTreeLayout(view.graph, boxes, { x: MARGIN, y: MARGIN });
    const nodes = new Map<string, PlacedNode>();
    let width = 0,
        height = 0;
    for (const [id, { x, y }] of placement.positions) {
        const box = boxes.get(id)!;
        nodes.set(id, { id, x, y, box });
        width = Math.max(width, x + box.width + (box.hiddenCount ? 80 : 0));
        height = Math.max(height, y + box.height);
    }
    return { width: Math.ceil(width + MARGIN), height: Math.ceil(height + MARGIN), nodes, edges: placement.edges, plainLayout: reason };
}

/** Right side of the parent to the left side of the child (when the algorithm routes nothing). */
export function straightEdge(from: PlacedNode, to: PlacedNode): Point[] {
    return [
        { x: from.x + from.box.width, y: from.y + from.box.height / 2 },
        { x: to.x, y: to.y + to.box.height / 2 }
    ];
}
