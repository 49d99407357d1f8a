/**
 * The packaged extension in a real VS Code (code-server 1.96) driven through Debian's chromium:
 * what a strategist sees and does. Runs on a copy of examples/ (the rename step edits files).
 * On failure: a screenshot and the VS Code logs under test-results/e2e/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH, installCodeServer, packagedVsix, ROOT, startCodeServer, type CodeServer } from '../../scripts/code-server.mjs';
import { positionOf, TIMEOUT, Workbench, E2E_RESULTS, keepFailureArtefacts } from './workbench.js';

const RESULTS = E2E_RESULTS;
const STRATEGY = ['language-md', 'strategy.eos'];
const ONBOARDING = ['language-md', 'teams', 'onboarding.eos'];

/** Default Dark Modern's TextMate colours (the theme is fixed in the test settings). */
const THEME = {
    keyword: 'rgb(86, 156, 214)', // storage.type, keyword
    typeName: 'rgb(78, 201, 176)', // entity.name.type
    string: 'rgb(206, 145, 120)',
    comment: 'rgb(106, 153, 85)',
    number: 'rgb(181, 206, 168)'
};

let server: CodeServer;
let browser: Browser;
let page: Page;
let workbench: Workbench;
let workspace: string;

/** `Category: Title` of a contributed command, as the command palette shows it; undefined when absent. */
function commandTitle(command: string): string | undefined {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entry = manifest.contributes?.commands?.find((c: { command: string }) => c.command === command);
    return entry ? `${entry.category ? `${entry.category}: ` : ''}${entry.title}` : undefined;
}

const read = (segments: string[]) => fs.readFileSync(path.join(workspace, ...segments), 'utf8');

beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-e2e-workspace-'));
    fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    server = await startCodeServer({
        codeServer: installCodeServer(),
        vsix: packagedVsix(),
        folder: workspace,
        settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.fontSize': 14, 'window.commandCenter': false, 'workbench.reduceMotion': 'on' }
    });
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    workbench = new Workbench(page);
    await workbench.open(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
});

afterAll(async () => {
    try {
        await browser?.close();
    } finally {
        await server?.stop();
        if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    }
});

keepFailureArtefacts('', () => ({ page, server }));

