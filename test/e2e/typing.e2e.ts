/**
 * Typing `.eos` in a real VS Code (code-server 1.96) the way a team lead does: character by
 * character, Enter and Tab at the end of values, through a template's tab stops, a quick fix's
 * placeholders, braces typed by habit. Each step asserts the text that results (saved to disk and
 * read back), so a suggestion accepted by accident or a brace too many shows up as a diff.
 * On failure: a screenshot and the VS Code logs under test-results/e2e/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH, installCodeServer, packagedVsix, ROOT, startCodeServer, type CodeServer } from '../../scripts/code-server.mjs';
import { TIMEOUT, Workbench, E2E_RESULTS, keepFailureArtefacts } from './workbench.js';

const RESULTS = E2E_RESULTS;
const TYPING = ['language-md', 'teams', 'typing.eos'];
const ONBOARDING = ['language-md', 'teams', 'onboarding.eos'];
/** A person's pace, and slow enough for the suggestion list to answer between keys. */
const KEY_DELAY = 45;

let server: CodeServer;
let browser: Browser;
let page: Page;
let workbench: Workbench;
let workspace: string;

const typingFile = () => path.join(workspace, ...TYPING);

beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-e2e-typing-'));
    fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    fs.writeFileSync(typingFile(), '');
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
    // The server is up once the example's orphan is squiggled.
    await workbench.openFile(ONBOARDING);
    await until(() => workbench.hasSquiggle('initiative ReferralProgram', 'warning'));
    await workbench.openFile(TYPING);
});

/** Waits for a state outside a test (where expect.poll is not available). */
async function until(condition: () => Promise<boolean>, timeout = TIMEOUT): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!(await condition())) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the language server');
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

afterAll(async () => {
    try {
        await browser?.close();
    } finally {
        await server?.stop();
        if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    }
});

keepFailureArtefacts('typing-', () => ({ page, server }));

const suggestWidget = () => page.locator('.editor-widget.suggest-widget.visible');
const suggestion = (label: string) =>
    suggestWidget()
        .locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
        .first();
/** The row Tab would accept: the list re-filters a moment after each key, so wait for this, not for the row to be listed. */
const focusedSuggestion = (label: string) =>
    suggestWidget().locator('.monaco-list-row.focused', { has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });

/** Types like a person: one key at a time. */
async function type(text: string): Promise<void> {
    await page.keyboard.type(text, { delay: KEY_DELAY });
}

async function press(key: string): Promise<void> {
    await page.keyboard.press(key);
}

/** Starts from an empty typing.eos with the cursor in it. */
async function emptyFile(): Promise<void> {
    await workbench.openFile(TYPING);
    await workbench.focusEditor();
    await press('Control+A');
    await press('Delete');
    await press('Escape');
    await workbench.cursorAt(1, 1);
}

/** The editor's text, saved and read back from disk, trailing spaces dropped from each line. */
async function savedText(): Promise<string> {
    await press('Escape');
    const before = fs.statSync(typingFile()).mtimeMs;
    await press('Control+S');
    await expect.poll(() => fs.statSync(typingFile()).mtimeMs, { timeout: TIMEOUT }).toBeGreaterThan(before);
    await expect.poll(() => page.locator('.tab.active.dirty').count(), { timeout: TIMEOUT }).toBe(0);
    return fs.readFileSync(typingFile(), 'utf8').replace(/[ \t]+$/gm, '');
}

/** No suggestion list is open (checked after the list had time to answer the last key). */
async function expectNoList(): Promise<void> {
    // The list answers within a few hundred milliseconds when it opens; waiting for it to stay
    // closed is a wait for a state, bounded, not a sleep before an action.
    await expect.poll(() => suggestWidget().count(), { timeout: 1500, interval: 250 }).toBe(0);
    await page.waitForTimeout(400);
    expect(await suggestWidget().count()).toBe(0);
}

