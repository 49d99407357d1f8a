/**
 * A map that shares a large, never-changed base with the maps it was derived from and keeps its
 * own changes on top. The workspace model is derived anew on every keystroke; copying its indexes
 * (every name, every link target, every key result's check-ins: tens of thousands of entries in a
 * large workspace) cost more time, and more garbage to collect, than the edit itself. A derived
 * map copies only the changes made since the base was last folded in, which stay small while
 * someone types in a few files; once they grow past an eighth of the base they are folded into a
 * new base. Iteration gives the base's order, changed values in their place (also a key deleted
 * and set again, where a copied `Map` would move it to the end), new keys after.
 */
const GONE: unique symbol = Symbol('gone');

export class LayeredMap<K, V extends NonNullable<unknown>> {
    private constructor(
        private readonly base: ReadonlyMap<K, V>,
        private readonly own: Map<K, V | typeof GONE>
    ) {}

    static empty<K, V extends NonNullable<unknown>>(): LayeredMap<K, V> {
        return new LayeredMap<K, V>(new Map(), new Map());
    }

    /** A map with the same entries whose changes do not reach this one (nor this one's, it). */
    derive(): LayeredMap<K, V> {
        if (this.own.size > 64 && this.own.size * 8 > this.base.size) return new LayeredMap<K, V>(new Map(this.entries()), new Map());
        return new LayeredMap(this.base, new Map(this.own));
    }

    /** Values are never `undefined` (an index holds lists), so one look in each layer is enough. */
    get(key: K): V | undefined {
        const value = this.own.get(key);
        if (value === undefined) return this.base.get(key);
        return value === GONE ? undefined : value;
    }

    has(key: K): boolean {
        return this.own.has(key) ? this.own.get(key) !== GONE : this.base.has(key);
    }

    set(key: K, value: V): this {
        this.own.set(key, value);
        return this;
    }

    delete(key: K): void {
        if (this.base.has(key)) this.own.set(key, GONE);
        else this.own.delete(key);
    }

    *entries(): IterableIterator<[K, V]> {
        for (const [key, value] of this.base) {
            if (!this.own.has(key)) yield [key, value];
            else {
                const mine = this.own.get(key)!;
                if (mine !== GONE) yield [key, mine];
            }
        }
        for (const [key, value] of this.own) if (value !== GONE && !this.base.has(key)) yield [key, value];
    }

    *keys(): IterableIterator<K> {
        for (const [key] of this.entries()) yield key;
    }

    *values(): IterableIterator<V> {
        for (const [, value] of this.entries()) yield value;
    }
}