describe('EOS in VS Code', () => {
    it('highlights an .eos file with the TextMate grammar', async () => {
        await workbench.openFile(ONBOARDING);
        // The editor re-renders lines as tokens arrive (TextMate first, then semantic tokens):
        // the colour is polled until the rendered token has it.
        const colour = (text: string, line: string) => expect.poll(() => workbench.tokenColour(text, line), { timeout: TIMEOUT });
        await colour('initiative', 'initiative ReferralProgram').toBe(THEME.keyword);
        await colour('"Referral rewards"', 'initiative ReferralProgram').toBe(THEME.string);
        await colour('// no bet: orphan-initiative', 'initiative ReferralProgram').toBe(THEME.comment);
        await colour('2026-Q1', 'period').toBe(THEME.number);
        await colour('ReferralProgram', 'initiative ReferralProgram').toMatch(/^rgb/);
        const name = await workbench.tokenColour('ReferralProgram', 'initiative ReferralProgram');
        expect([THEME.keyword, THEME.string, THEME.comment]).not.toContain(name);
    });

    it('squiggles the orphaned initiative and lists it in Problems with its code', async () => {
        await expect.poll(() => workbench.hasSquiggle('initiative ReferralProgram', 'warning'), { timeout: TIMEOUT }).toBe(true);
        await workbench.openProblems();
        await workbench.filterProblems('ReferralProgram');
        const row = workbench.problem('ReferralProgram', 'orphan-initiative');
        await row.waitFor({ timeout: TIMEOUT });
        expect(await row.textContent()).toMatch(/linked to no bet/);
        await expect.poll(async () => page.locator('#status\\.problems a').first().getAttribute('aria-label'), { timeout: TIMEOUT }).toMatch(/Warnings: [1-9]/);
    });

    it('explains a keyword on hover', async () => {
        await workbench.openFile(STRATEGY);
        const at = positionOf(read(STRATEGY), 'bet EarlyExperience', 'bet');
        await workbench.goTo(at.line, at.column);
        const hover = await workbench.hoverAtCursor('hypothesis about where to invest');
        expect(await hover.textContent()).toMatch(/evidence/);
        // Fully faded in before the picture is taken.
        await expect.poll(() => hover.evaluate(element => getComputedStyle(element.closest('.monaco-hover') ?? element).opacity)).toBe('1');
        await fs.promises.mkdir(path.join(ROOT, 'docs'), { recursive: true });
        // The README's picture of the extension at work; CI keeps its copy with the results.
        const shot = process.env.CI ? path.join(RESULTS, 'screenshot-editor.png') : path.join(ROOT, 'docs', 'screenshot-editor.png');
        await page.screenshot({ path: shot });
        await page.keyboard.press('Escape');
    });

    it("goes from an OKR's supports to the bet in the other file (F12)", async () => {
        await workbench.openFile(ONBOARDING);
        const from = positionOf(read(ONBOARDING), 'supports EarlyExperience', 'EarlyExperience');
        await workbench.goTo(from.line, from.column + 2);
        await page.keyboard.press('F12');
        await workbench.activeTab('strategy.eos').waitFor({ timeout: TIMEOUT });
        const bet = positionOf(read(STRATEGY), 'bet EarlyExperience', 'EarlyExperience');
        await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${bet.line},` }).waitFor({ timeout: TIMEOUT });
    });

    const preview = commandTitle('eos.showPreviewToSide');
    it.skipIf(!preview)('opens the strategy preview, which shows the bets; a click reveals the source', async () => {
        await workbench.openFile(ONBOARDING);
        await workbench.runCommand(preview!);
        const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        const bet = webview.locator('.node.kind-bet', { hasText: 'Improve early customer experience' }).first();
        await bet.waitFor({ timeout: TIMEOUT });
        expect(await webview.locator('.node.kind-bet').count()).toBeGreaterThan(1);
        await bet.click();
        await workbench.activeTab('strategy.eos').waitFor({ timeout: TIMEOUT });
        const at = positionOf(read(STRATEGY), 'bet EarlyExperience', 'EarlyExperience');
        await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${at.line},` }).waitFor({ timeout: TIMEOUT });
        await page.screenshot({ path: path.join(RESULTS, 'preview.png') });
    });

    it('restarts the language server on command, logs it, and answers again', async () => {
        await workbench.openFile(STRATEGY);
        await workbench.runCommand('EOS: Restart Language Server');
        await workbench.runCommand('EOS: Show Language Server Output');
        await page.locator('.output-view .view-line', { hasText: 'Restarting the EOS language server' }).first().waitFor({ timeout: TIMEOUT });
        await workbench.openFile(STRATEGY);
        const at = positionOf(read(STRATEGY), 'theme Retention', 'theme');
        await workbench.goTo(at.line, at.column);
        await workbench.hoverAtCursor('what matters most now');
        await page.keyboard.press('Escape');
    });

    it('applies eos.config.json and the eos.diagnostics setting, the file winning', async () => {
        await workbench.openFile(ONBOARDING);
        const orphan = 'initiative ReferralProgram';
        const unmeasurable = 'kr Friction';
        // Both lines in view (the Problems panel leaves the editor little room).
        const friction = positionOf(read(ONBOARDING), unmeasurable, 'Friction');
        await workbench.goTo(friction.line, friction.column);
        await workbench.line(orphan).waitFor({ timeout: TIMEOUT });
        await expect.poll(() => workbench.hasSquiggle(unmeasurable, 'warning'), { timeout: TIMEOUT }).toBe(true);
        const configFile = path.join(workspace, 'eos.config.json');
        // Workspace settings, as a team would share them in .vscode/settings.json.
        const settingsFile = path.join(workspace, '.vscode', 'settings.json');
        fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
        try {
            // Written behind the editor's back: the file watcher tells the server.
            fs.writeFileSync(configFile, JSON.stringify({ diagnostics: { 'orphan-initiative': 'error' } }));
            await expect.poll(() => workbench.hasSquiggle(orphan, 'error'), { timeout: TIMEOUT }).toBe(true);
            fs.writeFileSync(settingsFile, JSON.stringify({ 'eos.diagnostics': { 'kr-not-measurable': 'off', 'orphan-initiative': 'info' } }));
            await expect.poll(() => workbench.hasSquiggle(unmeasurable, 'warning'), { timeout: TIMEOUT }).toBe(false);
            await workbench.line(unmeasurable).waitFor({ timeout: TIMEOUT });
            expect(await workbench.hasSquiggle(orphan, 'error')).toBe(true);
        } finally {
            fs.rmSync(configFile, { force: true });
            fs.rmSync(settingsFile, { force: true });
        }
        await expect.poll(() => workbench.hasSquiggle(orphan, 'warning'), { timeout: TIMEOUT }).toBe(true);
        await expect.poll(() => workbench.hasSquiggle(unmeasurable, 'warning'), { timeout: TIMEOUT }).toBe(true);
    });

    it('renames a bet in both files (F2)', async () => {
        await workbench.openFile(ONBOARDING);
        const at = positionOf(read(ONBOARDING), 'bet EarlyExperience', 'EarlyExperience');
        await workbench.goTo(at.line, at.column);
        await page.keyboard.press('F2');
        const input = page.locator('.rename-box input, .rename-input').first();
        await input.waitFor({ timeout: TIMEOUT });
        await input.fill('EarlyJourney');
        await input.press('Enter');
        // VS Code saves files changed by a refactoring (files.refactoring.autoSave).
        await expect.poll(() => read(STRATEGY), { timeout: TIMEOUT }).toContain('bet EarlyJourney');
        await expect.poll(() => read(ONBOARDING), { timeout: TIMEOUT }).toMatch(/bet EarlyJourney[\s\S]*supports EarlyJourney/);
        expect(read(STRATEGY) + read(ONBOARDING)).not.toMatch(/\bEarlyExperience\b/);
        await workbench.line('bet EarlyJourney').waitFor({ timeout: TIMEOUT });
    });
});
