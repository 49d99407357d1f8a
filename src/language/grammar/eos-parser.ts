/**
 * Langium's parser, made safe for hostile input.
 *
 * Error recovery is what lets the editor keep working in a half-typed file, but it has two limits
 * on input that is mostly noise (a pasted binary, a generated file gone wrong):
 *
 * - Chevrotain recovers from a syntax error inside a repetition by calling the repetition again,
 * one stack frame deeper per recovery. Some two thousand errors in a row (32 KB of
 * `okr A kr B from `, or 200 KB of pasted noise) overflow the call stack, and the overflow also
 * leaves Langium's node stack half full, so the *next* file parsed inherited the broken file's
 * elements. Found by the reliability tests (test/fuzz/regressions/services-recovery-overflow.json,
 * test/cli/bad-input.test.ts). Here an overflow is caught, the parser state is flushed, and
 * the file is read again without error recovery: the user sees its first syntax error, and every
 * other file keeps parsing correctly.
 * - Recovery costs time per error: five megabytes of noise kept the server busy for minutes. After
 * `MAX_RECOVERED_ERRORS` the parse stops and falls back the same way.
 */
import { describeParserError, type ParserErrorLike } from './syntax-messages.js';
import { createParser, LangiumParser, type AstNode, type LangiumCoreServices, type Lexer, type ParseResult, type ParserOptions, type TokenizeOptions } from 'langium';
import { isRepairedMistake, repairTokens } from './token-repair.js';

export const TOO_MANY_ERRORS = 'Too many syntax errors to read this file further; fix this one first.';

/** More syntax errors than anyone reads; beyond this, recovery only burns time. */
export const MAX_RECOVERED_ERRORS = 1_000;

class TooManyErrors extends Error {}

export class EosParser extends LangiumParser {
    private fallback?: LangiumParser;

    private errorCount = 0;

    constructor(private readonly eosServices: LangiumCoreServices) {
        super(eosServices);
        withTokenRepair(this);
        // Count errors as Chevrotain records them, and stop recovering past the limit. `wrapper` and
        // its `SAVE_ERROR` are internals of Langium 4.4.0 / Chevrotain 13.2.0, checked by
        // test/language/langium-internals.test.ts.
        const recognizer = this.wrapper as unknown as { SAVE_ERROR(error: unknown): unknown };
        const save = recognizer.SAVE_ERROR.bind(recognizer);
        recognizer.SAVE_ERROR = error => {
            if (++this.errorCount > MAX_RECOVERED_ERRORS) throw new TooManyErrors();
            return save(error);
        };
    }

    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        try {
            this.errorCount = 0;
            return inPlainWords(super.parse<T>(input, options));
        } catch (error) {
            if (!(error instanceof RangeError || error instanceof TooManyErrors)) throw error;
        }
        this.flush();
        try {
            const result = inPlainWords(this.withoutRecovery().parse<T>(input, options));
            const first = result.parserErrors[0];
            if (first) {
                first.message = `${TOO_MANY_ERRORS} ${first.message}`;
                // One error to start from: the repair's own reports would bury it.
                result.lexerErrors = result.lexerErrors.filter(error => !isRepairedMistake(error));
            }
            return result;
        } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            // Even a single pass is too deep (a multi-megabyte token): an empty model and one error.
            const result = super.parse<T>('', options);
            result.lexerErrors.push({ offset: 0, length: 1, line: 1, column: 1, message: TOO_MANY_ERRORS });
            return result;
        }
    }

    /** After an overflow the node stack still holds the aborted parse; one clean parse resets it. */
    private flush(): void {
        this.errorCount = 0;
        try {
            super.parse('');
        } catch {
            // The next real parse resets whatever this could not.
        }
    }

    /**
     * A second parser of the same grammar with Chevrotain's recovery off (no recursion per error):
     * Langium 4.4.0 passes `ParserConfig` to Chevrotain, which reads `recoveryEnabled` from it.
     */
    private withoutRecovery(): LangiumParser {
        if (!this.fallback) {
            const services = this.eosServices;
            const parserServices = new Proxy(services.parser, {
                get: (target, key) => (key === 'ParserConfig' ? { ...target.ParserConfig, recoveryEnabled: false } : target[key as keyof typeof target])
            });
            const withoutRecovery = new Proxy(services, { get: (target, key) => (key === 'parser' ? parserServices : target[key as keyof typeof target]) });
            const fallback = new LangiumParser(withoutRecovery);
            withTokenRepair(fallback);
            this.fallback = createParser(services.Grammar, fallback, services.parser.Lexer.definition);
            this.fallback.finalize();
        }
        return this.fallback;
    }
}

/**
 * The parser reads the token stream after token-repair.ts has repaired it; the Lexer service itself
 * (formatter, semantic tokens, completion) keeps seeing the text's own tokens.
 */
function withTokenRepair(parser: LangiumParser): void {
    const holder = parser as unknown as { lexer: Lexer };
    const lexer = holder.lexer;
    holder.lexer = {
        definition: lexer.definition,
        tokenize: (text: string, options?: TokenizeOptions) => {
            const result = lexer.tokenize(text, options);
            repairTokens(text, result, lexer.definition, lexer);
            return result;
        }
    };
}

/** Chevrotain's messages, rewritten in the strategist's words (see syntax-messages.ts). */
function inPlainWords<T extends AstNode>(result: ParseResult<T>): ParseResult<T> {
    for (const error of result.parserErrors) error.message = describeParserError(error as unknown as ParserErrorLike);
    return result;
}

/** What `createLangiumParser` of Langium 4.4.0 does, with the guarded parser class. */
export function createEosParser(services: LangiumCoreServices): EosParser {
    const parser = createParser(services.Grammar, new EosParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
