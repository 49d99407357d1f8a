/**
 * The loop over time: key results that will miss, check-ins that stopped, bets nobody reviews,
 * themes no team found an objective for, and targets that are always met. Every date is the
 * context's `today` (the CLI's `--today`), never the clock.
 */
import { parseDate } from '../../model/dates.js';
import type { StrategyElement } from '../../model/elements.js';
import { checkInsOf, clockOf, forecastOf, gradeOf, periodOf, type LoopClock } from '../../model/key-result-history.js';
import { isoDay, periodDays, periodState, readPeriod, type Period } from '../../model/periods.js';
import { formatPercent } from '../../model/progress.js';
import type { WorkspaceModel } from '../../model/workspace-model.js';
import { LOOP_SETTINGS } from '../../workspace/eos-config.js';
import { findingOn, label, ruleFor } from '../issue.js';

export const krOffTrack = ruleFor(['kr'], (element, context, report) => {
    const forecast = forecastOf(context.model, element, clockOf(context));
    if (!forecast || forecast.state !== 'running' || forecast.progress === undefined) return;
    const margin = context.offTrackMargin ?? LOOP_SETTINGS.offTrackMargin.default;
    const reasons: string[] = [];
    const { projection } = forecast;
    if (projection && projection.progress < 1) {
        reasons.push(
            // Short for the Problems row; the hover shows the check-ins, the line fitted and the margin.
            `projected ${projection.value}${unitText(element)} by ${isoDay(forecast.period.end)}, ${formatPercent(Math.max(projection.progress, 0))} of the way to ${element.target!.text}`
        );
    }
    const lag = forecast.lagPoints ?? 0;
    if (lag > margin) {
        const last = forecast.checkIns[forecast.checkIns.length - 1];
        reasons.push(
            `${formatPercent(forecast.progress)} done on ${last.date} with ${formatPercent(forecast.elapsedAtLastCheckIn!)} of ${forecast.period.text} gone (margin ${margin} points)`
        );
    }
    if (!reasons.length) return;
    report(
        findingOn(element, 'kr-off-track', `Key result ${label(element)} is off track: ${reasons.join('; ')}.`, {
            data: { ...(projection ? { projected: projection.value } : {}), lagPoints: lag }
        })
    );
});

function unitText(kr: StrategyElement): string {
    const unit = kr.target?.unit;
    return unit === undefined ? '' : unit === '%' ? '%' : ` ${unit}`;
}

export const krCheckInStale = ruleFor(['kr'], (element, context, report) => {
    const checkIns = checkInsOf(context.model, element);
    const last = checkIns[checkIns.length - 1];
    if (!last) return;
    const clock = clockOf(context);
    const period = periodOf(context.model, element, clock);
    if (!period || periodState(period, clock.today) !== 'running') return;
    const every = context.checkInEveryDays ?? LOOP_SETTINGS.checkInEveryDays.default;
    const age = clock.today - parseDate(last.date)!;
    if (age <= every) return;
    report(
        findingOn(element, 'kr-check-in-stale', `Key result ${label(element)} was last checked in ${age} days ago (due every ${every} while ${period.text} runs)`, {
            fix: `Add \`checkin ${isoDay(clock.today)} <value>\`.`,
            data: { days: age, lastValue: last.value.text, kr: element.name, nested: last.nested, today: isoDay(clock.today) }
        })
    );
});

