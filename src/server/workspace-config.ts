/**
 * Loads `eos.config.json` from the workspace folders and the `eos.*` editor settings, and
 * re-validates every document when either changes. The config file wins over editor settings
 * where both speak about the same code: it is what the team and CI agreed on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI } from 'langium';
import type { Connection, DidChangeWatchedFilesParams, WorkspaceFolder } from 'vscode-languageserver';
import type { EosServices } from '../language/eos-module.js';
import { showWarning } from '../language/workspace/show-warning.js';
import { CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG, parseConfig, parseSeverities } from '../language/workspace/eos-config.js';

export class WorkspaceConfig {
    private folders: WorkspaceFolder[] = [];

    constructor(private readonly services: EosServices, private readonly connection: Connection) {
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize(params => {
            this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
            this.loadFile();
        });
        // Settings fetched at start-up do not fire an update event: apply them once they are in.
        const provider = shared.workspace.ConfigurationProvider;
        void provider.ready.then(async () => {
            const stalledAfterDays = await provider.getConfiguration('eos', 'stalledAfterDays');
            const diagnostics = await provider.getConfiguration('eos', 'diagnostics');
            if (stalledAfterDays === undefined && diagnostics === undefined) return;
            this.applySettings({ stalledAfterDays, diagnostics });
            await this.revalidateAll();
        });
        provider.onConfigurationSectionUpdate(update => {
            if (update.section === 'eos') {
                this.applySettings(update.configuration);
                void this.revalidateAll();
            }
        });
    }

    /** Reads the first `eos.config.json` among the workspace folders; reports a broken one. */
    loadFile(): void {
        const strategy = this.services.eos.StrategyWorkspace;
        for (const folder of this.folders) {
            const file = path.join(URI.parse(folder.uri).fsPath, CONFIG_FILE_NAME);
            if (!fs.existsSync(file)) continue;
            try {
                strategy.setConfig(parseConfig(fs.readFileSync(file, 'utf8'), file));
            } catch (error) {
                strategy.setConfig(DEFAULT_CONFIG);
                const message = error instanceof ConfigError ? error.message : `${file}: ${(error as Error).message}`;
                showWarning(this.connection, `EOS ignores its config: ${message}`);
            }
            return;
        }
        strategy.setConfig(DEFAULT_CONFIG);
    }

    applySettings(settings: unknown): void {
        const strategy = this.services.eos.StrategyWorkspace;
        const eos = (settings ?? {}) as { stalledAfterDays?: unknown; diagnostics?: unknown };
        strategy.editorStalledAfterDays = typeof eos.stalledAfterDays === 'number' && eos.stalledAfterDays >= 0 ? eos.stalledAfterDays : undefined;
        try {
            strategy.editorDiagnostics = eos.diagnostics ? parseSeverities(stripDefaults(eos.diagnostics), 'settings eos.diagnostics') : {};
        } catch (error) {
            strategy.editorDiagnostics = {};
            showWarning(this.connection, `EOS ignores a setting: ${(error as Error).message}`);
        }
        strategy.invalidate();
    }

    /** True when the watched-file event concerns a config file; reloads it then. */
    handleWatchedFiles(params: DidChangeWatchedFilesParams): boolean {
        if (!params.changes.some(change => change.uri.endsWith('/' + CONFIG_FILE_NAME))) return false;
        this.loadFile();
        void this.revalidateAll();
        return true;
    }

    async revalidateAll(): Promise<void> {
        const workspace = this.services.shared.workspace;
        await workspace.WorkspaceLock.write(async token => {
            const documents = workspace.LangiumDocuments.all.toArray();
            for (const document of documents) {
                if (document.state > DocumentState.IndexedReferences) workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
            }
            this.services.eos.StrategyWorkspace.invalidate();
            await workspace.DocumentBuilder.build(documents, { validation: true }, token);
        });
    }
}

/** VS Code sends `"default"` for codes the user left alone. */
function stripDefaults(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== 'default' && v !== undefined && v !== null));
}
