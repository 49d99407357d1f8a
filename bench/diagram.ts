/**
 * Diagram cost from a built workspace: the Lean Value Tree graph, its ELK layout and the SVG,
 * fully expanded, for trees of about 100, 300 and 1,000 nodes.
 */
import { buildDiagramGraph } from '../src/diagram/graph.js';
import { diagramSourceOf } from '../src/diagram/render-diagram.js';
import { viewOfGraph } from '../src/diagram/view.js';
import { layoutDiagram } from '../src/diagram/layout.js';
import { renderSvg } from '../src/diagram/svg.js';
import { effectiveSeverity } from '../src/language/workspace/eos-config.js';
import type { EosServices } from '../src/language/eos-module.js';
import type { DiagnosticCode } from '../src/language/validation/codes.js';

export interface DiagramTiming {
    nodes: number;
    graph: number;
    layout: number;
    svg: number;
}

export function diagramNodeCount(services: EosServices): number {
    return graphOf(services).nodes.length;
}

function graphOf(services: EosServices) {
    const strategy = services.eos.StrategyWorkspace;
    const issues = [...strategy.issues.values()].flat();
    return buildDiagramGraph(
        strategy.model,
        issues,
        code => effectiveSeverity(code as DiagnosticCode, strategy.config, strategy.editorDiagnostics),
        diagramSourceOf(strategy).clock
    );
}

export async function diagramOnce(services: EosServices): Promise<DiagramTiming> {
    const t0 = performance.now();
    const view = viewOfGraph(graphOf(services), { collapsed: [] });
    const t1 = performance.now();
    const layout = await layoutDiagram(view);
    const t2 = performance.now();
    renderSvg(view, layout, { standalone: true, interactive: true });
    const t3 = performance.now();
    return { nodes: view.graph.nodes.length, graph: t1 - t0, layout: t2 - t1, svg: t3 - t2 };
}
