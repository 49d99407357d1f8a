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

/** Up to `limit` candidates close to `name`, closest first; case differences count little. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
    const lower = name.toLowerCase();
    const scored: Array<[string, number]> = [];
    for (const candidate of candidates) {
        if (candidate === name) continue;
        const candidateLower = candidate.toLowerCase();
        const allowed = Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3));
        // One is a prefix of the other: distance 1 at most (0 when only the case differs).
        const score = candidateLower.startsWith(lower) || lower.startsWith(candidateLower)
            ? (candidateLower === lower ? 0 : 1)
            : editDistance(lower, candidateLower, allowed);
        if (score <= allowed) scored.push([candidate, score]);
    }
    return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([candidate]) => candidate);
}
