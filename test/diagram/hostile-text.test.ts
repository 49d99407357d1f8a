/**
 * Hostile text written in .eos files (titles, hypotheses, evidence, doc comments, key results)
 * reaches the preview only as text: the SVG the server draws, the Kanban HTML the webview inserts
 * (both end up in `innerHTML`) and the SVG `eos export` writes. The page's CSP runs no script
 * without the nonce and loads nothing remote.
 */
import fc from 'fast-check';
import { parseDocument as parseHtml } from 'htmlparser2';
import { type Element as HtmlElement, isTag } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { makeNonce, webviewHtml } from '../../src/extension/preview/webview-html.js';
import { renderKanbanHtml } from '../../src/diagram/kanban-html.js';
import { runCliCaptured, withTempFolder } from '../fuzz/cli-probe.js';
import { diagramOf } from './diagram-fixtures.js';
import { parseXml, type XmlElement } from './xml.js';

/** Each is a way out of an SVG/HTML text context. EOS strings escape `"` as `\"`. */
const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(2)>',
    '"><svg onload=alert(3)>',
    "' onmouseover='alert(4)",
    ']]><script>alert(5)</script>',
    '&amp; &lt;b&gt; &#60;script&#62;',
    '<!-- x --> <![CDATA[ y ]]>',
    '<foreignObject><iframe src="https://evil.example"/></foreignObject>',
    '<a href="javascript:alert(6)">x</a>',
    '<style>@import url(https://evil.example/x.css)</style>',
    '\u202egnp.exe',
    '😀 \u200b \ufeff'
];

const eosString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A small strategy whose every free text is hostile; every tree kind and a Kanban card included. */
function hostileStrategy(texts: readonly string[]): Record<string, string> {
    const t = (i: number) => texts[i % texts.length];
    return {
        'strategy.eos': `/** ${t(0).replace(/\*\//g, '* /')} */
vision North ${eosString(t(1))}
theme Grow ${eosString(t(2))} { vision North }
stream Web ${eosString(t(3))} { wip 1 }
bet Bold ${eosString(t(4))} {
  serves Grow
  hypothesis ${eosString(t(5))}
  streams Web
  evidence 2026-01-02 contradicts ${eosString(t(6))}
}
/** ${t(7).replace(/\*\//g, '* /')} */
initiative Try ${eosString(t(8))} { bet Bold stream Web status doing updated 2026-01-01 hypothesis ${eosString(t(9))} }
initiative Orphan ${eosString(t(10))} { stream Web status doing }
okr Aim ${eosString(t(11))} { supports Bold kr Up ${eosString(t(0))} from 1 to 2 current 1 }
`
    };
}

const SCRIPTABLE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'object', 'embed', 'link', 'use', 'image', 'img', 'a', 'svg:script', 'animate', 'set']);

