/**
 * Starts the EOS language server on a connection: IPC for the VS Code extension, stdio for
 * `eos lsp --stdio` (Neovim, Helix, Emacs, Zed…).
 */
import '../polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { createEosServices } from '../language/eos-module.js';
import { WorkspaceConfig } from './workspace-config.js';
import { keepWorkspaceDiagnosticsFresh } from './workspace-diagnostics.js';
import { registerDiagramHandler } from './diagram-handler.js';

export function startServer(connection: Connection): void {
    const { shared, Eos } = createEosServices({ connection, ...NodeFileSystem });
    const config = new WorkspaceConfig(Eos, connection);
    const updates = shared.lsp.DocumentUpdateHandler;
    const original = updates.didChangeWatchedFiles?.bind(updates);
    updates.didChangeWatchedFiles = params => {
        config.handleWatchedFiles(params);
        const eosChanges = { changes: params.changes.filter(change => change.uri.endsWith('.eos')) };
        if (eosChanges.changes.length) original?.(eosChanges);
    };
    keepWorkspaceDiagnosticsFresh(Eos, connection);
    registerDiagramHandler(connection, Eos);
    startLanguageServer(shared);
}

export function startStdioServer(): void {
    startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
