/**
 * The whole workspace's strategy, indexed for lookups by kind and name and for reverse links
 * ("which initiatives point at this bet?"). Built from the per-document models, which are
 * cached per parse, so a rebuild after an edit costs map operations only.
 */
import { readingFor } from './measures.js';
import type { CheckInEntry, DocumentModel, ElementKind, ElementLink, LinkRelation, StrategyElement } from './elements.js';
import { parseDate } from './dates.js';
import { LayeredMap } from './layered-map.js';

export interface IncomingLink {
    source: StrategyElement;
    link: ElementLink;
}

export class WorkspaceModel {
    readonly documents: readonly DocumentModel[];
    private allElements: readonly StrategyElement[] | undefined;
    private readonly byKind = new Map<ElementKind, LayeredMap<string, StrategyElement[]>>();
    /** Links by the name they are written with; built on the first `incoming` call. */
    private linksByTarget: LayeredMap<string, IncomingLink[]> | undefined;
    private readonly incomingLinks = new Map<StrategyElement, IncomingLink[]>();
    /** Names by kind, listed once per model: every unresolved name asks for suggestions among them. */
    private readonly names = new Map<ElementKind, string[]>();
    /** How this model differs from the one it was derived from, until its link index is built. */
    private delta: { previous: WorkspaceModel; removed: readonly DocumentModel[]; added: readonly DocumentModel[] } | undefined;
    private readonly resolved = new Map<ElementLink, StrategyElement | undefined>();
    /** Check-ins by the key result name they read, oldest first; built on first use. */
    private checkInIndex: LayeredMap<string, readonly CheckInEntry[]> | undefined;
    /** A key result's check-ins that fit it, in its unit; per model, built on first use. */
    private readonly fittedCheckIns = new Map<StrategyElement, readonly CheckInEntry[]>();
    /** The previous model's check-in index and how the documents changed since: patched instead of rebuilt. */
    private checkInDelta: { index: LayeredMap<string, readonly CheckInEntry[]>; removed: readonly DocumentModel[]; added: readonly DocumentModel[] } | undefined;

    /**
     * @param previous the model of the previous build: its name index is reused for the documents
     * whose model did not change (an edit re-extracts one document), instead of re-indexing all.
     */
    constructor(documents: readonly DocumentModel[], previous?: WorkspaceModel) {
        this.documents = documents;
        if (previous && this.updateIndex(previous)) return;
        for (const element of this.elements) {
            let names = this.byKind.get(element.kind);
            if (!names) this.byKind.set(element.kind, (names = LayeredMap.empty()));
            const same = names.get(element.name);
            if (same) same.push(element);
            else names.set(element.name, [element]);
        }
    }

    /** Every element of every document, in document order (flattened on first use). */
    get elements(): readonly StrategyElement[] {
        return (this.allElements ??= this.documents.flatMap(doc => doc.elements));
    }

