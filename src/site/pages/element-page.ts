/**
 * The page of one element (theme, bet, initiative, OKR, value stream, value, practice, tenet,
 * vision): what it is, its trace up to the vision, what supports it, its key results, evidence,
 * owner and findings with their explanation. Teams have their own page generator (team-page.ts).
 */
import type { StrategyElement } from '../../language/model/elements.js';
import type { WorkspaceModel } from '../../language/model/workspace-model.js';
import { betFacts, streamFacts, themeFacts } from '../../language/model/element-facts.js';
import { esc, paragraphs, inlineMarkdown } from '../html.js';
import type { Page } from '../page.js';
import type { SiteFinding } from '../site-input.js';
import { displayTitle, kindHeading, kindLabel, PAGES, type SiteContext } from '../site-context.js';
import { elementList, facts, findingList, keyResultsOf, keyResultsTable, progressSummaryHtml, section, traceHtml } from './parts.js';

const TREE_KINDS = new Set(['vision', 'theme', 'bet', 'initiative', 'okr']);

/** Header of every element page: kind, name, title, status, doc comment, link into the tree. */
export function elementHeader(context: SiteContext, from: string, element: StrategyElement): string {
    const kicker = [
        `<a href="${esc(context.links.href(from, PAGES.glossary, `concept-${element.kind}`))}" class="kind-link">${esc(kindHeading(element.kind))}</a>`,
        `<code class="name">${esc(element.name)}</code>`,
        element.status ? `<span class="status status-${esc(element.status)}">${esc(element.status)}</span>` : ''
    ]
        .filter(Boolean)
        .join(' ');
    const tree = TREE_KINDS.has(element.kind)
        ? `<p class="actions"><a class="button" href="${esc(context.links.href(from, PAGES.tree, `focus=${context.nodeId(element)}`))}">Show in the value tree</a></p>`
        : '';
    const duplicates = context.input.model.named(element.kind, element.name);
    const duplicateNote =
        duplicates.length > 1
            ? `<p class="warning-note">The name ${esc(element.name)} is given to ${duplicates.length} ${esc(kindLabel(element.kind))}s (${duplicates.map(d => `${esc(context.input.fileOf(d.uri))} line ${d.range.start.line + 1}`).join(', ')}); this page shows the first.</p>`
            : '';
    return `<header class="page-head kind-${esc(element.kind)}"><p class="kicker">${kicker}</p><h1>${esc(displayTitle(element))}</h1>${element.doc ? `<div class="doc">${paragraphs(element.doc)}</div>` : ''}${duplicateNote}${tree}</header>`;
}

export function elementPage(context: SiteContext, element: StrategyElement): Page {
    const path = context.pathOf(element)!;
    const body = [
        elementHeader(context, path, element),
        kindSections(context, path, element),
        section('Trace to the vision', traceHtml(context, path, element), { className: 'trace-block' }),
        section(
            'Findings',
            findingList(context, path, ownFindings(context, element), { showElement: element.kind === 'okr' }) ||
                '<p class="ok">No findings: this element connects as it should.</p>',
            { className: 'findings-block' }
        ),
        sourceLine(context, element)
    ].join('\n');
    return { path, title: `${kindHeading(element.kind)}: ${displayTitle(element)}`, section: 'element', body };
}

/** An element's findings; an OKR's include those on its key results. */
function ownFindings(context: SiteContext, element: StrategyElement): SiteFinding[] {
    const own = context.findingsOf(element);
    return element.kind === 'okr' ? [...own, ...keyResultsOf(context, [element]).flatMap(kr => context.findingsOf(kr))] : own;
}

export function sourceLine(context: SiteContext, element: StrategyElement): string {
    return `<p class="source-line">Written in <code>${esc(context.input.fileOf(element.uri))}</code>, line ${element.range.start.line + 1}.</p>`;
}

function kindSections(context: SiteContext, from: string, element: StrategyElement): string {
    switch (element.kind) {
        case 'vision':
            return visionSections(context, from, element);
        case 'theme':
            return themeSections(context, from, element);
        case 'bet':
            return betSections(context, from, element);
        case 'initiative':
            return initiativeSections(context, from, element);
        case 'okr':
            return okrSections(context, from, element);
        case 'stream':
            return streamSections(context, from, element);
        case 'value':
            return valueSections(context, from, element);
        case 'practice':
            return practiceSections(context, from, element);
        case 'tenet':
            return tenetSections(context, from, element);
        default:
            return '';
    }
}

const sources = (model: WorkspaceModel, element: StrategyElement, relation: Parameters<WorkspaceModel['incoming']>[1], kind?: string) =>
    unique(
        model
            .incoming(element, relation)
            .map(entry => entry.source)
            .filter(source => !kind || source.kind === kind)
    );

