/**
 * The preview in compare mode as users see it: the language server's answer for a real git
 * revision against the editor's texts, in the real webview page (CSP, bundle) in headless
 * chromium, light and dark. Checks what a reviewer notices (ghost where the removed initiative
 * was, marks on added and changed boxes, the legend, the list of changes, a click revealing the
 * source, Stop comparing) and compares it with docs/compare-light.png and docs/compare-dark.png.
 */
import type { Browser, Page } from 'playwright-core';
import type { DiagramResult } from '../../src/shared/protocol.js';
import type { FromWebview } from '../../src/shared/preview-messages.js';
import { diagramFor } from '../../src/server/diagram-handler.js';
import { GitRepo } from '../diff/git-repo.js';
import { AFTER, BEFORE, editorWorkspace } from '../server/compare-fixtures.js';
import { expectScreenshot, launchChromium, openPreview as openWebview, requireBuilt } from '../chromium.js';
import { DARK_THEME, LIGHT_THEME } from './vscode-themes.js';

/** The git decoration colours of Light Modern and Dark Modern, which compare mode draws with. */
const LIGHT = {
    ...LIGHT_THEME,
    '--vscode-gitDecoration-addedResourceForeground': '#587c0c',
    '--vscode-gitDecoration-modifiedResourceForeground': '#895503',
    '--vscode-gitDecoration-deletedResourceForeground': '#ad0707',
    '--vscode-list-hoverBackground': '#f2f2f2'
};
const DARK = {
    ...DARK_THEME,
    '--vscode-gitDecoration-addedResourceForeground': '#81b88b',
    '--vscode-gitDecoration-modifiedResourceForeground': '#e2c08d',
    '--vscode-gitDecoration-deletedResourceForeground': '#c74e39',
    '--vscode-list-hoverBackground': '#2a2d2e'
};

let browser: Browser;
let repo: GitRepo;
let result: DiagramResult;

beforeAll(async () => {
    requireBuilt('out/webview.js', 'out/webview.css');
    repo = new GitRepo('eos-compare-shot-');
    repo.commit('Strategy as agreed', { 'strategy.eos': BEFORE });
    const services = await editorWorkspace(repo.dir, { 'strategy.eos': AFTER });
    result = await diagramFor(services, { uri: '', compare: { folder: repo.dir, revision: 'main' } });
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
    repo?.cleanup();
});

async function openPreview(theme: Record<string, string>, themeClass: string): Promise<{ page: Page; posted: () => Promise<FromWebview[]>; problems: () => string[] }> {
    const preview = await openWebview(browser, theme, themeClass, { width: 1500, height: 760 });
    const { page } = preview;
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'diagram', result } as never);
    await page.waitForSelector('#canvas svg .node.diff-removed');
    return { page, problems: () => [...preview.cspViolations, ...preview.pageErrors], posted: preview.posted };
}

describe('compare mode in the preview webview', () => {
    it('draws the removed initiative as a ghost, marks added and changed boxes, and lists the changes (light)', async () => {
        const { page, posted, problems } = await openPreview(LIGHT, 'vscode-light');
        const ghost = page.locator('.node[data-id="removed:initiative:LegacyExport"]');
        // Faded and dashed: the box is not filled, its border dashed, its text half transparent.
        expect(await ghost.locator('.box').evaluate(e => getComputedStyle(e).strokeDasharray)).toMatch(/6px,? 4px/);
        expect(await ghost.locator('.title').evaluate(e => getComputedStyle(e).opacity)).toBe('0.5');
        expect(await ghost.locator('.title').textContent()).toBe('Export <b>CSV</b> & PDF');
        expect(await ghost.locator('b').count()).toBe(0);
        expect(await page.locator('.node[data-id="initiative:Reminders"] .diff-tag').textContent()).toBe('ADDED');
        expect(await page.locator('.node[data-id="bet:Payouts"] .diff-tag').textContent()).toBe('CHANGED');
        expect(await page.locator('.node[data-id="okr:Q2"] .kr-removed').count()).toBe(1);
        expect(await page.locator('.compare-legend').textContent()).toMatch(/Compared with main \([0-9a-f]{7}\).*1 added.*2 changed.*1 removed \(faded\)/);
        // The bar says what the tree is compared with and the diff's summary; the list says what changed.
        expect(await page.locator('#compare-title').textContent()).toMatch(/^Compared with main \([0-9a-f]{7}\)$/);
        expect(await page.locator('#compare-summary').textContent()).toBe(result.compare!.summary);
        const items = page.locator('#changes-list li:not(.heading) .what');
        // Grouped by what happened: added, changed, removed.
        expect(await page.locator('#changes-list li.heading').allTextContents()).toEqual(['Added', 'Changed', 'Removed']);
        expect(await items.allTextContents()).toEqual([
            'initiative Reminders “Bill reminders”',
            'bet Payouts “Instant payouts”',
            'key result Q2.Speed “Payouts under ten seconds”',
            'initiative LegacyExport “Export <b>CSV</b> & PDF”',
            'key result Q2.Share “Merchants using payouts”'
        ]);
        await expectScreenshot(page, 'docs/compare-light.png');

        // A change in the list selects its box and reveals its source.
        await page.locator('#changes-list li', { hasText: 'bet Payouts' }).click();
        await expect.poll(() => page.locator('.node[data-id="bet:Payouts"]').getAttribute('class')).toContain('selected');
        const bet = result.compare!.entries.find(e => e.text.startsWith('bet Payouts'))!;
        expect((await posted()).filter(m => m.type === 'reveal').at(-1)).toEqual({ type: 'reveal', uri: bet.uri, range: bet.range });
        // A removed one only selects its ghost: there is no source to reveal.
        const reveals = (await posted()).filter(m => m.type === 'reveal').length;
        await page.locator('#changes-list li', { hasText: 'initiative LegacyExport' }).click();
        await expect.poll(() => ghost.getAttribute('class')).toContain('selected');
        expect((await posted()).filter(m => m.type === 'reveal').length).toBe(reveals);
        // Markdown and Stop comparing ask the extension.
        await page.locator('#compare-markdown').click();
        await page.locator('#compare-stop').click();
        expect((await posted()).filter(m => m.type === 'openMarkdown' || m.type === 'stopCompare').map(m => m.type)).toEqual(['openMarkdown', 'stopCompare']);
        // The answer without compare mode puts the plain tree back and hides the bar and the list.
        const { compare: _, ...plain } = result;
        await page.evaluate(m => window.postMessage(m, '*'), { type: 'diagram', result: { ...plain, svg: plain.svg.replace(/ diff-\w+/g, '') } } as never);
        await expect.poll(() => page.locator('#compare').isHidden()).toBe(true);
        expect(await page.locator('#changes').isHidden()).toBe(true);
        expect(problems()).toEqual([]);
        await page.close();
    });

    it('reads in the dark theme too', async () => {
        const { page, problems } = await openPreview(DARK, 'vscode-dark');
        expect(await page.locator('.node.diff-changed .diff-ring').count()).toBe(2);
        await expectScreenshot(page, 'docs/compare-dark.png');
        expect(problems()).toEqual([]);
        await page.close();
    });
});
