/**
 * The `eos.*` editor settings as the client reports them. The client forwards the whole `eos`
 * section to the language server, which applies it; the client reads it only to tell the user in
 * the output channel what is in force, with the one parser the server uses
 * (src/language/workspace/eos-settings.ts). Pure (no run-time `vscode`), so tested without an editor.
 */
import type * as vscode from 'vscode';
import { parseEditorSettings, SETTINGS_SECTION, type SettingsReading } from '../language/workspace/eos-settings.js';

export { SETTINGS_SECTION } from '../language/workspace/eos-settings.js';

/** Reads the settings the server will apply, with a message for each value it will not. */
export function readSettings(configuration: Pick<vscode.WorkspaceConfiguration, 'get'>): SettingsReading {
    return parseEditorSettings({ stalledAfterDays: configuration.get<unknown>('stalledAfterDays'), diagnostics: configuration.get<unknown>('diagnostics') });
}

/** One line for the output channel, e.g. `stalledAfterDays 30; orphan-bet → error`. */
export function describeSettings({ settings, problems }: SettingsReading): string {
    const days = settings.stalledAfterDays === undefined ? 'stalledAfterDays from eos.config.json or 30' : `stalledAfterDays ${settings.stalledAfterDays}`;
    const overrides = Object.entries(settings.diagnostics).map(([code, severity]) => `${code} → ${severity}`);
    const ignored = problems.length ? [`ignored: ${problems.join('; ')}`] : [];
    return [days, overrides.length ? overrides.join(', ') : 'no severity overrides', ...ignored].join('; ');
}

export function affectsEosSettings(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(SETTINGS_SECTION);
}
