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
import { CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG, parseConfig } from '../language/workspace/eos-config.js';
import { parseEditorSettings, SETTINGS_SECTION } from '../language/workspace/eos-settings.js';

export class WorkspaceConfig {
    private folders: WorkspaceFolder[] = [];

    constructor(
        private readonly services: EosServices,
        private readonly connection: Connection
    ) {
        const shared = services.shared;
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => this.handleWatchedFiles(params));
        shared.lsp.LanguageServer.onInitialize(params => {
            this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
            this.loadFile();
        });
        // Settings fetched at start-up do not fire an update event: apply them once they are in.
        const provider = shared.workspace.ConfigurationProvider;
        void provider.ready.then(async () => {
            const stalledAfterDays = await provider.getConfiguration(SETTINGS_SECTION, 'stalledAfterDays');
            const diagnostics = await provider.getConfiguration(SETTINGS_SECTION, 'diagnostics');
            if (stalledAfterDays === undefined && diagnostics === undefined) return;
            this.applySettings({ stalledAfterDays, diagnostics });
            await this.revalidateAll();
        });
        provider.onConfigurationSectionUpdate(update => {
            if (update.section === SETTINGS_SECTION) {
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

    /** Applies the `eos` settings section as the editor sent it; says which values it leaves out. */
    applySettings(section: unknown): void {
        const strategy = this.services.eos.StrategyWorkspace;
        const { settings, problems } = parseEditorSettings(section);
        strategy.editorStalledAfterDays = settings.stalledAfterDays;
        strategy.editorDiagnostics = settings.diagnostics;
        if (problems.length) showWarning(this.connection, `EOS ignores ${problems.length === 1 ? 'a setting' : 'some settings'}: ${problems.join('; ')}`);
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
