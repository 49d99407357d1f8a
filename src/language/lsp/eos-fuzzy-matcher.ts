/**
 * Fuzzy matching for workspace symbols and completion. Langium starts a match only at the
 * beginning of a word in camelCase or snake_case; EOS names key results `Okr.Kr`, so a dot starts
 * a word too (typing `FirstValue` finds `EarlyConfidence.FirstValue`).
 */
import { DefaultFuzzyMatcher } from 'langium/lsp';

const DOT = '.'.charCodeAt(0);

export class EosFuzzyMatcher extends DefaultFuzzyMatcher {
    override isWordTransition(previous: number, current: number): boolean {
        return previous === DOT || super.isWordTransition(previous, current);
    }
}
