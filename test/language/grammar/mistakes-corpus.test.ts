/**
 * Strategists' natural mistakes (misspellings, capitals, quotes, braces, YAML and spreadsheet
 * habits, text copied from slides), one resource file each under test/resources/mistakes: the
 * file states the findings it must give (`// $TEST$ code: message`) and marks where each stands
 * (`<|…|>`), so a case is added without code (see that folder's README.md). Each case is checked
 * beside an untouched file, which must get no finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, describeDiagnostic, extractMarkers } from '../../helpers.js';

const FOLDER = path.resolve(__dirname, '../../resources/mistakes');
const CONTEXT = fs.readFileSync(path.join(FOLDER, 'context.eos'), 'utf8');
const CASES = fs
    .readdirSync(FOLDER)
    .filter(name => name.endsWith('.eos') && name !== 'context.eos')
    .sort();

/** The case's text without markers, and `code@line:col-line:col message` of each finding it states, in file order. */
function readCase(name: string): { text: string; expected: string[] } {
    const source = fs.readFileSync(path.join(FOLDER, name), 'utf8');
    const { text, ranges } = extractMarkers(source);
    const stated = [...source.matchAll(/^\/\/ \$TEST\$ ([\w-]+): (.*)$/gm)].map(match => ({ code: match[1], message: match[2] }));
    expect(ranges.length, `${name}: one <|…|> marker per $TEST$ comment`).toBe(stated.length);
    const expected = stated.map(({ code, message }, k) => `${describeDiagnostic({ code, range: ranges[k], message })} ${message}`);
    return { text, expected };
}

describe('a corpus of natural mistakes (test/resources/mistakes)', () => {
    it('has at least 25 cases, and the untouched file is clean on its own', async () => {
        expect(CASES.length).toBeGreaterThanOrEqual(25);
        const ws = await buildWorkspace({ 'context.eos': CONTEXT });
        expect(ws.diagnostics('context.eos')).toEqual([]);
    });

    for (const name of CASES) {
        it(name.replace(/\.eos$/, '').replace(/-/g, ' '), async () => {
            const { text, expected } = readCase(name);
            const ws = await buildWorkspace({ 'context.eos': CONTEXT, 'case.eos': text });
            expect(ws.diagnostics('context.eos')).toEqual([]);
            // Syntax is what the corpus is about: an undated `doing` card's info finding is not part of it.
            const messages = ws
                .diagnostics('case.eos')
                .filter(d => d.code !== 'doing-without-date')
                .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
                .map(d => `${describeDiagnostic(d)} ${String(d.message)}`);
            expect(messages).toEqual(expected);
            for (const message of messages) expect(message).not.toMatch(/token|Expecting|but found|``/);
        });
    }
});