/** What would run or load something, in a parsed SVG. */
function svgDangers(elements: readonly XmlElement[]): string[] {
    const dangers: string[] = [];
    for (const element of elements) {
        const name = element.name.toLowerCase();
        if (SCRIPTABLE_ELEMENTS.has(name)) dangers.push(`<${element.name}>`);
        // The exported file embeds the diagram's own stylesheet; it must not load anything.
        if (name === 'style' && /url\s*\(|@import|https?:/i.test(element.text)) dangers.push(`<style> ${element.text.slice(0, 80)}`);
        for (const [attribute, value] of Object.entries(element.attributes)) {
            if (/^on/i.test(attribute)) dangers.push(`${element.name} ${attribute}`);
            if (/href$/i.test(attribute) || /^src$/i.test(attribute)) dangers.push(`${element.name} ${attribute}=${value}`);
            if (/^style$/i.test(attribute) && /url\s*\(|javascript:|https?:/i.test(value)) dangers.push(`${element.name} ${attribute}=${value}`);
        }
    }
    return dangers;
}

function htmlDangers(html: string): string[] {
    const dangers: string[] = [];
    const visit = (node: { children?: unknown[] }) => {
        for (const child of (node.children ?? []) as HtmlElement[]) {
            if (!isTag(child)) continue;
            const name = child.name.toLowerCase();
            if (SCRIPTABLE_ELEMENTS.has(name) || name === 'svg') dangers.push(`<${name}>`);
            for (const [attribute, value] of Object.entries(child.attribs)) {
                if (/^on/i.test(attribute) || /^(href|src|srcset|style|formaction)$/i.test(attribute)) dangers.push(`${name} ${attribute}=${value}`);
            }
            visit(child);
        }
    };
    visit(parseHtml(html));
    return dangers;
}

const allText = (elements: readonly XmlElement[]) => elements.map(e => e.text).join('\n');

describe('hostile text in the preview and in exported SVG', () => {
    it('comes out of the diagram request as text: well-formed SVG, nothing that runs or loads', async () => {
        const { result } = await diagramOf(hostileStrategy(HOSTILE));
        expect(result.error).toBeUndefined();
        const elements = parseXml(result.svg);
        expect(svgDangers(elements)).toEqual([]);
        // The texts are drawn (possibly truncated or wrapped), and in full in tooltips.
        const text = allText(elements);
        for (const hostile of [HOSTILE[1], HOSTILE[2], HOSTILE[4]]) expect(text).toContain(hostile);
    });

    it('comes out of the Kanban board as text', async () => {
        const { result } = await diagramOf(hostileStrategy(HOSTILE));
        const html = renderKanbanHtml(result.kanban as Parameters<typeof renderKanbanHtml>[0]);
        expect(result.kanban.cards).toBeGreaterThan(0);
        expect(htmlDangers(html)).toEqual([]);
        expect(parseHtml(html).children.length).toBeGreaterThan(0);
        expect(html).not.toContain('<script');
    });

    it('comes out of `eos export --format svg` as text', async () => {
        await withTempFolder([{ path: 'strategy.eos', content: hostileStrategy(HOSTILE)['strategy.eos'] }], async folder => {
            const run = await runCliCaptured(['export', '.', '--format', 'svg', '--today', '2026-03-01'], folder);
            expect(run.stderr).toBe('');
            expect(run.code).toBe(0);
            const elements = parseXml(run.stdout);
            expect(svgDangers(elements)).toEqual([]);
            expect(allText(elements)).toContain(HOSTILE[0].slice(0, 8));
        });
    });

    it('holds for any text: random strings with markup fragments, as every title at once', async () => {
        const fragment = fc.oneof(
            fc.constantFrom(...HOSTILE, '<', '>', '&', '"', "'", ']]>', '</text>', '<![CDATA[', '\u0000', '\u0008', '\ud800'),
            fc.string({ unit: 'binary', maxLength: 8 })
        );
        const text = fc.array(fragment, { minLength: 1, maxLength: 6 }).map(parts => parts.join('').replace(/[\r\n]/g, ' '));
        await fc.assert(
            fc.asyncProperty(fc.array(text, { minLength: 12, maxLength: 12 }), async texts => {
                const { result } = await diagramOf(hostileStrategy(texts));
                expect(result.error).toBeUndefined();
                expect(svgDangers(parseXml(result.svg))).toEqual([]);
                expect(htmlDangers(renderKanbanHtml(result.kanban as Parameters<typeof renderKanbanHtml>[0]))).toEqual([]);
            }),
            { seed: 20260301, numRuns: 25 }
        );
    }, 120_000);
});

describe('the preview page', () => {
    const nonce = makeNonce();
    const html = webviewHtml({
        cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
        nonce,
        scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/out/webview.js',
        styleUri: 'https://file+.vscode-resource.vscode-cdn.net/out/webview.css'
    });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
    const directives = new Map(
        csp
            .split(';')
            .map(d => d.trim().split(/\s+/))
            .map(([name, ...values]) => [name, values])
    );

    it('runs only scripts carrying the nonce: no inline or eval, no host allowed', () => {
        expect(directives.get('default-src')).toEqual(["'none'"]);
        expect(directives.get('script-src')).toEqual([`'nonce-${nonce}'`]);
        for (const values of directives.values()) {
            expect(values).not.toContain("'unsafe-inline'");
            expect(values).not.toContain("'unsafe-eval'");
            expect(values).not.toContain('*');
        }
        const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map(m => m[1]);
        expect(scripts.length).toBeGreaterThan(0);
        for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    });

    it('loads nothing remote: every source is the extension itself, blob: or data:', () => {
        for (const [name, values] of directives) {
            if (name === 'default-src' || name === 'script-src') continue;
            for (const value of values) {
                expect(["'none'", "'self'", 'https://file+.vscode-resource.vscode-cdn.net', 'blob:', 'data:', `'nonce-${nonce}'`], `${name} ${value}`).toContain(value);
            }
        }
        // No connect-src: fetch and WebSocket fall back to default-src 'none'.
        expect(directives.has('connect-src')).toBe(false);
        const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map(m => m[1]);
        for (const url of urls) expect(url.startsWith('https://file+.vscode-resource.vscode-cdn.net/')).toBe(true);
    });

    it('gets a fresh unguessable nonce per page', () => {
        const nonces = new Set(Array.from({ length: 100 }, makeNonce));
        expect(nonces.size).toBe(100);
        for (const n of nonces) expect(n).toMatch(/^[0-9a-f]{32,}$/);
    });
});