function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function unique(elements: StrategyElement[]): StrategyElement[] {
    return [...new Set(elements)];
}

function ownerFact(context: SiteContext, from: string, element: StrategyElement): [string, string | undefined] {
    const owner = context.input.model.target(element, 'owner');
    return ['Owner', owner ? context.link(from, owner) : undefined];
}

function horizonText(element: StrategyElement): string | undefined {
    const h = element.horizon;
    return h ? esc(h.end !== undefined ? `${h.start}–${h.end}` : String(h.start)) : undefined;
}

/** OKRs that support an element (directly), with their progress. */
function supportingOkrs(context: SiteContext, from: string, element: StrategyElement): string {
    const model = context.input.model;
    const okrs = sources(model, element, 'supports', 'okr');
    return section(
        'OKRs supporting it',
        elementList(context, from, okrs, okr => okrMeta(context, from, okr))
    );
}

export function okrMeta(context: SiteContext, from: string, okr: StrategyElement): string {
    const owner = context.input.model.target(okr, 'owner');
    return [owner ? `by ${context.link(from, owner)}` : '', okr.period ? esc(okr.period) : '', progressSummaryHtml(context.input.model, keyResultsOf(context, [okr]))]
        .filter(Boolean)
        .join(' · ');
}

function visionSections(context: SiteContext, from: string, vision: StrategyElement): string {
    const model = context.input.model;
    const themes = sources(model, vision, 'vision', 'theme');
    return [
        facts([['Horizon', horizonText(vision)], ownerFact(context, from, vision)]),
        section(
            'Themes',
            elementList(context, from, themes, theme => count(themeFacts(model, theme).bets.length, 'bet')) || '<p class="empty-note">No theme points at this vision yet.</p>'
        )
    ].join('');
}

function themeSections(context: SiteContext, from: string, theme: StrategyElement): string {
    const model = context.input.model;
    const bets = sources(model, theme, 'serves', 'bet');
    const vision = model.target(theme, 'vision');
    const okrsUnder = context.graph.nodes
        .filter(node => node.kind === 'okr' && node.themes.includes(theme.name))
        .map(node => model.get('okr', node.name))
        .filter((okr): okr is StrategyElement => !!okr);
    return [
        facts([
            ['Vision', vision ? context.link(from, vision) : undefined],
            ['Horizon', horizonText(theme)],
            ownerFact(context, from, theme),
            ['Key results below it', okrsUnder.length ? progressSummaryHtml(context.input.model, keyResultsOf(context, okrsUnder)) : undefined]
        ]),
        section(
            'Bets serving it',
            elementList(context, from, bets, bet => {
                return count(betFacts(model, bet).initiatives.length, 'initiative');
            }) || '<p class="empty-note">No bet serves this theme: intent that nobody acts on.</p>'
        ),
        supportingOkrs(context, from, theme)
    ].join('');
}

function betSections(context: SiteContext, from: string, bet: StrategyElement): string {
    const model = context.input.model;
    const initiatives = sources(model, bet, 'bet', 'initiative');
    const themes = model.targets(bet, 'serves');
    const streams = model.targets(bet, 'streams');
    return [
        bet.hypothesis
            ? `<blockquote class="hypothesis"><span class="label">Hypothesis</span> ${inlineMarkdown(bet.hypothesis)}</blockquote>`
            : '<p class="warning-note">No hypothesis is written: there is nothing evidence could prove wrong.</p>',
        facts([
            ['Serves', themes.map(theme => context.link(from, theme)).join(', ') || undefined],
            ['Value streams', streams.map(stream => context.link(from, stream)).join(', ') || undefined],
            ['Status', bet.status ? esc(bet.status) : undefined],
            ownerFact(context, from, bet)
        ]),
        section('Evidence', evidenceList(bet)),
        section(
            'Initiatives testing it',
            elementList(context, from, initiatives, initiative => {
                const stream = model.target(initiative, 'stream');
                return [stream ? `in ${context.link(from, stream)}` : '', initiative.updated ? `updated ${esc(initiative.updated)}` : ''].filter(Boolean).join(' · ');
            }) || '<p class="empty-note">No initiative tests this bet yet.</p>'
        ),
        supportingOkrs(context, from, bet)
    ].join('');
}

function evidenceList(bet: StrategyElement): string {
    const evidence = bet.evidence ?? [];
    if (!evidence.length) return '';
    const sorted = [...evidence].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    return `<ol class="evidence">${sorted.map(entry => `<li class="verdict-${entry.verdict}"><span class="date">${esc(entry.date ?? 'undated')}</span> <span class="verdict">${esc(entry.verdict)}</span> ${entry.text ? inlineMarkdown(entry.text) : ''}</li>`).join('')}</ol>`;
}

