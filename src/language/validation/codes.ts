/**
 * The diagnostic catalogue: every code EOS reports, its default severity and what it means.
 * The codes are a public contract (CLI output, `eos.config.json`, editor settings): never rename one.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOverride = Severity | 'off';

export interface CatalogueEntry {
    severity: Severity;
    /** One line for settings UIs and docs. */
    summary: string;
}

export const CATALOGUE = {
    'syntax': { severity: 'error', summary: 'The text cannot be read as EOS.' },
    'unresolved-reference': { severity: 'error', summary: 'A name that no element of the expected kind has.' },
    'duplicate-name': { severity: 'error', summary: 'Two elements of one kind share a name in the workspace.' },
    'alignment-cycle': { severity: 'error', summary: 'A supports / extends / parent chain returns to where it started.' },
    'invalid-period': { severity: 'error', summary: 'An impossible date, period or horizon.' },
    'invalid-value': { severity: 'error', summary: 'A value EOS cannot read as meant (an ambiguous figure, a second stream); it is left out.' },
    'tenet-no-tradeoff': { severity: 'error', summary: 'A tenet chooses an option over itself.' },
    'orphan-initiative': { severity: 'warning', summary: 'An initiative linked to no bet.' },
    'orphan-bet': { severity: 'warning', summary: 'A bet that serves no theme.' },
    'unaligned-okr': { severity: 'warning', summary: 'An OKR that supports nothing.' },
    'okr-without-krs': { severity: 'warning', summary: 'An objective with no key result.' },
    'kr-not-measurable': { severity: 'warning', summary: 'A key result with no from … to … target.' },
    'kr-no-change': { severity: 'warning', summary: 'A key result whose target equals its baseline.' },
    'cascaded-okr': { severity: 'warning', summary: 'An objective that repeats the objective it supports word for word.' },
    'wip-exceeded': { severity: 'warning', summary: 'A value stream with more doing initiatives than its WIP limit.' },
    'stalled-initiative': { severity: 'warning', summary: 'A doing initiative not updated for longer than stalledAfterDays.' },
    'bet-without-hypothesis': { severity: 'warning', summary: 'A bet with no hypothesis.' },
    'tenet-conflict': { severity: 'warning', summary: 'Two tenets for the same situation choose opposite options.' },
    'level-inversion': { severity: 'warning', summary: 'An OKR supports an OKR owned by a lower organisational level.' },
    'stream-mismatch': { severity: 'info', summary: 'An initiative in a value stream its bet does not span.' },
    'unfunded-bet': { severity: 'info', summary: 'A bet with no initiative.' },
    'theme-without-bets': { severity: 'info', summary: 'A theme that no bet serves.' },
    'too-many-krs': { severity: 'info', summary: 'More than five key results on one objective.' },
    'value-unpracticed': { severity: 'info', summary: 'A value that no tenet, practice or extending value lives out.' },
    'contradicted-bet': { severity: 'info', summary: 'A live bet whose latest evidence contradicts it.' },
    // Beyond the LANGUAGE.md catalogue: protects what the user wrote from being silently dropped.
    'duplicate-property': { severity: 'warning', summary: 'A property written twice on one element; only the last one counts.' }
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export const DIAGNOSTIC_CODES = Object.keys(CATALOGUE) as DiagnosticCode[];

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}
