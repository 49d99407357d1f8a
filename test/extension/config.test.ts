/** The client's reading of the `eos.*` settings, as the output channel reports it. */
import { describe, expect, it } from 'vitest';
import { describeSettings, readSettings } from '../../src/extension/config.js';

const configuration = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T });

describe('eos.* settings', () => {
    it('keeps only the codes the user changed, dropping "default", and names what it ignores', () => {
        const reading = readSettings(
            configuration({
                stalledAfterDays: 14,
                diagnostics: { 'orphan-bet': 'error', 'unfunded-bet': 'off', 'kr-no-change': 'default', 'no-such-code': 'error', 'wip-exceeded': 'loud' }
            })
        );
        expect(reading.settings).toEqual({ stalledAfterDays: 14, diagnostics: { 'orphan-bet': 'error', 'unfunded-bet': 'off' } });
        expect(describeSettings(reading)).toBe(
            'stalledAfterDays 14; orphan-bet → error, unfunded-bet → off; ignored: ' +
                'setting eos.diagnostics: unknown diagnostic code "no-such-code"; ' +
                'setting eos.diagnostics: severity of "wip-exceeded" must be one of error, warning, info, hint, off, not "loud"'
        );
    });

    it('leaves stalledAfterDays to eos.config.json when unset or invalid', () => {
        for (const stalledAfterDays of [undefined, null]) {
            const reading = readSettings(configuration({ stalledAfterDays }));
            expect(reading.settings.stalledAfterDays).toBeUndefined();
            expect(describeSettings(reading)).toBe('stalledAfterDays from eos.config.json or 30; no severity overrides');
        }
        for (const stalledAfterDays of [-1, 2.5, '30']) {
            const reading = readSettings(configuration({ stalledAfterDays }));
            expect(reading.settings.stalledAfterDays).toBeUndefined();
            expect(describeSettings(reading)).toBe(
                `stalledAfterDays from eos.config.json or 30; no severity overrides; ignored: setting eos: "stalledAfterDays" must be a whole number of days (0 or more), not ${JSON.stringify(stalledAfterDays)}`
            );
        }
    });
});
