/**
 * Folding: element blocks and multi-line comments (Langium's default) plus runs of `//` comment
 * lines, which strategists use for notes and which Langium folds only one token at a time.
 */
import { CstUtils, isLeafCstNode, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams, type CancellationToken } from 'vscode-languageserver';
import { answerOr } from '../helpers/answer-or.js';

export class EosFoldingRangeProvider extends DefaultFoldingRangeProvider {
    /** Never throws: a broken document folds what could be read, or nothing. */
    override getFoldingRanges(document: LangiumDocument, params: FoldingRangeParams, cancelToken?: CancellationToken): Promise<FoldingRange[]> {
        return answerOr([], () => super.getFoldingRanges(document, params, cancelToken), 'folding ranges');
    }

    protected override collectCommentFolding(document: LangiumDocument, node: AstNode, acceptor: FoldingRangeAcceptor): void {
        if (!node.$cstNode) return;
        const lines: number[] = [];
        // One pass over the tokens: block comments fold as in Langium, line comments are collected.
        for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
            if (!isLeafCstNode(leaf)) continue;
            if (this.commentNames.includes(leaf.tokenType.name)) {
                const range = this.toFoldingRange(document, leaf, FoldingRangeKind.Comment);
                if (range) acceptor(range);
                continue;
            }
            if (leaf.tokenType.name !== 'SL_COMMENT') continue;
            const before = document.textDocument.getText({ start: { line: leaf.range.start.line, character: 0 }, end: leaf.range.start });
            if (before.trim() === '') lines.push(leaf.range.start.line); // only comments on lines of their own
        }
        let start = 0;
        for (let i = 1; i <= lines.length; i++) {
            if (i < lines.length && lines[i] === lines[i - 1] + 1) continue;
            if (i - start >= 2) acceptor({ startLine: lines[start], endLine: lines[i - 1], kind: FoldingRangeKind.Comment });
            start = i;
        }
    }
}