function initiativeSections(context: SiteContext, from: string, initiative: StrategyElement): string {
    const model = context.input.model;
    const bet = model.target(initiative, 'bet');
    const stream = model.target(initiative, 'stream');
    return [
        facts([
            ['Bet', bet ? context.link(from, bet) : '<span class="warning-text">none: an orphan</span>'],
            ['Value stream', stream ? context.link(from, stream) : undefined],
            ['Status', initiative.status ? esc(initiative.status) : 'none (waits in the funnel)'],
            ['Last updated', initiative.updated ? esc(initiative.updated) : undefined],
            ownerFact(context, from, initiative),
            ['Hypothesis', initiative.hypothesis ? inlineMarkdown(initiative.hypothesis) : undefined],
            ['Expected outcome', initiative.outcome ? inlineMarkdown(initiative.outcome) : undefined],
            ['Success signal', initiative.success ? inlineMarkdown(initiative.success) : undefined],
            ['Failure signal', initiative.failure ? inlineMarkdown(initiative.failure) : undefined]
        ]),
        supportingOkrs(context, from, initiative)
    ].join('');
}

function okrSections(context: SiteContext, from: string, okr: StrategyElement): string {
    const model = context.input.model;
    const supports = model.targets(okr, 'supports');
    const krs = keyResultsOf(context, [okr]);
    const supporters = unique([...sources(model, okr, 'supports', 'okr'), ...krs.flatMap(kr => sources(model, kr, 'supports', 'okr'))]);
    return [
        facts([
            [
                'Supports',
                supports.map(target => `${esc(kindHeading(target.kind))} ${context.link(from, target)}`).join(', ') ||
                    '<span class="warning-text">nothing: it aligns with no bet, theme or OKR</span>'
            ],
            ownerFact(context, from, okr),
            ['Period', okr.period ? esc(okr.period) : undefined],
            ['Progress', krs.length ? progressSummaryHtml(context.input.model, krs) : undefined]
        ]),
        section('Key results', keyResultsTable(context, from, okr)),
        section(
            'OKRs supporting it',
            elementList(context, from, supporters, other => okrMeta(context, from, other))
        )
    ].join('');
}

function streamSections(context: SiteContext, from: string, stream: StrategyElement): string {
    const model = context.input.model;
    const { initiatives, bets, doing: doingWork, overLimit: over } = streamFacts(model, stream);
    const doing = doingWork.length;
    return [
        facts([
            [
                'Work in progress',
                `<span class="${over ? 'warning-text' : ''}">${doing} doing${stream.wip !== undefined ? ` of a limit of ${stream.wip}${over ? ': over the limit' : ''}` : ' (no limit set)'}</span>`
            ],
            ownerFact(context, from, stream)
        ]),
        section('Bets flowing through it', elementList(context, from, bets)),
        section(
            'Initiatives in it',
            elementList(context, from, initiatives, initiative => {
                const bet = model.target(initiative, 'bet');
                return bet ? `bet ${context.link(from, bet)}` : '<span class="warning-text">no bet</span>';
            })
        )
    ].join('');
}

function valueSections(context: SiteContext, from: string, value: StrategyElement): string {
    const model = context.input.model;
    const parent = model.target(value, 'extends');
    return [
        facts([['Interprets', parent ? context.link(from, parent) : undefined], ownerFact(context, from, value)]),
        section('Tenets upholding it', elementList(context, from, sources(model, value, 'upholds', 'tenet'))),
        section('Practices embodying it', elementList(context, from, sources(model, value, 'embodies', 'practice'))),
        section('Values interpreting it', elementList(context, from, sources(model, value, 'extends', 'value')))
    ].join('');
}

function practiceSections(context: SiteContext, from: string, practice: StrategyElement): string {
    const values = context.input.model.targets(practice, 'embodies');
    return facts([['Embodies', values.map(v => context.link(from, v)).join(', ') || undefined], ownerFact(context, from, practice)]);
}

function tenetSections(context: SiteContext, from: string, tenet: StrategyElement): string {
    const values = context.input.model.targets(tenet, 'upholds');
    const choice =
        tenet.chosen !== undefined
            ? `<p class="tenet-choice">${tenet.situation ? `<span class="label">When</span> ${inlineMarkdown(tenet.situation)}, ` : ''}<span class="label">choose</span> <strong>${inlineMarkdown(tenet.chosen)}</strong> <span class="label">over</span> ${inlineMarkdown(tenet.over ?? '')}.</p>`
            : '';
    return (
        choice +
        facts([
            ['Situation', !tenet.chosen && tenet.situation ? inlineMarkdown(tenet.situation) : undefined],
            ['Because', tenet.rationale ? inlineMarkdown(tenet.rationale) : undefined],
            ['Upholds', values.map(v => context.link(from, v)).join(', ') || undefined]
        ])
    );
}
