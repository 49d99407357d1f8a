/**
 * Completion for EOS. Langium already proposes the keywords the grammar allows at the cursor and
 * the names of the reference's type (scoping is typed: after `bet` only bets, after `supports`
 * bets, themes, initiatives, OKRs and `Okr.Kr`). This adds what a strategist needs to choose:
 * each name's title as detail, status and level values with what they mean, and one template
 * per element kind where a new element may start — and keeps completion from fighting typing:
 * no list after a finished value, a list by itself where a name or value is expected.
 */
import {
    AstUtils,
    GrammarAST,
    GrammarUtils,
    URI,
    isCompositeCstNode,
    type CstNode,
    type LeafCstNode,
    type MaybePromise,
    type AstNodeDescription,
    type LangiumDocument,
    type LangiumDocuments,
    type ReferenceInfo,
    type Stream
} from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as ast from '../generated/ast.js';
import {
    DefaultCompletionProvider,
    type CompletionAcceptor,
    type CompletionContext,
    type CompletionProviderOptions,
    type CompletionValueItem,
    type NextFeature
} from 'langium/lsp';
import {
    CompletionItemKind,
    CompletionList,
    CompletionTriggerKind,
    InsertTextFormat,
    type CancellationToken,
    type CompletionParams,
    type InitializeParams
} from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import { KIND_LABEL, type ElementKind, type StrategyElement } from '../model/elements.js';
import { parentsOf } from '../model/trace.js';
import { todayIso } from '../model/dates.js';
import type { WorkspaceModel } from '../model/workspace-model.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { answerOr } from '../helpers/answer-or.js';
import { VALUE_CONCEPTS } from '../documentation/glossary.js';
import { allOf, isValueRule, KIND_OF_AST_TYPE, kindOfAstType, VALUE_RULE_WORDS, type ValueRule } from '../model/vocabulary.js';
import { elementTemplates, templateKindLabel, type ElementTemplate } from '../editing/element-templates.js';

/** Order of kinds in the list where one reference may name several (`supports`). */
const KIND_ORDER: readonly ElementKind[] = allOf<ElementKind>()([
    'bet',
    'theme',
    'okr',
    'kr',
    'initiative',
    'vision',
    'stream',
    'team',
    'value',
    'practice',
    'tenet',
    'authority',
    'decision'
]);

