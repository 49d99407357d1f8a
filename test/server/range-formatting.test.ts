/**
 * "Format Selection" through the real `eos lsp --stdio` (issue 13, defect 8): the
 * `textDocument/rangeFormatting` request on a long file changes whitespace inside the range only,
 * never the line of the first syntax error, and a file of 50,000 nested braces neither blocks the
 * server nor loses a character. (How long it takes is measured by `npm run bench`, "Limits".)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentRangeFormattingRequest, type Range, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCli, LspSession, uriOf } from '../lsp-stdio/lsp-session.js';

let cli: { file: string; temporary?: string };
let folder: string;
let session: LspSession;

beforeAll(async () => {
    cli = process.env.EOS_TEST_CLI ? { file: process.env.EOS_TEST_CLI } : await currentCli();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-range-format-'));
    session = await LspSession.start({ folder, cli: cli.file, settings: false });
}, 120_000);

afterAll(async () => {
    await session?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
    if (cli?.temporary) fs.rmSync(cli.temporary, { recursive: true, force: true });
});

/** Opens `text` as a file of the workspace, asks for range formatting, and returns the edits and the text after them. */
async function formatRange(name: string, text: string, range: Range): Promise<{ edits: TextEdit[]; after: string }> {
    const file = path.join(folder, name);
    fs.writeFileSync(file, text);
    await session.open(file, text);
    const edits =
        (await session.connection.sendRequest(DocumentRangeFormattingRequest.type, {
            textDocument: { uri: uriOf(file) },
            range,
            options: { tabSize: 2, insertSpaces: true }
        })) ?? [];
    return { edits, after: TextDocument.applyEdits(TextDocument.create(uriOf(file), 'eos', 1, text), edits) };
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');

describe('range formatting over LSP', () => {
    it('formats only the selected lines of a 5,000-line file, keeping every character the user wrote', async () => {
        const lines = Array.from({ length: 5000 }, (_, i) => `stream   S${i}    "Stream ${i}"   {   wip    ${(i % 7) + 1}   }`);
        const text = lines.join('\n') + '\n';
        const { edits, after } = await formatRange('long.eos', text, { start: { line: 2500, character: 0 }, end: { line: 2510, character: 0 } });
        expect(edits.length).toBeGreaterThan(0);
        for (const edit of edits) {
            expect(edit.range.start.line).toBeGreaterThanOrEqual(2499); // the gap before the range's first token may begin on the line above
            expect(edit.range.end.line).toBeLessThan(2510);
            expect(edit.newText.trim()).toBe('');
        }
        const afterLines = after.split('\n');
        expect(afterLines.length).toBe(lines.length + 1);
        for (let i = 0; i < lines.length; i++) {
            const expected = i >= 2500 && i < 2510 ? `stream S${i} "Stream ${i}" { wip ${(i % 7) + 1} }` : lines[i];
            if (afterLines[i] !== expected) expect(`${i}: ${afterLines[i]}`).toBe(`${i}: ${expected}`);
        }
        expect(withoutWhitespace(after)).toBe(withoutWhitespace(text));
    });

    it('leaves the line of the first syntax error, and everything after it, as written', async () => {
        // Line 3 (0-based) is missing its WIP number; Chevrotain numbers that line 4.
        const text = 'stream A   "a"\nstream B   "b"\nstream C   "c"\nstream   D   "d" {   wip }\nstream E   "e"\n';
        const { after } = await formatRange('broken.eos', text, { start: { line: 0, character: 0 }, end: { line: 4, character: 14 } });
        expect(after).toBe('stream A "a"\nstream B "b"\nstream C "c"\nstream   D   "d" {   wip }\nstream E   "e"\n');
        const onTheErrorLine = await formatRange('broken-2.eos', text, { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } });
        expect(onTheErrorLine.edits).toEqual([]);
    });

    it('answers on 50,000 nested braces, changes nothing below the error, and the server still hovers', async () => {
        const text = 'vision   V "Vision"\n' + '{'.repeat(50_000) + '}'.repeat(50_000) + '\n';
        const { edits, after } = await formatRange('nested.eos', text, { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } });
        expect(edits).toHaveLength(1);
        expect(after).toBe('vision V "Vision"\n' + '{'.repeat(50_000) + '}'.repeat(50_000) + '\n');
        const hover = await session.hover(path.join(folder, 'nested.eos'), 0, 9);
        expect(JSON.stringify(hover?.contents ?? '')).toContain('Vision');
    });
});
