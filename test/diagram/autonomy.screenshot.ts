/**
 * The preview's Values and Decision rights tabs in headless chromium, in the real page with its CSP:
 * the acme framework (no broken chain) and flawed (the broken chain stands out), the matrix, clicks
 * that reveal the source, light and dark screenshots compared with docs/preview.md's.
 */
import type { Browser, Page } from 'playwright-core';
import { expectScreenshot, launchChromium, openPreview, requireBuilt } from '../chromium.js';
import { diagramOf, readExample } from './diagram-fixtures.js';
import { DARK_THEME, LIGHT_THEME } from './vscode-themes.js';

let browser: Browser;

beforeAll(async () => {
    requireBuilt('out/webview.js', 'out/webview.css');
    browser = await launchChromium();
});
afterAll(async () => {
    await browser?.close();
});

async function open(theme: Record<string, string>, cls: string): Promise<{ page: Page; errors: () => string[]; posted: () => Promise<Array<{ type: string }>> }> {
    const preview = await openPreview(browser, theme, cls, { width: 1500, height: 900 });
    return { page: preview.page, errors: () => [...preview.pageErrors, ...preview.cspViolations], posted: preview.posted };
}

describe('values framework and decision-rights matrix in chromium', () => {
    it("draws acme's layers with no broken chain, and its matrix (light); a click reveals the value", async () => {
        const { result } = await diagramOf(readExample('examples/acme'));
        const { page, errors, posted } = await open(LIGHT_THEME, 'vscode-light');
        await page.evaluate(m => window.postMessage(m, '*'), { type: 'diagram', result } as never);
        await page.locator('#tab-values').click();
        await page.waitForSelector('#values svg .card');
        expect(await page.locator('#values .card.kind-value').count()).toBe(8);
        expect(await page.locator('#values .card.broken').count()).toBe(0);
        expect(await page.locator('#values .card.kind-decision').count()).toBe(8);
        await expectScreenshot(page, 'docs/values-light.png');
        await page.locator('#values .card[data-id="value:TrustOverGrowth"]').click();
        const reveal = (await posted()).filter(m => m.type === 'reveal').at(-1) as { uri: string } | undefined;
        expect(reveal?.uri).toMatch(/values\.eos$/);
        await page.locator('#tab-rights').click();
        await page.waitForSelector('#rights svg');
        expect(await page.locator('#rights .card.kind-authority').count()).toBe(5);
        expect(await page.locator('#rights svg g .cell-escalation').count()).toBe(5);
        await expectScreenshot(page, 'docs/decision-rights-light.png');
        expect(errors()).toEqual([]);
        await page.close();
    });

    it("makes flawed's broken chain stand out (dark)", async () => {
        const { result } = await diagramOf(readExample('examples/flawed'));
        const { page, errors } = await open(DARK_THEME, 'vscode-dark');
        await page.evaluate(m => window.postMessage(m, '*'), { type: 'diagram', result } as never);
        await page.locator('#tab-values').click();
        await page.waitForSelector('#values svg .card');
        expect(await page.locator('#values .card.broken[data-id="value:GlobexSpeed"]').count()).toBe(1);
        expect(await page.locator('#values text.warning').textContent()).toContain('1 broken chain');
        await expectScreenshot(page, 'docs/values-dark.png');
        await page.locator('#tab-rights').click();
        await expectScreenshot(page, 'docs/decision-rights-dark.png');
        expect(errors()).toEqual([]);
        await page.close();
    });
});