/** VS Code's command that opens the suggestion list; run after a keyword that a name or value follows. */
const TRIGGER_SUGGEST = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export class EosCompletionProvider extends DefaultCompletionProvider {
    private readonly strategy: StrategyWorkspace;

    /**
     * `.` lists an OKR's key results; a space lists names or values where the keyword just typed
     * expects one (`supports `, `status `) — and nothing anywhere else, so the list never opens
     * by itself after a finished value (see {@link getCompletion}).
     */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.', ' '] };

    private readonly documents: LangiumDocuments;

    /** Keywords that a name or a value follows (`bet`, `supports`, `status`, `level`…), from the grammar. */
    private readonly keywordsBeforeValue: ReadonlySet<GrammarAST.Keyword>;

    /** Whether the client is VS Code, which knows the command that reopens the list. */
    private clientIsVsCode = false;

    constructor(services: EosServices) {
        super(services);
        this.strategy = services.eos.StrategyWorkspace;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.keywordsBeforeValue = keywordsBeforeValue(services.Grammar);
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.clientIsVsCode = /visual studio code|vscode|code-server|code - oss/i.test(params.clientInfo?.name ?? '');
    }

    /**
     * Langium re-parses everything before the cursor to learn what may follow, so completion
     * slows down with the size of the file. Top-level elements do not depend on each other, so
     * parsing from the start of the element at the cursor gives the same answer at a cost that
     * depends on that element only.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const start = this.elementStartBefore(document, offset);
        if (start <= 0) return super.findFeaturesAt(document, offset);
        const slice = TextDocument.create(document.uri, document.languageId, document.version, document.getText().slice(start, offset));
        return super.findFeaturesAt(slice, offset - start);
    }

    /** Offset where the last top-level element starting before `offset` starts (0 if none, or if the parse is not of this very text). */
    private elementStartBefore(document: TextDocument, offset: number): number {
        const parsed = this.documents.getDocument(URI.parse(document.uri));
        if (parsed?.textDocument !== document) return 0;
        const root = parsed.parseResult.value;
        if (!ast.isModel(root)) return 0;
        let start = 0;
        for (const element of root.elements) {
            const elementStart = element.$cstNode?.offset;
            if (elementStart === undefined || elementStart >= offset) break;
            start = elementStart;
        }
        return start;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (this.isInComment(document, document.textDocument.offsetAt(params.position))) return CompletionList.create([], false);
        // A half-typed document can confuse the completion parser; offer nothing rather than fail the request.
        const list = await answerOr(CompletionList.create([], true), () => super.getCompletion(document, params, cancelToken), 'completion');
        if (!list || !isSpaceTrigger(params)) return list;
        // Opened by a typed space: only where a name or value is expected. After `current 52% ` a
        // list of keywords would turn the next Enter into `kr`.
        const items = list.items.filter(item => item.kind !== CompletionItemKind.Keyword && item.kind !== CompletionItemKind.Snippet);
        return CompletionList.create(items, list.isIncomplete && items.length > 0);
    }

    /**
     * Langium also proposes what may follow a token the cursor touches, unless it ends in a
     * letter. EOS values end in digits, `%` or quotes (`current 52%`, `"…"`, `2026-Q1`), and what
     * follows them needs a space first: proposing `kr` there is how `52%kr` got written. Only
     * after `,` (another name) and `{` (a property) does the next thing start at once.
     */
    protected override performNextTokenCompletion(_document: LangiumDocument, text: string): boolean {
        return /[,{]$/.test(text);
    }

    /**
     * Nothing is proposed where a new element's name goes: the grammar lets value words (`doing`,
     * `crew`) be names, and offering them would turn the name being typed into a status.
     */
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isKeyword(next.feature) && next.property === 'name') return;
        return super.completionFor(context, next, acceptor);
    }

    /**
     * After some syntax errors the node at the cursor is not the element whose property is being
     * written: completing `stream ` may find a team there. Langium would then ask which elements a
     * team's `stream` may name, fail, log a stack trace and offer nothing (found by the fuzzer,
     * test/fuzz/regressions/services-a79a81da253d.json). Complete as for a new element of the
     * grammar rule that holds the property, as Langium does when a rule has just begun.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (
            !next.type &&
            context.node &&
            assignment &&
            rule &&
            this.astReflection.getTypeMetaData(context.node.$type).properties[assignment.feature]?.referenceType === undefined
        ) {
            return super.completionForCrossReference(context, { ...next, type: GrammarUtils.getTypeName(rule) }, acceptor);
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    /**
     * True inside a comment: words typed there are prose, not names. (Langium completes by grammar
     * position and would offer names; inside an unclosed `/*` the grammar position is a guess.)
     */
    protected isInComment(document: LangiumDocument, offset: number): boolean {
        const root = document.parseResult.value.$cstNode;
        return root !== undefined && commentAround(root, offset);
    }

    /**
     * Nothing that would make an element reach itself: not the element, not its own key results,
     * not anything below it (an OKR supporting this one, a team inside this team), since naming
     * any of them closes a cycle (`alignment-cycle`).
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const self = AstUtils.getContainerOfType(refInfo.container, ast.isElement);
        const model = this.strategy.model;
        const selfElement = self?.name ? model.get(KIND_OF_AST_TYPE[self.$type], self.name) : undefined;
        const below = selfElement ? elementsBelow(model, selfElement) : undefined;
        return super.getReferenceCandidates(refInfo, context).filter(candidate => {
            if (!self) return true;
            if (candidate.type === self.$type && candidate.name === self.name) return false;
            if (candidate.type === 'KeyResult' && self.$type === 'Okr' && candidate.name.startsWith(`${self.name}.`)) return false;
            const kind = kindOfAstType(candidate.type);
            const element = kind && below?.size ? model.get(kind, candidate.name) : undefined;
            return !element || !below!.has(element);
        });
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const kind = kindOfAstType(description.type);
        if (!kind) return item;
        const element = this.strategy.model.get(kind, description.name);
        return {
            ...item,
            detail: element?.title ?? KIND_LABEL[kind],
            labelDetails: { description: KIND_LABEL[kind] },
            sortText: `0${String(KIND_ORDER.indexOf(kind)).padStart(2, '0')}${description.name}`
        };
    }

    /**
     * One item per keyword: a value (with what it means), a template where the keyword starts an
     * element (instead of the bare keyword, so no kind is listed twice), or the keyword — followed
     * by a space and the list of names or values where one is expected.
     */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const values = rule && isValueRule(rule.name) ? VALUE_CONCEPTS[rule.name] : undefined;
        if (values) {
            const meaning: string | undefined = (values.values as Record<string, string>)[keyword.value];
            const order = (VALUE_RULE_WORDS[rule!.name as ValueRule] as readonly string[]).indexOf(keyword.value);
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.EnumMember,
                detail: values.label,
                ...(meaning ? { labelDetails: { description: meaning }, documentation: { kind: 'markdown', value: `**${keyword.value}** — ${meaning}` } } : {}),
                sortText: `0${String(Math.max(order, 0)).padStart(2, '0')}`
            });
            return;
        }
        const template =
            rule && startsRule(keyword, rule) && this.clientCapabilities?.completionItem?.snippetSupport !== false
                ? this.templates().find(t => t.keyword === keyword.value)
                : undefined;
        if (template) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.Snippet,
                detail: template.detail,
                labelDetails: { description: `new ${templateKindLabel(keyword.value)}` },
                documentation: { kind: 'markdown', value: '```eos\n' + previewOf(template.body) + '\n```' + (template.legend ? `\n\n${template.legend}` : '') },
                insertText: template.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2'
            });
            return;
        }
        const opensList = this.keywordsBeforeValue.has(keyword);
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: 'keyword',
            sortText: '1',
            ...(opensList ? { insertText: `${keyword.value} `, ...(this.clientIsVsCode ? { command: TRIGGER_SUGGEST } : {}) } : {})
        });
    }

    /** The templates for this workspace and today. */
    private templates(): ElementTemplate[] {
        const model = this.strategy.model;
        return elementTemplates({
            today: this.strategy.today ?? todayIso(),
            namesOf: kind => model.namesOf(kind).sort()
        });
    }
}

