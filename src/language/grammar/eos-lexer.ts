/**
 * Langium's lexer, plus one report: texts whose closing quote is missing.
 *
 * The `STRING` terminal lets a text without its closing quote run to the end of its line, so one
 * forgotten quote does not swallow the rest of the file. Such a token is still an error, and the
 * lexer is where it is cheapest to see: one look at each token, instead of a walk over the
 * syntax tree of every file in validation.
 */
import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import { isClosedString } from './eos-value-converter.js';

export class EosLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        const stringType = this.definition['STRING'];
        for (const token of result.tokens) {
            if (token.tokenType !== stringType || isClosedString(token.image)) continue;
            const report = (result.report ??= { diagnostics: [] });
            report.diagnostics.push({
                severity: 'error',
                message: `This text has no closing quote: add ${token.image.charAt(0)} where it should end.`,
                offset: token.startOffset,
                line: token.startLine ?? 1,
                column: token.startColumn ?? 1,
                length: token.image.length
            });
        }
        return result;
    }
}
