import { describe, expect, it } from 'vitest';
import { expectCodeAtMarkers, messagesOf } from './rule-cases.js';

describe('okr-without-krs', () => {
    it('is reported on an objective with no key result', () =>
        expectCodeAtMarkers('okr-without-krs', {
            name: 'trigger',
            files: { 'a.eos': 'okr <|Empty|> "Delight users" { period 2026-Q1 }\nokr <|NoBlock|> "x"' }
        }));
    it('is not reported when one key result exists, even unmeasurable', () =>
        expectCodeAtMarkers('okr-without-krs', {
            name: 'near miss',
            files: { 'a.eos': 'okr One { kr K "Fewer complaints" }' }
        }));
});

describe('too-many-krs', () => {
    const krs = (n: number) => Array.from({ length: n }, (_, i) => `  kr K${i} from ${i} to ${i + 1}`).join('\n');
    it('is reported with six key results', () =>
        expectCodeAtMarkers('too-many-krs', {
            name: 'trigger',
            files: { 'a.eos': `okr <|Busy|> {\n${krs(6)}\n}` }
        }));
    it('is not reported with five', () =>
        expectCodeAtMarkers('too-many-krs', {
            name: 'near miss',
            files: { 'a.eos': `okr Focused {\n${krs(5)}\n}` }
        }));
});

describe('kr-not-measurable', () => {
    it('is reported on a key result without from … to …', () =>
        expectCodeAtMarkers('kr-not-measurable', {
            name: 'trigger',
            files: { 'a.eos': 'okr O {\n  kr <|Friction|> "Fewer friction points"\n  kr <|OnlyCurrent|> current 5\n}' }
        }));
    it('is not reported for percent, unit, quoted unit and bare numbers', () =>
        expectCodeAtMarkers('kr-not-measurable', {
            name: 'near miss',
            files: { 'a.eos': 'okr O {\n  kr A from 40% to 65%\n  kr B from 12 to 8 days\n  kr C from 2.5 to 1.2 "s"\n  kr D from -1 to 0 current -0.5\n}' }
        }));
    it('names the key result with its objective', async () => {
        const [message] = await messagesOf('kr-not-measurable', { 'a.eos': 'okr O { kr K }' });
        expect(message).toContain("'O.K'");
    });
});

describe('kr-no-change', () => {
    it('is reported when the target equals the baseline', () =>
        expectCodeAtMarkers('kr-no-change', {
            name: 'trigger',
            files: {
                'a.eos': 'okr O {\n  kr <|Flat|> from 40% to 40%\n  kr <|Same|> from 12 days to 12 days\n  kr <|Decimal|> from 1.50 to 1.5\n  kr <|UnitOnce|> from 8 to 8 days\n}'
            }
        }));
    it('is not reported for any change, or for the same number in different units', () =>
        expectCodeAtMarkers('kr-no-change', {
            name: 'near miss',
            files: { 'a.eos': 'okr O {\n  kr A from 40% to 41%\n  kr B from 8 days to 8%\n  kr C from 10% to 8% current 10%\n}' }
        }));
});
