/**
 * The `eos.*` editor settings, read once for everyone: the extension (to say in its output
 * channel what is in force) and the language server (to apply them) call this parser, which
 * checks each value with the same readers as `eos.config.json`, so a value means the same thing
 * in the settings and in the file. The file wins where both name the same code: it is what the
 * team and CI agreed on.
 */
import { ConfigError, parseSeverities, readWholeDays, type EosConfig } from './eos-config.js';

/** The section of the editor settings that EOS reads. */
export const SETTINGS_SECTION = 'eos';

/** What the settings may say; undefined or absent where they leave it to the config file. */
export interface EditorSettings {
    stalledAfterDays: number | undefined;
    /** Only the codes the user changed. */
    diagnostics: EosConfig['diagnostics'];
}

export interface SettingsReading {
    settings: EditorSettings;
    /** One message per value that could not be read (and is not applied), naming the setting. */
    problems: string[];
}

/**
 * Reads the `eos` settings section as an editor sends it. A value it cannot read is left out
 * with a problem naming it, and the other values still apply (one mistyped code does not undo
 * the user's other overrides). `"default"` — what VS Code sends for a code left alone — and
 * `null` are no override. Keys EOS does not read (`trace.server`) are the editor's business.
 */
export function parseEditorSettings(section: unknown): SettingsReading {
    const problems: string[] = [];
    const settings: EditorSettings = { stalledAfterDays: undefined, diagnostics: {} };
    if (section === undefined || section === null) return { settings, problems };
    if (typeof section !== 'object' || Array.isArray(section)) {
        return { settings, problems: [`the "${SETTINGS_SECTION}" settings must be an object, not ${JSON.stringify(section)}`] };
    }
    const { stalledAfterDays, diagnostics } = section as { stalledAfterDays?: unknown; diagnostics?: unknown };
    if (stalledAfterDays !== undefined && stalledAfterDays !== null) {
        read(problems, () => {
            settings.stalledAfterDays = readWholeDays('stalledAfterDays', stalledAfterDays, `setting ${SETTINGS_SECTION}`);
        });
    }
    if (diagnostics !== undefined && diagnostics !== null) {
        if (typeof diagnostics !== 'object' || Array.isArray(diagnostics)) {
            read(problems, () => parseSeverities(diagnostics, `setting ${SETTINGS_SECTION}`));
        } else {
            for (const [code, severity] of Object.entries(diagnostics)) {
                if (severity === 'default' || severity === undefined || severity === null) continue;
                read(problems, () => Object.assign(settings.diagnostics, parseSeverities({ [code]: severity }, `setting ${SETTINGS_SECTION}.diagnostics`)));
            }
        }
    }
    return { settings, problems };
}

function read(problems: string[], reading: () => void): void {
    try {
        reading();
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problems.push(error.message);
    }
}
