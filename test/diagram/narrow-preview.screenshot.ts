/**
 * The preview in a narrow side column (beside the editor on a 1366 or 1440 px laptop screen):
 * the tree opens on the element under the cursor with its trace to the vision in view, text stays
 * readable at every zoom Fit chooses, typing does not re-pan the view, and the Kanban fits the
 * panel (stream column kept in view, empty columns folded, full titles). Light and dark.
 */
import type { Browser, Page } from 'playwright-core';
import { expectScreenshot, launchChromium, openPreview as openWebview, requireBuilt, showDiagram } from '../chromium.js';
import { diagramOf, readExample } from './diagram-fixtures.js';
import { DARK_THEME, LIGHT_THEME } from './vscode-themes.js';

/** The editor group beside a 1366 px editor, minus the activity bar: what "to the side" gets. */
const SIDE = { width: 560, height: 700 };
const SHOTS = 'test/diagram/__screenshots__';
let browser: Browser;

beforeAll(async () => {
    requireBuilt('out/webview.js', 'out/webview.css');
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

const openPreview = (theme: Record<string, string>, themeClass: string, size = SIDE) => openWebview(browser, theme, themeClass, size);

/** The rectangle of an element in viewport pixels. */
async function box(page: Page, selector: string) {
    return page
        .locator(selector)
        .first()
        .evaluate(element => {
            const r = element.getBoundingClientRect();
            return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        });
}

/** The tree's viewport (below the toolbar) in page pixels. */
const viewportBox = (page: Page) => box(page, '#viewport');

const inside = (inner: { left: number; top: number; right: number; bottom: number }, outer: typeof inner) =>
    inner.left >= outer.left - 1 && inner.top >= outer.top - 1 && inner.right <= outer.right + 1 && inner.bottom <= outer.bottom + 1;

const zoomPercent = async (page: Page) => Number((await page.locator('#zoom-level').textContent())!.replace('%', ''));

/** Rendered font size of box titles, in screen pixels, at the current zoom. */
const titlePixels = (page: Page) =>
    page.evaluate(() => {
        const title = document.querySelector<SVGTextElement>('#canvas .node .title')!;
        const scale = Number(/scale\(([\d.]+)\)/.exec(document.getElementById('canvas')!.style.transform)![1]);
        return parseFloat(getComputedStyle(title).fontSize) * scale;
    });

describe('the preview in a narrow side column', () => {
    for (const [name, theme, cls] of [
        ['light', LIGHT_THEME, 'vscode-light'],
        ['dark', DARK_THEME, 'vscode-dark']
    ] as const) {
        it(`opens the tree on the element under the cursor with its trace to the vision, readable (${name})`, async () => {
            const { result } = await diagramOf(readExample('examples/acme'));
            const preview = await openPreview(theme, cls);
            const { page } = preview;
            const okr = result.nodes.find(node => node.id === 'okr:SelfServiceQ1')!;
            // As the extension does: the cursor first, then the picture.
            await preview.send({ type: 'cursor', uri: okr.uri, line: okr.range!.start.line + 1, character: 2, reveal: false });
            await showDiagram(preview, result);
            const trace: string[] = [];
            for (let at: string | undefined = okr.id; at; at = result.nodes.find(node => node.id === at)?.parent) trace.push(at);
            expect(trace.at(-1)).toBe('vision:EverydayBank');
            expect(trace.length).toBeGreaterThan(3);
            await expect.poll(() => page.locator(`.node[data-id="${okr.id}"]`).getAttribute('class')).toContain('selected');
            const view = await viewportBox(page);
            expect(inside(await box(page, `.node[data-id="${okr.id}"] .box`), view), 'the OKR is in view').toBe(true);
            // The trace runs towards the root; at a readable zoom what fits is shown, the element first.
            expect(await zoomPercent(page)).toBeGreaterThanOrEqual(75);
            expect(await titlePixels(page)).toBeGreaterThanOrEqual(9.5);
            // The whole trace, readable whatever the zoom, above the tree; a step brings its box into view.
            const steps = await page.locator('#trace .step').allTextContents();
            expect(steps).toEqual([...trace].reverse().map(id => id.replace(/^\w+:/, '')));
            await expectScreenshot(page, `${SHOTS}/narrow-tree-${name}.png`);
            await page.locator('#trace .step').first().click();
            await expect.poll(async () => inside(await box(page, '.node[data-id="vision:EverydayBank"] .box'), await viewportBox(page))).toBe(true);
            await page.locator(`#trace .step`, { hasText: 'SelfServiceQ1' }).click();
            await expect.poll(async () => inside(await box(page, `.node[data-id="${okr.id}"] .box`), await viewportBox(page))).toBe(true);

            // Fit never shrinks the text below legibility: the tree is shown in part, and it says so.
            await page.locator('#fit').click();
            expect(await zoomPercent(page)).toBeGreaterThanOrEqual(75);
            expect(await titlePixels(page)).toBeGreaterThanOrEqual(9.5);
            expect(inside(await box(page, `.node[data-id="${okr.id}"] .box`), view), 'Fit keeps the selection in view').toBe(true);
            await expect.poll(() => page.locator('#notice').textContent()).toContain('does not fit at a readable size');
            await expectScreenshot(page, `${SHOTS}/narrow-tree-fit-${name}.png`);
            expect(preview.pageErrors).toEqual([]);
            await page.close();
        });
    }

    it('does not re-pan while typing: the selected box keeps its place when the picture is redrawn', async () => {
        const files = readExample('examples/acme');
        const { result } = await diagramOf(files);
        const preview = await openPreview(LIGHT_THEME, 'vscode-light');
        const { page } = preview;
        const okr = result.nodes.find(node => node.id === 'okr:SelfServiceQ1')!;
        await preview.send({ type: 'cursor', uri: okr.uri, line: okr.range!.start.line + 1, character: 2, reveal: false });
        await showDiagram(preview, result);
        const before = await box(page, `.node[data-id="${okr.id}"] .box`);
        // Typing a new theme above moves every box in the layout; the view follows the selected one.
        const typed = {
            ...files,
            'strategy.eos': files['strategy.eos'].replace('theme DailyHabit', 'theme Typed "A theme being typed" { vision EverydayBank }\ntheme DailyHabit')
        };
        const { result: after } = await diagramOf(typed);
        const moved = after.nodes.find(node => node.id === okr.id)!;
        await preview.send({ type: 'cursor', uri: moved.uri, line: moved.range!.start.line + 1, character: 3, reveal: false });
        await preview.send({ type: 'diagram', result: after });
        await page.locator('.node[data-id="theme:Typed"]').waitFor();
        const now = await box(page, `.node[data-id="${okr.id}"] .box`);
        expect(Math.abs(now.left - before.left)).toBeLessThan(1);
        expect(Math.abs(now.top - before.top)).toBeLessThan(1);
        // A cursor moved on purpose to another element pans to it.
        const bet = after.nodes.find(node => node.id === 'bet:PavedPlatform')!;
        await preview.send({ type: 'cursor', uri: bet.uri, line: bet.range!.start.line, character: 4, reveal: true });
        await expect.poll(async () => inside(await box(page, `.node[data-id="${bet.id}"] .box`), await viewportBox(page))).toBe(true);
        await page.close();
    });

    for (const [name, theme, cls] of [
        ['light', LIGHT_THEME, 'vscode-light'],
        ['dark', DARK_THEME, 'vscode-dark']
    ] as const) {
        it(`fits the Kanban to the panel: cards in view, empty columns folded, stream column kept, full titles (${name})`, async () => {
            const { result } = await diagramOf(readExample('examples/acme'));
            const preview = await openPreview(theme, cls);
            const { page } = preview;
            await showDiagram(preview, result);
            await page.locator('#tab-kanban').click();
            await page.waitForSelector('.board .card');
            const kanbanView = await box(page, '#kanban');
            // Every empty column is a narrow strip; the first card is on screen without scrolling.
            for (const column of result.kanban.columns) {
                const count = result.kanban.lanes.reduce((sum, lane) => sum + lane.cells[column].length, 0);
                expect(await page.locator(`.col-head[data-column="${column}"]`).getAttribute('class'), column).toMatch(count ? /^(?!.*folded)/ : /folded/);
            }
            expect(inside(await box(page, '.board .card'), kanbanView)).toBe(true);
            // Titles wrap in full: no card's title is cut.
            const cut = await page
                .locator('.card-title')
                .evaluateAll(titles => titles.filter(t => t.scrollHeight > t.clientHeight + 1 || t.scrollWidth > t.clientWidth + 1).length);
            expect(cut).toBe(0);
            // A compact header: the toolbar in two rows, the column heads one short row (a folded
            // column's name is not written upright), so the first lane starts high in the panel.
            const heads = await page.locator('.col-head').evaluateAll(elements => elements.map(e => e.getBoundingClientRect().height));
            expect(Math.max(...heads)).toBeLessThanOrEqual(40);
            expect((await box(page, '.toolbar')).bottom).toBeLessThanOrEqual(72);
            expect((await box(page, '.lane-head')).top).toBeLessThanOrEqual(120);
            // Each folded head still names its column, in full, and the filters' labels are not cut.
            for (const text of await page.locator('.col-head.folded .col-name').allTextContents()) expect(result.kanban.columns).toContain(text);
            const filtersCut = await page.locator('.filters vscode-dropdown').evaluateAll(dropdowns =>
                dropdowns.map(d => {
                    const label = d.shadowRoot?.querySelector<HTMLElement>('.selected-value');
                    return label ? label.scrollWidth > label.clientWidth + 1 : 'no label';
                })
            );
            expect(filtersCut).toEqual([false, false, false, false]);
            await expectScreenshot(page, `${SHOTS}/narrow-kanban-${name}.png`);
            // Scrolled sideways, the stream names stay in view.
            await page.locator('#kanban').evaluate(element => {
                element.scrollLeft = element.scrollWidth;
            });
            const lane = await box(page, '.lane-head');
            expect(lane.left).toBeGreaterThanOrEqual(kanbanView.left - 1);
            expect(await page.locator('.lane-head .lane-title').first().isVisible()).toBe(true);
            await expectScreenshot(page, `${SHOTS}/narrow-kanban-scrolled-${name}.png`);
            // A folded column opens on a click, and folds again.
            const folded = page.locator('.col-head.folded').first();
            const column = await folded.getAttribute('data-column');
            await folded.click();
            await expect.poll(() => page.locator(`.col-head[data-column="${column}"]`).getAttribute('class')).not.toContain('folded');
            await page.locator(`.col-head[data-column="${column}"]`).click();
            await expect.poll(() => page.locator(`.col-head[data-column="${column}"]`).getAttribute('class')).toContain('folded');
            expect(preview.pageErrors).toEqual([]);
            await page.close();
        });
    }
});
