/**
 * Formats EOS files into their canonical layout: one element per paragraph, two-space
 * indentation, one property per line inside blocks, single spaces between words.
 *
 * It works on the token stream rather than Langium's node-by-node formatting rules because the
 * promise to users is "whitespace changes only": every edit replaces the whitespace between two
 * tokens (comments count as tokens), so no text can be dropped or reordered, and a final
 * re-lexing check refuses to format if the token sequence would change at all.
 *
 * Decisions (documented in docs/features.md):
 * - A block written on one line with at most one property and no comment stays on one line
 *   (`{ wip 2 }`); any other block gets one property per line.
 * - Up to one blank line is kept between elements, properties and comments; more are collapsed.
 * - A trailing comment (`status doing   // why`) stays on its line with the spacing it had, so
 *   hand-aligned comments stay aligned; own-line comments take the indentation of their block.
 * - The file's line ending (LF or CRLF) is kept; the file ends with exactly one line ending; no
 *   line keeps trailing blanks (not even a line comment).
 * - A file with syntax errors is not formatted (range formatting works above the first error).
 */
import { CstUtils, isLeafCstNode, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter, type LangiumServices } from 'langium/lsp';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingOptions,
    DocumentOnTypeFormattingParams,
    DocumentRangeFormattingParams,
    Range,
    TextEdit
} from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import { ELEMENT_SYNTAX } from '../grammar/element-properties.js';
import { reportCaught } from '../helpers/answer-or.js';
import { duplicateClosingBraceEdits } from '../editing/closing-brace.js';

/** Keywords that start a property, per element type (the first token of a line in a block). */
const PROPERTY_KEYWORDS: Partial<Record<string, ReadonlySet<string>>> = Object.fromEntries(ELEMENT_SYNTAX.map(element => [element.type, new Set(element.properties)]));

/** What a token means for layout. */
export type TokenRole = 'element' | 'property' | 'checkin' | 'open' | 'close' | 'comma' | 'dot' | 'percent' | 'range' | 'unit' | 'line-comment' | 'block-comment' | 'other';

export interface LayoutToken {
    offset: number;
    end: number;
    text: string;
    role: TokenRole;
}

/** A replacement of the whitespace between two tokens (or the file's start or end). */
export interface WhitespaceEdit {
    offset: number;
    end: number;
    newText: string;
}

const INDENT = '  ';

export class EosFormatter extends AbstractFormatter {
    private readonly services: LangiumServices;
    private readonly cache = new WeakMap<AstNode, WhitespaceEdit[]>();

    constructor(services: LangiumServices) {
        super();
        this.services = services;
    }

    /** Layout is computed from tokens in {@link formatText}; no per-node rules are needed. */
    protected override format(_node: AstNode): void {
        // intentionally empty
    }

