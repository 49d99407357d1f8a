/**
 * The static site as files: which pages exist, that every link between them lands on a page
 * (and anchor) that exists, stable addresses, what the pages say, the CSP, and escaping.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHash } from '../../src/site/html.js';
import { HOSTILE, readExample, siteOf } from './site-fixtures.js';

/** Every href of a page (attribute values, entities decoded), with the page it is on. */
function hrefsOf(html: string): string[] {
    return [...html.matchAll(/\shref="([^"]*)"/g)].map(m =>
        m[1]
            .replace(/&amp;/g, '&')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
    );
}

function idsOf(html: string): Set<string> {
    return new Set(
        [...html.matchAll(/\sid="([^"]*)"/g)].map(m =>
            m[1]
                .replace(/&amp;/g, '&')
                .replace(/&quot;/g, '"')
                .replace(/&#39;/g, "'")
        )
    );
}

function text(html: string): string {
    return html
        .replace(/<script[\s\S]*?<\/script>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ');
}

const HTML = (files: Map<string, string>) => [...files].filter(([file]) => file.endsWith('.html'));

describe('eos build: the folder site', () => {
    it('has the fixed pages, a page per element and team, the assets, and every link resolves', async () => {
        const files = await siteOf(readExample('examples/acme'));
        for (const page of [
            'index.html',
            'tree.html',
            'kanban.html',
            'findings.html',
            'glossary.html',
            'board-pack.html',
            'teams.html',
            'vision/EverydayBank.html',
            'theme/FirstNinetyDays.html',
            'bet/FrictionlessOpening.html',
            'initiative/SelfieVerification.html',
            'okr/OpeningQ1.html',
            'team/OpeningStream.html',
            'stream/AccountOpening.html',
            'assets/site.css',
            'assets/site.js',
            'assets/tree.js',
            'assets/tree-data.js',
            'assets/search-index.js'
        ]) {
            expect(files.has(page), page).toBe(true);
        }
        let checked = 0;
        for (const [page, html] of HTML(files)) {
            for (const href of hrefsOf(html)) {
                expect(href, `${page}: ${href}`).not.toMatch(/^[a-z]+:/i); // nothing absolute, nothing remote
                const [target, anchor] = href.split('#');
                const resolved = target ? path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(target))) : page;
                expect(files.has(resolved), `${page} links to missing ${href}`).toBe(true);
                if (anchor && !anchor.startsWith('focus'))
                    expect(idsOf(files.get(resolved)!).has(decodeURIComponent(anchor)), `${page} links to missing anchor ${href}`).toBe(true);
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(1000);
    });

    it('gives each element the same address in every build, whatever else changes', async () => {
        const before = await siteOf({ 'a.eos': 'vision V "V"\ntheme Growth "Growth" { vision V }\nbet Onboard "Onboard" { serves Growth }\n' });
        const after = await siteOf({
            '0.eos': 'theme Another "Another" { vision V }\nbet Zeta "Z" { serves Another }\n',
            'a.eos': 'vision V "V"\ntheme Growth "Growth renamed in its title" { vision V }\nbet Onboard "Onboard" { serves Growth }\n'
        });
        for (const page of ['theme/Growth.html', 'bet/Onboard.html', 'vision/V.html']) {
            expect(before.has(page)).toBe(true);
            expect(after.has(page)).toBe(true);
        }
        expect(text(after.get('theme/Growth.html')!)).toContain('Growth renamed in its title');
    });

    it('keeps names that differ only in case apart (case-insensitive disks), with suffixes that depend on the name only', async () => {
        const files = await siteOf({ 'a.eos': 'theme Growth "Upper"\ntheme growth "Lower"\ntheme Other "Other"\n' });
        const themes = [...files.keys()].filter(file => file.startsWith('theme/')).sort();
        expect(themes).toHaveLength(3);
        expect(themes).toContain('theme/Other.html');
        expect(new Set(themes.map(file => file.toLowerCase())).size).toBe(3);
        const again = await siteOf({ 'b.eos': 'theme growth "Lower"\n', 'a.eos': 'theme Growth "Upper"\ntheme Zed "Z"\n' });
        for (const file of themes.filter(f => f !== 'theme/Other.html')) expect(again.has(file), file).toBe(true);
    });

    it('shows an element page with trace, supporters, key results, evidence, owner and findings with their fix', async () => {
        const files = await siteOf(readExample('examples/language-md'), { today: '2026-03-01' });
        const bet = text(files.get('bet/EarlyExperience.html')!);
        expect(bet).toContain('Improve early customer experience');
        expect(bet).toContain('Hypothesis If we reduce friction in the first weeks, retention will increase');
        expect(bet).toMatch(/Evidence 2026-02-15 supports Activation in the pilot cohort rose from 40% to 52%/);
        expect(bet).toMatch(/Trace to the vision VISION .* › STRATEGIC THEME .* › Improve early customer experience/i);
        expect(bet).toMatch(/Initiatives testing it .*Guided/);
        expect(bet).toMatch(/OKRs supporting it .*Improve early customer confidence/);

        const okr = files.get('okr/EarlyConfidence.html')!;
        expect(text(okr)).toMatch(/New customers reach first value within 7 days FirstValue 48% 48% of the way from 40% to 65%/);
        expect(okr).toContain('id="kr-FirstValue"');
        // kr-not-measurable on the Friction key result, with the catalogue's fix.
        expect(text(okr)).toMatch(/warning kr-not-measurable Key result 'EarlyConfidence.Friction' has no target.* How to fix: Add from <baseline> to <target>/);

        const orphan = text(files.get('initiative/ReferralProgram.html')!);
        expect(orphan).toMatch(/warning orphan-initiative Initiative 'ReferralProgram' is linked to no bet/);
        expect(orphan).toContain(
            "Initiative 'ReferralProgram' is linked to no bet. How to fix: Add bet <Name> , or stop it. Why it matters: Work linked to no bet shows nobody which hypothesis it tests or why it is funded."
        );
        expect(orphan.split('or stop it').length - 1, 'the fix is shown once').toBe(1);
        expect(orphan.split('which hypothesis it tests').length - 1, 'the why is shown once').toBe(1);
        expect(orphan).toMatch(/links to nothing above it/);
    });

    it("lists a key result's check-ins on its OKR page, newest first, with confidence and note escaped", async () => {
        const files = await siteOf(
            {
                'okr.eos':
                    'okr Q1 "Faster onboarding" {\n  period 2026-Q1\n  kr Days "Days to first value" from 12 to 5 days\n' +
                    '    checkin 2026-01-12 11 confidence high "first week"\n    checkin 2026-02-09 9 confidence low "<b>pilot</b> slipped"\n}\n'
            },
            { today: '2026-03-01' }
        );
        const okr = files.get('okr/Q1.html')!;
        expect(text(okr)).toMatch(/Check-ins \(2\) Date Reading Confidence Note 2026-02-09 9 low <b>pilot<\/b> slipped 2026-01-12 11 high first week/);
        expect(okr).toContain('&lt;b&gt;pilot&lt;/b&gt; slipped');
        expect(okr).not.toContain('<b>pilot</b>');
    });

    it('has a page per team: its OKRs with what they support and their progress, initiatives, practices', async () => {
        const files = await siteOf(readExample('examples/acme'));
        const team = Object.entries(Object.fromEntries(files)).find(([file, html]) => file.startsWith('team/') && /Practices/.test(html) && /OKRs/.test(html));
        expect(team, 'a team with practices and OKRs').toBeDefined();
        const page = text(team![1]);
        expect(page).toMatch(/OKRs .* supports/);
        expect(page).toMatch(/Practices .* embodies/);
        const teams = text(files.get('teams.html')!);
        expect(teams).toMatch(/\d+ OKRs? · \d+ initiatives?/);
    });

    it("draws the Kanban page with the editor's renderer: cards link to their pages, doing cards show their age at --today", async () => {
        const files = await siteOf(
            {
                'flow.eos': `stream Web "Web" { wip 1 }
bet B "b" { hypothesis "h" }
initiative A "a" { bet B stream Web status doing started 2025-12-01 }
initiative U "u" { bet B stream Web status doing updated 2026-02-20 }
initiative D "d" { bet B stream Web status done started 2026-01-01 finished 2026-01-15 }
`
            },
            { today: '2026-03-01' }
        );
        const html = files.get('kanban.html')!;
        expect(html).toMatch(/<a href="initiative\/A\.html" class="card ageing-old"[^>]*>/);
        expect(html).toContain('<span class="age age-old"><span class="mark" aria-hidden="true">●</span> 90 days · old</span>');
        expect(html).toContain('<span class="age age-unknown">age unknown: no started date</span>');
        expect(html).toContain('<span class="cycle">cycle 14 days</span>');
        expect(html).toContain('<div class="lane-title"><a href="stream/Web.html" class="el kind-stream">Web</a></div>');
        expect(html).toContain('<div class="wip">WIP 2 / 1 — over limit</div>');
        expect(html).not.toContain('<button'); // nothing folds on the site
    });

    it('lists every finding grouped by code, worst first, with what it means and how to fix it', async () => {
        const files = await siteOf(readExample('examples/flawed'));
        const html = files.get('findings.html')!;
        const page = text(html);
        const codes = [...html.matchAll(/<section class="block code-group sev-(\w+)" id="code-([\w-]+)"/g)].map(m => [m[1], m[2]]);
        expect(codes.length).toBeGreaterThan(5);
        const rank = { error: 0, warning: 1, info: 2, hint: 3 } as Record<string, number>;
        expect(codes.map(([s]) => rank[s])).toEqual([...codes.map(([s]) => rank[s])].sort());
        expect(page).toMatch(/orphan-initiative \d+ places? What it means: An initiative linked to no bet\. How to fix: Add bet <Name>/);
        expect(page).toMatch(/syntax/);
        const home = text(files.get('index.html')!);
        expect(home).toMatch(/Findings \d+ errors? \d+ warnings? \d+ info/);
    });

    it('has a glossary from the hover texts and a board pack with one sheet per theme', async () => {
        const files = await siteOf(readExample('examples/acme'));
        const glossary = files.get('glossary.html')!;
        expect(glossary).toContain('id="concept-bet"');
        expect(text(glossary)).toContain('bet — a hypothesis about where to invest');
        const pack = files.get('board-pack.html')!;
        const themes = (files.get('index.html')!.match(/class="card theme-card"/g) ?? []).length;
        expect(themes).toBeGreaterThan(2);
        expect((pack.match(/class="pack-page theme-sheet"/g) ?? []).length).toBe(themes);
    });

    it('carries a strict CSP on every page, no inline script or style, nothing remote', async () => {
        const files = await siteOf(readExample('examples/acme'));
        for (const [page, html] of HTML(files)) {
            const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
            expect(csp, page).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'");
            expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
            expect(html, page).not.toMatch(/\sstyle=/);
            expect(html, page).not.toMatch(/\son[a-z]+=/i);
            expect(html, page).not.toMatch(/(src|href)="(https?:)?\/\//);
        }
    });
});

describe('eos build: hostile text', () => {
    it('escapes every user string everywhere: no tag or handler from the text survives', async () => {
        const files = await siteOf(HOSTILE);
        expect(files.size).toBeGreaterThan(10);
        for (const [file, content] of files) {
            if (file.endsWith('.html')) {
                expect(content, file).not.toMatch(/<(img|svg onload|iframe|style|b |b>|i>|a href='javascript)/i);
                expect(content.match(/<script/g)?.length ?? 0, file).toBe(content.match(/<script src="/g)?.length ?? 0);
            }
            if (file.endsWith('.js') && file !== 'assets/site.js' && file !== 'assets/tree.js') expect(content, file).not.toMatch(/<\/?script/i);
        }
        const theme = files.get('theme/T.html')!;
        expect(text(theme)).toContain(`"><img src=x onerror="window.__pwned='theme'">`);
        expect(text(files.get('okr/O.html')!)).toContain('&lt;b&gt; already escaped &amp; ampersands');
    });

    it('single file: every inline script and style is allowed by its hash and nothing else', async () => {
        const files = await siteOf(HOSTILE, { singleFile: true });
        expect([...files.keys()]).toEqual(['index.html']);
        const html = files.get('index.html')!;
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
        const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(m => m[1]);
        const styles = [...html.replace(/<script>[\s\S]*?<\/script>/g, '').matchAll(/<style>([\s\S]*?)<\/style>/g)].map(m => m[1]);
        expect(scripts.length).toBe(4);
        expect(styles.length).toBe(1);
        expect(csp).toBe(
            `default-src 'none'; script-src ${scripts.map(cspHash).join(' ')}; style-src ${styles.map(cspHash).join(' ')}; img-src 'self' data:; base-uri 'none'; form-action 'none'`
        );
        expect(html).not.toMatch(/<script\s+src/);
        expect(html).not.toMatch(/\sstyle=/);
        // Hostile text inside the inlined data cannot close the script element.
        for (const script of scripts.slice(0, 2)) expect(script).not.toMatch(/<\/script/i);
        expect(html).toContain('id="bet/B.html"');
    });
});