/** Whether the request comes from a typed space (a trigger character). */
function isSpaceTrigger(params: CompletionParams): boolean {
    return params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' ';
}

/** Keywords directly followed by a cross-reference or a value list in the grammar. */
function keywordsBeforeValue(grammar: GrammarAST.Grammar): Set<GrammarAST.Keyword> {
    const result = new Set<GrammarAST.Keyword>();
    for (const keyword of AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword)) {
        const group: unknown = keyword.$container;
        if (!GrammarAST.isGroup(group)) continue;
        const next = group.elements[group.elements.indexOf(keyword) + 1];
        if (!next || !GrammarAST.isAssignment(next)) continue;
        const terminal = next.terminal;
        if (GrammarAST.isCrossReference(terminal)) result.add(keyword);
        else if (GrammarAST.isRuleCall(terminal) && terminal.rule.ref && isValueRule(terminal.rule.ref.name)) result.add(keyword);
    }
    return result;
}

/**
 * Elements below `element` in the tree: those whose chain up leads to it (its key results, the
 * OKRs and key results that support it, teams inside it, values that extend it). Naming one of
 * them as the element's own link would close a cycle.
 */
function elementsBelow(model: WorkspaceModel, element: StrategyElement): Set<StrategyElement> {
    const below = new Set<StrategyElement>();
    const queue = [element];
    while (queue.length) {
        const current = queue.pop()!;
        const children = [
            ...model
                .incoming(current)
                .filter(entry => parentsOf(model, entry.source).includes(current))
                .map(entry => entry.source),
            ...(current.kind === 'okr' ? (current.keyResults ?? []).map(name => model.get('kr', name)).filter((kr): kr is StrategyElement => kr !== undefined) : [])
        ];
        for (const child of children) {
            if (child === element || below.has(child)) continue;
            below.add(child);
            queue.push(child);
        }
    }
    return below;
}

/** A template as the text it inserts when tabbed through: for the list's preview. */
export function previewOf(body: string): string {
    let text = body;
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{\d+\|((?:\\.|[^|,\\])*)(?:,(?:\\.|[^|\\])*)?\|\}/g, '$1').replace(/\$\{\d+:([^${}]*)\}/g, '$1');
    }
    return text.replace(/\$\d+/g, '').replace(/\\([\\$}|,])/g, '$1');
}

/** Whether the keyword is the first thing its rule reads, i.e. it starts a new element. */
function startsRule(keyword: GrammarAST.Keyword, rule: GrammarAST.ParserRule): boolean {
    const definition = rule.definition;
    return definition === keyword || (GrammarAST.isGroup(definition) && definition.elements[0] === keyword);
}

/**
 * Looks for a comment token around `offset`. Not `CstUtils.findLeafNodeAtOffset`: a composite
 * node's range leaves out comments at its edges, so a binary search over ranges can miss them.
 * Here a composite child is searched whenever the offset lies between its neighbours.
 */
function commentAround(node: CstNode, offset: number): boolean {
    if (!isCompositeCstNode(node)) {
        if (!node.hidden) return false;
        const type = (node as LeafCstNode).tokenType?.name;
        if (type === 'SL_COMMENT') return node.offset < offset && offset <= node.end;
        return type === 'ML_COMMENT' && node.offset < offset && offset < node.end;
    }
    const children = node.content;
    for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (!isCompositeCstNode(child)) {
            if (commentAround(child, offset)) return true;
            continue;
        }
        const after = i > 0 ? children[i - 1].end : Number.NEGATIVE_INFINITY;
        const before = i + 1 < children.length ? children[i + 1].offset : Number.POSITIVE_INFINITY;
        if (offset >= after && offset <= before && commentAround(child, offset)) return true;
    }
    return false;
}
