/**
 * The supported size of one file, in elements (issue 13, defect 10). The byte limit
 * (`MAX_FILE_BYTES`, 2 MB) does not bound the work: 2 MB of one-line themes are 70,000 elements,
 * whose `eos check` took 15 s and 620 MB, and every keystroke in the editor re-reads the whole
 * file. At 34,000 elements (2 MB of bets, each with an initiative) a keystroke took 5 s (median,
 * p95 12 s) on the loaded 2-core test machine: a frozen editor. 20,000 keeps a keystroke near a
 * second on an idle machine and holds every file the benchmark's generator writes within 2 MB;
 * the figures are in docs/reliability.md ("Supported size") and `npm run bench` ("Limits"). A
 * workspace of many files holds far more (the benchmark's 50,000 elements in 100 files).
 *
 * A file above the limit is not parsed, by the editor or by `eos check`: it gets one error at
 * its start that says to split it, and everything else keeps working. The elements are counted
 * by a scan before parsing (parsing is the cost being avoided): a keyword that opens an element
 * (from the one vocabulary), its name, then its title or `{` — key results count, as in the model.
 *
 * `EOS_MAX_FILE_ELEMENTS` sets another limit (the tests lower it; a user with a fast machine
 * may raise it).
 */
import { ELEMENT_KINDS } from '../model/vocabulary.js';

export const DEFAULT_MAX_FILE_ELEMENTS = 20_000;

/** The limit in force: `EOS_MAX_FILE_ELEMENTS` when it is a positive whole number, else the default. */
export function maxFileElements(): number {
    const set = Number(globalThis.process?.env?.EOS_MAX_FILE_ELEMENTS);
    return Number.isInteger(set) && set > 0 ? set : DEFAULT_MAX_FILE_ELEMENTS;
}

/** The shortest text that declares an element (`kr K ""`, with a line break), so short files are not scanned at all. */
const SHORTEST_ELEMENT = 8;

const DECLARATION = new RegExp(`(?<![\\p{L}\\p{N}_.])(?:${ELEMENT_KINDS.join('|')})[ \\t]+[\\p{L}_][\\p{L}\\p{N}_]*[ \\t]*["{]`, 'gu');

/** How many elements the text declares, by the scan above. */
export function countDeclarations(text: string): number {
    let count = 0;
    DECLARATION.lastIndex = 0;
    while (DECLARATION.exec(text)) count++;
    return count;
}

/** The message for a text with more elements than the limit, or undefined when it is within it. */
export function tooManyElements(file: string, text: string, limit = maxFileElements()): string | undefined {
    if (text.length < limit * SHORTEST_ELEMENT) return undefined;
    const count = countDeclarations(text);
    if (count <= limit) return undefined;
    return (
        `${file} declares about ${count.toLocaleString('en-US')} elements; EOS analyses up to ${limit.toLocaleString('en-US')} in one file, so the editor stays responsive. ` +
        'Split it into several .eos files (one per team or theme): the workspace may hold many.'
    );
}