export const betReviewOverdue = ruleFor(['bet'], (element, context, report) => {
    if (element.status !== 'active') return;
    const clock = clockOf(context);
    const limit = context.reviewAfterDays ?? LOOP_SETTINGS.reviewAfterDays.default;
    let latest: number | undefined;
    for (const evidence of element.evidence ?? []) {
        const day = evidence.date ? parseDate(evidence.date) : undefined;
        if (day !== undefined && (latest === undefined || day > latest)) latest = day;
    }
    if (latest !== undefined) {
        const age = clock.today - latest;
        if (age <= limit) return;
        report(
            findingOn(element, 'bet-review-overdue', `Bet ${label(element)} has had no evidence for ${age} days (review every ${limit})`, {
                fix: `Add \`evidence ${isoDay(clock.today)} supports|contradicts "…"\`, or change its status.`,
                data: { days: age }
            })
        );
        return;
    }
    // No evidence at all: measured from the first day work on it started, when that is known.
    let started: number | undefined;
    for (const { source } of context.model.incoming(element, 'bet')) {
        const day = source.kind === 'initiative' && source.started ? parseDate(source.started) : undefined;
        if (day !== undefined && (started === undefined || day < started)) started = day;
    }
    if (started === undefined || clock.today - started <= limit) return;
    report(
        findingOn(element, 'bet-review-overdue', `Bet ${label(element)} has no evidence ${clock.today - started} days after work began (review every ${limit})`, {
            fix: `Add what the work has shown: \`evidence ${isoDay(clock.today)} supports|contradicts "…"\`.`,
            data: { days: clock.today - started }
        })
    );
});

/** The themes each element leads up to (OKR → what it supports → … → bet → theme), per model. */
const themesCache = new WeakMap<WorkspaceModel, Map<StrategyElement, ReadonlySet<StrategyElement>>>();

export function themesReachedFrom(model: WorkspaceModel, element: StrategyElement): ReadonlySet<StrategyElement> {
    let memo = themesCache.get(model);
    if (!memo) themesCache.set(model, (memo = new Map()));
    const visit = (node: StrategyElement, path: Set<StrategyElement>): ReadonlySet<StrategyElement> => {
        const known = memo!.get(node);
        if (known) return known;
        if (path.has(node)) return new Set(); // a cycle: reported elsewhere
        path.add(node);
        const result = new Set<StrategyElement>();
        if (node.kind === 'theme') result.add(node);
        const ups: StrategyElement[] =
            node.kind === 'okr'
                ? model.targets(node, 'supports')
                : node.kind === 'kr'
                  ? [model.okrOf(node)].filter((okr): okr is StrategyElement => !!okr)
                  : node.kind === 'bet'
                    ? model.targets(node, 'serves')
                    : node.kind === 'initiative'
                      ? model.targets(node, 'bet')
                      : [];
        for (const up of ups) for (const theme of visit(up, path)) result.add(theme);
        path.delete(node);
        memo!.set(node, result);
        return result;
    };
    return visit(element, new Set());
}

const reachingCache = new WeakMap<WorkspaceModel, Map<StrategyElement, StrategyElement[]>>();

/** The OKRs that lead up to each theme, per model. */
export function okrsReaching(model: WorkspaceModel): Map<StrategyElement, StrategyElement[]> {
    let index = reachingCache.get(model);
    if (!index) {
        index = new Map();
        for (const okr of model.ofKind('okr')) {
            for (const theme of themesReachedFrom(model, okr)) {
                const list = index.get(theme);
                if (list) list.push(okr);
                else index.set(theme, [okr]);
            }
        }
        reachingCache.set(model, index);
    }
    return index;
}

/** OKRs whose period runs today, and the themes they support, per model and day. */
const runningCache = new WeakMap<WorkspaceModel, { key: string; okrs: StrategyElement[]; themes: Set<StrategyElement> }>();

export function runningOkrs(model: WorkspaceModel, clock: LoopClock): { okrs: StrategyElement[]; themes: Set<StrategyElement> } {
    const key = `${clock.today}:${clock.yearStart?.month ?? 1}-${clock.yearStart?.day ?? 1}`;
    const cached = runningCache.get(model);
    if (cached?.key === key) return cached;
    const okrs = model.ofKind('okr').filter(okr => {
        const period = okr.period ? readPeriod(okr.period, clock.yearStart).period : undefined;
        return period !== undefined && periodState(period, clock.today) === 'running';
    });
    const themes = new Set<StrategyElement>();
    for (const okr of okrs) for (const theme of themesReachedFrom(model, okr)) themes.add(theme);
    const entry = { key, okrs, themes };
    runningCache.set(model, entry);
    return entry;
}

