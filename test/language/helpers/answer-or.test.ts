import { OperationCancelled } from 'langium';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { answerOr, answerOrSync, reportCaught } from '../../../src/language/helpers/answer-or.js';

describe('answerOr', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    test('passes an answer through, sync or async, and logs nothing', async () => {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        expect(await answerOr([], () => [1])).toEqual([1]);
        expect(await answerOr([], async () => [2])).toEqual([2]);
        expect(logged).not.toHaveBeenCalled();
    });

    test('answers the fallback when the provider throws or rejects, and logs the error with what failed', async () => {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        expect(
            await answerOr(
                undefined,
                () => {
                    throw new TypeError('broken tree');
                },
                'hover'
            )
        ).toBeUndefined();
        expect(await answerOr([], () => Promise.reject(new Error('broken file')))).toEqual([]);
        expect(
            answerOrSync(
                [],
                () => {
                    throw new RangeError('deep');
                },
                'code lenses'
            )
        ).toEqual([]);
        expect(logged.mock.calls.map(call => String(call[0]).split('\n')[0])).toEqual([
            'EOS: hover failed and was answered without its result: TypeError: broken tree',
            'EOS: a request failed and was answered without its result: Error: broken file',
            'EOS: code lenses failed and was answered without its result: RangeError: deep'
        ]);
    });

    test('logs one error once, even when wrappers are nested', async () => {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const error = new TypeError('once');
        await answerOr(
            [],
            () =>
                answerOr(
                    [],
                    () => {
                        throw error;
                    },
                    'inner'
                ).then(() => {
                    reportCaught('outer', error);
                    return [];
                }),
            'outer'
        );
        expect(logged).toHaveBeenCalledTimes(1);
    });

    test('lets a cancellation through unlogged: a newer request replaced this one', async () => {
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        await expect(
            answerOr([], () => {
                throw OperationCancelled;
            })
        ).rejects.toBe(OperationCancelled);
        expect(logged).not.toHaveBeenCalled();
    });
});
