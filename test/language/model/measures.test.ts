/**
 * Every value form a strategist writes is read as meant, refused with a message on the value, and
 * shows the same figure and progress in the model, the hover, the diagram and the export.
 */
import { EmptyFileSystem } from 'langium';
import { parseDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createEosServices } from '../../../src/language/eos-module.js';
import { readMeasure, readNumber, relativeTarget } from '../../../src/language/model/measures.js';
import { describeProgressNow, progressNow } from '../../../src/language/model/key-result-history.js';
import { exportModel } from '../../../src/language/model/export-model.js';
import { buildDiagramGraph } from '../../../src/diagram/graph.js';
import { diagramSourceOf } from '../../../src/diagram/render-diagram.js';
import { buildWorkspace } from '../../helpers.js';

function value(text: string) {
    const reading = readMeasure(text);
    if (!reading.ok) throw new Error(reading.problem);
    return reading.value;
}

function problem(text: string): string {
    const reading = readMeasure(text);
    return reading.ok ? `read as ${JSON.stringify(reading.value)}` : reading.problem;
}

describe('readMeasure', () => {
    it('reads numbers with thousands separators and refuses decimal commas', () => {
        expect(value('6,200')).toEqual({ value: 6200, text: '6,200' });
        expect(value('1,250,000.5').value).toBe(1250000.5);
        expect(readNumber('1,5')).toEqual({
            ok: false,
            problem: "'1,5' has a comma that is not a thousands separator. Write decimals with a point (1.5) and group thousands in threes (6,200), or leave the commas out"
        });
        expect(problem('62,00')).toMatch(/^'62,00' has a comma/);
    });

    it('reads money with a currency sign and a magnitude', () => {
        expect(value('£1.9m')).toEqual({ value: 1_900_000, unit: '£', text: '£1.9m' });
        expect(value('€250k')).toEqual({ value: 250_000, unit: '€', text: '€250k' });
        expect(value('$3M')).toEqual({ value: 3_000_000, unit: '$', text: '$3M' });
        expect(value('$ 1,200').value).toBe(1200);
        expect(value('£2bn').value).toBe(2e9);
        expect(value('100 €')).toEqual({ value: 100, unit: '€', text: '100 €' });
        expect(value('400k EUR')).toEqual({ value: 400_000, unit: '€', text: '400k EUR' });
    });

    it('reads magnitudes without a currency, and refuses an ambiguous m', () => {
        expect(value('250k').value).toBe(250_000);
        expect(value('1.2M').value).toBe(1_200_000);
        expect(value('2.5 million').value).toBe(2_500_000);
        expect(problem('30m')).toBe("'30m' could be read more than one way: write 30 min, 30 metres or 30M for millions");
    });

    it('reads clock times as minutes after midnight', () => {
        expect(value('15:40')).toEqual({ value: 940, unit: 'clock', text: '15:40' });
        expect(value('3pm').value).toBe(900);
        expect(value('11:30 am').value).toBe(690);
        expect(value('12am').value).toBe(0);
        expect(problem('15:75')).toBe("'15:75' is not a time: minutes and seconds run from 00 to 59");
        expect(problem('13pm')).toBe("'13pm' is not a time: with am or pm, hours run from 1 to 12");
    });

    it('reads durations in several units as minutes, and single units as written', () => {
        expect(value('2h 30m')).toEqual({ value: 150, unit: 'min', text: '2h 30m' });
        expect(value('1 day 4 hours').value).toBe(1680);
        expect(value('90 min')).toEqual({ value: 90, unit: 'min', text: '90 min' });
        expect(value('36 hours')).toEqual({ value: 36, unit: 'hours', text: '36 hours' });
    });

    it('computes relative targets, and refuses the ambiguous percentage of a percentage', () => {
        const target = (baseline: string, direction: 'up' | 'down', change: string) => {
            const reading = relativeTarget(value(baseline), direction, value(change));
            return reading.ok ? reading.value.text : reading.problem;
        };
        expect(target('42 min', 'down', '20%')).toBe('33.6 min');
        expect(target('40%', 'up', '10 points')).toBe('50%');
        expect(target('15:40', 'down', '30 min')).toBe('15:10');
        expect(target('3 days', 'down', '12 hours')).toBe('2.5 days');
        expect(target('£1.9m', 'down', '20%')).toBe('£1.52m');
        expect(target('1,200', 'up', '300')).toBe('1500');
        expect(target('40%', 'down', '10%')).toBe("'from 40% down 10%' could mean 36% (10% of 40%) or 30% (10 points): write 'down 10 points' or 'to 36%'");
    });
});

