/**
 * The strategy tree preview (webview). One panel follows the active `.eos` editor: it asks the
 * language server for the picture (`eos/diagram`; layout runs in the server), redraws on edits
 * (debounced), highlights the node under the editor's cursor, and reveals the source of a
 * clicked node. Export SVG writes the server's standalone SVG; Export PNG has the webview draw
 * that SVG into a canvas, so the PNG wears the current theme.
 */
import * as vscode from 'vscode';
import { LSPErrorCodes, ResponseError, type LanguageClient } from 'vscode-languageclient/node';
import { DiagramRequest, type CompareParams, type DiagramFilter, type DiagramParams, type DiagramResult } from '../../shared/protocol.js';
import { openCompareMarkdown } from '../compare.js';
import type { FromWebview, PreviewTab, ToWebview } from '../../shared/preview-messages.js';
import { makeNonce, webviewHtml } from './webview-html.js';

/** Command ids and titles, contributed in package.json. */
export const PREVIEW_COMMANDS = {
    showPreview: 'eos.showPreview',
    showPreviewToSide: 'eos.showPreviewToSide',
    showKanban: 'eos.showKanban',
    exportSvg: 'eos.exportSvg',
    exportPng: 'eos.exportPng'
} as const;

const VIEW_TYPE = 'eos.preview';
const UPDATE_DELAY_MS = 300;
/** A selection change this soon after an edit of the document is the cursor carried by typing. */
const TYPED_CURSOR_MS = 250;

/** What the other commands may ask of the preview. */
export interface PreviewControl {
    /** Opens (or reveals) the preview in compare mode against a revision. */
    compare(compare: CompareParams): void;
    /** The comparison in force, if any. */
    comparing(): CompareParams | undefined;
    stopComparing(): void;
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): PreviewControl {
    let panel: StrategyPreview | undefined;
    const open = (column: vscode.ViewColumn, tab: PreviewTab) => {
        if (panel) panel.reveal(column, tab);
        else {
            panel = new StrategyPreview(context, client, column, tab);
            panel.onDispose(() => {
                panel = undefined;
            });
        }
        return panel;
    };
    context.subscriptions.push(
        vscode.commands.registerCommand(PREVIEW_COMMANDS.showPreview, () => void open(vscode.ViewColumn.Active, 'tree')),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.showPreviewToSide, () => void open(vscode.ViewColumn.Beside, 'tree')),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.showKanban, () => void open(vscode.ViewColumn.Beside, 'kanban')),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.exportSvg, () => open(vscode.ViewColumn.Beside, 'tree').exportSvg()),
        vscode.commands.registerCommand(PREVIEW_COMMANDS.exportPng, () => open(vscode.ViewColumn.Beside, 'tree').exportPng()),
        { dispose: () => panel?.dispose() }
    );
    return {
        compare: compare => open(vscode.ViewColumn.Beside, 'tree').startCompare(compare),
        comparing: () => panel?.comparison,
        stopComparing: () => panel?.stopCompare()
    };
}

class StrategyPreview {
    private readonly panel: vscode.WebviewPanel;
    private readonly disposables: vscode.Disposable[] = [];
    private readonly disposeListeners: Array<() => void> = [];
    /** The `.eos` document the preview follows (the last active one). */
    private followed: vscode.Uri | undefined;
    private view: { collapsed?: string[]; filter: DiagramFilter } = { filter: {} };
    private last: DiagramResult | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private sequence = 0;
    /** The request for the latest picture, while it runs. */
    private running: vscode.CancellationTokenSource | undefined;
    /** When an `.eos` document last changed (ms). */
    private editedAt = 0;
    private pendingPng: ((dataUrl: string) => void) | undefined;
    /** Resolved when the webview's script runs: messages posted before that are lost. */
    private readonly ready: Promise<void>;
    private markReady!: () => void;
    /** Compare mode: the revision the tree is compared with. */
    comparison: CompareParams | undefined;

