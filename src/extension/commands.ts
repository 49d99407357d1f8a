/**
 * Every command of the extension's own, registered in one place. (The preview registers its
 * commands in preview/preview-panel.ts.)
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { compareStrategyWith, registerCompareDocuments } from './compare.js';
import type { PreviewControl } from './preview/preview-panel.js';

export const Commands = {
    restartServer: 'eos.restartServer',
    showOutput: 'eos.showOutput',
    compareWith: 'eos.compareWith'
} as const;

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel, preview: PreviewControl): void {
    registerCompareDocuments(context);
    context.subscriptions.push(
        vscode.commands.registerCommand(Commands.restartServer, () => restartServer(client, output)),
        vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
        vscode.commands.registerCommand(Commands.compareWith, () => compareStrategyWith(client, preview))
    );
}

async function restartServer(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
    output.info('Restarting the EOS language server');
    try {
        // restart() also works when the server crashed or never started.
        await client.restart();
        void vscode.window.setStatusBarMessage('EOS language server restarted', 3000);
    } catch (error) {
        output.error(`Restart failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        void vscode.window.showErrorMessage('EOS: the language server did not restart. See the "EOS" output for details.', 'Show Output').then(choice => {
            if (choice) output.show(true);
        });
    }
}