const STRATEGY = `okr O "Figures" {
  kr Clock "Last discharge of the day" from 15:40 to 11:00 current 14:10
  kr Money "Agency spend" from £1.9m to £1.1m current £1.5m
  kr Beds "Bed days lost" from 6,200 to 3,500 current 5,000
  kr Wait "Time to triage" from 2h 30m to 90 min current 2h
  kr Relative "Average wait" from 42 min down 20% current 38 min by 2026-06-30
  kr Days "Time to a decision" from 3 days to 36 hours current 2 days
}`;

describe('key results in every value form', () => {
    it('show the progress the strategist means (a falling clock time is a falling target)', async () => {
        const ws = await buildWorkspace({ 'a.eos': STRATEGY });
        expect(ws.all().filter(d => d.code !== 'unaligned-okr' && d.code !== 'too-many-krs')).toEqual([]);
        const model = ws.services.eos.StrategyWorkspace.model;
        const progress = (name: string) => Math.round(progressNow(model, model.get('kr', `O.${name}`)!)! * 100);
        expect(progress('Clock')).toBe(32); // 15:40 → 14:10 of 15:40 → 11:00
        expect(progress('Money')).toBe(50);
        expect(progress('Beds')).toBe(44);
        expect(progress('Wait')).toBe(50); // 150 → 120 of 150 → 90 minutes
        expect(progress('Relative')).toBe(48); // 42 → 38 of 42 → 33.6
        expect(progress('Days')).toBe(67); // 72 h → 48 h of 72 h → 36 h
        expect(describeProgressNow(model, model.get('kr', 'O.Relative')!)).toBe('48% of the way from 42 min to 33.6 min (down 20%)');
        expect(model.get('kr', 'O.Relative')!.deadline).toBe('2026-06-30');
    });

    it('export the values as meant, with the text as written', async () => {
        const ws = await buildWorkspace({ 'a.eos': STRATEGY });
        const exported = exportModel(ws.services.eos.StrategyWorkspace.model, uri => uri);
        const kr = (name: string) => exported.elements.find(e => e.name === `O.${name}`)!.properties;
        expect(kr('Clock').target).toEqual({ value: 660, unit: 'clock', text: '11:00' });
        expect(kr('Money').baseline).toEqual({ value: 1_900_000, unit: '£', text: '£1.9m' });
        expect(kr('Beds').target).toEqual({ value: 3500, text: '3,500' });
        expect(kr('Relative')).toMatchObject({ target: { value: 33.6, unit: 'min', text: '33.6 min' }, change: 'down 20%', deadline: '2026-06-30' });
    });

    it('show the computed target and the deadline in the diagram and the hover', async () => {
        const ws = await buildWorkspace({ 'a.eos': STRATEGY });
        const strategy = ws.services.eos.StrategyWorkspace;
        const graph = buildDiagramGraph(strategy.model, [], () => 'warning', diagramSourceOf(strategy).clock);
        const row = graph.nodes.find(n => n.name === 'O')!.keyResults!.find(k => k.name === 'Relative')!;
        expect(row.label).toBe('42 min → 33.6 min (down 20%), now 38 min, by 2026-06-30');
        const document = ws.documents.get('a.eos')!;
        const offset = document.textDocument.getText().indexOf('Relative');
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset)
        });
        const text = JSON.stringify(hover);
        expect(text).toContain('Target:** 33.6 min (down 20%)');
        expect(text).toContain('Deadline:** 2026-06-30');
    });

    it('round-trip through the formatter unchanged in meaning', async () => {
        const services = createEosServices(EmptyFileSystem).Eos;
        const messy = STRATEGY.replace(/\n {2}/g, '\n      ').replace('from 6,200', 'from   6,200');
        const document = await parseDocument(services, messy);
        const edits = await services.lsp.Formatter!.formatDocument(document, { options: { insertSpaces: true, tabSize: 2 }, textDocument: { uri: document.uri.toString() } });
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        expect(formatted).toBe(STRATEGY + '\n');
    });

    it('refuse an unreadable value with invalid-value on the value, and nothing else about it', async () => {
        const ws = await buildWorkspace({
            'a.eos': 'okr O "o" {\n  kr K "Call length" from <|30m|> to <|20m|>\n  kr P "Share" from 40% <|down 10%|>\n  kr C "Close" from 15:40 to <|11|>\n}'
        });
        const found = ws.diagnostics('a.eos').filter(d => d.code !== 'unaligned-okr');
        expect(found.map(d => [d.code, d.range])).toEqual(ws.markers.get('a.eos')!.map(range => ['invalid-value', range]));
        expect(found.map(d => d.message)).toEqual([
            "'30m' could be read more than one way — write 30 min, 30 metres or 30M for millions.",
            "'20m' could be read more than one way — write 20 min, 20 metres or 20M for millions.",
            "'from 40% down 10%' could mean 36% (10% of 40%) or 30% (10 points) — write 'down 10 points' or 'to 36%'.",
            "'11' is a plain number next to times of day — write it as a time, e.g. 11:00."
        ]);
    });

    it('refuse a point that may group thousands (6.200 copied from a European slide), on the value', async () => {
        const ws = await buildWorkspace({
            'a.eos': 'okr O "o" {\n  kr Beds "Bed days lost" from <|6.200|> to <|3.500|>\n  kr Cost "Cost" from <|€12.500|> to €9k\n  kr Rate "Error rate" from 0.500 to 4.125\n}'
        });
        const found = ws.diagnostics('a.eos').filter(d => d.code !== 'unaligned-okr');
        expect(found.map(d => [d.code, d.range])).toEqual(ws.markers.get('a.eos')!.map(range => ['invalid-value', range]));
        expect(found.map(d => d.message)).toEqual([
            "'6.200' could be read two ways: 6200 (a point between the thousands, as on many European slides) or 6.2 — write 6200 or 6,200 for thousands, or 6.2 for the decimal.",
            "'3.500' could be read two ways: 3500 (a point between the thousands, as on many European slides) or 3.5 — write 3500 or 3,500 for thousands, or 3.5 for the decimal.",
            "'12.500' could be read two ways: 12500 (a point between the thousands, as on many European slides) or 12.5 — write 12500 or 12,500 for thousands, or 12.5 for the decimal."
        ]);
        const model = ws.services.eos.StrategyWorkspace.model;
        // Left out, never guessed; decimals that cannot be thousands are read.
        expect(model.get('kr', 'O.Beds')!.baseline).toBeUndefined();
        expect(model.get('kr', 'O.Rate')!.baseline).toEqual({ value: 0.5, text: '0.500' });
        expect(model.get('kr', 'O.Rate')!.target).toEqual({ value: 4.125, text: '4.125' });
    });

    it('refuse a WIP limit below zero or in fractions, on the value, and count nothing against it', async () => {
        const ws = await buildWorkspace({
            'a.eos': 'stream S "s" { wip <|-1|> }\nstream H "h" { wip <|1.5|> }\nstream F "frozen" { wip 0 }\ninitiative I "i" { stream S status doing updated 2026-11-30 }'
        });
        const found = ws.diagnostics('a.eos').filter(d => d.code === 'invalid-value' || d.code === 'wip-exceeded');
        expect(found.map(d => [d.code, d.range])).toEqual(ws.markers.get('a.eos')!.map(range => ['invalid-value', range]));
        expect(found[0].message).toBe("'-1' is not a WIP limit — write how many initiatives this stream may have in progress at once, a whole number such as `wip 3`");
        const model = ws.services.eos.StrategyWorkspace.model;
        expect(model.get('stream', 'S')!.wip).toBeUndefined();
        expect(model.get('stream', 'F')!.wip).toBe(0);
    });

    it('share a currency written once: from £1.9m to 1.1m', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'okr O "o" { kr K "Spend" from £1.9m to 1.1m current 1.5m }' });
        const model = ws.services.eos.StrategyWorkspace.model;
        const kr = model.get('kr', 'O.K')!;
        expect(kr.target).toEqual({ value: 1_100_000, unit: '£', text: '1.1m' });
        expect(progressNow(model, kr)).toBeCloseTo(0.5);
    });

    it('read from 40 to 40% as no change, as docs/language.md says', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'okr O "o" { kr K "Share" from 40 to 40% }' });
        expect(ws.diagnostics('a.eos').map(d => d.code)).toContain('kr-no-change');
    });
});
