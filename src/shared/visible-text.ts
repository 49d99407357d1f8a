/**
 * The one place that decides which characters of a user's text would reorder or hide what a
 * reader sees, and shows each of them as a visible `\u{…}` escape instead. Every output that a
 * person reads goes through it: the terminal (`eos check`), the SVG of the preview and of
 * `eos export svg`, the Kanban, the site's HTML and the Markdown report.
 *
 * Why visible rather than dropped: a bidi override in a title (`\u202E`) makes "Grow exe.gnp"
 * read as something else; dropping it would hide that someone wrote it. The escape shows that
 * the text holds something unusual, where, and survives copy and paste.
 *
 * What counts: C0 and C1 controls (ESC, NUL, DEL…), bidi embeddings, overrides, isolates and
 * marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), invisible spaces and joiners
 * that carry no letter (U+200B zero-width space, U+2060–U+2064, U+FEFF), interlinear
 * annotation marks (U+FFF9–U+FFFB), the non-characters U+FFFE/U+FFFF and lone surrogates (XML
 * cannot hold them). Kept as written: the zero-width joiner and non-joiner (U+200C, U+200D),
 * which Persian, Hindi and emoji sequences need to be spelt right, and — unless the output is
 * one line per entry, as on the terminal — tab, line feed and carriage return.
 */

const HIDING =
    // eslint-disable-next-line no-control-regex -- control characters are what this finds
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// As above, plus the line breaks and tab.
const HIDING_ON_ONE_LINE = new RegExp(`[\\t\\n\\r]|${HIDING.source}`, 'g');

const escape = (ch: string) => `\\u{${ch.charCodeAt(0).toString(16)}}`;

/** The text with every character that reorders or hides text written as `\u{…}`; tab and line breaks kept. */
export function visibleText(text: string): string {
    return text.replace(HIDING, escape);
}

/** As {@link visibleText}, with tab and line breaks escaped too: for output read one line per entry (a terminal). */
export function visibleLine(text: string): string {
    return text.replace(HIDING_ON_ONE_LINE, escape);
}