    /** Copies the previous name index and replaces the changed documents' entries; false if most changed. */
    private updateIndex(previous: WorkspaceModel): boolean {
        const current = new Set(this.documents);
        const before = new Set(previous.documents);
        const removed = previous.documents.filter(doc => !current.has(doc));
        const added = this.documents.filter(doc => !before.has(doc));
        if (removed.length + added.length > this.documents.length / 4) return false;
        this.delta = { previous, removed, added };
        previous.delta = undefined; // keep at most one model behind alive
        if (previous.checkInIndex) this.checkInDelta = { index: previous.checkInIndex, removed, added };
        previous.checkInDelta = undefined;
        for (const [kind, names] of previous.byKind) this.byKind.set(kind, names.derive());
        // Lists are shared with the previous model: replace them, never mutate them.
        for (const doc of removed) {
            for (const element of doc.elements) {
                const names = this.byKind.get(element.kind)!;
                const rest = (names.get(element.name) ?? []).filter(other => other !== element);
                if (rest.length) names.set(element.name, rest);
                else names.delete(element.name);
            }
        }
        const order = new Map(this.documents.map((doc, index) => [doc.uri, index]));
        for (const doc of added) {
            for (const element of doc.elements) {
                let names = this.byKind.get(element.kind);
                if (!names) this.byKind.set(element.kind, (names = LayeredMap.empty()));
                const same = names.get(element.name);
                if (!same) {
                    names.set(element.name, [element]);
                    continue;
                }
                // A duplicate: keep the order a full index would have (documents, then source order).
                const position = (e: StrategyElement) => order.get(e.uri)! * 1e9 + e.range.start.line * 1e4 + e.range.start.character;
                names.set(
                    element.name,
                    [...same, element].sort((a, b) => position(a) - position(b))
                );
            }
        }
        return true;
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
        let names = this.names.get(kind);
        if (!names) this.names.set(kind, (names = [...(this.byKind.get(kind)?.keys() ?? [])]));
        return [...names];
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
        let all = this.incomingLinks.get(element);
        if (!all) {
            // Resolved lazily, per target: an edit that needs one file's findings asks for a few elements only.
            all = (this.linksTo().get(element.name) ?? []).filter(entry => this.resolve(entry.link) === element);
            this.incomingLinks.set(element, all);
        }
        return relation ? all.filter(entry => entry.link.relation === relation) : all;
    }

    private linksTo(): LayeredMap<string, IncomingLink[]> {
        if (!this.linksByTarget) {
            const previous = this.delta?.previous.linksByTarget;
            if (previous && this.delta) {
                // Derived model: the previous index with the changed documents' links replaced. Each
                // target's list is filtered and extended once (a team that owns 150 elements of the
                // edited file would otherwise have its list copied once per link).
                const links = previous.derive();
                const gone = new Set(this.delta.removed.flatMap(doc => doc.elements));
                const fromRemoved = new Set(this.delta.removed.flatMap(doc => doc.elements.flatMap(source => source.links.map(link => link.target))));
                for (const target of fromRemoved) {
                    const list = links.get(target);
                    if (!list) continue;
                    const rest = list.filter(entry => !gone.has(entry.source));
                    if (rest.length) links.set(target, rest);
                    else links.delete(target);
                }
                const fresh = new Map<string, IncomingLink[]>();
                for (const doc of this.delta.added) {
                    for (const source of doc.elements) {
                        for (const link of source.links) {
                            const list = fresh.get(link.target);
                            if (list) list.push({ source, link });
                            else fresh.set(link.target, [{ source, link }]);
                        }
                    }
                }
                // Keep the order a full index has: by document, then as written (the sort is stable).
                const order = new Map(this.documents.map((doc, index) => [doc.uri, index]));
                for (const [target, entries] of fresh) {
                    const list = [...(links.get(target) ?? []), ...entries];
                    if (list.length > 1) list.sort((a, b) => order.get(a.source.uri)! - order.get(b.source.uri)!);
                    links.set(target, list);
                }
                this.linksByTarget = links;
            } else {
                this.linksByTarget = LayeredMap.empty();
                for (const source of this.elements) {
                    for (const link of source.links) {
                        const list = this.linksByTarget.get(link.target);
                        if (list) list.push({ source, link });
                        else this.linksByTarget.set(link.target, [{ source, link }]);
                    }
                }
            }
            this.delta = undefined;
        }
        return this.linksByTarget;
    }

    /** The OKR a key result belongs to, or the element itself. */
    okrOf(element: StrategyElement): StrategyElement | undefined {
        return element.kind === 'kr' && element.okr ? this.get('okr', element.okr) : element.kind === 'okr' ? element : undefined;
    }

