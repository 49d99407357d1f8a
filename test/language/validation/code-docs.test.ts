/** Every diagnostic links to its code's section of docs/language.md, at the repository's address. */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeDocsUrl, LANGUAGE_DOCS_URL } from '../../../src/language/validation/code-docs.js';
import { DIAGNOSTIC_CODES } from '../../../src/language/validation/codes.js';
import { buildWorkspace } from '../../helpers.js';

describe('code descriptions', () => {
    it('point into the repository that package.json names, at a section that exists for every code', () => {
        const repository = JSON.parse(fs.readFileSync('package.json', 'utf8')).repository.url.replace(/\.git$/, '');
        expect(LANGUAGE_DOCS_URL).toBe(`${repository}/blob/main/docs/language.md`);
        const headings = new Set([...fs.readFileSync('docs/language.md', 'utf8').matchAll(/^### `([a-z-]+)`$/gm)].map(m => m[1]));
        for (const code of DIAGNOSTIC_CODES) expect(headings.has(code), code).toBe(true);
    });

    it('are on every EOS diagnostic: rules, unresolved names and syntax errors', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'initiative Lonely "x" { bet Nothing }\nokr O "o" {\n  kr K "k"\n}\nstream S { wip many }\n' });
        const diagnostics = ws.diagnostics('a.eos');
        expect(new Set(diagnostics.map(d => d.code))).toEqual(new Set(['unresolved-reference', 'unaligned-okr', 'kr-not-measurable', 'syntax']));
        for (const d of diagnostics) expect(d.codeDescription, String(d.code)).toEqual({ href: codeDocsUrl(d.code as never) });
        expect(codeDocsUrl('orphan-initiative')).toBe('https://github.com/eos-strategy/eos-strategy/blob/main/docs/language.md#orphan-initiative');
    });
});
