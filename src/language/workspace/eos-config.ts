/**
 * `eos.config.json`: severities per diagnostic code and the stalled-work threshold, shared by the
 * editor and the CLI so that both report the same findings.
 */
import { parseYearStart } from '../model/periods.js';
import { CATALOGUE, isDiagnosticCode, SEVERITY_OVERRIDES, type DiagnosticCode, type Severity, type SeverityOverride } from '../validation/codes.js';

export const CONFIG_FILE_NAME = 'eos.config.json';
export const DEFAULT_STALLED_AFTER_DAYS = 30;

/**
 * The thresholds of the loop over time (check-ins, forecasts, reviews), with their defaults.
 * One home: the config reader, the rules and the docs read them from here.
 */
export const LOOP_SETTINGS = {
    checkInEveryDays: { default: 14, what: 'Days after which the last check-in of a key result whose period runs counts as stale (kr-check-in-stale).' },
    reviewAfterDays: { default: 90, what: 'Days an active bet may go without new evidence before it is overdue for review (bet-review-overdue).' },
    offTrackMargin: { default: 25, what: "Percentage points by which a key result's progress may lag the part of its period gone before it is off track (kr-off-track)." }
} as const;

export type LoopSetting = keyof typeof LOOP_SETTINGS;

export interface EosConfig {
    /** Undefined when the file does not say; the editor setting or the default applies then. */
    stalledAfterDays?: number;
    checkInEveryDays?: number;
    reviewAfterDays?: number;
    offTrackMargin?: number;
    /** `MM-DD`: the first day of the financial year (`FY2027`, `2026/27`); the calendar year when absent. */
    financialYearStarts?: string;
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

/** Every key the file may hold (besides `$schema`). */
/** The settings that are a number of days. */
const DAY_KEYS = ['stalledAfterDays', 'tenetUnusedAfterDays', 'valueDriftAfterDays'] as const;
type DayKey = (typeof DAY_KEYS)[number];

/** Every key the file may hold (besides `$schema`). */
export const CONFIG_KEYS = [...DAY_KEYS, ...Object.keys(LOOP_SETTINGS), 'financialYearStarts', 'diagnostics', 'mcp'] as const;

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
            config[key as DayKey] = readWholeDays(key, value, source);
        } else if (key === 'diagnostics') {
            config.diagnostics = parseSeverities(value, source);
        } else if (Object.prototype.hasOwnProperty.call(LOOP_SETTINGS, key)) {
            if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
                throw new ConfigError(`${source}: "${key}" must be a whole number (0 or more), not ${JSON.stringify(value)}`);
            }
            config[key as LoopSetting] = value;
        } else if (key === 'financialYearStarts') {
            if (typeof value !== 'string' || !parseYearStart(value)) {
                throw new ConfigError(
                    `${source}: "financialYearStarts" must be a month and day written "MM-DD", such as "04-01" for a year from 1 April, not ${JSON.stringify(value)}`
                );
            }
            config.financialYearStarts = value;
        } else if (key === 'mcp') {
            const allowWrites = (value as { allowWrites?: unknown } | null)?.allowWrites;
            if (
                typeof value !== 'object' ||
                value === null ||
                Array.isArray(value) ||
                Object.keys(value).some(k => k !== 'allowWrites') ||
                (allowWrites !== undefined && typeof allowWrites !== 'boolean')
            ) {
                throw new ConfigError(`${source}: "mcp" must be { "allowWrites": true } or { "allowWrites": false }, not ${JSON.stringify(value)}`);
            }
            config.mcp = { allowWrites: allowWrites === true };
        } else {
            throw new ConfigError(`${source}: unknown key "${key}"; expected one of ${CONFIG_KEYS.map(k => `"${k}"`).join(', ')}`);
        }
    }
    return config;
}

/** A number of days as the file and the editor settings write it: a whole number, 0 or more. */
export function readWholeDays(key: string, value: unknown, source: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new ConfigError(`${source}: "${key}" must be a whole number of days (0 or more), not ${JSON.stringify(value)}`);
    }
    return value;
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
