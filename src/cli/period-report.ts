/**
 * The period view of the Markdown report (`eos export --format markdown --period 2026-Q1`): the
 * grades (or progress, while the period runs) of every objective of the period with the trend of
 * its key results, the scores per team, and what the period taught — evidence recorded in it, bets
 * and initiatives stopped or finished in it, and the loop's open findings on its key results.
 */
import { parseDate } from '../language/model/dates.js';
import type { StrategyElement } from '../language/model/elements.js';
import { checkInsOf, clockOf, currentProgress, describeTrend, formatScore, gradeOf, effectiveReading, type LoopClock } from '../language/model/key-result-history.js';
import { describePeriodDates, periodState, readPeriod, type Period, type YearStart } from '../language/model/periods.js';
import { keyResultsOf, objectiveScore } from '../language/model/scores.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import { isLiveBet } from '../language/model/vocabulary.js';
import type { Issue } from '../language/validation/issue.js';
import { finishOf } from '../diagram/flow.js';

export interface PeriodReportOptions {
    period: Period;
    today: string;
    yearStart?: YearStart;
}

/** Does a written period fall inside the period asked for? (`2026-Q1` inside `2026`, and itself.) */
function within(okr: StrategyElement, period: Period, clock: LoopClock): boolean {
    const own = okr.period ? readPeriod(okr.period, clock.yearStart).period : undefined;
    return own !== undefined && own.start >= period.start && own.end <= period.end;
}

export function periodSection(model: WorkspaceModel, issues: readonly Issue[], options: PeriodReportOptions, md: (text: string) => string): string[] {
    const clock = clockOf(options);
    const { period } = options;
    const state = periodState(period, clock.today);
    const out: string[] = [
        `## Period ${md(period.text)}`,
        '',
        `${describePeriodDates(period)} · ${state === 'ended' ? 'ended: graded' : state === 'running' ? `running on ${options.today}: progress so far` : 'not started yet'}`,
        ''
    ];
    const okrs = model.ofKind('okr').filter(okr => within(okr, period, clock));
    if (!okrs.length) {
        out.push(`_No objective is written for ${md(period.text)}._`, '');
        return out;
    }
    out.push('### Objectives', '', '| objective | owner | score | key result | reading | grade / progress | trend |', '|---|---|---:|---|---|---:|---|');
    for (const okr of okrs) {
        const score = objectiveScore(model, okr, clock);
        const owner = model.target(okr, 'owner')?.name ?? '';
        const scoreText = score.score !== undefined ? formatScore(score.score) : score.progress !== undefined ? `${Math.round(score.progress * 100)}%` : '—';
        const krs = keyResultsOf(model, okr);
        krs.forEach((kr, index) => {
            const reading = effectiveReading(model, kr);
            const grade = gradeOf(model, kr, clock);
            const cell = grade ? `${formatScore(grade.score)}` : currentProgressText(model, kr);
            const trend = describeTrend(model, kr) ?? (checkInsOf(model, kr).length ? '' : 'no check-ins');
            out.push(
                `| ${index === 0 ? `${md(okr.title ?? okr.name)} (\`${okr.name}\`)` : ''} | ${index === 0 ? md(owner) : ''} | ${index === 0 ? scoreText : ''} | \`${kr.name}\` | ${reading ? md(reading.value.text + (reading.date ? ` (${reading.date})` : '')) : '—'} | ${cell} | ${md(trend)} |`
            );
        });
        if (!krs.length) out.push(`| ${md(okr.title ?? okr.name)} (\`${okr.name}\`) | ${md(owner)} | — | _no key result_ | | | |`);
    }
    out.push('');

    const teams = new Map<string, number[]>();
    for (const okr of okrs) {
        const score = objectiveScore(model, okr, clock);
        const value = score.score ?? score.progress;
        const owner = model.target(okr, 'owner')?.name;
        if (owner && value !== undefined) teams.set(owner, [...(teams.get(owner) ?? []), value]);
    }
    if (teams.size) {
        out.push('### Per team', '', `| team | objectives | ${state === 'ended' ? 'average score' : 'average progress'} |`, '|---|---:|---:|');
        for (const [team, values] of [...teams].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
            const average = values.reduce((sum, v) => sum + v, 0) / values.length;
            out.push(`| \`${team}\` | ${values.length} | ${state === 'ended' ? formatScore(average) : `${Math.round(average * 100)}%`} |`);
        }
        out.push('');
    }

    out.push('### What the period taught', '');
    const inPeriod = (date: string | undefined) => {
        const day = date ? parseDate(date) : undefined;
        return day !== undefined && day >= period.start && day <= period.end;
    };
    const evidence = model
        .ofKind('bet')
        .flatMap(bet => (bet.evidence ?? []).filter(entry => inPeriod(entry.date)).map(entry => ({ bet, entry })))
        .sort((a, b) => (a.entry.date! < b.entry.date! ? -1 : 1));
    out.push(evidence.length ? '**Evidence recorded:**' : '_No evidence was recorded on any bet in this period._', '');
    for (const { bet, entry } of evidence) out.push(`- ${entry.date} \`${bet.name}\` ${entry.verdict}${entry.text ? `: ${md(entry.text)}` : ''}`);
    if (evidence.length) out.push('');
    const ended = model
        .ofKind('initiative')
        .map(initiative => ({ initiative, finish: finishOf(initiative) }))
        .filter(({ finish }) => finish && inPeriod(finish.date));
    const stopped = ended.filter(({ initiative }) => initiative.status === 'stopped');
    const done = ended.filter(({ initiative }) => initiative.status === 'done');
    if (done.length)
        out.push(
            `**Initiatives finished:** ${done.map(({ initiative, finish }) => `\`${initiative.name}\` (${finish!.date}${finish!.inferred ? ', from `updated`' : ''})`).join(', ')}`,
            ''
        );
    if (stopped.length) out.push(`**Initiatives stopped:** ${stopped.map(({ initiative, finish }) => `\`${initiative.name}\` (${finish!.date})`).join(', ')}`, '');
    const closedBets = model.ofKind('bet').filter(bet => !isLiveBet(bet) && (bet.evidence ?? []).some(entry => inPeriod(entry.date)));
    if (closedBets.length) out.push(`**Bets stopped or invalidated on this period's evidence:** ${closedBets.map(bet => `\`${bet.name}\` (${bet.status})`).join(', ')}`, '');
    const names = new Set(okrs.flatMap(okr => [okr.name, ...(okr.keyResults ?? [])]));
    const loopFindings = issues.filter(
        issue =>
            (issue.code === 'kr-off-track' || issue.code === 'kr-check-in-stale') &&
            typeof issue.message === 'string' &&
            [...names].some(name => issue.message.includes(`'${name}'`))
    );
    if (loopFindings.length) {
        out.push('**Open findings on its key results:**', '');
        for (const issue of loopFindings) out.push(`- \`${issue.code}\`: ${md(issue.message)}`);
        out.push('');
    }
    return out;
}

function currentProgressText(model: WorkspaceModel, kr: StrategyElement): string {
    const progress = currentProgress(model, kr);
    return progress.kind === 'progress' ? `${Math.round(progress.value * 100)}%` : '—';
}
