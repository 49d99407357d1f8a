/**
 * Scoping for EOS: every element is global to the workspace, typed by kind, and key results are
 * exported as `Okr.Kr`. Nothing is local, so Langium's per-container scan of local symbols (which
 * is quadratic in a large file) is skipped and every lookup is one map access in the index.
 */
import { DefaultScopeComputation, DefaultScopeProvider, MultiMap, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isModel, isOkr } from './generated/ast.js';

export class EosScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const exports: AstNodeDescription[] = [];
        if (!isModel(root)) return exports;
        for (const element of root.elements) {
            if (!element.name) continue;
            exports.push(this.descriptions.createDescription(element, element.name, document));
            if (isOkr(element)) {
                for (const kr of element.keyResults) {
                    if (kr.name) exports.push(this.descriptions.createDescription(kr, `${element.name}.${kr.name}`, document));
                }
            }
        }
        return exports;
    }

    override async collectLocalSymbols(_document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        return new MultiMap();
    }
}

export class EosScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }
}
