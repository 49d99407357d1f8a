/**
 * Inlay hints: a key result's progress (`48%`) right after its current value, so a team reads
 * how far it has come while editing the number.
 */
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { EosServices } from '../eos-module.js';
import { isKeyResult } from '../generated/ast.js';
import { formatPercent } from '../model/progress.js';
import { currentProgress, describeCurrent, describeProgressNow, effectiveReading } from '../model/key-result-history.js';
import type { StrategyWorkspace } from '../workspace/strategy-workspace.js';
import { elementOfNode } from '../model/element-of-node.js';
import { answerOr } from '../helpers/answer-or.js';

export class EosInlayHintProvider extends AbstractInlayHintProvider {
    private readonly strategy: StrategyWorkspace;

    constructor(services: EosServices) {
        super();
        this.strategy = services.eos.StrategyWorkspace;
    }

    override getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        return answerOr([], () => super.getInlayHints(document, params, cancelToken), 'inlay hints');
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!isKeyResult(node) || !node.current?.$cstNode) return;
        const kr = elementOfNode(this.strategy.model, node);
        if (!kr || kr.uri !== AstUtils.getDocument(node).uri.toString()) return;
        const model = this.strategy.model;
        const reading = effectiveReading(model, kr);
        if (reading?.from === 'check-in') {
            // A check-in supersedes this number: say so where it is written, not a stale percentage.
            acceptor({
                position: node.current.$cstNode.range.end,
                label: `superseded by checkin ${reading.date}`,
                paddingLeft: true,
                tooltip: `Current: ${describeCurrent(model, kr)}`
            });
            return;
        }
        const progress = currentProgress(model, kr);
        if (progress.kind !== 'progress') return;
        acceptor({
            position: node.current.$cstNode.range.end,
            // The unclamped figure: 120% (beyond the target) and -20% (moving away) are worth seeing.
            label: formatPercent(progress.raw),
            paddingLeft: true,
            tooltip: `Progress: ${describeProgressNow(model, kr)}`
        });
    }
}
