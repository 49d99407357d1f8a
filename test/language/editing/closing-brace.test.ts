/**
 * A `}` typed on the blank line above the `}` the editor inserted when `{` was typed: formatting
 * on typing removes the second one, and only then. The text is what the editor holds right after
 * the key (the typed brace already in it, outdented by the language configuration).
 */
import { EmptyFileSystem } from 'langium';
import { parseDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createEosServices } from '../../../src/language/eos-module.js';

const services = createEosServices(EmptyFileSystem).Eos;

/** Types `}` where `|` is (the `|` is replaced by the brace) and applies what formatting on typing answers. */
async function typeBrace(text: string): Promise<string> {
    const at = text.indexOf('|');
    const typed = text.slice(0, at) + '}' + text.slice(at + 1);
    const document = await parseDocument(services, typed);
    const position = document.textDocument.positionAt(at + 1);
    const edits = await services.lsp.Formatter!.formatDocumentOnType(document, {
        textDocument: { uri: document.uri.toString() },
        position,
        ch: '}',
        options: { insertSpaces: true, tabSize: 2 }
    });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('a `}` typed above the auto-inserted one', () => {
    it('is offered for `}` only', () => {
        expect(services.lsp.Formatter!.formatOnTypeOptions).toEqual({ firstTriggerCharacter: '}' });
    });

    it('leaves one closing brace: the auto-inserted line goes', async () => {
        expect(await typeBrace('okr O "o" {\n|\n}')).toBe('okr O "o" {\n}');
        expect(await typeBrace('team T "t" {\n  level crew\n|\n}\n\nbet B')).toBe('team T "t" {\n  level crew\n}\n\nbet B');
        expect(await typeBrace('okr O "o" {\r\n|\r\n}\r\n')).toBe('okr O "o" {\r\n}\r\n');
    });

    it("gives the typed brace the block's indentation when the editor left it indented", async () => {
        expect(await typeBrace('okr O "o" {\n  |\n}')).toBe('okr O "o" {\n}');
        expect(await typeBrace('team T {\n  okr O "o" {\n    |\n  }\n}')).toBe('team T {\n  okr O "o" {\n  }\n}');
    });

    it('closes the inner block of nested ones', async () => {
        expect(await typeBrace('team T {\n  okr O "o" {\n  |\n  }\n}')).toBe('team T {\n  okr O "o" {\n  }\n}');
    });

    it('keeps both when the typed brace is needed (a block was left open above)', async () => {
        const text = 'team T {\n  okr O "o" {\n  kr K from 1 to 2\n|\n}';
        expect(await typeBrace(text)).toBe(text.replace('|', '}'));
    });

    it('keeps both when the brace is not alone on its line, or the next line is not a lone brace', async () => {
        for (const text of ['okr O "o" { kr K from 1 to 2 |\n}\n}', 'okr O "o" {\n|\n  kr K from 1 to 2 }\n}', 'okr O "o" {\n|']) {
            expect(await typeBrace(text)).toBe(text.replace('|', '}'));
        }
    });

    it('does not count braces in strings and comments', async () => {
        expect(await typeBrace('okr O "{ o" {\n  // {\n|\n}')).toBe('okr O "{ o" {\n  // {\n}');
        const open = 'okr O "o}" {\n  /* } */\n  team T {\n|\n}';
        expect(await typeBrace(open)).toBe(open.replace('|', '}'));
    });
});
