/**
 * Every custom request between the VS Code extension (or the webview) and the language server,
 * declared once and imported by both sides. Plain LSP features need nothing here.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface DiagramParams {
    /** The document the preview follows; the diagram covers the whole workspace. */
    uri: string;
}

/** Filled in by the preview work (issue: the strategy tree preview). */
export interface DiagramResult {
    [key: string]: unknown;
}

export const DiagramRequest = new RequestType<DiagramParams, DiagramResult, void>('eos/diagram');
