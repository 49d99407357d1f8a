/**
 * Repairs the token stream before the parser reads it, so that one mistake yields one error and
 * never invents elements.
 *
 * Chevrotain's error recovery knows the grammar but not the strategist: after a misspelt element
 * keyword (`intiative SeniorTriage "…" {`) it resumes at the next token it can start an element
 * with, which is a property of the broken block (`bet Triage`, `stream Care`), so the block's own
 * lines became phantom elements (duplicate names in other files, orphan and unfunded bets that do
 * not exist) while the initiative itself disappeared. This pass looks at the layout a strategist
 * writes — one element or property per line, blocks in braces — and repairs what it recognises:
 *
 * - an element keyword in capitals, misspelt, or named as other tools name it (`objective`) is read
 *   as the keyword meant; a word nothing like a keyword, starting an element-shaped line, is
 *   skipped with its whole block, as one unit;
 * - a title or text written without quotes is read as that text;
 * - a property in capitals, misspelt or named otherwise is read as the property meant; an unknown
 *   property is skipped up to the end of its line;
 * - a block that is not closed is closed before the next element (or at the end of the file);
 * - `status: doing`, `# comment`, “curly quotes”, invisible characters pasted from slides are named.
 *
 * Every repair is an error the strategist sees (with the edit that fixes it, for the quick fix):
 * reading the element as meant only spares them the findings that would not exist without the
 * typo. The pass is one walk over the tokens; only words that are already wrong are compared with
 * the keywords.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { Lexer, LexerResult } from 'langium';
import { KIND_LABEL, type ElementKind } from '../model/elements.js';
import { nearestWord } from '../validation/suggestions.js';
import { isClosedString } from './eos-value-converter.js';
import { ELEMENT_BY_KEYWORD, ELEMENT_SYNTAX, KEY_RESULT_WORDS, type ElementSyntax } from './element-properties.js';
import { ELEMENT_SYNONYMS, PROPERTY_SYNONYMS, STATUS_SYNONYMS } from './synonyms.js';
import { VALUE_WORDS, aKind, propertyList } from './syntax-messages.js';

/** One replacement in the text: what the quick fix of a repaired mistake applies. */
export interface SyntaxEdit {
    offset: number;
    length: number;
    text: string;
}

/** A lexing error (Chevrotain's shape: 1-based line and column) with the edit that fixes it. */
export interface RepairedMistake {
    offset: number;
    line: number;
    column: number;
    length: number;
    message: string;
    fix?: { title: string; edits: SyntaxEdit[] };
    /** Marks the lexing errors this pass reports, apart from the lexer's own. */
    repaired: true;
}

export function isRepairedMistake(error: object): error is RepairedMistake {
    return (error as Partial<RepairedMistake>).repaired === true;
}

const ELEMENT_KEYWORDS = ELEMENT_SYNTAX.map(e => e.keyword as string);
const TOP_KEYWORDS = [...ELEMENT_KEYWORDS, 'checkin'];
/** Key-result words a misspelling may be read as (`up`/`down` are values: a guess would be read as the value). */
const KR_PROPERTY_WORDS = [...KEY_RESULT_WORDS.filter(w => w !== 'up' && w !== 'down'), 'checkin'];
/** Keywords that complete a value: the word after them starts a new property. */
const COMPLETE_WORDS = new Set([...Object.values(VALUE_WORDS).flat(), 'high', 'medium', 'low', 'escalation']);
const ALL_VALUE_WORDS = new Set([...Object.values(VALUE_WORDS).flat(), 'high', 'medium', 'low']);
/** The properties whose value is a status or level word. */
const VALUE_PROPERTIES = new Set(['status', 'level', 'confidence']);

/** An element's property words with a key result's after them, once per element kind. */
const WITH_KEY_RESULT = new Map<ElementSyntax, string[]>();

type State = 'top' | 'name' | 'title' | 'header-end' | 'block' | 'checkin';

interface OpenElement {
    syntax: ElementSyntax;
    keyword: IToken;
    name?: IToken;
    open?: IToken;
    sawKeyResult: boolean;
}

/** Repairs `lexed` in place (tokens, errors, report) for the parser. */
export function repairTokens(text: string, lexed: LexerResult, types: Lexer['definition'], lexer?: Pick<Lexer, 'tokenize'>): void {
    new TokenRepair(text, lexed, types, lexer).run();
}

class TokenRepair {
    private readonly out: IToken[] = [];
    private readonly mistakes: RepairedMistake[] = [];
    private tokens: IToken[] = [];
    private state: State = 'top';
    private element: OpenElement | undefined;

    constructor(
        private readonly text: string,
        private readonly lexed: LexerResult,
        private readonly types: Lexer['definition'],
        /** Reads again what a text without its closing quote swallowed (`"Title {` — the block's `{`). */
        private readonly lexer?: Pick<Lexer, 'tokenize'>
    ) {}

