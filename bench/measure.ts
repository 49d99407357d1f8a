/** Timing helpers for the benchmark: medians after warm-up, percentiles, and the results table. */

export function median(samples: readonly number[]): number {
    return percentile(samples, 50);
}

/** Nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
    if (!samples.length) return NaN;
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Runs `task` `warmup` times untimed, then `runs` times timed; returns the samples in ms. */
export async function sample(runs: number, warmup: number, task: () => Promise<unknown> | unknown): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await task();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        collectGarbage();
        const start = performance.now();
        await task();
        samples.push(performance.now() - start);
    }
    return samples;
}

/** A full GC between runs keeps one run's garbage out of the next run's time (needs --expose-gc). */
export function collectGarbage(): void {
    (globalThis as { gc?: () => void }).gc?.();
}

export interface Row {
    section: string;
    name: string;
    value: number;
    unit: 'ms' | 'MB' | 'KB' | '×' | 'ratio';
    /** Upper bound the value must stay under, if the issue sets one. */
    target?: number;
    detail?: string;
}

export function formatTable(rows: readonly Row[]): string {
    const lines: string[] = [];
    const width = Math.max(...rows.map(row => row.name.length)) + 2;
    let section = '';
    for (const row of rows) {
        if (row.section !== section) {
            section = row.section;
            lines.push('', `## ${section}`);
        }
        const value = `${format(row.value)} ${row.unit}`.padStart(13);
        const target = row.target === undefined ? ''.padEnd(16) : `≤ ${format(row.target)} ${row.unit}`.padEnd(16);
        const verdict = row.target === undefined ? '    ' : row.value <= row.target ? ' ok ' : 'MISS';
        lines.push(`${row.name.padEnd(width)}${value}   ${target}${verdict}  ${row.detail ?? ''}`.trimEnd());
    }
    return lines.join('\n');
}

function format(value: number): string {
    if (!Number.isFinite(value)) return String(value);
    return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
