/**
 * The preview's key result rows over time: a trend line beside the progress bar from the
 * check-ins (none without two of them: nothing invented), and the grade once the period is over.
 */
import { diagramData, diagramSourceOf, renderDiagram } from '../../src/diagram/render-diagram.js';
import { buildWorkspace } from '../helpers.js';
import { parseXml } from './xml.js';

async function svgOf(files: Record<string, string>, today: string) {
    const workspace = await buildWorkspace(files, { today });
    const data = diagramData(diagramSourceOf(workspace.services.eos.StrategyWorkspace));
    const result = await renderDiagram(data, { standalone: true, expandAll: true });
    return { data, svg: result.svg, elements: parseXml(result.svg) };
}

const STRATEGY = `vision V "v"
theme T "t" { vision V }
okr Growth "Grow <fast> & well" {
  supports T
  period 2026-Q1
  kr Users "Weekly users" from 0 to 100
    checkin 2026-01-10 10
    checkin 2026-02-10 30 confidence medium
    checkin 2026-03-10 70 confidence high "<b>launch</b>"
  kr Churn "Churn" from 10% to 5%
    checkin 2026-02-01 8%
  kr Nps "NPS" from 20 to 40 current 30
}
`;

const rowOf = (elements: ReturnType<typeof parseXml>, okr: string) =>
    elements.filter(e => e.parent?.attributes['data-id'] === `okr:${okr}` || e.parent?.parent?.attributes['data-id'] === `okr:${okr}`);

describe('trend lines and grades in the preview', () => {
    it('draws a trend line from the check-ins beside the bar, only for key results with two or more', async () => {
        const { data, elements, svg } = await svgOf({ 's.eos': STRATEGY }, '2026-03-15');
        const rows = data.graph.nodes.find(node => node.id === 'okr:Growth')!.keyResults!;
        // Spaced by date: 10 Jan, 10 Feb (31 of 59 days), 10 Mar; progress 10%, 30%, 70%.
        expect(rows[0].trend).toEqual([
            { at: 0, progress: 0.1 },
            { at: 31 / 59, progress: 0.3 },
            { at: 1, progress: 0.7 }
        ]);
        // The bar follows the latest check-in.
        expect(rows[0].progress).toBe(0.7);
        expect(rows[0].label).toBe('0 → 100, now 70');
        expect(rows[1].trend).toBeUndefined(); // one check-in is a point, not a trend
        expect(rows[2].trend).toBeUndefined(); // a written current, no check-ins
        const trends = rowOf(elements, 'Growth').filter(e => e.name === 'g' && e.attributes.class === 'kr-trend');
        expect(trends).toHaveLength(1);
        const polyline = elements.find(e => e.name === 'polyline' && e.parent === trends[0])!;
        const points = polyline.attributes.points.split(' ').map(pair => pair.split(',').map(Number));
        expect(points).toHaveLength(3);
        // Left to right, rising: later check-ins higher up (smaller y).
        expect(points[0][0]).toBeLessThan(points[1][0]);
        expect(points[1][0]).toBeLessThan(points[2][0]);
        expect(points[2][1]).toBeLessThan(points[0][1]);
        // Right of the bar's track, left of the percentage.
        const track = rowOf(elements, 'Growth').find(e => e.name === 'rect' && e.attributes.class === 'kr-track')!;
        expect(points[0][0]).toBeGreaterThan(Number(track.attributes.x) + Number(track.attributes.width));
        expect(svg).toContain('<title>trend: improving: 10% → 70% of the way over 8 weeks (3 check-ins); confidence medium → high</title>');
        // No grade while the quarter runs.
        expect(svg).not.toContain('class="kr-grade"');
    });

    it('shows each key result grade and the objective score once the period has ended', async () => {
        const { data, svg } = await svgOf({ 's.eos': STRATEGY }, '2026-04-02');
        const node = data.graph.nodes.find(n => n.id === 'okr:Growth')!;
        expect(node.keyResults!.map(row => row.grade?.score)).toEqual([0.7, 0.4, 0.5]);
        expect(svg).toContain('graded 0.7<title>final check-in 2026-03-10: 70</title></text>');
        expect(svg).toContain('graded 0.5<title>current 30</title></text>');
        // The objective: the average of its grades, in the box's header.
        expect(node.score).toBeCloseTo(0.533, 3);
        expect(svg).toMatch(/<text class="header"[^>]*>OKR · 2026-Q1 · graded 0\.5<\/text>/);
        // The user's title is escaped, in the box and its tooltip.
        expect(svg).toContain('Grow &lt;fast&gt; &amp; well');
        expect(svg).not.toContain('<b>launch</b>');
    });
});
