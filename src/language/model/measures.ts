/**
 * What the figures of a key result mean: the one place where EOS reads a measure as written
 * (`40%`, `6,200`, `£1.9m`, `250k`, `15:40`, `2h 30m`, `90 min`, `down 20%`) and decides its value.
 *
 * The grammar only takes a figure's shape (see `Measure` in eos.langium); everything here is a
 * pure function over its text, so the model, hovers, the diagram, the export and the report all
 * show one reading. A figure that could mean two things (`30m`: minutes or millions? `1,5`: one and
 * a half or fifteen?) is refused with a message that says how to write it, never guessed.
 *
 * Values are kept in the unit written, with magnitudes applied (`£1.9m` is 1,900,000 `£`); clock
 * times are minutes after midnight (unit `clock`), a duration in several units is minutes (`min`).
 * Figures in units of one dimension (minutes and hours, days and weeks) are compared through
 * {@link comparable}, so `from 3 days to 36 hours` is a falling target.
 */
import type { MeasureValue } from './elements.js';

export type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The unit of a clock time (`15:40`), whose value is minutes after midnight. */
export const CLOCK_UNIT = 'clock';
/** The unit of a duration written in several units (`2h 30m`), whose value is minutes. */
export const MINUTES_UNIT = 'min';

/** Minutes per unit, for every way of writing a unit of time. */
const MINUTES_PER: Record<string, number> = {};
for (const [minutes, words] of [
    [1 / 60, ['s', 'sec', 'secs', 'second', 'seconds']],
    [1, ['min', 'mins', 'minute', 'minutes']],
    [60, ['h', 'hr', 'hrs', 'hour', 'hours']],
    [1440, ['d', 'day', 'days']],
    [10080, ['w', 'wk', 'wks', 'week', 'weeks']]
] as Array<[number, string[]]>)
    for (const word of words) MINUTES_PER[word] = minutes;

const CURRENCY_CODES: Record<string, string> = { GBP: '£', EUR: '€', USD: '$', JPY: '¥', INR: '₹' };
const CURRENCY_SIGNS = new Set(['£', '€', '$', '¥', '₹']);

/** Magnitude suffixes and words; `m` and `b` only count after a currency sign (see `ambiguousM`). */
const MAGNITUDE: Record<string, number> = {
    k: 1e3,
    K: 1e3,
    thousand: 1e3,
    M: 1e6,
    mn: 1e6,
    million: 1e6,
    millions: 1e6,
    B: 1e9,
    bn: 1e9,
    billion: 1e9,
    billions: 1e9
};
const MONEY_MAGNITUDE: Record<string, number> = { ...MAGNITUDE, m: 1e6, b: 1e9 };

/** Words that add percentage points to a percentage (`from 40% up 10 points`). */
const POINTS = new Set(['points', 'point', 'pp', 'pts', 'pt', 'percentage points']);

const PLAIN = /^-?\d+(?:\.\d+)?$/;
/**
 * `6.200`, `12.500`, `1.000`: one to three digits, a point, three digits ending in 0. Written so,
 * it is most likely thousands grouped with a point (European style); a decimal would not be
 * written with a final 0. Refused rather than read as 6.2. (`4.125` and `0.500` are decimals.)
 */
const POINT_GROUPED = /^-?[1-9]\d{0,2}\.\d\d0$/;
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Reads a number as written: `6200`, `6,200`, `-4`, `2.5`. Commas only group thousands in threes;
 * anything else with a comma (`1,5`, `62,00`) is refused, because it may be a decimal comma, and so
 * is a point that may group thousands (`6.200`: see {@link POINT_GROUPED}).
 */
