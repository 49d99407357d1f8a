/**
 * The home page: the vision, the themes, and the health of the strategy at a glance — findings
 * by severity, key-result progress, work in progress per value stream.
 */
import type { StrategyElement } from '../../language/model/elements.js';
import { formatPercent } from '../../language/model/progress.js';
import { progressNow } from '../../language/model/key-result-history.js';
import { esc, paragraphs, progressBar } from '../html.js';
import type { Page } from '../page.js';
import { siteTitle } from '../page.js';
import { PAGES, type SiteContext } from '../site-context.js';
import { keyResultsOf, progressSummaryHtml, section, severityBadge } from './parts.js';

/** The elements below a theme in the tree (its bets, their initiatives and the OKRs under them). */
export function themeSubtree(context: SiteContext, theme: StrategyElement): StrategyElement[] {
    const model = context.input.model;
    return context.graph.nodes
        .filter(node => node.kind !== 'theme' && node.kind !== 'group' && node.themes.includes(theme.name))
        .map(node => model.get(node.kind as StrategyElement['kind'], node.name))
        .filter((element): element is StrategyElement => !!element);
}

export function homePage(context: SiteContext): Page {
    const path = PAGES.home;
    const model = context.input.model;
    const visions = context.pageElements('vision');
    const hero = visions.length
        ? visions
              .map(
                  vision =>
                      `<section class="vision"><p class="kicker">Vision${vision.horizon ? ` · ${esc(vision.horizon.end !== undefined ? `${vision.horizon.start}–${vision.horizon.end}` : vision.horizon.start)}` : ''}</p>` +
                      `<h1>${context.link(path, vision)}</h1>${vision.doc ? `<div class="doc">${paragraphs(vision.doc)}</div>` : ''}</section>`
              )
              .join('')
        : `<section class="vision"><h1>${esc(siteTitle(context))}</h1><p class="warning-note">No vision is written yet: the themes below have nothing to point at.</p></section>`;

    const themes = context.graph.nodes
        .filter(node => node.kind === 'theme')
        .map(node => model.get('theme', node.name))
        .filter((t): t is StrategyElement => !!t);
    const themeCards = themes
        .map(theme => {
            const below = themeSubtree(context, theme);
            const bets = below.filter(e => e.kind === 'bet').length;
            const doing = below.filter(e => e.kind === 'initiative' && e.status === 'doing').length;
            const initiatives = below.filter(e => e.kind === 'initiative').length;
            const krs = keyResultsOf(
                context,
                below.filter(e => e.kind === 'okr')
            );
            const findings = [theme, ...below].reduce((n, e) => n + context.findingsOf(e).length, 0);
            return (
                `<article class="card theme-card"><h3>${context.link(path, theme)}</h3>` +
                `<p class="meta">${theme.horizon ? `horizon ${esc(theme.horizon.end !== undefined ? `${theme.horizon.start}–${theme.horizon.end}` : theme.horizon.start)} · ` : ''}${bets} bet${bets === 1 ? '' : 's'} · ${initiatives} initiative${initiatives === 1 ? '' : 's'} (${doing} doing)</p>` +
                `<p>${progressSummaryHtml(context.input.model, krs)}</p>` +
                (findings
                    ? `<p class="meta"><span class="issues">${findings}</span> finding${findings === 1 ? '' : 's'} in this theme</p>`
                    : '<p class="meta ok">no findings</p>') +
                '</article>'
            );
        })
        .join('');

    const body = [
        hero,
        `<section class="health" aria-label="Health of the strategy">${findingsCard(context)}${progressCard(context)}${wipCard(context)}</section>`,
        section('Themes', themeCards ? `<div class="cards">${themeCards}</div>` : '<p class="empty-note">No themes yet.</p>'),
        `<p class="actions"><a class="button" href="${esc(context.links.href(path, PAGES.tree))}">Open the value tree</a> <a class="button" href="${esc(context.links.href(path, PAGES.kanban))}">Portfolio Kanban</a> <a class="button" href="${esc(context.links.href(path, PAGES.pack))}">Board pack (print)</a></p>`
    ].join('\n');
    return { path, title: 'Overview', section: 'home', body };
}

