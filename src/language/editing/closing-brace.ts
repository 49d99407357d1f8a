/**
 * A `}` typed by habit on the blank line VS Code opens between `{` and the `}` it inserted itself
 * (Enter after `{` gives `{`, an indented blank line, `}`): the block would close twice. The typed
 * brace is the one the writer meant, so the auto-inserted line below it goes. Pure: text in, edit out.
 */
import type { Position, TextEdit } from 'vscode-languageserver-types';

/**
 * The edits that remove the second `}` right after `position` (just after a typed `}`) and give the
 * typed one the indentation the editor gave its own (the language configuration does not always
 * outdent a brace typed on an indented blank line), or nothing when the typed brace is not alone on
 * its line, the next line is not a lone `}`, or the braces of the whole text do not close one time
 * too many (then the typed `}` is needed, and stays). Two edits, both away from the cursor, so the
 * cursor stays just after the brace the writer typed.
 */
export function duplicateClosingBraceEdits(text: string, position: Position): TextEdit[] {
    const lines = text.split('\n').map(line => (line.endsWith('\r') ? line.slice(0, -1) : line));
    const typed = lines[position.line];
    const next = lines[position.line + 1];
    if (typed === undefined || next === undefined) return [];
    const brace = typed.indexOf('}');
    if (typed.trim() !== '}' || brace + 1 !== position.character) return [];
    if (next.trim() !== '}') return [];
    if (braceBalance(text) >= 0) return [];
    const edits: TextEdit[] = [];
    const indent = next.slice(0, next.indexOf('}'));
    if (typed.slice(0, brace) !== indent) {
        edits.push({ range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: brace } }, newText: indent });
    }
    edits.push({ range: { start: { line: position.line, character: typed.length }, end: { line: position.line + 1, character: next.length } }, newText: '' });
    return edits;
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
