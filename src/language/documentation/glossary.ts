/**
 * The glossary behind keyword hovers: what each concept of the method is, why it matters and
 * what a good one looks like. Plain data so that hovers, completion details and docs can share
 * it; written in our own words from the domain documents.
 */
import type { ElementKind } from '../model/elements.js';
import type { ValueRule, ValueWord } from '../model/vocabulary.js';
import { AUTONOMY_ELEMENT_CONCEPTS, AUTONOMY_PROPERTY_CONCEPTS } from './autonomy-glossary.js';

export interface Concept {
    /** One line: the concept's name and its gist. */
    title: string;
    what: string;
    why: string;
    /** What a good one looks like. */
    good: string;
    /** A line of EOS showing it in use. */
    example?: string;
}

export const ELEMENT_CONCEPTS: Record<ElementKind, Concept> = {
    vision: {
        title: 'vision — the long-term direction',
        what: 'The aspiration the whole strategy points at, several years out. It gives direction, not a target: it is the root of the Lean Value Tree.',
        why: 'Every theme, bet and OKR should be traceable back to it. Without a vision, priorities have nothing to be weighed against.',
        good: 'Short and memorable, about the difference you make for customers, stable for years. Not measurable and not a plan.',
        example: 'vision PrimaryBank "Become the primary digital banking provider"'
    },
    theme: {
        title: 'theme — what matters most now',
        what: 'A strategic theme: an outcome the organisation concentrates on for a horizon of about a year. It links the vision to the bets that pursue it.',
        why: 'Themes decide where attention and money go. A theme that no bet serves is intent that nobody acts on.',
        good: 'Names an outcome, not a solution ("increase retention in the first 90 days"); there are only a few; it has a horizon and at least one bet serving it.',
        example: 'theme Retention "Increase customer retention in the first 90 days" { vision PrimaryBank horizon 2026 }'
    },
    bet: {
        title: 'bet — a hypothesis about where to invest',
        what: '"If we invest here, we expect this outcome." The bet is the unit the portfolio funds and prioritises; initiatives express it inside value streams.',
        why: 'Calling it a bet admits uncertainty: it is reviewed against evidence and may be doubled down on, changed or stopped. Strategy is steered through bets, not directives.',
        good: 'Serves a theme, states a hypothesis that evidence could prove wrong, names the value streams it flows through, is funded by initiatives and collects dated evidence.',
        example: 'bet EarlyExperience "Improve early customer experience" { serves Retention hypothesis "If we …, we expect …" }'
    },
    stream: {
        title: 'stream — a value stream',
        what: 'A stable flow through which value reaches customers (onboarding, core product, support…). It organises teams and gives delivery capacity.',
        why: 'Streams do not own strategy; strategy flows through them by way of bets. A WIP limit on a stream makes overload and bottlenecks visible.',
        good: 'Named after the flow a customer experiences, owned by a team, with a WIP limit that the portfolio actually respects.',
        example: 'stream Onboarding "Customer Onboarding" { wip 2 }'
    },
    initiative: {
        title: 'initiative — an experiment that expresses a bet',
        what: 'A temporary piece of work testing a bet inside one value stream; a card on the portfolio kanban. It is an experiment, not a promise.',
        why: 'This is where strategy meets evidence. Initiatives should be cheap to stop when the learning says so, and visible while they run.',
        good: 'Linked to a bet and a stream, with a hypothesis, an expected outcome, a success and a failure signal, a kanban status and a recent `updated` date.',
        example: 'initiative GuidedSetup "Guided setup wizard" { bet EarlyExperience stream Onboarding status doing }'
    },
    okr: {
        title: 'OKR — an objective with key results',
        what: 'An outcome a team intends to bring about (the objective) and a few measurable key results. Teams write their own OKRs and align them with `supports`; nobody hands them down.',
        why: 'Side by side, OKRs show where what teams intend and what the strategy needs drift apart: they work as a strategy debugger and start the conversation that realigns them.',
        good: "An outcome rather than a task list, in the team's own words (not a copy of what it supports), supporting a bet, theme, initiative or higher OKR, owned, time-boxed with a period, with two to five key results.",
        example: 'okr EarlyConfidence "Improve early customer confidence" { owner OnboardingCrew period 2026-Q1 supports EarlyExperience }'
    },
    kr: {
        title: 'key result — how you will know',
        what: 'A measurable signal that the objective is being reached: a metric moving from a baseline to a target, with the current reading as it comes in. Referenced elsewhere as `Okr.Kr`.',
        why: 'It makes progress, and the lack of it, visible and honest. Without a baseline and target it is a wish or an activity.',
        good: 'An outcome metric with baseline, target and a current value: `from 40% to 65% current 52%`. Not "launch the wizard".',
        example: 'kr FirstValue "New customers reach first value within 7 days" from 40% to 65% current 52%'
    },
    team: {
        title: 'team — who authors OKRs and owns work',
        what: 'A group of people at a level of the organisation (company; division or function; stream; crew; pod or team), inside a parent team.',
        why: 'Levels show who aligns with whom: an OKR should support intents at its own level or above, and learning should travel up the same path.',
        good: 'Has a level and, below the top, a parent; owns its OKRs, initiatives and practices.',
        example: 'team OnboardingCrew "Onboarding crew" { level crew parent Growth }'
    },
    value: {
        title: 'value — a principle you commit to',
        what: 'A principle that guides decisions nobody can foresee. A function can interpret a company value for its own work with `extends`.',
        why: 'Values that no tenet, practice or interpretation lives out drift into slogans; stated and actual values part ways.',
        good: 'Specific, says what it costs ("customer trust over growth metrics"), and is lived out by tenets and practices.',
        example: 'value ProductionSacred "We treat production as sacred" { extends CustomerTrust }'
    },
    practice: {
        title: 'practice — how a team lives a value',
        what: 'A ritual or habit through which a team embodies a value (e.g. postmortems within 24 hours).',
        why: 'It is the evidence that a value is real at team level. Company value → function value → team practice shows whether culture is aligned.',
        good: 'Concrete and observable, embodies a value, owned by a team.',
        example: 'practice PostmortemsIn24h "Postmortems within 24 hours" { embodies ProductionSacred owner OnboardingCrew }'
    },
    tenet: {
        title: 'tenet — a trade-off decided in advance',
        what: 'A decision tenet: "When {situation}, we choose {A} over {B} because {reason}."',
        why: 'It lets teams decide quickly and consistently on their own — aligned autonomy — because the hard trade-off is settled before it comes up.',
        good: 'A real tension where both options have merit, says what is given up, explains why, and upholds a value.',
        example:
            'tenet ReliabilityFirst { when "speed and reliability conflict" choose "reliability" over "speed" because "customers depend on our critical paths" upholds CustomerTrust }'
    },
    ...AUTONOMY_ELEMENT_CONCEPTS
};

