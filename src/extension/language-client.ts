/**
 * Creates the client for the bundled language server (out/server.cjs), spoken to over IPC: the
 * server runs in its own Node process, so a slow workspace build never blocks the editor.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_V8_FLAGS } from '../shared/server-process.js';
import { SETTINGS_SECTION } from './config.js';

/** Also the prefix of `eos.trace.server`, which vscode-languageclient reads by this id. */
export const CLIENT_ID = 'eos';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
    const module = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_V8_FLAGS] } },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_V8_FLAGS, '--nolazy', '--inspect=6009'] } }
    };
    // Files changed outside the editor (git checkout, another tool) and the config file. The client
    // re-hooks these on every (re)start but never disposes them: the extension does.
    const watchers = ['**/*.eos', '**/eos.config.json'].map(glob => vscode.workspace.createFileSystemWatcher(glob));
    context.subscriptions.push(...watchers);
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'eos' },
            { scheme: 'untitled', language: 'eos' }
        ],
        outputChannel: output,
        synchronize: {
            // The server reads section `eos` (stalledAfterDays, diagnostics) on start and on change.
            configurationSection: SETTINGS_SECTION,
            fileEvents: watchers
        }
    };
    return new LanguageClient(CLIENT_ID, 'EOS Language Server', serverOptions, clientOptions);
}
