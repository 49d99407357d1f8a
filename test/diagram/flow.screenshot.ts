/**
 * The loop in the preview, as users see it (headless chromium, the real bundle and page): key
 * results with trend lines from their check-ins and a graded past quarter, and the Portfolio
 * Kanban read as flow (ages, ageing, cycle times, throughput, where work waits), light and dark.
 */
import type { Browser } from 'playwright-core';
import { expectScreenshot, launchChromium, openPreview, requireBuilt, showDiagram } from '../chromium.js';
import { diagramOf } from './diagram-fixtures.js';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from './vscode-themes.js';

let browser: Browser;

beforeAll(async () => {
    requireBuilt('out/webview.js', 'out/webview.css');
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
});

/** A quarter of check-ins, a graded past quarter, and two streams' initiatives with their dates (today 2026-03-01). */
export const LOOP_STRATEGY: Record<string, string> = {
    'strategy.eos': `vision Bank "Everyday banking people recommend"
theme Onboard "Open an account in one sitting" { vision Bank }
bet Digital "Digital identity check" { serves Onboard status active hypothesis "Checking identity online removes the branch visit" streams Opening }
bet Paperless "No paper forms" { serves Onboard status active hypothesis "Forms filled online halve drop-out" streams Opening, Care }
stream Opening "Account opening" { wip 2 }
stream Care "Customer care" { wip 2 }
team Crew "Opening crew" { level crew }
`,
    'work.eos': `initiative Selfie "Selfie verification" { bet Digital stream Opening status doing started 2026-02-16 updated 2026-02-26 owner Crew }
initiative Video "Video call fallback" { bet Digital stream Opening status doing started 2025-12-01 updated 2026-01-10 }
initiative Address "Address lookup" { bet Paperless stream Opening status ready updated 2025-12-15 }
initiative ESign "E-signature" { bet Paperless stream Opening status done started 2025-10-01 finished 2025-11-14 }
initiative Prefill "Prefilled forms" { bet Paperless stream Opening status done started 2025-11-03 finished 2026-01-12 }
initiative Docs "Document upload" { bet Paperless stream Opening status done started 2026-01-05 updated 2026-02-02 }
initiative Chat "Chat in the app" { bet Paperless stream Care status doing started 2026-01-20 updated 2026-02-25 }
initiative Callback "Call-back booking" { bet Paperless stream Care status doing updated 2026-02-20 }
initiative FAQ "Searchable answers" { bet Paperless stream Care status stopped started 2025-11-10 finished 2025-12-20 }
`,
    'okrs.eos': `okr OpeningQ1 "New customers open an account in one sitting" {
  owner Crew
  supports Onboard
  period 2026-Q1
  kr Sitting "Accounts opened in one sitting" from 40% to 70%
    checkin 2026-01-09 42% confidence medium
    checkin 2026-01-23 47% confidence medium
    checkin 2026-02-06 51% confidence high
    checkin 2026-02-20 58% confidence high "video fallback live"
  kr DropOut "Drop-out at the identity step" from 30% to 15%
    checkin 2026-01-09 29%
    checkin 2026-01-30 28% confidence low
    checkin 2026-02-20 27% confidence low "selfie check slow"
  kr Minutes "Minutes to open" from 25 to 10
}
okr OpeningQ4 "Customers finish the forms online" {
  owner Crew
  supports Onboard
  period 2025-Q4
  kr Online "Forms completed online" from 20% to 60%
    checkin 2025-10-15 28%
    checkin 2025-11-15 41%
    checkin 2025-12-15 52% "e-signature live"
  kr Errors "Forms returned with errors" from 12% to 4%
    checkin 2025-11-01 10%
    checkin 2025-12-20 5%
}
`
};

describe('the loop in the preview (chromium)', () => {
    for (const [mode, theme, cls] of [
        ['light', LIGHT_THEME, 'vscode-light'],
        ['dark', DARK_THEME, 'vscode-dark']
    ] as const) {
        it(`draws trend lines and grades in the OKR boxes, and the Kanban as flow (${mode})`, async () => {
            // The bets folded: the tree shows the theme's two OKRs large enough to read their rows.
            const { result } = await diagramOf(LOOP_STRATEGY, { collapsed: ['bet:Digital', 'bet:Paperless'] }, '2026-03-01');
            const preview = await openPreview(browser, theme, cls, { width: 1400, height: 760 });
            const { page } = preview;
            await showDiagram(preview, result);
            // Four key results with two or more check-ins draw a trend line; `Minutes` has none.
            expect(await page.locator('#canvas .kr-trend').count()).toBe(4);
            await expect.poll(() => page.locator('.node[data-id="okr:OpeningQ4"] .header').textContent()).toContain('graded');
            await expectScreenshot(page, `docs/preview-trends-${mode}.png`);

            // The Kanban of the whole workspace (nothing folded: no "showing 6 of 15" notice).
            await showDiagram(preview, (await diagramOf(LOOP_STRATEGY, {}, '2026-03-01')).result);
            await page.locator('#tab-kanban').click();
            await page.waitForSelector('.board .card');
            const selfie = page.locator('.card[data-id="initiative:Selfie"] .age');
            expect(await selfie.textContent()).toBe('○ 13 days · fresh');
            expect(await page.locator('.card[data-id="initiative:Video"] .age').textContent()).toBe('● 90 days · old');
            expect(await page.locator('.card[data-id="initiative:Callback"] .age').textContent()).toBe('age unknown: no started date');
            expect(await page.locator('.lane-head').first().locator('.cycle-time').textContent()).toBe('Median cycle 44 days (3 finished)');
            expect(await page.locator('.cell.waiting').count()).toBeGreaterThan(0);
            await expectScreenshot(page, `docs/kanban-flow-${mode}.png`);
            expect(preview.cspViolations, preview.cspViolations.join('\n')).toEqual([]);
            expect(preview.pageErrors).toEqual([]);
            await page.close();
        });
    }

    it('keeps the ageing marks legible in high contrast', async () => {
        const { result } = await diagramOf(LOOP_STRATEGY, {}, '2026-03-01');
        const preview = await openPreview(browser, HIGH_CONTRAST_THEME, 'vscode-high-contrast', { width: 1400, height: 760 });
        await showDiagram(preview, result);
        await preview.page.locator('#tab-kanban').click();
        await preview.page.waitForSelector('.board .card');
        await expectScreenshot(preview.page, 'docs/kanban-flow-high-contrast.png');
        await preview.page.close();
    });
});
