/**
 * `eos build`: the strategy as a static site. A pure function from the site input (model,
 * findings, file names) and the two browser scripts to a map of site path → file content; the
 * CLI only writes the map. One generator function per page type, so a new kind of page is one
 * more function in {@link pageGenerators}.
 */
import type { StrategyElement } from '../language/model/elements.js';
import { contentSecurityPolicy, esc, htmlHead } from './html.js';
import { ASSETS, pageFooter, pageHeader, renderPageFile, SITE_HEAD, siteTitle, type Page } from './page.js';
import { boardPackPage } from './pages/board-pack-page.js';
import { decisionsPage } from './pages/decisions-page.js';
import { elementPage } from './pages/element-page.js';
import { findingsPage } from './pages/findings-page.js';
import { glossaryPage } from './pages/glossary-page.js';
import { homePage } from './pages/home-page.js';
import { kanbanPage } from './pages/kanban-page.js';
import { teamPage, teamsPage } from './pages/team-page.js';
import { jsonForScript, treeData, treeDataScript, treePage } from './pages/tree-page.js';
import { createSiteContext, displayTitle, krAnchor, PAGE_KINDS, PAGES, type SiteContext } from './site-context.js';
import { SITE_CSS } from './site-css.js';
import type { SiteInput } from './site-input.js';

/** The browser scripts, bundled from src/site/browser/ (out/site-assets/ at run time). */
export interface SiteAssets {
    siteJs: string;
    treeJs: string;
}

export interface SiteOptions {
    /** One self-contained HTML file (`index.html` in the map) instead of a folder of pages. */
    singleFile?: boolean;
}

/** A page generator: every page of one type. Async because the tree is laid out with ELK. */
export type PageGenerator = (context: SiteContext) => Page[] | Promise<Page[]>;

/** The page types of the site, in the order the single file lists them. */
export const pageGenerators: readonly PageGenerator[] = [
    context => [homePage(context)],
    async context => [await treePage(context, treeData(context))],
    context => [kanbanPage(context)],
    context => [teamsPage(context)],
    context => [decisionsPage(context)],
    context => [findingsPage(context)],
    context => [glossaryPage(context)],
    context => [boardPackPage(context)],
    context => PAGE_KINDS.flatMap(kind => context.pageElements(kind).map(element => (kind === 'team' ? teamPage(context, element) : elementPage(context, element))))
];

export async function buildSite(input: SiteInput, assets: SiteAssets, options: SiteOptions = {}): Promise<Map<string, string>> {
    const context = createSiteContext(input, options.singleFile ? 'single' : 'files');
    const pages: Page[] = [];
    for (const generate of pageGenerators) pages.push(...(await generate(context)));
    const files = new Map<string, string>();
    if (options.singleFile) {
        files.set('index.html', singleFileHtml(context, pages, assets));
        return files;
    }
    for (const page of pages) files.set(page.path, renderPageFile(context, page));
    files.set(ASSETS.css, SITE_CSS);
    files.set(ASSETS.js, assets.siteJs);
    files.set(ASSETS.tree, assets.treeJs);
    files.set(ASSETS.treeData, treeDataScript(treeData(context)));
    files.set(ASSETS.search, searchIndexScript(context));
    // GitHub Pages: serve the files as they are (no Jekyll processing).
    files.set('.nojekyll', '');
    return files;
}

/** Entries of the site search: kind, title, name, page, anchor. */
export type SearchEntry = [kind: string, title: string, name: string, page: string, anchor?: string];

export function searchIndex(context: SiteContext): SearchEntry[] {
    const entries: SearchEntry[] = [];
    const add = (element: StrategyElement) => {
        const page = context.pathOf(element);
        if (!page) return;
        const anchor = element.kind === 'kr' ? krAnchor(element) : undefined;
        entries.push([element.kind, displayTitle(element), element.name, page, ...(anchor ? [anchor] : [])] as SearchEntry);
    };
    for (const kind of PAGE_KINDS) for (const element of context.pageElements(kind)) add(element);
    for (const kr of context.input.model.ofKind('kr')) add(kr);
    return entries;
}

function searchIndexScript(context: SiteContext): string {
    return `window.EOS_SEARCH=${jsonForScript(searchIndex(context))};\n`;
}

/**
 * Every page as a section of one document, selected by the location hash. Styles and scripts are
 * inline and allowed by their hashes in the CSP; nothing else may run or load.
 */
function singleFileHtml(context: SiteContext, pages: Page[], assets: SiteAssets): string {
    const inlineScripts = [searchIndexScript(context), treeDataScript(treeData(context)), assets.siteJs, assets.treeJs].map(script => script.replace(/<\/(script)/gi, '<\\/$1'));
    const styles = [SITE_CSS];
    const csp = contentSecurityPolicy({ scripts: inlineScripts, styles });
    const sections = pages
        .map(
            page =>
                `<section class="page ${esc(['section-' + page.section, page.bodyClass].filter(Boolean).join(' '))}" id="${esc(page.path)}" data-page="${esc(page.path)}" data-section="${esc(page.section)}" data-title="${esc(page.title)}">\n${page.body}\n</section>`
        )
        .join('\n');
    const header = pageHeader(context, { path: PAGES.home, title: '', section: 'home', body: '' });
    return `<!DOCTYPE html>
<html lang="en" data-root="" data-mode="single">
${htmlHead(csp, siteTitle(context), [...SITE_HEAD, `<style>${styles[0]}</style>`])}
<body class="single">
${header}
<main id="main">
${sections}
</main>
${pageFooter(context)}
${inlineScripts.map(script => `<script>${script}</script>`).join('\n')}
</body>
</html>
`;
}
