/**
 * Starts the EOS language server on a connection: IPC for the VS Code extension, stdio for
 * `eos lsp --stdio` (Neovim, Helix, Emacs, Zed…).
 */
import '../polyfill.js';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { createEosServices } from '../language/eos-module.js';
import { EosServerModule } from './eos-server-module.js';
import { keepWorkspaceDiagnosticsFresh, SERVER_QUIET_MS } from './workspace-diagnostics.js';
import { registerDiagramHandler } from './diagram-handler.js';
import { registerCompareHandler } from './compare-handler.js';
import { reportCaught } from '../language/helpers/answer-or.js';

export function startServer(connection: Connection): void {
    // A promise nobody awaited that rejects must not end the server (Node's default): the user
    // would lose every file's findings over one background task. It is logged like any caught error.
    process.on('unhandledRejection', reason => reportCaught('a background task of the language server', reason));
    const { shared, Eos } = createEosServices({ connection, ...NodeFileSystem }, EosServerModule);
    // Built eagerly: it must hear `initialize` (the workspace folders) and the first settings.
    void Eos.server.WorkspaceConfig;
    keepWorkspaceDiagnosticsFresh(Eos, connection, { quietMs: SERVER_QUIET_MS });
    registerDiagramHandler(connection, Eos);
    registerCompareHandler(connection);
    startLanguageServer(shared);
}

export function startStdioServer(): void {
    startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
