import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { createEosServices } from '../../src/language/eos-module.js';
import { WorkspaceConfig } from '../../src/server/workspace-config.js';

const folders: string[] = [];
afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

async function start(configText?: string) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-config-'));
    folders.push(folder);
    if (configText !== undefined) fs.writeFileSync(path.join(folder, 'eos.config.json'), configText);
    const { shared, Eos } = createEosServices(EmptyFileSystem);
    const warnings: string[] = [];
    const connection = {
        window: {
            showWarningMessage: async (m: string) => {
                warnings.push(m);
            }
        }
    } as unknown as Connection;
    const config = new WorkspaceConfig(Eos, connection);
    const params = { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'ws' }] } as InitializeParams;
    await shared.lsp.LanguageServer.initialize(params);
    return { folder, config, shared, strategy: Eos.eos.StrategyWorkspace, warnings };
}

describe('eos.config.json in the language server', () => {
    it('is read from the workspace folder at start-up', async () => {
        const { strategy } = await start('{ "stalledAfterDays": 7, "diagnostics": { "unfunded-bet": "off" } }');
        expect(strategy.stalledAfterDays).toBe(7);
        expect(strategy.config.diagnostics).toEqual({ 'unfunded-bet': 'off' });
    });

    it('falls back to defaults with a visible warning when the file is broken', async () => {
        const { strategy, warnings } = await start('{ "diagnostics": { "nope": "off" } }');
        expect(strategy.config.diagnostics).toEqual({});
        expect(warnings).toEqual([expect.stringContaining('unknown diagnostic code "nope"')]);
    });

    it('is reloaded when the watched file changes', async () => {
        const { folder, config, strategy } = await start();
        expect(strategy.stalledAfterDays).toBe(30);
        fs.writeFileSync(path.join(folder, 'eos.config.json'), '{ "stalledAfterDays": 3 }');
        const handled = config.handleWatchedFiles({ changes: [{ uri: URI.file(path.join(folder, 'eos.config.json')).toString(), type: 2 }] });
        expect(handled).toBe(true);
        expect(strategy.stalledAfterDays).toBe(3);
        expect(config.handleWatchedFiles({ changes: [{ uri: 'file:///x/a.eos', type: 2 }] })).toBe(false);
    });

    it('is reloaded when the client reports the file changed (through the DocumentUpdateHandler)', async () => {
        const { folder, shared, strategy } = await start('{ "stalledAfterDays": 7 }');
        fs.writeFileSync(path.join(folder, 'eos.config.json'), '{ "stalledAfterDays": 4 }');
        shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: URI.file(path.join(folder, 'eos.config.json')).toString(), type: 2 }] });
        expect(strategy.stalledAfterDays).toBe(4);
    });

    it('lets editor settings fill what the file leaves open', async () => {
        const { config, strategy } = await start('{ "diagnostics": { "orphan-bet": "error" } }');
        config.applySettings({ stalledAfterDays: 10, diagnostics: { 'orphan-bet': 'hint', 'unfunded-bet': 'off', 'too-many-krs': 'default' } });
        expect(strategy.stalledAfterDays).toBe(10);
        expect(strategy.editorDiagnostics).toEqual({ 'orphan-bet': 'hint', 'unfunded-bet': 'off' });
        expect(strategy.config.diagnostics['orphan-bet']).toBe('error');
    });

    it('applies the settings it can read and names the ones it cannot (one unknown code used to drop every override)', async () => {
        const { config, strategy, warnings } = await start();
        config.applySettings({ stalledAfterDays: 2.5, diagnostics: { 'orphan-bet': 'hint', 'orphan-bett': 'off' } });
        expect(strategy.stalledAfterDays).toBe(30);
        expect(strategy.editorDiagnostics).toEqual({ 'orphan-bet': 'hint' });
        expect(warnings).toEqual([
            'EOS ignores some settings: setting eos: "stalledAfterDays" must be a whole number of days (0 or more), not 2.5; ' +
                'setting eos.diagnostics: unknown diagnostic code "orphan-bett" (did you mean "orphan-bet"?)'
        ]);
    });
});
