/**
 * Wires the EOS language services: Langium's defaults, replaced where EOS needs more.
 */
import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { EosGeneratedModule, EosGeneratedSharedModule } from './generated/module.js';
import { EosScopeComputation, EosScopeProvider } from './references/eos-scope.js';
import { EosValueConverter } from './grammar/eos-value-converter.js';
import { createEosParser } from './grammar/eos-parser.js';
import { EosTokenBuilder } from './grammar/eos-token-builder.js';
import { createEosCompletionParser } from './grammar/eos-completion-parser.js';
import { EosLexer } from './grammar/eos-lexer.js';
import { EosDocumentValidator } from './validation/eos-document-validator.js';
import { StrategyWorkspace } from './workspace/strategy-workspace.js';
import { EosDocumentBuilder } from './workspace/eos-document-builder.js';
import { EosIndexManager } from './references/eos-index-manager.js';
import { EosWorkspaceManager } from './workspace/eos-workspace-manager.js';
import { EosDocumentFactory } from './workspace/eos-document-factory.js';
import { EosDocumentUpdateHandler } from './workspace/eos-document-update-handler.js';
import { EosFormatter } from './lsp/eos-formatter.js';
import { EosInlayHintProvider } from './lsp/eos-inlay-hint-provider.js';
import { EosCodeLensProvider } from './lsp/eos-code-lens-provider.js';
import { EosCodeActionProvider } from './lsp/eos-code-action-provider.js';
import { EosCompletionProvider } from './lsp/eos-completion-provider.js';
import { EosReferences } from './references/eos-references.js';
import { EosLinker } from './references/eos-linker.js';
import { EosReferenceDescriptionProvider } from './references/eos-reference-descriptions.js';
import { EosHoverProvider } from './lsp/eos-hover-provider.js';
import { EosDefinitionProvider } from './lsp/eos-definition-provider.js';
import { EosRenameProvider } from './lsp/eos-rename-provider.js';
import { EosDocumentSymbolProvider } from './lsp/eos-document-symbol-provider.js';
import { EosFoldingRangeProvider } from './lsp/eos-folding-range-provider.js';
import { EosSemanticTokenProvider } from './lsp/eos-semantic-token-provider.js';
import { EosNodeKindProvider } from './lsp/eos-node-kind-provider.js';
import { EosWorkspaceSymbolProvider } from './lsp/eos-workspace-symbol-provider.js';
import { EosFuzzyMatcher } from './lsp/eos-fuzzy-matcher.js';
import { EosDocumentHighlightProvider } from './lsp/eos-document-highlight-provider.js';

export interface EosAddedServices {
    eos: {
        StrategyWorkspace: StrategyWorkspace;
    };
}

export type EosServices = LangiumServices & EosAddedServices;

export const EosModule: Module<EosServices, PartialLangiumServices & EosAddedServices> = {
    parser: {
        ValueConverter: () => new EosValueConverter(),
        TokenBuilder: () => new EosTokenBuilder(),
        Lexer: services => new EosLexer(services),
        LangiumParser: services => createEosParser(services),
        CompletionParser: services => createEosCompletionParser(services)
    },
    references: {
        ScopeComputation: services => new EosScopeComputation(services),
        ScopeProvider: services => new EosScopeProvider(services),
        References: services => new EosReferences(services),
        Linker: services => new EosLinker(services)
    },
    lsp: {
        Formatter: services => new EosFormatter(services),
        InlayHintProvider: services => new EosInlayHintProvider(services),
        CodeLensProvider: services => new EosCodeLensProvider(services),
        CodeActionProvider: services => new EosCodeActionProvider(services),
        CompletionProvider: services => new EosCompletionProvider(services),
        HoverProvider: services => new EosHoverProvider(services),
        DefinitionProvider: services => new EosDefinitionProvider(services),
        RenameProvider: services => new EosRenameProvider(services),
        DocumentSymbolProvider: services => new EosDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new EosFoldingRangeProvider(services),
        SemanticTokenProvider: services => new EosSemanticTokenProvider(services),
        DocumentHighlightProvider: services => new EosDocumentHighlightProvider(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new EosReferenceDescriptionProvider(services)
    },
    validation: {
        DocumentValidator: services => new EosDocumentValidator(services)
    },
    eos: {
        StrategyWorkspace: services => {
            const workspace = new StrategyWorkspace(services.shared);
            workspace.setCommentProvider(services.documentation.CommentProvider);
            return workspace;
        }
    }
};

/** Shared (language-independent) services: symbol kinds and workspace symbol search. */
export const EosSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: services => new EosDocumentBuilder(services),
        IndexManager: services => new EosIndexManager(services),
        WorkspaceManager: services => new EosWorkspaceManager(services),
        LangiumDocumentFactory: services => new EosDocumentFactory(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new EosDocumentUpdateHandler(services),
        NodeKindProvider: () => new EosNodeKindProvider(),
        FuzzyMatcher: () => new EosFuzzyMatcher(),
        WorkspaceSymbolProvider: services => new EosWorkspaceSymbolProvider(services)
    }
};

/**
 * The EOS services; `added` puts more on top (the language server's own, src/server/eos-server-module.ts),
 * injected like the rest so they get the services by constructor and may replace any of them.
 */
export function createEosServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Eos: EosServices };
export function createEosServices<Added>(
    context: DefaultSharedModuleContext,
    added: Module<EosServices & Added, Added>
): { shared: LangiumSharedServices; Eos: EosServices & Added };
export function createEosServices<Added>(
    context: DefaultSharedModuleContext,
    added?: Module<EosServices & Added, Added>
): { shared: LangiumSharedServices; Eos: EosServices & Added } {
    const shared = inject(createDefaultSharedModule(context), EosGeneratedSharedModule, EosSharedModule);
    const Eos = inject(createDefaultModule({ shared }), EosGeneratedModule, EosModule, (added ?? {}) as Module<EosServices & Added, Added>);
    shared.ServiceRegistry.register(Eos);
    // Build the workspace service eagerly: it must subscribe to builder events before the first build.
    void Eos.eos.StrategyWorkspace;
    return { shared, Eos };
}
