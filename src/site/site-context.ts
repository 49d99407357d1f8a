/**
 * What every page generator shares: the stable address of each element's page, the findings of
 * each element, the Lean Value Tree graph and the kanban board (the editor's own pure functions),
 * and small helpers that turn elements into links. Built once per site.
 */
import { buildDiagramGraph, type DiagramGraph } from '../diagram/graph.js';
import { buildKanban, type KanbanBoard } from '../diagram/kanban.js';
import { CATALOGUE, isDiagnosticCode, type CatalogueEntry } from '../language/validation/codes.js';
import { KIND_LABEL, type ElementKind, type StrategyElement } from '../language/model/elements.js';
import { esc, SiteLinks, type LinkMode } from './html.js';
import type { SiteFinding, SiteInput } from './site-input.js';

/** Kinds with a page of their own; a key result is a section of its OKR's page. */
export const PAGE_KINDS: readonly ElementKind[] = ['vision', 'theme', 'bet', 'stream', 'initiative', 'okr', 'team', 'value', 'practice', 'tenet'];

/** The fixed pages, by site path. */
export const PAGES = {
    home: 'index.html',
    tree: 'tree.html',
    kanban: 'kanban.html',
    findings: 'findings.html',
    glossary: 'glossary.html',
    pack: 'board-pack.html',
    teams: 'teams.html',
    decisions: 'decisions.html'
} as const;

export interface SiteContext {
    input: SiteInput;
    links: SiteLinks;
    graph: DiagramGraph;
    kanban: KanbanBoard;
    /** Site path of an element's page (a key result's: its OKR's page); undefined if it has none. */
    pathOf(element: StrategyElement): string | undefined;
    /** Anchor of a key result on its OKR's page. */
    anchorOf(element: StrategyElement): string | undefined;
    findingsOf(element: StrategyElement): SiteFinding[];
    /** Elements of a kind that have a page, in a reading order (by title, then name). */
    pageElements(kind: ElementKind): StrategyElement[];
    /** `<a href="…">Title</a>` from page `from` to an element (plain text if it has no page). */
    link(from: string, element: StrategyElement, text?: string): string;
    /** Tree node id of an element (the diagram's `kind:Name`). */
    nodeId(element: StrategyElement): string;
}

export function createSiteContext(input: SiteInput, mode: LinkMode): SiteContext {
    const { model } = input;
    const links = new SiteLinks(mode);
    const paths = assignPaths(input);
    const findingsBy = new Map<StrategyElement, SiteFinding[]>();
    for (const finding of input.findings) {
        if (!finding.element) continue;
        const list = findingsBy.get(finding.element);
        if (list) list.push(finding);
        else findingsBy.set(finding.element, [finding]);
    }
    const graph = buildDiagramGraph(model, input.issues, input.severityOf, input.clock);
    const kanban = buildKanban(model, input.issues, input.severityOf, input.clock);
    const sorted = new Map<ElementKind, StrategyElement[]>();
    const context: SiteContext = {
        input,
        links,
        graph,
        kanban,
        pathOf: element => (element.kind === 'kr' ? (element.okr ? paths.get(model.get('okr', element.okr)!) : undefined) : paths.get(element)),
        anchorOf: element => (element.kind === 'kr' ? krAnchor(element) : undefined),
        findingsOf: element => findingsBy.get(element) ?? [],
        pageElements: kind => {
            let list = sorted.get(kind);
            if (!list) {
                list = model
                    .ofKind(kind)
                    .filter(element => paths.has(element))
                    .sort((a, b) => compareText(displayTitle(a), displayTitle(b)) || compareText(a.name, b.name));
                sorted.set(kind, list);
            }
            return list;
        },
        link: (from, element, text) => {
            const to = context.pathOf(element);
            const label = esc(text ?? displayTitle(element));
            if (!to) return `<span class="dangling">${label}</span>`;
            return `<a href="${esc(links.href(from, to, context.anchorOf(element)))}" class="el kind-${element.kind}">${label}</a>`;
        },
        nodeId: element => `${element.kind}:${element.name}`
    };
    return context;
}

export function krAnchor(kr: StrategyElement): string {
    return `kr-${kr.name.slice(kr.name.lastIndexOf('.') + 1)}`;
}

export function displayTitle(element: StrategyElement): string {
    return element.title?.trim() ? element.title : element.name.slice(element.name.lastIndexOf('.') + 1);
}

/**
 * Stable addresses: `kind/Name.html`, the name as written. Two names of a kind that differ only
 * in letter case (or Unicode normal form) would overwrite each other on a case-insensitive disk,
 * so such names get a suffix derived from the name itself, which does not depend on what else
 * the workspace holds. A duplicated name (an error) gets one page, its first definition's.
 */
function assignPaths(input: SiteInput): Map<StrategyElement, string> {
    const paths = new Map<StrategyElement, string>();
    for (const kind of PAGE_KINDS) {
        const names = input.model.namesOf(kind);
        const folded = new Map<string, number>();
        for (const name of names) {
            const key = name.normalize('NFC').toLowerCase();
            folded.set(key, (folded.get(key) ?? 0) + 1);
        }
        for (const name of names) {
            const element = input.model.get(kind, name);
            if (!element) continue;
            const clash = (folded.get(name.normalize('NFC').toLowerCase()) ?? 0) > 1;
            paths.set(element, `${kind}/${name}${clash ? `~${shortHash(name)}` : ''}.html`);
        }
    }
    return paths;
}

/** FNV-1a of the name's UTF-16 units, 8 hex digits: the same name always gets the same suffix. */
function shortHash(text: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
}

function compareText(a: string, b: string): number {
    return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
}

/** What a finding's code means and how to fix it, from the diagnostic catalogue. */
export function codeHelp(code: string): { summary: string; fix?: string; why?: string } {
    if (!isDiagnosticCode(code)) return { summary: 'A finding of the EOS checker.' };
    const entry: CatalogueEntry = CATALOGUE[code];
    return { summary: entry.summary, fix: entry.fix, ...(entry.why ? { why: entry.why } : {}) };
}

export function kindLabel(kind: ElementKind): string {
    return KIND_LABEL[kind];
}

/** Capitalised kind label for headings: "Bet", "Value stream", "OKR". */
export function kindHeading(kind: ElementKind): string {
    const label = KIND_LABEL[kind];
    return label === 'OKR' ? label : label[0].toUpperCase() + label.slice(1);
}
