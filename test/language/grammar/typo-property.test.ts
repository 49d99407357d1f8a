/**
 * Issue 12, point 2, as a property over every example file: one typo anywhere yields the syntax
 * finding for that typo and nothing else — no phantom element, no finding that comes or goes
 * outside the broken element, in its file or in any other.
 *
 * For each example workspace (examples/acme, examples/flawed, examples/language-md) and each of
 * its files, the test finds every element header and every property line, and at each it makes
 * one of five mistakes strategists make: a misspelt keyword, a misspelt property, a keyword in
 * capitals, a missing closing quote, a missing closing brace. The mutated workspace is checked
 * and compared with the untouched one.
 *
 * All 1,982 cases are enumerated deterministically; CI checks every 41st of them (49 cases, about
 * five seconds; the same ones every run). `EOS_TYPO_ALL=1` checks all 1,982 (a few minutes): all
 * pass, and they found what the repair now handles — a title without its closing quote swallowed
 * the block's `{`, a header or a key result after a line ending in a figure was read as its unit.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../../../src/language/generated/ast.js';
import { ELEMENT_BY_KEYWORD, ELEMENT_SYNTAX, KEY_RESULT_WORDS } from '../../../src/language/grammar/element-properties.js';
import { buildWorkspace, readEosFolder } from '../../helpers.js';

const TODAY = '2026-03-01';
const WORKSPACES = ['examples/acme', 'examples/flawed', 'examples/language-md'];
const ALL = process.env.EOS_TYPO_ALL === '1';
/** CI checks every STRIDE-th case of the enumeration (the same ones every run). */
const STRIDE = 41;

type Mistake = 'misspelt keyword' | 'misspelt property' | 'capitalised keyword' | 'missing quote' | 'missing brace';

interface Case {
    workspace: string;
    file: string;
    mistake: Mistake;
    /** 0-based line where the syntax finding must start: the mistake's, or the unclosed block's first line. */
    line: number;
    /** Lines (0-based, inclusive) of the broken element: findings there may change. */
    from: number;
    to: number;
    /** The word the misspelling stands for, which the message must name. */
    meant: string | undefined;
    text: string;
}

interface Finding {
    file: string;
    line: number;
    key: string;
}

const ELEMENT_WORDS = new Set(ELEMENT_SYNTAX.map(e => e.keyword as string));
const PROPERTY_WORDS = new Set([...ELEMENT_SYNTAX.flatMap(e => e.properties), ...KEY_RESULT_WORDS, 'checkin']);

/** A deterministic misspelling: two letters swapped in a long word, the last letter doubled in a short one. */
function misspell(word: string): string {
    if (word.length >= 5 && word[1] !== word[2]) return word[0] + word[2] + word[1] + word.slice(3);
    return word + word.charAt(word.length - 1);
}

