/** The site's decision log and tenet usage audit page. */
import { describe, expect, it } from 'vitest';
import { readEosFolder } from '../helpers.js';
import { siteOf } from './site-fixtures.js';

const text = (html: string) =>
    html
        .replace(/<script[\s\S]*?<\/script>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ');

describe('eos build: the decisions page', () => {
    it("lists flawed's decisions by quarter and audits the tenets, linking tenets and teams to their pages", async () => {
        const files = await siteOf(readEosFolder('examples/flawed'), { today: '2026-03-01' });
        const html = files.get('decisions.html')!;
        expect(html).toBeDefined();
        const page = text(html);
        expect(page.indexOf('2025-Q4')).toBeLessThan(page.indexOf('2026-Q1'));
        expect(page).toContain('sets aside ShipComplete (no reason)');
        expect(page).toContain('GlobexDiscountsInWriting contested · 1 followed, 1 set aside 2026-02-26');
        expect(html).toMatch(/<a href="[^"]*tenet\/GlobexDiscountsInWriting\.html"/);
        expect(files.get('index.html')).toContain('decisions.html');
    });

    it('says what to write when there is no decision record', async () => {
        const files = await siteOf(readEosFolder('examples/language-md'), { today: '2026-03-01' });
        expect(text(files.get('decisions.html')!)).toContain('No decision records yet');
    });
});
