/**
 * The grammar assignment (`name=ID`, `keyResults+=KeyResult`, …) that produced a CST node,
 * cached per grammar element: the grammar is fixed, and both the model extraction and semantic
 * tokens ask for every token of every file.
 */
import { AstUtils, GrammarAST, type AstNode } from 'langium';

const assignments = new WeakMap<AstNode, GrammarAST.Assignment | null>();

export function assignmentOf(grammarSource: AstNode | undefined): GrammarAST.Assignment | undefined {
    if (!grammarSource) return undefined;
    let assignment = assignments.get(grammarSource);
    if (assignment === undefined) {
        assignment = AstUtils.getContainerOfType(grammarSource, GrammarAST.isAssignment) ?? null;
        assignments.set(grammarSource, assignment);
    }
    return assignment ?? undefined;
}
