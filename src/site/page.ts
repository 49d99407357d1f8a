/**
 * A page of the site and the shell around it: header with navigation and search, the page's
 * content, a footer. The same page body serves the folder site (one file per page) and the
 * single file (one section per page).
 */
import { contentSecurityPolicy, esc, htmlHead } from './html.js';
import { PAGES, type SiteContext } from './site-context.js';

export interface Page {
    /** Site path, e.g. `bet/EarlyExperience.html`: the page's stable address. */
    path: string;
    /** The document title (plain text). */
    title: string;
    /** The navigation entry this page belongs to. */
    section: NavSection;
    /** The content, HTML (every user string already escaped). */
    body: string;
    /** Site assets (scripts) this page needs besides `assets/site.js`, in order. */
    scripts?: string[];
    /** Extra class on <body>, e.g. `tree-page` for the full-window tree. */
    bodyClass?: string;
}

export type NavSection = 'home' | 'tree' | 'kanban' | 'teams' | 'decisions' | 'findings' | 'glossary' | 'pack' | 'element';

const NAV: ReadonlyArray<[NavSection, string, string]> = [
    ['home', PAGES.home, 'Overview'],
    ['tree', PAGES.tree, 'Value tree'],
    ['kanban', PAGES.kanban, 'Kanban'],
    ['teams', PAGES.teams, 'Teams'],
    ['decisions', PAGES.decisions, 'Decisions'],
    ['findings', PAGES.findings, 'Findings'],
    ['glossary', PAGES.glossary, 'Glossary'],
    ['pack', PAGES.pack, 'Board pack']
];

export const ASSETS = {
    css: 'assets/site.css',
    js: 'assets/site.js',
    tree: 'assets/tree.js',
    treeData: 'assets/tree-data.js',
    search: 'assets/search-index.js'
} as const;

/** The site's own head lines: no referrer leaves a published page, and it follows the reader's light or dark scheme. */
export const SITE_HEAD: readonly string[] = ['<meta name="referrer" content="no-referrer">', '<meta name="color-scheme" content="light dark">'];

export function siteTitle(context: SiteContext): string {
    if (context.input.title) return context.input.title;
    const vision = context.pageElements('vision')[0];
    return vision?.title ?? vision?.name ?? 'Strategy';
}

/** Header, navigation and search box of a page. */
export function pageHeader(context: SiteContext, page: Page): string {
    const { links } = context;
    const findings = context.input.findings;
    const worst = findings[0]?.severity;
    const nav = NAV.map(([section, target, label]) => {
        const current = section === page.section ? ' aria-current="page"' : '';
        const badge = section === 'findings' && findings.length ? ` <span class="count sev-${worst}">${findings.length}</span>` : '';
        return `<a href="${esc(links.href(page.path, target))}"${current}>${esc(label)}${badge}</a>`;
    }).join('');
    return (
        `<header class="site-header">` +
        `<a class="brand" href="${esc(links.href(page.path, PAGES.home))}">${esc(siteTitle(context))}</a>` +
        `<nav aria-label="Site">${nav}</nav>` +
        `<div class="search" role="search"><input type="search" class="site-search" placeholder="Search the strategy" aria-label="Search the strategy" autocomplete="off" spellcheck="false"><ul class="search-results" role="listbox" hidden></ul></div>` +
        `</header>`
    );
}

export function pageFooter(context: SiteContext): string {
    const { files, today } = context.input;
    return `<footer class="site-footer">Published with EOS from ${files} file${files === 1 ? '' : 's'}${today ? ` · findings as of ${esc(today)}` : ''}.</footer>`;
}

/** A page of the folder site: a complete HTML document with its own CSP. */
export function renderPageFile(context: SiteContext, page: Page): string {
    const root = context.links.root(page.path);
    const scripts = [ASSETS.js, ...(page.scripts ?? [])].map(src => `<script src="${esc(root + src)}"></script>`).join('\n');
    return `<!DOCTYPE html>
<html lang="en" data-root="${esc(root)}" data-page="${esc(page.path)}">
${htmlHead(contentSecurityPolicy(), `${page.title} · ${siteTitle(context)}`, [...SITE_HEAD, `<link rel="stylesheet" href="${esc(root + ASSETS.css)}">`])}
<body class="${esc(['section-' + page.section, page.bodyClass].filter(Boolean).join(' '))}">
${pageHeader(context, page)}
<main id="main">
${page.body}
</main>
${pageFooter(context)}
${scripts}
</body>
</html>
`;
}
