/**
 * The one set of element templates (snippets) EOS offers: the completion provider is their only
 * source, in VS Code and in every LSP editor (the extension contributes no snippet file, so no
 * kind is listed twice). Templates are built for the workspace and the day they are asked for: the
 * period an OKR is written for now, a team's place under another, the one bet, theme or stream
 * there is to link to. Value lists (levels, statuses) are choices, explained in the documentation.
 */
import { KIND_LABEL, type ElementKind } from '../model/elements.js';
import { VALUE_CONCEPTS } from '../documentation/glossary.js';
import { VALUE_RULE_WORDS, type ValueRule } from '../model/vocabulary.js';

/** What a template may draw on: today's date and the names that exist in the workspace. */
export interface TemplateContext {
    /** `YYYY-MM-DD`. */
    today: string;
    /** Existing names of a kind, sorted, for choice placeholders. */
    namesOf(kind: ElementKind): readonly string[];
}

export interface ElementTemplate {
    /** The keyword that starts the element, also the label in the completion list. */
    keyword: string;
    /** One line for the list: what the element is. */
    detail: string;
    /** The snippet (LSP snippet syntax: `${1:placeholder}`, `${2|a,b|}`). */
    body: string;
    /** A legend for choice placeholders whose values mean something (levels, statuses). */
    legend?: string;
}

/** Value lists in the order the method reads them (the grammar's order), for choice placeholders. */
const choices = (rule: ValueRule): string[] => [...VALUE_RULE_WORDS[rule]];

/** `value — meaning` lines for a template's documentation. */
function legendOf(rule: ValueRule): string {
    const concept = VALUE_CONCEPTS[rule];
    return `${concept.label}:\n${Object.entries(concept.values)
        .map(([value, meaning]) => `- \`${value}\` — ${meaning}`)
        .join('\n')}`;
}

/**
 * The quarter a plan is being written for today, then the other likely one: in the last month of a
 * quarter people plan the next one, so it comes first; otherwise the current one does.
 */
export function likelyPeriods(today: string): [string, string] {
    const [year, month] = today.split('-').map(Number);
    const quarter = Math.floor((month - 1) / 3) + 1;
    const current = `${year}-Q${quarter}`;
    const next = quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`;
    return month % 3 === 0 ? [next, current] : [current, next];
}

/** Snippet text is literal except for `$`, `}` and `\` (and `,` `|` inside a choice). */
function escapeChoice(text: string): string {
    return text.replace(/[\\$}|,]/g, '\\$&');
}

