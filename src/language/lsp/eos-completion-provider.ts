/**
 * Completion for EOS. Langium already proposes the keywords the grammar allows at the cursor and
 * the names of the reference's type (scoping is typed: after `bet` only bets, after `supports`
 * bets, themes, initiatives, OKRs and `Okr.Kr`). This adds what a strategist needs to choose:
 * each name's title as detail, status and level values marked as values, and one snippet per
 * element kind where a new element may start.
 */
import { AstUtils, GrammarAST, GrammarUtils, URI, isCompositeCstNode, type CstNode, type LeafCstNode, type MaybePromise, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type ReferenceInfo, type Stream } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as ast from '../generated/ast.js';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, CompletionList, InsertTextFormat, type CancellationToken, type CompletionParams } from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import { KIND_LABEL, type ElementKind } from '../model/elements.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { answerOr } from '../helpers/answer-or.js';

/** AST type of a reference target → model kind. */
const KIND_OF_TYPE: Record<string, ElementKind> = {
    Vision: 'vision', Theme: 'theme', Bet: 'bet', Stream: 'stream', Initiative: 'initiative',
    Okr: 'okr', KeyResult: 'kr', Team: 'team', Value: 'value', Practice: 'practice', Tenet: 'tenet',
    Authority: 'authority', Decision: 'decision'
};

/** Value lists of the grammar, by the data type rule that declares them. */
const VALUE_RULES: Record<string, string> = {
    KanbanStatus: 'initiative status (portfolio kanban)',
    BetStatus: 'bet status',
    Verdict: 'evidence verdict',
    Level: 'team level'
};

const BET_STATUS = 'proposed,active,validated,invalidated,stopped';
const KANBAN_STATUS = 'funnel,reviewing,analyzing,ready,doing,done,stopped';
const LEVELS = 'company,division,function,stream,crew,pod,team';

/** One snippet per element kind: the shape of a good element, with placeholders to tab through. */
export const ELEMENT_SNIPPETS: Record<string, { detail: string; body: string }> = {
    vision: { detail: 'new vision: the long-term aspiration', body: 'vision ${1:Name} "${2:Where we want to be in five years}"' },
    theme: {
        detail: 'new strategic theme: what matters most now',
        body: 'theme ${1:Name} "${2:Outcome that matters most now}" {\n  vision ${3:Vision}\n  horizon ${4:2026}\n}'
    },
    bet: {
        detail: 'new bet: a hypothesis about where to invest',
        body: 'bet ${1:Name} "${2:Title}" {\n  serves ${3:Theme}\n  hypothesis "If ${4:we invest here}, ${5:we expect this outcome}"\n  status ${6|' + BET_STATUS + '|}\n}'
    },
    stream: { detail: 'new value stream with a WIP limit', body: 'stream ${1:Name} "${2:Title}" { wip ${3:3} }' },
    initiative: {
        detail: 'new initiative: an experiment that expresses a bet',
        body: 'initiative ${1:Name} "${2:Title}" {\n  bet ${3:Bet}\n  stream ${4:Stream}\n  owner ${5:Team}\n  status ${6|' + KANBAN_STATUS + '|}\n'
            + '  hypothesis "${7:What we believe this work will change}"\n  success "${8:Signal that it works}"\n  failure "${9:Signal to stop}"\n}'
    },
    okr: {
        detail: 'new OKR: an objective with a measurable key result',
        body: 'okr ${1:Name} "${2:Objective}" {\n  owner ${3:Team}\n  period ${4:2026-Q1}\n  supports ${5:Bet}\n  kr ${6:Result} "${7:Key result}" from ${8:0} to ${9:10}\n}'
    },
    team: { detail: 'new team with its level', body: 'team ${1:Name} "${2:Title}" { level ${3|' + LEVELS + '|} }' },
    value: { detail: 'new value: a principle', body: 'value ${1:Name} "${2:Principle}"' },
    practice: {
        detail: 'new practice: how a team lives a value',
        body: 'practice ${1:Name} "${2:Ritual}" {\n  embodies ${3:Value}\n  owner ${4:Team}\n}'
    },
    tenet: {
        detail: 'new decision tenet: a trade-off',
        body: 'tenet ${1:Name} {\n  when "${2:situation}"\n  choose "${3:this}" over "${4:that}"\n  because "${5:rationale}"\n  upholds ${6:Value}\n}'
    },
    authority: {
        detail: 'new decision rights: who decides a type of decision',
        body: 'authority ${1:Name} "${2:Type of decision}" {\n  decided by level ${3|' + LEVELS + '|}\n  escalate when "${4:trigger}" to ${5:Team}\n  applies ${6:Value}\n}'
    },
    decision: {
        detail: 'new decision record: dated, owned, citing its tenets',
        body: 'decision ${1:Name} "${2:What was decided}" {\n  date ${3:2026-01-15}\n  type ${4:Authority}\n  owner ${5:Team}\n  concerns ${6:Initiative}\n  follows ${7:Tenet}\n}'
    }
};

