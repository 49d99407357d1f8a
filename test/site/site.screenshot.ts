/**
 * The published site as a reader sees it: real pages from buildSite with the real bundled
 * scripts, opened from file:// in headless Debian chromium. Checks what a reader would notice
 * (navigation, back and forward, search, the tree's folding and filters, a click on a box opening
 * the element's page, the single file), that no page logs an error, breaks its CSP or asks for
 * anything outside the site's files, that hostile titles stay text; and writes the screenshots
 * (light, dark, print) compared with the ones shown in the README and docs/site.md.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectScreenshot, launchChromium, requireBuilt } from '../chromium.js';
import { buildWorkspace } from '../helpers.js';
import { buildSite } from '../../src/site/build-site.js';
import { siteInputOf } from '../../src/site/site-input.js';
import { HOSTILE, readExample, ROOT, writeSiteFiles } from './site-fixtures.js';

/** Baselines of the screenshots that are not in the docs. */
const SHOTS = 'test/site/__screenshots__';
let browser: Browser;
let work: string;
const sites: Record<'acme' | 'hostile' | 'flawed', string> = { acme: '', hostile: '', flawed: '' };
const singles: Record<'acme' | 'hostile', string> = { acme: '', hostile: '' };

async function makeSite(files: Record<string, string>, folder: string, singleFile: boolean): Promise<void> {
    const workspace = await buildWorkspace(files, { today: '2026-03-01' });
    const input = siteInputOf(workspace.services.eos.StrategyWorkspace, [...workspace.documents.values()], uri => uri.replace(/^file:\/\/\/workspace\//, ''));
    const assets = {
        siteJs: fs.readFileSync(path.join(ROOT, 'out/site-assets/site.js'), 'utf8'),
        treeJs: fs.readFileSync(path.join(ROOT, 'out/site-assets/tree.js'), 'utf8')
    };
    writeSiteFiles(await buildSite(input, assets, { singleFile }), folder);
}

beforeAll(async () => {
    requireBuilt('out/site-assets/site.js', 'out/site-assets/tree.js');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-site-'));
    for (const name of ['acme', 'flawed'] as const) {
        sites[name] = path.join(work, name);
        await makeSite(readExample(`examples/${name}`), sites[name], false);
    }
    sites.hostile = path.join(work, 'hostile');
    await makeSite(HOSTILE, sites.hostile, false);
    for (const name of ['acme', 'hostile'] as const) {
        singles[name] = path.join(work, `${name}-single`);
        await makeSite(name === 'acme' ? readExample('examples/acme') : HOSTILE, singles[name], true);
    }
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
});

interface Reader {
    page: Page;
    /** Console errors and warnings, page errors, CSP violations, dialogs, requests outside the site. */
    problems: string[];
}

async function open(site: string, file = 'index.html', options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {}): Promise<Reader> {
    const page = await browser.newPage({
        viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
        colorScheme: options.colorScheme ?? 'light',
        deviceScaleFactor: 1
    });
    const problems: string[] = [];
    const allowed = `file://${site}/`;
    page.on('console', message => {
        if (message.type() === 'error' || message.type() === 'warning' || /CSP violation/.test(message.text())) problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', error => problems.push(`page error: ${error.message}`));
    page.on('dialog', dialog => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
    });
    page.on('request', request => {
        if (!request.url().startsWith(allowed)) problems.push(`request outside the site: ${request.url()}`);
    });
    await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', e => console.log(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    });
    await page.goto(`file://${site}/${file}`);
    return { page, problems };
}

async function done(reader: Reader): Promise<void> {
    expect(reader.problems).toEqual([]);
    await reader.page.close();
}

/** Waits for a state (a page loading 1.5 MB of tree script on a busy machine may take seconds). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

/** The tree's script has started: the static picture now answers search, folds and clicks. */
const TREE_READY = '#canvas[data-interactive="true"] svg .node';

const treeNodes = (page: Page) => page.locator('#canvas svg .node').count();

/** Brings a box into view as a reader would: find it in the tree search, press Enter. */
async function findInTree(page: Page, text: string, id: string): Promise<void> {
    await page.locator('#tree-search').fill(text);
    await page.locator('#tree-search').press('Enter');
    await poll(() => page.locator(`.node[data-id="${id}"]`).getAttribute('class')).toContain('selected');
    await page.locator('#tree-search').fill('');
}

describe('the published site in chromium', () => {
    it('navigates: nav → tree → click a box → its page; back and forward; "show in the tree" reveals it', async () => {
        const reader = await open(sites.acme);
        const { page } = reader;
        await poll(() => page.locator('h1').first().textContent()).toContain('The bank people open first thing every morning');
        await page.locator('.site-header nav a', { hasText: 'Value tree' }).click();
        await page.waitForSelector(TREE_READY);
        expect(page.url()).toMatch(/\/tree\.html$/);
        await findInTree(page, 'Opening an account in one sitting', 'bet:FrictionlessOpening');
        await page.locator('.node[data-id="bet:FrictionlessOpening"] .box').click();
        await page.waitForURL(/bet\/FrictionlessOpening\.html$/);
        expect(await page.locator('h1').textContent()).toBe('Opening an account in one sitting');
        await page.goBack();
        await page.waitForURL(/tree\.html$/);
        await page.waitForSelector(TREE_READY);
        await page.goForward();
        await page.waitForURL(/bet\/FrictionlessOpening\.html$/);
        // The trace links up to the theme; the theme page lists the bet.
        await page.locator('.trace a', { hasText: 'Keep new customers through their first 90 days' }).click();
        await page.waitForURL(/theme\/FirstNinetyDays\.html$/);
        await page.locator('.block a', { hasText: 'Opening an account in one sitting' }).first().click();
        await page.waitForURL(/bet\/FrictionlessOpening\.html$/);
        await page.locator('a.button', { hasText: 'Show in the value tree' }).click();
        await page.waitForURL(/tree\.html#focus/);
        await poll(() => page.locator('.node[data-id="bet:FrictionlessOpening"]').getAttribute('class')).toContain('selected');
        await done(reader);
    });

    it('searches the whole site from the header and opens the result (keyboard too)', async () => {
        const reader = await open(sites.acme, 'findings.html');
        const { page } = reader;
        const search = page.locator('.site-search');
        await search.fill('selfie');
        await poll(() => page.locator('.search-results li a').count()).toBeGreaterThan(0);
        expect(await page.locator('.search-results li a').first().textContent()).toContain('Selfie');
        await search.press('Enter');
        await page.waitForURL(/initiative\/SelfieVerification\.html$/);
        // A key result is found and opens its OKR page at the key result.
        await page.locator('.site-search').fill('first try');
        await poll(() => page.locator('.search-results li a').count()).toBeGreaterThan(0);
        await page.locator('.site-search').press('ArrowDown');
        await page.locator('.site-search').press('Enter');
        await page.waitForURL(/okr\/IdentityQ1\.html#kr-FirstTryPass$/);
        await page.locator('.site-search').fill('zzzz nothing');
        await poll(() => page.locator('.search-results .none').textContent()).toContain('Nothing is called');
        await done(reader);
    });

    it('folds, filters, finds and expands the tree with the editor pipeline running in the page', async () => {
        const reader = await open(sites.acme, 'tree.html');
        const { page } = reader;
        await page.waitForSelector(TREE_READY);
        const all = await treeNodes(page);
        expect(all).toBeGreaterThan(40);
        await findInTree(page, 'Opening an account in one sitting', 'bet:FrictionlessOpening');
        await page.locator('[data-toggle="bet:FrictionlessOpening"]').click();
        await poll(() => treeNodes(page)).toBeLessThan(all);
        await poll(() => page.locator('.node[data-id="bet:FrictionlessOpening"] .hidden-count').count()).toBe(1);
        expect(await page.locator('.hidden-count').first().textContent()).toMatch(/\d+ hidden/);
        await page.locator('#expand-all').click();
        await poll(() => treeNodes(page)).toBe(all);
        await page.selectOption('#filter-theme', 'FirstNinetyDays');
        await poll(() => treeNodes(page)).toBeLessThan(all);
        expect(await page.locator('.node[data-id="theme:DailyHabit"]').count()).toBe(0);
        await page.selectOption('#filter-theme', '');
        await poll(() => treeNodes(page)).toBe(all);
        await page.locator('#tree-search').fill('salary');
        await poll(() => page.locator('#canvas .node.match').count()).toBeGreaterThan(0);
        expect(await page.locator('#tree-notice').textContent()).toMatch(/\d+ match/);
        // Search reaches into folded subtrees: Enter unfolds what hides the matches.
        await page.locator('#collapse-all').click();
        await poll(() => treeNodes(page)).toBeLessThan(all);
        await page.locator('#tree-search').fill('');
        await page.locator('#tree-search').fill('Move your salary');
        await poll(() => page.locator('#tree-notice').textContent()).toMatch(/folded subtrees/);
        await page.locator('#tree-search').press('Enter');
        await poll(() => page.locator('.node[data-id="initiative:SalarySwitch"]').getAttribute('class')).toContain('selected');
        // Zoom buttons change the scale; Fit fits.
        const before = await page.locator('#zoom-level').textContent();
        await page.locator('#zoom-in').click();
        expect(await page.locator('#zoom-level').textContent()).not.toBe(before);
        await page.locator('#fit').click();
        await done(reader);
    });

    it('keeps hostile titles inert on every page, in the tree, search and the single file', async () => {
        const files = walk(sites.hostile).filter(file => file.endsWith('.html'));
        expect(files.length).toBeGreaterThan(10);
        for (const file of files) {
            const reader = await open(sites.hostile, file);
            await reader.page.waitForLoadState('load');
            expect(await reader.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), file).toBeUndefined();
            expect(await reader.page.locator('img, iframe, main style, main b, .doc script').count(), file).toBe(0);
            await done(reader);
        }
        const reader = await open(sites.hostile, 'theme/T.html');
        expect(await reader.page.locator('h1').textContent()).toBe(`"><img src=x onerror="window.__pwned='theme'">`);
        await reader.page.locator('.site-search').fill('img');
        await poll(() => reader.page.locator('.search-results li a').count()).toBeGreaterThan(0);
        expect(await reader.page.locator('.search-results img').count()).toBe(0);
        await done(reader);
        const tree = await open(sites.hostile, 'tree.html');
        await tree.page.waitForSelector(TREE_READY);
        await tree.page.locator('#expand-all').click();
        await tree.page.locator('#tree-search').fill('script');
        await poll(() => tree.page.locator('#canvas .node.match').count()).toBeGreaterThan(0);
        expect(await tree.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        await done(tree);
        const single = await open(singles.hostile, 'index.html');
        for (const hash of ['#theme/T.html', '#bet/B.html', '#tree.html', '#okr/O.html', '#tenet/Ten.html']) {
            await single.page.evaluate(h => {
                location.hash = h;
            }, hash);
            await poll(() => single.page.locator('section.page.current').getAttribute('data-page')).toBe(hash.slice(1));
        }
        expect(await single.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        await done(single);
    });

    it('works as one file: links select pages by hash, back and forward, the tree and search', async () => {
        const reader = await open(singles.acme, 'index.html');
        const { page } = reader;
        expect(await page.locator('section.page.current').getAttribute('data-page')).toBe('index.html');
        expect(await page.locator('section.page:visible').count()).toBe(1);
        await page.locator('.site-header nav a', { hasText: 'Value tree' }).click();
        await poll(() => page.locator('section.page.current').getAttribute('data-page')).toBe('tree.html');
        await page.waitForSelector(TREE_READY);
        await findInTree(page, 'Opening an account in one sitting', 'bet:FrictionlessOpening');
        await page.locator('.node[data-id="bet:FrictionlessOpening"] .box').click();
        await poll(() => page.locator('section.page.current').getAttribute('data-page')).toBe('bet/FrictionlessOpening.html');
        expect(await page.locator('section.page.current h1').textContent()).toBe('Opening an account in one sitting');
        expect(await page.title()).toContain('Opening an account in one sitting');
        await page.goBack();
        await poll(() => page.locator('section.page.current').getAttribute('data-page')).toBe('tree.html');
        await page.goForward();
        await poll(() => page.locator('section.page.current').getAttribute('data-page')).toBe('bet/FrictionlessOpening.html');
        await page.locator('.site-search').fill('selfie');
        await page.locator('.site-search').press('Enter');
        await poll(() => page.locator('section.page.current').getAttribute('data-page')).toBe('initiative/SelfieVerification.html');
        await page.locator('section.page.current a.button', { hasText: 'Show in the value tree' }).click();
        await poll(() => page.locator('section.page.current').getAttribute('data-page')).toBe('tree.html');
        await poll(() => page.locator('.node[data-id="initiative:SelfieVerification"]').getAttribute('class')).toContain('selected');
        await done(reader);
    });

    it('prints the board pack one theme per page', async () => {
        const reader = await open(sites.acme, 'board-pack.html');
        const themes = await reader.page.locator('.theme-sheet').count();
        const sheets = await reader.page.locator('.pack-page').count();
        expect(themes).toBeGreaterThan(2);
        const pdf = await reader.page.pdf({ format: 'A4', printBackground: true });
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        // Each sheet starts a page; a long theme may take more than one.
        expect(pages).toBeGreaterThanOrEqual(sheets);
        expect(pages).toBeLessThanOrEqual(sheets * 2);
        await reader.page.emulateMedia({ media: 'print' });
        expect(await reader.page.locator('.site-header').isVisible()).toBe(false);
        expect(
            await reader.page
                .locator('.theme-sheet')
                .first()
                .evaluate(e => getComputedStyle(e).breakBefore)
        ).toBe('page');
        await expectScreenshot(reader.page, 'docs/site-pack-print.png');
        await done(reader);
    });

    it('screenshots: home, tree, element and team pages, light, dark and print', async () => {
        const shots: Array<[string, string, 'light' | 'dark' | 'print', boolean]> = [
            ['index.html', 'home', 'light', true],
            ['index.html', 'home', 'dark', false],
            ['index.html', 'home', 'print', false],
            ['tree.html', 'tree', 'light', false],
            ['tree.html', 'tree', 'dark', true],
            ['tree.html', 'tree', 'print', false],
            ['bet/FrictionlessOpening.html', 'bet', 'light', true],
            ['bet/FrictionlessOpening.html', 'bet', 'dark', false],
            ['bet/FrictionlessOpening.html', 'bet', 'print', false],
            ['team/OpeningStream.html', 'team', 'light', false],
            ['team/OpeningStream.html', 'team', 'dark', true],
            ['team/OpeningStream.html', 'team', 'print', false]
        ];
        for (const [file, name, mode, docs] of shots) {
            const reader = await open(sites.acme, file, { colorScheme: mode === 'dark' ? 'dark' : 'light' });
            if (mode === 'print') await reader.page.emulateMedia({ media: 'print' });
            if (file === 'tree.html') await reader.page.waitForSelector(TREE_READY);
            await expectScreenshot(reader.page, `${docs ? 'docs' : SHOTS}/site-${name}-${mode}.png`, {
                fullPage: file !== 'tree.html' && mode !== 'light' ? false : file !== 'tree.html'
            });
            await done(reader);
        }
        // The flawed example: findings page and an element with findings.
        for (const [file, name] of [
            ['findings.html', 'findings'],
            ['index.html', 'flawed-home']
        ] as const) {
            const reader = await open(sites.flawed, file);
            await expectScreenshot(reader.page, `${SHOTS}/site-${name}-light.png`);
            await done(reader);
        }
    });
});

function walk(folder: string, base = folder): string[] {
    return fs
        .readdirSync(folder, { withFileTypes: true })
        .flatMap(entry => (entry.isDirectory() ? walk(path.join(folder, entry.name), base) : [path.relative(base, path.join(folder, entry.name)).split(path.sep).join('/')]));
}
