/**
 * How the builder hears of documents and files changing, in EOS terms:
 * - Closing a document hands it back to the disk: Langium keeps the editor's last text after a
 *   close, so a file closed without saving kept its discarded findings (and caused others in other
 *   files), and a never-saved buffer kept its names. On close the builder now reads the file from
 *   disk, or drops it when it is gone, was never saved, or lies outside the workspace.
 * - Watched-file events reach every `onWatchedFilesChange` listener whole (the workspace config
 *   listens for `eos.config.json`), but the builder only gets the ones that may concern `.eos`
 *   files: any other file (a build writing `out/`) would only cancel the build in progress.
 */
import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileEvent, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isEosFileName } from './workspace-files.js';

export class EosDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
    }

    /**
     * Replaces Langium 4.4.0's `DefaultDocumentUpdateHandler.didChangeWatchedFiles`, which fires
     * `onWatchedFilesChange` and then updates every changed URI: here the listeners still see every
     * change, and `fireDocumentUpdate` (the class's protected extension point) gets only those that
     * {@link mayConcernEosFiles}, and is not called at all when none does.
     */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        this.onWatchedFilesChangeEmitter.fire(params);
        const changed = new Set<string>();
        const deleted = new Set<string>();
        for (const change of params.changes) {
            if (!this.mayConcernEosFiles(change)) continue;
            (change.type === FileChangeType.Deleted ? deleted : changed).add(change.uri);
        }
        if (changed.size === 0 && deleted.size === 0) return;
        this.fireDocumentUpdate(
            [...changed].map(uri => URI.parse(uri)),
            [...deleted].map(uri => URI.parse(uri))
        );
    }

    /**
     * Changes worth a look by the builder: `.eos` files, and folders (a folder created, moved in or
     * deleted holds files the watcher may not list one by one). The workspace manager applies the
     * ignore rules.
     */
    protected mayConcernEosFiles(change: FileEvent): boolean {
        const uri = URI.parse(change.uri);
        if (uri.scheme !== 'file') return false;
        const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
        if (isEosFileName(name)) return true;
        return !name.includes('.') && (change.type === FileChangeType.Deleted || this.isFolder(uri));
    }

    private isFolder(uri: URI): boolean {
        try {
            return this.fileSystem.statSync(uri).isDirectory;
        } catch {
            // Gone again, or unreadable: the event is no folder the builder could read.
            return false;
        }
    }
}
