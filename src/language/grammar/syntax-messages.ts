/**
 * Syntax errors in the words of someone who has never seen a grammar.
 *
 * Chevrotain describes what went wrong in terms of tokens ("Expecting token of type '}' but found
 * …", a list of twenty token sequences). The parser error itself says where it happened (the rule
 * stack: inside which element, at which value) and what stood there; this module turns that into
 * one sentence saying what is wrong and what to write instead. Nothing here says "token",
 * "Expecting … but found", or lists more than a handful of alternatives.
 */
import type { IToken } from 'chevrotain';
import { KIND_LABEL, type ElementKind } from '../model/elements.js';
import { nearestWord } from '../validation/suggestions.js';
import { BET_STATUSES, KANBAN_STATUSES, LEVELS, VERDICTS } from '../model/vocabulary.js';
import { ELEMENT_BY_TYPE, ELEMENT_SYNTAX } from './element-properties.js';

/** The parts of a Chevrotain recognition error this module reads. */
export interface ParserErrorLike {
    name: string;
    message: string;
    token: IToken;
    previousToken?: IToken;
    context?: { ruleStack?: string[] };
}

/** Words of the value rules, as the method names them. */
export const VALUE_WORDS: Readonly<Record<string, readonly string[]>> = {
    KanbanStatus: KANBAN_STATUSES,
    BetStatus: BET_STATUSES,
    Level: LEVELS,
    Verdict: VERDICTS
};

const FIGURE_EXAMPLES = 'a number such as 40, 40%, 12 days, 6,200, £1.9m or 15:40';

/** `the end of the file` or `` `word` ``. */
export function found(token: IToken): string {
    return token.tokenType?.name === 'EOF' || token.image === '' ? 'the end of the file' : `\`${shorten(token.image)}\``;
}

