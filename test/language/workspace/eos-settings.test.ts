/** The one reading of the `eos.*` editor settings, shared by the extension and the server. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/language/workspace/eos-config.js';
import { parseEditorSettings } from '../../../src/language/workspace/eos-settings.js';

describe('eos.* editor settings', () => {
    it('keep the codes the user changed; "default" and null are no override', () => {
        expect(
            parseEditorSettings({
                stalledAfterDays: 14,
                diagnostics: { 'orphan-bet': 'error', 'unfunded-bet': 'off', 'kr-no-change': 'default', 'too-many-krs': null },
                trace: { server: 'verbose' }
            })
        ).toEqual({ settings: { stalledAfterDays: 14, diagnostics: { 'orphan-bet': 'error', 'unfunded-bet': 'off' } }, problems: [] });
        expect(parseEditorSettings(undefined)).toEqual({ settings: { stalledAfterDays: undefined, diagnostics: {} }, problems: [] });
        expect(parseEditorSettings({ stalledAfterDays: null })).toEqual({ settings: { stalledAfterDays: undefined, diagnostics: {} }, problems: [] });
    });

    it('leave out each value they cannot read, say which, and still apply the others', () => {
        const { settings, problems } = parseEditorSettings({
            stalledAfterDays: 2.5,
            diagnostics: { 'orphan-bet': 'error', 'no-such-code': 'error', 'wip-exceeded': 'loud' }
        });
        expect(settings).toEqual({ stalledAfterDays: undefined, diagnostics: { 'orphan-bet': 'error' } });
        expect(problems).toEqual([
            'setting eos: "stalledAfterDays" must be a whole number of days (0 or more), not 2.5',
            'setting eos.diagnostics: unknown diagnostic code "no-such-code"',
            'setting eos.diagnostics: severity of "wip-exceeded" must be one of error, warning, info, hint, off, not "loud"'
        ]);
        expect(parseEditorSettings({ diagnostics: 'off' }).problems).toEqual([expect.stringContaining('"diagnostics" must map codes to severities')]);
        expect(parseEditorSettings(3).problems).toEqual(['the "eos" settings must be an object, not 3']);
    });

    it('read a number of days as eos.config.json reads it', () => {
        for (const value of [0, 7, -1, 2.5, '30', true]) {
            const fromSettings = parseEditorSettings({ stalledAfterDays: value });
            let fromFile: number | undefined;
            try {
                fromFile = parseConfig(JSON.stringify({ stalledAfterDays: value })).stalledAfterDays;
            } catch {
                fromFile = undefined;
            }
            expect(fromSettings.settings.stalledAfterDays, String(value)).toBe(fromFile);
            expect(fromSettings.problems.length, String(value)).toBe(fromFile === undefined ? 1 : 0);
        }
    });
});
