/**
 * Watched-file events through the language's DocumentUpdateHandler (eos-document-update-handler.ts,
 * registered in eos-module.ts): `.eos` files and folders reach the builder, other files do not,
 * and every listener of `onWatchedFilesChange` (the workspace config) still sees every change.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, describe, expect, it } from 'vitest';
import { FileChangeType, type DidChangeWatchedFilesParams, type FileEvent, type InitializeParams } from 'vscode-languageserver';
import { createEosServices } from '../../../src/language/eos-module.js';

const folders: string[] = [];
afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

async function start() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-file-events-'));
    folders.push(folder);
    fs.writeFileSync(path.join(folder, 'a.eos'), 'vision V "Vision"\n');
    const { shared } = createEosServices(NodeFileSystem);
    const params = { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'ws' }] } as InitializeParams;
    await shared.lsp.LanguageServer.initialize(params);
    shared.lsp.LanguageServer.initialized({});
    await shared.workspace.WorkspaceManager.ready;
    // The first build is in the lock with the workspace's loading; only what comes after counts.
    await shared.workspace.WorkspaceLock.write(async () => undefined);
    const updates: Array<{ changed: string[]; deleted: string[] }> = [];
    shared.workspace.DocumentBuilder.onUpdate((changed, deleted) => {
        updates.push({ changed: changed.map(uri => uri.toString()), deleted: deleted.map(uri => uri.toString()) });
    });
    const heard: DidChangeWatchedFilesParams[] = [];
    const handler = shared.lsp.DocumentUpdateHandler;
    handler.onWatchedFilesChange(params => heard.push(params));
    const uri = (name: string) => URI.file(path.join(folder, name)).toString();
    const names = () =>
        shared.workspace.LangiumDocuments.all
            .map(doc => path.basename(doc.uri.fsPath))
            .toArray()
            .sort();
    /** Sends the events and waits until the builder is idle again. */
    const send = async (changes: DidChangeWatchedFilesParams['changes']) => {
        handler.didChangeWatchedFiles!({ changes });
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.WorkspaceLock.write(async () => undefined);
    };
    return { folder, uri, send, updates, heard, names };
}

describe('watched-file events', () => {
    it('bring a new .eos file into the workspace and drop a deleted one', async () => {
        const { folder, uri, send, updates, names } = await start();
        expect(names()).toEqual(['a.eos']);
        fs.writeFileSync(path.join(folder, 'b.eos'), 'theme T "Theme"\n');
        await send([{ uri: uri('b.eos'), type: FileChangeType.Created }]);
        expect(names()).toEqual(['a.eos', 'b.eos']);
        fs.rmSync(path.join(folder, 'a.eos'));
        await send([{ uri: uri('a.eos'), type: FileChangeType.Deleted }]);
        expect(names()).toEqual(['b.eos']);
        expect(updates).toEqual([
            { changed: [uri('b.eos')], deleted: [] },
            { changed: [], deleted: [uri('a.eos')] }
        ]);
    });

    it('do not reach the builder for other files, yet every listener hears them', async () => {
        const { folder, uri, send, updates, heard } = await start();
        fs.mkdirSync(path.join(folder, 'out'));
        fs.writeFileSync(path.join(folder, 'out', 'x.js'), '');
        fs.writeFileSync(path.join(folder, 'eos.config.json'), '{}');
        const changes: FileEvent[] = [
            { uri: uri('out/x.js'), type: FileChangeType.Created },
            { uri: uri('eos.config.json'), type: FileChangeType.Changed },
            { uri: 'untitled:Untitled-1', type: FileChangeType.Changed }
        ];
        await send(changes);
        expect(updates).toEqual([]);
        expect(heard).toEqual([{ changes }]);
    });

    it('pass a folder moved in, or deleted, to the builder, which reads the .eos files inside', async () => {
        const { folder, uri, send, updates, names } = await start();
        fs.mkdirSync(path.join(folder, 'team'));
        fs.writeFileSync(path.join(folder, 'team', 'c.eos'), 'theme C "C"\n');
        await send([
            { uri: uri('team'), type: FileChangeType.Created },
            { uri: uri('team'), type: FileChangeType.Created }
        ]);
        // Given once though sent twice; the builder reads the folder's .eos files.
        expect(updates).toEqual([{ changed: [uri('team/c.eos')], deleted: [] }]);
        expect(names()).toEqual(['a.eos', 'c.eos']);
        fs.rmSync(path.join(folder, 'team'), { recursive: true });
        await send([{ uri: uri('team'), type: FileChangeType.Deleted }]);
        expect(updates).toHaveLength(2);
        expect(names()).toEqual(['a.eos']);
    });
});
