/**
 * The Portfolio Kanban: the editor's board (same data, from buildKanban) with each card a link
 * to its initiative's page.
 */
import type { KanbanCard, KanbanLane } from '../../diagram/kanban.js';
import { esc } from '../html.js';
import type { Page } from '../page.js';
import { PAGES, type SiteContext } from '../site-context.js';

export function kanbanPage(context: SiteContext): Page {
    const path = PAGES.kanban;
    const board = context.kanban;
    const model = context.input.model;
    const card = (c: KanbanCard) => {
        const initiative = model.get('initiative', c.name);
        const href = initiative && context.pathOf(initiative) ? context.links.href(path, context.pathOf(initiative)!) : undefined;
        const tooltip = [c.title ?? c.name, `initiative ${c.name}${c.status ? ` · ${c.status}` : ' · no status'}`]
            .concat(c.updated ? [`updated ${c.updated}`] : [])
            .concat(c.issues.map(issue => `${issue.severity} ${issue.code}: ${issue.message}`))
            .join('\n');
        const classes = ['card', ...(c.stalled ? ['stalled'] : []), ...(c.issues.length ? ['has-issues'] : [])];
        const tag = href ? `a href="${esc(href)}"` : 'div';
        return (
            `<${tag} class="${classes.join(' ')}" data-id="${esc(c.id)}" title="${esc(tooltip)}">` +
            `<span class="card-title">${esc(c.title ?? c.name)}</span>` +
            `<span class="card-meta">${esc([c.name, c.owner].filter(Boolean).join(' · '))}</span>` +
            (c.bet ? `<span class="card-bet">bet ${esc(c.bet)}</span>` : '<span class="card-bet orphan">no bet</span>') +
            (c.stalled ? '<span class="flag">stalled</span>' : '') +
            (!c.status ? '<span class="flag muted">no status</span>' : '') +
            (href ? '</a>' : '</div>')
        );
    };
    const laneHead = (lane: KanbanLane) => {
        const stream = lane.stream ? model.get('stream', lane.stream) : undefined;
        const wip = lane.wip !== undefined ? `WIP ${lane.doing} / ${lane.wip}` : `WIP ${lane.doing}`;
        return (
            `<div class="lane-head${lane.exceeded ? ' exceeded' : ''}${lane.stream ? '' : ' no-stream'}" role="rowheader">` +
            `<div class="lane-title">${stream ? context.link(path, stream) : esc(lane.title ?? lane.stream ?? '')}</div>` +
            (lane.stream ? `<div class="lane-name">${esc(lane.stream)}</div>` : '') +
            `<div class="wip">${esc(wip)}${lane.exceeded ? ' — over the limit' : ''}</div></div>`
        );
    };
    let html: string;
    if (!board.cards) {
        html = '<p class="empty-note">No initiatives yet.</p>';
    } else {
        const out = ['<div class="board" role="table" aria-label="Portfolio Kanban"><div class="corner" role="columnheader">Value stream</div>'];
        for (const column of board.columns) {
            const count = board.lanes.reduce((sum, lane) => sum + lane.cells[column].length, 0);
            out.push(`<div class="col-head col-${column}" role="columnheader">${esc(column)} <span class="count">${count}</span></div>`);
        }
        for (const lane of board.lanes) {
            out.push(laneHead(lane));
            for (const column of board.columns) {
                out.push(`<div class="cell col-${column}${column === 'doing' && lane.exceeded ? ' exceeded' : ''}" role="cell">${lane.cells[column].map(card).join('')}</div>`);
            }
        }
        out.push('</div>');
        html = out.join('');
    }
    const body = `<header class="page-head"><h1>Portfolio Kanban</h1><p class="lead">Initiatives by status and value stream; work in progress against each stream's limit. ${board.cards} initiative${board.cards === 1 ? '' : 's'}.</p></header><div class="kanban">${html}</div>`;
    return { path, title: 'Portfolio Kanban', section: 'kanban', body, bodyClass: 'wide' };
}
