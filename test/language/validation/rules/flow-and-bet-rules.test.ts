import { describe, expect, it } from 'vitest';
import { buildWorkspace, describeDiagnostic } from '../../../helpers.js';
import { expectCodeAtMarkers, messagesOf } from './rule-cases.js';

describe('wip-exceeded', () => {
    it("counts doing initiatives from every file against the stream's limit", () =>
        expectCodeAtMarkers('wip-exceeded', {
            name: 'trigger',
            files: {
                'streams.eos': 'stream <|Onboarding|> "Onboarding" { wip 2 }',
                'a.eos': 'initiative A { stream Onboarding status doing }\ninitiative B { stream Onboarding status doing }',
                'b.eos': 'initiative C { stream Onboarding status doing }'
            }
        }));
    it('is not reported at the limit, without a limit, or for work not doing', () =>
        expectCodeAtMarkers('wip-exceeded', {
            name: 'near miss',
            files: {
                'streams.eos': 'stream Onboarding { wip 2 }\nstream Unlimited',
                'a.eos':
                    'initiative A { stream Onboarding status doing }\ninitiative B { stream Onboarding status doing }\ninitiative C { stream Onboarding status ready }\ninitiative D { stream Onboarding status done }',
                'b.eos': 'initiative E { stream Unlimited status doing }\ninitiative F { stream Unlimited status doing }\ninitiative G { stream Unlimited status doing }'
            }
        }));
    it('lists the work in progress in its message', async () => {
        const [message] = await messagesOf('wip-exceeded', { 'a.eos': 'stream S { wip 0 }\ninitiative X { stream S status doing }' });
        expect(message).toContain("Value stream 'S' has 1 doing (X), over its WIP limit of 0 — finish or stop one first, or raise `wip`.");
    });
});

describe('stalled-initiative', () => {
    it('is reported when a doing initiative was updated longer ago than stalledAfterDays', () =>
        expectCodeAtMarkers('stalled-initiative', {
            name: 'trigger',
            today: '2026-03-01',
            files: { 'a.eos': 'initiative <|Old|> { status doing updated 2026-01-29 }' }
        }));
    it('is not reported on the 30th day, for work not doing, or without an updated date', () =>
        expectCodeAtMarkers('stalled-initiative', {
            name: 'near miss',
            today: '2026-03-01',
            files: { 'a.eos': 'initiative Fresh { status doing updated 2026-01-30 }\ninitiative Done { status done updated 2025-01-01 }\ninitiative Undated { status doing }' }
        }));
    it('follows stalledAfterDays from the config', async () => {
        const files = { 'a.eos': 'initiative Old { status doing updated 2026-02-20 }' };
        const strict = await buildWorkspace(files, { today: '2026-03-01', config: { stalledAfterDays: 5, diagnostics: {} } });
        expect(strict.diagnostics('a.eos').map(d => d.code)).toContain('stalled-initiative');
        const lenient = await buildWorkspace(files, { today: '2026-03-01' });
        expect(lenient.diagnostics('a.eos').map(d => d.code)).not.toContain('stalled-initiative');
    });
});

describe('doing-without-date', () => {
    it('is reported on a doing initiative with neither started nor updated, on its name', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'initiative Undated "Show the fees" {\n  status doing\n}\ninitiative Bare { status doing }' });
        const found = ws.diagnostics('a.eos').filter(d => d.code === 'doing-without-date');
        expect(found.map(describeDiagnostic)).toEqual(['doing-without-date@1:11-1:18', 'doing-without-date@4:11-4:15']);
        expect(found[0].severity).toBe(3);
        expect(found[0].message).toBe(
            "Initiative 'Undated' is doing but has no date — add `started <YYYY-MM-DD>` (when work began) and `updated <YYYY-MM-DD>` when the card moves."
        );
    });
    it('is not reported with either date, or on cards that are not doing', () =>
        expectCodeAtMarkers('doing-without-date', {
            name: 'near miss',
            files: {
                'a.eos':
                    'initiative Started { status doing started 2026-02-02 }\ninitiative Updated { status doing updated 2026-02-20 }\ninitiative Ready { status ready }\ninitiative Done { status done }\ninitiative NoStatus'
            }
        }));
});

describe('bet-without-hypothesis', () => {
    it('is reported on a bet with no or a blank hypothesis', () =>
        expectCodeAtMarkers('bet-without-hypothesis', {
            name: 'trigger',
            files: { 'a.eos': 'bet <|Hunch|> "x" { serves T }\nbet <|Blank|> { hypothesis "  " }\nbet <|Bare|>\ntheme T' }
        }));
    it('is not reported with a hypothesis', () =>
        expectCodeAtMarkers('bet-without-hypothesis', {
            name: 'near miss',
            files: { 'a.eos': 'bet Clear { hypothesis "If we …, we expect …" }' }
        }));
});

describe('contradicted-bet', () => {
    it('is reported when the latest evidence, by date, contradicts a live bet', () =>
        expectCodeAtMarkers('contradicted-bet', {
            name: 'trigger',
            files: { 'a.eos': 'bet <|Shaky|> {\n  evidence 2026-03-01 contradicts "churn rose"\n  evidence 2026-01-01 supports "pilot fine"\n}' }
        }));
    it('is not reported when later evidence supports it, or the bet is stopped or invalidated', () =>
        expectCodeAtMarkers('contradicted-bet', {
            name: 'near miss',
            files: {
                'a.eos':
                    'bet Recovered {\n  evidence 2026-01-01 contradicts "x"\n  evidence 2026-02-01 supports "y"\n}\nbet Dropped { status stopped evidence 2026-01-01 contradicts "x" }\nbet Refuted { status invalidated evidence 2026-01-01 contradicts "x" }'
            }
        }));
});
