import { OperationCancelled } from 'langium';
import { describe, expect, test } from 'vitest';
import { answerOr } from '../../../src/language/helpers/answer-or.js';

describe('answerOr', () => {
    test('passes an answer through, sync or async', async () => {
        expect(await answerOr([], () => [1])).toEqual([1]);
        expect(await answerOr([], async () => [2])).toEqual([2]);
    });

    test('answers the fallback when the provider throws or rejects', async () => {
        expect(await answerOr(undefined, () => { throw new TypeError('broken tree'); })).toBeUndefined();
        expect(await answerOr([], () => Promise.reject(new Error('broken tree')))).toEqual([]);
    });

    test('lets a cancellation through: a newer request replaced this one', async () => {
        await expect(answerOr([], () => { throw OperationCancelled; })).rejects.toBe(OperationCancelled);
    });
});
