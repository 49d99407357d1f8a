/**
 * The Portfolio Kanban as HTML: a grid of status columns × value-stream lanes. Pure (a string
 * from the board), so tests can check the escaping; every user string goes through escapeXml.
 * The one renderer of the board: the preview's webview and the published site (`site` option:
 * cards and streams as links, no folding) both draw it here.
 * Made for a side panel as much as a full editor: a folded column is a narrow strip with its name
 * and count (empty columns start folded), the stream column stays in view while the board
 * scrolls sideways, and card titles wrap in full.
 *
 * It reads as flow, not status (diagram/flow.ts has the rules): a `doing` card shows its age and
 * whether it is fresh, ageing or old (a word and a marker, not only a colour); a finished card its
 * cycle time; each lane its median cycle time, throughput per quarter and WIP against the limit;
 * the cell where the lane's open cards wait longest is marked. A card without the dates says so.
 */
import type { KanbanBoard, KanbanCard, KanbanLane } from './kanban.js';
import { escapeXml as esc } from './svg.js';

export interface KanbanViewOptions {
    /** Columns the user folded (`folded`) or unfolded (`open`); the rest: folded when empty. */
    columns?: Readonly<Record<string, 'open' | 'folded'>>;
    /** The published site: cards link to their initiative's page, lane titles are links (already escaped HTML); nothing folds. */
    site?: {
        cardHref: (card: KanbanCard) => string | undefined;
        laneTitleHtml: (lane: KanbanLane) => string;
    };
}

/** Shape and word of each ageing state, so the state reads without colour too. */
export const AGEING_MARK = { fresh: '○', ageing: '◐', old: '●' } as const;
const WAIT_MARK = '⚑';

/** Whether a column shows as a narrow strip: as the user chose, else when it holds no card. */
export function isColumnFolded(board: KanbanBoard, column: KanbanBoard['columns'][number], options: KanbanViewOptions = {}): boolean {
    if (options.site) return false;
    const choice = options.columns?.[column];
    return choice ? choice === 'folded' : columnCount(board, column) === 0;
}

function columnCount(board: KanbanBoard, column: KanbanBoard['columns'][number]): number {
    return board.lanes.reduce((sum, lane) => sum + lane.cells[column].length, 0);
}

export function renderKanbanHtml(board: KanbanBoard, options: KanbanViewOptions = {}): string {
    if (!board.cards) {
        return options.site
            ? '<p class="empty-note">No initiatives yet.</p>'
            : '<p class="empty">No initiatives yet: write one with <code>initiative Name "Title" { status doing }</code>.</p>';
    }
    const out: string[] = ['<div class="board" role="table" aria-label="Portfolio Kanban">'];
    out.push('<div class="corner" role="columnheader">Value stream</div>');
    const folded = new Set(board.columns.filter(column => isColumnFolded(board, column, options)));
    for (const column of board.columns) {
        const count = columnCount(board, column);
        if (options.site) {
            out.push(`<div class="col-head col-${column}" role="columnheader"><span class="col-name">${esc(column)}</span> <span class="count">${count}</span></div>`);
            continue;
        }
        const isFolded = folded.has(column);
        const action = isFolded ? 'show' : 'fold';
        out.push(
            `<button type="button" class="col-head col-${column}${isFolded ? ' folded' : ''}" role="columnheader" data-column="${esc(column)}" aria-expanded="${!isFolded}"` +
                ` title="${esc(`${column}: ${count} initiative${count === 1 ? '' : 's'} — click to ${action} the column`)}">` +
                `<span class="col-name">${esc(column)}</span> <span class="count">${count}</span></button>`
        );
    }
    for (const lane of board.lanes) {
        out.push(laneHead(lane, options));
        for (const column of board.columns) {
            const cards = lane.cells[column];
            const classes = ['cell', `col-${column}`];
            if (column === 'doing' && lane.exceeded) classes.push('exceeded');
            const waits = lane.flow.waiting?.column === column;
            if (waits) classes.push('waiting');
            if (folded.has(column)) {
                // A folded column keeps its count per lane, so nothing is hidden without a trace.
                const note = `${cards.length} in ${column}${waits ? ` — the lane's cards wait longest here (avg ${days(lane.flow.waiting!.averageDays)})` : ''}`;
                out.push(
                    `<div class="${classes.join(' ')} folded" role="cell">${cards.length ? `<span class="folded-count" title="${esc(note)}">${cards.length}${waits ? ` ${WAIT_MARK}` : ''}</span>` : ''}</div>`
                );
                continue;
            }
            const waitNote = waits
                ? `<div class="wait-note" title="${esc(`Open cards here were last updated ${days(lane.flow.waiting!.averageDays)} ago on average (${lane.flow.waiting!.cards} card${lane.flow.waiting!.cards === 1 ? '' : 's'}): longer than in any other column of this stream.`)}">${WAIT_MARK} waits longest · avg ${esc(days(lane.flow.waiting!.averageDays))}</div>`
                : '';
            out.push(`<div class="${classes.join(' ')}" role="cell">${waitNote}${cards.map(card => renderCard(card, lane, options)).join('')}</div>`);
        }
    }
    out.push('</div>');
    // Below the board: above it, the key would push the lanes down in a side panel.
    out.push(flowLegend(board));
    return out.join('');
}

