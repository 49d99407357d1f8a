/**
 * Quick fixes for the strategy debugger's findings where the fix is mechanical: link an orphan
 * to something above it, replace a misspelt name, create what is missing, give a key result a
 * target. Every edit only inserts text (or replaces the one misspelt name), so nothing the user
 * wrote is lost, and it fits the element whether it has a `{ }` block or not.
 */
import { AstUtils, CstUtils, GrammarUtils, URI, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EosServices } from '../eos-module.js';
import { isClosedString } from '../grammar/eos-value-converter.js';
import * as ast from '../generated/ast.js';
import { KIND_LABEL, linksOf, type ElementKind, type StrategyElement } from '../model/elements.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';

/** How many "link to …" alternatives one finding offers; more would bury the best ones. */
export const MAX_LINK_ACTIONS = 8;

const CLOSED_BET_STATUS = new Set(['stopped', 'invalidated']);

interface FixContext {
    document: LangiumDocument;
    diagnostic: Diagnostic;
    model: WorkspaceModel;
}

export class EosCodeActionProvider implements CodeActionProvider {
    private readonly strategy: StrategyWorkspace;
    private readonly documents: LangiumDocuments;

    constructor(services: EosServices) {
        this.strategy = services.eos.StrategyWorkspace;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                actions.push(...this.fixesFor({ document, diagnostic, model: this.strategy.model }));
            } catch {
                // A fix we cannot compute is simply not offered; the request must not fail.
            }
        }
        return actions;
    }

    private fixesFor(context: FixContext): CodeAction[] {
        const code = (context.diagnostic.data as { code?: unknown } | undefined)?.code ?? context.diagnostic.code;
        switch (code) {
            case 'orphan-initiative': return this.linkOrphanInitiative(context);
            case 'orphan-bet': return this.linkOrphanBet(context);
            case 'unaligned-okr': return this.alignOkr(context);
            case 'unresolved-reference': return this.fixUnresolved(context);
            case 'kr-not-measurable': return this.addTarget(context);
            default: return [];
        }
    }

    private linkOrphanInitiative({ document, diagnostic, model }: FixContext): CodeAction[] {
        const node = nodeAt(document, diagnostic, ast.isInitiative);
        const initiative = elementAt(model, document, diagnostic);
        if (!node || !initiative) return [];
        const stream = linksOf(initiative, 'stream')[0]?.target;
        const ranked = model.ofKind('bet')
            .filter(bet => !CLOSED_BET_STATUS.has(bet.status ?? ''))
            .map(bet => ({ bet, shared: !!stream && linksOf(bet, 'streams').some(link => link.target === stream) }))
            .sort((a, b) => Number(b.shared) - Number(a.shared) || a.bet.name.localeCompare(b.bet.name));
        const actions = ranked.slice(0, MAX_LINK_ACTIONS).map(({ bet, shared }, index) => quickFix(
            `Link to bet '${bet.name}'${shared ? ` (spans stream ${stream})` : ''}`,
            diagnostic, document, addProperty(document, node, `bet ${bet.name}`), index === 0 && shared));
        const stubName = freeName(model, 'bet', `${initiative.name}Bet`);
        const stub = stubElement('bet', stubName, initiative.title ?? humanise(stubName),
            [`hypothesis "If ${initiative.title ? lowerFirst(initiative.title) : 'this works'}, we expect …"`]);
        actions.push(quickFix(`Create bet '${stubName}' for this initiative`, diagnostic, document,
            [...addProperty(document, node, `bet ${stubName}`), appendToFile(document.textDocument, stub)]));
        return actions;
    }

    private linkOrphanBet({ document, diagnostic, model }: FixContext): CodeAction[] {
        const node = nodeAt(document, diagnostic, ast.isBet);
        if (!node) return [];
        return model.ofKind('theme')
            .sort((a, b) => a.name.localeCompare(b.name))
            .slice(0, MAX_LINK_ACTIONS)
            .map(theme => quickFix(`Serve theme '${theme.name}'${theme.title ? ` (${theme.title})` : ''}`, diagnostic, document,
                addProperty(document, node, `serves ${theme.name}`)));
    }

    private alignOkr({ document, diagnostic, model }: FixContext): CodeAction[] {
        const node = nodeAt(document, diagnostic, ast.isOkr);
        if (!node) return [];
        const bets = model.ofKind('bet').filter(bet => !CLOSED_BET_STATUS.has(bet.status ?? '')).sort(byName);
        const themes = model.ofKind('theme').sort(byName);
        return [...bets, ...themes]
            .slice(0, MAX_LINK_ACTIONS)
            .map(target => quickFix(`Support ${KIND_LABEL[target.kind]} '${target.name}'`, diagnostic, document,
                addProperty(document, node, `supports ${target.name}`)));
    }

    private fixUnresolved({ document, diagnostic, model }: FixContext): CodeAction[] {
        const data = diagnostic.data as { name?: string; kinds?: ElementKind[]; suggestions?: string[] } | undefined;
        const actions = (data?.suggestions ?? []).map((suggestion, index) => quickFix(
            `Replace with '${suggestion}'`, diagnostic, document, [{ range: diagnostic.range, newText: suggestion }], index === 0));
        const name = data?.name;
        const kind = data?.kinds?.find(k => k !== 'kr');
        // A qualified `Okr.Kr` name cannot be created on its own: its OKR must hold it.
        if (name && kind && /^[_\p{L}][\p{L}\p{N}_]*$/u.test(name)) {
            actions.push(quickFix(`Create ${KIND_LABEL[kind]} '${name}' in this file`, diagnostic, document,
                [appendToFile(document.textDocument, stubElement(kind, name, humanise(name), []))]));
        }
        const qualified = name ? /^([_\p{L}][\p{L}\p{N}_]*)\.([_\p{L}][\p{L}\p{N}_]*)$/u.exec(name) : null;
        const okr = qualified ? model.get('okr', qualified[1]) : undefined;
        if (qualified && okr && data?.kinds?.includes('kr')) actions.push(...this.createKeyResult(okr, qualified[2], diagnostic));
        return actions;
    }

    /** `supports Okr.Missing` where the OKR exists: add the key result to that OKR, in whichever file holds it. */
    private createKeyResult(okr: StrategyElement, krName: string, diagnostic: Diagnostic): CodeAction[] {
        const okrDocument = this.documents.getDocument(URI.parse(okr.uri));
        const root = okrDocument?.parseResult.value.$cstNode;
        if (!okrDocument || !root) return [];
        const leaf = CstUtils.findLeafNodeAtOffset(root, okrDocument.textDocument.offsetAt(okr.nameRange.start));
        const node = leaf ? AstUtils.getContainerOfType(leaf.astNode, ast.isOkr) : undefined;
        if (!node) return [];
        return [quickFix(`Create key result '${krName}' in OKR '${okr.name}'`, diagnostic, okrDocument,
            addProperty(okrDocument, node, `kr ${krName} "${humanise(krName)}" from 0 to 100`, 'last'))];
    }

    private addTarget({ document, diagnostic }: FixContext): CodeAction[] {
        const node = nodeAt(document, diagnostic, ast.isKeyResult);
        if (!node?.$cstNode || node.baseline || node.target) return [];
        const after = GrammarUtils.findNodeForProperty(node.$cstNode, 'title') ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
        if (!after) return [];
        const unit = node.current?.percent ? '%' : '';
        const position = document.textDocument.positionAt(after.end);
        return [quickFix(`Add a target: from 0${unit} to 100${unit}`, diagnostic, document,
            [{ range: { start: position, end: position }, newText: ` from 0${unit} to 100${unit}` }], true)];
    }
}

function byName(a: StrategyElement, b: StrategyElement): number {
    return a.name.localeCompare(b.name);
}

function quickFix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], isPreferred = false): CodeAction {
    return {
        title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
        edit: { changes: { [document.uri.toString()]: edits } },
        ...(isPreferred ? { isPreferred } : {})
    };
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
    return model.elementsIn(document.uri.toString())
        .find(element => element.nameRange.start.line === start.line && element.nameRange.start.character === start.character);
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
    const head = `${kind} ${name} "${title.replace(/["\\]/g, '')}"`;
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
    const words = name.replace(/_/g, ' ').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').trim();
    return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

function lowerFirst(text: string): string {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