    run(): void {
        this.tokens = this.withCharacterMistakes(this.lexed.tokens);
        const tokens = this.tokens;
        let i = 0;
        while (i < tokens.length) {
            switch (this.state) {
                case 'top':
                    i = this.top(i);
                    break;
                case 'checkin':
                    i = this.checkIn(i);
                    break;
                case 'name':
                    i = this.name(i);
                    break;
                case 'title':
                    i = this.title(i);
                    break;
                case 'header-end':
                    i = this.headerEnd(i);
                    break;
                case 'block':
                    i = this.block(i);
                    break;
            }
        }
        if (this.state === 'block' && this.element) this.closeUnclosed(undefined);
        this.lexed.tokens = this.out;
        this.lexed.errors = [...this.lexed.errors, ...this.mistakes].sort((a, b) => a.offset - b.offset);
    }

    // ── States ─────────────────────────────────────────────────────────────────────────────

    private top(i: number): number {
        const token = this.tokens[i];
        const type = token.tokenType.name;
        if (ELEMENT_BY_KEYWORD.has(type)) return this.startElement(i);
        if (type === 'checkin') {
            this.out.push(token);
            this.state = 'checkin';
            return i + 1;
        }
        if (type === '}') {
            this.mistake(token, 'This `}` closes no block: remove it, or add the `{` it belongs to.', {
                title: 'Remove this `}`',
                edits: [{ offset: token.startOffset, length: 1, text: '' }]
            });
            return i + 1;
        }
        if (isWord(token) && this.atLineStart(i) && (this.headerFollows(i) || this.checkInFollows(i))) {
            const meant = elementMeant(token.image);
            if (meant) {
                this.mistake(token, meant.message, replaceWord(token, meant.keyword));
                this.retype(token, meant.keyword);
                if (meant.keyword !== 'checkin') return this.startElement(i);
                this.out.push(token);
                this.state = 'checkin';
                return i + 1;
            }
            const end = this.unitEnd(i);
            this.mistake(
                token,
                `\`${shorten(token.image)}\` is not a kind of element (${end - i > 3 ? 'its block is' : 'this line is'} not read) — start with a kind, e.g. \`initiative Name "Title"\`.`
            );
            this.drop(i, end);
            return end;
        }
        this.out.push(token);
        return i + 1;
    }

    /** A top-level check-in: its values are the parser's to read, up to the next line-start keyword. */
    private checkIn(i: number): number {
        const token = this.tokens[i];
        // A word after a figure is its unit (`5 days`); a word starting a line after anything else starts an element.
        if (TOP_KEYWORDS.includes(token.tokenType.name) || (this.atLineStart(i) && isWord(token) && !isFigure(this.tokens[i - 1]) && this.headerFollows(i))) {
            this.state = 'top';
            return i;
        }
        this.out.push(token);
        return i + 1;
    }

    private startElement(i: number): number {
        const token = this.tokens[i];
        this.element = { syntax: ELEMENT_BY_KEYWORD.get(token.tokenType.name)!, keyword: token, sawKeyResult: false };
        this.out.push(token);
        this.state = 'name';
        return i + 1;
    }

    private name(i: number): number {
        const token = this.tokens[i];
        this.state = 'title';
        if (isWord(token)) {
            this.element!.name = token;
            this.out.push(token);
            return i + 1;
        }
        return i;
    }

    private title(i: number): number {
        const token = this.tokens[i];
        const type = token.tokenType.name;
        if (type === 'STRING') {
            this.splitUnclosed(i, '{');
            this.out.push(this.tokens[i]);
            this.state = 'header-end';
            return i + 1;
        }
        if (type === '{') return this.openBlock(i);
        const previous = this.tokens[i - 1];
        if (this.element?.name && type === 'ID' && previous.endLine === token.startLine) {
            // `initiative Senior Triage "…"`: a name of several words.
            let k = i;
            while (k < this.tokens.length && this.tokens[k].tokenType.name === 'ID' && this.tokens[k].startLine === token.startLine) k++;
            const after = this.tokens[k];
            if (after && after.tokenType.name === 'STRING' && after.startLine === token.startLine) {
                const { keyword, name } = this.element;
                const last = this.tokens[k - 1];
                const joined = [name, ...this.tokens.slice(i, k)].map(t => t.image).join('');
                this.drop(i, k);
                this.mistake(
                    { ...name, endOffset: last.endOffset ?? name.startOffset, endColumn: last.endColumn ?? 0 },
                    `A name is one word (letters, digits, _): write \`${keyword.image} ${joined}\`; it is read as \`${name.image}\` until you do.`,
                    { title: `Write \`${joined}\``, edits: [{ offset: name.startOffset, length: (last.endOffset ?? name.startOffset) + 1 - name.startOffset, text: joined }] }
                );
                return k;
            }
        }
        if (this.element?.name && previous.endLine === token.startLine && type !== '}') {
            const end = this.lineEnd(i, ['{', '}']);
            const brace = end < this.tokens.length && this.tokens[end].tokenType.name === '{' && this.tokens[end].startLine === token.startLine;
            // Valid layouts must never read as a title: `team T theme X` is two elements on one line,
            // `okr A kr B from` no title either. Words up to a `{` are a title; without a `{`, only plain words.
            if (!TOP_KEYWORDS.includes(type) && !this.hasString(i, end) && !this.hasKeyword(i, end, brace ? TOP_KEYWORDS : undefined)) {
                const { keyword, name } = this.element;
                const words = this.slice(i, end);
                this.unquoted(i, end, `This title has no quotes — write \`${keyword.image} ${name.image} "${shorten(words)}"\`.`);
                this.state = 'header-end';
                return end;
            }
        }
        this.state = 'top';
        return i;
    }

