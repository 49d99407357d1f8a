/**
 * The report's aligned-autonomy part: the decision log and the tenet usage audit, per quarter —
 * which tenets were used, set aside (with reasons), contested, unused, and where teams escalated
 * without need. Pure over the model (model/autonomy.ts), so the report and the findings agree.
 */
import { decisionLog, escalatedUnnecessarily, quarterOf, tenetUse } from '../language/model/autonomy.js';
import type { StrategyElement } from '../language/model/elements.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';

/** Markdown lines; `md` escapes user text and `code` quotes a name. Empty when there is no decision record. */
export function decisionReportMarkdown(model: WorkspaceModel, md: (text: string) => string, code: (text: string) => string): string[] {
    const log = decisionLog(model);
    if (!log.length) return [];
    const out: string[] = ['## Decision log', ''];
    const byPeriod = new Map<string, StrategyElement[]>();
    for (const decision of log) {
        const period = (decision.date && quarterOf(decision.date)) ?? 'Undated';
        byPeriod.set(period, [...(byPeriod.get(period) ?? []), decision]);
    }
    for (const [period, decisions] of byPeriod) {
        out.push(`### ${md(period)}`, '', '| date | decision | owner | type | tenets | escalated to |', '|---|---|---|---|---|---|');
        for (const decision of decisions) {
            const owner = model.target(decision, 'owner');
            const type = model.target(decision, 'type');
            const tenets = (decision.citations ?? [])
                .map(c => (c.side === 'follows' ? `follows ${code(c.tenet)}` : `sets aside ${code(c.tenet)}${c.reason ? ` (${md(c.reason)})` : ' (no reason)'}`))
                .join('; ');
            const escalated = model.target(decision, 'escalatedTo');
            out.push(
                `| ${md(decision.date ?? '—')} | **${md(decision.title ?? decision.name)}** (${code(decision.name)}) | ${owner ? code(owner.name) : '—'} | ${type ? code(type.name) : '—'} | ${tenets || '—'} | ${escalated ? code(escalated.name) + (escalatedUnnecessarily(model, decision) ? ' (not needed)' : '') : '—'} |`
            );
        }
        out.push('');
    }

    out.push('## Tenet usage audit', '');
    const periods = [...byPeriod.keys()];
    const tenets = model.ofKind('tenet');
    if (tenets.length) {
        out.push(`| tenet | ${periods.map(md).join(' | ')} | last cited |`, `|---|${periods.map(() => '---:|').join('')}---|`);
        for (const tenet of tenets) {
            const use = tenetUse(model, tenet);
            const cells = periods.map(period => {
                const inPeriod = (list: StrategyElement[]) => list.filter(d => ((d.date && quarterOf(d.date)) ?? 'Undated') === period).length;
                const followed = inPeriod(use.followed),
                    aside = inPeriod(use.setAside);
                return followed || aside ? `${followed} followed${aside ? `, ${aside} set aside` : ''}` : '·';
            });
            out.push(`| ${code(tenet.name)} | ${cells.join(' | ')} | ${md(use.lastCited ?? 'never')} |`);
        }
        out.push('');
    }
    const ranked = tenets.map(tenet => ({ tenet, use: tenetUse(model, tenet) })).map(entry => ({ ...entry, count: entry.use.followed.length + entry.use.setAside.length }));
    const most = [...ranked]
        .sort((a, b) => b.count - a.count)
        .filter(entry => entry.count > 0)
        .slice(0, 3);
    const never = ranked.filter(entry => entry.count === 0);
    const contested = ranked.filter(entry => entry.use.followed.length && entry.use.setAside.length);
    const unneeded = log.filter(decision => escalatedUnnecessarily(model, decision));
    out.push(`- **Most used:** ${most.length ? most.map(e => `${code(e.tenet.name)} (${e.count})`).join(', ') : 'none'}`);
    out.push(`- **Never cited:** ${never.length ? never.map(e => code(e.tenet.name)).join(', ') : 'none'}`);
    out.push(`- **Where they conflicted** (followed and set aside): ${contested.length ? contested.map(e => code(e.tenet.name)).join(', ') : 'none'}`);
    out.push(`- **Escalated without need** (the owner had the right and no trigger applied): ${unneeded.length ? unneeded.map(d => code(d.name)).join(', ') : 'none'}`, '');
    return out;
}
