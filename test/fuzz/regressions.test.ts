/**
 * Replays every input the fuzzer once broke (test/fuzz/regressions/*.json): through fresh
 * language services at positions spread over the whole file, or through the CLI.
 */
import { describe, expect, it } from 'vitest';
import { checkCliRun } from './cli-probe.js';
import { loadRegressions } from './regressions.js';
import { ServiceProbe } from './service-probe.js';

const regressions = loadRegressions();

describe('fuzz regressions', () => {
    it('are well-formed', () => {
        for (const { name, regression } of regressions) {
            expect(['services', 'bytes', 'cli'], name).toContain(regression.target);
            expect(typeof regression.text, name).toBe('string');
            expect(regression.found, name).toBeTruthy();
        }
    });

    it.each(regressions.map(r => [r.name, r.regression] as const))('%s no longer fails', async (_name, regression) => {
        const file = regression.file?.endsWith('.eos') ? regression.file : 'input.eos';
        if (regression.target === 'cli') {
            const content = regression.bytesBase64 ? Buffer.from(regression.bytesBase64, 'base64') : regression.text;
            expect(await checkCliRun([{ path: file, content }])).toEqual([]);
            return;
        }
        const probe = await ServiceProbe.open({ [file]: '' });
        const length = regression.text.length;
        const offsets = Array.from({ length: 17 }, (_, i) => Math.floor((length * i) / 16));
        expect(await probe.probe(file, regression.text, offsets)).toEqual([]);
    });
});
