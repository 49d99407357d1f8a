/**
 * Converts token text to values. Texts whose closing quote is missing (the lexer lets them run to
 * the end of the line so the rest of the file still parses) keep every character the user typed.
 */
import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class EosValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            const quote = input.charAt(0);
            // Texts the token repair read as meant (token-repair.ts, each reported as an error):
            // in curly quotes, the text between them; without quotes, the words as written.
            if (CURLY_QUOTES.has(quote)) return input.slice(1, CURLY_QUOTES.has(input.charAt(input.length - 1)) && input.length > 1 ? -1 : undefined);
            if (quote !== '"' && quote !== "'") return input;
            return ValueConverter.convertString(isClosedString(input) ? input : input + quote);
        }
        return super.runConverter(rule, input, cstNode);
    }
}

const CURLY_QUOTES = new Set(['“', '”', '„', '‘', '’', '«', '»']);

/** True when a quoted text ends with its own, unescaped, quote. */
export function isClosedString(text: string): boolean {
    if (text.length < 2 || text.charAt(text.length - 1) !== text.charAt(0)) return false;
    let backslashes = 0;
    for (let i = text.length - 2; i > 0 && text.charAt(i) === '\\'; i--) backslashes++;
    return backslashes % 2 === 0;
}

/**
 * `text` written back as an EOS text in double quotes, so that reading it gives `text` again: a
 * quote, a backslash or a line break from a title the user wrote (where it was escaped) must
 * not end the text early, swallow the next character, or split it over two lines.
 */
export function quoteText(text: string): string {
    return `"${text.replace(/[\\"\r\n]/g, ch => ESCAPES[ch])}"`;
}

/** The escapes `ValueConverter.convertString` reads back (it has no `\u` escape; other characters stay as they are). */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\r': '\\r', '\n': '\\n' };
