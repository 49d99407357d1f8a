/**
 * The Portfolio Kanban: initiatives as cards in status columns, one swimlane per value stream,
 * with the lane's WIP (its `doing` cards) against the stream's limit, and its flow (flow.ts): each
 * card's age or cycle time, the lane's median cycle time and throughput, and the column where its
 * cards wait longest. Pure; stalled cards are the ones the `stalled-initiative` rule reported, so
 * the board and the diagnostics always agree.
 */
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { Issue } from '../language/validation/issue.js';
import type { Range } from 'vscode-languageserver-types';
import { compareElements, indexIssues, type DiagramIssue, type SeverityOf } from './graph.js';
import { KANBAN_STATUSES } from '../language/model/vocabulary.js';
import type { StrategyElement } from '../language/model/elements.js';
import { parseDate } from '../language/model/dates.js';
import { cardFlow, laneFlow, longestWait, recentThroughput, type CardFlow, type LaneFlow, type Waiting } from './flow.js';
import type { ViewClock } from './view-clock.js';

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
    started?: string;
    /** Age (doing), cycle time (finished), days waiting (open): what the dates allow, nothing guessed. */
    flow: CardFlow;
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
    flow: LaneFlow & {
        /** The last four quarters up to today's (zeros included), from the first finish on. */
        recent: Array<{ period: string; count: number }>;
        /** The open column where the lane's cards wait longest; undefined when fewer than two columns have dated cards. */
        waiting?: Waiting<KanbanColumn>;
    };
}

export interface KanbanBoard {
    columns: readonly KanbanColumn[];
    lanes: KanbanLane[];
    cards: number;
    /** The date ages are measured at (`YYYY-MM-DD`); absent on the empty board of a failed build. */
    today?: string;
}

const OPEN_COLUMNS: readonly KanbanColumn[] = KANBAN_COLUMNS.filter(column => column !== 'done' && column !== 'stopped');

export function buildKanban(model: WorkspaceModel, issues: Iterable<Issue>, severityOf: SeverityOf, clock: ViewClock): KanbanBoard {
    const today = parseDate(clock.today) ?? Math.floor(Date.now() / 86_400_000);
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
            flow: NO_FLOW,
            ...(stream.title ? { title: stream.title } : {}),
            ...(stream.wip !== undefined ? { wip: stream.wip } : {})
        });
    }
    const initiatives = model.ofKind('initiative').sort(compareElements);
    const seen = new Map<string, number>();
    const elementOf = new Map<KanbanCard, StrategyElement>();
    for (const initiative of initiatives) {
        const stream = model.target(initiative, 'stream')?.name;
        let lane = lanes.get(stream);
        if (!lane) lanes.set(undefined, (lane = { title: 'No value stream', doing: 0, exceeded: false, cells: emptyCells(), flow: NO_FLOW }));
        const found = issuesAt(initiative);
        const n = (seen.get(initiative.name) ?? 0) + 1;
        seen.set(initiative.name, n);
        const card: KanbanCard = {
            id: `initiative:${initiative.name}${n > 1 ? `#${n}` : ''}`,
            name: initiative.name,
            flow: {},
            stalled: found.some(issue => issue.code === 'stalled-initiative'),
            issues: found,
            uri: initiative.uri,
            nameRange: initiative.nameRange
        };
        if (initiative.title) card.title = initiative.title;
        if (initiative.status) card.status = initiative.status;
        if (initiative.updated) card.updated = initiative.updated;
        if (initiative.started) card.started = initiative.started;
        elementOf.set(card, initiative);
        const bet = model.target(initiative, 'bet')?.name;
        if (bet) card.bet = bet;
        const owner = model.target(initiative, 'owner')?.name;
        if (owner) card.owner = owner;
        const column = (KANBAN_COLUMNS as readonly string[]).includes(initiative.status ?? '') ? (initiative.status as KanbanColumn) : 'funnel';
        lane.cells[column].push(card);
        if (column === 'doing') lane.doing++;
    }
    for (const lane of lanes.values()) {
        lane.exceeded = lane.wip !== undefined && lane.doing > lane.wip;
        const cards = KANBAN_COLUMNS.flatMap(column => lane.cells[column]);
        const flow = laneFlow(
            cards.map(card => elementOf.get(card)!),
            today,
            clock.stalledAfterDays
        );
        for (const card of cards) card.flow = cardFlow(elementOf.get(card)!, flow, today);
        const waiting = longestWait(OPEN_COLUMNS.map(column => ({ column, waitingDays: lane.cells[column].map(card => card.flow.waitingDays) })));
        lane.flow = { ...flow, recent: recentThroughput(flow, today), ...(waiting ? { waiting } : {}) };
    }
    // The "no stream" lane goes last, whenever it was created.
    const ordered = [...lanes.values()].sort((a, b) => Number(a.stream === undefined) - Number(b.stream === undefined));
    return { columns: KANBAN_COLUMNS, lanes: ordered, cards: initiatives.length, today: clock.today };
}

/** Placeholder until the lane's cards are all in (replaced for every lane before the board is returned). */
const NO_FLOW: KanbanLane['flow'] = { measured: 0, throughput: [], recent: [], ageingAfterDays: 0, ageingBasis: 'stalledAfterDays' };
