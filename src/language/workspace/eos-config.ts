/**
 * `eos.config.json`: severities per diagnostic code and the stalled-work threshold, shared by the
 * editor and the CLI so that both report the same findings.
 */
import { CATALOGUE, isDiagnosticCode, SEVERITY_OVERRIDES, type DiagnosticCode, type Severity, type SeverityOverride } from '../validation/codes.js';

export const CONFIG_FILE_NAME = 'eos.config.json';
export const DEFAULT_STALLED_AFTER_DAYS = 30;

export interface EosConfig {
    /** Undefined when the file does not say; the editor setting or the default applies then. */
    stalledAfterDays?: number;
    /** Days a tenet may go uncited by decision records (the usage audit); default 90. */
    tenetUnusedAfterDays?: number;
    /** Days a value may go unapplied by decision records before it drifts; default 90. */
    valueDriftAfterDays?: number;
    /** Overrides per code; a code not listed keeps its catalogue severity. */
    diagnostics: Partial<Record<DiagnosticCode, SeverityOverride>>;
    /** `eos mcp`: whether an assistant may write files (`apply_change`); off unless the file says so. */
    mcp?: { allowWrites: boolean };
}

export const DEFAULT_CONFIG: EosConfig = { diagnostics: {} };

/** The settings that are a number of days. */
const DAY_KEYS = ['stalledAfterDays', 'tenetUnusedAfterDays', 'valueDriftAfterDays'] as const;
type DayKey = typeof DAY_KEYS[number];

export class ConfigError extends Error {}

/**
 * Reads a config from its JSON text. Throws {@link ConfigError} with a message that names the
 * offending key, so a typo in the file is reported instead of silently ignored.
 */
export function parseConfig(text: string, source = CONFIG_FILE_NAME): EosConfig {
    let raw: unknown;
    try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        throw new ConfigError(`${source}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new ConfigError(`${source}: expected a JSON object such as { "stalledAfterDays": 30, "diagnostics": { "unfunded-bet": "off" } }`);
    }
    const config: EosConfig = { diagnostics: {} };
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
        if (key === '$schema') continue;
        if (DAY_KEYS.includes(key as DayKey)) {
            if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
                throw new ConfigError(`${source}: "${key}" must be a whole number of days (0 or more), not ${JSON.stringify(value)}`);
            }
            config[key as DayKey] = value;
        } else if (key === 'diagnostics') {
            config.diagnostics = parseSeverities(value, source);
        } else if (key === 'mcp') {
            const allowWrites = (value as { allowWrites?: unknown } | null)?.allowWrites;
            if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.keys(value).some(k => k !== 'allowWrites') || (allowWrites !== undefined && typeof allowWrites !== 'boolean')) {
                throw new ConfigError(`${source}: "mcp" must be { "allowWrites": true } or { "allowWrites": false }, not ${JSON.stringify(value)}`);
            }
            config.mcp = { allowWrites: allowWrites === true };
        } else {
            throw new ConfigError(`${source}: unknown key "${key}"; expected ${[...DAY_KEYS, 'diagnostics', 'mcp'].map(k => `"${k}"`).join(', ')}`);
        }
    }
    return config;
}

export function parseSeverities(value: unknown, source: string): EosConfig['diagnostics'] {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ConfigError(`${source}: "diagnostics" must map codes to severities, e.g. { "orphan-bet": "error" }`);
    }
    const result: EosConfig['diagnostics'] = {};
    for (const [code, severity] of Object.entries(value as Record<string, unknown>)) {
        if (!isDiagnosticCode(code)) {
            throw new ConfigError(`${source}: unknown diagnostic code "${code}"${nearestCodeHint(code)}`);
        }
        if (typeof severity !== 'string' || !(SEVERITY_OVERRIDES as readonly string[]).includes(severity)) {
            throw new ConfigError(`${source}: severity of "${code}" must be one of ${SEVERITY_OVERRIDES.join(', ')}, not ${JSON.stringify(severity)}`);
        }
        result[code] = severity as SeverityOverride;
    }
    return result;
}

function nearestCodeHint(code: string): string {
    const close = Object.keys(CATALOGUE).filter(known => known.includes(code) || code.includes(known));
    return close.length ? ` (did you mean "${close[0]}"?)` : '';
}

/** The severity a code is reported with under a config, or 'off'. */
export function effectiveSeverity(code: DiagnosticCode, config: EosConfig, fallback?: EosConfig['diagnostics']): Severity | 'off' {
    return config.diagnostics[code] ?? fallback?.[code] ?? CATALOGUE[code].severity;
}
