/**
 * Selecting a box in a drawn tree, shared by the preview (webview/main.ts) and the site's value
 * tree (site/browser/tree.ts): both draw the same SVG (diagram/svg.ts), so both find, mark and
 * reveal a box the same way.
 */
import type { PanZoom } from './pan-zoom.js';

/** The box of a node id in the drawn tree, or null. */
export function nodeElement(canvas: ParentNode, id: string): SVGGElement | null {
    return canvas.querySelector<SVGGElement>(`.node[data-id="${CSS.escape(id)}"]`);
}

/** Marks the node `id` as selected and lights up its alignment links; returns its box. */
export function markSelected(canvas: ParentNode, id: string): SVGGElement | null {
    for (const element of canvas.querySelectorAll('.node.selected, .edge.lit')) element.classList.remove('selected', 'lit');
    const element = nodeElement(canvas, id);
    element?.classList.add('selected');
    for (const link of canvas.querySelectorAll<SVGPathElement>('.edge.link')) {
        if (link.dataset.source === id || link.dataset.target === id) link.classList.add('lit');
    }
    return element;
}

/** Pans (and zooms if needed) so a node's box is in view. */
export function revealNode(panZoom: PanZoom, element: SVGGElement): void {
    const at = nodePosition(element);
    if (at) panZoom.reveal(at.x, at.y, at.width, at.height);
}

/** A node's box in picture coordinates (its translate plus the legend's offset). */
export function nodePosition(element: SVGGElement): { x: number; y: number; width: number; height: number } | undefined {
    const box = element.getBBox();
    const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(element.getAttribute('transform') ?? '');
    const offset = /translate\(0,([-\d.]+)\)/.exec(element.closest('svg > g')?.getAttribute('transform') ?? '');
    return match ? { x: Number(match[1]), y: Number(match[2]) + Number(offset?.[1] ?? 0), width: box.width, height: box.height } : undefined;
}
