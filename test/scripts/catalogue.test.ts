/**
 * The files generated from the diagnostic catalogue are committed; they must be what the
 * catalogue generates today, or the editor settings and the config schema lag behind the codes.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DIAGNOSTIC_CODES } from '../../src/language/validation/codes.js';
import { GENERATE_COMMAND, GENERATED_FILES, generatedConfigSchema, generatedManifest } from '../../scripts/catalogue.js';

describe('files generated from the diagnostic catalogue', () => {
    it.each(GENERATED_FILES.map(([file, generate]) => [file, generate] as const))('%s is up to date', (file, generate) => {
        const committed = fs.readFileSync(file, 'utf8');
        expect(committed === generate(committed), `${file} is stale: run \`${GENERATE_COMMAND}\` and commit the result`).toBe(true);
    });

    it('generates a setting and a schema entry for a code from its catalogue entry alone', () => {
        const manifest = JSON.parse(generatedManifest(JSON.stringify({ contributes: { configuration: { properties: { 'eos.diagnostics': { type: 'object' } } } } })));
        const settings = manifest.contributes.configuration.properties['eos.diagnostics'];
        expect(settings.type).toBe('object');
        expect(Object.keys(settings.properties)).toEqual(DIAGNOSTIC_CODES);
        expect(settings.properties['orphan-bet']).toEqual({
            type: 'string',
            enum: ['default', 'error', 'warning', 'info', 'hint', 'off'],
            default: 'default',
            markdownDescription: `${CATALOGUE['orphan-bet'].summary} Default severity: \`warning\`.`
        });
        const schema = JSON.parse(generatedConfigSchema(JSON.stringify({ properties: { diagnostics: { additionalProperties: false } } })));
        expect(schema.properties.diagnostics.additionalProperties).toBe(false);
        expect(schema.properties.diagnostics.properties['syntax']).toEqual({
            enum: ['error', 'warning', 'info', 'hint', 'off'],
            description: `${CATALOGUE.syntax.summary} Default: error.`
        });
    });

    it('names the place it cannot find', () => {
        expect(() => generatedConfigSchema('{ "properties": {} }')).toThrow(/properties\.diagnostics/);
    });
});
