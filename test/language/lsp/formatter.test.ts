import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { expectFormatting, parseDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEosServices } from '../../../src/language/eos-module.js';
import { applyWhitespaceEdits, whitespaceEdits, type TokenRole } from '../../../src/language/lsp/eos-formatter.js';

const services = createEosServices(EmptyFileSystem).Eos;
const expectFormat = expectFormatting(services);
const options = { insertSpaces: true, tabSize: 2 };

async function format(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<string> {
    const document = await parseDocument(services, text);
    const textDocument = { uri: document.uri.toString() };
    const formatter = services.lsp.Formatter!;
    const edits = await (range ? formatter.formatDocumentRange(document, { options, textDocument, range }) : formatter.formatDocument(document, { options, textDocument }));
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Every comment of a text, in order (blank runs inside count as one; trailing blanks do not count). */
function comments(text: string): string[] {
    return [...text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\r\n]*/g)].map(m => m[0].replace(/\s+/g, ' ').trimEnd());
}

function eosFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? eosFiles(full) : entry.name.endsWith('.eos') ? [full] : [];
    });
}

describe('formatter', () => {
    it('indents blocks by two spaces, one property per line, single spaces between words', async () => {
        await expectFormat({
            before: 'bet   EarlyExperience "Improve" {serves Retention   hypothesis "If we"\n      streams Onboarding ,CoreProduct}',
            after: 'bet EarlyExperience "Improve" {\n  serves Retention\n  hypothesis "If we"\n  streams Onboarding, CoreProduct\n}\n',
            options
        });
    });

    it('keeps a one-line block with a single property on one line, and expands one with two', async () => {
        await expectFormat({
            before: 'stream Onboarding "Customer Onboarding" {   wip 2}\nteam OnboardingCrew "Crew" { level crew parent Growth }\n',
            after: 'stream Onboarding "Customer Onboarding" { wip 2 }\nteam OnboardingCrew "Crew" {\n  level crew\n  parent Growth\n}\n',
            options
        });
    });

    it('writes key results, measures, qualified names and horizons compactly', async () => {
        await expectFormat({
            before: 'theme T { horizon 2026 .. 2028 }\nokr O "o" {\nsupports Other . First\n    kr K "k"   from 40 % to 65%   current 52 %\n}\n',
            after: 'theme T { horizon 2026..2028 }\nokr O "o" {\n  supports Other.First\n  kr K "k" from 40% to 65% current 52%\n}\n',
            options
        });
    });

    it('keeps every comment where it was: doc comments, own-line comments and trailing comments', async () => {
        await expectFormat({
            before: [
                '/** The vision. */',
                'vision V "v"',
                '',
                '',
                '',
                '// Work without a bet',
                'initiative ReferralProgram "Referral rewards" {   // no bet: orphan-initiative',
                '      // where it runs',
                '  stream Onboarding',
                '    status doing // still running',
                '/* a block',
                '   comment */',
                '}'
            ].join('\n'),
            after: [
                '/** The vision. */',
                'vision V "v"',
                '',
                '// Work without a bet',
                'initiative ReferralProgram "Referral rewards" {   // no bet: orphan-initiative',
                '  // where it runs',
                '  stream Onboarding',
                '  status doing // still running',
                '  /* a block',
                '     comment */',
                '}',
                ''
            ].join('\n'),
            options
        });
    });

    it('never joins a token onto a line comment', async () => {
        const result = await format('okr O "o" {\n  kr K "k" // note\n  from 1 to 2\n}\n');
        expect(result).toBe('okr O "o" {\n  kr K "k" // note\n    from 1 to 2\n}\n');
        expect(await format(result)).toBe(result);
    });

    it('keeps CRLF line endings in a CRLF file', async () => {
        const result = await format('stream A "a" {\r\nwip 2\r\n   owner T }\r\nteam T');
        expect(result).toBe('stream A "a" {\r\n  wip 2\r\n  owner T\r\n}\r\nteam T\r\n');
    });

    it('keeps a byte order mark', async () => {
        expect(await format('\uFEFF  vision V   "v"')).toBe('\uFEFFvision V "v"\n');
    });

    it('formats only the requested range', async () => {
        const text = 'stream A   "a"\nstream B   "b"\nstream C   "c"\n';
        const result = await format(text, { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } });
        expect(result).toBe('stream A   "a"\nstream B "b"\nstream C   "c"\n');
    });

    it('formats a range only above the line of the first syntax error, never that line', async () => {
        // Line 2 (0-based) holds the error (`wip` without its number); Chevrotain counts it as line 3.
        const text = 'stream A   "a"\nstream B   "b"\nstream   C   "c" { wip }\nstream D   "d"\n';
        const whole = { start: { line: 0, character: 0 }, end: { line: 3, character: 14 } };
        expect(await format(text, whole)).toBe('stream A "a"\nstream B "b"\nstream   C   "c" { wip }\nstream D   "d"\n');
        const endingOnTheErrorLine = { start: { line: 1, character: 0 }, end: { line: 2, character: 10 } };
        expect(await format(text, endingOnTheErrorLine)).toBe('stream A   "a"\nstream B "b"\nstream   C   "c" { wip }\nstream D   "d"\n');
        const fromTheErrorLine = { start: { line: 2, character: 0 }, end: { line: 3, character: 14 } };
        expect(await format(text, fromTheErrorLine)).toBe(text);
    });

    it('lays out thousands of nested braces (an inline block stays inline; each closing brace of a multi-line one on its line, at its depth)', async () => {
        const depth = 3000;
        const inline = 'stream S "s" ' + '{ '.repeat(depth) + '}'.repeat(depth) + '\n';
        // The braces are syntax errors, so only the range above them is formatted: the layout itself is checked directly.
        const tokens = services.parser.Lexer.tokenize(inline).tokens.map(t => ({
            offset: t.startOffset,
            end: t.startOffset + t.image.length,
            text: t.image,
            role: (t.image === '{' ? 'open' : t.image === '}' ? 'close' : 'other') as TokenRole
        }));
        const edits = whitespaceEdits(inline, tokens)!;
        expect(applyWhitespaceEdits(inline, edits) === 'stream S "s" ' + '{ '.repeat(depth - 1) + '{}' + ' }'.repeat(depth - 1) + '\n').toBe(true);
        const multiLine = 'okr O "o" {\n' + '{\n'.repeat(depth) + '}\n'.repeat(depth) + '}\n';
        const lexed = services.parser.Lexer.tokenize(multiLine).tokens.map(t => ({
            offset: t.startOffset,
            end: t.startOffset + t.image.length,
            text: t.image,
            role: (t.image === '{' ? 'open' : t.image === '}' ? 'close' : 'other') as TokenRole
        }));
        const laidOut = applyWhitespaceEdits(multiLine, whitespaceEdits(multiLine, lexed)!).split('\n');
        expect(laidOut.length).toBe(depth + 2);
        expect(laidOut[0] === 'okr O "o" {' + ' {'.repeat(depth - 1) + ' {}').toBe(true);
        expect(laidOut[1] === '  '.repeat(depth - 1) + '}').toBe(true); // each closing brace on its line, at its block's depth
        expect(laidOut[depth - 1]).toBe('  }');
        expect(laidOut[depth]).toBe('}');
    });

    it('refuses to join lines when that would change what the text means (an unterminated text)', async () => {
        const text = 'okr O "o" {\n  kr K "unterminated\n     from 1 to 2\n}\n';
        expect(await format(text)).toBe(text);
    });

    it('leaves a document with syntax errors untouched', async () => {
        expect(await format('bet   B "b" {\n serves\n  status ??? \n}')).toBe('bet   B "b" {\n serves\n  status ??? \n}');
    });

    it('formats every example file idempotently and keeps every comment', async () => {
        const files = eosFiles('examples');
        expect(files.length).toBeGreaterThan(1);
        for (const file of files) {
            const original = fs.readFileSync(file, 'utf8');
            const once = await format(original);
            const twice = await format(once);
            expect(twice, file).toBe(once);
            expect(comments(once), file).toEqual(comments(original));
            // Only whitespace may change.
            expect(once.replace(/\s+/g, ''), file).toBe(original.replace(/\s+/g, ''));
            expect(URI.file(file).path).toContain('.eos');
        }
    });
});