    private headerEnd(i: number): number {
        if (this.tokens[i].tokenType.name === '{') return this.openBlock(i);
        this.state = 'top';
        return i;
    }

    private openBlock(i: number): number {
        this.element!.open = this.tokens[i];
        this.out.push(this.tokens[i]);
        this.state = 'block';
        return i + 1;
    }

    private block(i: number): number {
        if (this.tokens[i].tokenType.name === 'STRING') {
            const before = this.out[this.out.length - 2]?.tokenType.name;
            this.splitUnclosed(i, before === 'kr' ? 'kr' : before === 'escalate' ? 'escalate' : '}');
        }
        const token = this.tokens[i];
        const type = token.tokenType.name;
        const element = this.element!;
        if (type === '}') {
            this.out.push(token);
            this.state = 'top';
            this.element = undefined;
            return i + 1;
        }
        const previous = this.out[this.out.length - 1];
        if (previous?.tokenType.name === 'horizon' && type === 'NUMBER') {
            const end = this.yearRange(i);
            if (end !== undefined) return end;
        }
        if (previous?.tokenType.name === 'status' && previous.endLine === token.startLine && isWord(token)) {
            const end = this.statusSynonym(i);
            if (end !== undefined) return end;
        }
        // A word after a figure is its unit (`12 days`, even on the next line), but not a word that
        // starts a header or a key result (`okr Next "…" {`, `kr Share "…"`): a unit has no name and title.
        if (this.atLineStart(i) && (!expectsValue(previous, this.vocabulary()) || (isFigure(previous) && this.headerFollows(i, true)))) {
            if (this.startsNewElement(i)) {
                this.closeUnclosed(i);
                this.state = 'top';
                return i;
            }
            // A keyword out of place (`supports` in an initiative) is the parser's to report; a word
            // that is no keyword, or a keyword other tools use for a property (`team` for `owner`), is ours.
            const synonym = PROPERTY_SYNONYMS[type];
            if (type === 'ID' || (synonym && this.vocabulary().includes(synonym) && !this.isProperty(type))) return this.unknownProperty(i);
            if (ELEMENT_BY_KEYWORD.has(type) && !this.isProperty(type)) return this.unknownProperty(i);
        }
        if (type === 'ID' && previous && VALUE_PROPERTIES.has(previous.tokenType.name) && ALL_VALUE_WORDS.has(token.image.toLowerCase()) && this.types[token.image.toLowerCase()]) {
            const lower = token.image.toLowerCase();
            this.mistake(token, `Keywords are written in lower case: write \`${lower}\`, not \`${token.image}\`.`, replaceWord(token, lower));
            this.retype(token, lower, lower);
        }
        if (element.syntax.textProperties.includes(type) || (type === 'description' && element.sawKeyResult)) {
            const next = this.tokens[i + 1];
            if (next && next.startLine === token.startLine && next.tokenType.name !== 'STRING' && next.tokenType.name !== '}') {
                const end = this.lineEnd(i + 1, ['}']);
                if (!this.hasString(i + 1, end)) {
                    this.out.push(token);
                    this.unquoted(i + 1, end, `A text is written in quotes: write \`${token.image} "${shorten(this.slice(i + 1, end))}"\`.`);
                    return end;
                }
            }
        }
        if (type === 'kr') element.sawKeyResult = true;
        this.out.push(token);
        return i + 1;
    }

    // ── Mistakes inside a block ───────────────────────────────────────────────────────────

    /** The words that start a property here: the element's own, and a key result's after `kr`. */
    private vocabulary(): string[] {
        const element = this.element!;
        if (!element.sawKeyResult) return element.syntax.properties;
        let words = WITH_KEY_RESULT.get(element.syntax);
        if (!words) WITH_KEY_RESULT.set(element.syntax, (words = [...element.syntax.properties, ...KR_PROPERTY_WORDS]));
        return words;
    }

    private isProperty(type: string): boolean {
        return this.vocabulary().includes(type) || (this.element!.sawKeyResult && KEY_RESULT_WORDS.includes(type));
    }

