/**
 * Langium's token builder, fixed for a terminal that needs the regex `u` flag.
 *
 * EOS names are Unicode (`\p{L}`), so `ID` is a `u` regex, which Chevrotain cannot analyse.
 * Langium then turns it into a custom pattern function, with two consequences this class undoes:
 *
 * - **Keywords swallowed names' prefixes.** Langium finds a keyword's "longer alternative" by
 * reading the terminal's `PATTERN.source`, which a function lacks. So no keyword had `ID` as its
 * longer alternative and `team visionary` lexed as `team`, `vision`, `ary`. Here the longer
 * alternatives are found from the terminal's regex itself.
 * - **The lexer lost its first-character index.** A custom pattern without `START_CHARS_HINT`
 * switches off Chevrotain's first-character optimisation for the whole lexer, which then tries
 * every token type at every offset: about 70% of all parsing time went there. `ID` now states the
 * characters it can start with (a superset is fine: the regex still decides).
 */
import { DefaultTokenBuilder, GrammarUtils, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';

export class EosTokenBuilder extends DefaultTokenBuilder {
    /** The regex behind every terminal token, by token name. */
    private readonly terminalRegexes = new Map<string, RegExp>();

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const regex = GrammarUtils.terminalRegex(terminal);
        this.terminalRegexes.set(token.name, regex);
        if (typeof token.PATTERN === 'function') token.START_CHARS_HINT = startCharsOf(regex);
        return token;
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const regex = this.terminalRegexes.get(token.name);
            if (!regex) return false;
            return new RegExp(`^(?:${regex.source})$`, regex.flags.replace(/[gy]/g, '')).test(keyword.value);
        });
    }
}

/**
 * The characters a custom-pattern terminal can start with: the ASCII characters its regex accepts
 * on their own (true of `ID`; test/language/grammar/eos-lexer.test.ts checks that no other ASCII
 * start is missed), and every non-ASCII UTF-16 code unit, a superset: the regex still decides, and
 * Chevrotain groups code units above 255 into buckets, so the long list costs nothing per token.
 */
export function startCharsOf(regex: RegExp): number[] {
    const alone = new RegExp(`^(?:${regex.source})`, regex.flags.replace(/[gy]/g, ''));
    const codes: number[] = [];
    for (let code = 0; code < 0x80; code++) if (alone.test(String.fromCharCode(code))) codes.push(code);
    for (let code = 0x80; code <= 0xffff; code++) codes.push(code);
    return codes;
}
