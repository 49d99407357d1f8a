/**
 * SVG of the two aligned-autonomy views: the layered values framework (three bands — company
 * values, interpretations, team practices — with tenets and decisions beside them) and the
 * decision-rights matrix. A plain grid layout: the bands are rows, so no graph layout is needed.
 * Every user text goes through escapeXml; colours are VS Code theme variables with fallbacks.
 */
import type { DecisionMatrix } from './decision-matrix.js';
import type { Framework, FrameworkCard } from './framework.js';
import { escapeXml as esc } from './svg.js';

export const AUTONOMY_CSS = `
.eos-autonomy { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif); }
.eos-autonomy .bg { fill: var(--vscode-editor-background, #ffffff); }
.eos-autonomy text { fill: var(--vscode-foreground, #1f2328); font-size: 12px; }
.eos-autonomy .muted { fill: var(--vscode-descriptionForeground, #656d76); font-size: 11px; }
.eos-autonomy .band-label { font-size: 13px; font-weight: 600; }
.eos-autonomy .band { fill: var(--vscode-editorWidget-background, #f6f8fa); opacity: 0.6; }
.eos-autonomy .card rect.box { fill: var(--vscode-editorWidget-background, #f7f8fa); stroke: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, #c9ced6)); stroke-width: 1; }
.eos-autonomy .card { cursor: pointer; }
.eos-autonomy .card:hover rect.box, .eos-autonomy .card.selected rect.box { stroke: var(--vscode-focusBorder, #0969da); stroke-width: 2; }
.eos-autonomy .card .title { font-weight: 600; }
.eos-autonomy .accent { stroke: none; }
.eos-autonomy .kind-value .accent { fill: var(--vscode-charts-purple, #8250df); }
.eos-autonomy .kind-practice .accent { fill: var(--vscode-charts-green, #1a7f37); }
.eos-autonomy .kind-tenet .accent { fill: var(--vscode-charts-blue, #0969da); }
.eos-autonomy .kind-decision .accent { fill: var(--vscode-charts-orange, #d1680f); }
.eos-autonomy .card.broken rect.box { stroke: var(--vscode-errorForeground, #cf222e); stroke-width: 2; stroke-dasharray: 6 3; }
.eos-autonomy .card.broken .accent { fill: var(--vscode-errorForeground, #cf222e); }
.eos-autonomy .card.broken .muted { fill: var(--vscode-errorForeground, #cf222e); }
.eos-autonomy .card.unplaced rect.box { stroke-dasharray: 3 3; }
.eos-autonomy .link { fill: none; stroke: var(--vscode-descriptionForeground, #8c959f); stroke-width: 1.2; opacity: 0.7; }
.eos-autonomy .link.broken { stroke: var(--vscode-errorForeground, #cf222e); stroke-dasharray: 5 3; opacity: 1; }
.eos-autonomy .link.sets-aside { stroke: var(--vscode-charts-orange, #d1680f); stroke-dasharray: 4 3; }
.eos-autonomy .grid { stroke: var(--vscode-editorWidget-border, #d0d7de); stroke-width: 1; }
.eos-autonomy .cell-yes { fill: var(--vscode-charts-green, #1a7f37); }
.eos-autonomy .cell-escalation { fill: none; stroke: var(--vscode-charts-orange, #d1680f); stroke-width: 2; }
.eos-autonomy .cell-unknown { fill: none; stroke: var(--vscode-descriptionForeground, #8c959f); stroke-dasharray: 2 2; }
.eos-autonomy .count { font-size: 10px; font-weight: 700; }
.eos-autonomy .count-on-yes { fill: var(--vscode-editor-background, #ffffff); }
.eos-autonomy .warning { fill: var(--vscode-errorForeground, #cf222e); font-weight: 600; }
`;

const CARD_W = 200,
    CARD_H = 50,
    GAP = 12,
    BAND_LABEL_W = 132,
    BAND_H = CARD_H + 44,
    PAD = 20;