/** One short line under the board: the date ages count at, and the marks; the tooltip explains. */
function flowLegend(board: KanbanBoard): string {
    const at = board.today ? `Ages on ${esc(board.today)}` : 'Ages';
    const explained =
        "A doing card is ageing when older than its stream's median cycle time (stalledAfterDays until three cards are finished), old when older than twice that. " +
        'Cycle time: started → finished (else updated). ⚑ marks the column where a stream’s open cards have waited longest since their last update.';
    return (
        `<p class="flow-legend" title="${esc(explained)}">${at}: ` +
        `${(['fresh', 'ageing', 'old'] as const).map(state => `<span class="age age-${state}">${mark(state)} ${state}</span>`).join(' ')} · ${WAIT_MARK} waits longest</p>`
    );
}

function mark(state: keyof typeof AGEING_MARK): string {
    return `<span class="mark" aria-hidden="true">${AGEING_MARK[state]}</span>`;
}

function days(n: number): string {
    return `${n} day${n === 1 ? '' : 's'}`;
}

function laneHead(lane: KanbanLane, options: KanbanViewOptions): string {
    const name = lane.stream ?? '';
    const wip = lane.wip !== undefined ? `WIP ${lane.doing} / ${lane.wip}` : `WIP ${lane.doing}`;
    const { flow } = lane;
    const cycle = flow.medianCycleDays !== undefined ? `Median cycle ${days(flow.medianCycleDays)} (${flow.measured} finished)` : 'No cycle time yet';
    const throughput = flow.recent.length ? `Finished per quarter: ${flow.recent.map(entry => `${entry.period} ${entry.count}`).join(' · ')}` : 'Nothing finished yet';
    const ageing = `Ageing after ${days(flow.ageingAfterDays)} (${flow.ageingBasis})`;
    const waiting = flow.waiting ? `${WAIT_MARK} Waits longest in ${flow.waiting.column} (avg ${days(flow.waiting.averageDays)})` : undefined;
    const title = [
        lane.exceeded ? `${lane.doing} doing, limit ${lane.wip ?? ''}: finish work before starting more` : wip,
        cycle,
        throughput,
        ageing,
        ...(waiting ? [waiting] : [])
    ].join('\n');
    const titleHtml = options.site ? options.site.laneTitleHtml(lane) : esc(lane.title ?? name);
    return (
        `<div class="lane-head${lane.exceeded ? ' exceeded' : ''}${lane.stream ? '' : ' no-stream'}" role="rowheader" title="${esc(title)}">` +
        `<div class="lane-title">${titleHtml}</div>` +
        (lane.stream ? `<div class="lane-name">${esc(name)}</div>` : '') +
        `<div class="wip">${esc(wip)}${lane.exceeded ? ' — over limit' : ''}</div>` +
        `<div class="lane-flow"><div class="cycle-time">${esc(cycle)}</div><div class="throughput">${esc(throughput)}</div>` +
        (waiting ? `<div class="waits">${esc(waiting)}</div>` : '') +
        '</div></div>'
    );
}