    override formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length || parserErrors.length) return [];
        return this.safeEdits(document);
    }

    /**
     * Formats the part of the range above the line of the file's first syntax error (that line and
     * what follows are left as written). Langium's own check compares Chevrotain's 1-based error
     * line with the range's 0-based one, and so formatted the error's line.
     */
    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const errorLine = firstErrorLine(document);
        const { start, end } = params.range;
        if (errorLine === undefined) return this.safeEdits(document, params.range);
        if (start.line >= errorLine) return [];
        const clipped = end.line < errorLine ? end : { line: errorLine, character: 0 };
        return this.safeEdits(document, { start, end: clipped });
    }

    /**
     * Typing only ever answers `}`: a brace typed by habit above the one VS Code inserted when `{`
     * was typed removes that second one (closing-brace.ts). Nothing else is reflowed while typing:
     * moving a line under the cursor surprises writers.
     */
    override get formatOnTypeOptions(): DocumentOnTypeFormattingOptions {
        return { firstTriggerCharacter: '}' };
    }

    override formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        if (params.ch !== '}') return [];
        try {
            return duplicateClosingBraceEdits(document.textDocument.getText(), params.position);
        } catch (error) {
            reportCaught('formatting on typing', error);
            return [];
        }
    }

    private safeEdits(document: LangiumDocument, range?: Range): TextEdit[] {
        try {
            const textDocument = document.textDocument;
            const edits = this.verifiedEdits(document);
            const from = range ? textDocument.offsetAt(range.start) : 0;
            const to = range ? textDocument.offsetAt(range.end) : textDocument.getText().length;
            const earliest = range ? textDocument.offsetAt({ line: Math.max(range.start.line - 1, 0), character: 0 }) : 0;
            return (
                edits
                    // Range formatting owns the whitespace in front of every token that starts in the range
                    // (a token starting where the range ends is outside it: a selection of whole lines ends there).
                    // A gap that begins before the line above the range (blank lines above a selection) is left alone.
                    .filter(edit => !range || (edit.end >= from && (edit.end < to || to === textDocument.getText().length) && edit.offset < to && edit.offset >= earliest))
                    .map(edit => ({
                        range: { start: textDocument.positionAt(edit.offset), end: textDocument.positionAt(edit.end) },
                        newText: edit.newText
                    }))
            );
        } catch (error) {
            reportCaught('formatting', error);
            return []; // a formatter that fails must leave the text alone, never break the editor
        }
    }

    /**
     * The whole document's edits, verified by re-lexing, computed once per parse (range requests on
     * one version share them). Any subset is safe too: a token's extent depends only on its own
     * text and the gap after it, and every gap is either left alone or set as in the verified text.
     */
    private verifiedEdits(document: LangiumDocument): readonly WhitespaceEdit[] {
        const root = document.parseResult.value;
        let edits = this.cache.get(root);
        if (!edits) {
            edits = this.computeEdits(document);
            this.cache.set(root, edits);
        }
        return edits;
    }

    private computeEdits(document: LangiumDocument): WhitespaceEdit[] {
        const text = document.textDocument.getText();
        const lexed = this.lex(text);
        if (!lexed) return [];
        const edits = whitespaceEdits(text, this.layoutTokens(document, lexed));
        if (!edits || edits.length === 0) return [];
        const after = this.lex(applyWhitespaceEdits(text, edits));
        return after && sameTokens(lexed, after) ? edits : [];
    }

    /** Every token of the text, comments included, in order; undefined if the lexer rejects some text. */
    private lex(text: string): LexedToken[] | undefined {
        const result = this.services.parser.Lexer.tokenize(text);
        if (result.errors.length) return undefined;
        return [...result.tokens, ...result.hidden]
            .sort((a, b) => a.startOffset - b.startOffset)
            .map(token => ({ offset: token.startOffset, text: token.image, type: token.tokenType.name }));
    }

    /** Classifies every token with the help of the CST (which element or property it starts). */
    private layoutTokens(document: LangiumDocument, lexed: readonly LexedToken[]): LayoutToken[] {
        const leaves = new Map<number, LeafCstNode>();
        const rootCst = document.parseResult.value.$cstNode;
        if (rootCst) {
            for (const node of CstUtils.streamCst(rootCst)) {
                if (isLeafCstNode(node) && !node.hidden) leaves.set(node.offset, node);
            }
        }
        return lexed.map(({ offset, text }) => ({ offset, end: offset + text.length, text, role: roleOf(text, leaves.get(offset)) }));
    }
}

/** The 0-based line of the first lexer or parser error, or undefined when the file has none. */
function firstErrorLine(document: LangiumDocument): number | undefined {
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length === 0 && parserErrors.length === 0) return undefined;
    const textLength = document.textDocument.getText().length;
    let first = textLength;
    for (const error of lexerErrors) if (isOffset(error.offset)) first = Math.min(first, error.offset);
    for (const error of parserErrors) {
        // An error at the end of the file carries the EOF token, whose offsets are NaN or -1: the
        // error is then placed where the validator shows it, at the token before.
        const previous = 'previousToken' in error ? (error.previousToken as { startOffset?: number } | undefined)?.startOffset : undefined;
        const offset = isOffset(error.token.startOffset) ? error.token.startOffset : isOffset(previous) ? previous : textLength;
        first = Math.min(first, offset);
    }
    return document.textDocument.positionAt(first).line;
}

function isOffset(offset: number | undefined): offset is number {
    return offset !== undefined && Number.isFinite(offset) && offset >= 0;
}

interface LexedToken {
    offset: number;
    text: string;
    type: string;
}

