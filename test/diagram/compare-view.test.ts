/**
 * The folds a compared tree opens with: changes are unfolded while the picture stays under twice
 * the usual size, and the folds that still hide changes count them.
 */
import { describe, expect, it } from 'vitest';
import type { DiagramGraph } from '../../src/diagram/graph.js';
import { COLLAPSE_THRESHOLD, compareCollapsed, defaultCollapsed, viewOfGraph } from '../../src/diagram/view.js';
import { graphOf, syntheticStrategy } from './diagram-fixtures.js';

/** The graph with every `step`-th initiative marked changed, as the overlay marks it. */
function withChanges(graph: DiagramGraph, step: number): DiagramGraph {
    let n = 0;
    const nodes = graph.nodes.map(node =>
        node.kind === 'initiative' && n++ % step === 0 ? { ...node, change: { kind: 'changed' as const, notes: ['status: ready → doing'] } } : node
    );
    return { ...graph, nodes, compare: { before: 'main', counts: { added: 0, changed: nodes.filter(x => x.change).length, removed: 0, unreadable: 0 } } };
}

describe('compare-mode folds', () => {
    it('unfolds the subtrees that hold changes, within twice the usual size, and counts the changes still folded', async () => {
        const graph = withChanges(await graphOf(syntheticStrategy(1000)), 40);
        const plain = viewOfGraph(graph, { collapsed: defaultCollapsed(graph) });
        const folds = compareCollapsed(graph);
        const view = viewOfGraph(graph, { collapsed: folds });
        const visible = new Set(view.graph.nodes.map(node => node.id));
        const changed = graph.nodes.filter(node => node.change);
        expect(plain.graph.nodes.filter(node => node.change)).toHaveLength(0); // the default folds hide them all
        expect(view.graph.nodes.length).toBeGreaterThan(plain.graph.nodes.length);
        expect(view.graph.nodes.length).toBeLessThanOrEqual(2 * COLLAPSE_THRESHOLD);
        const shown = changed.filter(node => visible.has(node.id)).length;
        expect(shown).toBeGreaterThan(0);
        // What is still folded says how many changes it hides; together with the shown ones, all of them.
        const hiddenChanges = [...(view.hiddenChanges ?? new Map()).values()].reduce((a, b) => a + b, 0);
        expect(shown + hiddenChanges).toBe(changed.length);
    });

    it('opens every change when they fit, and changes nothing in a tree small enough to open unfolded', async () => {
        const big = withChanges(await graphOf(syntheticStrategy(1000)), 400);
        const view = viewOfGraph(big, { collapsed: compareCollapsed(big) });
        const visible = new Set(view.graph.nodes.map(node => node.id));
        expect(big.nodes.filter(node => node.change).every(node => visible.has(node.id))).toBe(true);
        const small = withChanges(await graphOf(syntheticStrategy(100)), 3);
        expect(compareCollapsed(small)).toEqual([]);
    });
});
