/**
 * Langium's completion parser, safe on input whose error recovery is too deep for the stack.
 *
 * Like the main parser (eos-parser.ts), the completion parser recovers from each syntax error one
 * stack frame deeper; a long run of broken key results (`okr A kr B from ` repeated, from
 * test/fuzz/regressions/services-recovery-overflow.json) overflows it. Completion only needs the
 * element around the cursor, so on an overflow the text before the last element that starts a line
 * is blanked out (same offsets, same lines) and parsed again.
 */
import { createParser, LangiumCompletionParser, type LangiumCoreServices } from 'langium';
import { ELEMENT_SYNTAX } from './element-properties.js';

const ELEMENT_START = new RegExp(`(^|\\n)[ \\t]*(?:${ELEMENT_SYNTAX.map(e => e.keyword).join('|')})\\b`, 'g');

export class EosCompletionParser extends LangiumCompletionParser {
    override parse(input: string): ReturnType<LangiumCompletionParser['parse']> {
        try {
            return super.parse(input);
        } catch (error) {
            if (!(error instanceof RangeError)) throw error;
        }
        let start = 0;
        for (const match of input.matchAll(ELEMENT_START)) start = match.index + match[1].length;
        const blanked = input.slice(0, start).replace(/[^\r\n]/g, ' ') + input.slice(start);
        try {
            return super.parse(blanked);
        } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            return super.parse(input.replace(/[^\r\n]/g, ' '));
        }
    }
}

/** What `createCompletionParser` of Langium 4.4.0 does, with the guarded class. */
export function createEosCompletionParser(services: LangiumCoreServices): EosCompletionParser {
    const parser = new EosCompletionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