/** The last line of defence: the formatted text must lex to the same tokens as the original. */
function sameTokens(before: readonly LexedToken[], after: readonly LexedToken[]): boolean {
    const same = (a: LexedToken, b: LexedToken) =>
        a.type === b.type &&
        // A moved block comment may have its continuation lines re-indented: compare it without whitespace runs.
        (a.text === b.text || a.text.replace(/\s+/g, ' ').trimEnd() === b.text.replace(/\s+/g, ' ').trimEnd());
    return before.length === after.length && before.every((token, i) => same(token, after[i]));
}

function roleOf(image: string, leaf: LeafCstNode | undefined): TokenRole {
    if (image.startsWith('//')) return 'line-comment';
    if (image.startsWith('/*')) return 'block-comment';
    switch (image) {
        case '{':
            return 'open';
        case '}':
            return 'close';
        case ',':
            return 'comma';
        case '.':
            return 'dot';
        case '%':
            return 'percent';
        case '..':
            return 'range';
    }
    const node = leaf?.astNode;
    if (!leaf || !node) return 'other';
    const startsNode = node.$cstNode?.offset === leaf.offset;
    if (startsNode && ast.isElement(node)) return 'element';
    if (startsNode && (ast.isKeyResult(node) || ast.isEvidence(node) || ast.isEscalation(node) || ast.isTenetCitation(node) || ast.isNeed(node))) return 'property';
    // A check-in on its own is a line of a check-in file; under a `kr` it is indented below it.
    if (startsNode && ast.isCheckIn(node)) return ast.isModel(node.$container) ? 'element' : 'checkin';
    if (!startsNode && ast.isMeasure(node)) return 'unit';
    if (!startsNode && PROPERTY_KEYWORDS[node.$type]?.has(image) && leaf.tokenType.name === image) return 'property';
    return 'other';
}

export function applyWhitespaceEdits(text: string, edits: readonly WhitespaceEdit[]): string {
    let result = '';
    let last = 0;
    for (const edit of edits) {
        result += text.slice(last, edit.offset) + edit.newText;
        last = edit.end;
    }
    return result + text.slice(last);
}

interface Block {
    inline: boolean;
    empty: boolean;
}

/**
 * The canonical whitespace for every gap between tokens, as edits (only where it differs).
 * Pure: depends on the text and the classified tokens only. Returns undefined if a gap holds
 * anything but whitespace (text the lexer did not account for), so nothing can be lost.
 */
export function whitespaceEdits(text: string, tokens: readonly LayoutToken[]): WhitespaceEdit[] | undefined {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const blocks = analyseBlocks(text, tokens);
    const edits: WhitespaceEdit[] = [];
    const stack: Block[] = [];
    const push = (offset: number, end: number, newText: string) => {
        if (text.slice(offset, end) !== newText) edits.push({ offset, end, newText });
    };
    const lines = (count: number, depth: number) => eol.repeat(count) + INDENT.repeat(Math.max(depth, 0));

    let previous: LayoutToken | undefined;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        const gapStart = previous ? previous.end : 0;
        const gap = text.slice(gapStart, token.offset);
        if (/\S/.test(gap)) return undefined;
        const existingLines = countLines(gap);
        const keptLines = Math.min(Math.max(existingLines, 1), 2);
        const depth = stack.length;
        const block = stack[stack.length - 1];

        let newText: string;
        if (!previous) {
            newText = gap.startsWith('\uFEFF') ? '\uFEFF' : ''; // a byte order mark is not layout: keep it
        } else if ((token.role === 'line-comment' || token.role === 'block-comment') && existingLines === 0) {
            // Trailing comment: stays on its line, keeping hand alignment.
            newText = gap.length > 0 ? gap : ' ';
        } else if (token.role === 'line-comment' || token.role === 'block-comment') {
            newText = lines(keptLines, depth);
        } else if (token.role === 'close') {
            const current = blocks.get(token.offset);
            newText = current?.inline ? (current.empty ? '' : ' ') : lines(1, depth - 1);
        } else if (previous.role === 'open' && block?.inline) {
            newText = ' ';
        } else if (token.role === 'element') {
            newText = lines(keptLines, 0);
        } else if (token.role === 'property' && !block?.inline) {
            newText = lines(previous.role === 'open' ? 1 : keptLines, depth);
        } else if (token.role === 'checkin') {
            newText = block?.inline ? ' ' : lines(keptLines, depth + 1);
        } else if (previous.role === 'line-comment' || (previous.role === 'block-comment' && existingLines > 0)) {
            // The token cannot join the comment's line: it continues the statement one level deeper.
            newText = lines(keptLines, depth + 1);
        } else if (
            token.role === 'comma' ||
            token.role === 'dot' ||
            token.role === 'percent' ||
            token.role === 'range' ||
            previous.role === 'dot' ||
            previous.role === 'range' ||
            (token.role === 'unit' && gap === '')
        ) {
            // A unit written against its number (`2h`, `90min`) stays so: `2h 30m` reads as one figure.
            newText = '';
        } else {
            newText = ' ';
        }
        push(gapStart, token.offset, newText);
        if (token.role === 'line-comment' && /[ \t]$/.test(token.text)) {
            // Trailing blanks belong to a line comment's token, but they are still trailing whitespace.
            push(token.offset + token.text.trimEnd().length, token.end, '');
        }
        if (previous && token.role === 'block-comment') {
            const shifted = reindentComment(text, token, gapStart, newText);
            if (shifted !== undefined) push(token.offset, token.end, shifted);
        }

        if (token.role === 'open') stack.push(blocks.get(token.offset) ?? { inline: false, empty: false });
        if (token.role === 'close') stack.pop();
        previous = token;
    }
    if (previous) {
        const tail = text.slice(previous.end);
        if (/\S/.test(tail)) return undefined;
        push(previous.end, text.length, eol);
    }
    return edits.sort((a, b) => a.offset - b.offset);
}

