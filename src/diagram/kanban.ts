/**
 * The Portfolio Kanban: initiatives as cards in status columns, one swimlane per value stream,
 * with the lane's WIP (its `doing` cards) against the stream's limit. Pure; stalled cards are the
 * ones the `stalled-initiative` rule reported, so the board and the diagnostics always agree.
 */
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { Issue } from '../language/validation/issue.js';
import type { Range } from 'vscode-languageserver-types';
import { compareElements, indexIssues, type DiagramIssue, type SeverityOf } from './graph.js';
import { KANBAN_STATUSES } from '../language/model/vocabulary.js';

/** The columns are the initiative statuses, in the grammar's order. */
export const KANBAN_COLUMNS = KANBAN_STATUSES;
export type KanbanColumn = (typeof KANBAN_COLUMNS)[number];

export interface KanbanCard {
    /** Same id as the initiative's node in the tree. */
    id: string;
    name: string;
    title?: string;
    /** The status as written; a card without one waits in the funnel. */
    status?: string;
    bet?: string;
    owner?: string;
    updated?: string;
    stalled: boolean;
    issues: DiagramIssue[];
    uri: string;
    nameRange: Range;
}

export interface KanbanLane {
    /** The stream's name; undefined for initiatives in no (or an unknown) stream. */
    stream?: string;
    title?: string;
    wip?: number;
    /** Cards in `doing`: what the WIP limit counts. */
    doing: number;
    exceeded: boolean;
    cells: Record<KanbanColumn, KanbanCard[]>;
}

export interface KanbanBoard {
    columns: readonly KanbanColumn[];
    lanes: KanbanLane[];
    cards: number;
}

export function buildKanban(model: WorkspaceModel, issues: Iterable<Issue>, severityOf: SeverityOf): KanbanBoard {
    const issuesAt = indexIssues(issues, severityOf);
    const emptyCells = () => Object.fromEntries(KANBAN_COLUMNS.map(column => [column, []])) as unknown as Record<KanbanColumn, KanbanCard[]>;
    const lanes = new Map<string | undefined, KanbanLane>();
    for (const stream of model.ofKind('stream').sort(compareElements)) {
        if (lanes.has(stream.name)) continue;
        lanes.set(stream.name, {
            stream: stream.name,
            doing: 0,
            exceeded: false,
            cells: emptyCells(),
            ...(stream.title ? { title: stream.title } : {}),
            ...(stream.wip !== undefined ? { wip: stream.wip } : {})
        });
    }
    const initiatives = model.ofKind('initiative').sort(compareElements);
    const seen = new Map<string, number>();
    for (const initiative of initiatives) {
        const stream = model.target(initiative, 'stream')?.name;
        let lane = lanes.get(stream);
        if (!lane) lanes.set(undefined, (lane = { title: 'No value stream', doing: 0, exceeded: false, cells: emptyCells() }));
        const found = issuesAt(initiative);
        const n = (seen.get(initiative.name) ?? 0) + 1;
        seen.set(initiative.name, n);
        const card: KanbanCard = {
            id: `initiative:${initiative.name}${n > 1 ? `#${n}` : ''}`,
            name: initiative.name,
            stalled: found.some(issue => issue.code === 'stalled-initiative'),
            issues: found,
            uri: initiative.uri,
            nameRange: initiative.nameRange
        };
        if (initiative.title) card.title = initiative.title;
        if (initiative.status) card.status = initiative.status;
        if (initiative.updated) card.updated = initiative.updated;
        const bet = model.target(initiative, 'bet')?.name;
        if (bet) card.bet = bet;
        const owner = model.target(initiative, 'owner')?.name;
        if (owner) card.owner = owner;
        const column = (KANBAN_COLUMNS as readonly string[]).includes(initiative.status ?? '') ? (initiative.status as KanbanColumn) : 'funnel';
        lane.cells[column].push(card);
        if (column === 'doing') lane.doing++;
    }
    for (const lane of lanes.values()) lane.exceeded = lane.wip !== undefined && lane.doing > lane.wip;
    // The "no stream" lane goes last, whenever it was created.
    const ordered = [...lanes.values()].sort((a, b) => Number(a.stream === undefined) - Number(b.stream === undefined));
    return { columns: KANBAN_COLUMNS, lanes: ordered, cards: initiatives.length };
}
