import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { expectFormatting, parseDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createEosServices } from '../../../src/language/eos-module.js';

const services = createEosServices(EmptyFileSystem).Eos;
const expectFormat = expectFormatting(services);
const options = { insertSpaces: true, tabSize: 2 };

async function format(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<string> {
    const document = await parseDocument(services, text);
    const textDocument = { uri: document.uri.toString() };
    const formatter = services.lsp.Formatter!;
    const edits = await (range
        ? formatter.formatDocumentRange(document, { options, textDocument, range })
        : formatter.formatDocument(document, { options, textDocument }));
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Every comment of a text, in order. */
function comments(text: string): string[] {
    return [...text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\r\n]*/g)].map(m => m[0].replace(/\s+/g, ' '));
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

    it('formats only the requested range', async () => {
        const text = 'stream A   "a"\nstream B   "b"\nstream C   "c"\n';
        const result = await format(text, { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } });
        expect(result).toBe('stream A   "a"\nstream B "b"\nstream C   "c"\n');
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
