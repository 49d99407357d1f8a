/**
 * The whole workspace's strategy, indexed for lookups by kind and name and for reverse links
 * ("which initiatives point at this bet?"). Built from the per-document models, which are
 * cached per parse, so a rebuild after an edit costs map operations only.
 */
import type { DocumentModel, ElementKind, ElementLink, LinkRelation, StrategyElement } from './elements.js';

export interface IncomingLink {
    source: StrategyElement;
    link: ElementLink;
}

export class WorkspaceModel {
    readonly documents: readonly DocumentModel[];
    readonly elements: readonly StrategyElement[];
    private readonly byKind = new Map<ElementKind, Map<string, StrategyElement[]>>();
    private readonly incomingLinks = new Map<StrategyElement, IncomingLink[]>();
    private readonly resolved = new Map<ElementLink, StrategyElement | undefined>();

    constructor(documents: readonly DocumentModel[]) {
        this.documents = documents;
        this.elements = documents.flatMap(doc => doc.elements);
        for (const element of this.elements) {
            let names = this.byKind.get(element.kind);
            if (!names) this.byKind.set(element.kind, names = new Map());
            const same = names.get(element.name);
            if (same) same.push(element); else names.set(element.name, [element]);
        }
        for (const source of this.elements) {
            for (const link of source.links) {
                const target = this.resolve(link);
                if (!target) continue;
                const list = this.incomingLinks.get(target);
                if (list) list.push({ source, link }); else this.incomingLinks.set(target, [{ source, link }]);
            }
        }
    }

    /** The element of this kind and name (the first one written, if the name is duplicated). */
    get(kind: ElementKind, name: string): StrategyElement | undefined {
        return this.byKind.get(kind)?.get(name)?.[0];
    }

    /** Every element of this kind and name: more than one means a duplicate. */
    named(kind: ElementKind, name: string): readonly StrategyElement[] {
        return this.byKind.get(kind)?.get(name) ?? [];
    }

    ofKind(kind: ElementKind): StrategyElement[] {
        const names = this.byKind.get(kind);
        return names ? [...names.values()].flat() : [];
    }

    namesOf(kind: ElementKind): string[] {
        return [...(this.byKind.get(kind)?.keys() ?? [])];
    }

    /** What a link points at, trying its kinds in order; undefined if unresolved. */
    resolve(link: ElementLink): StrategyElement | undefined {
        if (this.resolved.has(link)) return this.resolved.get(link);
        let target: StrategyElement | undefined;
        for (const kind of link.kinds) {
            target = this.get(kind, link.target);
            if (target) break;
        }
        this.resolved.set(link, target);
        return target;
    }

    /** The targets of an element's links of one relation, resolved. */
    targets(element: StrategyElement, relation: LinkRelation): StrategyElement[] {
        const result: StrategyElement[] = [];
        for (const link of element.links) {
            if (link.relation !== relation) continue;
            const target = this.resolve(link);
            if (target) result.push(target);
        }
        return result;
    }

    target(element: StrategyElement, relation: LinkRelation): StrategyElement | undefined {
        return this.targets(element, relation)[0];
    }

    /** Links from other elements to this one, optionally of one relation. */
    incoming(element: StrategyElement, relation?: LinkRelation): IncomingLink[] {
        const all = this.incomingLinks.get(element) ?? [];
        return relation ? all.filter(entry => entry.link.relation === relation) : all;
    }

    /** The OKR a key result belongs to, or the element itself. */
    okrOf(element: StrategyElement): StrategyElement | undefined {
        return element.kind === 'kr' && element.okr ? this.get('okr', element.okr) : element.kind === 'okr' ? element : undefined;
    }

    elementsIn(uri: string): readonly StrategyElement[] {
        return this.documents.find(doc => doc.uri === uri)?.elements ?? [];
    }
}
