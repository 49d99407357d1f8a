/** The client's reading of the `eos.*` settings, as the output channel reports it. */
import { describe, expect, it } from 'vitest';
import { describeSettings, readSettings } from '../../src/extension/config.js';

const configuration = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T });

describe('eos.* settings', () => {
    it('keeps only the codes the user changed, dropping "default" and unknown codes', () => {
        const settings = readSettings(configuration({
            stalledAfterDays: 14,
            diagnostics: { 'orphan-bet': 'error', 'unfunded-bet': 'off', 'kr-no-change': 'default', 'no-such-code': 'error', 'wip-exceeded': 'loud' }
        }));
        expect(settings).toEqual({ stalledAfterDays: 14, diagnostics: { 'orphan-bet': 'error', 'unfunded-bet': 'off' } });
        expect(describeSettings(settings)).toBe('stalledAfterDays 14; orphan-bet → error, unfunded-bet → off');
    });

    it('leaves stalledAfterDays to eos.config.json when unset or invalid', () => {
        for (const stalledAfterDays of [undefined, null, -1, 2.5, '30']) {
            const settings = readSettings(configuration({ stalledAfterDays }));
            expect(settings.stalledAfterDays).toBeUndefined();
            expect(describeSettings(settings)).toBe('stalledAfterDays from eos.config.json or 30; no severity overrides');
        }
    });
});