describe('typing .eos in VS Code', () => {
    it('Enter at the end of a value starts a new line: no suggestion is accepted after `current 52%`', async () => {
        await emptyFile();
        await type('okr EarlyWins "Early wins" {');
        await press('Enter');
        await type('kr FirstValue "First value" from 40% to 65% current 52%');
        await expectNoList();
        await press('Enter');
        await type('period 2027-Q1');
        await press('Enter');
        expect(await savedText()).toBe('okr EarlyWins "Early wins" {\n  kr FirstValue "First value" from 40% to 65% current 52%\n  period 2027-Q1\n\n}');
    });

    it('after `supports ` the names open by themselves; Tab takes one, Enter is always a new line', async () => {
        await emptyFile();
        await type('okr EarlyWins "Early wins" {');
        await press('Enter');
        await type('supports ');
        await suggestion('EarlyExperience').waitFor({ timeout: TIMEOUT });
        // Its own key results are never offered (it would support itself).
        await type('Ear');
        await focusedSuggestion('EarlyExperience').waitFor({ timeout: TIMEOUT });
        await press('Tab');
        await press('Enter');
        await type('owner ');
        await suggestion('AcmeBank').waitFor({ timeout: TIMEOUT });
        await type('OnboardingCrew');
        await suggestion('OnboardingCrew').waitFor({ timeout: TIMEOUT });
        // With the list still open, Enter is a new line: it never accepts a suggestion in .eos.
        await press('Enter');
        await type('kr Wins "Wins" from 1 to 3');
        expect(await savedText()).toBe('okr EarlyWins "Early wins" {\n  supports EarlyExperience\n  owner OnboardingCrew\n  kr Wins "Wins" from 1 to 3\n}');
    });

    it('after `level ` and `status ` the values open with what they mean', async () => {
        await emptyFile();
        await type('team Crew2 "Crew two" {');
        await press('Enter');
        await type('level ');
        const crew = suggestion('crew');
        await crew.waitFor({ timeout: TIMEOUT });
        expect(await suggestWidget().textContent()).toContain('a group of pods');
        await type('crew');
        await press('Enter');
        await type('parent Growth');
        expect(await savedText()).toBe('team Crew2 "Crew two" {\n  level crew\n  parent Growth\n}');
    });

    it('the OKR template: Tab through its stops; a period typed over the choice stays as typed', async () => {
        await emptyFile();
        await type('okr');
        await focusedSuggestion('okr').waitFor({ timeout: TIMEOUT });
        await press('Tab');
        await type('Activation');
        await press('Tab');
        await type('Activation in the first week');
        await press('Tab');
        await type('OnboardingCrew');
        await press('Tab');
        await type('2027-Q2');
        await press('Tab');
        await type('EarlyExperience');
        await press('Tab');
        await type('FirstWeek');
        await press('Tab');
        await type('Active in week one');
        await press('Tab');
        await type('40%');
        await press('Tab');
        await type('60%');
        await press('Tab');
        expect(await savedText()).toBe(
            'okr Activation "Activation in the first week" {\n  owner OnboardingCrew\n  period 2027-Q2\n  supports EarlyExperience\n  kr FirstWeek "Active in week one" from 40% to 60%\n}'
        );
    });

    it('braces: a typed `}` after the auto-inserted one leaves one; Enter puts `}` on its own line', async () => {
        await emptyFile();
        await type('stream Growth2 "Growth" { wip 3 }');
        await press('Enter');
        await press('Enter');
        await type('team Pod2 "Pod two" {');
        await press('Enter');
        await type('level pod');
        expect(await savedText()).toBe('stream Growth2 "Growth" { wip 3 }\n\nteam Pod2 "Pod two" {\n  level pod\n}');
    });

    it('braces: a `}` typed on the new blank line above the auto-inserted one leaves one', async () => {
        const lines = () => workbench.editor.locator('.view-line').count();
        await emptyFile();
        await type('team Pod3 "Pod three" {');
        await press('Enter');
        await type('level pod');
        await press('Enter');
        await type('}');
        // The auto-inserted `}` below goes: three lines, not four.
        await expect.poll(lines, { timeout: TIMEOUT }).toBe(3);
        await press('Enter');
        await press('Enter');
        await type('okr Q3 "Q three" {');
        await press('Enter');
        await type('}');
        await expect.poll(lines, { timeout: TIMEOUT }).toBe(6);
        await type(' // closed');
        expect(await savedText()).toBe('team Pod3 "Pod three" {\n  level pod\n}\n\nokr Q3 "Q three" {\n} // closed');
    });

    it('"Add a target" leaves the baseline selected, then the target: no invented numbers', async () => {
        await emptyFile();
        await type('okr Calm "Calm onboarding" {');
        await press('Enter');
        await type('supports EarlyExperience');
        await press('Enter');
        await type('kr Friction "Fewer friction points"');
        await expect.poll(() => workbench.hasSquiggle('kr Friction', 'warning'), { timeout: TIMEOUT }).toBe(true);
        await workbench.goTo(3, 8);
        await press('Control+.');
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add a target' }).first();
        await fix.waitFor({ timeout: TIMEOUT });
        await press('Enter');
        await type('12');
        await press('Tab');
        await type('4');
        await press('Tab');
        expect(await savedText()).toBe('okr Calm "Calm onboarding" {\n  supports EarlyExperience\n  kr Friction "Fewer friction points" from 12 to 4\n}');
    });

    it('shows the editor and the strategy preview side by side at a laptop width (1366 × 768)', async () => {
        await page.setViewportSize({ width: 1366, height: 768 });
        await workbench.openFile(ONBOARDING);
        // On the OKR: the preview opens there, with its trace to the vision.
        const okr = fs
            .readFileSync(path.join(workspace, ...ONBOARDING), 'utf8')
            .split('\n')
            .findIndex(line => line.startsWith('okr EarlyConfidence'));
        await workbench.goTo(okr + 4, 5);
        await workbench.runCommand('EOS: Open Strategy Preview to the Side');
        const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await webview.locator('.node.kind-bet').first().waitFor({ timeout: TIMEOUT });
        // The trace bar names the element under the cursor's chain to the vision.
        await webview.locator('#trace .step').first().waitFor({ timeout: TIMEOUT });
        const shot = process.env.CI ? path.join(RESULTS, 'screenshot-side-by-side.png') : path.join(ROOT, 'docs', 'screenshot-side-by-side.png');
        await page.screenshot({ path: shot });
    });
});
