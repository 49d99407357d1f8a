/** "Did you mean …?" for unresolved names: the closest known names by edit distance. */

/**
 * Levenshtein distance. With `max`, stops as soon as the distance must exceed it and returns
 * `max + 1`: a file full of broken names asks for thousands of suggestions among thousands of names.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    const previous = new Array<number>(b.length + 1);
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        let rowMin = previous[0];
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = a[i - 1] === b[j - 1] ? diagonal : 1 + Math.min(diagonal, previous[j], previous[j - 1]);
            diagonal = above;
            if (previous[j] < rowMin) rowMin = previous[j];
        }
        if (rowMin > max) return max + 1;
    }
    return previous[b.length];
}

/**
 * "Did you mean" names: up to `limit` candidates close to a name, closest first (case differences
 * count little), among one fixed set of names, for many unresolved names: each candidate is
 * lower-cased once, and each name's answer is remembered. A file full of broken references asks
 * for thousands of suggestions among thousands of names (the benchmark's syntax-error workspace).
 */
export class NameSuggester {
    private readonly candidates: ReadonlyArray<{ name: string; lower: string }>;
    private readonly answers = new Map<string, string[]>();

    constructor(candidates: Iterable<string>) {
        this.candidates = [...new Set(candidates)].map(name => ({ name, lower: name.toLowerCase() }));
    }

    nearest(name: string, limit = 3): string[] {
        const key = `${limit}:${name}`;
        let answer = this.answers.get(key);
        if (!answer) this.answers.set(key, (answer = this.compute(name, limit)));
        return [...answer];
    }

    private compute(name: string, limit: number): string[] {
        const lower = name.toLowerCase();
        // The best `limit` so far, kept sorted by score, then name: no sort of every close candidate.
        const best: Array<{ name: string; score: number }> = [];
        for (const candidate of this.candidates) {
            if (candidate.name === name) continue;
            const allowed = Math.max(2, Math.floor(Math.max(name.length, candidate.name.length) / 3));
            // One is a prefix of the other: distance 1 at most (0 when only the case differs).
            const score =
                candidate.lower.startsWith(lower) || lower.startsWith(candidate.lower) ? (candidate.lower === lower ? 0 : 1) : editDistance(lower, candidate.lower, allowed);
            if (score > allowed) continue;
            let at = best.length;
            while (at > 0 && precedes(score, candidate.name, best[at - 1])) at--;
            if (at >= limit) continue;
            best.splice(at, 0, { name: candidate.name, score });
            if (best.length > limit) best.pop();
        }
        return best.map(entry => entry.name);
    }
}

function precedes(score: number, name: string, other: { name: string; score: number }): boolean {
    return score < other.score || (score === other.score && name < other.name);
}

/**
 * The one word of a small vocabulary (keywords, property names) that a misspelt word most likely
 * meant, or undefined when none is close: at most two edits for words of five letters or more, one
 * for shorter ones; case does not count.
 */
export function nearestWord(word: string, vocabulary: readonly string[]): string | undefined {
    const lower = word.toLowerCase();
    if (!/^\p{L}/u.test(lower)) return undefined;
    const allowed = lower.length >= 5 ? 2 : 1;
    let best: string | undefined;
    let bestScore = allowed + 1;
    for (const candidate of vocabulary) {
        const score = editDistance(lower, candidate.toLowerCase(), allowed);
        if (score < bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}