export const themeWithoutCurrentOkrs = ruleFor(['theme'], (element, context, report) => {
    const clock = clockOf(context);
    const year = Number(isoDay(clock.today).slice(0, 4));
    if (element.horizon && (year < element.horizon.start || year > (element.horizon.end ?? element.horizon.start))) return;
    const running = runningOkrs(context.model, clock);
    // Only a signal where teams do write objectives for the running period.
    if (running.okrs.length === 0 || running.themes.has(element)) return;
    const periods = [...new Set(running.okrs.map(okr => okr.period!))].sort().join(', ');
    report(findingOn(element, 'theme-without-current-okrs', `No ${periods} objective supports theme ${label(element)} or its bets`, { data: { periods } }));
});

/** Periods grouped by length, so that quarters follow quarters and years follow years. */
function lengthClass(period: Period): string {
    const days = periodDays(period);
    return days <= 100 ? 'quarter' : days <= 200 ? 'half' : days <= 370 ? 'year' : `days-${days}`;
}

/**
 * The ended periods, latest last, in which every graded key result of these OKRs was met or
 * exceeded, counting back from the latest ended period of each length while they follow each other.
 */
export function metStreak(model: WorkspaceModel, okrs: readonly StrategyElement[], clock: LoopClock): Period[] {
    const byPeriod = new Map<string, { period: Period; met: boolean; graded: number }>();
    for (const okr of okrs) {
        // Its key results are graded on the period of the OKR their name leads to; none while it runs.
        const owner = model.get('okr', okr.name)?.period;
        const period = owner ? readPeriod(owner, clock.yearStart).period : undefined;
        if (!period || periodState(period, clock.today) !== 'ended') continue;
        for (const name of okr.keyResults ?? []) {
            const kr = model.get('kr', name);
            if (!kr) continue;
            const grade = gradeOf(model, kr, clock);
            if (!grade) continue;
            const entry = byPeriod.get(grade.period.text) ?? { period: grade.period, met: true, graded: 0 };
            entry.graded++;
            if (grade.score < 1) entry.met = false;
            byPeriod.set(grade.period.text, entry);
        }
    }
    let best: Period[] = [];
    const classes = new Map<string, Array<{ period: Period; met: boolean }>>();
    for (const entry of byPeriod.values()) {
        const list = classes.get(lengthClass(entry.period)) ?? [];
        list.push(entry);
        classes.set(lengthClass(entry.period), list);
    }
    for (const list of classes.values()) {
        list.sort((a, b) => a.period.start - b.period.start);
        const streak: Period[] = [];
        for (let i = list.length - 1; i >= 0; i--) {
            if (!list[i].met) break;
            if (streak.length && list[i].period.end + 1 !== streak[0].start) break;
            streak.unshift(list[i].period);
        }
        if (streak.length > best.length) best = streak;
    }
    return best;
}

export const targetsAlwaysMet = ruleFor(['team', 'theme'], (element, context, report) => {
    const { model } = context;
    const clock = clockOf(context);
    const okrs =
        element.kind === 'team'
            ? model
                  .incoming(element, 'owner')
                  .map(entry => entry.source)
                  .filter(source => source.kind === 'okr')
            : (okrsReaching(model).get(element) ?? []);
    if (okrs.length === 0) return;
    const streak = metStreak(model, okrs, clock);
    if (streak.length < 2) return;
    const what = element.kind === 'team' ? `Team ${label(element)}` : `The objectives supporting theme ${label(element)}`;
    report(findingOn(element, 'targets-always-met', `${what} met every key result in ${streak.map(p => p.text).join(', ')}`, { data: { periods: streak.map(p => p.text) } }));
});
