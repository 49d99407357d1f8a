import { describe, expect, it } from 'vitest';
import { contentWords, copyOf, normaliseText, sameText } from '../../../src/language/model/text-compare.js';

describe('normaliseText: one reading of "the same text" for every rule', () => {
    it('ignores letter case, inner spacing, quote style, dash width and final punctuation', () => {
        expect(normaliseText('  Grow   Revenue\tin “Europe”. ')).toBe('grow revenue in europe');
        expect(normaliseText("Speed and 'reliability' conflict!")).toBe('speed and reliability conflict');
        expect(normaliseText('Cost \u2014 not speed?')).toBe('cost - not speed');
        expect(normaliseText('Ｗｉｄｅ letters…')).toBe('wide letters');
    });
    it('keeps what changes the meaning: inner punctuation and numbers', () => {
        expect(normaliseText('Reach 6,200 users.')).toBe('reach 6,200 users');
        expect(sameText('Reach 6 million users', 'Reach 2 million users')).toBe(false);
    });
    it('says two texts are the same only when both are written', () => {
        expect(sameText('Speed.', 'speed')).toBe(true);
        expect(sameText(undefined, 'speed')).toBe(false);
        expect(sameText(undefined, undefined)).toBe(false);
    });
    it('drops small words when it counts the meaningful ones', () => {
        expect(contentWords('Win the first 90 days for our customers.')).toEqual(['win', 'first', '90', 'days', 'customers']);
    });
});

describe('copyOf: word for word, nearly, or not a copy', () => {
    const parent = 'Grow revenue in Europe';
    it.each([
        ['grow  revenue in europe.', 'same'],
        ['“Grow revenue in Europe”', 'same'],
        ['Grow revenue in Europe this quarter', 'near'],
        ['Grow revenue in Northern Europe', 'near'],
        ['Grow our revenue in Europe', 'near'],
        ['Grow card revenue in Europe', 'near'],
        ['Grow revenue across Europe', 'near']
    ])('%j copies %j', (text, expected) => {
        expect(copyOf(text, parent)).toBe(expected);
    });
    it.each([['Make checkout effortless for European cards'], ['Cut cost in Europe'], ['Grow revenue from cards by making checkout effortless'], ['Europe']])(
        '%j does not copy it',
        text => {
            expect(copyOf(text, parent)).toBeUndefined();
        }
    );
    it('counts a changed number as a copy: the higher objective split between teams', () => {
        expect(copyOf('Reach 2 million customers', 'Reach 6 million customers')).toBe('near');
    });
    it('needs two shared meaningful words: short objectives that share one verb are different', () => {
        expect(copyOf('Grow loyalty', 'Grow revenue')).toBeUndefined();
        expect(copyOf('Grow card revenue', 'Grow revenue')).toBe('near');
    });
    it('never calls an empty or punctuation-only title a copy', () => {
        expect(copyOf('...', '!')).toBeUndefined();
        expect(copyOf('', '')).toBeUndefined();
    });
    it("reads a long text without slowing down (only an exact copy counts beyond a title's length)", () => {
        const long = Array.from({ length: 5000 }, (_, i) => `word${i}`).join(' ');
        expect(copyOf(long, long + ' more')).toBeUndefined();
        expect(copyOf(long, `${long}.`)).toBe('same');
    });
});