    /**
     * The check-ins of a key result from every file, oldest first (same date: in workspace order),
     * each value read in the key result's unit (see `readingFor`). Check-ins with an impossible date
     * or a value that does not fit the key result are left out here; validation reports them.
     */
    checkInsOf(kr: StrategyElement): readonly CheckInEntry[] {
        this.checkInIndex ??= this.checkInDelta ? this.patchedCheckIns(this.checkInDelta) : this.indexCheckIns();
        this.checkInDelta = undefined;
        // Only the key result that owns the name reads its check-ins (not a duplicate of it).
        if (this.get('kr', kr.name) !== kr) return [];
        const raw = this.checkInIndex.get(kr.name);
        if (!raw) return [];
        // Read in this model's key result (its unit may have changed while the index is shared).
        let fitted = this.fittedCheckIns.get(kr);
        if (!fitted) {
            const entries: CheckInEntry[] = [];
            for (const entry of raw) {
                const reading = readingFor(entry.value, kr);
                if (reading.ok) entries.push(reading.value === entry.value ? entry : { ...entry, value: reading.value });
            }
            fitted = entries.length === raw.length && entries.every((entry, i) => entry === raw[i]) ? raw : entries;
            this.fittedCheckIns.set(kr, fitted);
        }
        return fitted;
    }

    private indexCheckIns(): LayeredMap<string, readonly CheckInEntry[]> {
        const index = new Map<string, Array<{ entry: CheckInEntry; day: number; order: number }>>();
        let order = 0;
        for (const doc of this.documents) {
            for (const entry of doc.checkIns ?? []) {
                const day = parseDate(entry.date);
                if (day === undefined || !entry.named) continue;
                const list = index.get(entry.kr);
                const item = { entry, day, order: order++ };
                if (list) list.push(item);
                else index.set(entry.kr, [item]);
            }
        }
        const result = LayeredMap.empty<string, readonly CheckInEntry[]>();
        for (const [name, list] of index) {
            list.sort((a, b) => a.day - b.day || a.order - b.order);
            result.set(
                name,
                list.map(item => item.entry)
            );
        }
        return result;
    }

    /**
     * The previous index with the changed documents' check-ins replaced: a keystroke re-extracts
     * one document, so only the key results its old and new check-ins name are re-sorted (20,000
     * check-ins would otherwise be dated and sorted again on every keystroke). Same order as a
     * full index: by date, then document, then as written (a document's check-ins are in source order).
     */
    private patchedCheckIns(delta: NonNullable<WorkspaceModel['checkInDelta']>): LayeredMap<string, readonly CheckInEntry[]> {
        const index = delta.index.derive();
        const gone = new Set(delta.removed.map(doc => doc.uri));
        const touched = new Set<string>();
        for (const doc of [...delta.removed, ...delta.added]) for (const entry of doc.checkIns ?? []) if (entry.named) touched.add(entry.kr);
        const fresh = new Map<string, CheckInEntry[]>();
        for (const doc of delta.added) {
            for (const entry of doc.checkIns ?? []) {
                if (!entry.named || parseDate(entry.date) === undefined) continue;
                const list = fresh.get(entry.kr);
                if (list) list.push(entry);
                else fresh.set(entry.kr, [entry]);
            }
        }
        const order = new Map(this.documents.map((doc, i) => [doc.uri, i]));
        for (const name of touched) {
            // Lists are shared with the previous model: replaced, never mutated.
            const list = [...(index.get(name) ?? []).filter(entry => !gone.has(entry.uri)), ...(fresh.get(name) ?? [])];
            if (!list.length) {
                index.delete(name);
                continue;
            }
            list.sort(
                (a, b) =>
                    parseDate(a.date)! - parseDate(b.date)! ||
                    order.get(a.uri)! - order.get(b.uri)! ||
                    a.range.start.line - b.range.start.line ||
                    a.range.start.character - b.range.start.character
            );
            index.set(name, list);
        }
        return index;
    }

    /** Every check-in of the workspace, in document order. */
    allCheckIns(): CheckInEntry[] {
        return this.documents.flatMap(doc => doc.checkIns ?? []);
    }

    elementsIn(uri: string): readonly StrategyElement[] {
        return this.documents.find(doc => doc.uri === uri)?.elements ?? [];
    }
}
