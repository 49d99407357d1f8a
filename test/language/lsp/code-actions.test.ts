import { TextDocument } from 'vscode-languageserver-textdocument';
import { SnippetTextEdit, type CodeAction, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver';
import type { EosCodeActionProvider } from '../../../src/language/lsp/eos-code-action-provider.js';
import { previewOf } from '../../../src/language/lsp/eos-completion-provider.js';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, type TestWorkspace } from '../../helpers.js';

const strategy = `vision PrimaryBank "Become the primary bank"
theme Retention "Increase retention" { vision PrimaryBank }
theme Growth "Grow" { vision PrimaryBank }
stream Onboarding "Customer Onboarding" { wip 2 }
stream Support "Customer Support"
bet Alpha "Alpha bet" {
  serves Retention
  hypothesis "If a, then b"
  streams Support
}
bet EarlyExperience "Improve early customer experience" {
  serves Retention
  hypothesis "If we reduce friction, retention rises"
  streams Onboarding
}
bet Closed "An old bet" {
  serves Growth
  hypothesis "If c, then d"
  status stopped
}
`;

interface Fixture {
    ws: TestWorkspace;
    diagnostic: Diagnostic;
    actions: CodeAction[];
}

/** A client that applies snippet edits (VS Code, with vscode-languageclient 10). */
const SNIPPET_CLIENT = { workspace: { workspaceEdit: { snippetEditSupport: true, documentChanges: true } } };

async function fixesFor(file: string, text: string, code: string, options: { snippets?: boolean } = {}): Promise<Fixture> {
    const ws = await buildWorkspace({ 'strategy.eos': strategy, [file]: text });
    if (options.snippets) (ws.services.lsp.CodeActionProvider as EosCodeActionProvider).useClientCapabilities(SNIPPET_CLIENT);
    const diagnostic = ws.diagnostics(file).find(d => d.code === code);
    expect(diagnostic, `a ${code} diagnostic in ${file}`).toBeDefined();
    const document = ws.documents.get(file)!;
    const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostic!.range,
        context: { diagnostics: [diagnostic!] }
    })) as CodeAction[];
    return { ws, diagnostic: diagnostic!, actions };
}

/** The file's text after applying one action's edits. */
function apply(fixture: Fixture, file: string, title: string): string {
    const action = fixture.actions.find(a => a.title === title);
    expect(action, `action "${title}" among ${fixture.actions.map(a => a.title).join(' | ')}`).toBeDefined();
    const document = fixture.ws.documents.get(file)!;
    const edits = action!.edit!.changes![document.uri.toString()];
    return TextDocument.applyEdits(document.textDocument, edits);
}

/**
 * A snippet fix's edits to one file: the snippets as sent, and the text once applied with every
 * placeholder left as it is (what a user who presses Escape keeps).
 */
function applySnippet(fixture: Fixture, file: string, title: string): { snippets: string[]; text: string } {
    const action = fixture.actions.find(a => a.title === title);
    expect(action, `action "${title}" among ${fixture.actions.map(a => a.title).join(' | ')}`).toBeDefined();
    const document = fixture.ws.documents.get(file)!;
    expect(action!.edit!.changes).toBeUndefined();
    const change = action!.edit!.documentChanges!.find(c => 'textDocument' in c && c.textDocument.uri === document.uri.toString()) as TextDocumentEdit;
    const snippets = change.edits.filter(SnippetTextEdit.is).map(e => e.snippet.value);
    const edits = change.edits.map(e => (SnippetTextEdit.is(e) ? { range: e.range, newText: previewOf(e.snippet.value) } : e));
    return { snippets, text: TextDocument.applyEdits(document.textDocument, edits) };
}

/** Codes reported in the file after rebuilding the workspace with the new text. */
async function codesAfter(file: string, text: string): Promise<string[]> {
    const ws = await buildWorkspace({ 'strategy.eos': strategy, [file]: text });
    return ws.diagnostics(file).map(d => String(d.code));
}

