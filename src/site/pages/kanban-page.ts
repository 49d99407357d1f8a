/**
 * The Portfolio Kanban: the editor's board, drawn by the editor's renderer (same data from
 * buildKanban, same HTML from renderKanbanHtml) with each card a link to its initiative's page.
 */
import { renderKanbanHtml } from '../../diagram/kanban-html.js';
import { esc } from '../html.js';
import type { Page } from '../page.js';
import { PAGES, type SiteContext } from '../site-context.js';

export function kanbanPage(context: SiteContext): Page {
    const path = PAGES.kanban;
    const board = context.kanban;
    const model = context.input.model;
    const html = renderKanbanHtml(board, {
        site: {
            cardHref: card => {
                const initiative = model.get('initiative', card.name);
                const to = initiative ? context.pathOf(initiative) : undefined;
                return to ? context.links.href(path, to) : undefined;
            },
            laneTitleHtml: lane => {
                const stream = lane.stream ? model.get('stream', lane.stream) : undefined;
                return stream ? context.link(path, stream) : esc(lane.title ?? lane.stream ?? '');
            }
        }
    });
    const body = `<header class="page-head"><h1>Portfolio Kanban</h1><p class="lead">Initiatives by status and value stream; work in progress against each stream's limit, how long work takes and where it waits. ${board.cards} initiative${board.cards === 1 ? '' : 's'}.</p></header><div class="kanban">${html}</div>`;
    return { path, title: 'Portfolio Kanban', section: 'kanban', body, bodyClass: 'wide' };
}
