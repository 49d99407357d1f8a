import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { createEosServices } from '../../../src/language/eos-module.js';
import { startCharsOf } from '../../../src/language/grammar/eos-token-builder.js';
import { buildWorkspace } from '../../helpers.js';

const { Eos } = createEosServices(EmptyFileSystem);
const lexer = Eos.parser.Lexer;

function tokens(text: string): string[] {
    return lexer.tokenize(text).tokens.map(token => `${token.tokenType.name}:${token.image}`);
}

describe('lexer', () => {
    test('a name that starts with a keyword is one name', () => {
        expect(tokens('team visionary')).toEqual(['team:team', 'ID:visionary']);
        expect(tokens('team teamwork')).toEqual(['team:team', 'ID:teamwork']);
        expect(tokens('okr okrs "x" { owner overview }')).toEqual(['okr:okr', 'ID:okrs', 'STRING:"x"', '{:{', 'owner:owner', 'ID:overview', '}:}']);
        expect(tokens('kr fromage "x" from 1 to 2')).toEqual(['kr:kr', 'ID:fromage', 'STRING:"x"', 'from:from', 'NUMBER:1', 'to:to', 'NUMBER:2']);
    });

    test('keywords stay keywords before punctuation and strings', () => {
        expect(tokens('vision"x"{}')).toEqual(['vision:vision', 'STRING:"x"', '{:{', '}:}']);
    });

    test('unicode names: accents, combining marks, scripts beyond the BMP', () => {
        expect(tokens('team Équipe')).toEqual(['team:team', 'ID:Équipe']);
        expect(tokens('team Cafe\u0301')).toEqual(['team:team', 'ID:Cafe\u0301']);
        expect(tokens('team 𝒜lpha')).toEqual(['team:team', 'ID:𝒜lpha']);
        expect(tokens('team 東京')).toEqual(['team:team', 'ID:東京']);
    });

    test('the lexer keeps its first-character index (every token type states how it can start)', () => {
        const chevrotain = (lexer as unknown as { chevrotainLexer: { canModeBeOptimized: Record<string, boolean> } }).chevrotainLexer;
        expect(Object.values(chevrotain.canModeBeOptimized)).toEqual([true]);
    });

    test('the start characters given for ID miss no ASCII character it can start with', () => {
        const id = /[_\p{L}][\p{L}\p{M}\p{N}_]*/u;
        const hint = new Set(startCharsOf(id));
        for (let code = 0; code < 0x80; code++) {
            const char = String.fromCharCode(code);
            for (const rest of ['', 'a', '1', '_']) {
                if (new RegExp(`^(?:${id.source})`, 'u').test(char + rest)) expect(hint.has(code), char).toBe(true);
            }
        }
        expect(hint.has('"'.charCodeAt(0))).toBe(false);
    });

    test('names with keyword prefixes resolve across files', async () => {
        const workspace = await buildWorkspace({
            'strategy.eos': 'team teamwork "Teamwork crew"\nbet betterment "Better" { serves themed }\ntheme themed "A theme"',
            'team.eos': 'okr okrs "Objective" { owner teamwork period 2026-Q1 supports betterment kr krs "Rate" from 1 to 2 }'
        });
        expect(workspace.all().filter(d => d.severity === 1)).toEqual([]);
        expect(workspace.all().map(d => d.code)).not.toContain('unresolved-reference');
    });
});
