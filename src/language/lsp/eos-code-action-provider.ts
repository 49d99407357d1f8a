/**
 * Quick fixes for the strategy debugger's findings where the fix is mechanical: link an orphan
 * to something above it, replace a misspelt name, create what is missing, give a key result a
 * target. Every edit only inserts text (or replaces the one misspelt name), so nothing the user
 * wrote is lost, and it fits the element whether it has a `{ }` block or not.
 *
 * A fix never invents what only the strategist knows (a baseline, a target, a hypothesis): where
 * the client applies snippet edits (LSP 3.18 `SnippetTextEdit`, VS Code), those places are
 * placeholders, selected one after the other; elsewhere they are left out, so the finding that
 * asks for them stays until they are written.
 */
import { AstUtils, CstUtils, GrammarUtils, URI, isOperationCancelled, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    CodeActionKind,
    type ClientCapabilities,
    type CodeAction,
    type CodeActionParams,
    type Command,
    type Diagnostic,
    type SnippetTextEdit,
    type TextEdit
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EosServices } from '../eos-module.js';
import { isClosedString, quoteText } from '../grammar/eos-value-converter.js';
import { isName, qualifiedName } from '../grammar/names.js';
import * as ast from '../generated/ast.js';
import { KIND_LABEL, linksOf, type ElementKind, type StrategyElement } from '../model/elements.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { reportCaught } from '../helpers/answer-or.js';
import type { SyntaxFix } from '../validation/eos-document-validator.js';
import { isLiveBet } from '../model/vocabulary.js';

/** How many "link to …" alternatives one finding offers; more would bury the best ones. */
export const MAX_LINK_ACTIONS = 8;

interface FixContext {
    document: LangiumDocument;
    diagnostic: Diagnostic;
    model: WorkspaceModel;
    /** Whether the client applies snippet edits (placeholders to fill in) in this document. */
    snippets: boolean;
}

/** An edit whose new text is a snippet (`${1:placeholder}`) for clients that apply snippet edits. */
type FixEdit = TextEdit | SnippetTextEdit;

export class EosCodeActionProvider implements CodeActionProvider {
    private readonly strategy: StrategyWorkspace;
    private readonly documents: LangiumDocuments;

    /** Set from the client's capabilities at initialisation. */
    private snippetEdits = false;

    constructor(services: EosServices) {
        this.strategy = services.eos.StrategyWorkspace;
        this.documents = services.shared.workspace.LangiumDocuments;
        services.shared.lsp.LanguageServer.onInitialize(params => this.useClientCapabilities(params.capabilities));
    }