/** The card's flow line: age (doing), cycle time (finished), or why there is none. */
function flowLine(card: KanbanCard): { html: string; tooltip: string[]; classes: string[] } {
    const { flow } = card;
    const tooltip: string[] = [];
    if (card.started) tooltip.push(`started ${card.started}`);
    if (flow.finished) tooltip.push(`finished ${flow.finished.date}${flow.finished.inferred ? ' (inferred from updated: no finished date)' : ''}`);
    if (flow.waitingDays !== undefined) tooltip.push(`waiting ${days(flow.waitingDays)} since its last update`);
    if (card.status === 'doing') {
        if (flow.ageDays !== undefined && flow.ageing) {
            tooltip.push(`${days(flow.ageDays)} in progress: ${flow.ageing}`);
            return {
                html: `<span class="age age-${flow.ageing}">${mark(flow.ageing)} ${esc(days(flow.ageDays))} · ${flow.ageing}</span>`,
                tooltip,
                classes: [`ageing-${flow.ageing}`]
            };
        }
        const why = !card.started ? 'no started date' : `started ${card.started} is not before today`;
        tooltip.push(`age unknown: ${why}`);
        return { html: `<span class="age age-unknown">age unknown: ${esc(why)}</span>`, tooltip, classes: ['age-unknown'] };
    }
    if (card.status === 'done' || card.status === 'stopped') {
        if (flow.cycleDays !== undefined) {
            tooltip.push(`cycle time ${days(flow.cycleDays)}`);
            return { html: `<span class="cycle">cycle ${esc(days(flow.cycleDays))}${flow.finished?.inferred ? ' (finish: updated)' : ''}</span>`, tooltip, classes: [] };
        }
        const why = !flow.finished ? 'no finished date' : 'no started date';
        tooltip.push(`no cycle time: ${why}`);
        return { html: `<span class="cycle unknown">no cycle time: ${why}</span>`, tooltip, classes: [] };
    }
    return { html: '', tooltip, classes: [] };
}

function renderCard(card: KanbanCard, lane: KanbanLane, options: KanbanViewOptions): string {
    const line = flowLine(card);
    const tooltip = [card.title ?? card.name, `initiative ${card.name}${card.status ? ` · ${card.status}` : ' · no status'}`]
        .concat(card.updated ? [`updated ${card.updated}`] : [])
        .concat(line.tooltip)
        .concat(card.status === 'doing' ? [`ageing after ${days(lane.flow.ageingAfterDays)} (${lane.flow.ageingBasis}), old after ${days(2 * lane.flow.ageingAfterDays)}`] : [])
        .concat(card.issues.map(issue => `${issue.severity} ${issue.code}: ${issue.message}`))
        .join('\n');
    const classes = ['card', ...line.classes];
    if (card.stalled) classes.push('stalled');
    if (card.issues.length) classes.push('has-issues');
    const href = options.site?.cardHref(card);
    const open = options.site ? (href ? `<a href="${esc(href)}"` : '<div') : '<button type="button"';
    const close = options.site ? (href ? '</a>' : '</div>') : '</button>';
    return (
        `${open} class="${classes.join(' ')}" data-id="${esc(card.id)}" title="${esc(tooltip)}">` +
        `<span class="card-title">${esc(card.title ?? card.name)}</span>` +
        `<span class="card-meta">${esc([card.name, card.owner].filter(Boolean).join(' · '))}</span>` +
        (card.bet ? `<span class="card-bet">bet ${esc(card.bet)}</span>` : '<span class="card-bet orphan">no bet</span>') +
        line.html +
        (card.stalled ? '<span class="flag">stalled</span>' : '') +
        (!card.status ? '<span class="flag muted">no status</span>' : '') +
        close
    );
}
