/**
 * Scores and roll-up: an objective's score is the average grade of its graded key results (its
 * progress, while the period runs, the average progress of its measurable key results), and what
 * objectives support — a key result, an OKR, a bet, a theme — or the team that owns them shows the
 * average of those objectives, per period. A theme also counts the objectives supporting its bets.
 */
import type { StrategyElement } from './elements.js';
import { currentProgress, gradeOf, periodOf, type LoopClock } from './key-result-history.js';
import { periodState, type PeriodState } from './periods.js';
import type { WorkspaceModel } from './workspace-model.js';

export interface ObjectiveScore {
    period?: string;
    state?: PeriodState;
    /** Average grade, once the period has ended and some key result was graded. */
    score?: number;
    /** Average clamped progress of the measurable key results with a reading. */
    progress?: number;
    graded: number;
}

export function keyResultsOf(model: WorkspaceModel, okr: StrategyElement): StrategyElement[] {
    return (okr.keyResults ?? []).map(name => model.get('kr', name)).filter((kr): kr is StrategyElement => kr !== undefined && kr.okr === okr.name);
}

export function objectiveScore(model: WorkspaceModel, okr: StrategyElement, clock: LoopClock): ObjectiveScore {
    const period = periodOf(model, okr, clock);
    const result: ObjectiveScore = { graded: 0, ...(okr.period ? { period: okr.period } : {}), ...(period ? { state: periodState(period, clock.today) } : {}) };
    const grades: number[] = [];
    const progress: number[] = [];
    for (const kr of keyResultsOf(model, okr)) {
        const grade = gradeOf(model, kr, clock);
        if (grade) grades.push(grade.score);
        const now = currentProgress(model, kr);
        if (now.kind === 'progress') progress.push(now.value);
    }
    if (grades.length) {
        result.score = average(grades);
        result.graded = grades.length;
    }
    if (progress.length) result.progress = average(progress);
    return result;
}

export interface RolledUp {
    period: string;
    objectives: number;
    score?: number;
    progress?: number;
}

/** The objectives whose scores roll up to an element: its supporters, or a team's own OKRs. */
export function contributingObjectives(model: WorkspaceModel, element: StrategyElement): StrategyElement[] {
    const supporters = (target: StrategyElement) =>
        model
            .incoming(target, 'supports')
            .map(entry => entry.source)
            .filter(source => source.kind === 'okr');
    switch (element.kind) {
        case 'team':
            return model
                .incoming(element, 'owner')
                .map(entry => entry.source)
                .filter(source => source.kind === 'okr');
        case 'theme': {
            const bets = model
                .incoming(element, 'serves')
                .map(entry => entry.source)
                .filter(source => source.kind === 'bet');
            return unique([...supporters(element), ...bets.flatMap(supporters)]);
        }
        case 'okr':
            // Objectives that support one of its key results support the objective too.
            return unique([...supporters(element), ...keyResultsOf(model, element).flatMap(supporters)]);
        case 'kr':
        case 'bet':
        case 'initiative':
            return supporters(element);
        default:
            return [];
    }
}

/** Per period (in order of first appearance), the average score and progress of the contributing objectives. */
export function rollUp(model: WorkspaceModel, element: StrategyElement, clock: LoopClock): RolledUp[] {
    const byPeriod = new Map<string, { objectives: number; scores: number[]; progress: number[] }>();
    for (const okr of contributingObjectives(model, element)) {
        const score = objectiveScore(model, okr, clock);
        const key = score.period ?? 'no period';
        const entry = byPeriod.get(key) ?? { objectives: 0, scores: [], progress: [] };
        entry.objectives++;
        if (score.score !== undefined) entry.scores.push(score.score);
        if (score.progress !== undefined) entry.progress.push(score.progress);
        byPeriod.set(key, entry);
    }
    return [...byPeriod].map(([period, entry]) => ({
        period,
        objectives: entry.objectives,
        ...(entry.scores.length ? { score: average(entry.scores) } : {}),
        ...(entry.progress.length ? { progress: average(entry.progress) } : {})
    }));
}

function average(values: readonly number[]): number {
    return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function unique<T>(items: readonly T[]): T[] {
    return [...new Set(items)];
}
