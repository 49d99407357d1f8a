/**
 * Go to definition. Langium's default already jumps from every reference to the whole element
 * (target range) with its name selected; EOS adds the two parts of `Okr.Kr`: the `Okr` part
 * jumps to the OKR, the `Kr` part to the key result, and each highlights only its own part.
 */
import type { CstNode, LangiumDocument, MaybePromise } from 'langium';
import { DefaultDefinitionProvider, type GoToLink } from 'langium/lsp';
import type { CancellationToken, DefinitionParams, LocationLink } from 'vscode-languageserver';
import { qualifiedPart } from '../references/eos-references.js';
import { answerOr } from '../helpers/answer-or.js';

export class EosDefinitionProvider extends DefaultDefinitionProvider {
    /** Never throws: a broken document answers with no definition. */
    override getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): MaybePromise<LocationLink[] | undefined> {
        return answerOr(undefined, () => super.getDefinition(document, params, cancelToken), 'go to definition');
    }

    protected override findLinks(source: CstNode): GoToLink[] {
        const links = super.findLinks(source);
        return qualifiedPart(source) ? links.map(link => ({ ...link, source })) : links;
    }
}
