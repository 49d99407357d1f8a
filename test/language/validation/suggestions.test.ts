import { describe, expect, test } from 'vitest';
import { NameSuggester, editDistance } from '../../../src/language/validation/suggestions.js';

const nearestNames = (name: string, candidates: string[], limit?: number) => new NameSuggester(candidates).nearest(name, limit);

describe('"did you mean" suggestions', () => {
    test('closest first, ties by name, at most three', () => {
        const names = ['Retention', 'Retension', 'Retentions', 'Revenue', 'Acquisition', 'Retain'];
        expect(nearestNames('Retentio', names)).toEqual(['Retention', 'Retentions', 'Retension']);
        expect(nearestNames('Retentio', names, 1)).toEqual(['Retention']);
    });

    test('case differences count least; the name itself and far names are never suggested', () => {
        expect(nearestNames('retention', ['Retention', 'Retentions', 'retention', 'Growth'])).toEqual(['Retention', 'Retentions']);
        expect(nearestNames('Zzz', ['Retention', 'Growth'])).toEqual([]);
    });

    test('a suggester answers the same twice, and its answers cannot be changed by the caller', () => {
        const suggester = new NameSuggester(['Bet1', 'Bet2', 'Bet3', 'Bet10', 'Bet11']);
        const first = suggester.nearest('Bet');
        expect(first).toEqual(['Bet1', 'Bet10', 'Bet11']);
        first.push('Changed');
        expect(suggester.nearest('Bet')).toEqual(['Bet1', 'Bet10', 'Bet11']);
        expect(suggester.nearest('Bet4')).toEqual(['Bet1', 'Bet2', 'Bet3']);
    });

    test('edit distance stops early past its limit', () => {
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('kitten', 'sitting', 1)).toBe(2);
        expect(editDistance('a', 'abcdef', 2)).toBe(3);
    });
});
