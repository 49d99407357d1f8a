/** Symbol and completion kinds per element kind (see {@link KIND_PRESENTATION}). */
import { type AstNode, type AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { SymbolKind } from 'vscode-languageserver';
import { KIND_OF_AST_TYPE } from '../model/element-of-node.js';
import { KIND_PRESENTATION } from '../helpers/kind-presentation.js';

export class EosNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        const type = '$type' in node ? node.$type : node.type;
        const kind = KIND_OF_AST_TYPE[type];
        return kind ? KIND_PRESENTATION[kind].symbol : super.getSymbolKind(node);
    }
}
