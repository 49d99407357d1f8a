/**
 * "EOS: Compare Strategy with…" in a real VS Code (code-server 1.96): a git repository with two
 * commits, the command picks the first one from the quick pick (recent commits, read with git),
 * and the preview shows the comparison — the summary, the removed initiative as a ghost under
 * its bet, the changed bet marked, the list of changes; a change clicked reveals its source; the
 * Markdown opens in VS Code's Markdown preview; Stop comparing brings the plain tree back.
 * On failure: a screenshot and the VS Code logs under test-results/e2e/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH, installCodeServer, packagedVsix, startCodeServer, type CodeServer } from '../../scripts/code-server.mjs';
import { GitRepo } from '../diff/git-repo.js';
import { AFTER, BEFORE } from '../server/compare-fixtures.js';
import { TIMEOUT, Workbench, E2E_RESULTS, keepFailureArtefacts } from './workbench.js';

const RESULTS = E2E_RESULTS;

let server: CodeServer;
let browser: Browser;
let page: Page;
let workbench: Workbench;
let repo: GitRepo;
let first: string;

beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    repo = new GitRepo('eos-e2e-compare-');
    first = repo.commit('Strategy as agreed in March', { 'strategy.eos': BEFORE }).slice(0, 7);
    repo.commit('Stop instant payouts, drop the export', { 'strategy.eos': AFTER });
    server = await startCodeServer({
        codeServer: installCodeServer(),
        vsix: packagedVsix(),
        folder: repo.dir,
        settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 14, 'window.commandCenter': false, 'workbench.reduceMotion': 'on', 'git.enabled': false }
    });
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    workbench = new Workbench(page);
    await workbench.open(`${server.url}/?folder=${encodeURIComponent(repo.dir)}`);
});

afterAll(async () => {
    try {
        await browser?.close();
    } finally {
        await server?.stop();
        repo?.cleanup();
    }
});

keepFailureArtefacts('compare-', () => ({ page, server }));

/** The strategy preview's page (the first webview: the Markdown preview opens later). */
const preview = () => page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');

describe('EOS: Compare Strategy with… in VS Code', () => {
    it('picks the first commit and shows what changed since: summary, ghost, marks and list', async () => {
        await workbench.openFile(['strategy.eos']);
        await workbench.runCommand('EOS: Compare Strategy with…');
        // The quick pick lists HEAD, the branch and the recent commits, read with git.
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'main' }).first().waitFor({ timeout: TIMEOUT });
        await input.fill('Strategy as agreed');
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: first }).first();
        await row.waitFor({ timeout: TIMEOUT });
        await row.click();

        const webview = preview();
        const title = webview.locator('#compare-title', { hasText: `Compared with ${first}` });
        await title.waitFor({ timeout: TIMEOUT });
        expect(await webview.locator('#compare-summary').textContent()).toBe(
            // The stopped bet's review is no longer due (bet-review-overdue: no evidence 90 days after its work began
            // on 2026-02-02; the editor's today is the real date, always later than that).
            "bet Payouts stopped; key result Q2.Speed's target lowered from 80% to 60% — 1 added, 2 removed, 2 changed; 0 findings introduced, 1 resolved"
        );
        // The removed initiative is drawn as a ghost where it was; the bet and the new initiative are marked.
        const ghost = webview.locator('.node.diff-removed[data-id="removed:initiative:LegacyExport"]');
        await ghost.waitFor({ timeout: TIMEOUT });
        expect(await ghost.locator('.title').textContent()).toBe('Export <b>CSV</b> & PDF');
        expect(await webview.locator('.node[data-id="bet:Payouts"] .diff-tag').textContent()).toBe('CHANGED');
        expect(await webview.locator('.node[data-id="initiative:Reminders"] .diff-tag').textContent()).toBe('ADDED');
        expect(await webview.locator('.compare-legend').textContent()).toContain('1 removed (faded)');
        expect(await webview.locator('#changes-list li.removed .what').allTextContents()).toEqual([
            'initiative LegacyExport “Export <b>CSV</b> & PDF”',
            'key result Q2.Share “Merchants using payouts”'
        ]);
        await page.screenshot({ path: path.join(RESULTS, 'compare.png') });
    });

    it('reveals a changed element from the list of changes', async () => {
        const webview = preview();
        await webview.locator('#changes-list li', { hasText: 'bet Payouts' }).click();
        await expect.poll(() => webview.locator('.node[data-id="bet:Payouts"]').getAttribute('class'), { timeout: TIMEOUT }).toContain('selected');
        const line = AFTER.split('\n').findIndex(text => text.startsWith('bet Payouts')) + 1;
        await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line},` }).waitFor({ timeout: TIMEOUT });
    });

    it('follows an edit: the comparison is with the text in the editor, saved or not', async () => {
        await workbench.openFile(['strategy.eos']);
        const line = AFTER.split('\n').findIndex(text => text.includes('status stopped')) + 1;
        await workbench.goTo(line, 17);
        // "stopped" back to "active": the bet is no longer a change.
        await page.keyboard.press('Control+Shift+ArrowLeft');
        await page.keyboard.type('active');
        const webview = preview();
        await webview.locator('#compare-summary', { hasText: '1 added, 2 removed, 1 changed' }).waitFor({ timeout: TIMEOUT });
        expect(await webview.locator('.node[data-id="bet:Payouts"]').getAttribute('class')).not.toContain('diff-');
        await page.keyboard.press('Control+Z');
        await webview.locator('#compare-summary', { hasText: '1 added, 2 removed, 2 changed' }).waitFor({ timeout: TIMEOUT });
    });

    it('opens the changes as Markdown, and Stop comparing brings the plain tree back', async () => {
        const webview = preview();
        await webview.locator('#compare-markdown').click();
        await page.locator(`.tab[aria-label*="Strategy changes since ${first}"]`).first().waitFor({ timeout: TIMEOUT });
        await webview.locator('#compare-stop').click();
        await webview.locator('#compare').waitFor({ state: 'hidden', timeout: TIMEOUT });
        await webview.locator('.node[data-id="bet:Payouts"]').waitFor({ timeout: TIMEOUT });
        expect(await webview.locator('.node.diff-removed').count()).toBe(0);
        expect(await webview.locator('.diff-tag').count()).toBe(0);
    });
});
