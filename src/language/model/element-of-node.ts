/**
 * Bridges the AST (what Langium's navigation finds) and the strategy model (what hovers, rename
 * checks and token colours reason about): the model element declared by an AST node.
 */
import { AstUtils, type AstNode } from 'langium';
import type { StrategyElement } from './elements.js';
import { kindOfAstType } from './vocabulary.js';
import type { WorkspaceModel } from './workspace-model.js';
import { isKeyResult } from '../generated/ast.js';

/** The model name of a declaring node: `Okr.Kr` for a key result, its name otherwise. */
export function modelNameOf(node: AstNode): string | undefined {
    const name = (node as { name?: unknown }).name;
    if (typeof name !== 'string' || !name) return undefined;
    if (isKeyResult(node)) return node.$container.name ? `${node.$container.name}.${name}` : undefined;
    return name;
}

/** The model element declared by this AST node (the very one, even when its name is duplicated). */
export function elementOfNode(model: WorkspaceModel, node: AstNode): StrategyElement | undefined {
    const kind = kindOfAstType(node.$type);
    const name = modelNameOf(node);
    if (!kind || !name) return undefined;
    const candidates = model.named(kind, name);
    if (candidates.length <= 1) return candidates[0];
    const uri = AstUtils.getDocument(node).uri.toString();
    const start = node.$cstNode?.range.start;
    return (
        candidates.find(element => element.uri === uri && start !== undefined && element.range.start.line === start.line && element.range.start.character === start.character) ??
        candidates[0]
    );
}
