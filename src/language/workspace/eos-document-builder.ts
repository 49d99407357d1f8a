/**
 * Relinks per symbol instead of per file. Langium relinks and re-validates every document that
 * references a changed one, so a keystroke in the title of the central strategy file rebuilds
 * every team file. Most keystrokes change no exported name: this builder compares the changed
 * documents' exports (type, name and AST path) before and after the change, and relinks only the
 * dependents whose references could resolve differently. The others keep their linking results
 * and diagnostics; their references into the changed document are re-pointed to the new AST nodes
 * (same path, same name), so hover, definition and find-references land on the new text.
 *
 * Workspace findings (the strategy rules) do not depend on linking: they are recomputed from the
 * per-document models after every build, and `keepWorkspaceDiagnosticsFresh` republishes the
 * documents whose findings changed.
 */
import {
    DefaultDocumentBuilder,
    DocumentState,
    URI,
    type AstNode,
    type AstNodeDescription,
    type BuildOptions,
    type LangiumDocument,
    type LangiumSharedCoreServices
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { UnreadableFileError } from './eos-document-factory.js';
import type { EosWorkspaceManager } from './eos-workspace-manager.js';

/** Exports of one document: AST path → `Type name`. */
type ExportSignature = Map<string, string>;

interface ExportChange {
    uri: string;
    after: ExportSignature;
    /** Exports by path after the change, to re-point references. */
    descriptions: Map<string, AstNodeDescription>;
}

/**
 * The fields of Langium's reference implementation that linking fills in (Langium 4.4.0 internals;
 * test/language/langium-internals.test.ts fails when an upgrade renames them).
 */
interface LinkedReference {
    _ref?: unknown;
    _nodeDescription?: AstNodeDescription;
    _items?: unknown;
    $refText: string;
    error?: unknown;
}

export class EosDocumentBuilder extends DefaultDocumentBuilder {
    /**
     * Changed documents whose dependents have not been relinked yet, with the exports those
     * dependents were linked against. Kept across cancelled builds until the decision is made.
     */
    private readonly pending = new Map<string, ExportSignature>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        ({ changed, deleted } = this.sortChanges(changed, deleted));
        for (const uri of changed) {
            const key = uri.toString();
            // Only documents already indexed can be compared; the oldest snapshot is what dependents saw.
            if (!this.pending.has(key) && this.langiumDocuments.hasDocument(uri) && this.isIndexed(key)) {
                this.pending.set(key, this.signature(key));
            }
        }
        return super.update(changed, deleted, cancelToken);
    }

    /**
     * What the client reported, decided by the one rule of docs/reliability.md: an open document is
     * what the client sent (a deletion on disk does not drop it); a document that is not open is
     * what the disk holds. So a file closed without saving is read again from disk, or dropped
     * when it is gone, was never saved, or lies outside the workspace; a file that changed into
     * something unreadable (a pipe, a device, no permission, too large) is dropped with a warning.
     */
    protected sortChanges(changed: URI[], deleted: URI[]): { changed: URI[]; deleted: URI[] } {
        const manager = this.workspaceManager() as EosWorkspaceManager;
        const isOpen = (uri: URI) => this.textDocuments?.get(uri.toString()) !== undefined;
        const toDelete: URI[] = [];
        for (const uri of deleted) {
            const inside = this.langiumDocuments.getDocuments(uri);
            if (inside.some(doc => isOpen(doc.uri))) toDelete.push(...inside.filter(doc => !isOpen(doc.uri)).map(doc => doc.uri));
            else toDelete.push(uri);
        }
        const toChange: URI[] = [];
        for (const uri of changed) {
            if (isOpen(uri) || !manager.onDisk || !this.langiumDocuments.hasDocument(uri)) {
                toChange.push(uri); // new files and folders: Langium looks, by the workspace manager's rules
                continue;
            }
            if (!manager.isWorkspaceFile(uri)) {
                toDelete.push(uri);
                continue;
            }
            const read = manager.prefetch(uri);
            if (read.problem !== undefined) toDelete.push(uri);
            else toChange.push(uri);
        }
        for (const uri of toDelete) manager.forget(uri);
        return { changed: toChange, deleted: toDelete };
    }

    /** Postpones relinking for changes whose exports can be compared once they are indexed. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        for (const uri of changedUris) {
            if (!this.pending.has(uri)) return super.shouldRelink(document, changedUris);
        }
        return false;
    }

    /**
     * Langium's build, with the dependents to relink decided right after the changed documents are
     * indexed. A copy of `DefaultDocumentBuilder.buildDocuments` of Langium 4.4.0 with two steps
     * added (unreadable files dropped, dependents chosen); test/language/langium-internals.test.ts
     * fails when an upgrade changes the original, so the copy can follow it.
     */
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.prepareBuild(documents, options);
        const unreadable: LangiumDocument[] = [];
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, async doc => {
            try {
                await this.langiumDocumentFactory.update(doc, cancelToken);
            } catch (error) {
                if (!(error instanceof UnreadableFileError)) throw error;
                unreadable.push(doc); // could not be read after all (replaced since the change was reported)
            }
        });
        if (unreadable.length) documents = await this.drop(documents, unreadable, options);
        await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, doc => this.indexManager.updateContent(doc, cancelToken));
        documents = this.addDependentsToRelink(documents, options);
        await this.runCancelable(documents, DocumentState.ComputedScopes, cancelToken, async doc => {
            const scopeComputation = this.serviceRegistry.getServices(doc.uri).references.ScopeComputation;
            doc.localSymbols = await scopeComputation.collectLocalSymbols(doc, cancelToken);
        });
        const toBeLinked = documents.filter(doc => this.shouldLink(doc));
        await this.runCancelable(toBeLinked, DocumentState.Linked, cancelToken, doc => {
            const linker = this.serviceRegistry.getServices(doc.uri).references.Linker;
            return linker.link(doc, cancelToken);
        });
        await this.runCancelable(toBeLinked, DocumentState.IndexedReferences, cancelToken, doc => this.indexManager.updateReferences(doc, cancelToken));
        const toBeValidated = documents.filter(doc => {
            if (this.shouldValidate(doc)) return true;
            this.markAsCompleted(doc);
            return false;
        });
        await this.runCancelable(toBeValidated, DocumentState.Validated, cancelToken, async doc => {
            await this.validate(doc, cancelToken);
            this.markAsCompleted(doc);
        });
    }

    /**
     * Removes documents that could not be read from the workspace and from this build, as if they
     * had been deleted: listeners learn it (their diagnostics are cleared), dependents are relinked.
     */
    protected async drop(documents: LangiumDocument[], dropped: LangiumDocument[], options: BuildOptions): Promise<LangiumDocument[]> {
        const droppedUris = new Set(dropped.map(doc => doc.uri.toString()));
        for (const doc of dropped) {
            this.langiumDocuments.deleteDocument(doc.uri);
            this.cleanUpDeleted(doc);
            this.pending.delete(doc.uri.toString());
        }
        await this.emitUpdate(
            [],
            dropped.map(doc => doc.uri)
        );
        const kept = documents.filter(doc => !droppedUris.has(doc.uri.toString()));
        const building = new Set(kept);
        const reset: LangiumDocument[] = [];
        for (const doc of this.langiumDocuments.all) {
            if (doc.state >= DocumentState.Linked && DefaultDocumentBuilder.prototype['shouldRelink'].call(this, doc, droppedUris)) {
                this.resetToState(doc, DocumentState.ComputedScopes);
                reset.push(doc);
            }
        }
        if (!reset.length) return kept;
        this.prepareBuild(reset, options);
        return this.sortDocuments([...kept, ...reset.filter(doc => !building.has(doc))]);
    }

    /**
     * Compares the exports of pending changed documents (now indexed) with what dependents were
     * linked against; resets the dependents that must be relinked and re-points the others.
     */
    protected addDependentsToRelink(documents: LangiumDocument[], options: BuildOptions): LangiumDocument[] {
        const changes: ExportChange[] = [];
        let namesChanged = false;
        const addedNames = new Set<string>();
        for (const [uri, before] of this.pending) {
            const document = this.langiumDocuments.getDocument(URI.parse(uri));
            if (!document) {
                this.pending.delete(uri); // deleted since: Langium's deletion handling relinks its dependents
                continue;
            }
            if (document.state < DocumentState.IndexedContent) continue; // not part of this build: decide later
            this.pending.delete(uri);
            const descriptions = new Map<string, AstNodeDescription>();
            const after: ExportSignature = new Map();
            for (const description of this.indexManager.allElements(undefined, new Set([uri]))) {
                descriptions.set(description.path, description);
                after.set(description.path, `${description.type} ${description.name}`);
            }
            if (!sameSignature(before, after)) {
                namesChanged = true;
                const old = new Set(before.values());
                for (const entry of after.values()) if (!old.has(entry)) addedNames.add(entry.slice(entry.indexOf(' ') + 1));
            }
            changes.push({ uri, after, descriptions });
        }
        if (!changes.length) return documents;

        const changedUris = new Set(changes.map(change => change.uri));
        const building = new Set(documents.map(doc => doc.uri.toString()));
        const added: LangiumDocument[] = [];
        const reset: LangiumDocument[] = [];
        for (const document of this.langiumDocuments.all) {
            const key = document.uri.toString();
            // Changed documents and documents not linked yet are linked afresh by this build anyway.
            if (changedUris.has(key) || document.state < DocumentState.Linked) continue;
            if (this.mustRelink(document, changes, namesChanged, addedNames)) {
                this.resetToState(document, DocumentState.ComputedScopes);
                reset.push(document);
                if (!building.has(key)) added.push(document);
            } else {
                this.repoint(document, changes);
            }
        }
        // `resetToState` drops the build state, also of documents already in this build (left
        // unvalidated by a cancelled build): without it they would be linked but never validated.
        if (reset.length) this.prepareBuild(reset, options);
        if (!added.length) return documents;
        return this.sortDocuments([...documents, ...added]);
    }

    /** Whether any reference of `document` could resolve differently after the changes. */
    protected mustRelink(document: LangiumDocument, changes: readonly ExportChange[], namesChanged: boolean, addedNames: ReadonlySet<string>): boolean {
        for (const reference of document.references as unknown as LinkedReference[]) {
            if ('_items' in reference) return true; // multi-references: not used by EOS; stay on Langium's behaviour
            if (namesChanged && (reference.error !== undefined || addedNames.has(reference.$refText))) return true;
            const target = reference._nodeDescription;
            if (!target) continue;
            const change = changes.find(c => c.uri === target.documentUri.toString());
            if (change && change.after.get(target.path) !== `${target.type} ${target.name}`) return true;
        }
        return false;
    }

    /** Points references into changed documents at the new AST nodes with the same path and name. */
    protected repoint(document: LangiumDocument, changes: readonly ExportChange[]): void {
        for (const reference of document.references as unknown as LinkedReference[]) {
            const target = reference._nodeDescription;
            if (!target) continue;
            const change = changes.find(c => c.uri === target.documentUri.toString());
            const description = change?.descriptions.get(target.path);
            if (!description) continue;
            reference._nodeDescription = description;
            reference._ref = description.node ?? this.locate(description);
        }
    }

    private locate(description: AstNodeDescription): AstNode | undefined {
        const document = this.langiumDocuments.getDocument(description.documentUri);
        if (!document) return undefined;
        return this.serviceRegistry.getServices(description.documentUri).workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path);
    }

    private isIndexed(uri: string): boolean {
        const document = this.langiumDocuments.getDocument(URI.parse(uri));
        return document !== undefined && document.state >= DocumentState.IndexedContent;
    }

    private signature(uri: string): ExportSignature {
        const signature: ExportSignature = new Map();
        for (const description of this.indexManager.allElements(undefined, new Set([uri]))) {
            signature.set(description.path, `${description.type} ${description.name}`);
        }
        return signature;
    }
}

function sameSignature(a: ExportSignature, b: ExportSignature): boolean {
    if (a.size !== b.size) return false;
    for (const [path, entry] of a) if (b.get(path) !== entry) return false;
    return true;
}
