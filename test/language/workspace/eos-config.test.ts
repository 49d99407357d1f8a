import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { CATALOGUE, type DiagnosticCode } from '../../../src/language/validation/codes.js';
import { ConfigError, parseConfig } from '../../../src/language/workspace/eos-config.js';
import { buildWorkspace } from '../../helpers.js';

const LSP: Record<string, DiagnosticSeverity> = { error: 1, warning: 2, info: 3, hint: 4 };

const faulty = {
    'a.eos': [
        'initiative Orphan { status doing stream S updated 2025-01-01 }',
        'stream S { wip 0 }',
        'bet Floating',
        'theme Alone',
        'okr Lonely',
        'okr O { supports Floating kr K from 1 to 1 kr Vague }',
        'value Slogan',
        'tenet T { when "x" choose "a" over "a" }',
        'tenet U { when "y" choose "a" over "b" }',
        'tenet W { when "y" choose "b" over "a" }',
        'initiative I { bet Missing }',
        'okr P { period 2026-Q9 kr K from 1 to 2 }'
    ].join('\n')
};

describe('severities', () => {
    it('reports each code with its catalogue severity by default', async () => {
        const ws = await buildWorkspace(faulty, { today: '2026-03-01' });
        const seen = new Map<string, DiagnosticSeverity | undefined>();
        for (const d of ws.diagnostics('a.eos')) seen.set(String(d.code), d.severity);
        expect(seen.size).toBeGreaterThanOrEqual(15);
        for (const [code, severity] of seen) {
            expect(severity, code).toBe(LSP[CATALOGUE[code as DiagnosticCode].severity]);
        }
    });

    it('applies overrides from eos.config.json, including off', async () => {
        const config = parseConfig(JSON.stringify({ diagnostics: { 'orphan-initiative': 'error', 'unfunded-bet': 'off', 'syntax': 'warning' } }));
        const ws = await buildWorkspace({ ...faulty, 'b.eos': 'bet {' }, { today: '2026-03-01', config });
        const codes = ws.all().map(d => [String(d.code), d.severity]);
        expect(codes).toContainEqual(['orphan-initiative', DiagnosticSeverity.Error]);
        expect(codes.some(([code]) => code === 'unfunded-bet')).toBe(false);
        expect(codes).toContainEqual(['syntax', DiagnosticSeverity.Warning]);
    });

    it('lets the config file win over editor settings, and settings fill in the rest', async () => {
        const ws = await buildWorkspace(
            { 'a.eos': 'bet Floating { hypothesis "h" }\ninitiative Orphan' },
            {
                config: { diagnostics: { 'orphan-bet': 'hint' } }
            }
        );
        const strategy = ws.services.eos.StrategyWorkspace;
        strategy.editorDiagnostics = { 'orphan-bet': 'error', 'orphan-initiative': 'off' };
        const validator = ws.services.validation.DocumentValidator;
        const diagnostics = await validator.validateDocument(ws.documents.get('a.eos')!);
        const byCode = new Map(diagnostics.map(d => [String(d.code), d.severity]));
        expect(byCode.get('orphan-bet')).toBe(DiagnosticSeverity.Hint);
        expect(byCode.has('orphan-initiative')).toBe(false);
    });
});

describe('parseConfig', () => {
    it('reads stalledAfterDays and diagnostics', () => {
        expect(parseConfig('{ "stalledAfterDays": 14, "diagnostics": { "kr-no-change": "info" } }')).toEqual({ stalledAfterDays: 14, diagnostics: { 'kr-no-change': 'info' } });
        expect(parseConfig('\uFEFF{}')).toEqual({ diagnostics: {} });
    });
    it.each([
        ['not json', /not valid JSON/],
        ['[]', /expected a JSON object/],
        ['{ "stalledAfterDays": "30" }', /whole number of days/],
        ['{ "stalledAfterDays": -1 }', /whole number of days/],
        ['{ "diagnostics": { "orphan": "off" } }', /unknown diagnostic code "orphan".*did you mean "orphan-initiative"/],
        ['{ "diagnostics": { "orphan-bet": "loud" } }', /must be one of error, warning, info, hint, off/],
        ['{ "severity": {} }', /unknown key "severity"/]
    ])('rejects %s with a message naming the problem', (text, message) => {
        expect(() => parseConfig(text)).toThrow(ConfigError);
        expect(() => parseConfig(text)).toThrow(message);
    });
});
