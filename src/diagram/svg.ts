/**
 * The laid-out tree as an SVG string. Pure and DOM-free, so the language server, the CLI and the
 * tests render the same picture. Colours come from VS Code's theme variables with fallbacks, so
 * the exported file (where no variable is defined) still looks right on a white page. Every
 * user string goes through {@link escapeXml}.
 */
import { visibleText } from '../shared/visible-text.js';
import { BOX, TREND, textWidth } from './box.js';
import { GHOST_PREFIX, gradeLabel, type DiagramChangeKind, type DiagramNode, type KeyResultRow } from './graph.js';
import type { DiagramView } from './view.js';
import type { DiagramLayout, PlacedNode, Point } from './layout.js';

export interface SvgOptions {
    /** Embed the stylesheet and a background: for files written to disk. */
    standalone: boolean;
    /** Draw collapse/expand toggles (the preview), or not (exports). */
    interactive: boolean;
}

const LEGEND_HEIGHT = 30;

/**
 * User text for SVG and HTML. Characters that would reorder or hide the text (bidi overrides,
 * zero-width spaces, controls — XML 1.0 forbids most controls even when escaped) are first shown
 * as visible `\u{…}` escapes by the one shared rule, {@link visibleText}.
 */
export function escapeXml(text: string): string {
    return visibleText(text).replace(/[&<>"']/g, ch => ENTITIES[ch]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The diagram's stylesheet: embedded in exported files, adopted by the webview (its CSP forbids inline styles). */
export const DIAGRAM_CSS = `
.eos-diagram { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif); }
.eos-diagram .bg { fill: var(--vscode-editor-background, #ffffff); }
.eos-diagram .box { fill: var(--vscode-editorWidget-background, #f7f8fa); stroke: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c9ced6)); stroke-width: 1; }
.eos-diagram .node.kind-group .box { fill: none; stroke-dasharray: 5 4; }
.eos-diagram .node.unaligned .box { stroke-dasharray: 4 3; }
.eos-diagram .accent { stroke: none; }
.eos-diagram .kind-vision .accent { fill: var(--vscode-charts-purple, #8250df); }
.eos-diagram .kind-theme .accent { fill: var(--vscode-charts-blue, #0969da); }
.eos-diagram .kind-bet .accent { fill: var(--vscode-charts-green, #1a7f37); }
.eos-diagram .kind-initiative .accent { fill: var(--vscode-charts-orange, #d1680f); }
.eos-diagram .kind-okr .accent { fill: var(--vscode-charts-yellow, #b08800); }
.eos-diagram .kind-group .accent { fill: var(--vscode-charts-red, #cf222e); }
.eos-diagram .header { fill: var(--vscode-descriptionForeground, #59636e); font-size: 10.5px; letter-spacing: 0.04em; }
.eos-diagram .title { fill: var(--vscode-editor-foreground, #1f2328); font-size: ${BOX.titleFontSize}px; font-weight: 600; }
.eos-diagram .name { fill: var(--vscode-descriptionForeground, #59636e); font-size: ${BOX.smallFontSize}px; font-family: var(--vscode-editor-font-family, ui-monospace, Menlo, Consolas, monospace); }
.eos-diagram .small { fill: var(--vscode-editor-foreground, #1f2328); font-size: ${BOX.smallFontSize}px; }
.eos-diagram .muted { fill: var(--vscode-editor-foreground, #1f2328); fill-opacity: 0.75; font-size: 10.5px; }
.eos-diagram .issue-text { fill: var(--vscode-editorWarning-foreground, #9a6700); font-size: ${BOX.smallFontSize}px; }
.eos-diagram .edge { fill: none; stroke: var(--vscode-editorIndentGuide-activeBackground, #8c959f); stroke-width: 1.5; }
.eos-diagram .edge.link { stroke-dasharray: 6 4; opacity: 0.35; }
.eos-diagram .edge.link.lit { opacity: 1; stroke: var(--vscode-focusBorder, #0969da); }
.eos-diagram .chip { fill-opacity: 0.22; stroke-opacity: 0.8; stroke-width: 1; }
.eos-diagram .chip.more { fill: var(--vscode-descriptionForeground, #59636e); stroke: var(--vscode-descriptionForeground, #59636e); }
.eos-diagram .c0 { fill: var(--vscode-charts-blue, #0969da); stroke: var(--vscode-charts-blue, #0969da); }
.eos-diagram .c1 { fill: var(--vscode-charts-green, #1a7f37); stroke: var(--vscode-charts-green, #1a7f37); }
.eos-diagram .c2 { fill: var(--vscode-charts-purple, #8250df); stroke: var(--vscode-charts-purple, #8250df); }
.eos-diagram .c3 { fill: var(--vscode-charts-orange, #d1680f); stroke: var(--vscode-charts-orange, #d1680f); }
.eos-diagram .c4 { fill: var(--vscode-charts-red, #cf222e); stroke: var(--vscode-charts-red, #cf222e); }
.eos-diagram .c5 { fill: var(--vscode-charts-yellow, #b08800); stroke: var(--vscode-charts-yellow, #b08800); }
.eos-diagram .c6 { fill: #1b7c83; stroke: #1b7c83; }
.eos-diagram .c7 { fill: #bf3989; stroke: #bf3989; }
.eos-diagram .kr-track { fill: var(--vscode-descriptionForeground, #59636e); fill-opacity: 0.3; stroke: var(--vscode-editor-foreground, #1f2328); stroke-opacity: 0.45; stroke-width: 1; }
.eos-diagram .kr-bar { fill: var(--vscode-charts-green, #1a7f37); }
.eos-diagram .kr-bar.done { fill: var(--vscode-charts-blue, #0969da); }
.eos-diagram .kr-trend polyline { fill: none; stroke: var(--vscode-charts-blue, #0969da); stroke-width: 1.75; stroke-linejoin: round; stroke-linecap: round; }
.eos-diagram .kr-trend circle { fill: var(--vscode-charts-blue, #0969da); }
.eos-diagram .kr-trend .trend-floor { stroke: var(--vscode-descriptionForeground, #59636e); stroke-opacity: 0.45; stroke-width: 1; }
.eos-diagram .kr-grade { fill: var(--vscode-editor-foreground, #1f2328); font-size: 10.5px; font-weight: 700; }
.eos-diagram .sev-error .box { stroke: var(--vscode-editorError-foreground, #cf222e); stroke-width: 1.5; }
.eos-diagram .sev-warning .box { stroke: var(--vscode-editorWarning-foreground, #bf8700); stroke-width: 1.5; }
.eos-diagram .badge.error { fill: var(--vscode-editorError-foreground, #cf222e); }
.eos-diagram .badge.warning { fill: var(--vscode-editorWarning-foreground, #bf8700); }
.eos-diagram .badge.info, .eos-diagram .badge.hint { fill: var(--vscode-editorInfo-foreground, #0969da); }
.eos-diagram .badge-text { fill: #ffffff; font-size: 10px; font-weight: 700; }
.eos-diagram .toggle circle { fill: var(--vscode-editor-background, #ffffff); stroke: var(--vscode-descriptionForeground, #59636e); }
.eos-diagram .toggle text { fill: var(--vscode-editor-foreground, #1f2328); font-size: 12px; font-weight: 700; }
.eos-diagram .hidden-count { fill: var(--vscode-descriptionForeground, #59636e); font-size: 10px; }
.eos-diagram .legend-title { fill: var(--vscode-descriptionForeground, #59636e); font-size: 11px; font-weight: 600; }
.eos-diagram .node.selected .box { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 3; }
.eos-diagram .node.match .box { stroke: var(--vscode-editor-findMatchBorder, var(--vscode-focusBorder, #bf8700)); stroke-width: 3; }
.eos-diagram.searching .node:not(.match), .eos-diagram .node.context { opacity: 0.45; }
.eos-diagram .node { cursor: pointer; }
.eos-diagram .diff-ring { fill: none; stroke-width: 2.5; }
.eos-diagram .diff-added .diff-ring, .eos-diagram .diff-tag.added rect { stroke: var(--vscode-gitDecoration-addedResourceForeground, #1a7f37); }
.eos-diagram .diff-changed .diff-ring, .eos-diagram .diff-tag.changed rect { stroke: var(--vscode-gitDecoration-modifiedResourceForeground, #9a6700); }
.eos-diagram .diff-tag rect { fill: var(--vscode-editor-background, #ffffff); stroke-width: 1.5; }
.eos-diagram .diff-tag text { font-size: 9.5px; font-weight: 700; letter-spacing: 0.05em; }
.eos-diagram .diff-tag.added text { fill: var(--vscode-gitDecoration-addedResourceForeground, #1a7f37); }
.eos-diagram .diff-tag.changed text { fill: var(--vscode-gitDecoration-modifiedResourceForeground, #9a6700); }
.eos-diagram .diff-tag.removed rect, .eos-diagram .diff-tag.unreadable rect { stroke: var(--vscode-gitDecoration-deletedResourceForeground, #cf222e); stroke-dasharray: 3 2; }
.eos-diagram .diff-tag.removed text, .eos-diagram .diff-tag.unreadable text { fill: var(--vscode-gitDecoration-deletedResourceForeground, #cf222e); }
.eos-diagram .node.diff-removed .box, .eos-diagram .node.diff-unreadable .box { fill: none; stroke: var(--vscode-gitDecoration-deletedResourceForeground, #cf222e); stroke-width: 1.5; stroke-dasharray: 6 4; }
.eos-diagram .node.diff-removed > :not(.box):not(.diff-tag), .eos-diagram .node.diff-unreadable > :not(.box):not(.diff-tag) { opacity: 0.5; }
.eos-diagram .node.diff-removed .title { text-decoration: line-through; }
.eos-diagram .edge.removed { stroke: var(--vscode-gitDecoration-deletedResourceForeground, #cf222e); stroke-dasharray: 6 4; opacity: 0.6; }
.eos-diagram .kr-mark { font-size: 10px; font-weight: 700; }
.eos-diagram .kr-mark.added { fill: var(--vscode-gitDecoration-addedResourceForeground, #1a7f37); }
.eos-diagram .kr-mark.changed { fill: var(--vscode-gitDecoration-modifiedResourceForeground, #9a6700); }
.eos-diagram .kr-mark.removed, .eos-diagram .kr-mark.unreadable { fill: var(--vscode-gitDecoration-deletedResourceForeground, #cf222e); }
.eos-diagram .kr-removed { opacity: 0.5; }
.eos-diagram .kr-removed text.small { text-decoration: line-through; }
`;

/** The word on a changed box's tag and the legend, and the sign before a key result row. */
const CHANGE_TAG: Record<DiagramChangeKind, { word: string; sign: string }> = {
    added: { word: 'ADDED', sign: '+' },
    changed: { word: 'CHANGED', sign: '~' },
    removed: { word: 'REMOVED', sign: '−' },
    unreadable: { word: 'UNREADABLE', sign: '?' }
};

export function renderSvg(view: DiagramView, layout: DiagramLayout, options: SvgOptions): string {
    const legend = (view.graph.streams.length ? LEGEND_HEIGHT : 0) + (view.graph.compare ? LEGEND_HEIGHT : 0);
    const width = Math.max(layout.width, legendWidth(view) + 48, view.graph.compare ? compareLegendWidth() : 0);
    const height = layout.height + legend;
    const out: string[] = [];
    out.push(
        `<svg xmlns="http://www.w3.org/2000/svg" class="eos-diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Lean Value Tree">`
    );
    if (options.standalone) {
        out.push(`<style>${DIAGRAM_CSS}</style>`);
        out.push(`<rect class="bg" x="0" y="0" width="${width}" height="${height}"/>`);
    }
    if (view.graph.streams.length) out.push(renderLegend(view));
    if (view.graph.compare) out.push(renderCompareLegend(view.graph.compare, view.graph.streams.length ? LEGEND_HEIGHT : 0));
    out.push(`<g transform="translate(0,${legend})">`);
    out.push('<g class="edges">');
    for (const edge of view.graph.edges) {
        if (edge.kind === 'tree') {
            const points = layout.edges.get(edge.id);
            const ghost = edge.target.startsWith(GHOST_PREFIX);
            if (points) out.push(`<path class="edge tree${ghost ? ' removed' : ''}" d="${polyline(points)}"/>`);
        } else {
            const from = layout.nodes.get(edge.source),
                to = layout.nodes.get(edge.target);
            if (from && to)
                out.push(
                    `<path class="edge link" data-source="${escapeXml(edge.source)}" data-target="${escapeXml(edge.target)}" d="${curve(from, to)}"><title>${escapeXml(`${edge.target.replace(/^\w+:/, '')} also aligns with ${edge.source.replace(/^\w+:/, '')}`)}</title></path>`
                );
        }
    }
    out.push('</g><g class="nodes">');
    for (const node of view.graph.nodes) {
        const placed = layout.nodes.get(node.id);
        if (placed) out.push(renderNode(node, placed, view, options));
    }
    out.push('</g></g></svg>');
    return out.join('');
}

function renderLegend(view: DiagramView): string {
    const parts = [`<g class="legend" transform="translate(24,8)"><text class="legend-title" x="0" y="13">Value streams</text>`];
    let x = 96;
    for (const stream of view.graph.streams) {
        const text = `${stream.name}${stream.wip !== undefined ? ` · WIP ${stream.wip}` : ''}`;
        const w = textWidth(text, BOX.smallFontSize) + 14;
        parts.push(
            `<g transform="translate(${x},0)" data-stream="${escapeXml(stream.name)}"><rect class="chip c${stream.color}" width="${r(w)}" height="18" rx="9"/><text class="small" x="7" y="13">${escapeXml(text)}</text>${stream.title ? `<title>${escapeXml(stream.title)}</title>` : ''}</g>`
        );
        x += w + 6;
    }
    parts.push('</g>');
    return parts.join('');
}

/** "Compared with main (abc1234):" then one sample per kind of change, with its count. */
function renderCompareLegend(compare: NonNullable<DiagramView['graph']['compare']>, y: number): string {
    const against = `Compared with ${compare.before}${compare.commit ? ` (${compare.commit})` : ''}`;
    const parts = [
        `<g class="legend compare-legend" transform="translate(24,${y + 8})"><text class="legend-title" x="0" y="13">${escapeXml(truncateText(against, 34))}<title>${escapeXml(against)}</title></text>`
    ];
    const kinds: DiagramChangeKind[] = ['added', 'changed', 'removed'];
    if (compare.counts.unreadable) kinds.push('unreadable');
    let x = COMPARE_LEGEND_TITLE;
    for (const kind of kinds) {
        const label = `${compare.counts[kind]} ${kind === 'removed' ? 'removed (faded)' : kind}`;
        parts.push(
            `<g class="diff-${kind}" transform="translate(${r(x)},0)" data-legend="${kind}">${tag(kind, 0, 2)}<text class="small" x="${tagWidth(kind) + 6}" y="13">${escapeXml(label)}</text></g>`
        );
        x += tagWidth(kind) + 6 + textWidth(label, BOX.smallFontSize) + 16;
    }
    parts.push('</g>');
    return parts.join('');
}

/** Room for "Compared with …" (cut at 34 characters) before the samples. */
const COMPARE_LEGEND_TITLE = 240;

function compareLegendWidth(): number {
    return 24 + COMPARE_LEGEND_TITLE + 4 * 180;
}

function truncateText(text: string, max: number): string {
    return [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';
}

function tagWidth(kind: DiagramChangeKind): number {
    return Math.round(CHANGE_TAG[kind].word.length * 7.4 + 12);
}

/** The pill naming a change: a word, not only a colour, so it reads in every theme and in print. */
function tag(kind: DiagramChangeKind, x: number, y: number): string {
    const w = tagWidth(kind);
    return `<g class="diff-tag ${kind}" transform="translate(${r(x)},${r(y)})"><rect width="${w}" height="14" rx="7"/><text x="${w / 2}" y="10.5" text-anchor="middle">${CHANGE_TAG[kind].word}</text></g>`;
}

function legendWidth(view: DiagramView): number {
    return view.graph.streams.reduce((sum, s) => sum + textWidth(`${s.name} · WIP ${s.wip ?? ''}`, BOX.smallFontSize) + 20, 96);
}

function renderNode(node: DiagramNode, placed: PlacedNode, view: DiagramView, options: SvgOptions): string {
    const { box } = placed;
    const classes = ['node', `kind-${node.kind}`];
    if (node.status) classes.push(`status-${node.status.replace(/[^\w-]/g, '')}`);
    if (node.unaligned) classes.push('unaligned');
    if (box.severity && box.severity !== 'hint') classes.push(`sev-${box.severity}`);
    if (!view.matched.has(node.id)) classes.push('context');
    if (node.change) classes.push(`diff-${node.change.kind}`);
    const p = BOX.padding;
    const out: string[] = [];
    out.push(`<g class="${classes.join(' ')}" data-id="${escapeXml(node.id)}" transform="translate(${r(placed.x)},${r(placed.y)})">`);
    out.push(`<title>${escapeXml(tooltip(node))}</title>`);
    out.push(`<rect class="box" width="${box.width}" height="${box.height}" rx="6"/>`);
    out.push(`<rect class="accent" width="4" height="${box.height}" rx="2"/>`);
    if (node.change && (node.change.kind === 'added' || node.change.kind === 'changed')) {
        out.push(`<rect class="diff-ring" x="-4" y="-4" width="${box.width + 8}" height="${box.height + 8}" rx="9"/>`);
    }
    let y = p + 10;
    out.push(`<text class="header" x="${p}" y="${y}">${escapeXml(box.header)}</text>`);
    const allIssues = [...node.issues, ...(node.keyResults ?? []).flatMap(kr => kr.issues)];
    if (box.severity && allIssues.length) {
        const cx = box.width - p - 8;
        out.push(
            `<circle class="badge ${box.severity}" cx="${cx}" cy="${p + 6}" r="8"/><text class="badge-text" x="${cx}" y="${p + 9.5}" text-anchor="middle">${allIssues.length}</text>`
        );
    }
    y += 6;
    for (const line of box.titleLines) {
        y += BOX.titleLineHeight;
        out.push(`<text class="title" x="${p}" y="${y - 4}">${escapeXml(line)}</text>`);
    }
    if (box.nameLine) {
        y += BOX.nameHeight;
        out.push(`<text class="name" x="${p}" y="${y - 4}">${escapeXml(box.nameLine)}</text>`);
    }
    if (box.chips.length) {
        y += 4;
        let x = p;
        for (const chip of box.chips) {
            const cls = chip.color === undefined ? 'chip more' : `chip c${chip.color}`;
            out.push(
                `<rect class="${cls}" x="${r(x)}" y="${y}" width="${r(chip.width)}" height="16" rx="8"/><text class="small" x="${r(x + 6)}" y="${y + 12}">${escapeXml(chip.text)}</text>`
            );
            x += chip.width + 4;
        }
        y += BOX.chipHeight;
    }
    const barWidth = box.width - 2 * p;
    for (const kr of box.keyResults) {
        if (kr.change && node.change?.kind !== 'removed') {
            out.push(`<g class="kr-row${kr.change === 'removed' ? ' kr-removed' : ''}">`);
            out.push(`<text class="kr-mark ${kr.change}" x="${p}" y="${y + 12}">${CHANGE_TAG[kr.change].sign}<title>key result ${escapeXml(kr.name)} ${kr.change}</title></text>`);
        }
        const marked = kr.change !== undefined && node.change?.kind !== 'removed';
        out.push(`<text class="small" x="${marked ? p + 10 : p}" y="${y + 12}">${escapeXml(kr.text)}</text>`);
        out.push(`<rect class="kr-track" x="${p}" y="${y + 17}" width="${barWidth - 92}" height="6" rx="3"/>`);
        if (kr.progress !== undefined) {
            out.push(`<rect class="kr-bar${kr.progress >= 1 ? ' done' : ''}" x="${p}" y="${y + 17}" width="${r((barWidth - 92) * kr.progress)}" height="6" rx="3"/>`);
        }
        if (kr.trend) out.push(trendLine(kr, p + barWidth - 92 + TREND.gap, y + 15));
        if (kr.grade) {
            out.push(`<text class="kr-grade" x="${box.width - p}" y="${y + 12}" text-anchor="end">${gradeLabel(kr.grade.score)}<title>${escapeXml(kr.grade.basis)}</title></text>`);
        }
        const label = kr.progress !== undefined ? `${Math.round(kr.progress * 100)}%` : kr.label.startsWith('no ') ? 'not measurable' : 'no current';
        out.push(`<text class="muted" x="${box.width - p}" y="${y + 24}" text-anchor="end">${escapeXml(kr.change === 'removed' ? 'removed' : label)}</text>`);
        if (kr.change && node.change?.kind !== 'removed') out.push('</g>');
        y += BOX.krRowHeight;
    }
    if (box.issueLines.length) {
        y += 4;
        for (const line of box.issueLines) {
            y += BOX.issueLineHeight;
            out.push(`<text class="issue-text" x="${p}" y="${y - 4}">${escapeXml(line)}</text>`);
        }
    }
    const canToggle = options.interactive && (node.children.length > 0 || box.hiddenCount > 0);
    if (canToggle) {
        const collapsed = box.hiddenCount > 0;
        out.push(
            `<g class="toggle" data-toggle="${escapeXml(node.id)}" transform="translate(${box.width},${r(box.height / 2)})"><circle r="8"/><text y="4" text-anchor="middle">${collapsed ? '+' : '−'}</text><title>${collapsed ? 'Expand' : 'Collapse'}</title></g>`
        );
    }
    if (box.hiddenCount > 0) {
        const changed = view.hiddenChanges?.get(node.id) ?? 0;
        out.push(`<text class="hidden-count" x="${box.width + 12}" y="${r(box.height / 2) - 10}">${box.hiddenCount} hidden${changed ? `, ${changed} changed` : ''}</text>`);
    }
    // Last, so the tag sits on top of the box's border.
    if (node.change) out.push(tag(node.change.kind, box.width - tagWidth(node.change.kind) - 12, -7));
    out.push('</g>');
    return out.join('');
}

/** The full text behind a box: titles and issues are never only truncated. */
export function tooltip(node: DiagramNode): string {
    const lines = [node.title ?? node.name];
    if (node.description) lines.push(node.description);
    const facts = [`${node.kind} ${node.name}`];
    if (node.status) facts.push(`status: ${node.status}`);
    if (node.owner) facts.push(`owner: ${node.owner}`);
    if (node.period) facts.push(`period: ${node.period}`);
    if (node.streams.length) facts.push(`streams: ${node.streams.join(', ')}`);
    lines.push(facts.join(' · '));
    if (node.score !== undefined) lines.push(`${gradeLabel(node.score)}: the average grade of its key results`);
    for (const kr of node.keyResults ?? []) {
        lines.push(`• ${kr.name}${kr.title ? ` — ${kr.title}` : ''}: ${kr.label}`);
        if (kr.trendText) lines.push(`  trend: ${kr.trendText}`);
        if (kr.grade) lines.push(`  ${gradeLabel(kr.grade.score)} (${kr.grade.basis})`);
    }
    for (const issue of [...node.issues, ...(node.keyResults ?? []).flatMap(kr => kr.issues)]) lines.push(`${issue.severity} ${issue.code}: ${issue.message}`);
    if (node.change) {
        lines.push(`${CHANGE_TAG[node.change.kind].word.toLowerCase()}${node.change.notes.length ? ':' : ''}`);
        for (const note of node.change.notes) lines.push(`  ${note}`);
    }
    return lines.join('\n');
}

/**
 * A key result's trend line: its check-ins' progress over time, in a small box (left at `x`, top
 * at `y`) between the bar and the percentage; the faint floor is 0%, the top of the box 100%, the
 * dot the latest reading.
 */
function trendLine(kr: KeyResultRow, x: number, y: number): string {
    const points = kr.trend!.map(point => ({ x: x + point.at * TREND.width, y: y + (1 - point.progress) * TREND.height }));
    const last = points[points.length - 1];
    return (
        `<g class="kr-trend"><title>${escapeXml(`trend: ${kr.trendText ?? `${kr.trend!.length} check-ins`}`)}</title>` +
        `<line class="trend-floor" x1="${r(x)}" y1="${r(y + TREND.height)}" x2="${r(x + TREND.width)}" y2="${r(y + TREND.height)}"/>` +
        `<polyline points="${points.map(point => `${r(point.x)},${r(point.y)}`).join(' ')}"/>` +
        `<circle cx="${r(last.x)}" cy="${r(last.y)}" r="2.5"/></g>`
    );
}

function polyline(points: readonly Point[]): string {
    return points.map((p, i) => `${i ? 'L' : 'M'}${r(p.x)} ${r(p.y)}`).join(' ');
}

function curve(from: PlacedNode, to: PlacedNode): string {
    const x1 = from.x + from.box.width,
        y1 = from.y + from.box.height / 2;
    const x2 = to.x,
        y2 = to.y + to.box.height / 2;
    const dx = Math.max(40, Math.abs(x2 - x1) / 2);
    return `M${r(x1)} ${r(y1)} C${r(x1 + dx)} ${r(y1)} ${r(x2 - dx)} ${r(y2)} ${r(x2)} ${r(y2)}`;
}

function r(value: number): number {
    return Math.round(value * 10) / 10;
}
