/**
 * "EOS: Compare Strategy with…": picks a revision (HEAD, a branch, a tag, a recent commit) from
 * the list the language server reads with git, then opens the preview in compare mode. The client
 * only asks and shows: git, the diff, the overlay and the Markdown are computed by the server, on
 * the same path as `eos diff`. The Markdown (the pull-request comment) opens as a read-only
 * document in VS Code's own Markdown preview.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RevisionsRequest, type RevisionsResult } from '../shared/protocol.js';
import type { RevisionChoice } from '../diff/revisions.js';
import type { PreviewControl } from './preview/preview-panel.js';

export const COMPARE_SCHEME = 'eos-compare';

const documents = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

/** Serves the comparisons' Markdown as read-only documents (no "save changes?" when closed). */
export function registerCompareDocuments(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
        changed,
        vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, {
            onDidChange: changed.event,
            provideTextDocumentContent: uri => documents.get(uri.toString()) ?? ''
        })
    );
}

export async function openCompareMarkdown(label: string, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/Strategy changes since ${label.replace(/[/\\]/g, '-')}.md` });
    documents.set(uri.toString(), markdown);
    changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
}

interface RevisionItem extends vscode.QuickPickItem {
    choice?: RevisionChoice;
    stop?: boolean;
}

const ICON: Record<RevisionChoice['kind'], string> = { head: '$(git-commit)', branch: '$(git-branch)', tag: '$(tag)', commit: '$(git-commit)' };
const SECTION: Record<RevisionChoice['kind'], string> = { head: 'Last commit', branch: 'Branches', tag: 'Tags', commit: 'Recent commits' };

export async function compareStrategyWith(client: LanguageClient, preview: PreviewControl): Promise<void> {
    const folder = compareFolder();
    if (!folder) {
        void vscode.window.showErrorMessage('EOS: open a folder that holds your .eos files first: the strategy is compared with an earlier version of that folder.');
        return;
    }
    let answer: RevisionsResult;
    try {
        answer = await client.sendRequest(RevisionsRequest, { folder: folder.uri.fsPath });
    } catch (error) {
        void vscode.window.showErrorMessage(`EOS: the language server did not answer: ${(error as Error).message}`);
        return;
    }
    if (answer.error) {
        void vscode.window.showErrorMessage(`EOS: ${answer.error}`);
        return;
    }
    const items: RevisionItem[] = [];
    const current = preview.comparing();
    if (current) items.push({ label: '$(close) Stop comparing', description: `now compared with ${current.label ?? current.revision}`, stop: true });
    let section: string | undefined;
    for (const choice of answer.revisions) {
        if (SECTION[choice.kind] !== section) {
            section = SECTION[choice.kind];
            items.push({ label: section, kind: vscode.QuickPickItemKind.Separator });
        }
        const name = choice.kind === 'commit' ? choice.commit : choice.ref;
        items.push({
            label: `${ICON[choice.kind]} ${name}`,
            description: choice.kind === 'commit' ? choice.subject : `${choice.commit} · ${choice.subject}`,
            detail: `${choice.when} · ${choice.author}`,
            choice
        });
    }
    const picked = await vscode.window.showQuickPick(items, {
        title: 'Compare Strategy with…',
        placeHolder: 'The branch, tag or commit to compare the strategy in the editor with',
        matchOnDescription: true
    });
    if (!picked) return;
    if (picked.stop) return preview.stopComparing();
    const choice = picked.choice!;
    preview.compare({ folder: folder.uri.fsPath, revision: choice.ref, label: choice.kind === 'commit' ? choice.commit : choice.ref });
}

/** The workspace folder of the active `.eos` file, else the only (or first) folder. */
function compareFolder(): vscode.WorkspaceFolder | undefined {
    const editor = vscode.window.activeTextEditor;
    const fromEditor = editor && vscode.workspace.getWorkspaceFolder(editor.document.uri);
    return fromEditor ?? vscode.workspace.workspaceFolders?.find(folder => folder.uri.scheme === 'file');
}
