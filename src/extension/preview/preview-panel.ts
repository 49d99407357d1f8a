/**
 * The strategy tree preview (webview). Owned by the preview work; the extension's activation
 * calls `registerPreview` once with the running language client.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function registerPreview(_context: vscode.ExtensionContext, _client: LanguageClient): void {
    // Replaced by the preview implementation (command `eos.showPreview`).
}
