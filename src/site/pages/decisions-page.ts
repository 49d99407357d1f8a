/**
 * The decision log and the tenet usage audit, per quarter: the same facts as the report's
 * sections (model/autonomy.ts), with links to the teams' and tenets' pages.
 */
import { decisionLog, escalatedUnnecessarily, quarterOf, tenetUse } from '../../language/model/autonomy.js';
import type { StrategyElement } from '../../language/model/elements.js';
import { esc } from '../html.js';
import type { Page } from '../page.js';
import { PAGES, type SiteContext } from '../site-context.js';

export function decisionsPage(context: SiteContext): Page {
    const path = PAGES.decisions;
    const model = context.input.model;
    const log = decisionLog(model);
    const link = (element: StrategyElement | undefined) => (element ? context.link(path, element, element.name) : '—');
    const periodOf = (decision: StrategyElement) => (decision.date && quarterOf(decision.date)) ?? 'Undated';
    const byPeriod = new Map<string, StrategyElement[]>();
    for (const decision of log) byPeriod.set(periodOf(decision), [...(byPeriod.get(periodOf(decision)) ?? []), decision]);
    const out: string[] = [];
    if (!log.length) out.push('<p class="empty-note">No decision records yet: write <code>decision Name "What was decided" { date … owner … follows … }</code>.</p>');
    for (const [period, decisions] of byPeriod) {
        out.push(
            `<h2 id="${esc(period)}">${esc(period)}</h2><table class="decision-log"><thead><tr><th>Date</th><th>Decision</th><th>Owner</th><th>Type</th><th>Tenets</th><th>Escalated to</th></tr></thead><tbody>`
        );
        for (const decision of decisions) {
            const tenets = (decision.citations ?? [])
                .map(c => {
                    const tenet = model.get('tenet', c.tenet);
                    const name = tenet ? link(tenet) : esc(c.tenet);
                    return c.side === 'follows' ? `follows ${name}` : `sets aside ${name} <span class="reason">${esc(c.reason ?? '(no reason)')}</span>`;
                })
                .join('<br>');
            const escalated = model.target(decision, 'escalatedTo');
            out.push(
                `<tr><td>${esc(decision.date ?? '—')}</td><td><strong>${esc(decision.title ?? decision.name)}</strong> <code>${esc(decision.name)}</code></td>` +
                    `<td>${link(model.target(decision, 'owner'))}</td><td>${esc(model.target(decision, 'type')?.name ?? '—')}</td><td>${tenets || '—'}</td>` +
                    `<td>${escalated ? link(escalated) + (escalatedUnnecessarily(model, decision) ? ' (not needed)' : '') : '—'}</td></tr>`
            );
        }
        out.push('</tbody></table>');
    }
    const periods = [...byPeriod.keys()];
    const tenets = model.ofKind('tenet');
    if (log.length && tenets.length) {
        out.push(
            `<h2 id="audit">Tenet usage audit</h2><table class="tenet-audit"><thead><tr><th>Tenet</th>${periods.map(p => `<th>${esc(p)}</th>`).join('')}<th>Last cited</th></tr></thead><tbody>`
        );
        for (const tenet of tenets) {
            const use = tenetUse(model, tenet);
            const cells = periods
                .map(period => {
                    const followed = use.followed.filter(d => periodOf(d) === period).length,
                        aside = use.setAside.filter(d => periodOf(d) === period).length;
                    return `<td>${followed || aside ? `${followed} followed${aside ? `, ${aside} set aside` : ''}` : '·'}</td>`;
                })
                .join('');
            const contested = use.followed.length && use.setAside.length ? ' <span class="flag">contested</span>' : '';
            out.push(`<tr><td>${link(tenet)}${contested}</td>${cells}<td>${esc(use.lastCited ?? 'never')}</td></tr>`);
        }
        out.push('</tbody></table>');
        const unneeded = log.filter(decision => escalatedUnnecessarily(model, decision));
        out.push(`<p>Escalated without need: ${unneeded.length ? unneeded.map(d => `<code>${esc(d.name)}</code>`).join(', ') : 'none'}.</p>`);
    }
    const body = `<header class="page-head"><h1>Decisions</h1><p class="lead">The decision log by quarter, the tenets each decision followed or set aside, and how often each tenet was used. ${log.length} decision record${log.length === 1 ? '' : 's'}.</p></header>${out.join('')}`;
    return { path, title: 'Decisions', section: 'decisions', body };
}