/** Order of kinds in the list where one reference may name several (`supports`). */
const KIND_ORDER: ElementKind[] = ['bet', 'theme', 'okr', 'kr', 'initiative', 'vision', 'stream', 'team', 'value', 'practice', 'tenet', 'authority', 'decision'];

export class EosCompletionProvider extends DefaultCompletionProvider {
    private readonly strategy: StrategyWorkspace;

    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };

    private readonly documents: LangiumDocuments;

    constructor(services: EosServices) {
        super(services);
        this.strategy = services.eos.StrategyWorkspace;
        this.documents = services.shared.workspace.LangiumDocuments;
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
        return answerOr(CompletionList.create([], true), () => super.getCompletion(document, params, cancelToken));
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
        if (!next.type && context.node && assignment && rule
            && this.astReflection.getTypeMetaData(context.node.$type).properties[assignment.feature]?.referenceType === undefined) {
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

    /** An element never refers to itself (an OKR supporting itself is a cycle), so it is not offered. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const self = AstUtils.getContainerOfType(refInfo.container, ast.isElement);
        return super.getReferenceCandidates(refInfo, context)
            .filter(candidate => !self || candidate.type !== self.$type || candidate.name !== self.name);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const kind = KIND_OF_TYPE[description.type];
        if (!kind) return item;
        const element = this.strategy.model.get(kind, description.name);
        return {
            ...item,
            detail: element?.title ?? KIND_LABEL[kind],
            labelDetails: { description: KIND_LABEL[kind] },
            sortText: `0${String(KIND_ORDER.indexOf(kind)).padStart(2, '0')}${description.name}`
        };
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const valueOf = rule ? VALUE_RULES[rule.name] : undefined;
        if (valueOf) {
            acceptor(context, { label: keyword.value, kind: CompletionItemKind.EnumMember, detail: valueOf, sortText: '0' });
            return;
        }
        acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: 'keyword', sortText: '1' });
        const snippet = ELEMENT_SNIPPETS[keyword.value];
        if (snippet && rule && startsRule(keyword, rule) && this.clientCapabilities?.completionItem?.snippetSupport !== false) {
            acceptor(context, {
                label: keyword.value,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                insertText: this.withExistingNames(snippet.body),
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2'
            });
        }
    }

    /** A reference placeholder becomes a choice of the workspace's names of that kind, where there are any. */
    private withExistingNames(body: string): string {
        return body.replace(REFERENCE_PLACEHOLDER, (placeholder, index: string, kindName: string) => {
            const names = this.strategy.model.namesOf(kindName.toLowerCase() as ElementKind).sort().slice(0, MAX_CHOICES);
            return names.length ? `\${${index}|${names.join(',')}|}` : placeholder;
        });
    }
}

/** Placeholders that name another element, by the kind they name. */
const REFERENCE_PLACEHOLDER = /\$\{(\d+):(Vision|Theme|Bet|Stream|Team|Value)\}/g;

/** How many existing names a snippet placeholder offers to choose from. */
const MAX_CHOICES = 12;

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