    private unknownProperty(i: number): number {
        const token = this.tokens[i];
        const element = this.element!;
        const vocabulary = this.vocabulary();
        const label = aKind(element.syntax.keyword);
        const lower = token.image.toLowerCase();
        const takes = `${label} takes ${propertyList(element.syntax.type)}.`;
        let meant: string | undefined;
        let message: string;
        if (vocabulary.includes(lower)) {
            meant = lower;
            message = `Keywords are written in lower case: write \`${lower}\`, not \`${token.image}\`.`;
        } else if (PROPERTY_SYNONYMS[lower] && vocabulary.includes(PROPERTY_SYNONYMS[lower])) {
            meant = PROPERTY_SYNONYMS[lower];
            message = `${capitalise(label)} has no property \`${token.image}\` — write \`${meant}\`, the EOS word for it (read so until you do).`;
        } else {
            meant = nearestWord(token.image, vocabulary);
            message = meant
                ? `${capitalise(label)} has no property \`${shorten(token.image)}\` — did you mean \`${meant}\`? It is read so until you correct it.`
                : `${capitalise(label)} has no property \`${shorten(token.image)}\`, so this line is not read — ${takes}`;
            if (!meant && (lower === 'title' || lower === 'name'))
                message = `${capitalise(label)} has no property \`${token.image}\`, so this line is not read — write its ${lower} on its first line: \`${element.keyword.image} Name "Title"\`.`;
        }
        if (meant) {
            this.mistake(token, message, replaceWord(token, meant));
            // The image too: the parser's own messages on the value quote the word before it (`wip 3`).
            this.retype(token, meant, meant);
            if (meant === 'kr') element.sawKeyResult = true;
            this.out.push(token);
            return i + 1;
        }
        const end = this.lineEnd(i + 1, ['}']);
        this.mistake(token, message);
        this.drop(i, end);
        return end;
    }

    /**
     * `horizon 2026–2028` (an en or em dash, as a word processor writes a range), `2026 - 2028` or
     * `2026 -2028`: the range of years `2026-2028` meant, read as one value. Without this the dash is
     * an unknown character and `2028` (or the negative number `-2028`) a second error.
     */
    private yearRange(i: number): number | undefined {
        const first = this.tokens[i];
        const second = this.tokens[i + 1];
        if (!second || second.tokenType.name !== 'NUMBER' || second.startLine !== first.startLine || !/^\d{4}$/.test(first.image)) return undefined;
        const between = this.text.slice(first.endOffset! + 1, second.startOffset) + (second.image.startsWith('-') ? '-' : '');
        if (!/^\d{4}$/.test(second.image.replace(/^-/, '')) || !/^\s*[-–—]\s*$/.test(between)) return undefined;
        this.dropReports(first.startOffset, second.endOffset! + 1);
        const period = this.types['PERIOD'];
        this.out.push({
            ...first,
            image: `${first.image}-${second.image.replace(/^-/, '')}`,
            endOffset: second.endOffset ?? first.startOffset,
            endLine: second.endLine ?? 1,
            endColumn: second.endColumn ?? 0,
            tokenType: period,
            tokenTypeIdx: period.tokenTypeIdx!
        });
        return i + 2;
    }

    /**
     * `status in progress`, `status todo`, `status on hold`: a tracker's word for a status, read as
     * the EOS status it means (up to three words on the line); the index after it, or undefined.
     */
    private statusSynonym(i: number): number | undefined {
        const kind = this.element!.syntax.keyword;
        if (kind !== 'initiative' && kind !== 'bet') return undefined;
        const synonyms = STATUS_SYNONYMS[kind];
        const first = this.tokens[i];
        for (let k = Math.min(i + 3, this.tokens.length); k > i; k--) {
            const last = this.tokens[k - 1];
            if (last.startLine !== first.startLine || !this.tokens.slice(i, k).every(isWord)) continue;
            const written = this.text.slice(first.startOffset, last.endOffset! + 1);
            const key = written.toLowerCase().replace(/[\s_-]+/g, ' ');
            if (!Object.prototype.hasOwnProperty.call(synonyms, key) || (k === i + 1 && VALUE_WORDS[kind === 'bet' ? 'BetStatus' : 'KanbanStatus'].includes(written))) continue;
            const meant = synonyms[key];
            const label = kind === 'bet' ? 'a bet status' : 'an initiative status';
            const span = { ...first, endOffset: last.endOffset ?? first.startOffset, endColumn: last.endColumn ?? 0 };
            this.drop(i, k);
            if (!meant) {
                // `done` for a bet: what was learnt decides, so no word is read in its place.
                this.mistake(span, `\`${shorten(written)}\` is not ${label} — a bet ends \`validated\` or \`invalidated\` by its evidence, or \`stopped\`.`);
                this.out.pop();
                return k;
            }
            this.mistake(span, `\`${shorten(written)}\` is not ${label} — write \`${meant}\`, the EOS word for it (read so until you do).`, {
                title: `Write \`${meant}\``,
                edits: [{ offset: first.startOffset, length: last.endOffset! + 1 - first.startOffset, text: meant }]
            });
            const type = this.types[meant];
            this.out.push({ ...span, image: meant, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! });
            return k;
        }
        return undefined;
    }

