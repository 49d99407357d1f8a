/**
 * How EOS compares what strategists wrote: one reading of "the same text" for every rule that
 * compares texts (cascaded objectives and key results, tenets for one situation, renames in a diff).
 * Letter case, spacing, quote style, dashes and final punctuation never make two texts differ.
 */

/** Quotes of every style, which never make texts differ: `“fast”`, `'fast'`, `«fast»` and `fast`. */
const QUOTES = /["'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]/g;
/** Dashes and hyphens of every width, read as `-`. */
const DASHES = /[\u2010-\u2015\u2212]/g;
/** Punctuation a text may end with without meaning anything else. */
const FINAL_PUNCTUATION = new Set([' ', '.', '!', '?', ';', ':', ',', '\u2026']);

/**
 * A text as a reader compares it: compatibility forms folded (NFKC), lower case, quotes dropped,
 * dashes unified, inner whitespace collapsed, final punctuation and spaces dropped.
 */
export function normaliseText(text: string): string {
    let normalised = normalisedTexts.get(text);
    if (normalised === undefined) {
        if (normalisedTexts.size >= 16_384) normalisedTexts.clear();
        normalisedTexts.set(text, (normalised = normalise(text)));
    }
    return normalised;
}

/**
 * Texts normalised before: the cascade rules compare each objective and key result with the one it
 * supports, for every file on every keystroke, and the titles rarely change. Bounded.
 */
const normalisedTexts = new Map<string, string>();

function normalise(text: string): string {
    const spaced = text.normalize('NFKC').toLowerCase().replace(QUOTES, '').replace(DASHES, '-').replace(/\s+/g, ' ');
    // Drop final punctuation and spaces with a loop: the regex `[\s.!;:,]+$` retries at every
    // space of the text, and this runs for every OKR and tenet of the workspace.
    let end = spaced.length;
    while (end > 0 && FINAL_PUNCTUATION.has(spaced.charAt(end - 1))) end--;
    return spaced.slice(0, end).trim();
}

/** Both texts are written and read the same once normalised ({@link normaliseText}). */
export function sameText(a: string | undefined, b: string | undefined): boolean {
    return a !== undefined && b !== undefined && normaliseText(a) === normaliseText(b);
}

/**
 * Small words that carry no meaning of their own in an objective: a copy that only adds or
 * changes these is still a copy.
 */
const SMALL_WORDS = new Set([
    'a',
    'an',
    'the',
    'of',
    'in',
    'on',
    'at',
    'to',
    'for',
    'by',
    'with',
    'from',
    'into',
    'and',
    'or',
    'our',
    'we',
    'us',
    'its',
    'their',
    'this',
    'that',
    'these',
    'those',
    'is',
    'are',
    'be'
]);

/** The meaningful words of a text, in order: normalised, split at anything but letters and digits, small words left out. */
export function contentWords(text: string): string[] {
    return normaliseText(text)
        .split(/[^\p{L}\p{N}\p{M}]+/u)
        .filter(word => word !== '' && !SMALL_WORDS.has(word));
}

/** The share of the longer text's meaningful words that the other repeats in the same order, from which on it is a near-copy. */
export const NEAR_COPY_SHARE = 0.6;

/** Texts longer than this (in meaningful words) are compared only as the same text, never as near-copies. */
const MAX_COMPARED_WORDS = 200;

/**
 * How one text copies another, if it does: `same` once normalised, `near` when both have
 * meaningful words, at least two of them repeated in order, and those repeated words make
 * {@link NEAR_COPY_SHARE} or more of the longer text's meaningful words (so a few words inserted,
 * dropped or changed — a number, a region — still count as a copy).
 */
export function copyOf(text: string, original: string): 'same' | 'near' | undefined {
    const written = normaliseText(text);
    if (written === '') return undefined;
    if (written === normaliseText(original)) return 'same';
    const mine = contentWords(text),
        theirs = contentWords(original);
    const longer = Math.max(mine.length, theirs.length);
    // Cheap exits first: too few words in one of them, or a text far beyond a title's length.
    if (Math.min(mine.length, theirs.length) < NEAR_COPY_SHARE * longer || longer > MAX_COMPARED_WORDS) return undefined;
    const shared = commonInOrder(mine, theirs);
    if (shared < 2) return undefined;
    return shared >= NEAR_COPY_SHARE * longer ? 'near' : undefined;
}

/** Length of the longest common subsequence of two word lists (titles are short: O(n·m) is fine). */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
    if (a.length === 0 || b.length === 0) return 0;
    let previous = new Array<number>(b.length + 1).fill(0);
    for (const word of a) {
        const row = new Array<number>(b.length + 1).fill(0);
        for (let j = 0; j < b.length; j++) row[j + 1] = word === b[j] ? previous[j] + 1 : Math.max(previous[j + 1], row[j]);
        previous = row;
    }
    return previous[b.length];
}