export function escapeSnippet(text: string): string {
    return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * A placeholder that names an element of `kind`: the name of the only one there is, else the kind
 * in words to overwrite (an unresolved name until it is). Not a choice list: a list open on a
 * placeholder takes the Tab meant for the next stop, so typing over it would stay there.
 */
function nameOf(index: number, kind: ElementKind, context: TemplateContext, fallback = capitalise(kind)): string {
    const names = context.namesOf(kind);
    return `\${${index}:${escapeSnippet(names.length === 1 ? names[0] : fallback)}}`;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function choice(index: number, values: readonly string[]): string {
    return `\${${index}|${values.map(escapeChoice).join(',')}|}`;
}

/**
 * Every template, for this workspace and day. Numbers a strategist must supply (a key result's
 * baseline and target) are words to overwrite, not numbers: left as they are, they are a syntax
 * error that says a number goes there, never a target nobody chose.
 */
export function elementTemplates(context: TemplateContext): ElementTemplate[] {
    const year = context.today.slice(0, 4);
    const [period] = likelyPeriods(context.today);
    return [
        { keyword: 'vision', detail: 'new vision: the long-term aspiration', body: 'vision ${1:Name} "${2:Where we want to be in five years}"' },
        {
            keyword: 'theme',
            detail: 'new strategic theme: what matters most now',
            body: `theme \${1:Name} "\${2:Outcome that matters most now}" {\n  vision ${nameOf(3, 'vision', context)}\n  horizon \${4:${year}}\n}`
        },
        {
            keyword: 'bet',
            detail: 'new bet: a hypothesis about where to invest',
            body: `bet \${1:Name} "\${2:Title}" {\n  serves ${nameOf(3, 'theme', context)}\n  hypothesis "If \${4:we invest here}, \${5:we expect this outcome}"\n  status ${choice(6, choices('BetStatus'))}\n}`,
            legend: legendOf('BetStatus')
        },
        {
            keyword: 'evidence',
            detail: 'evidence for or against the bet, dated',
            body: `evidence \${1:${context.today}} ${choice(2, choices('Verdict'))} "\${3:What was observed}"`,
            legend: legendOf('Verdict')
        },
        { keyword: 'stream', detail: 'new value stream with a WIP limit', body: 'stream ${1:Name} "${2:Title}" { wip ${3:3} }' },
        {
            keyword: 'initiative',
            detail: 'new initiative: an experiment that expresses a bet',
            body:
                `initiative \${1:Name} "\${2:Title}" {\n  bet ${nameOf(3, 'bet', context)}\n  stream ${nameOf(4, 'stream', context)}\n  owner ${nameOf(5, 'team', context)}\n` +
                `  status ${choice(6, choices('KanbanStatus'))}\n  hypothesis "\${7:What we believe this work will change}"\n  success "\${8:Signal that it works}"\n  failure "\${9:Signal to stop}"\n}`,
            legend: legendOf('KanbanStatus')
        },
        {
            keyword: 'okr',
            detail: 'new OKR: an objective with a measurable key result',
            body:
                `okr \${1:Name} "\${2:Objective}" {\n  owner ${nameOf(3, 'team', context)}\n  period \${4:${period}}\n  supports ${nameOf(5, 'bet', context)}\n` +
                '  kr ${6:Result} "${7:Key result}" from ${8:baseline} to ${9:target}\n}'
        },
        { keyword: 'kr', detail: 'new key result: from a baseline to a target', body: 'kr ${1:Name} "${2:Key result}" from ${3:baseline} to ${4:target}' },
        {
            keyword: 'team',
            detail: 'new team: its level and the team it belongs to',
            body: `team \${1:Name} "\${2:Title}" {\n  level ${choice(3, choices('Level'))}\n  parent ${nameOf(4, 'team', context)}\n}`,
            legend: legendOf('Level')
        },
        { keyword: 'value', detail: 'new value: a principle', body: 'value ${1:Name} "${2:Principle}"' },
        {
            keyword: 'practice',
            detail: 'new practice: how a team lives a value',
            body: `practice \${1:Name} "\${2:Ritual}" {\n  embodies ${nameOf(3, 'value', context)}\n  owner ${nameOf(4, 'team', context)}\n}`
        },
        {
            keyword: 'tenet',
            detail: 'new decision tenet: a trade-off',
            body: `tenet \${1:Name} {\n  when "\${2:situation}"\n  choose "\${3:this}" over "\${4:that}"\n  because "\${5:rationale}"\n  upholds ${nameOf(6, 'value', context)}\n}`
        },
        {
            keyword: 'authority',
            detail: 'new decision rights: who may take a type of decision',
            body: `authority \${1:Name} "\${2:Type of decision}" {\n  decided by level ${choice(3, choices('Level'))}\n  escalate when "\${4:trigger}" to ${nameOf(5, 'team', context)}\n  applies ${nameOf(6, 'value', context)}\n}`,
            legend: legendOf('Level')
        },
        {
            keyword: 'decision',
            detail: 'new decision record: dated, owned, citing its tenets',
            body:
                `decision \${1:Name} "\${2:What was decided}" {\n  date \${3:${context.today}}\n  type ${nameOf(4, 'authority', context)}\n  owner ${nameOf(5, 'team', context)}\n` +
                `  concerns ${nameOf(6, 'initiative', context)}\n  follows ${nameOf(7, 'tenet', context)}\n}`
        }
    ];
}

/** The kinds a template's keyword starts, for the list's description. */
export function templateKindLabel(keyword: string): string {
    return keyword === 'evidence' ? 'evidence' : (KIND_LABEL[keyword as ElementKind] ?? keyword);
}
