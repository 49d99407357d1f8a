/**
 * Every snippet, expanded with its default placeholders, is valid EOS: a strategist who accepts a
 * snippet gets no syntax error.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../helpers.js';

interface Snippet { prefix: string; body: string | string[]; description: string }

const snippets = JSON.parse(fs.readFileSync('snippets/eos.json', 'utf8')) as Record<string, Snippet>;

/** Expands a snippet the way VS Code does when the user tabs through without typing. */
export function expandSnippet(body: string | string[]): string {
    const variables: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '01' };
    let text = Array.isArray(body) ? body.join('\n') : body;
    text = text.replace(/\$([A-Z_]+)/g, (_, name: string) => variables[name] ?? '');
    // Placeholders nest (`${1:$CURRENT_YEAR-Q1}` after variables), so expand innermost first.
    for (let previous = ''; previous !== text;) {
        previous = text;
        text = text.replace(/\$\{\d+\|([^|,}]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^${}]*)\}/g, '$1');
    }
    return text.replace(/\$\d+/g, '').replace(/\t/g, '  ');
}

describe('snippets', () => {
    it('has one snippet per element kind', () => {
        const prefixes = Object.values(snippets).map(s => s.prefix);
        for (const kind of ['vision', 'theme', 'bet', 'stream', 'initiative', 'okr', 'team', 'value', 'practice', 'tenet']) {
            expect(prefixes).toContain(kind);
        }
    });

    it.each(Object.entries(snippets))('%s expands to text without syntax errors', async (_name, snippet) => {
        const expanded = expandSnippet(snippet.body);
        expect(expanded).not.toMatch(/\$/);
        // Key results and evidence live inside an element's block.
        const text = snippet.prefix === 'kr' ? `okr O {\n${expanded}\n}` : snippet.prefix === 'evidence' ? `bet B {\n${expanded}\n}` : expanded;
        const workspace = await buildWorkspace({ 'snippet.eos': text });
        const syntax = workspace.diagnostics('snippet.eos').filter(d => d.code === 'syntax' || d.code === 'invalid-period');
        expect(syntax, text).toEqual([]);
    });
});
