/** Symbol and completion kinds per element kind (see {@link KIND_PRESENTATION}). */
import { type AstNode, type AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { SymbolKind } from 'vscode-languageserver';
import { kindOfAstType } from '../model/vocabulary.js';
import { KIND_PRESENTATION } from '../helpers/kind-presentation.js';

export class EosNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        const type = '$type' in node ? node.$type : node.type;
        const kind = kindOfAstType(type);
        return kind ? KIND_PRESENTATION[kind].symbol : super.getSymbolKind(node);
    }
}
