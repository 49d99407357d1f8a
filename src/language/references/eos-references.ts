/**
 * References for EOS, aware of qualified key-result references `Okr.Kr`: the `Kr` part refers to
 * the key result and the `Okr` part to its OKR. Langium treats `Okr.Kr` as one segment pointing at
 * the key result; narrowing the segments here makes find references, document highlight, rename
 * and go to definition agree on what each part of the text means.
 */
import {
    CstUtils,
    DefaultReferences,
    stream,
    type AstNode,
    type CstNode,
    type FindReferencesOptions,
    type LangiumDocuments,
    type ReferenceDescription,
    type Stream
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { isKeyResult, isOkr } from '../generated/ast.js';
import { namesIn } from '../grammar/names.js';

/** Which part of a qualified reference `Okr.Kr` a CST leaf is, or undefined outside one. */
export function qualifiedPart(leaf: CstNode): 'container' | 'member' | undefined {
    const datatype = CstUtils.getDatatypeNode(leaf);
    if (!datatype || datatype === leaf || !datatype.text.includes('.')) return undefined;
    const names = CstUtils.flattenCst(datatype)
        .filter(node => !node.hidden && node.text !== '.')
        .toArray();
    if (names.length < 2) return undefined;
    if (names[names.length - 1] === leaf) return 'member';
    if (names[0] === leaf) return 'container';
    return undefined;
}

export class EosReferences extends DefaultReferences {
    protected readonly langiumDocuments: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    /** On the `Okr` part of `Okr.Kr`, the declaration is the OKR, not the key result. */
    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const declarations = super.findDeclarations(sourceCstNode);
        if (qualifiedPart(sourceCstNode) === 'container') {
            return declarations.map(node => (isKeyResult(node) ? node.$container : node));
        }
        return declarations;
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const own = super
            .findReferences(targetNode, options)
            .map(ref => (isKeyResult(targetNode) ? this.narrow(ref, 'member') : ref))
            .nonNullable();
        if (!isOkr(targetNode)) return own;
        // The `Okr` prefixes of `Okr.Kr` references are references to the OKR too.
        const prefixes = targetNode.keyResults.flatMap(kr =>
            super
                .findReferences(kr, { ...options, includeDeclaration: false })
                .map(ref => this.narrow(ref, 'container'))
                .nonNullable()
                .toArray()
        );
        return stream(own.toArray(), prefixes);
    }

    /** The reference cut down to one part of its qualified name (unchanged if it is not qualified). */
    protected narrow(ref: ReferenceDescription, part: 'container' | 'member'): ReferenceDescription | undefined {
        const document = this.langiumDocuments.getDocument(ref.sourceUri);
        if (!document) return undefined;
        const text = document.textDocument.getText().substring(ref.segment.offset, ref.segment.end);
        const names = namesIn(text);
        if (names.length < 2) return part === 'member' ? ref : undefined;
        const name = part === 'member' ? names[names.length - 1] : names[0];
        const offset = ref.segment.offset + name.offset;
        const end = offset + name.name.length;
        const range = { start: document.textDocument.positionAt(offset), end: document.textDocument.positionAt(end) };
        return { ...ref, segment: { offset, end, length: end - offset, range } };
    }
}
