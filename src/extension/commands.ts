/**
 * Every command of the extension's own, registered in one place. (The preview registers its
 * commands in preview/preview-panel.ts.)
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const Commands = {
    restartServer: 'eos.restartServer',
    showOutput: 'eos.showOutput'
} as const;

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
    context.subscriptions.push(
        vscode.commands.registerCommand(Commands.restartServer, () => restartServer(client, output)),
        vscode.commands.registerCommand(Commands.showOutput, () => output.show(true))
    );
}

async function restartServer(client: LanguageClient, output: vscode.LogOutputChannel): Promise<void> {
    output.info('Restarting the EOS language server');
    try {
        // restart() also works when the server crashed or never started.
        await client.restart();
        void vscode.window.setStatusBarMessage('EOS language server restarted', 3000);
    } catch (error) {
        output.error(`Restart failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        void vscode.window.showErrorMessage('EOS: the language server did not restart. See the "EOS" output for details.', 'Show Output')
            .then(choice => { if (choice) output.show(true); });
    }
}