    constructor(
        context: vscode.ExtensionContext,
        private readonly client: LanguageClient,
        column: vscode.ViewColumn,
        private tab: PreviewTab
    ) {
        this.ready = new Promise(resolve => {
            this.markReady = resolve;
        });
        const out = vscode.Uri.joinPath(context.extensionUri, 'out');
        this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Strategy Preview', column, {
            enableScripts: true,
            localResourceRoots: [out],
            retainContextWhenHidden: false
        });
        this.panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'images', 'icon.png');
        const webview = this.panel.webview;
        webview.html = webviewHtml({
            cspSource: webview.cspSource,
            nonce: makeNonce(),
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(out, 'webview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(out, 'webview.css')).toString()
        });
        this.followed = activeEosEditor()?.document.uri;
        this.disposables.push(
            webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
            this.panel.onDidDispose(() => this.dispose()),
            vscode.workspace.onDidChangeTextDocument(event => {
                if (!isEos(event.document)) return;
                this.editedAt = Date.now();
                this.scheduleUpdate();
            }),
            vscode.workspace.onDidSaveTextDocument(document => {
                if (isEos(document)) this.scheduleUpdate();
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (!editor || !isEos(editor.document)) return;
                this.followed = editor.document.uri;
                this.postCursor(editor);
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (!isEos(event.textEditor.document)) return;
                // A cursor carried along by typing highlights without panning; a moved one pans.
                const typed = event.kind !== vscode.TextEditorSelectionChangeKind.Mouse && Date.now() - this.editedAt < TYPED_CURSOR_MS;
                this.postCursor(event.textEditor, !typed);
            })
        );
    }

    onDispose(listener: () => void): void {
        this.disposeListeners.push(listener);
    }

    reveal(column: vscode.ViewColumn, tab: PreviewTab): void {
        this.tab = tab;
        this.panel.reveal(column);
        this.post({ type: 'showTab', tab });
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.running?.cancel();
        if (this.comparison) void vscode.commands.executeCommand('setContext', 'eos.comparing', false);
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
        this.panel.dispose();
        for (const listener of this.disposeListeners.splice(0)) listener();
    }

    private post(message: ToWebview): void {
        void this.panel.webview.postMessage(message);
    }

    private async receive(message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'ready': {
                this.markReady();
                this.post({ type: 'showTab', tab: this.tab });
                // The cursor first, so the first picture opens on the element under it.
                const editor = activeEosEditor();
                if (editor) this.postCursor(editor, false);
                if (this.last) this.post({ type: 'diagram', result: this.last });
                await this.update();
                return;
            }
            case 'view':
                this.view = { collapsed: message.collapsed, filter: message.filter };
                await this.update();
                return;
            case 'reveal':
                await revealInEditor(vscode.Uri.parse(message.uri), message.range);
                return;
            case 'export':
                await (message.format === 'svg' ? this.exportSvg() : this.exportPng());
                return;
            case 'png':
                this.pendingPng?.(message.dataUrl);
                return;
            case 'error':
                void vscode.window.showErrorMessage(`EOS: ${message.message}`);
                return;
            case 'stopCompare':
                this.stopCompare();
                return;
            case 'openMarkdown':
                if (this.last?.compare?.markdown) await openCompareMarkdown(this.last.compare.before, this.last.compare.markdown);
                return;
        }
    }

    startCompare(compare: CompareParams): void {
        this.comparison = compare;
        // The folds a compared tree opens with unfold the changes (view.ts: compareCollapsed).
        delete this.view.collapsed;
        this.panel.title = `Strategy Preview — compared with ${compare.label ?? compare.revision}`;
        this.reveal(vscode.ViewColumn.Beside, 'tree');
        void vscode.commands.executeCommand('setContext', 'eos.comparing', true);
        void this.update();
    }

    stopCompare(): void {
        if (!this.comparison) return;
        this.comparison = undefined;
        delete this.view.collapsed;
        this.panel.title = 'Strategy Preview';
        void vscode.commands.executeCommand('setContext', 'eos.comparing', false);
        void this.update();
    }

    private scheduleUpdate(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
    }

    private params(standalone = false): DiagramParams {
        const uri = (this.followed ?? activeEosEditor()?.document.uri)?.toString() ?? '';
        return {
            uri,
            filter: this.view.filter,
            ...(this.view.collapsed ? { collapsed: this.view.collapsed } : {}),
            ...(standalone ? { standalone } : {}),
            ...(this.comparison ? { compare: this.comparison } : {})
        };
    }

    /** Asks the server; undefined when it did not answer (said in the panel) or the request was cancelled. */
    private async request(params: DiagramParams, token?: vscode.CancellationToken): Promise<DiagramResult | undefined> {
        try {
            return await this.client.sendRequest(DiagramRequest, params, token);
        } catch (error) {
            // A request superseded by a newer one: nothing went wrong, a newer picture is on its way.
            if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) return undefined;
            this.post({ type: 'notice', text: `The language server did not answer: ${(error as Error).message}` });
            return undefined;
        }
    }

    /**
     * Asks for a fresh picture and cancels the request still running for an older one, so the
     * server stops laying out a picture nobody will see; an answer that arrives late is dropped.
     */
    private async update(): Promise<void> {
        const sequence = ++this.sequence;
        this.running?.cancel();
        const running = (this.running = new vscode.CancellationTokenSource());
        const result = await this.request(this.params(), running.token);
        running.dispose();
        if (this.running === running) this.running = undefined;
        if (!result || sequence !== this.sequence) return;
        this.last = result;
        if (!result.error) this.view.collapsed = result.collapsed;
        const editor = activeEosEditor();
        if (editor) this.postCursor(editor, false);
        this.post({ type: 'diagram', result });
    }

    private postCursor(editor: vscode.TextEditor, reveal = true): void {
        const position = editor.selection.active;
        this.post({ type: 'cursor', uri: editor.document.uri.toString(), line: position.line, character: position.character, reveal });
    }

    async exportSvg(): Promise<void> {
        const result = await this.request(this.params(true));
        if (!result || result.error) return void vscode.window.showErrorMessage(`EOS: ${result?.error ?? 'no picture to export'}`);
        const target = await vscode.window.showSaveDialog(exportDialog('svg', 'SVG image'));
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${result.svg}\n`));
        void vscode.window.showInformationMessage(`EOS: the strategy tree was written to ${vscode.workspace.asRelativePath(target)}.`);
    }

    async exportPng(): Promise<void> {
        const result = await this.request(this.params(true));
        if (!result || result.error) return void vscode.window.showErrorMessage(`EOS: ${result?.error ?? 'no picture to export'}`);
        await this.ready;
        const dataUrl = await new Promise<string | undefined>(resolve => {
            const timeout = setTimeout(() => resolve(undefined), 20_000);
            this.pendingPng = url => {
                clearTimeout(timeout);
                resolve(url);
            };
            this.post({ type: 'renderPng', svg: result.svg });
        });
        this.pendingPng = undefined;
        if (!dataUrl?.startsWith('data:image/png;base64,')) return void vscode.window.showErrorMessage('EOS: the preview did not produce a PNG (is it visible?).');
        const target = await vscode.window.showSaveDialog(exportDialog('png', 'PNG image'));
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
        void vscode.window.showInformationMessage(`EOS: the strategy tree was written to ${vscode.workspace.asRelativePath(target)}.`);
    }
}

function isEos(document: vscode.TextDocument): boolean {
    return document.languageId === 'eos' || document.uri.path.endsWith('.eos');
}

function activeEosEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && isEos(editor.document)) return editor;
    return vscode.window.visibleTextEditors.find(e => isEos(e.document));
}

function exportDialog(extension: string, label: string): vscode.SaveDialogOptions {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return { ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `strategy-tree.${extension}`) } : {}), filters: { [label]: [extension] } };
}

/** Opens the source in the editor column it is already visible in, else beside the preview. */
async function revealInEditor(uri: vscode.Uri, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, {
        viewColumn: visible?.viewColumn ?? vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.One,
        selection,
        preserveFocus: false
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