function findingsCard(context: SiteContext): string {
    const path = PAGES.home;
    const { findings } = context.input;
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const finding of findings) counts[finding.severity]++;
    const codes = new Map<string, number>();
    for (const finding of findings) codes.set(finding.code, (codes.get(finding.code) ?? 0) + 1);
    const top = [...codes.entries()].slice(0, 5);
    return (
        `<article class="card health-card"><h2>Findings</h2>` +
        `<ul class="severity-counts">${(['error', 'warning', 'info'] as const).map(s => `<li class="sev-${s}"><span class="n">${counts[s]}</span> ${s === 'info' ? 'info' : `${s}${counts[s] === 1 ? '' : 's'}`}</li>`).join('')}</ul>` +
        (top.length
            ? `<ul class="top-codes">${top.map(([code, n]) => `<li>${severityBadge(findings.find(f => f.code === code)!.severity)} <a href="${esc(context.links.href(path, PAGES.findings, `code-${code}`))}">${esc(code)}</a> <span class="meta">${n}</span></li>`).join('')}</ul>`
            : '<p class="ok">Intent and work connect: nothing to report.</p>') +
        `<p><a href="${esc(context.links.href(path, PAGES.findings))}">All findings with their fixes</a></p></article>`
    );
}

function progressCard(context: SiteContext): string {
    const krs = context.input.model.ofKind('kr');
    const values = krs.map(kr => progressNow(context.input.model, kr));
    const measured = values.filter((v): v is number => v !== undefined);
    const reached = measured.filter(v => v >= 1).length;
    const notMeasurable = krs.filter(kr => !kr.baseline || !kr.target).length;
    const average = measured.length ? measured.reduce((a, b) => a + b, 0) / measured.length : undefined;
    return (
        `<article class="card health-card"><h2>Key results</h2>` +
        (krs.length
            ? `<p class="big">${average === undefined ? '—' : esc(formatPercent(average))}</p><p class="meta">average progress of ${measured.length} measured key result${measured.length === 1 ? '' : 's'}</p>${progressBar(average, 'average progress')}` +
              `<ul class="kr-counts"><li>${krs.length} key result${krs.length === 1 ? '' : 's'} in ${context.input.model.ofKind('okr').length} OKRs</li><li>${reached} reached their target</li><li>${krs.length - measured.length - notMeasurable} without a current reading</li><li>${notMeasurable} not measurable (no from … to …)</li></ul>`
            : '<p class="empty-note">No key results yet.</p>') +
        `<p><a href="${esc(context.links.href(PAGES.home, PAGES.teams))}">Progress by team</a></p></article>`
    );
}

function wipCard(context: SiteContext): string {
    const path = PAGES.home;
    const lanes = context.kanban.lanes;
    const model = context.input.model;
    const rows = lanes
        .map(lane => {
            const stream = lane.stream ? model.get('stream', lane.stream) : undefined;
            const name = stream ? context.link(path, stream) : esc(lane.title ?? 'No value stream');
            const limit = lane.wip;
            const fraction = limit ? lane.doing / limit : undefined;
            return (
                `<tr class="${lane.exceeded ? 'exceeded' : ''}"><th scope="row">${name}</th><td class="num">${lane.doing}${limit !== undefined ? ` / ${limit}` : ''}</td>` +
                `<td>${limit !== undefined ? progressBar(fraction ?? 0, `${lane.doing} of ${limit}`, 'load') : '<span class="meta">no limit</span>'}${lane.exceeded ? ' <span class="warning-text">over the limit</span>' : ''}</td></tr>`
            );
        })
        .join('');
    return (
        `<article class="card health-card"><h2>Work in progress</h2>` +
        (lanes.length
            ? `<table class="wip-table"><thead><tr><th>Value stream</th><th>Doing</th><th>Against the limit</th></tr></thead><tbody>${rows}</tbody></table>`
            : '<p class="empty-note">No value streams yet.</p>') +
        `<p><a href="${esc(context.links.href(path, PAGES.kanban))}">The Portfolio Kanban</a></p></article>`
    );
}
