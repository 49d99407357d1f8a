/**
 * Issue 13, defect 9: very wide and very deep trees. 8,000 themes under one vision overflowed
 * ELK's recursion in the SVG export; a 5,000-deep `parent` chain overflowed the site's
 * organisation tree. They are drawn by the plain tree layout (with a notice saying so and what to
 * do) and walked with explicit stacks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured, STACK_FRAME } from '../fuzz/cli-probe.js';
import { diagramOf } from '../diagram/diagram-fixtures.js';
import { MAX_FOLDED_ANCESTORS } from '../../src/diagram/render-diagram.js';

const folders: string[] = [];
afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function workspace(text: string): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-trees-'));
    folders.push(root);
    fs.writeFileSync(path.join(root, 'strategy.eos'), text);
    return root;
}

describe('very wide and very deep trees', () => {
    it('exports the SVG of 8,000 themes under one vision, in the plain layout, saying why', async () => {
        const root = workspace('vision V "Vision"\n' + Array.from({ length: 8000 }, (_, i) => `theme T${i} "Theme ${i}" { vision V }\n`).join(''));
        const run = await runCliCaptured(['export', '.', '--format', 'svg', '--out', 'tree.svg'], root);
        expect(run.stderr).not.toMatch(STACK_FRAME);
        expect(run.stderr).toContain('plain layout because 8,001 boxes are shown; fold subtrees or filter');
        expect(run.code).toBe(0);
        const svg = fs.readFileSync(path.join(root, 'tree.svg'), 'utf8');
        expect(svg.match(/class="node[ "]/g)?.length).toBe(8001);
        expect(svg).toContain('Theme 7999');
    }, 120_000);

    it('builds the site and exports the report of a 5,000-deep team chain and a 3,000-deep OKR chain', async () => {
        const teams = 'team Tm0 "Team 0" { level function }\n' + Array.from({ length: 4999 }, (_, i) => `team Tm${i + 1} "Team ${i + 1}" { level crew parent Tm${i} }\n`).join('');
        const okrs =
            'vision V "V"\ntheme T "T" { vision V }\nbet B "B" { serves T }\nokr O0 "o" { supports B }\n' +
            Array.from({ length: 2999 }, (_, i) => `okr O${i + 1} "o${i + 1}" { supports O${i} }\n`).join('');
        const root = workspace(teams + okrs);
        const site = await runCliCaptured(['build', '.', '--out', 'site'], root);
        expect(site.stderr).not.toMatch(STACK_FRAME);
        expect(site.code).toBe(0);
        const org = fs.readFileSync(path.join(root, 'site', 'teams.html'), 'utf8');
        expect(org.split('<ul class="org">').length - 1).toBe(5000);
        expect(org.split('</ul>').length).toBeGreaterThan(5000);
        const report = await runCliCaptured(['export', '.', '--format', 'markdown'], root);
        expect(report.code).toBe(0);
        expect(report.stdout).toContain('(`O2999`)');
    }, 180_000);

    it('answers the preview of a 20,000-deep supports chain: folded results list their nearest folds, not every ancestor', async () => {
        // Every fold of every hidden node was listed: 200 million ids, "Invalid string length".
        const chain = (depth: number) => 'okr O0 "Root"\n' + Array.from({ length: depth }, (_, i) => `okr O${i + 1} "Level ${i + 1}" { supports O${i} }\n`).join('');
        const { result } = await diagramOf({ 'deep.eos': chain(19_998) }); // 19,999 elements: within the element limit of one file
        expect(result.error).toBeUndefined();
        expect(result.totalNodes).toBeGreaterThan(19_998); // the OKRs and the group of unaligned ones
        expect(result.folded.length).toBeGreaterThan(0);
        expect(Math.max(...result.folded.map(node => node.foldedAncestors.length))).toBeLessThanOrEqual(MAX_FOLDED_ANCESTORS);
        expect(JSON.stringify(result).length).toBeLessThan(50_000_000);
        // Nested folds, nearest first, as the search unfolds them.
        const small = await diagramOf({ 'deep.eos': chain(5) }, { collapsed: ['okr:O1', 'okr:O2', 'okr:O3'] });
        expect(small.result.folded.map(node => [node.id, node.foldedAncestors])).toEqual([
            ['okr:O2', ['okr:O1']],
            ['okr:O3', ['okr:O2', 'okr:O1']],
            ['okr:O4', ['okr:O3', 'okr:O2', 'okr:O1']],
            ['okr:O5', ['okr:O3', 'okr:O2', 'okr:O1']]
        ]);
    }, 120_000);
});
