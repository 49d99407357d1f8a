/** The layered indexes of the workspace model hold what copied maps would, in the order they were written. */
import { describe, expect, it } from 'vitest';
import { LayeredMap } from '../../../src/language/model/layered-map.js';

describe('LayeredMap', () => {
    it('gives what a copied Map gives, edit after edit, and leaves the map it came from alone', () => {
        let layered = LayeredMap.empty<string, number>();
        let copied = new Map<string, number>();
        for (let i = 0; i < 500; i++) {
            layered.set(`k${i}`, i);
            copied.set(`k${i}`, i);
        }
        let seed = 7;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
        for (let round = 0; round < 200; round++) {
            const before = [...layered.entries()];
            const derived = layered.derive();
            const copy = new Map(copied);
            for (let change = 0; change < 1 + (round % 9); change++) {
                const key = `k${next() % 700}`;
                const what = next() % 3;
                if (what === 0) {
                    derived.delete(key);
                    copy.delete(key);
                } else {
                    derived.set(key, round);
                    copy.set(key, round);
                }
            }
            expect(new Map(derived.entries())).toEqual(copy);
            expect([...derived.keys()]).toHaveLength(copy.size);
            expect([...derived.values()]).toEqual([...derived.entries()].map(([, value]) => value));
            // Keys keep their place (a key deleted and set again, too: where a full index would list it).
            const earlier = new Map(before.map(([key], index) => [key, index]));
            const kept = [...derived.keys()].filter(key => earlier.has(key)).map(key => earlier.get(key)!);
            expect(kept).toEqual([...kept].sort((a, b) => a - b));
            for (let k = 0; k < 700; k++) {
                expect(derived.get(`k${k}`)).toBe(copy.get(`k${k}`));
                expect(derived.has(`k${k}`)).toBe(copy.has(`k${k}`));
            }
            // The model it was derived from still reads its own entries.
            expect([...layered.entries()]).toEqual(before);
            layered = derived;
            copied = copy;
        }
    });
});