/**
 * Property keywords. A key `Type.keyword` (AST type) refines a keyword whose meaning depends on
 * the element it is written in; the plain keyword is the fallback.
 */
export const PROPERTY_CONCEPTS: Record<string, Concept> = {
    'description': {
        title: '`description` — a few sentences about this element',
        what: 'Free text that explains the element: the context, the scope, what it is not. Shown in hovers, in the Lean Value Tree and in the report.',
        why: 'A title has to be short; the people who read the strategy later need the reasoning too.',
        good: 'Two or three plain sentences a newcomer understands: `description "Covers the three acute sites; community care follows in 2027."`'
    },
    'by': {
        title: "`by` — the key result's deadline",
        what: 'The date or period by which the target should be reached: `by 2026-06-30` or `by 2026-Q2`.',
        why: 'A target without a date cannot be late; with one, everyone sees how much time is left.',
        good: "Within the objective's period."
    },
    'up': {
        title: '`up` — a target stated as a rise from the baseline',
        what: '`from 40% up 10 points` is a target of 50%; `from 1200 up 25%` is 1500. With a percentage baseline, write `points` for percentage points.',
        why: 'Slides often state the change rather than the target; EOS computes the target so progress is measured the same way.',
        good: "A change in the baseline's unit, or a percentage of it."
    },
    'down': {
        title: '`down` — a target stated as a fall from the baseline',
        what: '`from 42 min down 20%` is a target of 33.6 min; `from 15:40 down 30 min` is 15:10.',
        why: 'Slides often state the change rather than the target; EOS computes the target so progress is measured the same way.',
        good: "A change in the baseline's unit, or a percentage of it."
    },
    'supports': {
        title: '`supports` — what this OKR contributes to',
        what: 'Aligns the OKR with something higher up: a bet, a theme, an initiative, another OKR or one of its key results (`Okr.Kr`).',
        why: 'Alignment instead of cascade: the team writes its own objective and says what it helps achieve, which keeps the trace from daily work back to the vision.',
        good: 'Every OKR supports at least one thing, at its own organisational level or above.'
    },
    'Evidence.supports': {
        title: '`supports` — evidence in favour of the bet',
        what: "The observation backs the bet's hypothesis.",
        why: 'Evidence is what a bet is reviewed against; the latest entry counts most.',
        good: 'Dated and specific: what was observed, in which cohort, by how much.'
    },
    'serves': {
        title: '`serves` — the themes this bet advances',
        what: 'Links the bet to the strategic themes it is meant to move.',
        why: 'A bet that serves no theme is investment without a strategic reason.',
        good: 'One theme, occasionally a few; never none.'
    },
    'streams': {
        title: '`streams` — the value streams the bet flows through',
        what: "The value streams in which this bet's initiatives may run.",
        why: 'Strategy reaches customers through streams; naming them shows which capacity the bet draws on, and flags initiatives that run elsewhere.',
        good: 'The streams where the customer experience the bet targets actually happens.'
    },
    'stream': {
        title: '`stream` — the value stream carrying this initiative',
        what: 'The stream whose capacity the initiative uses.',
        why: "While the initiative is `doing`, it counts against the stream's WIP limit.",
        good: 'One of the streams its bet names.'
    },
    'bet': {
        title: '`bet` — the bet this initiative tests',
        what: 'Links the initiative to the hypothesis it expresses.',
        why: 'Work without a bet has no strategic reason to be funded: it is an orphan on the kanban.',
        good: 'Every initiative names exactly one bet.'
    },
    'vision': {
        title: '`vision` — the vision this theme contributes to',
        what: 'Links the theme to the long-term direction.',
        why: 'It closes the trace from work to purpose.',
        good: 'Every theme points at the vision.'
    },
    'hypothesis': {
        title: '`hypothesis` — the belief being tested',
        what: 'What you expect to happen if you invest: "If we …, we expect …".',
        why: 'A hypothesis can be proven wrong; a plan cannot. Writing it down makes learning possible.',
        good: 'Names the change you make and the outcome you expect, specific enough that evidence could contradict it.'
    },
    'Initiative.hypothesis': {
        title: '`hypothesis` — what this experiment expects',
        what: 'The expected effect of this initiative, a step towards testing its bet.',
        why: 'It turns the initiative into an experiment with a result you can learn from.',
        good: '"A guided setup gets new customers to first value faster" — a cause and an observable effect.'
    },
    'evidence': {
        title: '`evidence` — what was observed about the bet',
        what: 'A dated observation that supports or contradicts the bet: `evidence 2026-02-15 supports "…"`.',
        why: 'Bets change on evidence, not opinion. A live bet whose latest evidence contradicts it deserves a review.',
        good: 'Dated, with a verdict and a concrete finding.'
    },
    'status': {
        title: '`status` — where the work stands',
        what: 'For an initiative, its column on the portfolio kanban (funnel → reviewing → analyzing → ready → doing → done, or stopped). For a bet, its lifecycle (proposed, active, validated, invalidated, stopped).',
        why: 'The kanban shows reality: what is actually in progress, stalled or finished.',
        good: 'Kept current; few items in `doing`.'
    },
    'Bet.status': {
        title: '`status` — where the bet stands',
        what: "The bet's lifecycle: proposed, active, validated, invalidated or stopped.",
        why: 'Bets are meant to be decided on evidence; the status records that decision.',
        good: 'Changes when evidence arrives; stopping a bet is a result, not a failure.'
    },
    'Initiative.status': {
        title: "`status` — the initiative's kanban column",
        what: 'funnel → reviewing → analyzing → ready → doing → done, or stopped.',
        why: "Only `doing` counts against the stream's WIP limit, and a `doing` initiative that is not updated is flagged as stalled.",
        good: 'Kept current with an `updated` date; few initiatives in `doing` at once.'
    },
    'wip': {
        title: "`wip` — the stream's work-in-progress limit",
        what: 'The most initiatives this stream may have in `doing` at the same time.',
        why: 'Limiting work in progress shortens feedback loops and exposes bottlenecks; starting everything at once finishes nothing.',
        good: "Small, matched to the stream's capacity, and respected."
    },
    'level': {
        title: "`level` — the team's layer in the organisation",
        what: 'company; division or function; stream; crew; pod or team (from high to low).',
        why: 'OKRs align upwards: supporting an OKR of a lower level inverts the flow of intent.',
        good: 'Matches how the organisation actually works.'
    },
    'parent': {
        title: '`parent` — the team this team belongs to',
        what: 'The next team up in the organisation.',
        why: 'It defines the path along which intent flows down and learning flows up.',
        good: 'A team of a higher level; no cycles.'
    },
    'owner': {
        title: '`owner` — the accountable team',
        what: 'The team that authors or owns this element.',
        why: 'Ownership makes someone responsible for the outcome and gives the OKR its level.',
        good: 'One team that can actually act on it.'
    },
    'extends': {
        title: '`extends` — the broader value this one interprets',
        what: 'A function\'s reading of a company value ("customer trust" → "production is sacred").',
        why: 'It keeps function values connected to company values, so layers of culture stay aligned.',
        good: "A concrete interpretation for the function's own work."
    },
    'embodies': {
        title: '`embodies` — the values this practice lives out',
        what: 'Links a team ritual to the values it makes real.',
        why: 'A practice that connects to no value may be habit rather than culture.',
        good: 'The value a newcomer would recognise in the ritual.'
    },
    'upholds': {
        title: '`upholds` — the values this tenet serves',
        what: 'Links a decision tenet to the values behind its choice.',
        why: 'It explains the trade-off in terms of what the organisation stands for.',
        good: 'One or two values.'
    },
    'when': {
        title: '`when` — the situation with a trade-off',
        what: 'The recurring situation in which two good things conflict.',
        why: 'Tenets only help when people recognise the situation as it happens.',
        good: '"speed and reliability conflict" — a real, recurring tension.'
    },
    'choose': {
        title: '`choose … over …` — the trade-off',
        what: 'The option you pick and the one you knowingly give up.',
        why: 'A tenet that gives up nothing guides nobody.',
        good: 'Two options that both have merit.'
    },
    'over': {
        title: '`over` — the option given up',
        what: 'What you deliberately do not optimise for in this situation.',
        why: 'Saying what loses is what makes the tenet useful.',
        good: 'Something people would otherwise pick.'
    },
    'because': {
        title: '`because` — why this choice, for us',
        what: 'The reason behind the trade-off.',
        why: 'Without a reason, a tenet is a rule; with one, people can apply it to cases it did not foresee.',
        good: "Specific to the organisation's situation."
    },
    'period': {
        title: '`period` — when the OKR applies',
        what: 'The time box of the objective: a quarter (`2026-Q1`), a half (`2026-H1`), a year (`2026`), a financial year (`FY2027`, `2026/27`, `FY2027-Q1`; its first day is `financialYearStarts` in eos.config.json) or a range (`2026-Q1..2026-Q2`). Forecasts measure check-ins against its dates; once it has ended, its key results are graded.',
        why: 'Short cycles test assumptions often; the period says when to look back.',
        good: 'Usually a quarter.'
    },
    'horizon': {
        title: '`horizon` — the years this intent spans',
        what: 'A year (`2026`) or a range of years (`2026..2028`, also written `2026-2028`).',
        why: 'Visions are multi-year, themes roughly annual; the horizon says which.',
        good: 'Long enough to matter, short enough to revisit.'
    },
    'updated': {
        title: '`updated` — when the initiative was last reviewed',
        what: 'A date (`2026-01-20`).',
        why: 'A `doing` initiative not updated for longer than `stalledAfterDays` is reported as stalled: learning may be stuck.',
        good: 'Recent.'
    },
    'started': {
        title: '`started` — when work on the initiative began',
        what: "A date (`2026-01-12`). With `finished` it gives the cycle time on the Portfolio Kanban; a `doing` card's age counts from it.",
        why: 'Flow, not status: how long work takes tells more than which column it sits in.',
        good: 'The day the initiative moved to `doing`.'
    },
    'finished': {
        title: '`finished` — when the initiative ended',
        what: "A date (`2026-02-27`) on a `done` or `stopped` initiative. Without it, a done card's `updated` date counts as its finish.",
        why: 'Cycle time and throughput per period are measured from it.',
        good: 'The day it moved to `done` or `stopped`.'
    },
    'checkin': {
        title: '`checkin` — a dated reading of a key result',
        what: 'A date, a value, an optional `confidence high|medium|low` and a short note: `checkin 2026-02-09 47% confidence medium "pilot cohort grew"`. Under a `kr` line it reads that key result; anywhere else (a team\'s weekly check-in file) it names it: `checkin Okr.Kr 2026-02-09 47%`. The latest check-in is the key result\'s current value.',
        why: "OKRs are a loop, not a snapshot: check-ins give the trend, the forecast at the period's end and the grade, with git keeping the history.",
        good: 'Weekly or fortnightly, with a confidence that says whether the team still believes in the target.'
    },
    'confidence': {
        title: '`confidence` — does the team still expect to make it?',
        what: '`high`, `medium` or `low`, on a check-in.',
        why: 'A falling confidence is the earliest warning a key result gives, before the numbers show it.',
        good: 'Honest: lowered as soon as the team doubts the target.'
    },
    'outcome': {
        title: '`outcome` — the change the initiative should bring',
        what: 'The result expected if the hypothesis holds.',
        why: 'Outcomes, not outputs, show whether the bet pays off.',
        good: 'Observable by customers or in a metric.'
    },
    'success': {
        title: '`success` — the signal that it works',
        what: 'What you will observe if the initiative succeeds.',
        why: 'Agreeing on it beforehand keeps the review honest.',
        good: 'Measurable, with a threshold and a time: "median time to first value under 3 days".'
    },
    'failure': {
        title: '`failure` — the signal to stop',
        what: 'What you will observe if the initiative does not work.',
        why: 'It lets initiatives stop without blame, as soon as learning says so.',
        good: 'Measurable, with a threshold and a time: "setup completion below 50% after six weeks".'
    },
    'from': {
        title: '`from` — the baseline',
        what: 'Where the metric stands when the key result is set.',
        why: 'Progress is measured from here: without a baseline nobody knows how far you came.',
        good: 'A real measurement, in the same unit as the target.'
    },
    'to': {
        title: '`to` — the target',
        what: 'Where the metric should be at the end of the period. It may be lower than the baseline (`from 10% to 8%`).',
        why: 'It states the ambition: the change you ask for.',
        good: 'Different from the baseline, ambitious but not absurd.'
    },
    'current': {
        title: '`current` — the latest reading',
        what: 'Where the metric stands now; progress is how much of the way from baseline to target it has come. Once the key result has check-ins, the latest check-in is the current value and `current` is ignored.',
        why: 'Updating it keeps the OKR a living feedback loop instead of a start-of-quarter ritual.',
        good: 'Updated regularly, in the same unit as baseline and target.'
    },
    ...AUTONOMY_PROPERTY_CONCEPTS
};

