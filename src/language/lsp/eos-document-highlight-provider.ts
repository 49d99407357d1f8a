/**
 * Document highlight: every occurrence of the name under the cursor in this file (parts of
 * `Okr.Kr` included, see EosReferences), the declaration marked as a write and the references as
 * reads so editors can tell where an element is defined from where it is used.
 */
import type { LangiumDocument, MaybePromise, ReferenceDescription } from 'langium';
import { DefaultDocumentHighlightProvider } from 'langium/lsp';
import { DocumentHighlight, DocumentHighlightKind, type CancellationToken, type DocumentHighlightParams } from 'vscode-languageserver';
import { answerOr } from '../helpers/answer-or.js';

export class EosDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    /** Never throws: a broken document highlights nothing. */
    override getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams, cancelToken?: CancellationToken): MaybePromise<DocumentHighlight[] | undefined> {
        return answerOr(undefined, () => super.getDocumentHighlight(document, params, cancelToken), 'document highlight');
    }

    protected override createDocumentHighlight(reference: ReferenceDescription): DocumentHighlight {
        const declaration = reference.sourcePath === reference.targetPath && reference.sourceUri.toString() === reference.targetUri.toString();
        return DocumentHighlight.create(reference.segment.range, declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read);
    }
}