function shorten(text: string): string {
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** The article and label of an element kind: `an initiative`, `a bet`. */
export function aKind(kind: ElementKind): string {
    const label = KIND_LABEL[kind];
    return `${/^[aeiouAEIOU]/.test(label) ? 'an' : 'a'} ${label}`;
}

/** `bet, stream, owner, status, …` */
export function propertyList(type: string): string {
    const properties = ELEMENT_BY_TYPE.get(type)?.properties ?? [];
    return properties.map(p => `\`${p}\``).join(', ');
}

export function describeParserError(error: ParserErrorLike): string {
    const stack = (error.context?.ruleStack ?? []).map(rule => rule.replace(/\u200b/g, ''));
    const innermost = stack[stack.length - 1];
    const elementType = [...stack].reverse().find(rule => ELEMENT_BY_TYPE.has(rule));
    const element = elementType ? ELEMENT_BY_TYPE.get(elementType) : undefined;
    const what = found(error.token);
    const image = error.token.image;
    const previous = error.previousToken?.image;
    const isEnd = what === 'the end of the file';

    if (innermost && VALUE_WORDS[innermost]) {
        const words = VALUE_WORDS[innermost];
        const lower = image.toLowerCase();
        const name = innermost === 'Level' ? 'level' : innermost === 'Verdict' ? 'verdict' : `${innermost === 'BetStatus' ? 'bet' : 'initiative'} status`;
        if (words.includes(lower)) return `Keywords are written in lower case: write \`${lower}\`, not \`${image}\`.`;
        const near = nearestWord(image, words);
        if (innermost === 'Verdict')
            return `Evidence needs its verdict, \`supports\` or \`contradicts\`, after the date${isEnd ? '' : `, not ${what}`}: \`evidence 2026-02-01 supports "what was learnt"\`.`;
        const choice = near ? `did you mean \`${near}\`?` : `write one of ${words.map(w => `\`${w}\``).join(', ')}.`;
        return `${isEnd ? 'The file ends where' : `${what} is not`} ${aName(name)}${isEnd ? ' should be' : ''} — ${choice}`;
    }
    if (innermost === 'Amount' || innermost === 'Measure' || innermost === 'CheckInMeasure') {
        return `${isEnd ? 'The file ends where a figure should be' : `${what} is not a figure`}: write ${FIGURE_EXAMPLES}.`;
    }
    if (innermost === 'Name' || innermost === 'QualifiedName') {
        if (previous === 'kr')
            return `This key result has no name — write \`kr Name ${error.token.tokenType?.name === 'STRING' ? shorten(image) : '"Title"'} from … to …\` (others refer to it as \`Okr.Name\`).`;
        if (error.token.tokenType?.name === 'STRING')
            return `Names are written without quotes: write \`${previous ?? ''} ${toName(image)}\`, the name of the element it refers to.`.replace('` ', '`').replace('`  ', '` ');
        return `${isEnd ? 'The file ends where a name should be' : `${what} is not a name`}: write the name of an element after \`${previous ?? ''}\` (a word of letters, digits and _).`;
    }
    if (innermost === 'Integer')
        return `${isEnd ? 'The file ends where a whole number should be' : `${what} is not a whole number`}: write it in digits, e.g. \`${previous ?? 'wip'} 3\`.`;
    if (innermost === 'Horizon') return `${isEnd ? 'The file ends where a horizon should be' : `${what} is not a horizon`}: write a year (2026) or a range of years (2026..2028).`;
    if (innermost === 'DateValue' || innermost === 'DeadlineValue')
        return `${isEnd ? 'The file ends where a date should be' : `${what} is not a date`}: write it as year-month-day, e.g. 2026-01-20${innermost === 'DeadlineValue' ? ', or a period such as 2026-Q2' : ''}.`;
    if (innermost === 'PeriodValue')
        return `${isEnd ? 'The file ends where a period should be' : `${what} is not a period`}: write a year (2026), a half (2026-H1) or a quarter (2026-Q1).`;

    const expected = expectedKeywords(error.message);
    if (innermost === 'KeyResult' && (expected.includes('to') || expected.includes('down'))) {
        return `After the baseline comes the target: \`from ${previous ?? '40%'} to …\` (or a change, \`down 20%\`)${isEnd ? '' : `, not ${what}`}.`;
    }
    if (innermost === 'Change') return `After \`up\` or \`down\` comes the change: a figure such as 20%, 10 points or 5 min.`;
    if (elementType === 'Tenet' && expected.includes('over')) return `A tenet names what it gives up: write \`choose "…" over "…"\`.`;
    if (element && expected.includes('}')) {
        const label = aKind(element.keyword);
        if (isEnd) return `The block of this ${KIND_LABEL[element.keyword]} is not closed: add \`}\` at the end of the file.`;
        const near = nearestWord(image, element.properties);
        if (/^\p{L}/u.test(image)) {
            return `${capitalise(label)} has no property ${what} — ${near ? `did you mean \`${near}\`?` : `${label} takes ${propertyList(element.type)}.`}`;
        }
        return `${what} cannot stand here in ${label}: each property is a word followed by its value, e.g. \`${element.properties[0]} …\`; the block ends with \`}\`.`;
    }
    if (!element && (error.name === 'NotAllInputParsedException' || stack.length <= 1)) {
        const near = nearestWord(
            image,
            ELEMENT_SYNTAX.map(e => e.keyword)
        );
        if (image === '}') return 'This `}` closes no block: remove it, or add the `{` it belongs to.';
        return `${what} does not start an element — ${near ? `did you mean \`${near}\`?` : 'start with its kind, e.g. `initiative Name "Title"`.'}`;
    }
    const words = expected
        .filter(word => /^[\p{L}{}]/u.test(word))
        .slice(0, 4)
        .map(word => `\`${word}\``);
    return `EOS cannot read ${what} here${words.length ? `; write ${words.join(' or ')}` : ''}.`;
}

/**
 * The word a syntax message suggests writing instead (`Did you mean \`doing\`?`, `write \`theme\`, not`),
 * which the quick fix writes in place of the word the message is on.
 */
export function suggestedWord(message: string): string | undefined {
    return /[Dd]id you mean `([^`\s]+)`\?/.exec(message)?.[1] ?? /lower case: write `([^`\s]+)`, not/.exec(message)?.[1];
}

/** The keywords a Chevrotain message lists as expected (`'}'`, `[to]`, …). */
function expectedKeywords(message: string): string[] {
    const single = /token of type '([^']+)'/.exec(message);
    if (single) return [single[1]];
    return [...message.matchAll(/\d+\. \[([^\]]*)\]/g)].map(match => match[1].trim());
}

function aName(name: string): string {
    return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `"Retail team"` → `RetailTeam`: the name a quoted text would be. */
function toName(quoted: string): string {
    const words = quoted
        .replace(/^["'“]|["'”]$/g, '')
        .split(/[^\p{L}\p{M}\p{N}_]+/u)
        .filter(Boolean);
    return words.map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('') || 'Name';
}
