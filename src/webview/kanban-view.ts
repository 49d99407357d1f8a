/**
 * The Portfolio Kanban as HTML: a grid of status columns × value-stream lanes. Pure (a string
 * from the board), so tests can check the escaping; every user string goes through escapeXml.
 * Made for a side panel as much as a full editor: a folded column is a narrow strip with its name
 * and count (empty columns start folded), the stream column stays in view while the board
 * scrolls sideways, and card titles wrap in full.
 */
import type { KanbanBoard, KanbanCard, KanbanLane } from '../diagram/kanban.js';
import { escapeXml as esc } from '../diagram/svg.js';

export interface KanbanViewOptions {
    /** Columns the user folded (`folded`) or unfolded (`open`); the rest: folded when empty. */
    columns?: Readonly<Record<string, 'open' | 'folded'>>;
}

/** Whether a column shows as a narrow strip: as the user chose, else when it holds no card. */
export function isColumnFolded(board: KanbanBoard, column: KanbanBoard['columns'][number], options: KanbanViewOptions = {}): boolean {
    const choice = options.columns?.[column];
    return choice ? choice === 'folded' : columnCount(board, column) === 0;
}

function columnCount(board: KanbanBoard, column: KanbanBoard['columns'][number]): number {
    return board.lanes.reduce((sum, lane) => sum + lane.cells[column].length, 0);
}

export function renderKanbanHtml(board: KanbanBoard, options: KanbanViewOptions = {}): string {
    if (!board.cards) return '<p class="empty">No initiatives yet: write one with <code>initiative Name "Title" { status doing }</code>.</p>';
    const out: string[] = ['<div class="board" role="table" aria-label="Portfolio Kanban">'];
    out.push('<div class="corner" role="columnheader">Value stream</div>');
    const folded = new Set(board.columns.filter(column => isColumnFolded(board, column, options)));
    for (const column of board.columns) {
        const count = columnCount(board, column);
        const isFolded = folded.has(column);
        const action = isFolded ? 'show' : 'fold';
        out.push(
            `<button type="button" class="col-head col-${column}${isFolded ? ' folded' : ''}" role="columnheader" data-column="${esc(column)}" aria-expanded="${!isFolded}"` +
                ` title="${esc(`${column}: ${count} initiative${count === 1 ? '' : 's'} — click to ${action} the column`)}">` +
                `<span class="col-name">${esc(column)}</span> <span class="count">${count}</span></button>`
        );
    }
    for (const lane of board.lanes) {
        out.push(laneHead(lane));
        for (const column of board.columns) {
            const cards = lane.cells[column];
            const wipCell = column === 'doing' && lane.exceeded ? ' exceeded' : '';
            if (folded.has(column)) {
                // A folded column keeps its count per lane, so nothing is hidden without a trace.
                out.push(
                    `<div class="cell col-${column}${wipCell} folded" role="cell">${cards.length ? `<span class="folded-count" title="${esc(`${cards.length} in ${column}`)}">${cards.length}</span>` : ''}</div>`
                );
                continue;
            }
            out.push(`<div class="cell col-${column}${wipCell}" role="cell">${cards.map(renderCard).join('')}</div>`);
        }
    }
    out.push('</div>');
    return out.join('');
}

function laneHead(lane: KanbanLane): string {
    const name = lane.stream ?? '';
    const wip = lane.wip !== undefined ? `WIP ${lane.doing} / ${lane.wip}` : `WIP ${lane.doing}`;
    const title = lane.exceeded ? `${lane.doing} doing, limit ${lane.wip ?? ''}: finish work before starting more` : wip;
    return (
        `<div class="lane-head${lane.exceeded ? ' exceeded' : ''}${lane.stream ? '' : ' no-stream'}" role="rowheader" title="${esc(title)}">` +
        `<div class="lane-title">${esc(lane.title ?? name)}</div>` +
        (lane.stream ? `<div class="lane-name">${esc(name)}</div>` : '') +
        `<div class="wip">${esc(wip)}${lane.exceeded ? ' — over limit' : ''}</div></div>`
    );
}

function renderCard(card: KanbanCard): string {
    const tooltip = [card.title ?? card.name, `initiative ${card.name}${card.status ? ` · ${card.status}` : ' · no status'}`]
        .concat(card.updated ? [`updated ${card.updated}`] : [])
        .concat(card.issues.map(issue => `${issue.severity} ${issue.code}: ${issue.message}`))
        .join('\n');
    const classes = ['card'];
    if (card.stalled) classes.push('stalled');
    if (card.issues.length) classes.push('has-issues');
    return (
        `<button type="button" class="${classes.join(' ')}" data-id="${esc(card.id)}" title="${esc(tooltip)}">` +
        `<span class="card-title">${esc(card.title ?? card.name)}</span>` +
        `<span class="card-meta">${esc([card.name, card.owner].filter(Boolean).join(' · '))}</span>` +
        (card.bet ? `<span class="card-bet">bet ${esc(card.bet)}</span>` : '<span class="card-bet orphan">no bet</span>') +
        (card.stalled ? '<span class="flag">stalled</span>' : '') +
        (!card.status ? '<span class="flag muted">no status</span>' : '') +
        '</button>'
    );
}
