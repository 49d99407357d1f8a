/**
 * A key result over time: its check-ins, its current reading, where it is heading by the end of
 * its period, and its grade once the period is over. Pure functions of the workspace model and a
 * date, shared by the forecast rules, hovers, code lenses, the preview and the period report.
 *
 * - **What wins.** The latest check-in (by date; on the same date the one written last) is the
 *   key result's current value. A `current` written on the `kr` line counts only while there is
 *   no check-in: it is an undated reading.
 * - **Projection.** A straight line fitted (least squares) through the baseline on the period's
 *   first day and every check-in, read at the period's last day. It needs two check-ins: one
 *   reading against the baseline is a point, not a trend.
 * - **Lag.** The progress at the latest check-in against the part of the period gone on that
 *   check-in's date, in percentage points.
 * - **Grade.** Once the period has ended: the progress of the final reading, clamped to 0.0–1.0.
 *   Falling targets (`from 26 to 10 minutes`) count the same way (progress is the share of the
 *   distance from baseline to target travelled). A measurable key result with no reading at all
 *   scores 0.0 (nothing was shown to move); one without `from … to …` is not graded.
 */
import type { CheckInEntry, MeasureValue, StrategyElement } from './elements.js';
import { parseDate } from './dates.js';
import { elapsedFraction, periodState, readPeriod, type Period, type PeriodState, type YearStart } from './periods.js';
import { describeProgress, formatPercent, krProgressDetail, type KeyResultFigures, type ProgressResult } from './progress.js';
import type { WorkspaceModel } from './workspace-model.js';

/** The date and calendar the loop measures against. */
export interface LoopClock {
    /** Today, in days since the epoch. */
    today: number;
    yearStart?: YearStart;
}

export function clockOf(options: { today: string; yearStart?: YearStart }): LoopClock {
    return { today: parseDate(options.today) ?? Math.floor(Date.now() / 86_400_000), ...(options.yearStart ? { yearStart: options.yearStart } : {}) };
}

export interface Reading {
    value: MeasureValue;
    /** Undefined for a `current` written without a date. */
    date?: string;
    from: 'check-in' | 'current';
    checkIn?: CheckInEntry;
}

/** The check-ins of a key result, oldest first, each in the key result's unit where it states none. */
export function checkInsOf(model: WorkspaceModel, kr: StrategyElement): readonly CheckInEntry[] {
    return model.checkInsOf(kr);
}

/** A check-in's value, in the key result's unit (the model reads it so: see `WorkspaceModel.checkInsOf`). */
export function valueOf(_kr: StrategyElement, entry: CheckInEntry): MeasureValue {
    return entry.value;
}

/**
 * THE current value of a key result, for every view (hover, lens, preview, export, report, site,
 * MCP, rules): its latest readable check-in by date, else the `current` written on its `kr` line.
 * Undefined when neither is written.
 */
export function effectiveReading(model: WorkspaceModel, kr: StrategyElement): Reading | undefined {
    const checkIns = checkInsOf(model, kr);
    const last = checkIns[checkIns.length - 1];
    if (last) return { value: last.value, date: last.date, from: 'check-in', checkIn: last };
    return kr.currentWritten ? { value: kr.currentWritten, from: 'current' } : undefined;
}

/**
 * The current value in words, saying where it comes from and, when both are written, which wins:
 * `60% (check-in 2026-02-28; it supersedes \`current 52%\` on the kr line)`.
 */
export function describeCurrent(model: WorkspaceModel, kr: StrategyElement): string {
    const reading = effectiveReading(model, kr);
    if (!reading) return 'no reading yet';
    if (reading.from === 'current') return `${reading.value.text} (\`current\` on the kr line; no check-in yet)`;
    const superseded = kr.currentWritten ? `; the latest check-in wins over \`current ${kr.currentWritten.text}\` on the kr line` : '';
    return `${reading.value.text} (check-in ${reading.date}${superseded})`;
}

