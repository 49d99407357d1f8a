/**
 * A warning for the user. `showWarningMessage` is a request: a client that does not answer it
 * (or answers with an error, as clients without `window/showMessageRequest` do) must not turn
 * it into an unhandled rejection that ends the server.
 */
import type { Connection } from 'vscode-languageserver';

export function showWarning(connection: Connection, message: string): void {
    // Typed `void` without actions; at run time it is the request's promise.
    const shown = connection.window.showWarningMessage(message) as unknown as PromiseLike<unknown> | undefined;
    shown?.then(undefined, () => connection.console.warn(message));
}
