/**
 * Flow on the Portfolio Kanban: how long work takes and where it waits, from the initiatives'
 * dates. Pure: the board, the Markdown report and the tests read the same figures.
 *
 * - **Age** of a `doing` card: days from `started` to today (no `started`, no age).
 * - **Finish** of a `done` or `stopped` card: `finished`, else its `updated` date (inferred: the
 *   last time a finished card moved is when it finished).
 * - **Cycle time**: finish − `started`, for finished cards with both dates; per stream, the median.
 * - **Ageing**: a `doing` card older than the stream's median cycle time (or, with fewer than three
 *   finished cards to measure, than `stalledAfterDays`) is ageing; older than twice that, old.
 * - **Throughput**: finished cards per calendar quarter of their finish date.
 * - **Waiting**: for every open card (not done or stopped), days since its `updated` date; the
 *   column whose cards have waited longest on average is where flow is blocked.
 */
import type { KanbanStatus } from '../language/generated/ast.js';
import { parseDate } from '../language/model/dates.js';
import type { StrategyElement } from '../language/model/elements.js';
import { isoDay } from '../language/model/periods.js';

export type Ageing = 'fresh' | 'ageing' | 'old';

export interface CardFlow {
    ageDays?: number;
    ageing?: Ageing;
    cycleDays?: number;
    /** The finish date used, and whether it was inferred from `updated`. */
    finished?: { date: string; inferred: boolean };
    /** Days since `updated`, for open cards. */
    waitingDays?: number;
}

export interface LaneFlow {
    medianCycleDays?: number;
    /** Finished cards with a cycle time, the basis of the median. */
    measured: number;
    /** Finished cards per quarter, oldest first (`2026-Q1: 2`). */
    throughput: Array<{ period: string; count: number }>;
    /** The age from which a doing card counts as ageing, and what it is based on. */
    ageingAfterDays: number;
    ageingBasis: 'median cycle time' | 'stalledAfterDays';
}

const FINISHED: ReadonlySet<string> = new Set<KanbanStatus>(['done', 'stopped']);

export function finishOf(initiative: StrategyElement): { date: string; inferred: boolean } | undefined {
    if (!FINISHED.has(initiative.status ?? '')) return undefined;
    if (initiative.finished && parseDate(initiative.finished) !== undefined) return { date: initiative.finished, inferred: false };
    if (initiative.updated && parseDate(initiative.updated) !== undefined) return { date: initiative.updated, inferred: true };
    return undefined;
}

export function cycleDaysOf(initiative: StrategyElement): number | undefined {
    const finish = finishOf(initiative);
    const started = initiative.started ? parseDate(initiative.started) : undefined;
    if (!finish || started === undefined) return undefined;
    const days = parseDate(finish.date)! - started;
    return days >= 0 ? days : undefined;
}

export function median(values: readonly number[]): number | undefined {
    if (!values.length) return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

export function quarterOf(day: number): string {
    const iso = isoDay(day);
    return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The flow of one stream's initiatives at `today` (days since the epoch). */
export function laneFlow(initiatives: readonly StrategyElement[], today: number, stalledAfterDays: number): LaneFlow {
    const cycles = initiatives.map(cycleDaysOf).filter((days): days is number => days !== undefined);
    const medianCycleDays = cycles.length ? median(cycles) : undefined;
    const byQuarter = new Map<string, number>();
    for (const initiative of initiatives) {
        const finish = finishOf(initiative);
        if (!finish) continue;
        const quarter = quarterOf(parseDate(finish.date)!);
        byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + 1);
    }
    const throughput = [...byQuarter].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([period, count]) => ({ period, count }));
    const useMedian = cycles.length >= 3 && medianCycleDays !== undefined && medianCycleDays > 0;
    void today;
    return {
        ...(medianCycleDays !== undefined ? { medianCycleDays } : {}),
        measured: cycles.length,
        throughput,
        ageingAfterDays: useMedian ? medianCycleDays! : stalledAfterDays,
        ageingBasis: useMedian ? 'median cycle time' : 'stalledAfterDays'
    };
}

/** One card's flow figures within its lane. */
export function cardFlow(initiative: StrategyElement, lane: LaneFlow, today: number): CardFlow {
    const flow: CardFlow = {};
    const started = initiative.started ? parseDate(initiative.started) : undefined;
    if (initiative.status === 'doing' && started !== undefined && started <= today) {
        flow.ageDays = today - started;
        flow.ageing = flow.ageDays > 2 * lane.ageingAfterDays ? 'old' : flow.ageDays > lane.ageingAfterDays ? 'ageing' : 'fresh';
    }
    const finish = finishOf(initiative);
    if (finish) flow.finished = finish;
    const cycle = cycleDaysOf(initiative);
    if (cycle !== undefined) flow.cycleDays = cycle;
    const updated = initiative.updated ? parseDate(initiative.updated) : undefined;
    if (!FINISHED.has(initiative.status ?? '') && updated !== undefined && updated <= today) flow.waitingDays = today - updated;
    return flow;
}

/**
 * Throughput of the last `count` quarters up to today's, quarters without a finish included as 0
 * (a quarter that finished nothing is the signal), never before the first finish.
 */
export function recentThroughput(lane: LaneFlow, today: number, count = 4): Array<{ period: string; count: number }> {
    const byPeriod = new Map(lane.throughput.map(entry => [entry.period, entry.count]));
    const first = lane.throughput[0]?.period;
    if (!first) return [];
    const periods: string[] = [];
    let [year, quarter] = quarterOf(today).split('-Q').map(Number);
    while (periods.length < count) {
        const period = `${year}-Q${quarter}`;
        if (period < first) break;
        periods.unshift(period);
        if (--quarter === 0) [year, quarter] = [year - 1, 4];
    }
    return periods.map(period => ({ period, count: byPeriod.get(period) ?? 0 }));
}

export interface Waiting<Column extends string> {
    column: Column;
    /** Average days since `updated` of the column's open cards that have the date. */
    averageDays: number;
    /** How many cards the average is over. */
    cards: number;
}

/**
 * The open column whose dated cards have waited longest on average. Needs two columns with dated
 * cards: with one, "longest" compares nothing. On a tie the later column wins (nearer done).
 */
export function longestWait<Column extends string>(columns: ReadonlyArray<{ column: Column; waitingDays: ReadonlyArray<number | undefined> }>): Waiting<Column> | undefined {
    const measured = columns
        .map(({ column, waitingDays }) => ({ column, days: waitingDays.filter((days): days is number => days !== undefined) }))
        .filter(entry => entry.days.length > 0)
        .map(entry => ({ column: entry.column, cards: entry.days.length, averageDays: Math.round(entry.days.reduce((sum, days) => sum + days, 0) / entry.days.length) }));
    if (measured.length < 2) return undefined;
    return measured.reduce((best, next) => (next.averageDays >= best.averageDays ? next : best));
}
