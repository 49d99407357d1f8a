/**
 * Pieces several pages share: finding lists with their explanation, key results with progress,
 * traces up to the vision, lists of linked elements, fact tables.
 */
import type { CheckInEntry, StrategyElement } from '../../language/model/elements.js';
import { formatPercent } from '../../language/model/progress.js';
import { describeCurrent, describeProgressNow, progressNow } from '../../language/model/key-result-history.js';
import type { WorkspaceModel } from '../../language/model/workspace-model.js';
import { MAX_TRACE_STEPS, tracesOf } from '../../language/model/trace.js';
import { faultOf } from '../../language/validation/issue.js';
import { esc, inlineMarkdown, progressBar } from '../html.js';
import { codeHelp, displayTitle, kindHeading, krAnchor, PAGES, type SiteContext } from '../site-context.js';
import type { SiteFinding } from '../site-input.js';

export function section(title: string, content: string, options: { id?: string; className?: string } = {}): string {
    if (!content) return '';
    return `<section class="block${options.className ? ` ${options.className}` : ''}"${options.id ? ` id="${esc(options.id)}"` : ''}><h2>${esc(title)}</h2>${content}</section>`;
}

/** A definition list of facts; entries without a value are left out. */
export function facts(entries: ReadonlyArray<[string, string | undefined]>): string {
    const rows = entries.filter(([, value]) => value !== undefined && value !== '');
    if (!rows.length) return '';
    return `<dl class="facts">${rows.map(([term, value]) => `<dt>${esc(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

export function severityBadge(severity: string): string {
    return `<span class="sev sev-${esc(severity)}">${esc(severity)}</span>`;
}

/** Findings with what they mean and how to fix them; links to the code's entry on the findings page. */
export function findingList(context: SiteContext, from: string, findings: readonly SiteFinding[], options: { showElement?: boolean } = {}): string {
    if (!findings.length) return '';
    const items = findings.map(finding => {
        const help = codeHelp(finding.code);
        const fix = finding.fix ?? help.fix;
        const where = options.showElement && finding.element ? ` on ${context.link(from, finding.element)}` : '';
        return (
            `<li class="finding sev-${esc(finding.severity)}">` +
            `<div class="finding-head">${severityBadge(finding.severity)} <a class="code" href="${esc(context.links.href(from, PAGES.findings, `code-${finding.code}`))}">${esc(finding.code)}</a>${where}</div>` +
            `<p class="message">${esc(faultOf(finding.message, fix))}</p>` +
            (fix ? `<p class="fix"><span class="label">How to fix:</span> ${inlineMarkdown(fix)}</p>` : '') +
            (help.why ? `<p class="why"><span class="label">Why it matters:</span> ${inlineMarkdown(help.why)}</p>` : '') +
            `<p class="source">${esc(finding.file)}, line ${finding.line}</p>` +
            '</li>'
        );
    });
    return `<ul class="findings">${items.join('')}</ul>`;
}

/** Every chain from the element up to its root, top first: Vision › Theme › Bet › this. */
export function traceHtml(context: SiteContext, from: string, element: StrategyElement): string {
    const traces = tracesOf(context.input.model, element);
    const chains = traces.filter(trace => trace.length > 1);
    if (!chains.length) {
        return `<p class="trace none">${esc(kindHeading(element.kind))} links to nothing above it${element.kind === 'vision' ? ': it is the root of the tree.' : ', so nobody can trace it to the vision.'}</p>`;
    }
    const items = chains.map(trace => {
        const top = trace[trace.length - 1];
        const reachesVision = top.kind === 'vision';
        const steps = [...trace]
            .reverse()
            .map((step, i, all) =>
                i === all.length - 1
                    ? `<span class="here">${esc(displayTitle(step))}</span>`
                    : `<span class="step"><span class="kind">${esc(kindHeading(step.kind))}</span> ${context.link(from, step)}</span>`
            );
        if (trace.continues) steps.unshift(`<span class="step">… ${esc(`more than ${MAX_TRACE_STEPS} steps up`)}</span>`);
        const fine = reachesVision || trace.continues || top.kind === 'team' || top.kind === 'value';
        return `<li${fine ? '' : ' class="broken"'}>${steps.join('<span class="sep" aria-hidden="true">›</span>')}${fine ? '' : ' <span class="note">(does not reach a vision)</span>'}</li>`;
    });
    return `<ol class="trace">${items.join('')}</ol>`;
}

/** A list of linked elements with a short description each. */
export function elementList(context: SiteContext, from: string, elements: readonly StrategyElement[], describe?: (element: StrategyElement) => string): string {
    if (!elements.length) return '';
    return `<ul class="elements">${elements
        .map(element => {
            const extra = describe?.(element);
            const issues = context.findingsOf(element).length;
            return (
                `<li>${context.link(from, element)}${element.status ? ` <span class="status status-${esc(element.status)}">${esc(element.status)}</span>` : ''}` +
                `${issues ? ` <span class="issues" title="${issues} finding${issues === 1 ? '' : 's'}">${issues}</span>` : ''}` +
                `${extra ? ` <span class="meta">${extra}</span>` : ''}</li>`
            );
        })
        .join('')}</ul>`;
}

/** Key results of an OKR: progress bar, the numbers in words, their findings and check-ins. */
export function keyResultsTable(context: SiteContext, from: string, okr: StrategyElement, options: { compact?: boolean } = {}): string {
    const krs = (okr.keyResults ?? []).map(name => context.input.model.get('kr', name)).filter((kr): kr is StrategyElement => !!kr);
    if (!krs.length) return '<p class="empty-note">No key results yet: nothing shows whether this objective is being reached.</p>';
    const rows = krs.map(kr => {
        const model = context.input.model;
        const progress = progressNow(model, kr);
        const short = kr.name.slice(kr.name.lastIndexOf('.') + 1);
        const anchor = context.links.anchorId(from, krAnchor(kr));
        const findings = context.findingsOf(kr);
        if (options.compact) {
            return (
                `<li class="kr-line">` +
                `<span class="kr-title">${esc(kr.title ?? short)}</span>` +
                `<span class="kr-progress">${progressBar(progress, progress === undefined ? 'no progress figure' : `${formatPercent(progress)} of the way`)}<span class="pct">${progress === undefined ? '—' : esc(formatPercent(progress))}</span></span>` +
                `<span class="kr-detail">${inlineMarkdown(describeProgressNow(model, kr))}${findings.length ? ` <span class="issues" title="${findings.length} finding${findings.length === 1 ? '' : 's'}">${findings.length}</span>` : ''}</span>` +
                '</li>'
            );
        }
        return (
            `<li class="kr" id="${esc(anchor)}">` +
            `<div class="kr-head"><span class="kr-title">${esc(kr.title ?? short)}</span> <code class="name">${esc(short)}</code></div>` +
            `<div class="kr-progress">${progressBar(progress, progress === undefined ? 'no progress figure' : `${formatPercent(progress)} of the way`)}<span class="pct">${progress === undefined ? '—' : esc(formatPercent(progress))}</span></div>` +
            `<p class="kr-detail">${inlineMarkdown(describeProgressNow(model, kr))}</p>` +
            `<p class="kr-current meta">Current: ${inlineMarkdown(describeCurrent(model, kr))}</p>` +
            checkInTable(context.input.model.checkInsOf(kr)) +
            findingList(context, from, findings) +
            '</li>'
        );
    });
    return `<ol class="krs${options.compact ? ' compact' : ''}">${rows.join('')}</ol>`;
}

/** A key result's check-ins, newest first: what the team read, how sure it was, what it noted. */
export function checkInTable(checkIns: readonly CheckInEntry[]): string {
    if (!checkIns.length) return '';
    const rows = [...checkIns]
        .reverse()
        .map(entry => '<tr>' + `<td>${esc(entry.date)}</td><td>${esc(entry.value.text)}</td>` + `<td>${esc(entry.confidence ?? '')}</td><td>${esc(entry.note ?? '')}</td></tr>`);
    return (
        `<table class="checkins"><caption>Check-ins (${checkIns.length})</caption>` +
        '<thead><tr><th>Date</th><th>Reading</th><th>Confidence</th><th>Note</th></tr></thead>' +
        `<tbody>${rows.join('')}</tbody></table>`
    );
}

/** Average progress of the key results that have a figure, and how many have one. */
export function progressSummary(model: WorkspaceModel, krs: readonly StrategyElement[]): { measured: number; total: number; average?: number } {
    const values = krs.map(kr => progressNow(model, kr)).filter((v): v is number => v !== undefined);
    return {
        measured: values.length,
        total: krs.length,
        ...(values.length ? { average: values.reduce((a, b) => a + b, 0) / values.length } : {})
    };
}

export function progressSummaryHtml(model: WorkspaceModel, krs: readonly StrategyElement[]): string {
    const summary = progressSummary(model, krs);
    if (!summary.total) return '<span class="meta">no key results</span>';
    if (summary.average === undefined) return `<span class="meta">${summary.total} key result${summary.total === 1 ? '' : 's'}, none measured yet</span>`;
    return (
        `<span class="mini-progress">${progressBar(summary.average, `${formatPercent(summary.average)} on average`)}<span class="pct">${esc(formatPercent(summary.average))}</span></span>` +
        ` <span class="meta">${summary.measured} of ${summary.total} key result${summary.total === 1 ? '' : 's'} measured</span>`
    );
}

/** The key results of OKRs. */
export function keyResultsOf(context: SiteContext, okrs: readonly StrategyElement[]): StrategyElement[] {
    return okrs.flatMap(okr => (okr.keyResults ?? []).map(name => context.input.model.get('kr', name)).filter((kr): kr is StrategyElement => !!kr));
}
