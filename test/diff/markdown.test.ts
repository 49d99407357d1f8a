/**
 * The pull-request comment: rendered with micromark and its GFM extension (the CommonMark + GFM
 * spec GitHub follows, autolink literals included) to check what a reviewer would see — and that
 * no title, name or message can add a link, a mention, an image or HTML to it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { diffStates } from '../../src/diff/model-diff.js';
import { formatDiffMarkdown, mdText } from '../../src/diff/format.js';
import { loadStates } from '../../src/diff/load-states.js';
import type { WorkspaceTexts } from '../../src/diff/sources.js';

// Raw HTML passes through, as GitHub lets (sanitised) HTML into comments: escaping must be ours.
const render = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** The text a reader sees: tags dropped, entities decoded, zero-width spaces removed. */
function visible(html: string): string {
    return html
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\u200B/g, '');
}

async function diffOf(before: Record<string, string>, after: Record<string, string>, labels = ['main', 'feature']) {
    const side = (label: string, files: Record<string, string>): WorkspaceTexts => ({ label, files: new Map(Object.entries(files)) });
    const [a, b] = await loadStates(side(labels[0], before), side(labels[1], after), { root: '/workspace', today: '2026-03-01' });
    return diffStates(a, b);
}

const HOSTILE = [
    '[click me](https://evil.example/x)',
    '<img src=x onerror=alert(1)>',
    'see https://evil.example and www.evil.example',
    'ping @octocat and #123',
    'mail admin@evil.example',
    '![pixel](https://evil.example/p.png)',
    '**bold** _it_ `code` | pipe',
    '<script>alert(1)</script>',
    'javascript:alert(1)'
];

describe('eos diff --format markdown', () => {
    it('user text cannot inject links, mentions, images or HTML', async () => {
        const before = { 'a.eos': 'theme T "Theme" {}\n' };
        const after = {
            'a.eos': 'theme T "Theme" {}\n' + HOSTILE.map((title, i) => `bet B${i} ${JSON.stringify(title)} { serves T hypothesis ${JSON.stringify(title)} }\n`).join(''),
            'weird [x](http://e.example) @me.eos': 'team Crew "Crew" {}\n'
        };
        const diff = await diffOf(before, after, ['main', '[evil](https://evil.example) @octocat']);
        const markdown = formatDiffMarkdown(diff);
        const html = render(markdown);
        expect(html).not.toMatch(/<a\b/);
        expect(html).not.toMatch(/<img\b/);
        expect(html).not.toMatch(/<script\b/);
        expect(html).not.toMatch(/<(em|code)>(bold|it|code)/);
        // Every title is there, as the text it is.
        const text = visible(html);
        for (const title of HOSTILE) expect(text).toContain(title);
        expect(text).toContain('weird [x](http://e.example) @me.eos');
        expect(text).toContain('[evil](https://evil.example) @octocat');
    });

    it('renders the change list grouped by theme, with findings and WIP tables', async () => {
        const strategy =
            'theme Growth "Grow" {}\ntheme Keep "Keep customers" {}\nstream Pay "Payments" { wip 1 }\n' +
            'bet A "Bet A" { serves Keep hypothesis "h" }\nbet G "Bet G" { serves Growth hypothesis "h" }\n';
        const before = { 's.eos': strategy, 't.eos': 'initiative I "I" { bet A stream Pay status doing }\nokr O "O" { supports A kr K "K" from 10% to 80% current 20% }\n' };
        const after = {
            's.eos': strategy,
            't.eos':
                'initiative I "I" { bet G stream Pay status doing }\ninitiative J "J" { stream Pay status doing }\nokr O "O" { supports A kr K "K" from 10% to 60% current 20% }\n'
        };
        const diff = await diffOf(before, after);
        const html = render(formatDiffMarkdown(diff));
        // Headings in theme order, each change a list item under its theme.
        expect([...html.matchAll(/<h4>(.*?)<\/h4>/g)].map(m => visible(m[1]))).toEqual([
            'Theme: Grow (Growth)',
            'Theme: Keep customers (Keep)',
            'Under no theme',
            'Findings introduced (3)',
            'Findings resolved (1)',
            'Work in progress'
        ]);
        const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(m => visible(m[1]).replace(/\s+/g, ' ').trim());
        expect(items).toEqual(
            [
                // An item's field changes are its nested list.
                'Changed initiative I “I” · t.eos:1 bet: A → G',
                'Changed key result O.K “K” · t.eos:3 target: 80% → 60% (lowered)',
                'Added initiative J “J” · t.eos:2'
            ].map(s => s.replace(/^(Changed|Added)/, m => (m === 'Changed' ? '🟡 Changed' : '🟢 Added')))
        );
        const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(m =>
            [...m[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(r => [...r[1].matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map(c => visible(c[1])))
        );
        expect(tables[0].map(row => row.slice(0, 3))).toEqual([
            ['severity', 'code', 'where'],
            ['warning', 'wip-exceeded', 's.eos:3'],
            ['warning', 'orphan-initiative', 't.eos:2'],
            ['info', 'unfunded-bet', 's.eos:4']
        ]);
        // Bet G now has an initiative; bet A lost its only one.
        expect(tables[1].slice(1).map(row => row.slice(0, 3))).toEqual([['info', 'unfunded-bet', 's.eos:5']]);
        expect(tables[2]).toEqual([
            ['value stream', 'before', 'after', ''],
            ['Pay Payments', '1 doing / limit 1', '2 doing / limit 1', 'now over its limit']
        ]);
        expect(html.startsWith('<!-- eos-diff -->')).toBe(true);
    });

    it('docs/diff.md shows the comment this version writes for its example', async () => {
        const docs = fs.readFileSync(path.resolve(__dirname, '../../docs/diff.md'), 'utf8');
        const block = (name: string) => {
            const match = new RegExp(`<!-- ${name} -->\\n\`\`\`(?:eos|markdown)\\n([\\s\\S]*?)\`\`\``).exec(docs);
            expect(match, `docs/diff.md has a block marked <!-- ${name} -->`).toBeTruthy();
            return match![1];
        };
        const diff = await diffOf({ 'strategy.eos': block('example-before') }, { 'strategy.eos': block('example-after') });
        const markdown = formatDiffMarkdown(diff);
        expect(block('example-comment')).toBe(markdown);
        // …and the page also shows it as GitHub renders it: the same Markdown, outside a code block.
        expect(docs).toContain(`<!-- rendered -->\n${markdown.slice(markdown.indexOf('\n') + 1)}`);
    });

    it('mdText leaves ordinary text readable', () => {
        expect(mdText('Reduce churn by 5% (Q1): finish KYC')).toBe('Reduce churn by 5% \\(Q1\\): finish KYC');
    });
});
