/**
 * The loop over time in hovers: a key result's check-ins, trend, forecast and grade; a bet's
 * evidence as a timeline; and the scores that roll up to what objectives support and to teams.
 * Pure: the same facts the forecast rules and the period report read.
 */
import { parseDate } from '../model/dates.js';
import type { StrategyElement } from '../model/elements.js';
import { checkInsOf, describeTrend, forecastOf, formatScore, gradeOf, valueOf, type LoopClock } from '../model/key-result-history.js';
import { describePeriodDates, isoDay } from '../model/periods.js';
import { formatPercent } from '../model/progress.js';
import { objectiveScore, rollUp } from '../model/scores.js';
import type { WorkspaceModel } from '../model/workspace-model.js';

/** At most this many check-ins or evidence entries are listed; the rest are counted. */
const MAX_ROWS = 8;

export function loopFacts(model: WorkspaceModel, element: StrategyElement, clock: LoopClock): string[] {
    switch (element.kind) {
        case 'kr':
            return keyResultFacts(model, element, clock);
        case 'okr':
            return objectiveFacts(model, element, clock);
        case 'bet':
            return [...evidenceTimeline(element), ...rollUpFacts(model, element, clock)];
        case 'theme':
        case 'team':
        case 'initiative':
            return rollUpFacts(model, element, clock);
        default:
            return [];
    }
}

function keyResultFacts(model: WorkspaceModel, kr: StrategyElement, clock: LoopClock): string[] {
    const facts: string[] = [];
    const checkIns = checkInsOf(model, kr);
    if (checkIns.length) {
        const shown = checkIns.slice(-MAX_ROWS);
        const rows = shown.map(entry => `| ${entry.date} | ${cell(valueOf(kr, entry).text)} | ${entry.confidence ?? ''} | ${cell(entry.note ?? '')} |`);
        const more = checkIns.length > shown.length ? `\n\n…and ${checkIns.length - shown.length} earlier check-ins.` : '';
        facts.push(`**Check-ins (${checkIns.length}):**\n\n| date | value | confidence | note |\n|---|---|---|---|\n${rows.join('\n')}${more}`);
        const trend = describeTrend(model, kr);
        if (trend) facts.push(`**Trend:** ${trend}`);
    }
    const forecast = forecastOf(model, kr, clock);
    if (forecast) {
        const dates = `${forecast.period.text}: ${describePeriodDates(forecast.period)}`;
        if (forecast.state === 'running') {
            facts.push(`**Period:** ${dates}, ${formatPercent(forecast.elapsed)} gone on ${isoDay(clock.today)}`);
            if (forecast.projection) {
                facts.push(
                    `**Forecast:** at this pace ${forecast.projection.value} by ${isoDay(forecast.period.end)}, ${formatPercent(Math.max(0, forecast.projection.progress))} of the way (straight line through the baseline and ${forecast.projection.checkIns} check-ins)`
                );
            }
        } else {
            facts.push(`**Period:** ${dates} (${forecast.state === 'ended' ? 'ended' : 'not started yet'})`);
        }
    }
    const grade = gradeOf(model, kr, clock);
    if (grade) facts.push(`**Grade:** ${formatScore(grade.score)} (${grade.basis})`);
    return facts;
}

function objectiveFacts(model: WorkspaceModel, okr: StrategyElement, clock: LoopClock): string[] {
    const facts: string[] = [];
    const own = objectiveScore(model, okr, clock);
    if (own.score !== undefined)
        facts.push(`**Score:** ${formatScore(own.score)} (average grade of ${own.graded} key result${own.graded === 1 ? '' : 's'}; ${own.period} has ended)`);
    else if (own.progress !== undefined) facts.push(`**Progress:** ${formatPercent(own.progress)} on average across its key results`);
    return [...facts, ...rollUpFacts(model, okr, clock)];
}

function rollUpFacts(model: WorkspaceModel, element: StrategyElement, clock: LoopClock): string[] {
    const rows = rollUp(model, element, clock).filter(row => row.score !== undefined || row.progress !== undefined);
    if (!rows.length) return [];
    const label = element.kind === 'team' ? 'Scores of its OKRs' : 'Scores of the OKRs supporting it';
    const lines = rows.map(
        row =>
            `- ${row.period}: ${row.objectives} objective${row.objectives === 1 ? '' : 's'}, ${row.score !== undefined ? `score ${formatScore(row.score)}` : `progress ${formatPercent(row.progress!)}`}`
    );
    return [`**${label}:**\n${lines.join('\n')}`];
}

/** A bet's evidence, oldest first, with the gaps between entries: how the bet was reviewed over time. */
function evidenceTimeline(bet: StrategyElement): string[] {
    const evidence = [...(bet.evidence ?? [])];
    if (evidence.length < 2) return [];
    const day = (date: string | undefined) => (date ? parseDate(date) : undefined) ?? Infinity;
    evidence.sort((a, b) => day(a.date) - day(b.date));
    const shown = evidence.slice(-MAX_ROWS);
    const lines = shown.map((entry, index) => {
        const previous = index > 0 ? shown[index - 1] : undefined;
        const gap = previous && entry.date && previous.date ? ` (+${day(entry.date) - day(previous.date)} days)` : '';
        return `- ${entry.date ?? 'undated'}${gap} ${entry.verdict === 'supports' ? '✓ supports' : '✗ contradicts'}${entry.text ? `: ${cell(entry.text)}` : ''}`;
    });
    return [`**Evidence timeline (${evidence.length}):**\n${lines.join('\n')}`];
}

/** User text in a Markdown table cell or list item: no line breaks, pipes or HTML. */
function cell(text: string): string {
    return text.replace(/\s*\n\s*/g, ' ').replace(/[|\\`*_[\]<>]/g, ch => `\\${ch}`);
}