/** A key result's figures with its effective current value, for the progress functions. */
export function effectiveFigures(model: WorkspaceModel, kr: StrategyElement): KeyResultFigures {
    return { baseline: kr.baseline, target: kr.target, change: kr.change, current: effectiveReading(model, kr)?.value };
}

/** Progress of a key result at a given value. */
export function progressAtValue(kr: StrategyElement, value: MeasureValue | undefined): ProgressResult {
    return krProgressDetail({ baseline: kr.baseline, target: kr.target, current: value });
}

/** Progress now: from the effective reading (so a check-in in another file moves the bar). */
export function currentProgress(model: WorkspaceModel, kr: StrategyElement): ProgressResult {
    return progressAtValue(kr, effectiveReading(model, kr)?.value);
}

/** Progress now, clamped to 0..1; undefined when it cannot be computed. */
export function progressNow(model: WorkspaceModel, kr: StrategyElement): number | undefined {
    const result = currentProgress(model, kr);
    return result.kind === 'progress' ? result.value : undefined;
}

/** The progress of a key result in one sentence, from its effective reading. */
export function describeProgressNow(model: WorkspaceModel, kr: StrategyElement): string {
    return describeProgress(effectiveFigures(model, kr));
}

/** The period of a key result's (or an OKR's) objective, read with its dates; undefined if none or unreadable. */
export function periodOf(model: WorkspaceModel, element: StrategyElement, clock: LoopClock): Period | undefined {
    const okr = model.okrOf(element);
    if (!okr?.period) return undefined;
    return readPeriod(okr.period, clock.yearStart).period;
}

export interface Projection {
    /** The value the trend reaches on the period's last day. */
    value: number;
    /** Its progress, unclamped. */
    progress: number;
    /** How many check-ins the line is fitted to. */
    checkIns: number;
}

export interface Forecast {
    period: Period;
    state: PeriodState;
    /** Part of the period gone today, 0..1. */
    elapsed: number;
    checkIns: readonly CheckInEntry[];
    /** Progress at the latest check-in (unclamped); undefined without a comparable reading. */
    progress?: number;
    /** Part of the period gone on the latest check-in's date. */
    elapsedAtLastCheckIn?: number;
    /** elapsedAtLastCheckIn − progress, in percentage points (positive: behind). */
    lagPoints?: number;
    projection?: Projection;
}

/** Where a key result stands in its period; undefined without a readable period or a measurable target. */
export function forecastOf(model: WorkspaceModel, kr: StrategyElement, clock: LoopClock): Forecast | undefined {
    if (kr.kind !== 'kr') return undefined;
    const period = periodOf(model, kr, clock);
    if (!period || !kr.baseline || !kr.target) return undefined;
    const checkIns = checkInsOf(model, kr);
    const forecast: Forecast = { period, state: periodState(period, clock.today), elapsed: elapsedFraction(period, clock.today), checkIns };
    const last = checkIns[checkIns.length - 1];
    if (!last) return forecast;
    const progress = progressAtValue(kr, valueOf(kr, last));
    if (progress.kind !== 'progress') return forecast;
    forecast.progress = progress.raw;
    const lastDay = parseDate(last.date)!;
    forecast.elapsedAtLastCheckIn = elapsedFraction(period, lastDay);
    forecast.lagPoints = Math.round((forecast.elapsedAtLastCheckIn - progress.raw) * 100);
    const projection = linearProjection(kr, checkIns, period);
    if (projection) forecast.projection = projection;
    return forecast;
}

