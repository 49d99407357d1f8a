/**
 * The preview webview as users see it: the real bundle (out/webview.js, out/webview.css) in the
 * real page (webviewHtml, with its CSP), in headless Debian chromium, with a fake VS Code API and
 * VS Code's theme variables. Feeds it the language server's answer for the examples, checks what
 * a user would notice (nodes drawn, click reveals source, folding, kanban WIP, escaping, the
 * last good picture during syntax errors), and compares its screenshots with the ones shown in
 * the README (test/chromium.ts).
 */
import type { Browser } from 'playwright-core';
import { expectScreenshot, launchChromium, openPreview as openWebview, requireBuilt, showDiagram } from '../chromium.js';
import { diagramOf, readExample, syntheticStrategy } from './diagram-fixtures.js';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from './vscode-themes.js';

let browser: Browser;

beforeAll(async () => {
    requireBuilt('out/webview.js', 'out/webview.css');
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

const openPreview = (theme: Record<string, string>, themeClass: string, size?: { width: number; height: number }) => openWebview(browser, theme, themeClass, size);

describe('preview webview in chromium', () => {
    it('draws the LANGUAGE.md example, reveals a clicked bet, folds a subtree (light theme)', async () => {
        const { result } = await diagramOf(readExample('examples/language-md'));
        const preview = await openPreview(LIGHT_THEME, 'vscode-light');
        const { page } = preview;
        await showDiagram(preview, result);
        expect(await page.locator('#canvas .node').count()).toBe(result.visibleNodes);
        await expect.poll(() => page.locator('.node[data-id="bet:EarlyExperience"] .title').first().textContent()).toContain('Improve early customer');
        await expectScreenshot(page, 'docs/preview-light.png');

        // A click on the bet asks the extension to reveal its name in the editor.
        await page.locator('.node[data-id="bet:EarlyExperience"] .box').click();
        const bet = result.nodes.find(node => node.id === 'bet:EarlyExperience')!;
        expect((await preview.posted()).filter(m => m.type === 'reveal').at(-1)).toEqual({ type: 'reveal', uri: bet.uri, range: bet.nameRange });
        await expect.poll(() => page.locator('.node[data-id="bet:EarlyExperience"]').getAttribute('class')).toContain('selected');

        // The toggle on the bet folds its subtree: the webview asks for the view with it collapsed.
        await page.locator('[data-toggle="bet:EarlyExperience"]').click();
        expect((await preview.posted()).filter(m => m.type === 'view').at(-1)).toMatchObject({ type: 'view', collapsed: ['bet:EarlyExperience'] });

        // The cursor inside the OKR's text highlights the OKR.
        const okr = result.nodes.find(node => node.id === 'okr:EarlyConfidence')!;
        await preview.send({ type: 'cursor', uri: okr.uri, line: okr.range!.start.line + 2, character: 4 });
        await expect.poll(() => page.locator('.node[data-id="okr:EarlyConfidence"]').getAttribute('class')).toContain('selected');

        // A filter asks for the filtered view; the export buttons ask the extension to save.
        await page.locator('#filter-status').click();
        await page.locator('#filter-status vscode-option[value="doing"]').click();
        await expect.poll(async () => (await preview.posted()).filter(m => m.type === 'view').at(-1)).toMatchObject({ type: 'view', filter: { status: 'doing' } });
        await page.locator('#export-svg').click();
        await page.locator('#export-png').click();
        expect((await preview.posted()).filter(m => m.type === 'export')).toEqual([
            { type: 'export', format: 'svg' },
            { type: 'export', format: 'png' }
        ]);

        // Search dims everything but the matches.
        await page.locator('#search').click();
        await page.keyboard.type('referral');
        await expect.poll(() => page.locator('.node.match').count()).toBe(1);
        expect(preview.cspViolations, preview.cspViolations.join('\n')).toEqual([]);
        expect(preview.pageErrors).toEqual([]);
        await page.close();
    });

    it('follows a high-contrast theme: every box outlined in the contrast border colour', async () => {
        const { result } = await diagramOf(readExample('examples/language-md'));
        const preview = await openPreview(HIGH_CONTRAST_THEME, 'vscode-high-contrast');
        await showDiagram(preview, result);
        const strokes = await preview.page.locator('.node:not(.sev-warning):not(.sev-error) > .box').evaluateAll(boxes => boxes.map(box => getComputedStyle(box).stroke));
        expect(strokes.length).toBeGreaterThan(0);
        expect(new Set(strokes)).toEqual(new Set(['rgb(111, 195, 223)']));
        await expectScreenshot(preview.page, 'docs/preview-high-contrast.png');
        await preview.page.close();
    });

    it('keeps the last good picture and says why while the text has a syntax error', async () => {
        const { result } = await diagramOf(readExample('examples/language-md'));
        const preview = await openPreview(LIGHT_THEME, 'vscode-light');
        await showDiagram(preview, result);
        const broken = await diagramOf({ 'a.eos': 'vision V "Only a vision"\ntheme T "Unclosed" {\n  vision V\n' });
        expect(broken.result.syntaxErrors.length).toBeGreaterThan(0);
        await preview.send({ type: 'diagram', result: broken.result });
        await expect.poll(() => preview.page.locator('#notice').textContent()).toContain('Syntax error in a.eos');
        expect(await preview.page.locator('#canvas .node').count()).toBe(result.visibleNodes);
        await preview.page.close();

        // Opened on a broken file, with no good picture yet: it draws what it could read and says so.
        const fresh = await openPreview(LIGHT_THEME, 'vscode-light');
        await showDiagram(fresh, broken.result);
        expect(await fresh.page.locator('#notice').textContent()).toContain('may be incomplete');
        expect(await fresh.page.locator('#canvas .node[data-id="vision:V"]').count()).toBe(1);
        await fresh.page.close();
    });

    it('draws the acme example in the dark theme, and its kanban with WIP per stream', async () => {
        const { result } = await diagramOf(readExample('examples/acme'));
        const preview = await openPreview(DARK_THEME, 'vscode-dark');
        const { page } = preview;
        await showDiagram(preview, result);
        await expectScreenshot(page, 'docs/preview-dark.png');
        await page.locator('#tab-kanban').click();
        await page.waitForSelector('.board .card');
        expect(await page.locator('.board .card').count()).toBe(result.kanban.cards);
        const lanes = result.kanban.lanes;
        expect(await page.locator('.lane-head').count()).toBe(lanes.length);
        for (const [i, lane] of lanes.entries()) {
            const head = page.locator('.lane-head').nth(i);
            expect(await head.locator('.wip').textContent()).toContain(`WIP ${lane.doing}`);
            expect((await head.getAttribute('class'))?.includes('exceeded')).toBe(lane.exceeded);
        }
        await expectScreenshot(page, 'docs/kanban-dark.png');
        // A card click reveals the initiative.
        const card = lanes.flatMap(lane => Object.values(lane.cells).flat())[0];
        await page.locator(`.card[data-id="${card.id}"]`).click();
        expect((await preview.posted()).filter(m => m.type === 'reveal').at(-1)).toEqual({ type: 'reveal', uri: card.uri, range: card.nameRange });
        expect(preview.cspViolations, preview.cspViolations.join('\n')).toEqual([]);
        expect(preview.pageErrors).toEqual([]);
        await page.close();
    });

    it('stays readable with 100 nodes (light) and opens a 1,000-node tree folded', async () => {
        const { result } = await diagramOf(syntheticStrategy(100));
        expect(result.totalNodes).toBeGreaterThanOrEqual(95);
        const preview = await openPreview(LIGHT_THEME, 'vscode-light');
        await showDiagram(preview, result);
        expect(await preview.page.locator('#canvas .node').count()).toBe(result.totalNodes);
        await expectScreenshot(preview.page, 'docs/preview-100-nodes.png');
        await preview.page.close();

        const large = await diagramOf(syntheticStrategy(1000));
        expect(large.result.totalNodes).toBeGreaterThanOrEqual(950);
        expect(large.result.visibleNodes).toBeLessThanOrEqual(150);
        const big = await openPreview(DARK_THEME, 'vscode-dark');
        await showDiagram(big, large.result);
        await expect.poll(() => big.page.locator('#notice').textContent()).toContain(`of ${large.result.totalNodes} elements`);
        await expectScreenshot(big.page, 'docs/preview-1000-nodes-dark.png');
        // Search also finds what is folded away, and Enter unfolds the subtrees that hide it.
        await big.page.locator('#search').click();
        await big.page.keyboard.type('I3_2_5');
        await expect.poll(() => big.page.locator('#notice').textContent()).toContain('1 more match in folded subtrees');
        await big.page.keyboard.press('Enter');
        const view = (await big.posted()).filter(m => m.type === 'view').at(-1) as { collapsed: string[] } | undefined;
        expect(view?.collapsed).not.toContain('bet:B3_2');
        expect(view?.collapsed).toContain('bet:B3_1');
        await big.page.close();
    });

    it('shows hostile names and titles as text, never as markup', async () => {
        const hostile = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> & "quotes" \'single\' ]]>';
        const { result } = await diagramOf({
            'h.eos': `vision V "${hostile.replace(/"/g, '\\"')}"\ntheme T "t" { vision V }\nbet B "${'<b onmouseover=alert(1)>bold</b>'}" { serves T hypothesis "h" }\ninitiative I "${'<svg onload=alert(1)>'}" { bet B status doing }\n`
        });
        const preview = await openPreview(LIGHT_THEME, 'vscode-light');
        await showDiagram(preview, result);
        const { page } = preview;
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator('#canvas script, #canvas img, #canvas b, #canvas svg svg, #kanban script, #kanban svg').count()).toBe(0);
        expect(await page.locator('.node[data-id="vision:V"] > title').textContent()).toContain('<script>');
        await page.locator('#tab-kanban').click();
        await expect.poll(() => page.locator('.card[data-id="initiative:I"] .card-title').textContent()).toBe('<svg onload=alert(1)>');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        await page.close();
    });

    it('renders the PNG export in the page and sends it back', async () => {
        const { result } = await diagramOf(readExample('examples/language-md'), { standalone: true });
        const preview = await openPreview(DARK_THEME, 'vscode-dark');
        await preview.send({ type: 'renderPng', svg: result.svg });
        await expect.poll(async () => (await preview.posted()).some(m => m.type === 'png' || m.type === 'error')).toBe(true);
        const png = (await preview.posted()).find(m => m.type === 'png') as { dataUrl: string } | undefined;
        expect(png?.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
        const bytes = Buffer.from(png!.dataUrl.split(',')[1], 'base64');
        const svgWidth = Number(/width="(\d+)"/.exec(result.svg)![1]);
        expect(bytes.readUInt32BE(16)).toBe(svgWidth * 2); // the IHDR width: drawn at twice the size
        await preview.page.close();
    });
});