export function readNumber(text: string): Reading<number> {
    const pointGrouped = POINT_GROUPED.exec(text);
    if (pointGrouped) {
        const thousands = text.replace('.', '');
        const decimal = String(Number(text));
        return {
            ok: false,
            problem: `'${text}' could be read two ways: ${thousands} (a point between the thousands, as on many European slides) or ${decimal}. Write ${thousands} or ${Number(thousands).toLocaleString('en-GB')} for thousands, or ${decimal} for the decimal`
        };
    }
    if (PLAIN.test(text)) return { ok: true, value: Number(text) };
    if (GROUPED.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
    if (/,/.test(text)) {
        const point = text.replace(/,/g, '.');
        return {
            ok: false,
            problem: `'${text}' has a comma that is not a thousands separator. Write decimals with a point (${PLAIN.test(point) ? point : '1.5'}) and group thousands in threes (6,200), or leave the commas out`
        };
    }
    return { ok: false, problem: `'${text}' is not a number` };
}

export interface MeasureContext {
    /** The currency another figure of the same key result is in: then `1.1m` means millions of it. */
    currency?: string;
}

/** Reads one figure, e.g. `£1.9m`, `15:40`, `2h 30m`, `6,200 beds`, `40%`, `2.5 "s"`. */
export function readMeasure(written: string, context: MeasureContext = {}): Reading<MeasureValue> {
    const text = written.trim().replace(/\s+/g, ' ');
    const clock = readClock(text);
    if (clock) return clock.ok ? { ok: true, value: { value: clock.value, unit: CLOCK_UNIT, text } } : clock;
    const duration = readDuration(text);
    if (duration !== undefined) return { ok: true, value: { value: duration, unit: MINUTES_UNIT, text } };

    const money = /^(-?)([£€$¥₹])\s?(-?\d[\d,]*(?:\.\d+)?)(bn|mn|[kKmMbB])?(?:\s(.*))?$/.exec(text);
    if (money) {
        const number = readNumber(money[1] + money[3]);
        if (!number.ok) return number;
        const scale = money[4] ? MONEY_MAGNITUDE[money[4]] : 1;
        const rest = money[5]?.trim();
        const extra = rest ? unitWord(rest) : undefined;
        return { ok: true, value: { value: scaled(number.value, scale), unit: extra ? `${money[2]} ${extra}` : money[2], text } };
    }

    const plain = /^(-?\d[\d,]*(?:\.\d+)?)(bn|mn|[kKMB])?\s?(.*)$/.exec(text);
    if (!plain) return { ok: false, problem: `'${text}' is not a figure EOS can read; write a number, optionally with a unit or %, e.g. 40%, 12 days or £1.9m` };
    const number = readNumber(plain[1]);
    if (!number.ok) return number;
    let value = plain[2] ? scaled(number.value, MAGNITUDE[plain[2]]) : number.value;
    const rest = plain[3].trim();
    if (!rest) return { ok: true, value: { value, text } };
    if (rest === '%') return { ok: true, value: { value, unit: '%', text } };
    const word = unitWord(rest);
    if (CURRENCY_CODES[word] || CURRENCY_SIGNS.has(word)) return { ok: true, value: { value, unit: CURRENCY_CODES[word] ?? word, text } };
    const magnitude = context.currency && !plain[2] ? MONEY_MAGNITUDE[word] : !plain[2] ? MAGNITUDE[word] : undefined;
    if (magnitude !== undefined) {
        value = scaled(value, magnitude);
        return { ok: true, value: context.currency ? { value, unit: context.currency, text } : { value, text } };
    }
    if (word === 'm' || word === 'b') {
        const example = word === 'm' ? `${plain[1]} min, ${plain[1]} metres or ${plain[1]}M for millions` : `${plain[1]}bn or ${plain[1]}B for billions, or ${plain[1]} bytes`;
        return { ok: false, problem: `'${text}' could be read more than one way: write ${example}` };
    }
    return { ok: true, value: { value, unit: word, text } };
}

/** A unit as written: a word, a sign or a quoted text (without its quotes). */
function unitWord(rest: string): string {
    const quoted = /^(["'“])(.*)["'”]$/.exec(rest);
    return quoted ? quoted[2] : rest;
}

/** Multiplies without the binary noise of `1.1 * 1e6` (1100000.0000000002). */
function scaled(value: number, scale: number): number {
    return Number((value * scale).toPrecision(15));
}

function readClock(text: string): Reading<number> | undefined {
    const match = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s?(?:([aApP])\.?[mM]\.?)?$/.exec(text);
    if (!match || (match[2] === undefined && match[4] === undefined)) return undefined;
    let hours = Number(match[1]);
    const minutes = Number(match[2] ?? 0),
        seconds = Number(match[3] ?? 0);
    if (minutes > 59 || seconds > 59) return { ok: false, problem: `'${text}' is not a time: minutes and seconds run from 00 to 59` };
    if (match[4]) {
        if (hours < 1 || hours > 12) return { ok: false, problem: `'${text}' is not a time: with am or pm, hours run from 1 to 12` };
        const pm = match[4].toLowerCase() === 'p';
        hours = (hours % 12) + (pm ? 12 : 0);
    }
    return { ok: true, value: hours * 60 + minutes + seconds / 60 };
}

/** `2h 30m`, `1 day 4 hours`, `3m 20s` in minutes; undefined unless written in two units or more. */
function readDuration(text: string): number | undefined {
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s?([A-Za-z]+)/g)];
    if (
        parts.length < 2 ||
        parts
            .map(p => p[0])
            .join(' ')
            .replace(/\s/g, '') !== text.replace(/\s/g, '')
    )
        return undefined;
    let minutes = 0;
    for (const [, number, unit] of parts) {
        const per = unit === 'm' ? 1 : MINUTES_PER[unit.toLowerCase()];
        if (per === undefined) return undefined;
        minutes += Number(number) * per;
    }
    return Number(minutes.toPrecision(15));
}

/** What a figure can be compared with: figures of one dimension, in one scale. */
export function comparable(measure: MeasureValue): { dimension: string; value: number } {
    const unit = measure.unit ?? '';
    const minutes = MINUTES_PER[unit] ?? MINUTES_PER[unit.toLowerCase()];
    if (minutes !== undefined) return { dimension: 'duration', value: measure.value * minutes };
    if (unit === MINUTES_UNIT) return { dimension: 'duration', value: measure.value };
    return { dimension: unit, value: measure.value };
}

/** True when two figures measure the same thing (so progress between them can be computed). */
export function sameDimension(a: MeasureValue, b: MeasureValue): boolean {
    return comparable(a).dimension === comparable(b).dimension;
}

/**
 * The target of `from <baseline> up|down <change>`: `from 42 min down 20%` is 33.6 min,
 * `from 40% up 10 points` is 50%, `from 15:40 down 30 min` is 15:10. A change that could mean
 * two things (`from 40% down 10%`: 36% or 30%?) or that does not fit the baseline is refused.
 */
export function relativeTarget(baseline: MeasureValue, direction: 'up' | 'down', change: MeasureValue): Reading<MeasureValue> {
    const sign = direction === 'up' ? 1 : -1;
    const written = `${direction} ${change.text}`;
    const changeUnit = change.unit ?? '';
    if (changeUnit === '%') {
        if (baseline.unit === '%') {
            const relative = formatNumber(baseline.value * (1 + (sign * change.value) / 100));
            const points = formatNumber(baseline.value + sign * change.value);
            return {
                ok: false,
                problem: `'from ${baseline.text} ${written}' could mean ${relative}% (${change.text} of ${baseline.text}) or ${points}% (${formatNumber(change.value)} points): write '${direction} ${formatNumber(change.value)} points' or 'to ${relative}%'`
            };
        }
        if (baseline.unit === CLOCK_UNIT)
            return { ok: false, problem: `a time of day cannot go ${written}; write the target time, e.g. 'to 11:00', or a duration, e.g. '${direction} 30 min'` };
        return { ok: true, value: like(baseline, baseline.value * (1 + (sign * change.value) / 100)) };
    }
    if (POINTS.has(changeUnit)) {
        if (baseline.unit !== '%') return { ok: false, problem: `'${written}' adds percentage points, but the baseline ${baseline.text} is not a percentage` };
        return { ok: true, value: like(baseline, baseline.value + sign * change.value) };
    }
    if (!change.unit) return { ok: true, value: like(baseline, baseline.value + sign * change.value) };
    const from = comparable(baseline),
        by = comparable(change);
    if (baseline.unit === CLOCK_UNIT && by.dimension === 'duration') return { ok: true, value: like(baseline, baseline.value + sign * by.value) };
    if (from.dimension !== by.dimension)
        return {
            ok: false,
            problem: `'${written}' is not in the unit of the baseline ${baseline.text}; write the change in ${baseline.unit ?? 'plain numbers'}, or the target itself with 'to …'`
        };
    // The change in the baseline's own unit: 12 hours from a baseline in days is 0.5.
    const perBaselineUnit = comparable({ ...baseline, value: 1, text: '' }).value;
    return { ok: true, value: like(baseline, baseline.value + (sign * by.value) / perBaselineUnit) };
}

/** A computed figure written the way its baseline is (same unit, sign and magnitude). */
function like(baseline: MeasureValue, value: number): MeasureValue {
    const rounded = Number(value.toPrecision(12));
    return { value: rounded, ...(baseline.unit !== undefined ? { unit: baseline.unit } : {}), text: formatLike(baseline, rounded) };
}

/** Writes a value in the style of another figure: `33.6 min`, `£1.52m`, `15:10`, `36%`. */
export function formatLike(model: MeasureValue, value: number): string {
    const unit = model.unit;
    if (unit === CLOCK_UNIT) {
        const total = Math.round(((value % 1440) + 1440) % 1440);
        return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
    }
    if (unit === MINUTES_UNIT && /[hd]/i.test(model.text)) {
        const total = Math.round(value);
        const hours = Math.floor(total / 60),
            minutes = total % 60;
        return hours ? `${hours}h${minutes ? ` ${minutes}m` : ''}` : `${minutes}m`;
    }
    if (unit === '%') return `${formatNumber(value)}%`;
    const sign = unit?.charAt(0);
    if (sign && CURRENCY_SIGNS.has(sign) && model.text.includes(sign)) {
        const suffix = /\d(bn|mn|[kKmMbB])(?![A-Za-z])/.exec(model.text)?.[1];
        const scale = suffix ? MONEY_MAGNITUDE[suffix] : 1;
        const amount = `${formatNumber(value / scale)}${suffix ?? ''}`;
        return model.text.trim().startsWith(sign) || model.text.trim().startsWith(`-${sign}`) ? `${sign}${amount}` : `${amount} ${sign}`;
    }
    return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** Up to two decimals, no trailing zeros: 33.6, 1.52, 40. */
export function formatNumber(value: number): string {
    return String(Math.round(value * 100) / 100);
}

/** The figures of one key result as written, with the ranges or handles the caller reports on. */
export interface WrittenFigures<Where> {
    baseline?: { text: string; where: Where } | undefined;
    target?: { text: string; where: Where } | undefined;
    change?: { direction: 'up' | 'down'; text: string; where: Where } | undefined;
    current?: { text: string; where: Where } | undefined;
}

export interface ReadFigures<Where> {
    baseline?: MeasureValue;
    target?: MeasureValue;
    current?: MeasureValue;
    /** A relative target as written (`down 20%`); `target` then holds the value it comes to. */
    change?: string;
    problems: Array<{ where: Where; problem: string }>;
}

/**
 * Reads the figures of one key result together, because they explain each other: a unit or
 * currency written once counts for all of them (`from 12 to 8 days`, `from £1.9m to 1.1m`), and
 * a relative target is computed from the baseline. A figure that cannot be read is left out and
 * its problem returned, so no view ever shows a guess.
 */
export function readFigures<Where>(written: WrittenFigures<Where>): ReadFigures<Where> {
    const result: ReadFigures<Where> = { problems: [] };
    const texts = [written.baseline, written.target, written.current, written.change].filter(f => f !== undefined).map(f => f.text);
    const currency = texts.map(currencyOf).find(sign => sign !== undefined);
    const context: MeasureContext = currency ? { currency } : {};
    const read = (figure: { text: string; where: Where } | undefined): MeasureValue | undefined => {
        if (!figure) return undefined;
        const reading = readMeasure(figure.text, context);
        if (reading.ok) return reading.value;
        result.problems.push({ where: figure.where, problem: reading.problem });
        return undefined;
    };
    const baseline = read(written.baseline),
        target = read(written.target),
        current = read(written.current);
    const change = read(written.change);
    const figures: Array<[MeasureValue | undefined, Where | undefined]> = [
        [baseline, written.baseline?.where],
        [target, written.target?.where],
        [current, written.current?.where]
    ];
    const units = new Set(figures.map(([m]) => m?.unit).filter((u): u is string => u !== undefined));
    if (units.size === 1) {
        const [unit] = units;
        for (const [figure, where] of figures) {
            if (!figure || figure.unit !== undefined) continue;
            if (unit === CLOCK_UNIT) {
                result.problems.push({ where: where!, problem: `'${figure.text}' is a plain number next to times of day: write it as a time, e.g. ${figure.value}:00` });
                figures.forEach(entry => {
                    if (entry[0] === figure) entry[0] = undefined;
                });
            } else figure.unit = unit;
        }
    }
    const [readBaseline, readTarget, readCurrent] = figures.map(([m]) => m);
    if (readBaseline) result.baseline = readBaseline;
    if (readTarget) result.target = readTarget;
    if (readCurrent) result.current = readCurrent;
    if (written.change) {
        result.change = `${written.change.direction} ${written.change.text.trim()}`;
        if (result.baseline && change) {
            const target = relativeTarget(result.baseline, written.change.direction, change);
            if (target.ok) result.target = target.value;
            else result.problems.push({ where: written.change.where, problem: target.problem });
        }
    }
    for (const key of ['baseline', 'target', 'current'] as const) if (result[key] === undefined) delete result[key];
    return result;
}

function currencyOf(text: string): string | undefined {
    const sign = /[£€$¥₹]/.exec(text)?.[0];
    if (sign) return sign;
    const code = /\b(GBP|EUR|USD|JPY|INR)\b/.exec(text)?.[1];
    return code ? CURRENCY_CODES[code] : undefined;
}

/**
 * A check-in's value as a reading of its key result: a bare number takes the key result's unit
 * (`checkin … 17` next to `from 26 to 10 minutes`); a value in another dimension (`15 days` for a
 * key result in `%`), or a bare number next to times of day, is refused — it would be a different
 * value than the one meant. A key result without figures takes any reading as written.
 */
export function readingFor(value: MeasureValue, figures: { baseline?: MeasureValue; target?: MeasureValue }): Reading<MeasureValue> {
    const reference = figures.baseline ?? figures.target;
    if (!reference) return { ok: true, value };
    if (value.unit === undefined) {
        if (reference.unit === CLOCK_UNIT) return { ok: false, problem: `'${value.text}' is a plain number next to times of day: write it as a time, e.g. ${value.value}:00` };
        return { ok: true, value: reference.unit === undefined ? value : { ...value, unit: reference.unit } };
    }
    if (sameDimension(value, reference)) return { ok: true, value };
    const expected = reference.unit === undefined ? 'a plain number' : reference.unit === CLOCK_UNIT ? 'a time of day' : `'${reference.unit}'`;
    return {
        ok: false,
        problem: `'${value.text}' is not in the key result's unit: it is measured in ${expected} (from ${figures.baseline?.text ?? '…'} to ${figures.target?.text ?? '…'}). Write the reading in that unit`
    };
}