/** Least-squares line through (period start, baseline) and every comparable check-in, read at the period's end. */
export function linearProjection(kr: StrategyElement, checkIns: readonly CheckInEntry[], period: Period): Projection | undefined {
    if (!kr.baseline || !kr.target || kr.target.value === kr.baseline.value) return undefined;
    const points: Array<[number, number]> = [[period.start, kr.baseline.value]];
    let used = 0;
    for (const entry of checkIns) {
        const value = valueOf(kr, entry);
        if ((value.unit ?? '') !== (kr.baseline.unit ?? '')) continue;
        points.push([parseDate(entry.date)!, value.value]);
        used++;
    }
    if (used < 2) return undefined;
    const n = points.length;
    const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
    const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
    let sxx = 0;
    let sxy = 0;
    for (const [x, y] of points) {
        sxx += (x - meanX) ** 2;
        sxy += (x - meanX) * (y - meanY);
    }
    if (sxx === 0) return undefined; // every reading on the period's first day: no slope to read
    const slope = sxy / sxx;
    const value = meanY + slope * (period.end - meanX);
    const progress = (value - kr.baseline.value) / (kr.target.value - kr.baseline.value);
    return { value: round(value), progress, checkIns: used };
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

export interface Grade {
    /** 0.0–1.0. */
    score: number;
    /** Why the score is what it is, in words (`no reading: counts as 0.0`). */
    basis: string;
    period: Period;
}

/** The grade of a key result whose period has ended; undefined while it runs or when it cannot be graded. */
export function gradeOf(model: WorkspaceModel, kr: StrategyElement, clock: LoopClock): Grade | undefined {
    if (kr.kind !== 'kr') return undefined;
    const period = periodOf(model, kr, clock);
    if (!period || periodState(period, clock.today) !== 'ended') return undefined;
    const reading = effectiveReading(model, kr);
    const progress = progressAtValue(kr, reading?.value);
    if (progress.kind === 'none') {
        if (progress.reason !== 'no-current') return undefined;
        return { score: 0, basis: 'no reading: counts as 0.0', period };
    }
    const basis = reading?.from === 'check-in' ? `final check-in ${reading.date}: ${reading.value.text}` : `current ${reading?.value.text}`;
    return { score: Math.min(1, Math.max(0, progress.raw)), basis, period };
}

/** `0.7`: a score as strategists write it. */
export function formatScore(score: number): string {
    return score.toFixed(1);
}

/** The trend of a key result's check-ins in words, e.g. `improving: 16% → 48% of the way over 6 weeks`. */
export function describeTrend(model: WorkspaceModel, kr: StrategyElement): string | undefined {
    const checkIns = checkInsOf(model, kr);
    if (checkIns.length === 0) return undefined;
    const progress = checkIns.map(entry => progressAtValue(kr, valueOf(kr, entry)));
    const first = progress[0];
    const last = progress[progress.length - 1];
    const days = parseDate(checkIns[checkIns.length - 1].date)! - parseDate(checkIns[0].date)!;
    const span = days >= 14 ? `${Math.round(days / 7)} weeks` : `${days} day${days === 1 ? '' : 's'}`;
    if (checkIns.length === 1 || first.kind !== 'progress' || last.kind !== 'progress') {
        return checkIns.length === 1 ? `one check-in so far (${checkIns[0].date})` : `${checkIns.length} check-ins over ${span}`;
    }
    const delta = Math.round((last.raw - first.raw) * 100);
    const word = delta > 2 ? 'improving' : delta < -2 ? 'slipping' : 'flat';
    const confidence = checkIns.map(entry => entry.confidence).filter(Boolean);
    const confidenceWords =
        confidence.length >= 2 && confidence[0] !== confidence[confidence.length - 1] ? `; confidence ${confidence[0]} → ${confidence[confidence.length - 1]}` : '';
    return `${word}: ${formatPercent(first.raw)} → ${formatPercent(last.raw)} of the way over ${span} (${checkIns.length} check-ins)${confidenceWords}`;
}

/** The progress after each check-in (clamped 0..1), for a small trend line; empty without two comparable readings. */
export function trendPoints(model: WorkspaceModel, kr: StrategyElement): number[] {
    const points: number[] = [];
    for (const entry of checkInsOf(model, kr)) {
        const progress = progressAtValue(kr, valueOf(kr, entry));
        if (progress.kind === 'progress') points.push(progress.value);
    }
    return points.length >= 2 ? points : [];
}