/**
 * Which blocks stay on one line: written on one line, at most one property, no comment.
 * Linear in the number of tokens (running counts, not a scan of each block's contents), so deeply
 * nested braces cost no more than flat ones.
 */
function analyseBlocks(text: string, tokens: readonly LayoutToken[]): Map<number, Block> {
    const blocks = new Map<number, Block>();
    // For every open brace: its token index, and the running counts when it was met.
    const opens: { index: number; properties: number; comments: number; line: number }[] = [];
    let properties = 0;
    let comments = 0;
    let line = 0; // the line where the current token starts: every character before it counted once
    let lineCountedTo = 0;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        for (; lineCountedTo < token.offset; lineCountedTo++) if (text.charCodeAt(lineCountedTo) === 10) line++;
        if (token.role === 'open') opens.push({ index: i, properties, comments, line });
        if (token.role === 'close') {
            const open = opens.pop();
            if (open !== undefined) {
                const empty = i === open.index + 1;
                const inner = { properties: properties - open.properties, comments: comments - open.comments };
                const oneLine = line === open.line;
                const block: Block = { inline: empty || (inner.comments === 0 && inner.properties <= 1 && oneLine), empty };
                blocks.set(tokens[open.index].offset, block);
                blocks.set(token.offset, block);
            }
        }
        if (token.role === 'property' || token.role === 'checkin') properties++;
        if (token.role === 'line-comment' || token.role === 'block-comment') comments++;
    }
    return blocks;
}

/** A block comment moved to another column takes its continuation lines along. */
function reindentComment(text: string, token: LayoutToken, gapStart: number, newGap: string): string | undefined {
    if (!token.text.includes('\n')) return undefined;
    const oldColumn = token.offset - (text.lastIndexOf('\n', token.offset - 1) + 1);
    const newLineBreak = newGap.lastIndexOf('\n');
    const newColumn = newLineBreak >= 0 ? newGap.length - newLineBreak - 1 : oldColumn - (token.offset - gapStart) + newGap.length;
    const delta = newColumn - oldColumn;
    if (delta === 0) return undefined;
    return token.text.replace(/\n([ \t]*)/g, (_match, indent: string) => {
        const kept = delta > 0 ? ' '.repeat(delta) + indent : indent.slice(Math.min(-delta, indent.match(/^ */)![0].length));
        return '\n' + kept;
    });
}

function countLines(text: string): number {
    let count = 0;
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') count++;
    return count;
}