    /** Snippet edits need both `snippetEditSupport` and `documentChanges` (they only travel in a `TextDocumentEdit`). */
    useClientCapabilities(capabilities: ClientCapabilities): void {
        const workspaceEdit = capabilities.workspace?.workspaceEdit;
        this.snippetEdits = workspaceEdit?.snippetEditSupport === true && workspaceEdit.documentChanges === true;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                actions.push(...this.fixesFor({ document, diagnostic, model: this.strategy.model, snippets: this.snippetEdits }));
            } catch (error) {
                // A fix we cannot compute is not offered; the request must not fail, and the log says why.
                if (isOperationCancelled(error)) throw error;
                reportCaught(`quick fixes for '${String(diagnostic.code)}'`, error);
            }
        }
        return actions;
    }

    private fixesFor(context: FixContext): CodeAction[] {
        if (context.diagnostic.code === 'syntax') return this.fixSyntax(context);
        const code = (context.diagnostic.data as { code?: unknown } | undefined)?.code ?? context.diagnostic.code;
        switch (code) {
            case 'orphan-initiative':
                return this.linkOrphanInitiative(context);
            case 'orphan-bet':
                return this.linkOrphanBet(context);
            case 'unaligned-okr':
                return this.alignOkr(context);
            case 'unresolved-reference':
                return this.fixUnresolved(context);
            case 'kr-not-measurable':
                return this.addTarget(context);
            default:
                return [];
        }
    }

    /** The edit the syntax error carries (token-repair.ts, or a word a parser message suggests). */
    private fixSyntax({ document, diagnostic }: FixContext): CodeAction[] {
        const fix = (diagnostic.data as { syntaxFix?: SyntaxFix } | undefined)?.syntaxFix;
        if (!fix?.edits.length) return [];
        return [quickFix(fix.title, diagnostic, document, fix.edits, true)];
    }

    private linkOrphanInitiative({ document, diagnostic, model, snippets }: FixContext): CodeAction[] {
        const node = nodeAt(document, diagnostic, ast.isInitiative);
        const initiative = elementAt(model, document, diagnostic);
        if (!node || !initiative) return [];
        const stream = linksOf(initiative, 'stream')[0]?.target;
        const ranked = model
            .ofKind('bet')
            .filter(isLiveBet)
            .map(bet => ({ bet, shared: !!stream && linksOf(bet, 'streams').some(link => link.target === stream) }))
            .sort((a, b) => Number(b.shared) - Number(a.shared) || a.bet.name.localeCompare(b.bet.name));
        const actions = ranked
            .slice(0, MAX_LINK_ACTIONS)
            .map(({ bet, shared }, index) =>
                quickFix(
                    `Link to bet '${bet.name}'${shared ? ` (spans stream ${stream})` : ''}`,
                    diagnostic,
                    document,
                    addProperty(document, node, `bet ${bet.name}`),
                    index === 0 && shared
                )
            );
        // The bet's hypothesis is the strategist's to write: a placeholder to fill in, or nothing
        // (and `bet-without-hypothesis` says so) — never a sentence made up from the title.
        const stubName = freeName(model, 'bet', `${initiative.name}Bet`);
        const title = initiative.title ?? humanise(stubName);
        const stub = snippets
            ? snippetEdit(appendToFile(document.textDocument, `bet ${stubName} "\${1:${escapeSnippet(quoteText(title).slice(1, -1))}}" {\n  hypothesis "$2"\n\\}`))
            : appendToFile(document.textDocument, stubElement('bet', stubName, title, []));
        actions.push(quickFix(`Create bet '${stubName}' for this initiative`, diagnostic, document, [...addProperty(document, node, `bet ${stubName}`), stub]));
        return actions;
    }

    private linkOrphanBet({ document, diagnostic, model }: FixContext): CodeAction[] {
        const node = nodeAt(document, diagnostic, ast.isBet);
        if (!node) return [];
        return model
            .ofKind('theme')
            .sort((a, b) => a.name.localeCompare(b.name))
            .slice(0, MAX_LINK_ACTIONS)
            .map(theme =>
                quickFix(`Serve theme '${theme.name}'${theme.title ? ` (${theme.title})` : ''}`, diagnostic, document, addProperty(document, node, `serves ${theme.name}`))
            );
    }

    private alignOkr({ document, diagnostic, model }: FixContext): CodeAction[] {
        const node = nodeAt(document, diagnostic, ast.isOkr);
        if (!node) return [];
        const bets = model.ofKind('bet').filter(isLiveBet).sort(byName);
        const themes = model.ofKind('theme').sort(byName);
        return [...bets, ...themes]
            .slice(0, MAX_LINK_ACTIONS)
            .map(target => quickFix(`Support ${KIND_LABEL[target.kind]} '${target.name}'`, diagnostic, document, addProperty(document, node, `supports ${target.name}`)));
    }

    private fixUnresolved({ document, diagnostic, model, snippets }: FixContext): CodeAction[] {
        const data = diagnostic.data as { name?: string; kinds?: ElementKind[]; suggestions?: string[] } | undefined;
        const actions = (data?.suggestions ?? []).map((suggestion, index) =>
            quickFix(`Replace with '${suggestion}'`, diagnostic, document, [{ range: diagnostic.range, newText: suggestion }], index === 0)
        );
        const name = data?.name;
        const kind = data?.kinds?.find(k => k !== 'kr');
        // A qualified `Okr.Kr` name cannot be created on its own: its OKR must hold it.
        if (name && kind && isName(name)) {
            // The title is the name in words, selected to be overwritten where the client can.
            const created = snippets
                ? snippetEdit(appendToFile(document.textDocument, `${kind} ${name} "\${1:${escapeSnippet(quotable(humanise(name)))}}"$0`))
                : appendToFile(document.textDocument, stubElement(kind, name, humanise(name), []));
            actions.push(quickFix(`Create ${KIND_LABEL[kind]} '${name}' in this file`, diagnostic, document, [created]));
        }
        const qualified = name ? qualifiedName(name) : undefined;
        const okr = qualified ? model.get('okr', qualified.container) : undefined;
        if (qualified && okr && data?.kinds?.includes('kr'))
            actions.push(...this.createKeyResult(okr, qualified.member, diagnostic, snippets && okr.uri === document.uri.toString()));
        return actions;
    }

    /**
     * `supports Okr.Missing` where the OKR exists: add the key result to that OKR, in whichever file
     * holds it. Its baseline and target are placeholders in the file being edited (snippet edits
     * apply there only); in another file the key result gets none, and `kr-not-measurable` asks for them.
     */
    private createKeyResult(okr: StrategyElement, krName: string, diagnostic: Diagnostic, snippets: boolean): CodeAction[] {
        const okrDocument = this.documents.getDocument(URI.parse(okr.uri));
        const root = okrDocument?.parseResult.value.$cstNode;
        if (!okrDocument || !root) return [];
        const leaf = CstUtils.findLeafNodeAtOffset(root, okrDocument.textDocument.offsetAt(okr.nameRange.start));
        const node = leaf ? AstUtils.getContainerOfType(leaf.astNode, ast.isOkr) : undefined;
        if (!node) return [];
        const title = quotable(humanise(krName));
        const edits: FixEdit[] = snippets
            ? addSnippetProperty(okrDocument, node, `kr ${krName} "\${1:${escapeSnippet(title)}}" from \${2:baseline} to \${3:target}`, 'last')
            : addProperty(okrDocument, node, `kr ${krName} "${title}"`, 'last');
        return [quickFix(`Create key result '${krName}' in OKR '${okr.name}'`, diagnostic, okrDocument, edits)];
    }

    /**
     * `from … to …` with the baseline selected, then the target: only the strategist knows them.
     * Without snippet edits there is nothing true to insert, so no fix is offered (the finding
     * says what to write). A title missing its closing quote runs to the end of the line; the
     * quote is closed first, or the target would land inside the text.
     */
    private addTarget({ document, diagnostic, snippets }: FixContext): CodeAction[] {
        if (!snippets) return [];
        const node = nodeAt(document, diagnostic, ast.isKeyResult);
        if (!node?.$cstNode || node.baseline || node.target) return [];
        const title = GrammarUtils.findNodeForProperty(node.$cstNode, 'title');
        const after = title ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (!after) return [];
        const closeQuote = title && !isClosedString(title.text) ? title.text.charAt(0) : '';
        const position = document.textDocument.positionAt(after.end);
        return [
            quickFix(
                'Add a target: from … to …',
                diagnostic,
                document,
                [snippetEdit({ range: { start: position, end: position }, newText: `${closeQuote} from \${1:baseline} to \${2:target}` })],
                true
            )
        ];
    }
}

