/**
 * Issue 13, defect 12: what a reader sees of a title is what was written. Bare web addresses in
 * the Markdown report stay working links with exactly their characters; characters that reorder
 * or hide text (bidi overrides and isolates, zero-width spaces, controls, ESC) are shown as
 * `\u{…}` in every output — the SVG of the preview and of `eos export svg`, the site's HTML, the
 * Markdown report and the terminal — by one rule (src/shared/visible-text.ts).
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { visibleLine, visibleText } from '../../src/shared/visible-text.js';
import { diagramOf } from '../diagram/diagram-fixtures.js';
import { siteOf } from '../site/site-fixtures.js';
import { runCliCaptured, withTempFolder } from '../fuzz/cli-probe.js';

const render = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map(m => m[1].replace(/&amp;/g, '&'));

const URLS =
    'vision V "Docs at https://example.com/a_b(c)?q=1&r=2#x."\n' +
    'theme T "See www.example.com/road_map, then stop" { vision V }\n' +
    'bet B "b" { serves T hypothesis "As (https://en.wikipedia.org/wiki/Bet_(game)) says." }\n';

/** Every character that would reorder or hide text, once each, in a title. */
const HIDING = [
    '\u202A',
    '\u202B',
    '\u202C',
    '\u202D',
    '\u202E',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200B',
    '\u200E',
    '\u200F',
    '\u2060',
    '\uFEFF',
    '\u001B',
    '\u0007',
    '\u0085',
    '\u009B'
];
const TRICK = 'Grow \u202Eexe.gnp\u202C safely\u200B \u2067now\u2069 \u001B[31mred';
const TRICK_SEEN = 'Grow \\u{202e}exe.gnp\\u{202c} safely\\u{200b} \\u{2067}now\\u{2069} \\u{1b}[31mred';
const eosString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const TRICKY = `vision V ${eosString(TRICK)}\ntheme T ${eosString('All ' + HIDING.join('|'))} { vision V }\nbet B "b" { serves T hypothesis ${eosString(TRICK)} }\n`;
// eslint-disable-next-line no-control-regex -- what must never reach a reader raw
const RAW_HIDING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

async function exportOf(text: string, format: 'markdown' | 'svg'): Promise<string> {
    return withTempFolder([{ path: 'strategy.eos', content: text }], async folder => {
        const run = await runCliCaptured(['export', '.', '--format', format, '--today', '2026-03-01'], folder);
        expect(run.code).toBe(0);
        return run.stdout;
    });
}

describe('bare web addresses in the Markdown report', () => {
    it('become links with exactly the address written, the sentence punctuation left outside', async () => {
        const report = await exportOf(URLS, 'markdown');
        const lines = report.split('\n');
        expect(lines).toContain('**Docs at <https://example.com/a_b(c)?q=1&r=2#x>.** (`V`)');
        expect(lines).toContain('### See [www.example.com/road\\_map](<https://www.example.com/road_map>), then stop (`T`)');
        expect(lines).toContain('  - _Hypothesis:_ As \\(<https://en.wikipedia.org/wiki/Bet_(game)>\\) says.');
        const html = render(report);
        expect(hrefs(html)).toEqual(['https://example.com/a_b(c)?q=1&r=2#x', 'https://www.example.com/road_map', 'https://en.wikipedia.org/wiki/Bet_(game)']);
        expect(html).toContain('<h3>See <a href="https://www.example.com/road_map">www.example.com/road_map</a>, then stop (<code>T</code>)</h3>');
        expect(html).not.toContain('\\');
    });

    it('leave other schemes as plain text (no javascript: link) and escape Markdown around the address', async () => {
        const report = await exportOf('vision V "*bold* javascript:alert(1) and https://ok.example/_x_ [y](z)"\n', 'markdown');
        expect(report).toContain('**\\*bold\\* javascript:alert\\(1\\) and <https://ok.example/_x_> \\[y\\]\\(z\\)** (`V`)');
        expect(hrefs(render(report))).toEqual(['https://ok.example/_x_']);
    });
});

describe('characters that reorder or hide text', () => {
    it('are one rule: shown as \\u{…}; line breaks kept except on one-line output; joiners Persian and emoji need kept', () => {
        expect(visibleText(TRICK)).toBe(TRICK_SEEN);
        for (const ch of HIDING) expect(visibleText(ch)).toBe(`\\u{${ch.charCodeAt(0).toString(16)}}`);
        expect(visibleText('a\nb\tc')).toBe('a\nb\tc');
        expect(visibleLine('a\nb\tc')).toBe('a\\u{a}b\\u{9}c');
        expect(visibleText('می\u200Cخواهم 👩\u200D💻 \ud83d')).toBe('می\u200Cخواهم 👩\u200D💻 \\u{d83d}');
    });

    it('are shown, never applied, in the preview SVG, in the boxes and their tooltips', async () => {
        const { result } = await diagramOf({ 'strategy.eos': TRICKY });
        expect(result.svg).not.toMatch(RAW_HIDING);
        expect(result.svg).toContain('\\u{202e}exe.gnp\\u{202c}');
        expect(result.svg).toContain(`<title>${TRICK_SEEN}\nvision V</title>`);
    });

    it('are shown in the exported SVG and the Markdown report', async () => {
        const svg = await exportOf(TRICKY, 'svg');
        expect(svg).not.toMatch(RAW_HIDING);
        expect(svg).toContain('\\u{202e}exe.gnp\\u{202c}');
        const report = await exportOf(TRICKY, 'markdown');
        expect(report).not.toMatch(RAW_HIDING);
        // Markdown escapes the braces of the escape; rendered, the reader sees it as written.
        expect(report).toContain('**Grow \\\\u\\{202e\\}exe.gnp\\\\u\\{202c\\} safely');
        expect(render(report)).toContain(`<strong>${TRICK_SEEN}</strong>`);
    });

    it('are shown on the site pages', async () => {
        const files = await siteOf({ 'strategy.eos': TRICKY });
        const pages = [...files.entries()].filter(([file]) => file.endsWith('.html'));
        expect(pages.length).toBeGreaterThan(2);
        for (const [file, page] of pages) expect({ file, raw: RAW_HIDING.exec(page)?.[0] }).toEqual({ file, raw: undefined });
        const bet = pages.find(([file]) => /bet/i.test(file) && /\bB\b/.test(file))?.[1] ?? pages.map(([, page]) => page).join('\n');
        expect(bet).toContain('Grow \\u{202e}exe.gnp\\u{202c} safely');
    });

    it('are shown in the terminal, line breaks included (eos check)', async () => {
        const run = await withTempFolder([{ path: 'strategy.eos', content: 'initiative Lonely "x"\n' }], folder => runCliCaptured(['check', '.'], folder));
        expect(run.stdout).toMatch(/^strategy\.eos:1:12 warning orphan-initiative /);
        // A finding's message quoting a title with a bidi override or ESC: shown, never applied.
        const tricky = await withTempFolder([{ path: 'strategy.eos', content: `initiative Lonely ${eosString(TRICK)}\nbet B ${eosString(TRICK)}\n` }], folder =>
            runCliCaptured(['check', '.', '--today', '2026-03-01'], folder)
        );
        expect(tricky.stdout).not.toMatch(RAW_HIDING);
    });
});