describe('quick fixes', () => {
    it('orphan-initiative: offers the bets spanning its stream first, and links it into the block', async () => {
        const file = 'work.eos';
        const text = 'initiative ReferralProgram "Referral rewards" {   // no bet yet\n  stream Onboarding\n  status doing\n}\n';
        const fixture = await fixesFor(file, text, 'orphan-initiative');
        expect(fixture.actions.map(a => a.title)).toEqual([
            "Link to bet 'EarlyExperience' (spans stream Onboarding)",
            "Link to bet 'Alpha'",
            "Create bet 'ReferralProgramBet' for this initiative"
        ]);
        expect(fixture.actions[0].isPreferred).toBe(true);
        const fixed = apply(fixture, file, "Link to bet 'EarlyExperience' (spans stream Onboarding)");
        expect(fixed).toBe('initiative ReferralProgram "Referral rewards" {   // no bet yet\n  bet EarlyExperience\n  stream Onboarding\n  status doing\n}\n');
        expect(await codesAfter(file, fixed)).not.toContain('orphan-initiative');
    });

    it('orphan-initiative: opens a block on an initiative without one', async () => {
        const file = 'work.eos';
        const fixture = await fixesFor(file, 'initiative X "Something"\n', 'orphan-initiative');
        const fixed = apply(fixture, file, "Link to bet 'Alpha'");
        expect(fixed).toBe('initiative X "Something" {\n  bet Alpha\n}\n');
        expect(await codesAfter(file, fixed)).not.toContain('orphan-initiative');
    });

    it('closes a title missing its quote before opening the new block (found by the quick-fix property)', async () => {
        const file = 'work.eos';
        const fixture = await fixesFor(file, 'initiative X "Something', 'orphan-initiative');
        const fixed = apply(fixture, file, "Link to bet 'Alpha'");
        expect(fixed).toBe('initiative X "Something" {\n  bet Alpha\n}');
        expect(await codesAfter(file, fixed)).toEqual([]);
    });

    it('orphan-initiative: keeps a trailing comment on the line that opens the new block', async () => {
        const file = 'work.eos';
        const fixture = await fixesFor(file, 'initiative X "Something" // later\nvision Other "o"\n', 'orphan-initiative');
        const fixed = apply(fixture, file, "Link to bet 'Alpha'");
        expect(fixed).toBe('initiative X "Something" { // later\n  bet Alpha\n}\nvision Other "o"\n');
    });

    it('orphan-initiative: creates a bet stub at the end of the file and links to it, with no made-up hypothesis', async () => {
        const file = 'work.eos';
        const fixture = await fixesFor(file, 'initiative Referral "Referral rewards" { status doing }', 'orphan-initiative');
        const fixed = apply(fixture, file, "Create bet 'ReferralBet' for this initiative");
        expect(fixed).toBe('initiative Referral "Referral rewards" { status doing bet ReferralBet }\n\nbet ReferralBet "Referral rewards"\n');
        const codes = await codesAfter(file, fixed);
        expect(codes).not.toContain('orphan-initiative');
        expect(codes).not.toContain('unresolved-reference');
        // What only the strategist can write is still asked for.
        expect(codes).toEqual(expect.arrayContaining(['bet-without-hypothesis', 'orphan-bet']));
    });

    it("orphan-initiative: with snippet edits, the new bet's title and hypothesis are placeholders", async () => {
        const file = 'work.eos';
        const fixture = await fixesFor(file, 'initiative Referral "Referral rewards" { status doing }', 'orphan-initiative', { snippets: true });
        const { snippets, text } = applySnippet(fixture, file, "Create bet 'ReferralBet' for this initiative");
        expect(snippets).toEqual(['\n\nbet ReferralBet "${1:Referral rewards}" {\n  hypothesis "$2"\n\\}\n']);
        expect(text).toBe('initiative Referral "Referral rewards" { status doing bet ReferralBet }\n\nbet ReferralBet "Referral rewards" {\n  hypothesis ""\n}\n');
        // Left empty, the hypothesis is still missing.
        expect(await codesAfter(file, text)).toContain('bet-without-hypothesis');
    });

    it('orphan-initiative: the created bet keeps a title holding a quote, a backslash and a line break, escaped', async () => {
        const file = 'work.eos';
        const fixture = await fixesFor(file, 'initiative Referral "Say \\"hi\\" to C:\\\\new\\nusers"', 'orphan-initiative');
        const fixed = apply(fixture, file, "Create bet 'ReferralBet' for this initiative");
        expect(fixed.split('\n').slice(-2)).toEqual(['bet ReferralBet "Say \\"hi\\" to C:\\\\new\\nusers"', '']);
        const ws = await buildWorkspace({ 'strategy.eos': strategy, [file]: fixed });
        expect(
            ws
                .diagnostics(file)
                .map(d => String(d.code))
                .sort()
        ).toEqual(['bet-without-hypothesis', 'orphan-bet']); // what only the strategist can write; no syntax error
        const bet = ws.services.eos.StrategyWorkspace.model.get('bet', 'ReferralBet')!;
        expect(bet.title).toBe('Say "hi" to C:\\new\nusers');
        // As a snippet (VS Code), the placeholder holds the same escaped title.
        const snippet = applySnippet(
            await fixesFor(file, 'initiative Referral "Say \\"hi\\" to C:\\\\new\\nusers"', 'orphan-initiative', { snippets: true }),
            file,
            "Create bet 'ReferralBet' for this initiative"
        );
        expect(snippet.text).toContain('bet ReferralBet "Say \\"hi\\" to C:\\\\new\\nusers"');
    });

    it('inserts above the closing brace when a block comment runs on from the opening line', async () => {
        const file = 'work.eos';
        const fixture = await fixesFor(file, 'initiative X "x" { /* a note\n   that goes on */\n  status doing\n}\n', 'orphan-initiative');
        const fixed = apply(fixture, file, "Link to bet 'Alpha'");
        expect(fixed).toBe('initiative X "x" { /* a note\n   that goes on */\n  status doing\n  bet Alpha\n}\n');
        expect(await codesAfter(file, fixed)).not.toContain('orphan-initiative');
    });

    it('orphan-bet: serves each theme; keeps CRLF line endings and indentation', async () => {
        const file = 'bets.eos';
        const text = 'bet Lonely "Lonely" {\r\n    hypothesis "If x, y"\r\n}\r\n';
        const fixture = await fixesFor(file, text, 'orphan-bet');
        expect(fixture.actions.map(a => a.title)).toEqual(["Serve theme 'Growth' (Grow)", "Serve theme 'Retention' (Increase retention)"]);
        const fixed = apply(fixture, file, "Serve theme 'Retention' (Increase retention)");
        expect(fixed).toBe('bet Lonely "Lonely" {\r\n    serves Retention\r\n    hypothesis "If x, y"\r\n}\r\n');
        expect(await codesAfter(file, fixed)).not.toContain('orphan-bet');
    });

    it('unaligned-okr: supports a live bet or a theme (not a stopped bet)', async () => {
        const file = 'okrs.eos';
        const text = 'okr Mine "Mine" {\n  kr A "a" from 1 to 2\n}\n';
        const fixture = await fixesFor(file, text, 'unaligned-okr');
        expect(fixture.actions.map(a => a.title)).toEqual([
            "Support bet 'Alpha'",
            "Support bet 'EarlyExperience'",
            "Support strategic theme 'Growth'",
            "Support strategic theme 'Retention'"
        ]);
        const fixed = apply(fixture, file, "Support bet 'EarlyExperience'");
        expect(fixed).toBe('okr Mine "Mine" {\n  supports EarlyExperience\n  kr A "a" from 1 to 2\n}\n');
        expect(await codesAfter(file, fixed)).not.toContain('unaligned-okr');
    });

    it('unresolved-reference: replaces the name with a suggestion', async () => {
        const file = 'work.eos';
        const text = 'initiative W "w" {\n  bet EarlyExperiance   // typo\n  stream Onboarding\n}\n';
        const fixture = await fixesFor(file, text, 'unresolved-reference');
        expect(fixture.actions[0].title).toBe("Replace with 'EarlyExperience'");
        const fixed = apply(fixture, file, "Replace with 'EarlyExperience'");
        expect(fixed).toBe('initiative W "w" {\n  bet EarlyExperience   // typo\n  stream Onboarding\n}\n');
        expect(await codesAfter(file, fixed)).toEqual([]);
    });

    it('unresolved-reference: creates the missing element of the expected kind at the end of the file', async () => {
        const file = 'work.eos';
        const text = 'initiative W "w" {\n  bet EarlyExperience\n  stream Onboarding\n  owner PaymentsCrew\n}';
        const fixture = await fixesFor(file, text, 'unresolved-reference');
        const fixed = apply(fixture, file, "Create team 'PaymentsCrew' in this file");
        expect(fixed).toBe('initiative W "w" {\n  bet EarlyExperience\n  stream Onboarding\n  owner PaymentsCrew\n}\n\nteam PaymentsCrew "Payments crew"\n');
        expect(await codesAfter(file, fixed)).toEqual([]);
    });

    it('unresolved-reference: creates a missing key result in its OKR, in the file that holds the OKR', async () => {
        const company = 'okr Parent "Parent objective" {\n  supports Alpha\n  kr Existing "e" from 1 to 2\n}\n';
        const team = 'okr Mine "Mine" {\n  supports Parent.Growth\n  kr B "b" from 1 to 2\n}\n';
        const ws = await buildWorkspace({ 'strategy.eos': strategy, 'company.eos': company, 'team.eos': team });
        const diagnostic = ws.diagnostics('team.eos').find(d => d.code === 'unresolved-reference')!;
        const document = ws.documents.get('team.eos')!;
        const actions = (await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] }
        })) as CodeAction[];
        const create = actions.find(a => a.title === "Create key result 'Growth' in OKR 'Parent'")!;
        expect(create, actions.map(a => a.title).join(' | ')).toBeDefined();
        const companyDocument = ws.documents.get('company.eos')!;
        expect(Object.keys(create.edit!.changes!)).toEqual([companyDocument.uri.toString()]);
        const fixed = TextDocument.applyEdits(companyDocument.textDocument, create.edit!.changes![companyDocument.uri.toString()]);
        // No invented baseline and target: the key result asks for them (`kr-not-measurable`).
        expect(fixed).toBe('okr Parent "Parent objective" {\n  supports Alpha\n  kr Existing "e" from 1 to 2\n  kr Growth "Growth"\n}\n');
        const after = await buildWorkspace({ 'strategy.eos': strategy, 'company.eos': fixed, 'team.eos': team });
        expect(after.diagnostics('team.eos').map(d => d.code)).not.toContain('unresolved-reference');
        expect(after.diagnostics('company.eos').map(d => d.code)).toContain('kr-not-measurable');
    });

    it('unresolved-reference: a missing key result of an OKR in the same file gets placeholders for its numbers', async () => {
        const file = 'team.eos';
        const text = 'okr Parent "Parent objective" {\n  supports Alpha\n}\nokr Mine "Mine" {\n  supports Parent.Growth\n  kr B "b" from 1 to 2\n}\n';
        const fixture = await fixesFor(file, text, 'unresolved-reference', { snippets: true });
        const { snippets, text: fixed } = applySnippet(fixture, file, "Create key result 'Growth' in OKR 'Parent'");
        expect(snippets).toEqual(['  kr Growth "${1:Growth}" from ${2:baseline} to ${3:target}\n']);
        expect(fixed).toContain('  supports Alpha\n  kr Growth "Growth" from baseline to target\n}');
    });

    it('kr-not-measurable: adds `from … to …` with the baseline and target as placeholders, never numbers', async () => {
        const file = 'okrs.eos';
        const text = 'okr O "o" {\n  supports Alpha\n  kr Friction "Fewer friction points" current 30%   // vague\n}\n';
        const fixture = await fixesFor(file, text, 'kr-not-measurable', { snippets: true });
        const { snippets, text: fixed } = applySnippet(fixture, file, 'Add a target: from … to …');
        expect(snippets).toEqual([' from ${1:baseline} to ${2:target}']);
        expect(fixture.actions[0].isPreferred).toBe(true);
        expect(fixed).toBe('okr O "o" {\n  supports Alpha\n  kr Friction "Fewer friction points" from baseline to target current 30%   // vague\n}\n');
        // Left unfilled, the placeholders are errors that say a number goes there; the file is not silently "measurable".
        const ws = await buildWorkspace({ 'strategy.eos': strategy, [file]: fixed });
        expect(
            ws
                .diagnostics(file)
                .filter(d => d.code === 'syntax')
                .map(d => d.message)
        ).toEqual([
            '`baseline` is not a figure: write a number such as 40, 40%, 12 days, 6,200, £1.9m or 15:40.',
            '`target` is not a figure: write a number such as 40, 40%, 12 days, 6,200, £1.9m or 15:40.'
        ]);
        // Filled in, the finding is gone.
        expect(await codesAfter(file, fixed.replace('baseline', '40%').replace('target', '10%'))).not.toContain('kr-not-measurable');
    });

    it('kr-not-measurable: closes a title missing its quote before the target (it used to do nothing)', async () => {
        const file = 'okrs.eos';
        const text = 'okr O "o" {\n  supports Alpha\n  kr Friction "Fewer friction points\n}\n';
        const fixture = await fixesFor(file, text, 'kr-not-measurable', { snippets: true });
        const { text: fixed } = applySnippet(fixture, file, 'Add a target: from … to …');
        expect(fixed).toBe('okr O "o" {\n  supports Alpha\n  kr Friction "Fewer friction points" from baseline to target\n}\n');
        expect(await codesAfter(file, fixed.replace('baseline', '12').replace('target', '4'))).toEqual([]);
    });

    it('kr-not-measurable: offers no fix to a client without snippet edits, rather than invent numbers', async () => {
        const fixture = await fixesFor('okrs.eos', 'okr O "o" {\n  supports Alpha\n  kr Friction "Fewer friction points"\n}\n', 'kr-not-measurable');
        expect(fixture.actions).toEqual([]);
    });

    it("unresolved-reference: with snippet edits, the created element's title is selected to overwrite", async () => {
        const file = 'work.eos';
        const text = 'initiative W "w" {\n  bet EarlyExperience\n  stream Onboarding\n  owner PaymentsCrew\n}';
        const fixture = await fixesFor(file, text, 'unresolved-reference', { snippets: true });
        const { snippets } = applySnippet(fixture, file, "Create team 'PaymentsCrew' in this file");
        expect(snippets).toEqual(['\n\nteam PaymentsCrew "${1:Payments crew}"$0\n']);
    });

    it('never fails on a broken document', async () => {
        const ws = await buildWorkspace({ 'broken.eos': 'initiative {{ bet \n okr' });
        const document = ws.documents.get('broken.eos')!;
        const diagnostics = ws
            .diagnostics('broken.eos')
            .concat([
                { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 1 } }, message: 'x', code: 'orphan-initiative', data: { code: 'orphan-initiative' } }
            ]);
        const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostics[0].range,
            context: { diagnostics }
        });
        expect(Array.isArray(actions)).toBe(true);
    });
});
