/**
 * Hostile edits of real EOS files, as fast-check arbitraries: fast-check makes every run
 * reproducible from its seed and shrinks a failing input to a small one for the regression file.
 *
 * A mutation is plain data (`{ kind, at, … }`) applied to the text in order; positions are taken
 * modulo the text length so a mutation stays valid whatever came before it.
 */
import fc from 'fast-check';

/** Every keyword of the grammar, so mutations produce "almost right" EOS as well as noise. */
export const KEYWORDS = [
    'vision',
    'theme',
    'bet',
    'stream',
    'initiative',
    'okr',
    'team',
    'value',
    'practice',
    'tenet',
    'horizon',
    'owner',
    'serves',
    'hypothesis',
    'streams',
    'status',
    'evidence',
    'wip',
    'outcome',
    'success',
    'failure',
    'updated',
    'period',
    'supports',
    'kr',
    'from',
    'to',
    'current',
    'level',
    'parent',
    'extends',
    'embodies',
    'when',
    'choose',
    'over',
    'because',
    'upholds',
    'contradicts',
    'funnel',
    'reviewing',
    'analyzing',
    'ready',
    'doing',
    'done',
    'stopped',
    'proposed',
    'active',
    'validated',
    'invalidated',
    'company',
    'division',
    'function',
    'crew',
    'pod'
];

const PUNCTUATION = ['{', '}', '{ }', ',', '.', '..', '%', '"', "'", '/*', '*/', '//', '/**', '\\', '"\\', '-', '{{{{', '}}}}'];

const VALUES = [
    '2026-02-30',
    '2026-Q5',
    '2026-H3',
    '2026-00-00',
    '9999-99-99',
    '2026',
    '2026..2028',
    '2028..2026',
    '-3',
    '0',
    '1e9',
    '99999999999999999999999',
    '0.000001',
    '40%',
    '12 days',
    '2.5 "s"',
    '"a string"',
    "'single'",
    '"unterminated',
    'NaN',
    'Infinity',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'Okr.Kr',
    'A.B.C.D',
    '.',
    'x..y'
];

/** Control characters, invisible and bidirectional marks, line separators and broken surrogates. */
export const STRANGE_CHARACTERS = [
    '\u0000',
    '\u0001',
    '\u0007',
    '\b',
    '\t',
    '\u000b',
    '\f',
    '\r',
    '\r\n',
    '\u001b',
    '\u007f',
    '\u0085',
    '\u00a0',
    '\u200b',
    '\u200c',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u2028',
    '\u2029',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ufeff',
    '\ufffd',
    '\uffff',
    '\ud800',
    '\udfff',
    '\udc00\ud800',
    '😀',
    '👩🏽‍💻',
    '🏳️‍🌈',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    'é',
    'e\u0301',
    'ﬁ',
    'İ',
    'ß',
    'Σ',
    '中文',
    'العربية',
    'עברית'
];

export type Mutation =
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'duplicate'; at: number; length: number; to: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'truncate'; at: number }
    | { kind: 'swapLines'; a: number; b: number }
    | { kind: 'longLine'; at: number; unit: string; length: number }
    | { kind: 'nest'; at: number; depth: number; balanced: boolean }
    | { kind: 'renameWord'; at: number; to: number }
    | { kind: 'tree'; shape: TreeShape; size: number };

/** Applies one mutation; pure. */
export function applyMutation(text: string, m: Mutation): string {
    const pos = (n: number) => n % (text.length + 1);
    switch (m.kind) {
        case 'delete': {
            const at = pos(m.at);
            return text.slice(0, at) + text.slice(at + m.length);
        }
        case 'duplicate': {
            const at = pos(m.at);
            const piece = text.slice(at, at + m.length);
            const to = pos(m.to);
            return text.slice(0, to) + piece + text.slice(to);
        }
        case 'insert': {
            const at = pos(m.at);
            return text.slice(0, at) + m.text + text.slice(at);
        }
        case 'truncate':
            return text.slice(0, pos(m.at));
        case 'swapLines': {
            const lines = text.split('\n');
            const a = m.a % lines.length,
                b = m.b % lines.length;
            [lines[a], lines[b]] = [lines[b], lines[a]];
            return lines.join('\n');
        }
        case 'longLine': {
            const at = pos(m.at);
            return text.slice(0, at) + m.unit.repeat(Math.ceil(m.length / m.unit.length)) + text.slice(at);
        }
        case 'nest': {
            const at = pos(m.at);
            return text.slice(0, at) + '{'.repeat(m.depth) + (m.balanced ? '}'.repeat(m.depth) : '') + text.slice(at);
        }
        case 'tree':
            return text + '\n' + treeText(m.shape, m.size, 'Fz');
        case 'renameWord': {
            // Replaces one identifier with another identifier of the file: duplicates, cycles, wrong kinds.
            const words = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)];
            if (words.length === 0) return text;
            const from = words[m.at % words.length],
                to = words[m.to % words.length];
            return text.slice(0, from.index) + to[0] + text.slice(from.index! + from[0].length);
        }
    }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
    return mutations.reduce(applyMutation, text);
}

