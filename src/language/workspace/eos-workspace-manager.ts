/**
 * Loads the workspace's files by the one definition `eos check` uses too (workspace-files.ts):
 * the same ignore rules (`.history/`, `out/`, `node_modules`), symlinked folders followed, a file
 * reached by several paths read once. A file that cannot be read (no permission, larger than the
 * limit, a pipe or a device, binary) is skipped with one warning instead of failing the whole
 * workspace, so the editor stays ready for every other file.
 *
 * Also the one reader of files from disk for the server: the document factory and builder ask it,
 * so a file replaced by a pipe or a link to `/dev/zero` is refused, never read forever.
 */
import { DefaultWorkspaceManager, URI, type FileSystemNode, type Stream, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { Connection, InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import * as path from 'node:path';
import { showWarning } from './show-warning.js';
import { EOS_EXTENSION, findEosFiles, isWorkspaceFile, readEosFile, type ReadResult } from './workspace-files.js';

export class EosWorkspaceManager extends DefaultWorkspaceManager {
    /** Whether files are read from a real disk (the server, the CLI), not an in-memory test file system. */
    readonly onDisk: boolean;
    private readonly documentFactory: LangiumDocumentFactory;
    private readonly connection: () => Connection | undefined;
    /** Warned file → the message shown, so a file is warned about once until it changes again. */
    private readonly warned = new Map<string, string>();
    /** Texts read when a change was reported, for the build that follows (one read per change). */
    private readonly prefetched = new Map<string, string>();
    /** Warnings collected while the workspace loads, shown together as one message. */
    private startupWarnings: string[] | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDisk = services.workspace.FileSystemProvider instanceof NodeFileSystemProvider;
        this.documentFactory = services.workspace.LangiumDocumentFactory;
        this.connection = () => (services as { lsp?: { Connection?: Connection } }).lsp?.Connection;
        // Langium validates only open documents at start-up; the strategy debugger's findings for
        // every file must not depend on whether the editor happens to send settings.
        this.initialBuildOptions = { validation: true };
    }

    /** The workspace folders as file-system paths (empty before `initialize`). */
    get roots(): string[] {
        return (this.folders ?? []).map((folder: WorkspaceFolder) => URI.parse(folder.uri).fsPath);
    }

    /** Whether a path on disk is one of the workspace's files by the shared rules. */
    isWorkspaceFile(uri: URI): boolean {
        return uri.scheme === 'file' && isWorkspaceFile(uri.fsPath, this.roots);
    }

    /** Clients that name only a root (no workspace folders) get that root as the workspace. */
    override initialize(params: InitializeParams): void {
        const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : undefined);
        if (folders) this.folders = folders;
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: Parameters<DefaultWorkspaceManager['initializeWorkspace']>[1]): Promise<void> {
        this.startupWarnings = [];
        try {
            await super.initializeWorkspace(folders, cancelToken);
        } finally {
            const warnings = this.startupWarnings;
            this.startupWarnings = undefined;
            if (warnings.length) this.show(warnings);
        }
    }

    protected override async traverseFolder(folderPath: URI, uris: URI[]): Promise<void> {
        if (!this.onDisk) return super.traverseFolder(folderPath, uris);
        const { files, problems } = findEosFiles([folderPath.fsPath]);
        for (const file of files) uris.push(URI.file(file));
        for (const problem of problems) this.warn(URI.file(problem.file).toString(), problem.message);
    }

    /** A folder reported as created or changed is searched only when it lies in the workspace (not `out/`, not hidden). */
    override async searchFolder(uri: URI): Promise<URI[]> {
        if (this.onDisk && !(uri.scheme === 'file' && isWorkspaceFile(path.join(uri.fsPath, `folder${EOS_EXTENSION}`), this.roots))) return [];
        return super.searchFolder(uri);
    }

    /** Created or changed entries reported by the client: the shared rules decide, below any ignored folder too. */
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (!this.onDisk || entry.uri.scheme !== 'file') return super.shouldIncludeEntry(entry);
        return entry.isFile && this.isWorkspaceFile(entry.uri);
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        if (!this.onDisk) return super.loadWorkspaceDocuments(uris, collector);
        for (const uri of uris) {
            const read = this.read(uri);
            if (read.text !== undefined) collector(this.documentFactory.fromString(read.text, uri));
        }
    }

    /** Reads a file for a change reported by the client; the build that follows uses this text. */
    prefetch(uri: URI): ReadResult {
        const read = this.read(uri);
        if (read.text !== undefined) this.prefetched.set(uri.toString(), read.text);
        else this.prefetched.delete(uri.toString());
        return read;
    }

    /** The text of a file for the build: the one read for its change, else read now. */
    textFor(uri: URI): ReadResult {
        const key = uri.toString();
        const text = this.prefetched.get(key);
        if (text !== undefined) {
            this.prefetched.delete(key);
            return { text };
        }
        return this.read(uri);
    }

    forget(uri: URI): void {
        this.prefetched.delete(uri.toString());
    }

    /** Reads a file by the shared rules; warns once about a file it cannot read. */
    read(uri: URI): ReadResult {
        const key = uri.toString();
        const read = readEosFile(uri.fsPath);
        if (read.problem === undefined || read.missing)
            this.warned.delete(key); // gone is not a fault: it was deleted
        else this.warn(key, read.problem);
        return read;
    }

    private warn(key: string, message: string): void {
        if (this.warned.get(key) === message) return;
        this.warned.set(key, message);
        if (this.startupWarnings) this.startupWarnings.push(message);
        else this.show([message]);
    }

    private show(messages: string[]): void {
        // Paths as the user sees them in the editor's explorer: from the workspace folder.
        const roots = this.roots.map(root => root + path.sep);
        messages = messages.map(message => roots.reduce((text, root) => text.split(root).join(''), message));
        const connection = this.connection();
        for (const message of messages) (connection?.console ?? console).warn(`EOS skips a file: ${message}`);
        if (!connection) return;
        const text =
            messages.length === 1
                ? `EOS skips ${messages[0]}. Its elements are left out until it can be read.`
                : `EOS skips ${messages.length} files it cannot read (their elements are left out). ${messages.slice(0, 3).join(' — ')}${messages.length > 3 ? ' — … (all of them in the EOS output)' : ''}`;
        showWarning(connection, text);
    }
}
