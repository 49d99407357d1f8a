/**
 * The board pack: the strategy as a document to print — a cover with the vision and the health
 * of the strategy, then one page per theme (its bets, their hypotheses and latest evidence, the
 * initiatives, the OKRs with key-result progress, and the findings), then what is unaligned.
 */
import type { StrategyElement } from '../../language/model/elements.js';
import { formatPercent } from '../../language/model/progress.js';
import { progressNow } from '../../language/model/key-result-history.js';
import { esc, inlineMarkdown, paragraphs, progressBar } from '../html.js';
import { siteTitle, type Page } from '../page.js';
import { codeHelp, displayTitle, PAGES, type SiteContext } from '../site-context.js';
import { themeSubtree } from './home-page.js';
import { keyResultsOf, progressSummaryHtml, severityBadge } from './parts.js';

export function boardPackPage(context: SiteContext): Page {
    const path = PAGES.pack;
    const model = context.input.model;
    const visions = context.pageElements('vision');
    const { findings } = context.input;
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const finding of findings) counts[finding.severity]++;
    const allKrs = model.ofKind('kr');
    const cover =
        `<section class="pack-page cover"><p class="kicker">Board pack</p><h1>${esc(siteTitle(context))}</h1>` +
        visions.map(v => `<div class="vision"><h2>${context.link(path, v)}</h2>${v.doc ? paragraphs(v.doc) : ''}</div>`).join('') +
        `<dl class="facts"><dt>Findings</dt><dd>${counts.error} errors, ${counts.warning} warnings, ${counts.info} info</dd>` +
        `<dt>Key results</dt><dd>${progressSummaryHtml(context.input.model, allKrs)}</dd>` +
        `<dt>Work in progress</dt><dd>${
            context.kanban.lanes
                .filter(l => l.stream)
                .map(
                    lane =>
                        `${esc(lane.title ?? lane.stream)}: ${lane.doing}${lane.wip !== undefined ? ` / ${lane.wip}` : ''}${lane.exceeded ? ' <strong class="warning-text">over the limit</strong>' : ''}`
                )
                .join('; ') || 'no value streams'
        }</dd>` +
        (context.input.today ? `<dt>As of</dt><dd>${esc(context.input.today)}</dd>` : '') +
        '</dl></section>';

    const themes = context.graph.nodes
        .filter(node => node.kind === 'theme')
        .map(node => model.get('theme', node.name))
        .filter((t): t is StrategyElement => !!t);
    const themePages = themes.map(theme => themeSheet(context, path, theme)).join('');
    const unalignedNode = context.graph.nodes.find(node => node.kind === 'group');
    const unaligned = unalignedNode
        ? context.graph.nodes
              .filter(node => node.unaligned && node.kind !== 'group')
              .map(node => model.get(node.kind as StrategyElement['kind'], node.name))
              .filter((e): e is StrategyElement => !!e)
        : [];
    const unalignedPage = unaligned.length
        ? `<section class="pack-page"><h2>Unaligned work</h2><p>These link to nothing above them, so nobody can trace them to the vision.</p><table class="pack-table"><thead><tr><th>Element</th><th>Why</th></tr></thead><tbody>` +
          unaligned.map(e => `<tr><td>${context.link(path, e)}</td><td>${esc(context.findingsOf(e)[0]?.message ?? '')}</td></tr>`).join('') +
          '</tbody></table></section>'
        : '';
    const byCode = new Map<string, number>();
    for (const finding of findings) byCode.set(finding.code, (byCode.get(finding.code) ?? 0) + 1);
    const findingsPage = findings.length
        ? `<section class="pack-page"><h2>Findings</h2><table class="pack-table"><thead><tr><th>Code</th><th>Places</th><th>What it means · how to fix</th></tr></thead><tbody>` +
          [...byCode.entries()]
              .map(([code, n]) => {
                  const help = codeHelp(code);
                  return `<tr><td>${severityBadge(findings.find(f => f.code === code)!.severity)} <code>${esc(code)}</code></td><td class="num">${n}</td><td>${inlineMarkdown(help.summary)}${help.fix ? ` ${inlineMarkdown(help.fix)}` : ''}</td></tr>`;
              })
              .join('') +
          '</tbody></table></section>'
        : '';
    const body = `<p class="screen-only print-hint">Print this page (or save it as PDF) for a board pack: one theme per page.</p>${cover}${themePages}${unalignedPage}${findingsPage}`;
    return { path, title: 'Board pack', section: 'pack', body, bodyClass: 'pack' };
}

