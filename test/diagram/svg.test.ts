import { diagramData, diagramSourceOf, renderDiagram } from '../../src/diagram/render-diagram.js';
import { escapeXml } from '../../src/diagram/svg.js';
import { buildWorkspace } from '../helpers.js';
import { readExample, syntheticStrategy } from './diagram-fixtures.js';
import { parseXml } from './xml.js';

async function svgOf(files: Record<string, string>, standalone = true, algorithm?: 'layered' | 'mrtree') {
    const workspace = await buildWorkspace(files);
    const data = diagramData(diagramSourceOf(workspace.services.eos.StrategyWorkspace));
    return renderDiagram(data, { standalone, expandAll: true, ...(algorithm ? { algorithm } : {}) });
}

const HOSTILE = `<script>alert(1)</script> & "quoted" 'single' ]]> <img src=x onerror=alert(2)>`;

describe('diagram SVG', () => {
    it('is identical for the same text, twice, with either layout algorithm', async () => {
        const files = readExample('examples/language-md');
        for (const algorithm of ['layered', 'mrtree'] as const) {
            const first = await svgOf(files, true, algorithm);
            const second = await svgOf(files, true, algorithm);
            expect(second.svg).toBe(first.svg);
        }
    });

    it('places every node without overlaps', async () => {
        const { svg } = await svgOf(readExample('examples')); // every example at once: duplicates, cycles, orphans
        const elements = parseXml(svg);
        const boxes = elements
            .filter(e => e.name === 'g' && e.attributes.class?.startsWith('node '))
            .map(g => {
                const [x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.attributes.transform)!.slice(1).map(Number);
                const rect = elements.find(e => e.name === 'rect' && e.attributes.class === 'box' && e.parent?.attributes['data-id'] === g.attributes['data-id'])!;
                return { id: g.attributes['data-id'], x, y, w: Number(rect.attributes.width), h: Number(rect.attributes.height) };
            });
        expect(boxes.length).toBeGreaterThan(20);
        for (const a of boxes)
            for (const b of boxes) {
                if (a === b) continue;
                const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
                expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
            }
    });

    it('escapes hostile names, titles and messages: well-formed, no markup, text preserved', async () => {
        const title = HOSTILE.replace(/"/g, '\\"');
        const { svg } = await svgOf({
            'h.eos': `vision V "${title}"\ntheme T "${title}" { vision V }\nbet B "${title}" { serves T hypothesis "h" streams S }\nstream S "${title}" { wip 1 }\ninitiative I "${title}" { stream S status doing }\n`
        });
        const elements = parseXml(svg);
        const names = new Set(elements.map(e => e.name));
        expect([...names].filter(n => !['svg', 'style', 'rect', 'g', 'text', 'title', 'path', 'circle'].includes(n))).toEqual([]);
        for (const element of elements) {
            expect(
                Object.keys(element.attributes).filter(a => /^on/i.test(a)),
                element.name
            ).toEqual([]);
        }
        const visionTooltip = elements.find(e => e.name === 'title' && e.parent?.attributes['data-id'] === 'vision:V')!;
        expect(visionTooltip.text.split('\n')[0]).toBe(HOSTILE);
        expect(svg).not.toContain('<script');
        expect(svg).not.toContain('<img');
        expect(svg).not.toContain(']]>');
        // The orphan's diagnostic is drawn in its box.
        expect(elements.some(e => e.name === 'text' && e.attributes.class === 'issue-text' && e.parent?.attributes['data-id'] === 'initiative:I')).toBe(true);
    });

    it('escapes every XML-special character and shows characters XML cannot hold, or that hide text, as \\u{…}', () => {
        expect(escapeXml(`<a href="x" onclick='y'>&amp;</a>]]>\u0001\u202e`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;]]&gt;\\u{1}\\u{202e}');
    });

    it('draws key-result progress in proportion and collapse toggles only in the preview', async () => {
        const files = readExample('examples/language-md');
        const exported = await svgOf(files, true);
        const preview = await svgOf(files, false);
        expect(exported.svg).toContain('<style>');
        expect(exported.svg).not.toContain('data-toggle');
        expect(preview.svg).not.toContain('<style>');
        expect(preview.svg).toContain('data-toggle="bet:EarlyExperience"');
        const elements = parseXml(exported.svg);
        const okrRects = elements.filter(e => e.name === 'rect' && e.parent?.attributes['data-id'] === 'okr:EarlyConfidence');
        const track = Number(okrRects.find(e => e.attributes.class === 'kr-track')!.attributes.width);
        const bar = okrRects.filter(e => e.attributes.class?.startsWith('kr-bar'));
        expect(bar).toHaveLength(1); // only FirstValue has a current value
        expect(Number(bar[0].attributes.width) / track).toBeCloseTo(12 / 25, 2); // 40 → 65, now 52
    });
});

describe('diagram layout', () => {
    it('stacks siblings in source order, top to bottom', async () => {
        for (const files of [readExample('examples/acme'), syntheticStrategy(100)]) {
            const workspace = await buildWorkspace(files);
            const data = diagramData(diagramSourceOf(workspace.services.eos.StrategyWorkspace));
            const { svg } = await renderDiagram(data, { standalone: true, expandAll: true });
            const y = new Map(
                parseXml(svg)
                    .filter(e => e.attributes['data-id'] && e.name === 'g')
                    .map(g => [g.attributes['data-id'], Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(g.attributes.transform)![1])])
            );
            for (const node of data.graph.nodes) {
                const ys = node.children.map(child => y.get(child)!);
                expect(ys, `children of ${node.id}`).toEqual([...ys].sort((a, b) => a - b));
            }
            const roots = data.graph.roots.map(root => y.get(root)!);
            expect(roots).toEqual([...roots].sort((a, b) => a - b));
        }
    });
});
