/**
 * The preview's Values and Decision rights tabs in headless chromium, in the real page with its CSP:
 * the acme framework (no broken chain) and flawed (the broken chain stands out), the matrix, clicks
 * that reveal the source, light and dark screenshots for docs/preview.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webviewHtml } from '../../src/extension/preview/webview-html.js';
import { diagramOf, readExample, ROOT } from './diagram-fixtures.js';
import { DARK_THEME, LIGHT_THEME } from './vscode-themes.js';

const ORIGIN = 'https://webview.test';
const DOCS = path.join(ROOT, 'docs');
let browser: Browser;

beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(async () => { await browser?.close(); });

async function open(theme: Record<string, string>, cls: string): Promise<{ page: Page; errors: string[]; posted: () => Promise<Array<{ type: string }>> }> {
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 }, deviceScaleFactor: 1 });
    const html = webviewHtml({ cspSource: ORIGIN, nonce: 'testnonce123', scriptUri: `${ORIGIN}/out/webview.js`, styleUri: `${ORIGIN}/out/webview.css` });
    await page.route('**/*', async route => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === '/index.html') return route.fulfill({ body: html, contentType: 'text/html' });
        const file = path.join(ROOT, url.pathname);
        if (url.pathname.startsWith('/out/') && fs.existsSync(file)) return route.fulfill({ body: fs.readFileSync(file), contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript' });
        return route.fulfill({ status: 404, body: '' });
    });
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(error.message));
    page.on('console', message => { if (/Content.Security.Policy/i.test(message.text())) errors.push(message.text()); });
    await page.addInitScript(({ vars, cls }) => {
        const w = window as unknown as { __posted: unknown[]; acquireVsCodeApi: () => unknown };
        w.__posted = [];
        let state: unknown;
        w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => state, setState: (s: unknown) => { state = s; } });
        document.addEventListener('DOMContentLoaded', () => {
            for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
            document.body.classList.add(cls);
        });
    }, { vars: theme, cls });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
    return { page, errors, posted: () => page.evaluate(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted) };
}

describe('values framework and decision-rights matrix in chromium', () => {
    it('draws acme\'s layers with no broken chain, and its matrix (light); a click reveals the value', async () => {
        const { result } = await diagramOf(readExample('examples/acme'));
        const { page, errors, posted } = await open(LIGHT_THEME, 'vscode-light');
        await page.evaluate(m => window.postMessage(m, '*'), { type: 'diagram', result } as never);
        await page.locator('#tab-values').click();
        await page.waitForSelector('#values svg .card');
        expect(await page.locator('#values .card.kind-value').count()).toBe(8);
        expect(await page.locator('#values .card.broken').count()).toBe(0);
        expect(await page.locator('#values .card.kind-decision').count()).toBe(8);
        await page.screenshot({ path: path.join(DOCS, 'values-light.png') });
        await page.locator('#values .card[data-id="value:TrustOverGrowth"]').click();
        const reveal = (await posted()).filter(m => m.type === 'reveal').at(-1) as { uri: string } | undefined;
        expect(reveal?.uri).toMatch(/values\.eos$/);
        await page.locator('#tab-rights').click();
        await page.waitForSelector('#rights svg');
        expect(await page.locator('#rights .card.kind-authority').count()).toBe(5);
        expect(await page.locator('#rights svg g .cell-escalation').count()).toBe(5);
        await page.screenshot({ path: path.join(DOCS, 'decision-rights-light.png') });
        expect(errors).toEqual([]);
        await page.close();
    });

    it('makes flawed\'s broken chain stand out (dark)', async () => {
        const { result } = await diagramOf(readExample('examples/flawed'));
        const { page, errors } = await open(DARK_THEME, 'vscode-dark');
        await page.evaluate(m => window.postMessage(m, '*'), { type: 'diagram', result } as never);
        await page.locator('#tab-values').click();
        await page.waitForSelector('#values svg .card');
        expect(await page.locator('#values .card.broken[data-id="value:GlobexSpeed"]').count()).toBe(1);
        expect(await page.locator('#values text.warning').textContent()).toContain('1 broken chain');
        await page.screenshot({ path: path.join(DOCS, 'values-dark.png') });
        await page.locator('#tab-rights').click();
        await page.screenshot({ path: path.join(DOCS, 'decision-rights-dark.png') });
        expect(errors).toEqual([]);
        await page.close();
    });
});
