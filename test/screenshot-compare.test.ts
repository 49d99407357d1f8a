/**
 * The screenshot comparison the chromium tests rely on: an unchanged picture passes, a faint
 * colour shift passes, a changed area or size fails and names the image that marks it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithBaseline } from './chromium.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-screenshot-compare-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A grey picture with an optional square of another colour. */
function picture(width: number, height: number, square?: { x: number; y: number; size: number; rgb: [number, number, number] }): Buffer {
    const png = new PNG({ width, height });
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            const inside = square && x >= square.x && x < square.x + square.size && y >= square.y && y < square.y + square.size;
            const [r, g, b] = inside ? square.rgb : [200, 200, 200];
            png.data.set([r, g, b, 255], (y * width + x) * 4);
        }
    }
    return PNG.sync.write(png);
}

const baseline = path.join(dir, 'baseline.png');
fs.writeFileSync(baseline, picture(60, 40));
const diffPath = path.join(dir, 'actual.diff.png');

describe('screenshot comparison', () => {
    it('passes the same picture and a colour shift too faint to see', () => {
        expect(compareWithBaseline(picture(60, 40), baseline, diffPath)).toBeUndefined();
        expect(compareWithBaseline(picture(60, 40, { x: 0, y: 0, size: 40, rgb: [202, 201, 200] }), baseline, diffPath)).toBeUndefined();
        expect(fs.existsSync(diffPath)).toBe(false);
    });

    it('fails a changed area and writes the image that marks it', () => {
        const problem = compareWithBaseline(picture(60, 40, { x: 10, y: 10, size: 6, rgb: [30, 30, 30] }), baseline, diffPath);
        expect(problem).toMatch(/^36 pixels changed \(diff: .*actual\.diff\.png\)$/);
        const diff = PNG.sync.read(fs.readFileSync(diffPath));
        expect([diff.width, diff.height]).toEqual([60, 40]);
    });

    it('fails a picture of another size, and one with no baseline yet', () => {
        expect(compareWithBaseline(picture(60, 41), baseline, diffPath)).toBe('the picture is 60×41, the baseline 60×40');
        expect(compareWithBaseline(picture(60, 40), path.join(dir, 'missing.png'), diffPath)).toBe('there is no baseline yet');
    });
});
