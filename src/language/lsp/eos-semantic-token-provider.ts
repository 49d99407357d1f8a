/**
 * Semantic tokens, so colours carry meaning: element names by kind (see {@link KIND_PRESENTATION}
 * for the mapping) with `declaration` where they are declared, references by the kind they
 * resolve to (the two parts of `Okr.Kr` separately; unresolved names stay uncoloured), dates,
 * periods and horizons as `event` (points and spans in time), metrics (`40%`, `12 days`, `wip 2`)
 * as `number`, status, level and verdict values as `enumMember`, doc comments as `comment` +
 * `documentation`, other keywords, texts and comments as `keyword`, `string` and `comment`.
 */
import { CstUtils, GrammarAST, isLeafCstNode, isOperationCancelled, isReference, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken } from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import { isHorizon, isKeyResult, isMeasure } from '../generated/ast.js';
import { assignmentOf } from '../grammar/grammar-assignment.js';
import { kindOfAstType } from '../model/vocabulary.js';
import { KIND_PRESENTATION } from '../helpers/kind-presentation.js';
import { reportCaught } from '../helpers/answer-or.js';

interface TokenClass {
    type: string;
    modifiers?: readonly string[];
}

const TIME_FEATURES = new Set(['period', 'updated', 'date']);
const VALUE_FEATURES = new Set(['status', 'level', 'verdict']);

export class EosSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(services: EosServices) {
        super(services);
    }

    /** Tokens come from {@link computeHighlighting}, which walks tokens rather than AST nodes. */
    protected highlightElement(): 'prune' {
        return 'prune';
    }

    /**
     * Walks the leaves of the syntax tree in text order (as the token encoding requires), so
     * comments and the parts of qualified names are coloured too. A failure on a broken document
     * leaves the tokens found so far rather than failing the request.
     */
    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, _cancelToken: CancellationToken): Promise<void> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return;
        try {
            // A range request (the visible part of the editor) classifies only the leaves it shows.
            const startOffset = this.currentRange ? document.textDocument.offsetAt(this.currentRange.start) : 0;
            const endOffset = this.currentRange ? document.textDocument.offsetAt(this.currentRange.end) : Number.POSITIVE_INFINITY;
            for (const leaf of CstUtils.flattenCst(root)) {
                if (leaf.end < startOffset) continue;
                if (leaf.offset > endOffset) break;
                const token = this.classify(leaf);
                if (token) acceptor({ range: leaf.range, type: token.type, modifier: token.modifiers ? [...token.modifiers] : [] });
            }
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            reportCaught('semantic tokens', error);
        }
    }

    /** The token type of one leaf of the syntax tree, or undefined to leave it uncoloured. */
    protected classify(leaf: CstNode): TokenClass | undefined {
        if (leaf.hidden) {
            const name = tokenName(leaf);
            if (name === 'ML_COMMENT' && leaf.text.startsWith('/**')) return { type: SemanticTokenTypes.comment, modifiers: [SemanticTokenModifiers.documentation] };
            if (name === 'ML_COMMENT' || name === 'SL_COMMENT') return { type: SemanticTokenTypes.comment };
            return undefined;
        }
        const assignment = findAssignment(leaf);
        const feature = assignment?.feature;
        if (feature === 'name') {
            const kind = kindOfAstType(leaf.astNode.$type);
            if (!kind) return undefined;
            const presentation = KIND_PRESENTATION[kind];
            return { type: presentation.token, modifiers: [...presentation.tokenModifiers, SemanticTokenModifiers.declaration] };
        }
        if (assignment && GrammarAST.isCrossReference(assignment.terminal)) {
            if (leaf.text === '.') return undefined;
            const target = referencedNode(leaf, assignment.feature);
            const kind = target ? kindOfAstType(target.$type) : undefined;
            if (!kind) return undefined;
            const presentation = KIND_PRESENTATION[kind];
            return { type: presentation.token, modifiers: presentation.tokenModifiers };
        }
        if ((isHorizon(leaf.astNode) && leaf.text !== '..') || (feature && TIME_FEATURES.has(feature))) return { type: SemanticTokenTypes.event };
        if (isMeasure(leaf.astNode) || feature === 'wip') return { type: SemanticTokenTypes.number };
        if (feature && VALUE_FEATURES.has(feature)) return { type: SemanticTokenTypes.enumMember };
        if (GrammarAST.isKeyword(leaf.grammarSource)) return /^\p{L}/u.test(leaf.text) ? { type: SemanticTokenTypes.keyword } : undefined;
        if (tokenName(leaf) === 'STRING') return { type: SemanticTokenTypes.string };
        return undefined;
    }
}

function tokenName(leaf: CstNode): string | undefined {
    return isLeafCstNode(leaf) ? leaf.tokenType.name : undefined;
}

/** Langium's `GrammarUtils.findAssignment` with the grammar lookups cached. */
function findAssignment(leaf: CstNode): GrammarAST.Assignment | undefined {
    const astNode = leaf.astNode;
    let node: CstNode | undefined = leaf;
    while (node && astNode === node.container?.astNode) {
        const assignment = assignmentOf(node.grammarSource);
        if (assignment) return assignment;
        node = node.container;
    }
    return undefined;
}

/**
 * What the reference containing this leaf resolves to; on the `Okr` part of `Okr.Kr`, the OKR.
 * (The same answer as `References.findDeclarations`, without its per-token grammar walks.)
 */
function referencedNode(leaf: CstNode, feature: string): AstNode | undefined {
    const value: unknown = (leaf.astNode as unknown as Record<string, unknown>)[feature];
    const candidates = Array.isArray(value) ? value : [value];
    const reference = candidates.find(ref => isReference(ref) && ref.$refNode !== undefined && ref.$refNode.offset <= leaf.offset && leaf.end <= ref.$refNode.end);
    if (!isReference(reference)) return undefined;
    const target = reference.ref;
    const refNode = reference.$refNode!;
    const lastDot = refNode.text.lastIndexOf('.');
    if (target && isKeyResult(target) && lastDot >= 0 && leaf.offset < refNode.offset + lastDot) return target.$container;
    return target;
}