    /**
     * A text without its closing quote runs to the end of its line, so `okr Q1 "Title {` swallows
     * the block's `{` (and a one-line block's properties, or a `}`): every line of the block then
     * became a phantom element. The text ends before the last `stop` on the line; what follows is
     * read again. The missing quote stays reported (eos-lexer.ts), now with where to add it.
     */
    private splitUnclosed(i: number, stop: '{' | '}' | 'kr' | 'escalate'): void {
        const token = this.tokens[i];
        if (!this.lexer || token.tokenType.name !== 'STRING' || isClosedString(token.image)) return;
        // A key result's title is followed by its figures: `kr Share "Main-account share from 18% to 30%`.
        // An escalation's trigger by the team it goes to: `escalate when "prices rise to Globex`.
        const after = stop === 'kr' ? KR_FIGURES : stop === 'escalate' ? ESCALATION_TO : undefined;
        const at = after ? (after.exec(token.image)?.index ?? -1) + 1 : token.image.lastIndexOf(stop);
        if (at <= 0 || !/\s/.test(token.image.charAt(at - 1)) || (stop === '}' && token.image.slice(at + 1).trim() !== '')) return;
        const kept = token.image.slice(0, at).trimEnd();
        const base = token.startOffset + at;
        const rest = this.lexer.tokenize(token.image.slice(at));
        const moved = rest.tokens.map(t => ({
            ...t,
            startOffset: t.startOffset + base,
            endOffset: (t.endOffset ?? t.startOffset) + base,
            startLine: token.startLine ?? 1,
            endLine: token.startLine ?? 1,
            startColumn: (t.startColumn ?? 1) + (token.startColumn ?? 1) + at - 1,
            endColumn: (t.endColumn ?? 1) + (token.startColumn ?? 1) + at - 1
        }));
        const end = token.startOffset + kept.length - 1;
        this.tokens[i] = { ...token, image: kept, endOffset: end, endColumn: (token.startColumn ?? 1) + kept.length - 1 };
        this.tokens.splice(i + 1, 0, ...moved);
        const report = this.lexed.report?.diagnostics.find(d => d.offset === token.startOffset);
        if (report) {
            report.length = kept.length;
            const next = after ? token.image.slice(at).split(/\s/)[0] : stop;
            report.message = `This text has no closing quote: add ${kept.charAt(0)} before the \`${next}\`.`;
        }
    }

    /** `checkin Okr.Kr 2026-02-01 …` after a misspelt `checkin`: a name or a date follows on the line. */
    private checkInFollows(i: number): boolean {
        const next = this.tokens[i + 1];
        return (
            !!next && next.startLine === this.tokens[i].startLine && (isWord(next) || next.tokenType.name === 'DATE') && elementMeant(this.tokens[i].image)?.keyword === 'checkin'
        );
    }

    /** A line that starts an element, not a property: the block before it was not closed. */
    private startsNewElement(i: number): boolean {
        const token = this.tokens[i];
        const type = token.tokenType.name;
        const header = this.headerFollows(i, true);
        // Without a title or `{`, an element keyword is taken as a (wrong) property, never as a new
        // element: `bet Triage` inside a theme must not become a bet.
        if (ELEMENT_BY_KEYWORD.has(type)) return header;
        return isWord(token) && header && !this.isProperty(type) && !!elementMeant(token.image) && !this.vocabulary().includes(token.image.toLowerCase());
    }

