/**
 * The preview's toolbar at a wide (1400 px) and a narrow (420 px) width, light and dark: no two
 * controls overlap and no label spills out of its button (the wide toolbar drew "Export SVG" over
 * "SVG" when the button kept its narrow width), and the export buttons say what they do.
 */
import type { Browser, Page } from 'playwright-core';
import { expectScreenshot, launchChromium, openPreview, requireBuilt, showDiagram } from '../chromium.js';
import { diagramOf, readExample } from '../diagram/diagram-fixtures.js';
import { DARK_THEME, LIGHT_THEME } from '../diagram/vscode-themes.js';

const SHOTS = 'test/webview/__screenshots__';
let browser: Browser;

beforeAll(async () => {
    requireBuilt('out/webview.js', 'out/webview.css');
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

interface Control {
    id: string;
    text: string;
    left: number;
    top: number;
    right: number;
    bottom: number;
    /** How far the label's pieces reach beyond the button or over each other, in pixels (0 when they fit). */
    spill: number;
}

/** Every visible control of the toolbar, with its box and how far its label spills out of it. */
function controls(page: Page): Promise<Control[]> {
    return page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.toolbar vscode-button, .toolbar vscode-dropdown, .toolbar vscode-text-field, .toolbar .zoom-level')]
            .filter(element => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
            .map(element => {
                const r = element.getBoundingClientRect();
                // The label's pieces as rendered, by their text (a span and a text node in "Export SVG"): each
                // must start where the one before it ends, and none may reach beyond the button.
                const pieces = [...element.childNodes].flatMap(node => {
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    const rect = range.getBoundingClientRect();
                    return node.textContent!.trim() && rect.width > 0 ? [rect] : [];
                });
                let spill = 0;
                for (const [i, piece] of pieces.entries()) {
                    // Words of one label need a visible gap (2 px) between them: "ExportSVG" is no label either.
                    spill = Math.max(spill, r.left - piece.left, piece.right - r.right, i ? pieces[i - 1].right + 2 - piece.left : 0);
                }
                return { id: element.id, text: element.innerText.trim(), left: r.left, top: r.top, right: r.right, bottom: r.bottom, spill };
            })
    );
}

const overlap = (a: Control, b: Control) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

describe('the preview toolbar', () => {
    for (const [width, height] of [
        [1400, 860],
        [420, 700]
    ] as const) {
        for (const [name, theme, cls] of [
            ['light', LIGHT_THEME, 'vscode-light'],
            ['dark', DARK_THEME, 'vscode-dark']
        ] as const) {
            it(`lays its controls side by side, each label inside its button, at ${width} px (${name})`, async () => {
                const preview = await openPreview(browser, theme, cls, { width, height });
                await showDiagram(preview, (await diagramOf(readExample('examples/acme'))).result);
                const page = preview.page;
                await page.evaluate(() => document.fonts.ready);
                const found = await controls(page);
                expect(found.map(c => c.id)).toEqual(expect.arrayContaining(['tab-tree', 'search', 'zoom-in', 'export-svg', 'export-png']));
                for (const control of found) expect(control.spill, `${control.id} "${control.text}" spills out of its button`).toBeLessThanOrEqual(1);
                const outside = found.filter(c => c.left < 0 || c.right > width + 0.5).map(c => `${c.id || c.text} (${Math.round(c.left)}–${Math.round(c.right)} px)`);
                expect(outside, 'controls beyond the panel').toEqual([]);
                const clashes = found.flatMap((a, i) =>
                    found
                        .slice(i + 1)
                        .filter(b => overlap(a, b))
                        .map(b => `${a.id} "${a.text}" × ${b.id} "${b.text}"`)
                );
                expect(clashes).toEqual([]);
                const exportLabels = found.filter(c => c.id.startsWith('export-')).map(c => c.text.replace(/\s+/g, ' '));
                expect(exportLabels).toEqual(width > 640 ? ['Export SVG', 'Export PNG'] : ['SVG', 'PNG']);
                await expectScreenshot(page.locator('.toolbar') as unknown as Page, `${SHOTS}/toolbar-${width}-${name}.png`);
                expect(preview.pageErrors).toEqual([]);
                await page.close();
            });
        }
    }
});
