/**
 * Closing a document hands it back to the disk: Langium keeps the editor's last text after a
 * close, so a file closed without saving kept its discarded findings (and caused others in other
 * files), and a never-saved buffer kept its names. On close the builder now reads the file from
 * disk, or drops it when it is gone, was never saved, or lies outside the workspace.
 */
import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class EosDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
    }
}
