/**
 * The parser survives inputs that overflowed Chevrotain's recursive error recovery or V8's regex
 * engine, and an overflow no longer leaks one file's elements into the next file parsed.
 */
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createEosServices } from '../../../src/language/eos-module.js';
import type { Model } from '../../../src/language/generated/ast.js';
import { MAX_RECOVERED_ERRORS, TOO_MANY_ERRORS } from '../../../src/language/grammar/eos-parser.js';
import { buildWorkspace } from '../../helpers.js';

/** 32 KB: two thousand key results that never get their `from` value, each one a recovery. */
const RECOVERY_OVERFLOW = 'okr A kr B from '.repeat(2_000);

describe('the EOS parser on hostile input', () => {
    it('reports the first syntax error of a file too broken to recover from, instead of throwing', () => {
        const parser = createEosServices(EmptyFileSystem).Eos.parser.LangiumParser;
        const result = parser.parse<Model>(RECOVERY_OVERFLOW);
        expect(result.parserErrors).toHaveLength(1);
        expect(result.parserErrors[0].message).toMatch(new RegExp(`^${TOO_MANY_ERRORS.replace(/[.;]/g, '\\$&')} \\S`));
        expect(result.parserErrors[0].token.startOffset).toBeGreaterThan(0);
    });

    it('stops recovering after MAX_RECOVERED_ERRORS errors and reports the first one', () => {
        const parser = createEosServices(EmptyFileSystem).Eos.parser.LangiumParser;
        // Each `okr {` costs two recovered errors without deepening the stack.
        const fewer = parser.parse('okr { '.repeat(MAX_RECOVERED_ERRORS / 2 - 10));
        // The block left open at the end of the file is closed, and reported, before parsing (token-repair.ts).
        expect(fewer.parserErrors.length).toBe(MAX_RECOVERED_ERRORS - 21);
        expect(fewer.lexerErrors.map(e => e.message)).toEqual(['The OKR opened on line 1 is not closed: add `}` at the end of the file.']);
        const more = parser.parse('okr { '.repeat(MAX_RECOVERED_ERRORS));
        expect(more.parserErrors.map(e => e.message.startsWith(TOO_MANY_ERRORS))).toEqual([true]);
    });

    it('parses the next file on its own after such a file', () => {
        const parser = createEosServices(EmptyFileSystem).Eos.parser.LangiumParser;
        parser.parse(RECOVERY_OVERFLOW);
        const next = parser.parse<Model>('okr Next "the only element"');
        expect(next.parserErrors).toEqual([]);
        expect(next.value.elements.map(e => e.name)).toEqual(['Next']);
    });

    it('reads a five-megabyte string on one line', () => {
        const parser = createEosServices(EmptyFileSystem).Eos.parser.LangiumParser;
        const result = parser.parse<Model>(`vision Long "${'x'.repeat(5_000_000)}"`);
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors).toEqual([]);
        expect(result.value.elements[0].title?.length).toBe(5_000_000);
    });

    it('shows the error as a syntax diagnostic in the editor, and other files keep their findings', async () => {
        const ws = await buildWorkspace({ 'broken.eos': RECOVERY_OVERFLOW, 'good.eos': 'initiative Orphan "no bet" { status doing }' });
        const syntax = ws.diagnostics('broken.eos').filter(d => d.code === 'syntax');
        expect(syntax.map(d => String(d.message).startsWith(TOO_MANY_ERRORS))).toEqual([true]);
        expect(ws.diagnostics('good.eos').map(d => d.code)).toContain('orphan-initiative');
    });
});
