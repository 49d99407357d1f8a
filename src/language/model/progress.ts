/**
 * How far a key result has moved from its baseline towards its target. Pure functions over the
 * model, shared by hovers, code lenses, inlay hints and the diagram so they all show one number.
 *
 * Progress is the fraction of the planned change already achieved:
 * `(current - baseline) / (target - baseline)`. It works the same for rising and falling targets
 * (`from 40% to 65% current 52%` is 0.48; `from 10% to 8% current 9%` is 0.5).
 */
import type { MeasureValue } from './elements.js';
import { comparable, sameDimension } from './measures.js';

/** Why a key result has no progress figure (for messages). */
export type NoProgressReason = 'no-target' | 'no-current' | 'no-change' | 'unit-mismatch';

export type ProgressResult =
    | { kind: 'progress'; /** unclamped: below 0 moved away from the target, above 1 went beyond it */ raw: number; /** clamped to 0..1 */ value: number }
    | { kind: 'none'; reason: NoProgressReason };

/**
 * A key result's figures with the value to measure progress at. `current` is a required key on
 * purpose: callers pass the effective reading (`effectiveFigures` in key-result-history.ts), so no
 * view can measure a key result by the `current` on its `kr` line when a check-in supersedes it.
 */
export interface KeyResultFigures {
    baseline?: MeasureValue | undefined;
    target?: MeasureValue | undefined;
    change?: string | undefined;
    current: MeasureValue | undefined;
}

/**
 * The progress at these figures, 0..1, **clamped**: a result that went beyond its target counts as
 * 1 and one that moved away from it counts as 0, so bars and percentages never leave 0–100%.
 * Undefined when it cannot be computed (no `from … to …`, no reading, target equal to
 * baseline, or values in different units). Use {@link krProgressDetail} for the unclamped value.
 */
export function krProgress(kr: KeyResultFigures): number | undefined {
    const result = krProgressDetail(kr);
    return result.kind === 'progress' ? result.value : undefined;
}

/** Progress with the unclamped value, or the reason there is none. */
export function krProgressDetail(kr: KeyResultFigures): ProgressResult {
    const { baseline, target, current } = kr;
    if (!baseline || !target) return { kind: 'none', reason: 'no-target' };
    if (!sameDimension(baseline, target)) return { kind: 'none', reason: 'unit-mismatch' };
    // Compared in one scale: `from 3 days to 36 hours current 2 days` is two-thirds of the way.
    const from = comparable(baseline).value,
        to = comparable(target).value;
    if (from === to) return { kind: 'none', reason: 'no-change' };
    if (!current) return { kind: 'none', reason: 'no-current' };
    if (!sameDimension(current, baseline)) return { kind: 'none', reason: 'unit-mismatch' };
    const raw = (comparable(current).value - from) / (to - from);
    return { kind: 'progress', raw, value: Math.min(1, Math.max(0, raw)) };
}

/** `48%`: a fraction as a whole percentage, the way every view prints progress. */
export function formatPercent(fraction: number): string {
    return `${Math.round(fraction * 100)}%`;
}

/** One sentence on a key result's progress, e.g. `48% of the way from 40% to 65%`. */
export function describeProgress(kr: KeyResultFigures): string {
    const result = krProgressDetail(kr);
    const span = kr.baseline && kr.target ? `from ${kr.baseline.text} to ${kr.target.text}${kr.change ? ` (${kr.change})` : ''}` : '';
    if (result.kind === 'none') {
        switch (result.reason) {
            case 'no-target':
                return 'not measurable yet: no `from … to …`';
            case 'no-change':
                return `no change asked for: the target equals the baseline (${kr.target?.text ?? ''})`;
            case 'no-current':
                return `no \`current\` reading yet (${span})`;
            case 'unit-mismatch':
                return `cannot compare: the values use different units (${[kr.baseline?.text, kr.target?.text, kr.current?.text].filter(Boolean).join(', ')})`;
        }
    }
    if (result.raw > 1) return `target reached and passed: ${formatPercent(result.raw)} of the way ${span}`;
    if (result.raw < 0) return `moving away from the target: ${formatPercent(result.raw)} of the way ${span}`;
    return `${formatPercent(result.value)} of the way ${span}`;
}