    private closeUnclosed(nextIndex: number | undefined): void {
        const next = nextIndex === undefined ? undefined : this.tokens[nextIndex];
        const element = this.element!;
        const last = this.out[this.out.length - 1];
        const at = last.endOffset! + 1;
        const closing: IToken = {
            image: '',
            startOffset: at,
            endOffset: at - 1,
            startLine: last.endLine ?? 1,
            endLine: last.endLine ?? 1,
            startColumn: (last.endColumn ?? 0) + 1,
            endColumn: last.endColumn ?? 0,
            tokenType: this.types['}'],
            tokenTypeIdx: this.types['}'].tokenTypeIdx!,
            isInsertedInRecovery: true
        };
        this.out.push(closing);
        const what = `The ${KIND_LABEL[element.syntax.keyword]}${element.name ? ` \`${element.name.image}\`` : ''} opened on line ${element.keyword.startLine} is not closed`;
        const where = next ? `before \`${this.headerText(nextIndex!)}\` on line ${next.startLine}` : 'at the end of the file';
        const indent = ' '.repeat(Math.max((element.keyword.startColumn ?? 1) - 1, 0));
        const opening = element.open ?? element.keyword;
        this.mistake(opening, `${what}: add \`}\` ${where}.`, { title: 'Add the missing `}`', edits: [{ offset: at, length: 0, text: `\n${indent}}` }] });
        this.element = undefined;
    }

    // ── Unquoted texts and skipped spans ──────────────────────────────────────────────────

    /** Tokens `from`..`end` are a text written without quotes: read as that text. */
    private unquoted(from: number, end: number, message: string): void {
        const first = this.tokens[from];
        const last = this.tokens[end - 1];
        const image = this.text.slice(first.startOffset, last.endOffset! + 1);
        const quote = image.includes('"') ? "'" : '"';
        this.dropReports(first.startOffset, last.endOffset! + 1);
        this.mistake({ ...first, endOffset: last.endOffset ?? first.startOffset, endColumn: last.endColumn ?? 0 }, message, {
            title: 'Put the text in quotes',
            edits: [
                { offset: first.startOffset, length: 0, text: quote },
                { offset: last.endOffset! + 1, length: 0, text: quote }
            ]
        });
        const string = this.types['STRING'];
        this.out.push({
            ...first,
            image,
            endOffset: last.endOffset ?? first.startOffset,
            endLine: last.endLine ?? 1,
            endColumn: last.endColumn ?? 0,
            tokenType: string,
            tokenTypeIdx: string.tokenTypeIdx!
        });
    }

    private drop(from: number, end: number): void {
        if (end <= from) return;
        this.dropReports(this.tokens[from].startOffset, this.tokens[end - 1].endOffset! + 1, this.tokens[from].startOffset);
    }

    /** Lexing errors and reports inside a skipped or re-read span are part of the one mistake reported. */
    private dropReports(from: number, to: number, keep = -1): void {
        const inside = (offset: number) => offset >= from && offset < to && offset !== keep;
        this.lexed.errors = this.lexed.errors.filter(error => !inside(error.offset));
        for (let k = this.mistakes.length - 1; k >= 0; k--) if (inside(this.mistakes[k].offset)) this.mistakes.splice(k, 1);
        const report = this.lexed.report;
        if (report) report.diagnostics = report.diagnostics.filter(d => !inside(d.offset));
    }

    /** Where a skipped unknown element ends: after its balanced block, or at the end of its line. */
    private unitEnd(i: number): number {
        const tokens = this.tokens;
        const line = tokens[i].startLine;
        let j = i + 1;
        while (j < tokens.length && tokens[j].startLine === line && tokens[j].tokenType.name !== '{') j++;
        if (j >= tokens.length || tokens[j].tokenType.name !== '{') return j;
        for (j++; j < tokens.length; j++) {
            if (tokens[j].tokenType.name === '}') return j + 1;
            if (this.atLineStart(j) && ELEMENT_BY_KEYWORD.has(tokens[j].tokenType.name) && this.headerFollows(j, true)) return j;
        }
        return j;
    }

    // ── Characters EOS does not read ──────────────────────────────────────────────────────

    /** Names the characters the lexer skipped, and reads “curly-quoted” texts and `#` comments as meant. */
    private withCharacterMistakes(tokens: IToken[]): IToken[] {
        const errors = this.lexed.errors;
        if (!errors.length) return tokens;
        const kept: typeof errors = [];
        const spans: Array<{ from: number; to: number; string?: IToken }> = [];
        for (let e = 0; e < errors.length; e++) {
            const error = errors[e];
            const ch = this.text.charAt(error.offset);
            const at = { offset: error.offset, line: error.line ?? 1, column: error.column ?? 1, length: 1 };
            if (spans.some(span => error.offset >= span.from && error.offset < span.to)) continue;
            if (ch === ':' || ch === '=') {
                const before = lastBefore(tokens, error.offset);
                const after = firstAfter(tokens, error.offset);
                const example = before && after && before.endLine === after.startLine ? `\`${before.image} ${shorten(after.image)}\`` : '`status doing`';
                const sign = ch === ':' ? 'a colon' : '`=`';
                this.mistakes.push({
                    ...at,
                    repaired: true,
                    message: `EOS writes ${example}, without ${sign}: remove the \`${ch}\`.`,
                    fix: { title: `Remove the \`${ch}\``, edits: [{ offset: error.offset, length: 1, text: '' }] }
                });
            } else if (ch === '#') {
                const to = lineEndOffset(this.text, error.offset);
                spans.push({ from: error.offset, to });
                this.mistakes.push({
                    ...at,
                    repaired: true,
                    message: 'Comments start with `//` in EOS: write `// …`. This line is not read.',
                    fix: { title: 'Write `//` for a comment', edits: [{ offset: error.offset, length: 1, text: '//' }] }
                });
            } else if (OPENING_QUOTES.has(ch)) {
                const close = this.closingQuote(error.offset, errors, e);
                if (close !== undefined) {
                    const image = this.text.slice(error.offset, close + 1);
                    const string = this.types['STRING'];
                    spans.push({
                        from: error.offset,
                        to: close + 1,
                        string: {
                            image,
                            startOffset: error.offset,
                            endOffset: close,
                            startLine: error.line ?? 1,
                            endLine: error.line ?? 1,
                            startColumn: error.column ?? 1,
                            endColumn: (error.column ?? 1) + image.length - 1,
                            tokenType: string,
                            tokenTypeIdx: string.tokenTypeIdx!
                        }
                    });
                    this.mistakes.push({
                        ...at,
                        repaired: true,
                        length: image.length,
                        message: `This text is in curly quotes ${ch}…${this.text.charAt(close)}, as a word processor or slide writes them: EOS reads straight quotes, \`"…"\`.`,
                        fix: {
                            title: 'Use straight quotes',
                            edits: [
                                { offset: error.offset, length: 1, text: '"' },
                                { offset: close, length: 1, text: '"' }
                            ]
                        }
                    });
                } else {
                    this.mistakes.push({
                        ...at,
                        repaired: true,
                        message: `\`${ch}\` is a curly quote, as a word processor writes it: EOS reads straight quotes, \`"…"\`.`,
                        fix: { title: 'Use a straight quote', edits: [{ offset: error.offset, length: 1, text: '"' }] }
                    });
                }
            } else if (INVISIBLE.test(ch)) {
                const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
                this.mistakes.push({
                    ...at,
                    repaired: true,
                    length: error.length,
                    message: `An invisible character (U+${code}) stands here, probably pasted with the text: remove it.`,
                    fix: { title: 'Remove the invisible character', edits: [{ offset: error.offset, length: error.length, text: '' }] }
                });
            } else if (ch === '–' || ch === '—') {
                this.mistakes.push({
                    ...at,
                    repaired: true,
                    message: `\`${ch}\` is a dash from a word processor: write a range of years as \`2026..2028\` and a negative number with \`-\`.`
                });
            } else if (ch === ';') {
                this.mistakes.push({
                    ...at,
                    repaired: true,
                    message: `EOS needs no \`${ch}\` here: each property stands on its own; remove it.`,
                    fix: { title: `Remove the \`${ch}\``, edits: [{ offset: error.offset, length: 1, text: '' }] }
                });
            } else {
                kept.push(error);
            }
        }
        this.lexed.errors = kept;
        if (!spans.length) return tokens;
        const result: IToken[] = [];
        let s = 0;
        spans.sort((a, b) => a.from - b.from);
        for (const token of tokens) {
            while (s < spans.length && spans[s].to <= token.startOffset) {
                if (spans[s].string) result.push(spans[s].string!);
                s++;
            }
            if (s < spans.length && token.startOffset >= spans[s].from) continue;
            result.push(token);
        }
        for (; s < spans.length; s++) if (spans[s].string) result.push(spans[s].string!);
        return result;
    }

    /** The closing curly quote on the same line as an opening one (itself a skipped character). */
    private closingQuote(open: number, errors: LexerResult['errors'], index: number): number | undefined {
        const lineEnd = lineEndOffset(this.text, open);
        for (let k = index + 1; k < errors.length && errors[k].offset < lineEnd; k++) {
            if (CLOSING_QUOTES.has(this.text.charAt(errors[k].offset))) return errors[k].offset;
        }
        return undefined;
    }

    // ── Helpers ───────────────────────────────────────────────────────────────────────────

    private mistake(token: IToken, message: string, fix?: RepairedMistake['fix']): void {
        const length = Math.max((token.endOffset ?? token.startOffset) - token.startOffset + 1, 1);
        this.mistakes.push({ repaired: true, offset: token.startOffset, line: token.startLine ?? 1, column: token.startColumn ?? 1, length, message, ...(fix ? { fix } : {}) });
    }

    private retype(token: IToken, keyword: string, image?: string): void {
        const type: TokenType | undefined = this.types[keyword];
        if (!type) return;
        token.tokenType = type;
        token.tokenTypeIdx = type.tokenTypeIdx!;
        // Keywords that are values (statuses, levels) are read from the image: same length, lower case.
        if (image !== undefined) token.image = image;
    }

    private atLineStart(i: number): boolean {
        return i === 0 || this.tokens[i - 1].endLine! < this.tokens[i].startLine!;
    }

    /** `Name "Title"`, `Name {` or `Name` at the end of the line after token `i`; `strict` wants a title or `{`. */
    private headerFollows(i: number, strict = false): boolean {
        const name = this.tokens[i + 1];
        if (!name || name.startLine !== this.tokens[i].startLine || !isWord(name) || TOP_KEYWORDS.includes(name.tokenType.name)) return false;
        const after = this.tokens[i + 2];
        const sameLine = after && after.startLine === name.startLine;
        if (sameLine && (after.tokenType.name === 'STRING' || after.tokenType.name === '{')) return true;
        return !strict && !sameLine;
    }

    /** The index of the first token after `i` on another line, or of a stop sign on this one. */
    private lineEnd(i: number, stops: string[]): number {
        const line = this.tokens[i - 1]?.endLine ?? this.tokens[i]?.startLine;
        let j = i;
        while (j < this.tokens.length && this.tokens[j].startLine === line && !stops.includes(this.tokens[j].tokenType.name)) j++;
        return j;
    }

    /** Whether tokens `from`..`end` hold a keyword (of `only`, when given). */
    private hasKeyword(from: number, end: number, only?: readonly string[]): boolean {
        for (let j = from; j < end; j++) {
            const type = this.tokens[j].tokenType.name;
            if (only ? only.includes(type) : /^\p{Ll}/u.test(type)) return true;
        }
        return false;
    }

    private hasString(from: number, end: number): boolean {
        for (let j = from; j < end; j++) if (this.tokens[j].tokenType.name === 'STRING') return true;
        return end <= from;
    }

    private slice(from: number, end: number): string {
        return this.text.slice(this.tokens[from].startOffset, this.tokens[end - 1].endOffset! + 1);
    }

    /** `initiative SeniorTriage`: the keyword and name of the element starting at `i`. */
    private headerText(i: number): string {
        const name = this.tokens[i + 1];
        return shorten(name && name.startLine === this.tokens[i].startLine && isWord(name) ? `${this.tokens[i].image} ${name.image}` : this.tokens[i].image);
    }
}

