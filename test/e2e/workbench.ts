/**
 * What a user does in VS Code, as playwright-core steps on code-server's workbench (VS Code 1.96).
 * Every step waits for the state it leads to; none sleeps.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { ROOT, type CodeServer } from '../../scripts/code-server.mjs';

export const TIMEOUT = 60_000;

export class Workbench {
    constructor(readonly page: Page) {}

    async open(url: string): Promise<void> {
        await this.page.goto(url);
        await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: TIMEOUT });
    }

    /** Opens a file by clicking through the explorer, e.g. `['language-md', 'teams', 'onboarding.eos']`. */
    async openFile(segments: string[]): Promise<void> {
        for (const [index, segment] of segments.entries()) {
            const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-level="${index + 1}"][aria-label="${segment}"]`);
            await row.waitFor({ timeout: TIMEOUT });
            const isFolder = index < segments.length - 1;
            if (!isFolder || (await row.getAttribute('aria-expanded')) !== 'true') await row.click();
        }
        // Away from the explorer, whose tooltip would otherwise cover part of the editor.
        await this.page.mouse.move(700, 300);
        await this.activeTab(segments.at(-1)!).waitFor({ timeout: TIMEOUT });
        await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: TIMEOUT });
    }

    activeTab(name: string): Locator {
        return this.page.locator(`.tab.active[aria-label*="${name}"]`);
    }

    get editor(): Locator {
        return this.page.locator('.editor-group-container.active .monaco-editor').first();
    }

    /** The rendered line of the active editor that contains `text`. */
    line(text: string): Locator {
        return this.editor.locator('.view-line', { hasText: text }).first();
    }

    /** A rendered token (a span VS Code coloured) of the active editor. */
    token(text: string, inLine: string): Locator {
        // The editor renders spaces as no-break spaces, which `\s` matches.
        const pattern = escape(text).replace(/ /g, '\\s');
        return this.line(inLine)
            .locator('span > span')
            .filter({ hasText: new RegExp(`^\\s*${pattern}\\s*$`) })
            .first();
    }

    /** The colour a token is drawn in, or '' while it is not rendered. */
    async tokenColour(text: string, inLine: string): Promise<string> {
        const token = this.token(text, inLine);
        if (!(await token.count())) return '';
        return token.evaluate(element => (element.isConnected ? getComputedStyle(element).color : ''), undefined, { timeout: 5000 }).catch(() => '');
    }

    /** Whether a squiggle of `severity` is drawn on the rendered line that contains `lineText`. */
    async hasSquiggle(lineText: string, severity: 'error' | 'warning' | 'info' | 'hint'): Promise<boolean> {
        const line = await this.line(lineText)
            .boundingBox()
            .catch(() => null);
        if (!line) return false;
        // Squiggles are overlays positioned by line, not children of the line's text.
        const tops = await this.editor.locator(`.squiggly-${severity}`).evaluateAll(elements => elements.map(e => e.getBoundingClientRect().top));
        return tops.some(top => Math.abs(top - line.y) < 4);
    }

    /** Clicks into the visible part of the active editor (its viewport, whatever is scrolled). */
    async focusEditor(): Promise<void> {
        await this.editor.locator('.editor-scrollable').click();
    }

    /** Moves the cursor with Go to Line (1-based line and column), then waits for the status bar. */
    async goTo(line: number, column: number): Promise<void> {
        await this.focusEditor();
        await this.page.keyboard.press('Control+G');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ timeout: TIMEOUT });
        await input.fill(`:${line}:${column}`);
        await input.press('Enter');
        await this.cursorAt(line, column);
    }

    async cursorAt(line: number, column: number, timeout = TIMEOUT): Promise<void> {
        await this.page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout });
    }

    /** Runs a command from the command palette by its title. */
    async runCommand(title: string): Promise<void> {
        await this.focusEditor();
        await this.page.keyboard.press('Control+Shift+P');
        const input = this.page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ timeout: TIMEOUT });
        await input.fill(`>${title}`);
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await row.waitFor({ timeout: TIMEOUT });
        await row.click();
    }

    /** Shows the hover at the cursor (Show or Focus Hover) and returns it once it holds `text`. */
    async hoverAtCursor(text: string): Promise<Locator> {
        const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: text }).first();
        // Asked again while it has not come: a server still building its workspace answers nothing.
        const deadline = Date.now() + TIMEOUT;
        for (;;) {
            await this.page.keyboard.press('Control+K');
            await this.page.keyboard.press('Control+I');
            try {
                await hover.waitFor({ timeout: 5000 });
                return hover;
            } catch (error) {
                if (Date.now() > deadline) throw error;
                await this.page.keyboard.press('Escape');
            }
        }
    }

    async openProblems(): Promise<Locator> {
        await this.page.keyboard.press('Control+Shift+M');
        const panel = this.page.locator('.markers-panel');
        await panel.waitFor({ timeout: TIMEOUT });
        return panel;
    }

    /** Types into the Problems filter, so that the rows sought are rendered (the list is virtual). */
    async filterProblems(text: string): Promise<void> {
        const filter = this.page.locator('.markers-panel-container input[aria-label="Filter Problems"], input[aria-label="Filter Problems"]').first();
        await filter.waitFor({ timeout: TIMEOUT });
        await filter.fill(text);
    }

    /** The Problems row of a diagnostic, found by words of its message and its code. */
    problem(...words: string[]): Locator {
        let row = this.page.locator('.markers-panel .monaco-list-row');
        for (const word of words) row = row.filter({ hasText: word });
        return row.first();
    }
}

export function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The 1-based line and column of the first `needle` in the line that contains `lineText`. */
export function positionOf(source: string, lineText: string, needle: string): { line: number; column: number } {
    const lines = source.split(/\r?\n/);
    const index = lines.findIndex(line => line.includes(lineText));
    if (index < 0) throw new Error(`no line contains ${JSON.stringify(lineText)}`);
    const column = lines[index].indexOf(needle, lines[index].indexOf(lineText));
    if (column < 0) throw new Error(`${JSON.stringify(needle)} is not in line ${index + 1}`);
    return { line: index + 1, column: column + 1 };
}

/** Where a failed end-to-end test leaves its screenshot, the VS Code logs and code-server's output. */
export const E2E_RESULTS = path.join(ROOT, 'test-results', 'e2e');

/**
 * Keeps what a failed test saw, named after the suite and the test: one definition for every e2e
 * file. `current` is read at failure time, because the page and server are started in beforeAll.
 */
export function keepFailureArtefacts(suite: string, current: () => { page: Page | undefined; server: CodeServer | undefined }): void {
    beforeEach(({ task, onTestFailed }) => {
        onTestFailed(async () => {
            const { page, server } = current();
            const name = `${suite}${task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`.slice(0, 80);
            fs.mkdirSync(E2E_RESULTS, { recursive: true });
            await page?.screenshot({ path: path.join(E2E_RESULTS, `${name}.png`) }).catch(error => console.error(`e2e: no screenshot of the failure: ${String(error)}`));
            if (!server) return;
            const logs = path.join(server.root, 'user-data', 'logs');
            if (fs.existsSync(logs)) fs.cpSync(logs, path.join(E2E_RESULTS, `${name}-logs`), { recursive: true });
            fs.writeFileSync(path.join(E2E_RESULTS, `${name}-code-server.log`), server.logs.join(''));
        });
    });
}