function themeSheet(context: SiteContext, path: string, theme: StrategyElement): string {
    const model = context.input.model;
    const below = themeSubtree(context, theme);
    const bets = model
        .incoming(theme, 'serves')
        .map(entry => entry.source)
        .filter(s => s.kind === 'bet');
    const okrs = below.filter(e => e.kind === 'okr');
    const findings = [theme, ...below].flatMap(e => context.findingsOf(e));
    const betBlocks = bets
        .map(bet => {
            const latest = [...(bet.evidence ?? [])].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
            const initiatives = model.incoming(bet, 'bet').map(entry => entry.source);
            return (
                `<div class="pack-bet"><h3>${context.link(path, bet)}${bet.status ? ` <span class="status status-${esc(bet.status)}">${esc(bet.status)}</span>` : ''}</h3>` +
                (bet.hypothesis ? `<p class="hypothesis">${inlineMarkdown(bet.hypothesis)}</p>` : '<p class="warning-text">No hypothesis.</p>') +
                (latest
                    ? `<p class="meta">Latest evidence${latest.date ? ` (${esc(latest.date)})` : ''}: <span class="verdict verdict-${latest.verdict}">${esc(latest.verdict)}</span> ${latest.text ? inlineMarkdown(latest.text) : ''}</p>`
                    : '') +
                (initiatives.length
                    ? `<table class="pack-table"><thead><tr><th>Initiative</th><th>Status</th><th>Stream</th><th>Owner</th><th>Updated</th></tr></thead><tbody>${initiatives
                          .map(i => {
                              const stream = model.target(i, 'stream'),
                                  owner = model.target(i, 'owner');
                              return `<tr><td>${context.link(path, i)}</td><td>${esc(i.status ?? '—')}</td><td>${stream ? esc(displayTitle(stream)) : '—'}</td><td>${owner ? esc(displayTitle(owner)) : '—'}</td><td>${esc(i.updated ?? '—')}</td></tr>`;
                          })
                          .join('')}</tbody></table>`
                    : '<p class="meta">No initiative tests this bet.</p>') +
                '</div>'
            );
        })
        .join('');
    const okrBlock = okrs.length
        ? `<h3>OKRs</h3><table class="pack-table"><thead><tr><th>Objective · key result</th><th>Owner</th><th>Progress</th></tr></thead><tbody>${okrs
              .map(okr => {
                  const owner = model.target(okr, 'owner');
                  const rows = keyResultsOf(context, [okr])
                      .map(kr => {
                          const p = progressNow(model, kr);
                          return `<tr class="kr-row"><td>${esc(kr.title ?? kr.name)}</td><td></td><td>${progressBar(p, p === undefined ? 'no figure' : formatPercent(p))} ${p === undefined ? '—' : esc(formatPercent(p))}</td></tr>`;
                      })
                      .join('');
                  return `<tr class="okr-row"><td>${context.link(path, okr)}${okr.period ? ` <span class="meta">${esc(okr.period)}</span>` : ''}</td><td>${owner ? esc(displayTitle(owner)) : '—'}</td><td></td></tr>${rows}`;
              })
              .join('')}</tbody></table>`
        : '';
    const findingBlock = findings.length
        ? `<h3>Findings</h3><ul class="pack-findings">${findings
              .slice(0, 12)
              .map(f => `<li>${severityBadge(f.severity)} ${esc(f.message)}</li>`)
              .join('')}${findings.length > 12 ? `<li class="meta">and ${findings.length - 12} more (see the findings page)</li>` : ''}</ul>`
        : '';
    return (
        `<section class="pack-page theme-sheet"><p class="kicker">Theme${theme.horizon ? ` · ${esc(theme.horizon.end !== undefined ? `${theme.horizon.start}–${theme.horizon.end}` : theme.horizon.start)}` : ''}</p>` +
        `<h2>${context.link(path, theme)}</h2>${theme.doc ? paragraphs(theme.doc) : ''}` +
        (betBlocks || '<p class="warning-text">No bet serves this theme.</p>') +
        okrBlock +
        findingBlock +
        '</section>'
    );
}
