/**
 * The VS Code extension: a thin client. Everything about the language lives in the language
 * server; this starts it, forwards settings and file events, and hosts the preview.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands.js';
import { affectsEosSettings, describeSettings, readSettings, SETTINGS_SECTION } from './config.js';
import { createLanguageClient } from './language-client.js';
import { registerPreview } from './preview/preview-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('EOS', { log: true });
    context.subscriptions.push(output);
    client = createLanguageClient(context, output);
    registerCommands(context, client, output, registerPreview(context, client));
    output.info(`EOS ${String(context.extension.packageJSON.version)}: settings ${currentSettings()}`);
    context.subscriptions.push(
        vscode.workspace.onDidChangeConfiguration(event => {
            if (affectsEosSettings(event)) output.info(`Settings changed: ${currentSettings()}`);
        })
    );
    try {
        await client.start();
        output.info('EOS language server started.');
    } catch (error) {
        // Keep the extension alive: the user can fix the cause and run "EOS: Restart Language Server".
        output.error(`EOS language server failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        void vscode.window.showErrorMessage('EOS: the language server failed to start. See the "EOS" output.');
    }
}

function currentSettings(): string {
    return describeSettings(readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION)));
}

export async function deactivate(): Promise<void> {
    await client?.dispose();
    client = undefined;
}
