/**
 * "The latest check-in is the current value", everywhere: the hover, the inlay hint, the preview's
 * key-result rows, the JSON and Markdown exports and the site all read one effective reading
 * (effectiveReading in key-result-history.ts); a check-in value that cannot be read is an error on
 * that value and counts for nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, InlayHint } from 'vscode-languageserver';
import { runCli } from '../../../src/cli/main.js';
import { buildDiagramGraph } from '../../../src/diagram/graph.js';
import { diagramSourceOf } from '../../../src/diagram/render-diagram.js';
import { effectiveReading } from '../../../src/language/model/key-result-history.js';
import { buildWorkspace, describeDiagnostic, type TestWorkspace } from '../../helpers.js';
import { siteOf } from '../../site/site-fixtures.js';

const OKR = `okr Crew "Crew grows" {
  period 2026-Q1
  kr Users "Active users" from 0 to 10 current 2
    checkin 2026-01-20 3 confidence medium
    checkin 2026-02-10 6 confidence high "pilot went well"
  kr Minutes "Minutes to open" from 26 to 10 minutes current 20
}
`;
const CHECKINS = `checkin Crew.Minutes 2026-02-01 18\ncheckin Crew.Minutes 2026-01-15 22\n`;

let ws: TestWorkspace;
beforeAll(async () => {
    ws = await buildWorkspace({ 'crew.eos': OKR, 'checkins.eos': CHECKINS }, { today: '2026-02-15' });
});

function positionOf(file: string, needle: string, delta = 0) {
    const document = ws.documents.get(file)!;
    const offset = document.textDocument.getText().indexOf(needle);
    expect(offset, needle).toBeGreaterThanOrEqual(0);
    return { document, position: document.textDocument.positionAt(offset + delta) };
}

async function hover(file: string, needle: string, delta = 0): Promise<string> {
    const { document, position } = positionOf(file, needle, delta);
    const result: Hover | undefined = await ws.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
}

describe('the effective reading', () => {
    it('is the latest check-in by date (from any file, in any order), else the written current', () => {
        const model = ws.services.eos.StrategyWorkspace.model;
        const users = effectiveReading(model, model.get('kr', 'Crew.Users')!)!;
        expect([users.value.text, users.from, users.date]).toEqual(['6', 'check-in', '2026-02-10']);
        // Written later in its file but dated earlier: 2026-02-01 is the latest.
        const minutes = effectiveReading(model, model.get('kr', 'Crew.Minutes')!)!;
        expect([minutes.value.value, minutes.value.unit, minutes.date]).toEqual([18, 'minutes', '2026-02-01']);
    });

    it('falls back to current when there is no check-in', async () => {
        const alone = await buildWorkspace({ 'a.eos': 'okr O "O" { period 2026-Q1\n kr K "K" from 0 to 10 current 4 }\n' });
        const model = alone.services.eos.StrategyWorkspace.model;
        expect(effectiveReading(model, model.get('kr', 'O.K')!)).toMatchObject({ from: 'current', value: { value: 4 } });
    });
});

describe('every view reads it', () => {
    it('hover: Current says which wins, and Progress is measured at the check-in', async () => {
        const text = await hover('crew.eos', 'Users "Active');
        expect(text).toContain('**Current:** 6 (check-in 2026-02-10; the latest check-in wins over `current 2` on the kr line)');
        expect(text).toContain('**Progress:** 60% of the way from 0 to 10');
        const okr = await hover('crew.eos', 'Crew "Crew');
        expect(okr).toMatch(/Key results.*Users.*60%/s);
        expect(okr).toMatch(/Minutes.*50%/s); // 26 → 18 of 26 → 10
    });

    it('inlay hint: a superseded current says so instead of a stale percentage', async () => {
        const document = ws.documents.get('crew.eos')!;
        const hints: InlayHint[] =
            (await ws.services.lsp.InlayHintProvider!.getInlayHints(document, {
                textDocument: { uri: document.uri.toString() },
                range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }
            })) ?? [];
        expect(hints.map(hint => String(hint.label))).toEqual(['superseded by checkin 2026-02-10', 'superseded by checkin 2026-02-01']);
    });

    it('preview: the key-result rows show the check-in value and its progress', () => {
        const source = diagramSourceOf(ws.services.eos.StrategyWorkspace);
        const graph = buildDiagramGraph(source.model, source.issues, source.severityOf, source.clock);
        const rows = graph.nodes.find(node => node.name === 'Crew')!.keyResults!;
        expect(rows.map(row => [row.name, row.label, Math.round(row.progress! * 100)])).toEqual([
            ['Users', '0 → 10, now 6', 60],
            ['Minutes', '26 → 10 minutes, now 18', 50]
        ]);
    });

    it('site: the OKR page shows progress and the current value from the check-in', async () => {
        const site = await siteOf({ 'crew.eos': OKR, 'checkins.eos': CHECKINS }, { today: '2026-02-15' });
        const page = [...site.entries()].find(([file]) => /okr\/Crew\.html$/.test(file))![1];
        expect(page).toContain('60% of the way from 0 to 10');
        expect(page).toContain('Current: 6 (check-in 2026-02-10; the latest check-in wins over <code>current 2</code> on the kr line)');
    });
});

describe('eos export reads it', () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-effective-'));
        fs.writeFileSync(path.join(dir, 'crew.eos'), OKR);
        fs.writeFileSync(path.join(dir, 'checkins.eos'), CHECKINS);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    async function eos(args: string[]) {
        let stdout = '';
        let stderr = '';
        const code = await runCli(args, { stdout: t => (stdout += t), stderr: t => (stderr += t), cwd: dir });
        return { code, stdout, stderr };
    }

    it('json: current is the effective value, with where it comes from, what it supersedes and the check-ins', async () => {
        const { code, stdout } = await eos(['export', '.', '--format', 'json', '--today', '2026-02-15']);
        expect(code).toBe(0);
        const users = JSON.parse(stdout).elements.find((e: { name: string }) => e.name === 'Crew.Users');
        expect(users.properties).toMatchObject({
            current: { value: 6, text: '6' },
            currentFrom: 'check-in',
            currentDate: '2026-02-10',
            currentWritten: { value: 2, text: '2' },
            checkIns: [
                { date: '2026-01-20', value: { value: 3, text: '3' }, confidence: 'medium' },
                { date: '2026-02-10', value: { value: 6, text: '6' }, confidence: 'high', note: 'pilot went well' }
            ]
        });
    });

    it('markdown: the report shows the progress at the latest check-in', async () => {
        const { code, stdout } = await eos(['export', '.', '--format', 'markdown', '--today', '2026-02-15']);
        expect(code).toBe(0);
        expect(stdout).toMatch(/`Users` Active users: 0 → 10, now 6 \S+ 60%/);
        expect(stdout).toMatch(/`Minutes` Minutes to open: 26 → 10 minutes, now 18 \S+ 50%/);
    });
});

describe('a check-in value the tool cannot read', () => {
    async function problems(krLine: string, extra = '') {
        const found = await buildWorkspace({ 'a.eos': `okr O "O" {\n  period 2026-Q1\n  ${krLine}\n}\n${extra}` }, { today: '2026-02-15' });
        const model = found.services.eos.StrategyWorkspace.model;
        const reading = effectiveReading(model, model.get('kr', 'O.K')!);
        const diagnostics = found
            .all()
            .filter(d => d.code !== 'unaligned-okr' && d.code !== 'kr-check-in-stale')
            .map(d => `${describeDiagnostic(d)} ${JSON.stringify(found.documents.get(d.file)!.textDocument.getText(d.range))}: ${d.message}`);
        return { diagnostics, current: reading?.value.text };
    }

    it('is an invalid-value error on the value (6.200, 30m), and the reading before it stays the current value', async () => {
        const result = await problems('kr K "K" from 0 to 10000\n    checkin 2026-01-10 4000\n    checkin 2026-02-01 6.200\n    checkin 2026-02-05 30m');
        expect(result.diagnostics).toEqual([
            expect.stringMatching(/^invalid-value@5:23-5:28 "6\.200": '6\.200' could be read two ways: .*this check-in counts for nothing until it does — write 6200 or 6,200/),
            expect.stringMatching(/^invalid-value@6:23-6:26 "30m": '30m' could be read more than one way: this check-in counts for nothing until it does — write 30 min/)
        ]);
        expect(result.current).toBe('4000');
    });

    it('is an invalid-value error when its unit does not fit the key result, under the kr or in another file', async () => {
        const nested = await problems('kr K "K" from 26 to 10 minutes\n    checkin 2026-02-01 40%');
        expect(nested.diagnostics).toEqual([
            "invalid-value@4:23-4:26 \"40%\": '40%' is not in the key result's unit: it is measured in 'minutes' (from 26 to 10 minutes): this check-in counts for nothing until it does — write the reading in that unit."
        ]);
        expect(nested.current).toBeUndefined();
        const apart = await problems('kr K "K" from 40% to 65% current 50%', 'checkin O.K 2026-02-01 12 days\n');
        expect(apart.diagnostics).toEqual([expect.stringMatching(/^invalid-value@5:23-5:30 "12 days": '12 days' is not in the key result's unit: it is measured in '%'/)]);
        expect(apart.current).toBe('50%');
    });

    it('is an invalid-value error when a plain number stands next to times of day', async () => {
        const clock = await problems('kr K "K" from 15:40 to 15:10\n    checkin 2026-02-01 17');
        expect(clock.diagnostics).toEqual([expect.stringMatching(/^invalid-value@4:23-4:25 "17": '17' is a plain number next to times of day/)]);
    });

    it('near miss: a bare number takes the unit, a value in another unit of the same dimension is read, a currency is shared', async () => {
        expect((await problems('kr K "K" from 26 to 10 minutes\n    checkin 2026-02-01 17')).diagnostics).toEqual([]);
        expect(await problems('kr K "K" from 3 days to 36 hours\n    checkin 2026-02-01 48 hours')).toEqual({ diagnostics: [], current: '48 hours' });
        expect(await problems('kr K "K" from £1.9m to 1.1m\n    checkin 2026-02-01 1.5m')).toEqual({ diagnostics: [], current: '1.5m' });
    });

    it('near miss: a quoted text after a plain reading is its note, not its unit', async () => {
        const found = await buildWorkspace({ 'a.eos': 'okr O "O" {\n  period 2026-Q1\n  kr K "K" from 3.1 to 4.2\n    checkin 2026-02-01 3.6 "pilot moved"\n}\n' });
        expect(found.all().filter(d => d.code !== 'unaligned-okr' && d.code !== 'kr-check-in-stale')).toEqual([]);
        const model = found.services.eos.StrategyWorkspace.model;
        expect(model.checkInsOf(model.get('kr', 'O.K')!).map(entry => [entry.value.text, entry.value.unit, entry.note])).toEqual([['3.6', undefined, 'pilot moved']]);
    });

    it('a value that is not a figure at all is a syntax error on it, saying how to write one', async () => {
        const result = await problems('kr K "K" from 0 to 10\n    checkin 2026-02-01 abc');
        expect(result.diagnostics).toEqual([expect.stringMatching(/^syntax@4:23-4:26 "abc": `abc` is not a figure: write a number such as 40/)]);
        expect(result.current).toBeUndefined();
    });
});
