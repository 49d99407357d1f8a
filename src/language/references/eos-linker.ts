/**
 * Langium's linker with a cheaper traversal: every reference of a document is found by one plain
 * walk ({@link forEachReference}) instead of generator streams with an `await` per syntax node.
 * Resolution itself (`doLink`, scopes, linking errors) is Langium's, unchanged.
 */
import { DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference } from './reference-walk.js';

export class EosLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        // One cancellation check per document: linking even a 10,000-element file takes milliseconds.
        await interruptAndCheck(cancelToken);
        forEachReference(document.parseResult.value, reference => this.doLink(reference, document));
    }
}