function capitalise(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

function replaceAt(text: string, offset: number, length: number, insert: string): string {
    return text.slice(0, offset) + insert + text.slice(offset + length);
}

/** Every case of one workspace, in file and line order. */
async function casesOf(workspace: string, files: Record<string, string>): Promise<Case[]> {
    const ws = await buildWorkspace(files, { today: TODAY });
    const cases: Case[] = [];
    for (const [file, text] of Object.entries(files)) {
        const model = ws.documents.get(file)!.parseResult.value as Model;
        const lineStarts = [0];
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
        const lines = text.split('\n');
        for (const node of [...model.elements, ...model.checkIns]) {
            const cst = node.$cstNode!;
            const from = cst.range.start.line;
            const to = cst.range.end.line;
            const add = (mistake: Mistake, line: number, mutated: string, meant?: string) => cases.push({ workspace, file, mistake, line, from, to, meant, text: mutated });
            for (let line = from; line <= to; line++) {
                const source = lines[line];
                const match = /^(\s*)([a-z]+)\b/.exec(source);
                if (!match || (line === from && match[1].length !== cst.range.start.character)) continue;
                const word = match[2];
                const offset = lineStarts[line] + match[1].length;
                const header = line === from;
                if (header ? !ELEMENT_WORDS.has(word) && word !== 'checkin' : !PROPERTY_WORDS.has(word)) continue;
                const typo = misspell(word);
                add(header ? 'misspelt keyword' : 'misspelt property', line, replaceAt(text, offset, word.length, typo), word);
                add('capitalised keyword', line, replaceAt(text, offset, word.length, capitalise(word)), word);
                // The closing quote of the line's last text (its opening quote is the one before it).
                const close = source.lastIndexOf('"');
                const open = close > 0 ? source.lastIndexOf('"', close - 1) : -1;
                if (open >= 0 && !source.slice(close + 1).includes('//')) add('missing quote', line, replaceAt(text, lineStarts[line] + close, 1, ''));
                if (header && text.charAt(cst.end - 1) === '}' && ELEMENT_BY_KEYWORD.has(word)) add('missing brace', from, replaceAt(text, cst.end - 1, 1, ''));
            }
        }
    }
    return cases;
}

function findings(all: Array<Diagnostic & { file: string }>): Finding[] {
    return all.map(d => ({ file: d.file, line: d.range.start.line, key: `${d.file}:${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}` }));
}

const outside = (c: Case) => (f: Finding) => f.file !== c.file || f.line < c.from || f.line > c.to;

describe('one typo anywhere in the examples: its finding and nothing else', async () => {
    const all: Case[] = [];
    const baselines = new Map<string, { files: Record<string, string>; findings: Finding[]; names: string[] }>();
    for (const workspace of WORKSPACES) {
        const files = readEosFolder(workspace);
        const ws = await buildWorkspace(files, { today: TODAY });
        baselines.set(workspace, { files, findings: findings(ws.all()), names: elementNames(ws) });
        all.push(...(await casesOf(workspace, files)));
    }
    const chosen = ALL ? all : all.filter((_, index) => index % STRIDE === 0);

    it('enumerates every example file, each kind of mistake, and checks a deterministic sample', () => {
        expect(new Set(all.map(c => `${c.workspace}/${c.file}`)).size).toBe([...baselines.values()].reduce((n, b) => n + Object.keys(b.files).length, 0));
        expect(new Set(chosen.map(c => c.mistake))).toEqual(new Set<Mistake>(['misspelt keyword', 'misspelt property', 'capitalised keyword', 'missing quote', 'missing brace']));
        // 1,982 cases when this was written; examples grow, so a floor.
        expect(all.length).toBeGreaterThan(1900);
        expect(chosen.length).toBe(ALL ? all.length : Math.ceil(all.length / STRIDE));
    });

    for (const c of chosen) {
        it(`${c.mistake} at ${c.workspace}/${c.file}:${c.line + 1}`, async () => {
            const baseline = baselines.get(c.workspace)!;
            const ws = await buildWorkspace({ ...baseline.files, [c.file]: c.text }, { today: TODAY });
            const now = findings(ws.all());
            // On the line of the mistake, columns may shift: a finding there is the same if its line and message are.
            const lineKey = (f: Finding) => `${f.file}:${f.line} ${f.key.slice(f.key.indexOf(' ') + 1)}`;
            const before = new Set(baseline.findings.map(lineKey));
            const syntax = now.filter(f => f.key.includes(' syntax ') && !before.has(lineKey(f)));
            // Exactly one syntax finding, on the line of the mistake, saying what was meant.
            expect(
                syntax.map(f => f.line),
                syntax.map(f => f.key).join('\n')
            ).toEqual([c.line]);
            if (c.meant) expect(syntax[0].key).toContain(`\`${c.meant}\``);
            // Nothing comes or goes outside the broken element.
            const keep = outside(c);
            expect(now.filter(keep).map(f => f.key)).toEqual(baseline.findings.filter(keep).map(f => f.key));
            // No phantom element, none lost.
            expect(elementNames(ws)).toEqual(baseline.names);
        });
    }
});

function elementNames(ws: Awaited<ReturnType<typeof buildWorkspace>>): string[] {
    return [...ws.documents.entries()].flatMap(([file, doc]) => (doc.parseResult.value as Model).elements.map(e => `${file}:${e.$type}:${e.name}`));
}
