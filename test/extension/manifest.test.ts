/**
 * The extension manifest (package.json) agrees with the language: every diagnostic code has a
 * severity setting, the files it points at exist, and the grammar and language configuration are
 * what VS Code will load.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DIAGNOSTIC_CODES } from '../../src/language/validation/codes.js';
import { parseConfig } from '../../src/language/workspace/eos-config.js';

/** The parts of a contribution the tests look up by a key (package.json is read untyped). */
interface Contributed {
    id?: string;
    language?: string;
    path?: string;
    command?: string;
    fileMatch?: string;
}

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const contributes = manifest.contributes;
const properties = contributes.configuration.properties;

describe('extension manifest', () => {
    it('offers a severity setting for every diagnostic code, and only for those', () => {
        const settings = properties['eos.diagnostics'];
        expect(Object.keys(settings.properties).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
        expect(settings.additionalProperties).toBe(false);
        for (const code of DIAGNOSTIC_CODES) {
            const setting = settings.properties[code];
            expect(setting.enum, code).toEqual(['default', 'error', 'warning', 'info', 'hint', 'off']);
            expect(setting.default, code).toBe('default');
            expect(setting.markdownDescription ?? setting.description, code).toContain(CATALOGUE[code].severity);
        }
    });

    it('declares stalledAfterDays and the trace setting', () => {
        expect(properties['eos.stalledAfterDays']).toMatchObject({ type: ['integer', 'null'], minimum: 0 });
        expect(properties['eos.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
    });

    it('points at files that exist', () => {
        const language = contributes.languages.find((l: Contributed) => l.id === 'eos');
        expect(language.extensions).toEqual(['.eos']);
        for (const file of [manifest.icon, language.configuration, language.icon.light, language.icon.dark, ...contributes.grammars.map((g: Contributed) => g.path)]) {
            expect(fs.existsSync(file), file).toBe(true);
        }
        expect(manifest.main).toBe('./out/extension.cjs');
    });

    it('contributes the grammar under the scope the grammar declares', () => {
        const grammar = contributes.grammars.find((g: Contributed) => g.language === 'eos');
        const tmLanguage = JSON.parse(fs.readFileSync(grammar.path, 'utf8'));
        expect(tmLanguage.scopeName).toBe(grammar.scopeName);
    });

    it('declares every command the extension registers', () => {
        const source = fs.readFileSync('src/extension/commands.ts', 'utf8');
        const registered = [...source.matchAll(/'(eos\.[A-Za-z]+)'/g)].map(m => m[1]);
        const declared = contributes.commands.map((c: Contributed) => c.command);
        expect(registered.length).toBeGreaterThan(0);
        for (const command of registered) expect(declared, command).toContain(command);
    });

    it('indents after an opening brace and outdents on a closing one, but not for braces in comments', () => {
        const { indentationRules } = JSON.parse(fs.readFileSync('language-configuration.json', 'utf8'));
        const increase = new RegExp(indentationRules.increaseIndentPattern);
        const decrease = new RegExp(indentationRules.decreaseIndentPattern);
        expect(increase.test('bet EarlyExperience "Improve early experience" {')).toBe(true);
        expect(increase.test('stream Onboarding { wip 2 }')).toBe(false);
        expect(increase.test('// see the block {')).toBe(false);
        expect(decrease.test('  }')).toBe(true);
        expect(decrease.test('  serves Retention')).toBe(false);
    });

    it('has a word pattern that selects whole names, dates and percentages', () => {
        const configuration = JSON.parse(fs.readFileSync('language-configuration.json', 'utf8'));
        const pattern = new RegExp(configuration.wordPattern.pattern, configuration.wordPattern.flags + 'g');
        const words = '  kr Première from 40% to 65% updated 2026-01-20 period 2026-Q1'.match(pattern);
        expect(words).toEqual(['kr', 'Première', 'from', '40%', 'to', '65%', 'updated', '2026-01-20', 'period', '2026-Q1']);
    });

    it('validates eos.config.json with a schema that knows every code, as the config parser does', () => {
        const validation = contributes.jsonValidation.find((v: Contributed) => v.fileMatch === 'eos.config.json');
        const schema = JSON.parse(fs.readFileSync(validation.url, 'utf8'));
        const diagnostics = schema.properties.diagnostics;
        expect(Object.keys(diagnostics.properties).sort()).toEqual([...DIAGNOSTIC_CODES].sort());
        expect(diagnostics.additionalProperties).toBe(false);
        expect(schema.additionalProperties).toBe(false);
        // What the schema allows, the parser accepts; the keys it rejects, the parser rejects too.
        const severities: string[] = diagnostics.properties['orphan-bet'].enum;
        const allowed = { $schema: './x.json', stalledAfterDays: 0, diagnostics: Object.fromEntries(DIAGNOSTIC_CODES.map((code, i) => [code, severities[i % severities.length]])) };
        expect(() => parseConfig(JSON.stringify(allowed))).not.toThrow();
        expect(() => parseConfig(JSON.stringify({ diagnostics: { 'orphan-bet': 'fatal' } }))).toThrow(/severity/);
        expect(() => parseConfig(JSON.stringify({ stalledDays: 3 }))).toThrow(/unknown key/);
    });
});
