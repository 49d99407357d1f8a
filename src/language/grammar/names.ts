/**
 * What a name is, read once from the grammar's `ID` terminal (letters, combining marks, digits
 * and `_`, not starting with a digit or mark), so that rename, references and quick fixes accept
 * exactly the names the parser reads. A copy that forgot the combining marks split `Ké`
 * (e + U+0301) into `Ke` and a stray accent.
 */
import { GrammarAST, GrammarUtils } from 'langium';
import { EosGrammar } from '../generated/grammar.js';

function idTerminal(): GrammarAST.TerminalRule {
    const rule = EosGrammar().rules.find(candidate => GrammarAST.isTerminalRule(candidate) && candidate.name === 'ID');
    if (!rule || !GrammarAST.isTerminalRule(rule)) throw new Error('the EOS grammar has no ID terminal');
    return rule;
}

const ID = GrammarUtils.terminalRegex(idTerminal());
const FLAGS = ID.flags.replace(/[gy]/g, '');

/** The source of the `ID` terminal's regex (use with the `u` flag). */
export const NAME_SOURCE = ID.source;

const WHOLE_NAME = new RegExp(`^(?:${NAME_SOURCE})$`, FLAGS);
const QUALIFIED_NAME = new RegExp(`^(${NAME_SOURCE})\\.(${NAME_SOURCE})$`, FLAGS);

/** Whether the text is one name as the parser reads it. */
export function isName(text: string): boolean {
    return WHOLE_NAME.test(text);
}

/** `Okr.Kr` split into its two names, or undefined if the text is not a qualified name. */
export function qualifiedName(text: string): { container: string; member: string } | undefined {
    const match = QUALIFIED_NAME.exec(text);
    return match ? { container: match[1], member: match[2] } : undefined;
}

/** Every name in a piece of text, with its offset, in order. */
export function namesIn(text: string): Array<{ name: string; offset: number }> {
    return [...text.matchAll(new RegExp(NAME_SOURCE, FLAGS + 'g'))].map(match => ({ name: match[0], offset: match.index ?? 0 }));
}
