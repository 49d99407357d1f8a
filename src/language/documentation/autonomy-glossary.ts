/**
 * The glossary of aligned autonomy (decision rights, decision records, cross-team needs), merged
 * into the concept tables of glossary.ts.
 */
import type { Concept } from './glossary.js';

export const AUTONOMY_ELEMENT_CONCEPTS: Record<'authority' | 'decision', Concept> = {
    authority: {
        title: 'authority — decision rights for one type of decision',
        what: 'A row of the decision-rights matrix: a type of decision ("API design for team features"), who may take it — a named team, or any team at a level or above —, what sends it up (`escalate when "…" to <Team>`) and which values weigh in it.',
        why: 'Aligned autonomy needs both halves: tenets settle trade-offs, decision rights settle who decides. Teams move fast when they know which calls are theirs, and escalate only when it matters.',
        good: 'Names a decision that recurs, gives it to the lowest level that has the context, states one concrete escalation trigger and the values that weigh.',
        example:
            'authority ApiDesign "API design for team features" { decided by level team escalate when "the change breaks another team" to Engineering applies DecisionsInWriting }'
    },
    decision: {
        title: 'decision — a decision record',
        what: 'A dated decision with its owner, its type (`type <authority>`), what it concerns (a bet, initiative, OKR or stream), the tenets it follows or knowingly sets aside (with a reason), the values it applied and where it was escalated.',
        why: 'Decision records make tenets and values auditable: which tenets are used, where they conflict, which values nobody reaches for, and where teams escalate without need.',
        good: 'Written when the decision is taken, cites the tenet it follows, gives a reason for every tenet it sets aside, and names its type so the rights can be checked.',
        example:
            'decision TokenFormat "Identity tokens carry no customer data" { date 2026-01-14 type ApiDesign owner PlatformTeam concerns SharedIdentityService follows PlatformHealthWins }'
    }
};

