/**
 * The files generated from the diagnostic catalogue (src/language/validation/codes.ts): the
 * editor's per-code severity settings in package.json (`eos.diagnostics`) and the code list of
 * `schemas/eos.config.schema.json`. Pure: `npm run generate:catalogue` writes what these return,
 * and test/scripts/catalogue.test.ts fails when the committed files differ from it.
 */
import { CATALOGUE, DIAGNOSTIC_CODES, SEVERITY_OVERRIDES } from '../src/language/validation/codes.js';

export const MANIFEST_FILE = 'package.json';
export const CONFIG_SCHEMA_FILE = 'schemas/eos.config.schema.json';
export const GENERATE_COMMAND = 'npm run generate:catalogue';

type Json = Record<string, unknown>;

/** `package.json` with `contributes.configuration.properties["eos.diagnostics"].properties` generated. */
export function generatedManifest(text: string): string {
    const manifest = JSON.parse(text) as Json;
    const settings = path(manifest, ['contributes', 'configuration', 'properties', 'eos.diagnostics']);
    settings.properties = Object.fromEntries(
        DIAGNOSTIC_CODES.map(code => [
            code,
            {
                type: 'string',
                enum: ['default', ...SEVERITY_OVERRIDES],
                default: 'default',
                markdownDescription: `${CATALOGUE[code].summary} Default severity: \`${CATALOGUE[code].severity}\`.`
            }
        ])
    );
    return json(manifest);
}

/** The config schema with `properties.diagnostics.properties` generated. */
export function generatedConfigSchema(text: string): string {
    const schema = JSON.parse(text) as Json;
    const diagnostics = path(schema, ['properties', 'diagnostics']);
    diagnostics.properties = Object.fromEntries(
        DIAGNOSTIC_CODES.map(code => [
            code,
            {
                enum: [...SEVERITY_OVERRIDES],
                description: `${CATALOGUE[code].summary} Default: ${CATALOGUE[code].severity}.`
            }
        ])
    );
    return json(schema);
}

/** Every generated file: its path and the function that gives its content from its current text. */
export const GENERATED_FILES: ReadonlyArray<readonly [string, (text: string) => string]> = [
    [MANIFEST_FILE, generatedManifest],
    [CONFIG_SCHEMA_FILE, generatedConfigSchema]
];

function path(root: Json, keys: readonly string[]): Json {
    let node = root;
    for (const key of keys) {
        const next = node[key];
        if (typeof next !== 'object' || next === null) throw new Error(`missing "${keys.join('.')}" (at "${key}")`);
        node = next as Json;
    }
    return node;
}

/** As npm and the committed files write JSON: two spaces, a final newline. */
function json(value: unknown): string {
    return JSON.stringify(value, null, 2) + '\n';
}