const at = fc.nat();
const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KEYWORDS).map(k => ` ${k} `) },
    { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 2, arbitrary: fc.constantFrom(...VALUES).map(v => ` ${v} `) },
    { weight: 3, arbitrary: fc.constantFrom(...STRANGE_CHARACTERS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    {
        weight: 1,
        arbitrary: fc
            .constantFrom(...KEYWORDS)
            .chain(k => fc.tuple(fc.constant(k), fc.stringMatching(/^[A-Z][a-z]{0,6}$/)).map(([kw, n]) => `\n${kw} ${n} { supports ${n} parent ${n} extends ${n} }\n`))
    }
);

/** Small edits: what a user's typing, pasting and undoing produces. */
const smallMutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 400 }), to: at }) },
    { weight: 8, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: token }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapLines' as const), a: at, b: at }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('renameWord' as const), at, to: at }) }
);

export type TreeShape = 'wide' | 'deep' | 'marks';

/**
 * A tree of the given shape and size in EOS text: many themes under one vision (the plain layout
 * beyond ELK's limits), a long `supports` chain of OKRs, or teams whose names and titles carry
 * combining marks.
 */
export function treeText(shape: TreeShape, size: number, prefix: string): string {
    const lines: string[] = [];
    if (shape === 'wide') {
        lines.push(`vision ${prefix}V "Wide"`);
        for (let i = 0; i < size; i++) lines.push(`theme ${prefix}T${i} "Theme ${i}" { vision ${prefix}V }`);
    } else if (shape === 'deep') {
        lines.push(`okr ${prefix}O0 "Root" { kr K "k" from 1 to 2 }`);
        for (let i = 1; i < size; i++) lines.push(`okr ${prefix}O${i} "Level ${i}" { supports ${prefix}O${i - 1} kr K "k" from 1 to 2 }`);
    } else {
        for (let i = 0; i < size; i++)
            lines.push(`team ${prefix}Te\u0301am${i} "E\u0301quipe ${i} z\u0351\u0352"${i ? ` { parent ${prefix}Te\u0301am${Math.floor((i - 1) / 2)} }` : ''}`);
    }
    return lines.join('\n') + '\n';
}

/** Large inputs: 100k-character lines, deep brace nesting, wide and deep trees. Rare, because each is slow to parse. */
const largeMutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({
        kind: fc.constant('longLine' as const),
        at,
        unit: fc.constantFrom('a', 'x ', '"', '{', '}', '// ', '/*', 'okr ', '😀', '\u202e', '1', 'A.'),
        length: fc.integer({ min: 10_000, max: 100_000 })
    }),
    fc.record({ kind: fc.constant('nest' as const), at, depth: fc.integer({ min: 100, max: 5_000 }), balanced: fc.boolean() }),
    fc.record({ kind: fc.constant('tree' as const), shape: fc.constantFrom<TreeShape>('wide', 'deep', 'marks'), size: fc.integer({ min: 200, max: 3_000 }) })
);

/** A list of edits, now and then with one large one. */
export function mutationsArbitrary(options: { large?: boolean } = {}): fc.Arbitrary<Mutation[]> {
    const small = fc.array(smallMutation, { minLength: 1, maxLength: 6 });
    if (options.large === false) return small;
    return fc.oneof({ weight: 19, arbitrary: small }, { weight: 1, arbitrary: fc.tuple(small, largeMutation).map(([s, l]) => [...s, l]) });
}

/** Raw bytes as a file would hold them; decoded as UTF-8 where text is needed. */
export const bytesArbitrary = fc.oneof(
    fc.uint8Array({ maxLength: 2_000 }),
    // Mostly printable bytes with EOS punctuation: gets further into the parser than pure noise.
    fc.array(fc.constantFrom(...Buffer.from('okr bet{}"\'/*.,%\n\t\r\u0000 team Aa1-'.split('').join(''), 'utf8')), { maxLength: 2_000 }).map(a => Uint8Array.from(a))
);
