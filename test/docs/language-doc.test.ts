/**
 * Keeps docs/language.md honest: every `eos` example is built with the real services (together
 * with the page's prelude strategy) and must report exactly what the HTML comment before it says.
 * The convention is explained at the end of the page itself.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CATALOGUE, DIAGNOSTIC_CODES, isDiagnosticCode } from '../../src/language/validation/codes.js';
import { parseConfig } from '../../src/language/workspace/eos-config.js';
import { buildWorkspace } from '../helpers.js';

const PAGE = 'docs/language.md';
const TODAY = '2026-03-01';

interface Block {
    language: string;
    /** 1-based line of the opening fence, for failure messages. */
    line: number;
    /** The HTML comment right before the fence, without `<!--` and `-->`. */
    directive: string;
    text: string;
}

/** Fenced code blocks with the HTML comment (if any) on the nearest non-blank line before them. */
function codeBlocks(markdown: string): Block[] {
    const lines = markdown.split(/\r?\n/);
    const blocks: Block[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^```(\w*)\s*$/.exec(lines[i]);
        if (!open) continue;
        let end = i + 1;
        while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
        let before = i - 1;
        while (before >= 0 && lines[before].trim() === '') before--;
        const comment = before >= 0 ? /^<!--(.*)-->\s*$/.exec(lines[before].trim()) : null;
        blocks.push({ language: open[1], line: i + 1, directive: comment ? comment[1].trim() : '', text: lines.slice(i + 1, end).join('\n') + '\n' });
        i = end;
    }
    return blocks;
}

interface ExpectedFinding {
    code: string;
    on?: string;
}

/** `fault: code on "text", code` → the findings the block must produce. */
function parseFault(directive: string): ExpectedFinding[] | undefined {
    const match = /^fault:\s*(.+)$/.exec(directive);
    if (!match) return undefined;
    return match[1].split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(item => {
        const parts = /^\s*([a-z-]+)(?:\s+on\s+"([^"]*)")?\s*$/.exec(item);
        if (!parts) throw new Error(`cannot read fault item '${item}'`);
        return parts[2] === undefined ? { code: parts[1] } : { code: parts[1], on: parts[2] };
    });
}

function fixedCodes(directive: string): string[] {
    const match = /^fix:\s*(.+)$/.exec(directive);
    return match ? match[1].split(',').map(code => code.trim()) : [];
}

const markdown = fs.readFileSync(PAGE, 'utf8');
const blocks = codeBlocks(markdown);
const eosBlocks = blocks.filter(block => block.language === 'eos');
const preludes = eosBlocks.filter(block => block.directive === 'prelude');
const prelude = preludes[0]?.text ?? '';
const examples = eosBlocks.filter(block => block.directive !== 'prelude');

/** Builds the example as one file next to the prelude and returns every finding with the text it sits on. */
async function check(example: string) {
    const ws = await buildWorkspace({ 'prelude.eos': prelude, 'example.eos': example }, { today: TODAY });
    const textOf = (file: string, d: Diagnostic) => ws.documents.get(file)!.textDocument.getText(d.range);
    return ws.all().map(d => ({ code: String(d.code), on: textOf(d.file, d), where: `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, message: d.message }));
}

describe('docs/language.md', () => {
    it('has one prelude, a strategy that reports nothing by itself', async () => {
        expect(preludes).toHaveLength(1);
        const ws = await buildWorkspace({ 'prelude.eos': prelude }, { today: TODAY });
        expect(ws.all().map(d => `${String(d.code)}: ${d.message}`)).toEqual([]);
    });

    it('has many checked examples', () => {
        expect(examples.length).toBeGreaterThan(2 * DIAGNOSTIC_CODES.length);
    });

    describe.each(examples.map(block => [`line ${block.line}${block.directive ? ` (${block.directive})` : ''}`, block] as const))('the eos block at %s', (_, block) => {
        const fault = parseFault(block.directive);
        if (fault) {
            it('produces exactly the findings it shows, on the stated text', async () => {
                for (const { code } of fault) expect(isDiagnosticCode(code), `unknown code ${code}`).toBe(true);
                const located = new Set(fault.filter(item => item.on !== undefined).map(item => item.code));
                const actual = (await check(block.text)).map(f => (located.has(f.code) ? `${f.code} on "${f.on}"` : f.code)).sort();
                const expected = fault.map(item => (item.on !== undefined ? `${item.code} on "${item.on}"` : item.code)).sort();
                expect(actual).toEqual(expected);
            });
        } else {
            it('produces no finding at all', async () => {
                for (const code of fixedCodes(block.directive)) expect(isDiagnosticCode(code), `unknown code ${code}`).toBe(true);
                expect((await check(block.text)).map(f => `${f.where} ${f.code}: ${f.message}`)).toEqual([]);
            });
        }
    });

    it('shows a fault and a fix for every code of the catalogue', () => {
        const faults = new Set(examples.flatMap(block => parseFault(block.directive) ?? []).map(item => item.code));
        const fixes = new Set(examples.flatMap(block => fixedCodes(block.directive)));
        expect([...faults].sort()).toEqual([...DIAGNOSTIC_CODES].sort());
        expect([...fixes].sort()).toEqual([...DIAGNOSTIC_CODES].sort());
    });

    it('states the default severity of every code, in the table and in its section', () => {
        const table = new Map([...markdown.matchAll(/^\| `([a-z-]+)` \| (error|warning|info|hint) \|/gm)].map(m => [m[1], m[2]]));
        const sections = new Map([...markdown.matchAll(/^### `([a-z-]+)`\n\n\*\*Default severity:\*\* (error|warning|info|hint)\./gm)].map(m => [m[1], m[2]]));
        const catalogue = new Map(DIAGNOSTIC_CODES.map(code => [code, CATALOGUE[code].severity]));
        expect(table).toEqual(catalogue);
        expect(sections).toEqual(catalogue);
    });

    it('shows every keyword of the grammar in some example', () => {
        const grammar = fs.readFileSync('language/eos.langium', 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        const keywords = new Set([...grammar.matchAll(/'([a-z]+)'/g)].map(m => m[1]));
        const shown = new Set(eosBlocks.flatMap(block => block.text.replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\/\/.*$/gm, '').match(/[a-z]+/g) ?? []));
        expect([...keywords].filter(keyword => !shown.has(keyword))).toEqual([]);
        expect(keywords.size).toBeGreaterThan(30);
    });

    it('gives only valid eos.config.json examples', () => {
        const configs = blocks.filter(block => block.directive === 'config');
        expect(configs.length).toBeGreaterThan(0);
        for (const block of configs) {
            expect(block.language).toBe('json');
            const config = parseConfig(block.text);
            expect(Object.keys(config.diagnostics).length + (config.stalledAfterDays === undefined ? 0 : 1)).toBeGreaterThan(0);
        }
    });
});
