import { describe, expect, it } from 'vitest';
import type { MeasureValue } from '../../../src/language/model/elements.js';
import { describeProgress, formatPercent, krProgress, krProgressDetail, type KeyResultFigures } from '../../../src/language/model/progress.js';

function m(text: string): MeasureValue {
    const match = /^(-?[\d.]+)\s*(%|\w+)?$/.exec(text)!;
    return { value: Number(match[1]), ...(match[2] ? { unit: match[2] } : {}), text };
}

function kr(baseline?: string, target?: string, current?: string): KeyResultFigures {
    return {
        ...(baseline ? { baseline: m(baseline) } : {}),
        ...(target ? { target: m(target) } : {}),
        current: current ? m(current) : undefined
    };
}

describe('krProgress', () => {
    it('is the share of the way from baseline to target', () => {
        expect(krProgress(kr('40%', '65%', '52%'))).toBeCloseTo(0.48);
        expect(formatPercent(krProgress(kr('40%', '65%', '52%'))!)).toBe('48%');
        expect(krProgress(kr('12 days', '8 days', '10 days'))).toBeCloseTo(0.5);
    });

    it('handles falling targets', () => {
        expect(krProgress(kr('10%', '8%', '9%'))).toBeCloseTo(0.5);
        expect(krProgress(kr('10%', '8%', '8%'))).toBe(1);
        expect(krProgress(kr('10%', '8%', '10%'))).toBe(0);
    });

    it('is clamped to 0..1 while the detail keeps the raw value', () => {
        expect(krProgress(kr('40%', '65%', '90%'))).toBe(1);
        expect(krProgress(kr('40%', '65%', '30%'))).toBe(0);
        expect(krProgressDetail(kr('40%', '65%', '90%'))).toMatchObject({ kind: 'progress', raw: 2 });
        expect(krProgressDetail(kr('10%', '8%', '12%'))).toMatchObject({ kind: 'progress', raw: -1 });
    });

    it('is undefined when it cannot be computed, with the reason', () => {
        expect(krProgress(kr('10%', '8%'))).toBeUndefined();
        expect(krProgressDetail(kr('10%', '8%'))).toEqual({ kind: 'none', reason: 'no-current' });
        expect(krProgressDetail(kr('5%', '5%', '6%'))).toEqual({ kind: 'none', reason: 'no-change' });
        expect(krProgressDetail(kr())).toEqual({ kind: 'none', reason: 'no-target' });
        expect(krProgressDetail(kr('40%', '65 days', '50%'))).toEqual({ kind: 'none', reason: 'unit-mismatch' });
        expect(krProgressDetail(kr('40%', '65%', '50'))).toEqual({ kind: 'none', reason: 'unit-mismatch' });
    });
});

describe('describeProgress', () => {
    it('says in words how far the key result came', () => {
        expect(describeProgress(kr('40%', '65%', '52%'))).toBe('48% of the way from 40% to 65%');
        expect(describeProgress(kr('40%', '65%', '90%'))).toBe('target reached and passed: 200% of the way from 40% to 65%');
        expect(describeProgress(kr('10%', '8%', '12%'))).toBe('moving away from the target: -100% of the way from 10% to 8%');
        expect(describeProgress(kr('5%', '5%'))).toBe('no change asked for: the target equals the baseline (5%)');
        expect(describeProgress(kr())).toBe('not measurable yet: no `from … to …`');
    });
});

describe('progress of key results as written', () => {
    it('reads a unit written once for both figures (from 12 to 8 days current 10)', async () => {
        const { buildWorkspace } = await import('../../helpers.js');
        const ws = await buildWorkspace({ 'a.eos': 'okr O { kr K from 12 to 8 days current 10 }' });
        const model = ws.services.eos.StrategyWorkspace.model;
        const { progressNow } = await import('../../../src/language/model/key-result-history.js');
        expect(progressNow(model, model.get('kr', 'O.K')!)).toBeCloseTo(0.5);
    });
});