function byName(a: StrategyElement, b: StrategyElement): number {
    return a.name.localeCompare(b.name);
}

/**
 * A quick fix editing one document. Plain edits travel as `changes`; a fix with a snippet edit
 * needs a `TextDocumentEdit` (`documentChanges`), which only clients that said so receive.
 */
function quickFix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: FixEdit[], isPreferred = false): CodeAction {
    const uri = document.uri.toString();
    const hasSnippet = edits.some(edit => 'snippet' in edit);
    return {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: hasSnippet ? { documentChanges: [{ textDocument: { uri, version: document.textDocument.version }, edits }] } : { changes: { [uri]: edits as TextEdit[] } },
        ...(isPreferred ? { isPreferred } : {})
    };
}

/** The same edit, its new text read as a snippet. */
function snippetEdit(edit: TextEdit): SnippetTextEdit {
    return { range: edit.range, snippet: { kind: 'snippet', value: edit.newText } };
}

/** Literal text inside a snippet: `$`, `}` and `\` escaped. */
function escapeSnippet(text: string): string {
    return text.replace(/[\\$}]/g, '\\$&');
}

/** Text that can stand between double quotes: quotes, backslashes and line breaks dropped. */
function quotable(text: string): string {
    return text.replace(/["\\\r\n]+/g, ' ').trim();
}

/** The element (or key result) whose name the diagnostic sits on. */
function nodeAt<T extends AstNode>(document: LangiumDocument, diagnostic: Diagnostic, is: (node: unknown) => node is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
}

function elementAt(model: WorkspaceModel, document: LangiumDocument, diagnostic: Diagnostic): StrategyElement | undefined {
    const start = diagnostic.range.start;
    return model.elementsIn(document.uri.toString()).find(element => element.nameRange.start.line === start.line && element.nameRange.start.character === start.character);
}

function eolOf(text: string): string {
    return text.includes('\r\n') ? '\r\n' : '\n';
}

function indentationOfLine(text: string, offset: number): string {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/**
 * An edit that adds one property line to an element: into its block (first: after the line holding
 * `{`, so a trailing comment there stays put; last: above `}`), at the end of a one-line block, or in
 * a new block.
 */
export function addProperty(document: LangiumDocument, node: AstNode, property: string, where: 'first' | 'last' = 'first'): TextEdit[] {
    return addPropertyText(document, node, property, where);
}

/**
 * The same, `property` being a snippet: the edit that carries it becomes a snippet edit, the text
 * around the property in it (a new block's `}`) escaped as literal; other edits stay plain.
 */
export function addSnippetProperty(document: LangiumDocument, node: AstNode, property: string, where: 'first' | 'last' = 'first'): FixEdit[] {
    const SLOT = '\u0000';
    return addPropertyText(document, node, SLOT, where).map(edit =>
        edit.newText.includes(SLOT) ? snippetEdit({ ...edit, newText: escapeSnippet(edit.newText).replace(SLOT, property) }) : edit
    );
}

function addPropertyText(document: LangiumDocument, node: AstNode, property: string, where: 'first' | 'last'): TextEdit[] {
    const textDocument = document.textDocument;
    const text = textDocument.getText();
    const cst = node.$cstNode!;
    const eol = eolOf(text);
    const elementIndent = indentationOfLine(text, cst.offset);
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    const insert = (offset: number, newText: string): TextEdit => {
        const position = textDocument.positionAt(offset);
        return { range: { start: position, end: position }, newText };
    };
    if (open && close) {
        const beforeClose = () => [insert(close.offset, `${/[ \t]/.test(text[close.offset - 1] ?? '') ? '' : ' '}${property} `)];
        // A one-line block stays on one line: `{ level crew }` becomes `{ level crew parent Growth }`.
        if (close.range.start.line === open.range.start.line) return beforeClose();
        const afterOpen = text.slice(open.end, Math.max(open.end, lineEnd(text, open.end)));
        const firstProperty = text.slice(open.end).match(/^[^\S\r\n]*(?:\/\/[^\r\n]*)?\r?\n([ \t]*)\S/);
        const indent = firstProperty && firstProperty[1].length > elementIndent.length ? firstProperty[1] : `${elementIndent}  `;
        const closeLineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
        const aboveClose = /^[ \t]*$/.test(text.slice(closeLineStart, close.offset)) ? [insert(closeLineStart, `${indent}${property}${eol}`)] : undefined;
        if (where === 'last' && aboveClose) return aboveClose;
        // Right under `{` when nothing but a line comment follows it there (the comment stays put)…
        if (/^[ \t]*(\/\/.*)?$/.test(afterOpen)) return [insert(lineEnd(text, open.end), `${eol}${indent}${property}`)];
        // …else just above a `}` that starts its line (never inside a comment that runs on)…
        if (aboveClose) return aboveClose;
        // …else in front of the `}` itself.
        return beforeClose();
    }
    // No block: open one after the element; a trailing `// comment` stays on the line that opens it.
    const end = cst.end;
    const rest = text.slice(end, Math.max(end, lineEnd(text, end)));
    const block = `${eol}${elementIndent}  ${property}${eol}${elementIndent}}`;
    // A title missing its closing quote runs to the end of the line: close it, or the new block
    // would land inside the text.
    const title = GrammarUtils.findNodeForProperty(cst, 'title');
    const closeQuote = title && title.end === end && !isClosedString(title.text) ? title.text.charAt(0) : '';
    if (/^[ \t]*\/\//.test(rest)) return [insert(end, `${closeQuote} {`), insert(lineEnd(text, end), block)];
    return [insert(end, `${closeQuote} {${block}`)];
}

/** Offset of the end of the line that holds `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    return text[end - 1] === '\r' ? end - 1 : end;
}

function appendToFile(textDocument: TextDocument, elementText: string): TextEdit {
    const text = textDocument.getText();
    const eol = eolOf(text);
    const end = textDocument.positionAt(text.length);
    const separator = text.length === 0 ? '' : text.endsWith('\n') ? eol : eol + eol;
    return { range: { start: end, end }, newText: `${separator}${elementText.replace(/\n/g, eol)}${eol}` };
}

function stubElement(kind: ElementKind, name: string, title: string, properties: string[]): string {
    const head = `${kind} ${name} ${quoteText(title)}`;
    return properties.length ? `${head} {\n${properties.map(p => `  ${p}`).join('\n')}\n}` : head;
}

/** A name not yet taken by an element of this kind. */
function freeName(model: WorkspaceModel, kind: ElementKind, base: string): string {
    let name = base;
    for (let i = 2; model.get(kind, name); i++) name = `${base}${i}`;
    return name;
}

/** `EarlyExperience` → `Early experience`: a readable placeholder title. */
export function humanise(name: string): string {
    const words = name
        .replace(/_/g, ' ')
        .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
        .trim();
    return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
