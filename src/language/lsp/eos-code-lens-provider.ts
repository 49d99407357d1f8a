/**
 * Code lenses: the live counts a strategist checks above a bet, a theme or a value stream
 * ("is this bet funded? is this stream over its WIP limit?") without opening the tree.
 * Counts come from the name-based workspace model, so they include every file.
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import type { StrategyElement } from '../model/elements.js';
import { betFacts, streamFacts, themeFacts } from '../model/element-facts.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import { clockOf, forecastOf, formatScore, gradeOf, progressNow, type LoopClock } from '../model/key-result-history.js';
import { isoDay, readPeriod } from '../model/periods.js';
import { formatPercent } from '../model/progress.js';
import { objectiveScore, rollUp } from '../model/scores.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { reportCaught } from '../helpers/answer-or.js';

export class EosCodeLensProvider implements CodeLensProvider {
    private readonly strategy: StrategyWorkspace;

    constructor(services: EosServices) {
        this.strategy = services.eos.StrategyWorkspace;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        try {
            const model = this.strategy.model;
            const uri = document.uri.toString();
            const clock = clockOf(this.strategy.ruleOptions());
            // Off track is the rule's verdict (one home for the margin and the projection).
            const offTrack = new Set(
                this.strategy
                    .issuesFor(uri)
                    .filter(issue => issue.code === 'kr-off-track')
                    .map(issue => `${issue.range.start.line}:${issue.range.start.character}`)
            );
            const lenses: CodeLens[] = [];
            for (const element of model.elementsIn(uri)) {
                const isOffTrack = offTrack.has(`${element.nameRange.start.line}:${element.nameRange.start.character}`);
                const title = lensTitle(model, element, clock, isOffTrack);
                // An empty command id makes the lens an annotation: informative, not clickable.
                if (title) lenses.push({ range: element.nameRange, command: { title, command: '' } });
            }
            return lenses;
        } catch (error) {
            reportCaught('code lenses', error);
            return [];
        }
    }
}

/**
 * The lens text of an element, or undefined for kinds that have none. Short on purpose: the
 * hover has the detail (check-ins, trend, the projection's method).
 */
export function lensTitle(model: WorkspaceModel, element: StrategyElement, clock: LoopClock, offTrack = false): string | undefined {
    switch (element.kind) {
        case 'bet': {
            const facts = betFacts(model, element);
            return [`${count(facts.initiatives.length, 'initiative')} · ${count(facts.okrs.length, 'OKR')}`, rolledUp(model, element, clock)].filter(Boolean).join(' · ');
        }
        case 'theme':
            return [count(themeFacts(model, element).bets.length, 'bet'), rolledUp(model, element, clock)].filter(Boolean).join(' · ');
        case 'team':
            return rolledUp(model, element, clock);
        case 'okr': {
            const score = objectiveScore(model, element, clock);
            if (score.score !== undefined) return `score ${formatScore(score.score)} (${score.period} ended)`;
            return score.progress !== undefined ? `progress ${formatPercent(score.progress)}` : undefined;
        }
        case 'kr':
            return keyResultLens(model, element, clock, offTrack);
        case 'stream': {
            const facts = streamFacts(model, element);
            const limit = facts.wip === undefined ? 'no WIP limit' : `WIP limit ${facts.wip}${facts.overLimit ? ' — exceeded' : ''}`;
            return `${facts.doing.length} doing / ${limit} · ${count(facts.initiatives.length, 'initiative')}`;
        }
        default:
            return undefined;
    }
}

/** `60% · forecast 7.5 by 2026-03-31 · off track`, or `grade 0.6` once the period has ended. */
function keyResultLens(model: WorkspaceModel, kr: StrategyElement, clock: LoopClock, offTrack: boolean): string | undefined {
    const grade = gradeOf(model, kr, clock);
    if (grade) return `grade ${formatScore(grade.score)} (${grade.period.text})`;
    const parts: string[] = [];
    const progress = progressNow(model, kr);
    if (progress !== undefined) parts.push(formatPercent(progress));
    const forecast = forecastOf(model, kr, clock);
    if (forecast?.state === 'running' && forecast.projection) parts.push(`forecast ${forecast.projection.value} by ${isoDay(forecast.period.end)}`);
    if (forecast?.state === 'running' && forecast.progress !== undefined) parts.push(offTrack ? 'off track' : 'on track');
    return parts.length ? parts.join(' · ') : undefined;
}

/**
 * The rolled-up score (or progress) of the objectives supporting or owned by it, for one period:
 * the one running today, else the latest that started (the hover lists every period).
 */
function rolledUp(model: WorkspaceModel, element: StrategyElement, clock: LoopClock): string | undefined {
    const rows = rollUp(model, element, clock)
        .filter(row => row.score !== undefined || row.progress !== undefined)
        .map(row => ({ row, period: readPeriod(row.period, clock.yearStart).period }))
        .filter(({ period }) => period !== undefined && period.start <= clock.today)
        .sort((a, b) => a.period!.start - b.period!.start);
    const row = rows[rows.length - 1]?.row;
    if (!row) return undefined;
    return `OKRs ${row.period}: ${row.score !== undefined ? `score ${formatScore(row.score)}` : `progress ${formatPercent(row.progress!)}`}`;
}

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
