/**
 * The one set of element templates: served by completion (the extension contributes no snippet
 * file, so VS Code lists each kind once), and each one, tabbed through without typing, gives EOS
 * whose only complaints are the numbers a strategist has to supply.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { elementTemplates } from '../../../src/language/editing/element-templates.js';
import { previewOf } from '../../../src/language/lsp/eos-completion-provider.js';
import { buildWorkspace } from '../../helpers.js';

const names: Record<string, string[]> = {
    vision: ['PrimaryBank'],
    theme: ['Retention'],
    bet: ['EarlyExperience'],
    stream: ['Onboarding'],
    team: ['Crew', 'Growth'],
    value: ['Trust'],
    authority: ['ApiDesign'],
    initiative: ['Wizard'],
    tenet: ['ReliabilityFirst']
};
const existing =
    'vision PrimaryBank "v"\ntheme Retention "t" { vision PrimaryBank }\nbet EarlyExperience "b" { serves Retention }\nstream Onboarding "s"\nteam Growth "g" { level division }\nteam Crew "c" { level crew parent Growth }\nvalue Trust "t"\n' +
    'authority ApiDesign "a" { decided by level crew }\ninitiative Wizard "w" { bet EarlyExperience }\n' +
    'tenet ReliabilityFirst { when "w" choose "a" over "b" because "c" upholds Trust }\n';

describe('element templates', () => {
    const templates = elementTemplates({ today: '2026-12-04', namesOf: kind => names[kind] ?? [] });

    it('are the only snippets: the extension contributes no snippet file', () => {
        const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
        expect(manifest.contributes.snippets).toBeUndefined();
        expect(fs.existsSync('snippets')).toBe(false);
        expect(templates.map(t => t.keyword).sort()).toEqual([
            'authority',
            'bet',
            'decision',
            'evidence',
            'initiative',
            'kr',
            'okr',
            'practice',
            'stream',
            'team',
            'tenet',
            'theme',
            'value',
            'vision'
        ]);
    });

    it.each(elementTemplates({ today: '2026-12-04', namesOf: kind => names[kind] ?? [] }).map(t => [t.keyword, t] as const))(
        '%s tabbed through is EOS; only numbers left to write are errors',
        async (keyword, template) => {
            const expanded = previewOf(template.body);
            expect(expanded).not.toMatch(/\$/);
            const text = keyword === 'kr' ? `okr O {\n${expanded}\n}` : keyword === 'evidence' ? `bet B {\n  ${expanded}\n}` : expanded;
            const ws = await buildWorkspace({ 'existing.eos': existing, 'template.eos': text });
            const diagnostics = ws.diagnostics('template.eos');
            const errors = diagnostics.filter(d => d.code === 'syntax' || d.code === 'invalid-period');
            // The placeholders `baseline` and `target` stand where numbers must be written.
            expect(
                errors.map(d => d.message),
                text
            ).toEqual(
                /from baseline to target/.test(text)
                    ? [
                          '`baseline` is not a figure: write a number such as 40, 40%, 12 days, 6,200, £1.9m or 15:40.',
                          '`target` is not a figure: write a number such as 40, 40%, 12 days, 6,200, £1.9m or 15:40.'
                      ]
                    : []
            );
            // A name left as its kind (`Team` where there are several teams) is an unresolved name, never a guess.
            const unresolved = diagnostics.filter(d => d.code === 'unresolved-reference').map(d => (d.data as { name: string }).name);
            for (const name of unresolved) expect(name, text).toMatch(/^[A-Z][a-z]+$/);
            expect(unresolved).not.toContain('PrimaryBank');
        }
    );
});
