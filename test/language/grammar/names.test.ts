/**
 * One idea of a name: the grammar's `ID` terminal. The code derives it (src/language/grammar/names.ts);
 * the JSON files VS Code reads (the TextMate grammar, the word pattern) cannot, so they are checked
 * against it here on names that differ only in the details that drifted before (combining marks).
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isName, namesIn, NAME_SOURCE, qualifiedName } from '../../../src/language/grammar/names.js';

const SAMPLES = ['Ke\u0301', 'Cafe\u0301', 'Première', 'naïve', '_x', 'x1', 'Ω', '1x', '\u0301x', 'a-b', 'a.b', 'a b', '', 'x\u0301\u0302y'];

function agreesWithId(pattern: string): string[] {
    const whole = new RegExp(`^(?:${pattern})$`, 'u');
    return SAMPLES.filter(sample => whole.test(sample) !== isName(sample));
}

describe('names', () => {
    it("are what the grammar's ID terminal reads, combining marks included", () => {
        expect(NAME_SOURCE).toBe('[_\\p{L}][\\p{L}\\p{M}\\p{N}_]*');
        expect(SAMPLES.filter(isName)).toEqual(['Ke\u0301', 'Cafe\u0301', 'Première', 'naïve', '_x', 'x1', 'Ω', 'x\u0301\u0302y']);
        expect(qualifiedName('O.Ke\u0301')).toEqual({ container: 'O', member: 'Ke\u0301' });
        expect(qualifiedName('O.Ke\u0301.x')).toBeUndefined();
        expect(namesIn('O . Ke\u0301 // c')).toEqual([
            { name: 'O', offset: 0 },
            { name: 'Ke\u0301', offset: 4 },
            { name: 'c', offset: 11 }
        ]);
    });

    it('the TextMate grammar highlights the same names', () => {
        const patterns = new Set<string>();
        const visit = (value: unknown): void => {
            if (typeof value === 'string') {
                for (const match of value.matchAll(/\[[^\]]*\\p\{L\}[^\]]*\]\[[^\]]*\]\*/g)) patterns.add(match[0]);
            } else if (value && typeof value === 'object') {
                Object.values(value).forEach(visit);
            }
        };
        visit(JSON.parse(fs.readFileSync('syntaxes/eos.tmLanguage.json', 'utf8')));
        expect(patterns.size).toBeGreaterThan(0);
        for (const pattern of patterns) expect(agreesWithId(pattern), pattern).toEqual([]);
    });

    it('double-click selects the same names (the word pattern)', () => {
        const { wordPattern } = JSON.parse(fs.readFileSync('language-configuration.json', 'utf8'));
        const words = new RegExp(wordPattern.pattern, wordPattern.flags + 'g');
        for (const sample of SAMPLES.filter(isName)) expect(`x ${sample} y`.match(words), sample).toEqual(['x', sample, 'y']);
    });
});
