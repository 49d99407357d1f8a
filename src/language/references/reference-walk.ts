/**
 * A plain walk over every reference of a syntax tree.
 *
 * Langium's linker and reference index visit references with `streamAst` and `streamReferences`:
 * generator-backed streams that build iterator state per node, and an `await` per node to check
 * for cancellation. On a workspace of 10,000 elements that traversal was 85% of linking time.
 * This walk visits the same references in the same order (each node's own references in property
 * order, then its children depth first) with plain loops.
 */
import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

export function forEachReference(root: AstNode, callback: (info: ReferenceInfo) => void): void {
    const keys = Object.keys(root);
    for (const property of keys) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (root as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            callback({ reference: value, container: root, property });
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item) || isMultiReference(item)) callback({ reference: item, container: root, property, index });
            }
        }
    }
    for (const property of keys) {
        if (property.charCodeAt(0) === 36) continue;
        const value = (root as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
            for (const item of value) if (isAstNode(item)) forEachReference(item, callback);
        } else if (isAstNode(value)) {
            forEachReference(value, callback);
        }
    }
}
