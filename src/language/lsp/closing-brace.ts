/**
 * A `}` typed by habit on the blank line VS Code opens between `{` and the `}` it inserted itself
 * (Enter after `{` gives `{`, an indented blank line, `}`): the block would close twice. The typed
 * brace is the one the writer meant, so the auto-inserted line below it goes. Pure: text in, edit out.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';

/**
 * The edit that removes the second `}` right after `position` (just after a typed `}`), or nothing
 * when the typed brace is not alone on its line, the next line is not a lone `}`, or the braces of
 * the whole text do not close one time too many (then the typed `}` is needed, and stays).
 */
export function duplicateClosingBraceEdit(text: string, position: Position): TextEdit | undefined {
    const lines = text.split('\n').map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
    const typed = lines[position.line];
    const next = lines[position.line + 1];
    if (typed === undefined || next === undefined) return undefined;
    if (typed.trim() !== '}' || typed.indexOf('}') + 1 !== position.character) return undefined;
    if (next.trim() !== '}') return undefined;
    if (braceBalance(text) >= 0) return undefined;
    return {
        range: { start: { line: position.line, character: typed.length }, end: { line: position.line + 1, character: next.length } },
        newText: ''
    };
}

/** Opening minus closing braces, outside strings and comments. */
export function braceBalance(text: string): number {
    let balance = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"' || c === "'") {
            // A string ends at its quote or, unclosed, at the end of its line (as the lexer reads it).
            for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
        } else if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n') i++;
        } else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 1;
        } else if (c === '{') {
            balance++;
        } else if (c === '}') {
            balance--;
        }
    }
    return balance;
}
