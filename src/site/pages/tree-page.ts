/**
 * The Lean Value Tree page: the editor preview's picture (graph → ELK layout → SVG, the same
 * functions) drawn at build time, so it shows without scripts and prints; the page's script
 * then folds, filters, searches, zooms and pans by running the same pipeline in the browser.
 */
import type { DiagramGraph } from '../../diagram/graph.js';
import { defaultCollapsed, viewOfGraph } from '../../diagram/view.js';
import { layoutDiagram } from '../../diagram/layout.js';
import { renderSvg } from '../../diagram/svg.js';
import { esc } from '../html.js';
import { ASSETS, type Page } from '../page.js';
import { PAGES, type SiteContext } from '../site-context.js';

/** What the tree script needs: the graph without source locations, and each node's page. */
export interface TreeData {
    graph: DiagramGraph;
    /** Node id → site path of its page. */
    pages: Record<string, string>;
    /** The folded set the page opens with. */
    collapsed: string[];
}

export function treeData(context: SiteContext): TreeData {
    const model = context.input.model;
    const pages: Record<string, string> = {};
    const nodes = context.graph.nodes.map(node => {
        const { uri: _uri, range: _range, nameRange: _nameRange, ...rest } = node;
        const element = node.kind === 'group' ? undefined : model.get(node.kind, node.name);
        const page = element && context.pathOf(element);
        if (page && !node.id.includes('#')) pages[node.id] = page;
        return rest;
    });
    const graph = { ...context.graph, nodes };
    return { graph, pages, collapsed: defaultCollapsed(context.graph) };
}

export async function treePage(_context: SiteContext, data: TreeData): Promise<Page> {
    const path = PAGES.tree;
    const view = viewOfGraph(data.graph, { collapsed: data.collapsed });
    const layout = await layoutDiagram(view);
    const svg = renderSvg(view, layout, { standalone: false, interactive: true });
    const select = (id: string, label: string) =>
        `<label class="filter"><span class="sr-only">${esc(label)}</span><select id="${id}" aria-label="${esc(label)}"><option value="">${esc(label)}</option></select></label>`;
    const hidden = data.graph.nodes.length - view.graph.nodes.length;
    const body =
        `<div class="tree-toolbar" role="toolbar" aria-label="Value tree">` +
        `<input type="search" id="tree-search" placeholder="Find in the tree" aria-label="Find in the tree" autocomplete="off">` +
        select('filter-theme', 'All themes') +
        select('filter-stream', 'All streams') +
        select('filter-status', 'Any status') +
        select('filter-owner', 'Any owner') +
        `<span class="group"><button type="button" id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button><span id="zoom-level" class="zoom-level">100%</span><button type="button" id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>` +
        `<button type="button" id="fit" title="Fit the whole tree in view">Fit</button><button type="button" id="expand-all" title="Unfold every subtree">Expand all</button><button type="button" id="collapse-all" title="Fold every bet">Collapse</button></span>` +
        `</div>` +
        `<div id="tree-notice" class="notice" role="status"${hidden ? '' : ' hidden'}>${hidden ? `Showing ${view.graph.nodes.length} of ${data.graph.nodes.length} elements; use + on a box to unfold it, or Expand all.` : ''}</div>` +
        `<div id="viewport" class="viewport" tabindex="0" aria-label="Lean Value Tree: drag to pan, Ctrl+wheel to zoom, click a box to open its page"><div id="canvas" class="canvas">${svg}</div></div>` +
        `<noscript><p class="notice">Scripts are off: the tree is shown as drawn, without folding or search. Every element also has its own page (see the overview).</p></noscript>`;
    return { path, title: 'Lean Value Tree', section: 'tree', body, bodyClass: 'tree-page', scripts: [ASSETS.treeData, ASSETS.tree] };
}

/** `window.EOS_TREE = {…}`: data as a script, because pages opened from file:// cannot fetch JSON. */
export function treeDataScript(data: TreeData): string {
    return `window.EOS_TREE=${jsonForScript(data)};\n`;
}

/** JSON that is safe inside a <script> element too (the single file inlines it). */
export function jsonForScript(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
