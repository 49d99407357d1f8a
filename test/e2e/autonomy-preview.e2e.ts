/**
 * The preview's Values and Decision rights tabs in a real VS Code (code-server), on the acme
 * example: what each draws is checked against the example's own text (every value, practice and
 * tenet a card in the framework; every type of decision rights a row of the matrix, the decision
 * records counted in its cells), and a click on a value card reveals its source.
 * On failure: a screenshot and the VS Code logs under test-results/e2e/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH, installCodeServer, packagedVsix, ROOT, startCodeServer, type CodeServer } from '../../scripts/code-server.mjs';
import { positionOf, TIMEOUT, Workbench, E2E_RESULTS, keepFailureArtefacts } from './workbench.js';

const RESULTS = E2E_RESULTS;
const VALUES = ['values.eos'];
const DECISIONS = ['decisions.eos'];

let server: CodeServer;
let browser: Browser;
let page: Page;
let workbench: Workbench;
let workspace: string;
let webview: FrameLocator;

const read = (segments: string[]) => fs.readFileSync(path.join(workspace, ...segments), 'utf8');
/** Every `.eos` text of the workspace, as one string, for counting what the views must draw. */
const allText = () =>
    fs
        .readdirSync(workspace, { recursive: true, encoding: 'utf8' })
        .filter(file => file.endsWith('.eos'))
        .map(file => fs.readFileSync(path.join(workspace, file), 'utf8'))
        .join('\n');
const namesOf = (keyword: string) => [...new Set([...allText().matchAll(new RegExp(`^${keyword} (\\w+)`, 'gm'))].map(match => match[1]))];

beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-e2e-autonomy-'));
    fs.cpSync(path.join(ROOT, 'examples', 'acme'), workspace, { recursive: true });
    server = await startCodeServer({
        codeServer: installCodeServer(),
        vsix: packagedVsix(),
        folder: workspace,
        settings: { 'workbench.colorTheme': 'Default Light Modern', 'window.commandCenter': false, 'workbench.reduceMotion': 'on' }
    });
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    workbench = new Workbench(page);
    await workbench.open(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await workbench.openFile(VALUES);
    await workbench.runCommand('EOS: Open Strategy Preview to the Side');
    webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await webview.locator('.node.kind-bet').first().waitFor({ timeout: TIMEOUT });
});

afterAll(async () => {
    try {
        await browser?.close();
    } finally {
        await server?.stop();
        if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    }
});

keepFailureArtefacts('autonomy-', () => ({ page, server }));

describe('the Values and Decision rights tabs of the preview', () => {
    it('Values draws every value, practice and tenet of the workspace; a click on a value reveals it', async () => {
        await webview.locator('#tab-values').click();
        const pane = webview.locator('#values');
        await pane.locator('svg[aria-label="Values framework"]').waitFor({ timeout: TIMEOUT });
        expect(await webview.locator('#viewport').isVisible()).toBe(false);
        const values = namesOf('value'),
            practices = namesOf('practice'),
            tenets = namesOf('tenet');
        expect(values.length).toBeGreaterThan(3);
        const drawn = async (kind: string) => (await pane.locator(`.card.kind-${kind}`).evaluateAll(cards => cards.map(card => (card as SVGElement).dataset.id))).sort();
        expect(await drawn('value')).toEqual(values.map(name => `value:${name}`).sort());
        expect(await drawn('practice')).toEqual(practices.map(name => `practice:${name}`).sort());
        expect(await drawn('tenet')).toEqual(tenets.map(name => `tenet:${name}`).sort());
        // The latest decisions beside the tenets, each a record of the workspace.
        const decisions = await drawn('decision');
        expect(decisions.length).toBeGreaterThan(0);
        for (const id of decisions) expect(namesOf('decision')).toContain(id!.replace('decision:', ''));
        await page.screenshot({ path: path.join(RESULTS, 'autonomy-values.png') });

        const value = values[1];
        await pane.locator(`.card[data-id="value:${value}"]`).click();
        await workbench.activeTab('values.eos').waitFor({ timeout: TIMEOUT });
        const at = positionOf(read(VALUES), `value ${value}`, value);
        await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${at.line},` }).waitFor({ timeout: TIMEOUT });
    });

    it('Decision rights draws a row per type and a column per team, and counts each decision record in its cell', async () => {
        await webview.locator('#tab-rights').click();
        const pane = webview.locator('#rights');
        await pane.locator('svg[aria-label="Decision rights matrix"]').waitFor({ timeout: TIMEOUT });
        expect(await webview.locator('#values').isVisible()).toBe(false);
        const types = namesOf('authority');
        expect(types.length).toBeGreaterThan(2);
        const rows = await pane.locator('.card.kind-authority').evaluateAll(cards => cards.map(card => (card as SVGElement).dataset.id));
        expect(rows.sort()).toEqual(types.map(name => `authority:${name}`).sort());
        expect(await pane.locator('.card.kind-team').count()).toBe(namesOf('team').length);
        // Every decision record with a type and an owner is counted once, in its type's row.
        const records = [...read(DECISIONS).matchAll(/^decision \w+[^{]*\{([^}]*)\}/gm)].filter(match => /\btype \w+/.test(match[1]) && /\bowner \w+/.test(match[1])).length;
        expect(records).toBeGreaterThan(3);
        const counted = (await pane.locator('text.count').allTextContents()).reduce((sum, text) => sum + Number(text), 0);
        expect(counted).toBe(records);
        // Teams that may decide a type are marked in its row.
        expect(await pane.locator('circle.cell-yes').count()).toBeGreaterThan(0);
        await page.screenshot({ path: path.join(RESULTS, 'autonomy-rights.png') });
    });
});
