/**
 * Langium's reference index entries (for find-references and rename), computed with one plain
 * walk ({@link forEachReference}) and the source path of each element computed once, not once per
 * reference it writes. The entries are the ones Langium's default provider makes.
 */
import {
    CstUtils,
    DefaultReferenceDescriptionProvider,
    interruptAndCheck,
    isMultiReference,
    isReference,
    UriUtils,
    type AstNode,
    type AstNodeDescription,
    type LangiumDocument,
    type ReferenceDescription,
    type ReferenceInfo
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference } from './reference-walk.js';

export class EosReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        const paths = new Map<AstNode, string>();
        const sourceUri = document.uri;
        forEachReference(document.parseResult.value, info => {
            const reference = info.reference;
            if (reference.error || !reference.$refNode) return;
            let sourcePath = paths.get(info.container);
            if (sourcePath === undefined) paths.set(info.container, (sourcePath = this.nodeLocator.getAstNodePath(info.container)));
            const segment = CstUtils.toDocumentSegment(reference.$refNode);
            for (const target of targetsOf(info)) {
                descriptions.push({
                    sourceUri,
                    sourcePath,
                    segment,
                    targetUri: target.documentUri,
                    targetPath: target.path,
                    local: UriUtils.equals(target.documentUri, sourceUri)
                });
            }
        });
        return descriptions;
    }
}

function targetsOf(info: ReferenceInfo): AstNodeDescription[] {
    const reference = info.reference;
    if (isReference(reference)) return reference.$nodeDescription ? [reference.$nodeDescription] : [];
    if (isMultiReference(reference)) return reference.items.map(item => item.$nodeDescription).filter((d): d is AstNodeDescription => d !== undefined);
    return [];
}
