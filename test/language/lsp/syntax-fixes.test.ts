/**
 * Quick fixes for syntax errors: each applies the mechanical edit the message names, and the text
 * that results reads without a syntax error.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../helpers.js';

const STRATEGY = 'theme Access "Faster access"\nbet Triage "Triage faster" { serves Access hypothesis "h" }\n';

/** The text after applying the one quick fix of the file's one syntax error, and that text's own syntax errors. */
async function fixed(text: string): Promise<{ title: string; text: string; after: string[] }> {
    const ws = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': text });
    const syntax = ws.diagnostics('work.eos').filter(d => d.code === 'syntax');
    expect(syntax).toHaveLength(1);
    const document = ws.documents.get('work.eos')!;
    const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: syntax[0].range,
        context: { diagnostics: syntax }
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    const edits = actions[0].edit!.changes![document.uri.toString()] as TextEdit[];
    const result = TextDocument.applyEdits(document.textDocument, edits);
    const again = await buildWorkspace({ 'strategy.eos': STRATEGY, 'work.eos': result });
    return {
        title: actions[0].title,
        text: result,
        after: again
            .diagnostics('work.eos')
            .filter(d => d.code === 'syntax')
            .map(d => String(d.message))
    };
}

describe('quick fixes for syntax errors', () => {
    it('writes the element keyword meant', async () => {
        expect(await fixed('intiative Door "Door triage" {\n  bet Triage\n}\n')).toEqual({
            title: 'Write `initiative`',
            text: 'initiative Door "Door triage" {\n  bet Triage\n}\n',
            after: []
        });
    });

    it('writes the property meant, and a keyword in lower case', async () => {
        expect(await fixed('initiative Door "Door triage" {\n  bet Triage\n  staus ready\n}\n')).toMatchObject({
            title: 'Write `status`',
            text: 'initiative Door "Door triage" {\n  bet Triage\n  status ready\n}\n',
            after: []
        });
        expect(await fixed('initiative Door "Door triage" {\n  bet Triage\n  status Ready\n}\n')).toMatchObject({
            title: 'Write `ready`',
            text: 'initiative Door "Door triage" {\n  bet Triage\n  status ready\n}\n',
            after: []
        });
    });

    it('writes the status a parser message suggests', async () => {
        expect(await fixed('initiative Door "Door triage" {\n  bet Triage\n  status doign\n}\n')).toMatchObject({
            title: 'Write `doing`',
            text: 'initiative Door "Door triage" {\n  bet Triage\n  status doing\n}\n',
            after: []
        });
    });

    it("writes EOS's status for a tracker's word, over all its words", async () => {
        expect(await fixed('initiative Door "Door triage" {\n  bet Triage\n  status In Progress\n  started 2026-02-01\n}\n')).toEqual({
            title: 'Write `doing`',
            text: 'initiative Door "Door triage" {\n  bet Triage\n  status doing\n  started 2026-02-01\n}\n',
            after: []
        });
        expect(await fixed('initiative Door "Door triage" { bet Triage status on-hold }\n')).toMatchObject({
            title: 'Write `stopped`',
            text: 'initiative Door "Door triage" { bet Triage status stopped }\n',
            after: []
        });
        expect(await fixed('bet Waits "Shorter waits" {\n  serves Access\n  hypothesis "h"\n  status wip\n}\ninitiative Door "Door" { bet Waits }\n')).toMatchObject({
            title: 'Write `active`',
            after: []
        });
    });

    it('removes a YAML colon', async () => {
        expect(await fixed('initiative Door "Door triage" {\n  bet Triage\n  status: ready\n}\n')).toEqual({
            title: 'Remove the `:`',
            text: 'initiative Door "Door triage" {\n  bet Triage\n  status ready\n}\n',
            after: []
        });
    });

    it("adds the missing `}` after the block's last line, before the next element", async () => {
        expect(await fixed('bet Waits "Shorter waits" {\n  serves Access\n  hypothesis "h"\n\ninitiative Door "Door triage" {\n  bet Waits\n}\n')).toEqual({
            title: 'Add the missing `}`',
            text: 'bet Waits "Shorter waits" {\n  serves Access\n  hypothesis "h"\n}\n\ninitiative Door "Door triage" {\n  bet Waits\n}\n',
            after: []
        });
        expect(await fixed('initiative Door "Door triage" {\n  bet Triage\n')).toEqual({
            title: 'Add the missing `}`',
            text: 'initiative Door "Door triage" {\n  bet Triage\n}\n',
            after: []
        });
    });

    it('puts a title in quotes, and curly quotes straight', async () => {
        expect(await fixed('initiative Door Door triage {\n  bet Triage\n}\n')).toEqual({
            title: 'Put the text in quotes',
            text: 'initiative Door "Door triage" {\n  bet Triage\n}\n',
            after: []
        });
        expect(await fixed('initiative Door “Door triage” {\n  bet Triage\n}\n')).toEqual({
            title: 'Use straight quotes',
            text: 'initiative Door "Door triage" {\n  bet Triage\n}\n',
            after: []
        });
    });
});
