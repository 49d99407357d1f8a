/**
 * The linker and the reference index walk the syntax tree their own way (src/language/references/reference-walk.ts)
 * for speed; what they produce must be exactly what Langium's default traversal produces.
 */
import { AstUtils, DefaultReferenceDescriptionProvider, type ReferenceInfo } from 'langium';
import { describe, expect, test } from 'vitest';
import { forEachReference } from '../../../src/language/references/reference-walk.js';
import { buildWorkspace, readEosFolder } from '../../helpers.js';

function describeInfo(info: ReferenceInfo): string {
    return `${info.container.$type}.${info.property}${info.index !== undefined ? `[${info.index}]` : ''}=${info.reference.$refText}`;
}

describe.each(['examples/acme', 'examples/flawed'])('references of %s', folder => {
    test("are visited in the order and with the containers of Langium's streams", async () => {
        const workspace = await buildWorkspace(readEosFolder(folder));
        let total = 0;
        for (const document of workspace.documents.values()) {
            const root = document.parseResult.value;
            const expected = AstUtils.streamAst(root)
                .flatMap(node => AstUtils.streamReferences(node))
                .toArray();
            const actual: ReferenceInfo[] = [];
            forEachReference(root, info => actual.push(info));
            expect(actual.map(describeInfo)).toEqual(expected.map(describeInfo));
            expect(actual.map(info => info.reference)).toEqual(expected.map(info => info.reference));
            // The linker linked exactly these, in this order.
            expect(document.references).toEqual(expected.map(info => info.reference));
            total += actual.length;
        }
        expect(total).toBeGreaterThan(40);
    });

    test("make the same find-references index as Langium's default provider", async () => {
        const workspace = await buildWorkspace(readEosFolder(folder));
        const services = workspace.services;
        const defaults = new DefaultReferenceDescriptionProvider(services);
        for (const document of workspace.documents.values()) {
            const ours = await services.workspace.ReferenceDescriptionProvider.createDescriptions(document);
            expect(ours).toEqual(await defaults.createDescriptions(document));
        }
    });
});
