/** "Did you mean …?" for unresolved names: the closest known names by edit distance. */

export function editDistance(a: string, b: string): number {
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = a[i - 1] === b[j - 1] ? diagonal : 1 + Math.min(diagonal, previous[j], previous[j - 1]);
            diagonal = above;
        }
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
        let score = editDistance(lower, candidateLower);
        if (candidateLower.startsWith(lower) || lower.startsWith(candidateLower)) score = Math.min(score, 1);
        const allowed = Math.max(2, Math.floor(Math.max(name.length, candidate.length) / 3));
        if (score <= allowed) scored.push([candidate, score]);
    }
    return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([candidate]) => candidate);
}