/** Meanings of enumerated values, by the grammar rule that defines them. */
export const VALUE_CONCEPTS: { readonly [Rule in ValueRule]: { label: string; values: Record<ValueWord<Rule>, string> } } = {
    Confidence: {
        label: 'check-in confidence',
        values: {
            high: 'the team expects to reach the target',
            medium: 'the target is at risk; the team still sees a way',
            low: 'the team no longer expects to reach the target without a change of plan'
        }
    },
    KanbanStatus: {
        label: 'initiative status (portfolio kanban)',
        values: {
            funnel: 'an idea captured, not examined yet',
            reviewing: 'being looked at: does it fit a bet and a stream?',
            analyzing: 'being shaped: hypothesis, cost, success and failure signals',
            ready: 'approved and waiting for capacity in its stream',
            doing: "in progress: counts against the stream's WIP limit and must stay updated",
            done: 'finished: time to compare the outcome with the hypothesis',
            stopped: 'ended on purpose because of what was learned — a result, not a failure'
        }
    },
    BetStatus: {
        label: 'bet status',
        values: {
            proposed: 'suggested, not funded yet',
            active: 'funded and being tested by initiatives',
            validated: 'the evidence backs the hypothesis',
            invalidated: 'the evidence refutes the hypothesis',
            stopped: 'no longer invested in'
        }
    },
    Verdict: {
        label: 'evidence verdict',
        values: {
            supports: "the observation backs the bet's hypothesis",
            contradicts: "the observation goes against the bet's hypothesis; a live bet whose latest evidence contradicts it needs a review"
        }
    },
    Level: {
        label: 'team level (high to low: company; division, function; stream; crew; pod, team)',
        values: {
            company: 'the whole organisation; sets the vision and themes',
            division: 'a business division; its OKRs pursue the annual themes',
            function: 'a discipline across the company (engineering, product…); interprets company values',
            stream: 'the teams around one value stream; OKRs about customer outcomes in that flow',
            crew: 'a group of pods; OKRs that turn outcomes into testable hypotheses',
            pod: 'a small delivery team; OKRs about concrete experiments',
            team: 'a delivery team, the same layer as a pod'
        }
    }
};

/** The meaning of a word of a value rule; undefined for a word the rule does not have. */
export function valueMeaning(rule: ValueRule, word: string): string | undefined {
    const values: Readonly<Record<string, string>> = VALUE_CONCEPTS[rule].values;
    return Object.hasOwn(values, word) ? values[word] : undefined;
}

/** The concept of a property keyword written in an element of the given AST type. */
export function propertyConcept(keyword: string, astType: string): Concept | undefined {
    return PROPERTY_CONCEPTS[`${astType}.${keyword}`] ?? PROPERTY_CONCEPTS[keyword];
}

/** A concept as hover Markdown. */
export function conceptMarkdown(concept: Concept): string {
    const parts = [`**${concept.title}**`, concept.what, `*Why it matters:* ${concept.why}`, `*A good one:* ${concept.good}`];
    if (concept.example) parts.push('```eos\n' + concept.example + '\n```');
    return parts.join('\n\n');
}
