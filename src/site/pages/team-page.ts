/**
 * The page of a team: where it sits in the organisation, its OKRs with what they support and
 * their progress, its initiatives, its practices, and what else it owns. Plus the list of all
 * teams as an organisation tree.
 */
import type { StrategyElement } from '../../language/model/elements.js';
import { esc } from '../html.js';
import type { Page } from '../page.js';
import { displayTitle, kindHeading, PAGES, type SiteContext } from '../site-context.js';
import { elementHeader, okrMeta, sourceLine } from './element-page.js';
import { elementList, facts, findingList, keyResultsOf, keyResultsTable, progressSummaryHtml, section, traceHtml } from './parts.js';

export function teamPage(context: SiteContext, team: StrategyElement): Page {
    const path = context.pathOf(team)!;
    const model = context.input.model;
    const owned = (kind: StrategyElement['kind']) =>
        model
            .incoming(team, 'owner')
            .map(entry => entry.source)
            .filter(source => source.kind === kind);
    const okrs = owned('okr');
    const initiatives = owned('initiative');
    const practices = owned('practice');
    const parent = model.target(team, 'parent');
    const children = model.incoming(team, 'parent').map(entry => entry.source);
    const others = (['theme', 'bet', 'stream', 'value', 'vision'] as const).flatMap(kind => owned(kind));
    const krs = keyResultsOf(context, okrs);
    const supported = [...new Set(okrs.flatMap(okr => model.targets(okr, 'supports')))];

    const okrBlocks = okrs
        .map(okr => {
            const supports = model.targets(okr, 'supports');
            return (
                `<article class="okr-card"><h3>${context.link(path, okr)}</h3>` +
                `<p class="meta">${[okr.period ? esc(okr.period) : '', supports.length ? `supports ${supports.map(target => `${esc(kindHeading(target.kind).toLowerCase())} ${context.link(path, target)}`).join(', ')}` : '<span class="warning-text">supports nothing</span>'].filter(Boolean).join(' · ')}</p>` +
                keyResultsTable(context, path, okr, { compact: true }) +
                '</article>'
            );
        })
        .join('');

    const body = [
        elementHeader(context, path, team),
        facts([
            ['Level', team.level ? esc(team.level) : undefined],
            ['Part of', parent ? context.link(path, parent) : undefined],
            ['Key results', krs.length ? progressSummaryHtml(context.input.model, krs) : undefined]
        ]),
        section('OKRs', okrBlocks || '<p class="empty-note">This team has written no OKRs yet.</p>', { className: 'team-okrs' }),
        section(
            'What its OKRs support',
            elementList(context, path, supported, target => esc(kindHeading(target.kind)))
        ),
        section(
            'Initiatives',
            elementList(context, path, initiatives, initiative => {
                const bet = model.target(initiative, 'bet');
                return bet ? `bet ${context.link(path, bet)}` : '<span class="warning-text">no bet</span>';
            })
        ),
        section(
            'Practices',
            elementList(context, path, practices, practice =>
                model
                    .targets(practice, 'embodies')
                    .map(value => `embodies ${context.link(path, value)}`)
                    .join(', ')
            )
        ),
        section(
            'Also owns',
            elementList(context, path, others, element => esc(kindHeading(element.kind)))
        ),
        section(
            'Teams within it',
            elementList(context, path, children, child => (child.level ? esc(child.level) : ''))
        ),
        section('Where it sits', traceHtml(context, path, team)),
        section(
            'Findings',
            findingList(
                context,
                path,
                [
                    ...context.findingsOf(team),
                    ...okrs.flatMap(okr => [okr, ...keyResultsOf(context, [okr])]).flatMap(e => context.findingsOf(e)),
                    ...initiatives.flatMap(i => context.findingsOf(i))
                ],
                { showElement: true }
            ) || '<p class="ok">No findings on this team or the OKRs and initiatives it owns.</p>'
        ),
        sourceLine(context, team)
    ].join('\n');
    return { path, title: `Team: ${displayTitle(team)}`, section: 'teams', body };
}

/** Every team as an organisation tree (parents before children), with counts of what each owns. */
export function teamsPage(context: SiteContext): Page {
    const path = PAGES.teams;
    const model = context.input.model;
    const teams = context.pageElements('team');
    const onPage = new Set(teams);
    const childrenOf = new Map<StrategyElement | undefined, StrategyElement[]>();
    for (const team of teams) {
        const parent = model.target(team, 'parent');
        const key = parent && onPage.has(parent) && parent !== team ? parent : undefined;
        const list = childrenOf.get(key);
        if (list) list.push(team);
        else childrenOf.set(key, [team]);
    }
    const seen = new Set<StrategyElement>();
    const item = (team: StrategyElement): string => {
        const owned = model.incoming(team, 'owner').map(entry => entry.source);
        const okrs = owned.filter(e => e.kind === 'okr');
        const initiatives = owned.filter(e => e.kind === 'initiative').length;
        const meta = [
            team.level ? esc(team.level) : '',
            `${okrs.length} OKR${okrs.length === 1 ? '' : 's'}`,
            `${initiatives} initiative${initiatives === 1 ? '' : 's'}`,
            okrs.length ? progressSummaryHtml(context.input.model, keyResultsOf(context, okrs)) : ''
        ]
            .filter(Boolean)
            .join(' · ');
        return `<li>${context.link(path, team)} <span class="meta">${meta}</span>`;
    };
    // Nested lists, written with an explicit stack: an organisation thousands of levels deep
    // (a generated or mistaken `parent` chain) cannot overflow the call stack.
    const parts: string[] = [];
    const open = (parent: StrategyElement | undefined) => {
        const list = (childrenOf.get(parent) ?? []).filter(team => !seen.has(team));
        for (const team of list) seen.add(team);
        if (list.length) parts.push('<ul class="org">');
        return { list, next: 0 };
    };
    const stack = [open(undefined)];
    while (stack.length) {
        const frame = stack[stack.length - 1];
        if (frame.next > 0) parts.push('</li>');
        if (frame.next >= frame.list.length) {
            if (frame.list.length) parts.push('</ul>');
            stack.pop();
            continue;
        }
        const team = frame.list[frame.next++];
        parts.push(item(team));
        stack.push(open(team));
    }
    let tree = parts.join('');
    // Teams in a parent cycle have no root: list them too, so none is missing.
    const rest = teams.filter(team => !seen.has(team));
    if (rest.length) tree += `<h2>Teams in a parent cycle</h2>${elementList(context, path, rest)}`;
    const okrsWithoutTeam = context.pageElements('okr').filter(okr => !model.target(okr, 'owner'));
    const body =
        `<header class="page-head"><h1>Teams</h1><p class="lead">Who writes OKRs and owns the work, by level of the organisation.</p></header>` +
        (teams.length ? tree : '<p class="empty-note">No teams are written yet.</p>') +
        section(
            'OKRs without an owner',
            elementList(context, path, okrsWithoutTeam, okr => okrMeta(context, path, okr))
        );
    return { path, title: 'Teams', section: 'teams', body };
}
