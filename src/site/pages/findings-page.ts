/**
 * All findings, grouped by code (worst first), each group with what the code means and how to
 * fix it, then every place it occurs with a link to the element's page.
 */
import { CATALOGUE, DIAGNOSTIC_CODES } from '../../language/validation/codes.js';
import { esc, inlineMarkdown } from '../html.js';
import type { Page } from '../page.js';
import { codeHelp, PAGES, type SiteContext } from '../site-context.js';
import { severityRank, type SiteFinding } from '../site-input.js';
import { severityBadge } from './parts.js';

export function findingsPage(context: SiteContext): Page {
    const path = PAGES.findings;
    const { findings } = context.input;
    const groups = new Map<string, SiteFinding[]>();
    for (const finding of findings) groups.set(finding.code, [...(groups.get(finding.code) ?? []), finding]);
    const ordered = [...groups.entries()].sort((a, b) => severityRank(a[1][0].severity) - severityRank(b[1][0].severity) || (a[0] < b[0] ? -1 : 1));
    const counts = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const finding of findings) counts[finding.severity]++;
    const summary = `<p class="lead">${
        findings.length
            ? `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${(['error', 'warning', 'info', 'hint'] as const)
                  .filter(s => counts[s])
                  .map(s => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}`)
                  .join(', ')}. Each is a place where intent and work fail to connect; the fix says what to write instead.`
            : 'No findings: intent and work connect.'
    }</p>`;
    const toc = ordered.length
        ? `<nav class="toc" aria-label="Codes"><ul>${ordered.map(([code, list]) => `<li>${severityBadge(list[0].severity)} <a href="${esc(context.links.href(path, path, `code-${code}`))}">${esc(code)}</a> <span class="meta">${list.length}</span></li>`).join('')}</ul></nav>`
        : '';
    const sections = ordered
        .map(([code, list]) => {
            const help = codeHelp(code);
            const items = list
                .map(
                    finding =>
                        `<li>` +
                        (finding.element ? `${context.link(path, finding.element)} · ` : '') +
                        `<span class="message">${esc(finding.message)}</span> <span class="source">${esc(finding.file)}, line ${finding.line}</span></li>`
                )
                .join('');
            return (
                `<section class="block code-group sev-${esc(list[0].severity)}" id="${esc(context.links.anchorId(path, `code-${code}`))}">` +
                `<h2>${severityBadge(list[0].severity)} <code>${esc(code)}</code> <span class="meta">${list.length} place${list.length === 1 ? '' : 's'}</span></h2>` +
                `<p><span class="label">What it means:</span> ${inlineMarkdown(help.summary)}</p>` +
                (help.fix ? `<p class="fix"><span class="label">How to fix:</span> ${inlineMarkdown(help.fix)}</p>` : '') +
                `<ul class="occurrences">${items}</ul></section>`
            );
        })
        .join('');
    const quiet = DIAGNOSTIC_CODES.filter(code => !groups.has(code));
    const clean = quiet.length
        ? `<section class="block"><h2>Checks with nothing to report</h2><ul class="quiet">${quiet.map(code => `<li><code>${esc(code)}</code> — ${inlineMarkdown(CATALOGUE[code].summary)}</li>`).join('')}</ul></section>`
        : '';
    const body = `<header class="page-head"><h1>Findings</h1>${summary}</header>${toc}${sections}${clean}`;
    return { path, title: 'Findings', section: 'findings', body };
}
