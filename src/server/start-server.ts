/**
 * Starts the EOS language server on a connection: IPC for the VS Code extension, stdio for
 * `eos lsp --stdio` (Neovim, Helix, Emacs, Zed…).
 */
import '../polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import * as fs from 'node:fs';
import { URI } from 'langium';
import { createConnection, FileChangeType, ProposedFeatures, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { isEosFileName } from '../language/workspace/workspace-files.js';
import { createEosServices } from '../language/eos-module.js';
import { WorkspaceConfig } from './workspace-config.js';
import { keepWorkspaceDiagnosticsFresh, SERVER_QUIET_MS } from './workspace-diagnostics.js';
import { registerDiagramHandler } from './diagram-handler.js';
import { registerCompareHandler } from './compare-handler.js';
import { reportCaught } from '../language/helpers/answer-or.js';

export function startServer(connection: Connection): void {
    // A promise nobody awaited that rejects must not end the server (Node's default): the user
    // would lose every file's findings over one background task. It is logged like any caught error.
    process.on('unhandledRejection', reason => reportCaught('a background task of the language server', reason));
    const { shared, Eos } = createEosServices({ connection, ...NodeFileSystem });
    const config = new WorkspaceConfig(Eos, connection);
    const updates = shared.lsp.DocumentUpdateHandler;
    const original = updates.didChangeWatchedFiles?.bind(updates);
    updates.didChangeWatchedFiles = params => {
        config.handleWatchedFiles(params);
        const eosChanges = { changes: params.changes.filter(change => mayConcernEosFiles(change)) };
        if (eosChanges.changes.length) original?.(eosChanges);
    };
    keepWorkspaceDiagnosticsFresh(Eos, connection, { quietMs: SERVER_QUIET_MS });
    registerDiagramHandler(connection, Eos);
    registerCompareHandler(connection);
    startLanguageServer(shared);
}

/**
 * Changes worth a look by the builder: `.eos` files, and folders (a folder created, moved in or
 * deleted holds files the watcher may not list one by one). Other files (builds writing `out/`)
 * would only cancel the build in progress. The workspace manager applies the ignore rules.
 */
function mayConcernEosFiles(change: FileEvent): boolean {
    const uri = URI.parse(change.uri);
    if (uri.scheme !== 'file') return false;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (isEosFileName(name)) return true;
    return !name.includes('.') && (change.type === FileChangeType.Deleted || isFolder(uri.fsPath));
}

function isFolder(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}

export function startStdioServer(): void {
    startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
