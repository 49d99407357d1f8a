/**
 * The outline: every element with its kind's icon and its title as detail; an OKR holds its key
 * results as children (named by their short name, since the parent already shows the OKR).
 */
import type { AstNode, CstNode, LangiumDocument, MaybePromise } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import { KIND_LABEL } from '../model/elements.js';
import { kindOfAstType } from '../model/vocabulary.js';
import { answerOr } from '../helpers/answer-or.js';

export class EosDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    /** Never throws: a broken document answers with the symbols that could be read, or none. */
    override getSymbols(document: LangiumDocument, params: DocumentSymbolParams, cancelToken?: CancellationToken): MaybePromise<DocumentSymbol[]> {
        return answerOr([], () => super.getSymbols(document, params, cancelToken), 'document symbols');
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: unknown }).title;
        const kind = kindOfAstType(astNode.$type);
        const detail = typeof title === 'string' && title ? title : kind ? KIND_LABEL[kind] : undefined;
        return detail ? { ...symbol, detail } : symbol;
    }
}