/** Where a key result's figures start after its title: ` from 18%`, ` current 4.2`, ` down 20%`. */
const KR_FIGURES = /\s(?:from|current|up|down)\s+[-+£€$¥₹]?\d/;
const ESCALATION_TO = /\sto\s+[\p{L}_][\p{L}\p{M}\p{N}_]*\s*$/u;
const OPENING_QUOTES = new Set(['“', '”', '„', '‘', '’', '«', '»']);
const CLOSING_QUOTES = new Set(['”', '“', '’', '‘', '»', '«']);
const INVISIBLE = /[\u200b-\u200f\u2028-\u202f\u2060-\u2064\ufeff\u00ad]/;

/** The element keyword a word at the start of an element meant, and what to tell the strategist. */
function elementMeant(word: string): { keyword: ElementKind | 'checkin'; message: string } | undefined {
    const lower = word.toLowerCase();
    if (TOP_KEYWORDS.includes(lower)) {
        return { keyword: lower as ElementKind, message: `Keywords are written in lower case: write \`${lower}\`, not \`${word}\`.` };
    }
    const synonym = ELEMENT_SYNONYMS[lower];
    if (synonym) {
        return {
            keyword: synonym as ElementKind,
            message: `EOS has no element \`${word}\` — write \`${synonym}\`, the EOS word for it (read so until you do).`
        };
    }
    const near = nearestWord(word, TOP_KEYWORDS);
    // A guess that changes the first letter (`scheme` → `theme`) would read a block as the wrong kind.
    if (!near || near.charAt(0) !== lower.charAt(0)) return undefined;
    return {
        keyword: near as ElementKind,
        message: `\`${shorten(word)}\` is not a kind of element — did you mean \`${near}\`? It is read as ${near === 'checkin' ? 'a check-in' : aKind(near as ElementKind)} until you correct it.`
    };
}