describe('formatter on any layout of the examples (property)', () => {
    const lexer = services.parser.Lexer;
    const sources = eosFiles('examples/language-md')
        .concat(eosFiles('examples/acme'))
        .map(file => fs.readFileSync(file, 'utf8'));
    const gaps = [' ', '  ', '\t', '\n', '\n\n\n', ' \n    ', '\r\n', '   \t '];

    it('only ever changes whitespace, keeps every comment, and is idempotent', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 0, max: sources.length - 1 }),
                fc.array(fc.integer({ min: 0, max: gaps.length - 1 }), { minLength: 1, maxLength: 400 }),
                async (sourceIndex, choices) => {
                    const lexed = lexer.tokenize(sources[sourceIndex]);
                    const tokens = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
                    // The same tokens, laid out with arbitrary whitespace (a line comment still ends its line).
                    const text = tokens
                        .map((token, i) => {
                            const gap = gaps[choices[i % choices.length]];
                            return token.image + (token.image.startsWith('//') && !gap.includes('\n') ? '\n' : gap);
                        })
                        .join('');
                    const once = await format(text);
                    expect(once).not.toBe(text); // a random layout is never canonical: the formatter did work
                    expect(once.split('\n').filter(line => /[ \t]\r?$/.test(line) && !/^\s*\*|\/\*/.test(line))).toEqual([]); // no trailing whitespace (outside block comments)
                    expect(once.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
                    expect(comments(once)).toEqual(comments(text));
                    expect(await format(once)).toBe(once);
                }
            ),
            { numRuns: 100, seed: 20260301 }
        );
    });
});

describe('check-ins', () => {
    it('indents check-ins one level below their kr, and keeps a check-in file one reading per line', async () => {
        const text =
            'okr O "o" { period 2026-Q1\n kr A "a" from 0 to 10 checkin 2026-01-10 2 confidence high "ok"\n      checkin   2026-01-24 4\n kr B "b" from 1 to 2 }\n' +
            'checkin O.A   2026-02-07 5\ncheckin O.B 2026-02-07 1.5 confidence low\n';
        expect(await format(text)).toBe(
            'okr O "o" {\n  period 2026-Q1\n  kr A "a" from 0 to 10\n    checkin 2026-01-10 2 confidence high "ok"\n    checkin 2026-01-24 4\n  kr B "b" from 1 to 2\n}\n' +
                'checkin O.A 2026-02-07 5\ncheckin O.B 2026-02-07 1.5 confidence low\n'
        );
    });

    it('lays out started and finished as initiative properties', async () => {
        expect(await format('initiative W "w" { status done started 2026-01-05 finished 2026-02-01 }\n')).toBe(
            'initiative W "w" {\n  status done\n  started 2026-01-05\n  finished 2026-02-01\n}\n'
        );
    });
});
