/**
 * Workspace symbol search (Ctrl+T): every element by name across files, key results as `Okr.Kr`,
 * with the kind ("bet", "key result"…) as container so same-named elements of different kinds
 * can be told apart.
 */
import type { AstNodeDescription } from 'langium';
import { DefaultWorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol } from 'vscode-languageserver';
import { KIND_LABEL } from '../model/elements.js';
import { kindOfAstType } from '../model/vocabulary.js';

export class EosWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        const kind = kindOfAstType(description.type);
        return symbol && kind ? { ...symbol, containerName: KIND_LABEL[kind] } : symbol;
    }
}