function replaceWord(token: IToken, word: string): RepairedMistake['fix'] {
    return { title: `Write \`${word}\``, edits: [{ offset: token.startOffset, length: token.image.length, text: word }] };
}

/** A word: a name or a keyword that is a word (not `{`, `,`, a number or a text). */
function isWord(token: IToken): boolean {
    const type = token.tokenType.name;
    return type === 'ID' || isKeywordWord(type);
}

/** Keyword token types that are words (`bet`, `status`), not signs; remembered per type (every token asks). */
const KEYWORD_WORDS = new Map<string, boolean>();
function isKeywordWord(type: string): boolean {
    let word = KEYWORD_WORDS.get(type);
    if (word === undefined) KEYWORD_WORDS.set(type, (word = /^\p{Ll}/u.test(type)));
    return word;
}

/** Whether the token after `previous` is its value (`owner` ⟶ `Digital`), not a new property. */
function expectsValue(previous: IToken | undefined, properties: readonly string[]): boolean {
    if (!previous) return false;
    const type = previous.tokenType.name;
    if (type === ',' || type === '.' || type === '..' || isFigure(previous)) return true;
    // `stream` is a property of an initiative but a level after `level`; `supports` a property of an OKR but a verdict.
    return isKeywordWord(type) && (properties.includes(type) || !COMPLETE_WORDS.has(type));
}

const FIGURES = new Set(['NUMBER', 'GROUPED_NUMBER', 'SCALED_NUMBER', 'MONEY', 'CLOCK', 'DURATION']);

/** A figure, which a unit may follow (`12 days`, even on the next line). */
function isFigure(token: IToken | undefined): boolean {
    return !!token && FIGURES.has(token.tokenType.name);
}

function lastBefore(tokens: readonly IToken[], offset: number): IToken | undefined {
    let lo = 0,
        hi = tokens.length - 1,
        found: IToken | undefined;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (tokens[mid].startOffset < offset) {
            found = tokens[mid];
            lo = mid + 1;
        } else hi = mid - 1;
    }
    return found;
}

function firstAfter(tokens: readonly IToken[], offset: number): IToken | undefined {
    let lo = 0,
        hi = tokens.length - 1,
        found: IToken | undefined;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (tokens[mid].startOffset > offset) {
            found = tokens[mid];
            hi = mid - 1;
        } else lo = mid + 1;
    }
    return found;
}

function lineEndOffset(text: string, offset: number): number {
    let end = offset;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    return end;
}

function shorten(text: string): string {
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
