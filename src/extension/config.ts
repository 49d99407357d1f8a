/**
 * The `eos.*` editor settings, typed. The client forwards the whole `eos` section to the language
 * server (which applies it, see src/server/workspace-config.ts); it reads the settings itself only
 * to tell the user in the output channel what is in force. Pure (no run-time `vscode`), so tested
 * without an editor.
 */
import type * as vscode from 'vscode';
import { isDiagnosticCode, type DiagnosticCode, type SeverityOverride } from '../language/validation/codes.js';

export const SETTINGS_SECTION = 'eos';

/** `"default"` leaves a code at its catalogue severity (or what `eos.config.json` says). */
export type SeveritySetting = SeverityOverride | 'default';

export interface EosSettings {
    stalledAfterDays: number | undefined;
    /** Only the codes the user changed; `eos.config.json` wins where it names the same code. */
    diagnostics: Partial<Record<DiagnosticCode, SeverityOverride>>;
}

const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off', 'default'];

/** Reads the settings, dropping values VS Code's schema check would have flagged anyway. */
export function readSettings(configuration: Pick<vscode.WorkspaceConfiguration, 'get'>): EosSettings {
    const days = configuration.get<unknown>('stalledAfterDays');
    const raw = configuration.get<unknown>('diagnostics');
    const diagnostics: EosSettings['diagnostics'] = {};
    if (typeof raw === 'object' && raw !== null) {
        for (const [code, severity] of Object.entries(raw as Record<string, unknown>)) {
            if (isDiagnosticCode(code) && isSeveritySetting(severity) && severity !== 'default') diagnostics[code] = severity;
        }
    }
    return {
        stalledAfterDays: typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : undefined,
        diagnostics
    };
}

/** One line for the output channel, e.g. `stalledAfterDays 30; orphan-bet → error`. */
export function describeSettings(settings: EosSettings): string {
    const days = settings.stalledAfterDays === undefined ? 'stalledAfterDays from eos.config.json or 30' : `stalledAfterDays ${settings.stalledAfterDays}`;
    const overrides = Object.entries(settings.diagnostics).map(([code, severity]) => `${code} → ${severity}`);
    return [days, overrides.length ? overrides.join(', ') : 'no severity overrides'].join('; ');
}

export function affectsEosSettings(event: vscode.ConfigurationChangeEvent): boolean {
    return event.affectsConfiguration(SETTINGS_SECTION);
}

function isSeveritySetting(value: unknown): value is SeveritySetting {
    return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}
