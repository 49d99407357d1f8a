/**
 * What every screenshot test shares: headless Debian chromium, the preview webview opened as VS
 * Code opens it (the real page with its CSP and the real bundle, a fake VS Code API, the theme's
 * variables), and screenshots compared with committed baselines.
 *
 * A screenshot is written to test-results/screenshots/ and compared with its baseline (a docs
 * image, or one under test/…/__screenshots__/). Pixels that differ beyond antialiasing fail the
 * test with the path of an image that marks them; `UPDATE_SCREENSHOTS=1` writes the new pictures
 * over the baselines instead (then look at them before committing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { webviewHtml } from '../src/extension/preview/webview-html.js';
import type { FromWebview } from '../src/shared/preview-messages.js';
import type { DiagramResult } from '../src/shared/protocol.js';

export const ROOT = path.resolve(__dirname, '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

/** Per-pixel colour distance (0–1) below which two pixels count as equal: absorbs font smoothing. */
const PIXEL_THRESHOLD = 0.1;
/**
 * Pixels that may differ beyond that (antialiased edges are not counted at all). Chromium draws
 * the same page pixel for pixel on the same kind of machine; a changed word is hundreds of pixels.
 */
const MAX_CHANGED_PIXELS = 10;

/** Headless chromium with a fresh temporary profile (playwright gives each launch its own), no network chatter. */
export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    return chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
}

/** Fails early with what to run when a bundle the page loads has not been built. */
export function requireBuilt(...files: string[]): void {
    for (const file of files) {
        if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run bundle\` first`);
    }
}

export interface Preview {
    page: Page;
    /** The messages the webview posted to the extension, in order. */
    posted: () => Promise<FromWebview[]>;
    /** Posts a message to the webview, as the extension does. */
    send: (message: unknown) => Promise<void>;
    /** Content-Security-Policy violations the page reported. */
    cspViolations: string[];
    /** Uncaught errors in the page. */
    pageErrors: string[];
}

const WEBVIEW_ORIGIN = 'https://webview.test';

/**
 * Opens the preview webview with a VS Code theme (its variables on <html>, its kind as a class on
 * <body>) and waits for the page to say it is ready. Every request is answered locally: nothing
 * leaves the machine.
 */
export async function openPreview(browser: Browser, theme: Record<string, string>, themeClass: string, size = { width: 1400, height: 860 }): Promise<Preview> {
    requireBuilt('out/webview.js', 'out/webview.css');
    const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
    const html = webviewHtml({ cspSource: WEBVIEW_ORIGIN, nonce: 'testnonce123', scriptUri: `${WEBVIEW_ORIGIN}/out/webview.js`, styleUri: `${WEBVIEW_ORIGIN}/out/webview.css` });
    await page.route('**/*', async route => {
        const url = new URL(route.request().url());
        if (url.origin !== WEBVIEW_ORIGIN) return route.abort();
        if (url.pathname === '/index.html') return route.fulfill({ body: html, contentType: 'text/html' });
        const file = path.join(ROOT, url.pathname);
        if (url.pathname.startsWith('/out/') && fs.existsSync(file)) {
            return route.fulfill({ body: fs.readFileSync(file), contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript' });
        }
        return route.fulfill({ status: 404, body: '' });
    });
    const cspViolations: string[] = [];
    page.on('console', message => {
        if (/Content.Security.Policy|CSP violation/i.test(message.text())) cspViolations.push(message.text());
    });
    const pageErrors: string[] = [];
    page.on('pageerror', error => pageErrors.push(error.message));
    await page.addInitScript(
        ({ vars, cls }) => {
            const w = window as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
            w.__posted = [];
            w.__state = undefined;
            w.acquireVsCodeApi = () => ({
                postMessage: (message: unknown) => w.__posted.push(message),
                getState: () => w.__state,
                setState: (state: unknown) => {
                    w.__state = state;
                }
            });
            document.addEventListener('securitypolicyviolation', e => console.log(`CSP violation at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`));
            document.addEventListener('DOMContentLoaded', () => {
                for (const [name, value] of Object.entries(vars)) document.documentElement.style.setProperty(name, value);
                document.body.classList.add(cls);
            });
        },
        { vars: theme, cls: themeClass }
    );
    await page.goto(`${WEBVIEW_ORIGIN}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
    return {
        page,
        cspViolations,
        pageErrors,
        posted: () => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted),
        send: message => page.evaluate(m => window.postMessage(m, '*'), message as never)
    };
}

/** Sends the language server's answer to the preview and waits until the tree is drawn. */
export async function showDiagram(preview: Preview, result: DiagramResult): Promise<void> {
    await preview.send({ type: 'diagram', result });
    await preview.page.waitForSelector('#canvas svg .node');
}

/**
 * Takes a screenshot and compares it with its baseline (a path from the repository root, such as
 * `docs/preview-light.png`). A soft assertion: the test goes on and fails at its end, naming the
 * image that marks the changed pixels in red.
 */
export async function expectScreenshot(page: Page, baseline: string, options: { fullPage?: boolean } = {}): Promise<void> {
    const actualPath = path.join(SCREENSHOTS, path.basename(baseline));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const actual = await page.screenshot({ path: actualPath, fullPage: options.fullPage ?? false, animations: 'disabled' });
    const baselinePath = path.join(ROOT, baseline);
    if (UPDATE) {
        fs.mkdirSync(path.dirname(baselinePath), { recursive: true });
        fs.writeFileSync(baselinePath, actual);
        return;
    }
    const problem = compareWithBaseline(actual, baselinePath, actualPath.replace(/\.png$/, '.diff.png'));
    expect
        .soft(
            problem,
            `${baseline}: ${problem} (new picture: ${path.relative(ROOT, actualPath)}; if the change is meant, run UPDATE_SCREENSHOTS=1 npm run test:screenshots and look at the images)`
        )
        .toBeUndefined();
}

/** Why a picture does not match its baseline, or undefined when it does; writes the diff image. */
export function compareWithBaseline(actualPng: Buffer, baselinePath: string, diffPath: string): string | undefined {
    fs.rmSync(diffPath, { force: true });
    if (!fs.existsSync(baselinePath)) return 'there is no baseline yet';
    const expected = PNG.sync.read(fs.readFileSync(baselinePath));
    const actual = PNG.sync.read(actualPng);
    if (expected.width !== actual.width || expected.height !== actual.height) {
        return `the picture is ${actual.width}×${actual.height}, the baseline ${expected.width}×${expected.height}`;
    }
    const diff = new PNG({ width: actual.width, height: actual.height });
    const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
    if (changed <= MAX_CHANGED_PIXELS) return undefined;
    fs.writeFileSync(diffPath, PNG.sync.write(diff));
    return `${changed} pixels changed (diff: ${path.relative(ROOT, diffPath)})`;
}
