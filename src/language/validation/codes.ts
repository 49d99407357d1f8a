/**
 * The diagnostic catalogue: every code EOS reports, and everything about a code in one place —
 * its default severity, its one-line summary, the fix a user is told and why the finding matters.
 * A finding's message is one line, the fault and then this fix (`findingMessage`); the hover shows
 * the fix again on its own and the why below it, once. The editor settings (package.json `eos.diagnostics`) and
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
     * What to write instead, as a short sentence starting with a verb. Rules end their message
     * with it (unless they know a more precise fix for the case at hand), so the Problems panel
     * row shows it; the hover shows it after the fault.
     */
    fix: string;
    /**
     * Why the finding matters, in the method's words: shown once, by the hover (and the code's
     * section in docs/language.md), never in the one-line message. The summary stands in where
     * a code has none.
     */
    why?: string;
}

export const CATALOGUE = {
    'syntax': {
        severity: 'error',
        summary: 'The text cannot be read as EOS.',
        fix: 'Correct the text at the marked place.',
        why: 'EOS reads only the forms its language defines; text it cannot read is left out of the strategy.'
    },
    'unresolved-reference': {
        severity: 'error',
        summary: 'A name that no element of the expected kind has.',
        fix: 'Check the spelling, or create it.',
        why: 'A link to a name nothing has connects nothing: the trace to the vision stops there.'
    },
    'duplicate-name': {
        severity: 'error',
        summary: 'Two elements of one kind share a name in the workspace.',
        fix: 'Rename one of them (Rename Symbol updates every reference).',
        why: 'Names are unique per kind so that every reference means one thing.'
    },
    'alignment-cycle': {
        severity: 'error',
        summary: 'A supports / extends / parent chain returns to where it started.',
        fix: 'Point one link of it higher up.',
        why: 'A chain of alignment must end somewhere above, at a theme or the vision.'
    },
    'invalid-period': {
        severity: 'error',
        summary: 'An impossible date, period or horizon.',
        fix: 'Write a real date (YYYY-MM-DD) or period (2026, 2026-Q1, 2026-H1).',
        why: 'A date or period that cannot exist places the element in no period at all.'
    },
    'invalid-value': {
        severity: 'error',
        summary: 'A value EOS cannot read as meant (an ambiguous figure, a second stream); it is left out.',
        fix: 'Write the value in one of the forms the message names.',
        why: 'A value that could be read two ways is left out rather than guessed.'
    },
    'tenet-no-tradeoff': {
        severity: 'error',
        summary: 'A tenet chooses an option over itself.',
        fix: 'Choose one option over a different one.',
        why: 'A tenet earns its place by naming what is given up.'
    },
    'orphan-initiative': {
        severity: 'warning',
        summary: 'An initiative linked to no bet.',
        fix: 'Add `bet <Name>`, or stop it.',
        why: 'Work linked to no bet shows nobody which hypothesis it tests or why it is funded.'
    },
    'orphan-bet': {
        severity: 'warning',
        summary: 'A bet that serves no theme.',
        fix: 'Add `serves <Theme>`.',
        why: 'An investment no strategic theme asks for competes with the ones that do.'
    },
    'unaligned-okr': {
        severity: 'warning',
        summary: 'An OKR that supports nothing.',
        fix: 'Add `supports <Name>` (a bet, theme, initiative or OKR).',
        why: "An OKR that supports nothing cannot show how the team's outcome moves the strategy."
    },
    'okr-without-krs': {
        severity: 'warning',
        summary: 'An objective with no key result.',
        fix: 'Add `kr <Name> "…" from <baseline> to <target>`.',
        why: 'Without a key result nobody can tell whether the objective was reached.'
    },
    'kr-not-measurable': {
        severity: 'warning',
        summary: 'A key result with no from … to … target.',
        fix: 'Add `from <baseline> to <target>`.',
        why: 'Without a baseline and a target a key result is an activity or a wish, not a measurable result; add `current <value>` once you have a reading.'
    },
    'kr-no-change': {
        severity: 'warning',
        summary: 'A key result whose target equals its baseline.',
        fix: 'Set a target different from the baseline.',
        why: 'A key result asks for a change: a target equal to the baseline is met by doing nothing.'
    },
    'cascaded-okr': {
        severity: 'warning',
        summary: 'An objective that repeats the objective it supports word for word.',
        fix: 'Say what this team will change to move it forward.',
        why: 'Repeating the objective above is cascading, not aligning: each team states its own contribution, in its own words.'
    },
    'wip-exceeded': {
        severity: 'warning',
        summary: 'A value stream with more doing initiatives than its WIP limit.',
        fix: 'Finish or stop one first, or raise `wip`.',
        why: 'Starting more than a stream can finish slows all of it.'
    },
    'stalled-initiative': {
        severity: 'warning',
        summary: 'A doing initiative not updated for longer than stalledAfterDays.',
        fix: 'Write a new `updated` date, or set it `done` or `stopped`.',
        why: 'Stalled work hides in a busy portfolio.'
    },
    'bet-without-hypothesis': {
        severity: 'warning',
        summary: 'A bet with no hypothesis.',
        fix: 'Add `hypothesis "If we …, we expect …"`.',
        why: 'A bet is a testable expectation: evidence can only confirm or refute a hypothesis that is written down.'
    },
    'tenet-conflict': {
        severity: 'warning',
        summary: 'Two tenets for the same situation choose opposite options.',
        fix: 'Make the situations distinct, or keep one.',
        why: 'Teams cannot follow two tenets that choose opposite options in the same situation.'
    },
    'level-inversion': {
        severity: 'warning',
        summary: 'An OKR supports an OKR owned by a lower organisational level.',
        fix: 'Support an objective at your level or above.',
        why: "Alignment flows from broader intent to narrower teams; if this one is right, check the teams' levels."
    },
    'stream-mismatch': {
        severity: 'info',
        summary: 'An initiative in a value stream its bet does not span.',
        fix: 'Move it to a stream of the bet, or add its stream to the bet.',
        why: "A bet's `streams` say where its work runs; work elsewhere is missing from the bet's picture of its own flow."
    },
    'unfunded-bet': {
        severity: 'info',
        summary: 'A bet with no initiative.',
        fix: 'Start an initiative with `bet <Name>`, or set the bet `stopped`.',
        why: 'A bet no work tests is a hypothesis nobody is checking.'
    },
    'theme-without-bets': {
        severity: 'info',
        summary: 'A theme that no bet serves.',
        fix: 'Add a bet that `serves` it, or drop the theme.',
        why: 'A theme states what matters; with no bet, nothing is invested in it.'
    },
    'too-many-krs': {
        severity: 'info',
        summary: 'More than five key results on one objective.',
        fix: 'Keep the few that best show the outcome.',
        why: 'More than five key results dilute focus.'
    },
    'value-unpracticed': {
        severity: 'info',
        summary: 'A value that no tenet, practice or extending value lives out.',
        fix: 'Uphold it in a tenet, embody it in a practice, or extend it.',
        why: 'A value nobody practises drifts into a slogan.'
    },
    'contradicted-bet': {
        severity: 'info',
        summary: 'A live bet whose latest evidence contradicts it.',
        fix: 'Add newer evidence, or set it `invalidated` or `stopped`.',
        why: 'A live bet that its own latest evidence refutes is still taking investment.'
    },
    // The loop over time: forecasts from check-ins, reviews of bets, signals from the quarters.
    'kr-off-track': {
        severity: 'warning',
        summary: 'A key result whose check-ins project a miss, or whose progress lags its period by more than offTrackMargin.',
        fix: 'Change the plan, or say so in a check-in with a lower confidence.',
        why: 'A result heading for a miss is best faced while the period still runs; a lower confidence says what was learnt.'
    },
    'kr-check-in-stale': {
        severity: 'warning',
        summary: 'A key result whose last check-in is older than checkInEveryDays while its period runs.',
        fix: 'Add `checkin <today> <value>` with the latest reading.',
        why: 'A key result nobody reads is not steering anything.'
    },
    'bet-review-overdue': {
        severity: 'warning',
        summary: 'An active bet with no new evidence for longer than reviewAfterDays.',
        fix: 'Add `evidence <today> supports|contradicts "…"`, or change its status.',
        why: 'A bet is reviewed through evidence, or it turns into static documentation.'
    },
    'theme-without-current-okrs': {
        severity: 'info',
        summary: 'A theme that no objective of the running period supports.',
        fix: 'Support it from a current OKR, or move its horizon.',
        why: 'A theme no objective of the running period works towards is a priority in name only.'
    },
    'targets-always-met': {
        severity: 'info',
        summary: 'A team or theme whose key results were all met in two or more periods in a row.',
        fix: 'Aim higher next period, or say why these are commitments.',
        why: 'Targets that are always met may be too safe: stretch goals are missed now and then.'
    },
    // Aligned autonomy: decision rights, decision records, the tenet and value audits, cross-team needs.
    'decision-below-level': {
        severity: 'warning',
        summary: 'A decision taken by a team below the level its decision rights require, and not escalated.',
        fix: 'Write `escalated to <Team>`, or change `decided by` in its rights.',
        why: 'Decision rights say which level decides a type of decision; a team below it escalates.'
    },
    'decision-not-escalated': {
        severity: 'warning',
        summary: "A decision that meets its type's escalation trigger but was not escalated as the rights ask.",
        fix: 'Write `escalated to <Team>`, or remove `triggers escalation`.',
        why: "A decision that meets its type's escalation trigger goes to the team its decision rights name."
    },
    'tenet-set-aside-without-reason': {
        severity: 'warning',
        summary: 'A decision sets a tenet aside without saying why.',
        fix: 'Add `because "…"` after the tenet.',
        why: 'Setting a tenet aside can be right, but only knowingly: the reason lets the audit tell an exception from a tenet that no longer fits.'
    },
    'value-chain-broken': {
        severity: 'warning',
        summary: 'A function value or team practice whose extends chain reaches no company-level value.',
        fix: 'Add `extends <CompanyValue>` at the top of its chain.',
        why: 'A value that connects to no company value may align teams to nothing the company stands for.'
    },
    'need-unsupported': {
        severity: 'warning',
        summary: 'A need on another team that none of its OKRs or initiatives plans for.',
        fix: 'Agree it with that team, or drop the need.',
        why: 'A need the other team does not plan for (an OKR supporting this one, or an initiative under the same bet) is a dependency that will surface late.'
    },
    'tenet-unused': {
        severity: 'info',
        summary: 'A tenet no decision record has cited for longer than tenetUnusedAfterDays.',
        fix: 'Cite it (`follows <Tenet>`), sharpen its `when`, or retire it.',
        why: 'A tenet nobody reaches for is not settling the trade-off it was written for.'
    },
    'tenet-contested': {
        severity: 'info',
        summary: 'A tenet that some decisions follow and others set aside.',
        fix: 'Narrow its `when`, or write a second tenet for the exception.',
        why: 'When the same trade-off goes both ways, the tenet may need refining.'
    },
    'value-drift': {
        severity: 'info',
        summary: 'A value no decision record has applied for longer than valueDriftAfterDays.',
        fix: 'Name it where it weighs (`applies <Value>`), or follow a tenet that upholds it.',
        why: 'A value that no decision reaches for is drifting into a poster on the wall.'
    },
    // Beyond the LANGUAGE.md catalogue: protects what the user wrote from being silently dropped.
    'duplicate-property': {
        severity: 'warning',
        summary: 'A property written twice on one element; only the last one counts.',
        fix: 'Keep one and delete the others.',
        why: 'Only the last one counts; the others are ignored.'
    }
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export const DIAGNOSTIC_CODES = Object.keys(CATALOGUE) as DiagnosticCode[];

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
    return typeof code === 'string' && Object.prototype.hasOwnProperty.call(CATALOGUE, code);
}
