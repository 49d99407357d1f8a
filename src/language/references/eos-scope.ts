/**
 * Scoping for EOS: every element is global to the workspace, typed by kind, and key results are
 * exported as `Okr.Kr`. Nothing is local, so Langium's per-container scan of local symbols (which
 * is quadratic in a large file) is skipped, and every lookup is one map access in the name index
 * that {@link EosIndexManager} keeps up to date per document.
 */
import {
    DefaultScopeComputation,
    DefaultScopeProvider,
    MultiMap,
    stream,
    type AstNodeDescription,
    type AstReflection,
    type LangiumDocument,
    type LocalSymbols,
    type ReferenceInfo,
    type Scope,
    type Stream
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import { isModel, isOkr } from '../generated/ast.js';
import type { EosIndexManager } from './eos-index-manager.js';

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
    private readonly scopes = new Map<string, Scope>();

    constructor(services: LangiumServices) {
        super(services);
    }

    override getScope(context: ReferenceInfo): Scope {
        return this.getGlobalScope(this.reflection.getReferenceType(context), context);
    }

    /** A view on the live name index: nothing to rebuild after an edit. */
    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        let scope = this.scopes.get(referenceType);
        if (!scope) {
            scope = new NameIndexScope(this.indexManager as EosIndexManager, this.reflection, referenceType);
            this.scopes.set(referenceType, scope);
        }
        return scope;
    }
}

/** The exported symbols of one type (or its subtypes), looked up by name in the workspace index. */
class NameIndexScope implements Scope {
    constructor(
        private readonly index: EosIndexManager,
        private readonly reflection: AstReflection,
        private readonly type: string
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.named(name).find(description => this.reflection.isSubtype(description.type, this.type));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.named(name).filter(description => this.reflection.isSubtype(description.type, this.type)));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.index.allElements(this.type);
    }
}
