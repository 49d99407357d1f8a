/**
 * Rename across the workspace for every kind of element, including the parts of `Okr.Kr`:
 * renaming a key result changes only the `Kr` part of each `Okr.Kr`, renaming an OKR changes its
 * references and the `Okr` prefixes. A rename that would produce text EOS reads differently (not
 * a name, a keyword, a name already taken) is refused with a message saying why, before anything
 * is changed.
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, TextEdit, type CancellationToken, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import { isKeyResult } from '../generated/ast.js';
import { KIND_LABEL, type ElementKind, type StrategyElement } from '../model/elements.js';
import { LINK_TARGETS } from '../model/extract.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { elementOfNode } from '../model/element-of-node.js';
import { kindOfAstType } from '../model/vocabulary.js';
import { isName } from '../grammar/names.js';
import { reportCaught } from '../helpers/answer-or.js';

export class EosRenameProvider extends DefaultRenameProvider {
    protected readonly strategy: StrategyWorkspace;
    /** Every keyword of the language, and the ones that the grammar still accepts as names. */
    protected readonly keywords: ReadonlySet<string>;
    protected readonly keywordsUsableAsNames: ReadonlySet<string>;

    constructor(services: EosServices) {
        super(services);
        this.strategy = services.eos.StrategyWorkspace;
        const grammar = services.Grammar;
        this.keywords = new Set(
            AstUtils.streamAllContents(grammar)
                .filter(GrammarAST.isKeyword)
                .map(keyword => keyword.value)
        );
        const nameRule = grammar.rules.find(rule => rule.name === 'Name');
        this.keywordsUsableAsNames = nameRule ? keywordsOf(nameRule) : new Set();
    }

    override async rename(document: LangiumDocument, params: RenameParams, _cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.safely(() => this.targetAt(document, params.position));
        if (!target) return undefined;
        const problem = this.problemWith(target, params.newName);
        if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
        return this.safely(() => this.edits(target, params.newName));
    }

    override prepareRename(document: LangiumDocument, params: PrepareRenameParams, cancelToken?: CancellationToken): Range | undefined {
        const range = this.safely(() => super.prepareRename(document, params, cancelToken) as Range | undefined);
        if (range) return range;
        const unresolved = this.safely(() => this.unresolvedAt(document, params.position));
        if (unresolved) {
            throw new ResponseError(ErrorCodes.InvalidRequest, `Nothing is named '${unresolved}', so there is nothing to rename. Fix the name or create the element first.`);
        }
        return undefined;
    }

    /** The element whose name or reference is at the position. */
    protected targetAt(document: LangiumDocument, position: RenameParams['position']): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Why `newName` cannot replace the target's name, or undefined if it can. */
    protected problemWith(target: AstNode, newName: string): string | undefined {
        const kind = kindOfAstType(target.$type);
        if (!isName(newName)) {
            return `'${newName}' is not a valid name: a name starts with a letter or '_' and continues with letters, digits or '_' (no spaces, dots or dashes).`;
        }
        if (this.keywords.has(newName) && !this.keywordsUsableAsNames.has(newName)) {
            return `'${newName}' is an EOS keyword and cannot be used as a name.`;
        }
        if (!kind) return undefined;
        const model = this.strategy.model;
        const self = elementOfNode(model, target);
        const others = (k: ElementKind, name: string) => model.named(k, name).filter(element => element !== self);
        if (isKeyResult(target)) {
            const okr = target.$container.name;
            const taken = others('kr', `${okr}.${newName}`)[0];
            return taken ? `Objective '${okr}' already has a key result named '${newName}' (${where(taken)}).` : undefined;
        }
        const taken = others(kind, newName)[0];
        if (taken) return `A ${KIND_LABEL[kind]} named '${newName}' already exists (${where(taken)}). Names are unique per kind; choose another name.`;
        // `supports X` looks X up among several kinds: sharing a name with one of them would change what it means.
        const alignable = LINK_TARGETS.supports;
        if (alignable.includes(kind)) {
            const rival = alignable.filter(k => k !== kind).flatMap(k => others(k, newName))[0];
            if (rival) return `A ${KIND_LABEL[rival.kind]} is already named '${newName}' (${where(rival)}); \`supports ${newName}\` could then mean either. Choose another name.`;
        }
        return undefined;
    }

    /** One edit per occurrence: the declaration's name and every reference (or reference part). */
    protected edits(target: AstNode, newName: string): WorkspaceEdit {
        const changes: Record<string, TextEdit[]> = {};
        const seen = new Set<string>();
        for (const reference of this.references.findReferences(target, { includeDeclaration: true })) {
            const uri = reference.sourceUri.toString();
            const key = `${uri}@${reference.segment.offset}`;
            if (seen.has(key)) continue;
            seen.add(key);
            (changes[uri] ??= []).push(TextEdit.replace(reference.segment.range, newName));
        }
        return { changes };
    }

    /** The text of an unresolved reference at the position, if there is one. */
    protected unresolvedAt(document: LangiumDocument, position: RenameParams['position']): string | undefined {
        const offset = document.textDocument.offsetAt(position);
        for (const reference of document.references) {
            const node = reference.$refNode;
            if (node && node.offset <= offset && offset <= node.end && !('ref' in reference && reference.ref)) return reference.$refText;
        }
        return undefined;
    }

    /** Rename must never take the editor down: anything unexpected becomes "cannot rename here". */
    protected safely<T>(compute: () => T): T | undefined {
        try {
            return compute();
        } catch (error) {
            if (error instanceof ResponseError) throw error;
            reportCaught('rename', error);
            return undefined;
        }
    }
}

function where(element: StrategyElement): string {
    const file = element.uri.split('/').pop() ?? element.uri;
    return `${file}:${element.nameRange.start.line + 1}`;
}

/** Keywords a datatype rule accepts, following the rules it calls. */
function keywordsOf(rule: GrammarAST.AbstractRule, seen = new Set<GrammarAST.AbstractRule>()): Set<string> {
    const result = new Set<string>();
    if (seen.has(rule)) return result;
    seen.add(rule);
    for (const node of AstUtils.streamAllContents(rule)) {
        if (GrammarAST.isKeyword(node)) result.add(node.value);
        else if (GrammarAST.isRuleCall(node) && node.rule.ref && GrammarAST.isParserRule(node.rule.ref)) {
            for (const keyword of keywordsOf(node.rule.ref, seen)) result.add(keyword);
        }
    }
    return result;
}