export const AUTONOMY_PROPERTY_CONCEPTS: Record<string, Concept> = {
    'decided': {
        title: '`decided by` — who may take this type of decision',
        what: '`decided by level team`: any team at that level or above; `decided by Engineering`: that team, or a team above it.',
        why: 'A decision taken below the level its type requires, and not escalated, is reported (`decision-below-level`).',
        good: 'The lowest level that has the context to decide well.'
    },
    'Authority.by': {
        title: '`decided by` — who may take this type of decision',
        what: 'A level (`level function`) or a team name.',
        why: 'It fills the row of the decision-rights matrix.',
        good: 'The lowest level that has the context to decide well.'
    },
    'Authority.level': {
        title: '`level` — the lowest level that may decide',
        what: 'Teams at this level or higher may take decisions of this type (company; division, function; stream; crew; pod, team).',
        why: 'Lower teams escalate: a decision of theirs without escalation is reported.',
        good: 'As low as the context allows.'
    },
    'escalate': {
        title: '`escalate when "…" to <Team>` — what sends the decision up',
        what: 'The trigger under which a decision of this type goes to another team, and the team it goes to.',
        why: 'A decision that says `triggers escalation` must be `escalated to` that team (or one above it), else `decision-not-escalated` is reported.',
        good: 'A concrete, recognisable trigger ("the change breaks another team\'s integration"), not "when in doubt".'
    },
    'Escalation.when': {
        title: '`when` — the escalation trigger',
        what: "The situation in which a decision of this type is not the deciding team's alone.",
        why: 'Clear triggers keep escalations rare and necessary.',
        good: 'Observable at the moment of decision.'
    },
    'Escalation.to': {
        title: '`to` — where the decision goes when the trigger applies',
        what: 'The team that decides (or co-decides) once the trigger applies.',
        why: 'It makes the escalation path explicit instead of a hunt for the right person.',
        good: 'One team with the authority and the context.'
    },
    'applies': {
        title: '`applies` — the values weighed in this decision',
        what: 'The values the decision (or every decision of this type) applies. A value applied by no decision for `valueDriftAfterDays` is drifting.',
        why: 'Values that decisions reach for are alive; values nobody names are posters on a wall.',
        good: 'The one or two values that actually settled the question.'
    },
    'date': {
        title: '`date` — when the decision was taken',
        what: 'A date (`2026-01-14`). The decision log and the tenet audit group decisions by it.',
        why: 'Audits over time (unused tenets, drifting values) measure from these dates.',
        good: 'The day it was decided, written the same day.'
    },
    'type': {
        title: '`type` — the decision rights this decision falls under',
        what: 'Names an `authority`: who may take decisions of this kind, and when to escalate.',
        why: 'It lets EOS check that the owner had the right to decide, and that the escalation the rights ask for happened.',
        good: 'Every recurring kind of decision has one.'
    },
    'Decision.owner': {
        title: '`owner` — the team that took the decision',
        what: 'The team that decided; its level is checked against the decision rights.',
        why: 'Autonomy is visible only when it is clear who decided.',
        good: 'The team that will live with the consequences.'
    },
    'concerns': {
        title: '`concerns` — what the decision is about',
        what: 'The bets, initiatives, OKRs or value streams it affects.',
        why: "It ties decisions to the strategy, so a bet's history shows the calls made on it.",
        good: 'The element whose course the decision changes.'
    },
    'follows': {
        title: '`follows` — a tenet this decision applied',
        what: 'Cites a decision tenet that settled the trade-off here.',
        why: 'Citations are the tenet usage audit: which tenets are used, and which are not (`tenet-unused`).',
        good: 'The tenet whose "when" matched the situation.'
    },
    'sets': {
        title: '`sets aside … because "…"` — a tenet knowingly not followed',
        what: 'Cites a tenet whose situation applied but whose choice the decision did not make, with the reason.',
        why: 'A tenet set aside without a reason is reported; one set aside and followed by other decisions may need refining (`tenet-contested`).',
        good: 'Rare, and always with a reason that says why this case differs.'
    },
    'aside': {
        title: '`sets aside … because "…"` — a tenet knowingly not followed',
        what: 'Cites a tenet whose situation applied but whose choice the decision did not make, with the reason.',
        why: 'A tenet set aside without a reason is reported (`tenet-set-aside-without-reason`).',
        good: 'Rare, and always with a reason that says why this case differs.'
    },
    'TenetCitation.because': {
        title: '`because` — why the tenet was set aside here',
        what: 'The reason this case is an exception to the tenet.',
        why: 'Reasons tell an exception from a tenet that no longer fits, in the quarterly audit.',
        good: 'Specific to this decision.'
    },
    'triggers': {
        title: '`triggers escalation` — the escalation trigger applied',
        what: 'Says that the trigger its decision type names (`escalate when "…"`) applied to this decision.',
        why: 'Such a decision must be `escalated to` the team the rights name, or `decision-not-escalated` is reported.',
        good: 'Written honestly; an escalation without a trigger shows up in the audit as unnecessary.'
    },
    'escalation': {
        title: '`triggers escalation` — the escalation trigger applied',
        what: 'Says that the trigger its decision type names (`escalate when "…"`) applied to this decision.',
        why: 'Such a decision must be `escalated to` the team the rights name, or `decision-not-escalated` is reported.',
        good: 'Written honestly; an escalation without a trigger shows up in the audit as unnecessary.'
    },
    'escalated': {
        title: '`escalated to` — where the decision went',
        what: 'The team the decision was escalated to.',
        why: 'It satisfies the rights when the owner may not decide alone, or when the trigger applied.',
        good: 'The team the decision rights name.'
    },
    'needs': {
        title: '`needs <Team> "…"` — something another team must do',
        what: 'A dependency of this OKR or initiative on another team.',
        why: 'Only comparing OKRs shows whether the other team has planned for it: unless one of its OKRs supports this one, or one of its initiatives serves the same bet, `need-unsupported` is reported.',
        good: 'Says what is needed, agreed with the other team before the quarter starts.'
    }
};
