/**
 * The diagnostic catalogue: every code EOS reports, and everything about a code in one place —
 * its default severity, its one-line summary and the fix a user is told. The rules' messages end
 * with this fix, the hover shows it, and the editor settings (package.json `eos.diagnostics`) and
 * `schemas/eos.config.schema.json` are generated from this table (`npm run generate:catalogue`;
 * a test fails when they are stale).
 *
 * The codes are a public contract (CLI output, `eos.config.json`, editor settings): never rename one.
 * Adding a code: add its entry here, write its rule and its section in docs/language.md, then run
 * `npm run generate:catalogue`.
 */

/** The severities a code can have, strongest first. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What `eos.config.json` and the editor settings may set a code to. */
export const SEVERITY_OVERRIDES = [...SEVERITIES, 'off'] as const;
export type SeverityOverride = (typeof SEVERITY_OVERRIDES)[number];

export interface CatalogueEntry {
    severity: Severity;
    /** One line for settings UIs, the config schema and docs: what the finding is. */
    summary: string;
    /**
     * What to write instead, as a sentence. Rules end their message with it (unless they know a
     * more precise fix for the case at hand) and the hover shows it after the fault.
     */
    fix: string;
}

export const CATALOGUE = {
    'syntax': {
        severity: 'error', summary: 'The text cannot be read as EOS.',
        fix: 'Correct the text at the marked place.'
    },
    'unresolved-reference': {
        severity: 'error', summary: 'A name that no element of the expected kind has.',
        fix: 'Check the spelling, or create it.'
    },
    'duplicate-name': {
        severity: 'error', summary: 'Two elements of one kind share a name in the workspace.',
        fix: 'Rename one of them (Rename Symbol updates every reference).'
    },
    'alignment-cycle': {
        severity: 'error', summary: 'A supports / extends / parent chain returns to where it started.',
        fix: 'Break the loop: point one link of the chain at something higher up instead.'
    },
    'invalid-period': {
        severity: 'error', summary: 'An impossible date, period or horizon.',
        fix: 'Write a real date (YYYY-MM-DD) or period (2026, 2026-Q1, 2026-H1).'
    },
    'invalid-value': {
        severity: 'error', summary: 'A value EOS cannot read as meant (an ambiguous figure, a second stream); it is left out.',
        fix: 'Write the value in one of the forms the message names, so it cannot be read two ways.'
    },
    'tenet-no-tradeoff': {
        severity: 'error', summary: 'A tenet chooses an option over itself.',
        fix: 'Choose one option over a different one.'
    },
    'orphan-initiative': {
        severity: 'warning', summary: 'An initiative linked to no bet.',
        fix: 'Add `bet <Name>` to name the bet this initiative tests, or stop it.'
    },
    'orphan-bet': {
        severity: 'warning', summary: 'A bet that serves no theme.',
        fix: 'Add `serves <Theme>` to name the theme this bet advances.'
    },
    'unaligned-okr': {
        severity: 'warning', summary: 'An OKR that supports nothing.',
        fix: 'Add `supports <Name>` naming the bet, theme, initiative or OKR it contributes to.'
    },
    'okr-without-krs': {
        severity: 'warning', summary: 'An objective with no key result.',
        fix: 'Add `kr <Name> "…" from <baseline> to <target>`.'
    },
    'kr-not-measurable': {
        severity: 'warning', summary: 'A key result with no from … to … target.',
        fix: 'Add `from <baseline> to <target>` (and `current <value>` once you have a reading).'
    },
    'kr-no-change': {
        severity: 'warning', summary: 'A key result whose target equals its baseline.',
        fix: 'Set a target different from the baseline.'
    },
    'cascaded-okr': {
        severity: 'warning', summary: 'An objective that repeats the objective it supports, word for word or nearly, or a key result copied from it.',
        fix: 'Write the objective in the team\'s own words: what will this team change to move that objective forward?'
    },
    'wip-exceeded': {
        severity: 'warning', summary: 'A value stream with more doing initiatives than its WIP limit.',
        fix: 'Finish or stop a `doing` initiative before starting another, or raise `wip` deliberately.'
    },
    'stalled-initiative': {
        severity: 'warning', summary: 'A doing initiative not updated for longer than stalledAfterDays.',
        fix: 'Review it: record progress with a new `updated` date, or move it to `done` or `stopped`.'
    },
    'doing-without-date': {
        severity: 'info', summary: 'A doing initiative with neither a started nor an updated date: its age and whether it has stalled cannot be shown.',
        fix: 'Add `started <YYYY-MM-DD>` (the day work began) and `updated <YYYY-MM-DD>` each time the card moves.'
    },
    'bet-without-hypothesis': {
        severity: 'warning', summary: 'A bet with no hypothesis.',
        fix: 'Add `hypothesis "If we …, we expect …"` so evidence can confirm or refute it.'
    },
    'tenet-conflict': {
        severity: 'warning', summary: 'Two tenets for the same situation choose opposite options.',
        fix: 'Make the situations distinct, or agree on one choice and remove the other tenet.'
    },
    'level-inversion': {
        severity: 'warning', summary: 'An OKR supports an OKR owned by a lower organisational level.',
        fix: 'Support an objective at your level or above, or check the teams\' levels.'
    },
    'stream-mismatch': {
        severity: 'info', summary: 'An initiative in a value stream its bet does not span.',
        fix: 'Move the initiative to one of the bet\'s streams, or add its stream to the bet\'s `streams`.'
    },
    'unfunded-bet': {
        severity: 'info', summary: 'An active bet (or one with no status) with no initiative, or whose initiatives have all finished.',
        fix: 'Start an initiative with `bet <Name>` that tests it, or set the bet\'s status to `stopped` if it will not be funded.'
    },
    'theme-without-bets': {
        severity: 'info', summary: 'A theme that no bet serves.',
        fix: 'Add a bet that `serves` it, or drop the theme if it no longer matters.'
    },
    'too-many-krs': {
        severity: 'info', summary: 'More than five key results on one objective.',
        fix: 'Keep the few key results that best show the outcome.'
    },
    'value-unpracticed': {
        severity: 'info', summary: 'A value that no tenet, practice or extending value lives out.',
        fix: 'Add a tenet that `upholds` it, a practice that `embodies` it, or a value that `extends` it.'
    },
    'contradicted-bet': {
        severity: 'info', summary: 'A live bet whose latest evidence contradicts it.',
        fix: 'Decide whether to pivot or stop: add newer evidence, or set its status to `invalidated` or `stopped`.'
    },
    // The loop over time: forecasts from check-ins, reviews of bets, signals from the quarters.
    'kr-off-track': {
        severity: 'warning', summary: 'A key result whose check-ins project a miss, or whose progress lags its period by more than offTrackMargin.',
        fix: 'Change the plan, or say so in a check-in with a lower confidence and what was learnt.'
    },
    'kr-check-in-stale': {
        severity: 'warning', summary: 'A key result whose last check-in is older than checkInEveryDays while its period runs.',
        fix: 'Add `checkin <today> <value>` with the latest reading.'
    },
    'bet-review-overdue': {
        severity: 'warning', summary: 'An active bet with no new evidence for longer than reviewAfterDays.',
        fix: 'Add `evidence <date> supports|contradicts "what you saw"`, or change the bet\'s status.'
    },
    'theme-without-current-okrs': {
        severity: 'info', summary: 'A theme that no objective of the running period supports.',
        fix: 'Have an OKR of the running period support it or one of its bets, or move its horizon if it is not a priority now.'
    },
    'targets-always-met': {
        severity: 'info', summary: 'A team or theme whose key results were all met in two or more periods in a row.',
        fix: 'Aim higher next period, or say why these are commitments rather than stretch goals.'
    },
    // Aligned autonomy: decision rights, decision records, the tenet and value audits, cross-team needs.
    'decision-below-level': {
        severity: 'warning', summary: 'A decision taken by a team below the level its decision rights require, and not escalated.',
        fix: 'Escalate it: write `escalated to <Team>` naming a team that may decide it — or, if the rights no longer fit, change `decided by` in its decision rights.'
    },
    'decision-not-escalated': {
        severity: 'warning', summary: 'A decision that meets its type\'s escalation trigger but was not escalated as the rights ask.',
        fix: 'Write `escalated to <Team>` naming the team its decision rights name, or remove `triggers escalation` if the trigger did not apply.'
    },
    'tenet-set-aside-without-reason': {
        severity: 'warning', summary: 'A decision sets a tenet aside without saying why.',
        fix: 'Add `because "…"` after the tenet, saying why this case is an exception, so the audit can tell an exception from a tenet that no longer fits.'
    },
    'value-chain-broken': {
        severity: 'warning', summary: 'A function value or team practice whose extends chain reaches no company-level value.',
        fix: 'Add `extends <CompanyValue>` at the top of the chain, naming the company value it interprets, or embody a value that does.'
    },
    'need-unsupported': {
        severity: 'warning', summary: 'A need on another team that none of its OKRs or initiatives plans for.',
        fix: 'Agree it with the other team: they add an OKR that supports this one, or an initiative under the same bet — or drop the need if it is no longer needed.'
    },
    'tenet-unused': {
        severity: 'info', summary: 'A tenet no decision record has cited for longer than tenetUnusedAfterDays.',
        fix: 'Cite it where it applies (`follows <Tenet>` in a decision), sharpen its `when` so people recognise the situation, or retire it.'
    },
    'tenet-contested': {
        severity: 'info', summary: 'A tenet that some decisions follow and others set aside.',
        fix: 'Narrow its `when` to the cases where it holds, or write a second tenet for the exception.'
    },
    'value-drift': {
        severity: 'info', summary: 'A value no decision record has applied for longer than valueDriftAfterDays.',
        fix: 'Name it where it weighs (`applies <Value>` in a decision or in its decision rights), or follow a tenet that upholds it.'
    },
    // Beyond the LANGUAGE.md catalogue: protects what the user wrote from being silently dropped.
    'duplicate-property': {
        severity: 'warning', summary: 'A property written twice on one element; only the last one counts.',
        fix: 'Keep one and delete the others.'
    }
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export const DIAGNOSTIC_CODES = Object.keys(CATALOGUE) as DiagnosticCode[];

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}