function clip(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function cardSvg(card: FrameworkCard, x: number, y: number): string {
    const tooltip = [card.title ?? card.name, `${card.kind} ${card.name}`, card.detail].join('\n');
    return (
        `<g class="card kind-${card.kind}${card.state !== 'ok' ? ` ${card.state}` : ''}" data-id="${esc(card.id)}" transform="translate(${x},${y})">` +
        `<title>${esc(tooltip)}</title>` +
        `<rect class="box" width="${CARD_W}" height="${CARD_H}" rx="5"/><rect class="accent" width="4" height="${CARD_H}" rx="2"/>` +
        `<text class="title" x="12" y="20">${esc(clip(card.title ?? card.name, 26))}</text>` +
        `<text class="muted" x="12" y="38">${esc(clip(`${card.name} · ${card.detail}`, 31))}</text></g>`
    );
}

/** The layered framework: bands of values and practices, tenets and decisions in columns beside them. */
export function renderFrameworkSvg(framework: Framework): string {
    const bands: Array<[string, FrameworkCard[]]> = [
        ['Company values', framework.company],
        ['Function interpretations', framework.interpretations],
        ['Team practices', framework.practices]
    ];
    const widest = Math.max(1, ...bands.map(([, cards]) => cards.length));
    const bandsW = BAND_LABEL_W + widest * (CARD_W + GAP);
    const sideX = PAD + bandsW + 40;
    const decisionX = sideX + CARD_W + 90;
    const legendH = 34;
    const top = PAD + legendH;
    const sideRows = Math.max(framework.tenets.length, framework.decisions.length);
    const height = Math.max(top + bands.length * BAND_H, top + 24 + sideRows * (CARD_H + 10)) + PAD;
    const width = (framework.decisions.length ? decisionX + CARD_W : framework.tenets.length ? sideX + CARD_W : PAD + bandsW) + PAD;
    const at = new Map<string, { x: number; y: number }>();
    const out: string[] = [];
    bands.forEach(([label, cards], row) => {
        const y = top + row * BAND_H;
        out.push(`<rect class="band" x="${PAD}" y="${y}" width="${bandsW}" height="${BAND_H - 8}" rx="6"/>`);
        const [first, ...rest] = label.split(' ');
        out.push(
            `<text class="band-label" x="${PAD + 10}" y="${y + 26}">${esc(first)}</text><text class="band-label" x="${PAD + 10}" y="${y + 42}">${esc(rest.join(' '))}</text><text class="muted" x="${PAD + 10}" y="${y + 60}">${cards.length}</text>`
        );
        cards.forEach((card, index) => {
            const x = PAD + BAND_LABEL_W + index * (CARD_W + GAP);
            at.set(card.id, { x, y: y + 18 });
        });
    });
    const sideTop = top + 24;
    out.push(framework.tenets.length ? `<text class="band-label" x="${sideX}" y="${top + 12}">Decision tenets</text>` : '');
    framework.tenets.forEach((card, index) => at.set(card.id, { x: sideX, y: sideTop + index * (CARD_H + 10) }));
    out.push(framework.decisions.length ? `<text class="band-label" x="${decisionX}" y="${top + 12}">Latest decisions</text>` : '');
    framework.decisions.forEach((card, index) => at.set(card.id, { x: decisionX, y: sideTop + index * (CARD_H + 10) }));

    const states = new Map([...framework.interpretations, ...framework.practices].map(card => [card.id, card.state]));
    for (const link of framework.links) {
        const from = at.get(link.from),
            to = at.get(link.to);
        if (!from || !to) continue;
        let d: string;
        if (link.kind === 'follows' || link.kind === 'sets-aside') {
            // Decision (right column) to tenet (left of it): from the decision's left edge to the tenet's right edge.
            const x1 = from.x,
                y1 = from.y + CARD_H / 2,
                x2 = to.x + CARD_W,
                y2 = to.y + CARD_H / 2;
            d = `M${x1},${y1} C${x1 - 40},${y1} ${x2 + 40},${y2} ${x2},${y2}`;
        } else {
            // Up a band: from the child's top to the parent's bottom (or along the band when both sit in one).
            const x1 = from.x + CARD_W / 2,
                y1 = from.y,
                x2 = to.x + CARD_W / 2,
                y2 = to.y + CARD_H;
            d =
                from.y === to.y
                    ? `M${from.x},${from.y + CARD_H / 2} C${from.x - 30},${from.y - 10} ${to.x + CARD_W + 30},${to.y - 10} ${to.x + CARD_W},${to.y + CARD_H / 2}`
                    : `M${x1},${y1} C${x1},${y1 - 24} ${x2},${y2 + 24} ${x2},${y2}`;
        }
        const broken = states.get(link.from) === 'broken';
        out.push(`<path class="link ${link.kind}${broken ? ' broken' : ''}" d="${d}"/>`);
    }
    for (const [, cards] of bands)
        for (const card of cards) {
            const p = at.get(card.id)!;
            out.push(cardSvg(card, p.x, p.y));
        }
    for (const card of [...framework.tenets, ...framework.decisions]) {
        const p = at.get(card.id)!;
        out.push(cardSvg(card, p.x, p.y));
    }

    const legend = framework.broken
        ? `<text class="warning" x="${PAD}" y="${PAD + 14}">${framework.broken} broken chain${framework.broken === 1 ? '' : 's'}: a value or practice that reaches no company value (dashed red)</text>`
        : `<text class="muted" x="${PAD}" y="${PAD + 14}">Every interpretation and practice reaches a company value. Lines: extends / embodies; decision → tenet (dashed orange: set aside).</text>`;
    const empty = !framework.company.length && !framework.interpretations.length && !framework.practices.length && !framework.tenets.length;
    const body = empty ? `<text class="muted" x="${PAD}" y="${top + 20}">No values yet: write value Name "Principle" { owner CompanyTeam }.</text>` : out.join('');
    return (
        `<svg xmlns="http://www.w3.org/2000/svg" class="eos-autonomy" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Values framework">` +
        `<rect class="bg" width="${width}" height="${height}"/>${legend}${body}</svg>`
    );
}

const TYPE_W = 300,
    COL_W = 40,
    ROW_H = 40,
    HEAD_H = 150;

/** The decision-rights matrix: one row per type of decision, one column per team. */
export function renderMatrixSvg(matrix: DecisionMatrix): string {
    const legendH = 30;
    const width = PAD * 2 + TYPE_W + Math.max(1, matrix.teams.length) * COL_W + 60;
    const height = PAD * 2 + legendH + HEAD_H + Math.max(1, matrix.types.length) * ROW_H;
    const top = PAD + legendH + HEAD_H;
    const out: string[] = [];
    out.push(`<circle class="cell-yes" cx="${PAD + 6}" cy="${PAD + 10}" r="6"/><text class="muted" x="${PAD + 18}" y="${PAD + 14}">may decide</text>`);
    out.push(`<circle class="cell-escalation" cx="${PAD + 110}" cy="${PAD + 10}" r="8"/><text class="muted" x="${PAD + 124}" y="${PAD + 14}">escalation goes here</text>`);
    out.push(`<text class="muted" x="${PAD + 260}" y="${PAD + 14}">numbers: decision records of that type the team owns</text>`);
    matrix.teams.forEach((team, column) => {
        const x = PAD + TYPE_W + column * COL_W + COL_W / 2;
        out.push(
            `<g class="card kind-team" data-id="${esc(team.id)}"><title>${esc(`${team.title ?? team.name}\nteam ${team.name} · ${team.detail}`)}</title>` +
                `<text transform="translate(${x + 4},${top - 8}) rotate(-55)">${esc(clip(team.name, 20))} <tspan class="muted">${esc(team.detail)}</tspan></text></g>`
        );
        out.push(`<line class="grid" x1="${PAD + TYPE_W + column * COL_W}" y1="${top}" x2="${PAD + TYPE_W + column * COL_W}" y2="${top + matrix.types.length * ROW_H}"/>`);
    });
    matrix.types.forEach((type, row) => {
        const y = top + row * ROW_H;
        out.push(`<line class="grid" x1="${PAD}" y1="${y}" x2="${PAD + TYPE_W + matrix.teams.length * COL_W}" y2="${y}"/>`);
        out.push(
            `<g class="card kind-authority" data-id="${esc(type.id)}"><title>${esc(`${type.title ?? type.name}\n${type.detail}`)}</title>` +
                `<text class="title" x="${PAD}" y="${y + 17}">${esc(clip(type.title ?? type.name, 44))}</text>` +
                `<text class="muted" x="${PAD}" y="${y + 32}">${esc(clip(type.detail, 52))}</text></g>`
        );
        matrix.teams.forEach((team, column) => {
            const cell = matrix.cells[row][column];
            const cx = PAD + TYPE_W + column * COL_W + COL_W / 2,
                cy = y + ROW_H / 2;
            const tip = `${team.name} ${cell.decides === 'yes' ? 'may decide' : cell.decides === 'unknown' ? 'has no level written' : 'escalates'} ${type.title ?? type.name}${cell.escalation ? '; escalations go to it' : ''}${cell.decisions ? `; ${cell.decisions} decision${cell.decisions === 1 ? '' : 's'}` : ''}`;
            out.push(`<g><title>${esc(tip)}</title>`);
            if (cell.escalation) out.push(`<circle class="cell-escalation" cx="${cx}" cy="${cy}" r="11"/>`);
            if (cell.decides === 'yes') out.push(`<circle class="cell-yes" cx="${cx}" cy="${cy}" r="7"/>`);
            if (cell.decides === 'unknown') out.push(`<circle class="cell-unknown" cx="${cx}" cy="${cy}" r="6"/>`);
            if (cell.decisions)
                out.push(`<text class="count${cell.decides === 'yes' ? ' count-on-yes' : ''}" x="${cx}" y="${cy + 3.5}" text-anchor="middle">${cell.decisions}</text>`);
            out.push('</g>');
        });
    });
    if (matrix.types.length)
        out.push(
            `<line class="grid" x1="${PAD}" y1="${top + matrix.types.length * ROW_H}" x2="${PAD + TYPE_W + matrix.teams.length * COL_W}" y2="${top + matrix.types.length * ROW_H}"/>`
        );
    const body = matrix.types.length
        ? out.join('')
        : `<text class="muted" x="${PAD}" y="${PAD + 20}">No decision rights yet: write authority Name "Type of decision" { decided by level team }.</text>`;
    return (
        `<svg xmlns="http://www.w3.org/2000/svg" class="eos-autonomy" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Decision rights matrix">` +
        `<rect class="bg" width="${width}" height="${height}"/>${body}</svg>`
    );
}
