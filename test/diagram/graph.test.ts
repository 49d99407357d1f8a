import { UNALIGNED_GROUP_ID } from '../../src/diagram/graph.js';
import { graphOf, readExample } from './diagram-fixtures.js';

describe('diagram graph', () => {
    it('draws the LANGUAGE.md example as vision → theme → bet → initiative, the OKR under its bet, the orphan unaligned', async () => {
        const graph = await graphOf(readExample('examples/language-md'));
        const tree = graph.nodes.map(node => `${'  '.repeat(depth(node.id))}${node.id}`);
        function depth(id: string): number {
            const parent = graph.nodes.find(n => n.id === id)?.parent;
            return parent ? 1 + depth(parent) : 0;
        }
        expect(tree).toEqual([
            'vision:PrimaryBank',
            '  theme:Retention',
            '    bet:EarlyExperience',
            '      initiative:GuidedSetup',
            '      okr:EarlyConfidence',
            'group:unaligned',
            '  initiative:ReferralProgram'
        ]);
        const byId = new Map(graph.nodes.map(node => [node.id, node]));
        expect(byId.get('bet:EarlyExperience')!.streams).toEqual(['Onboarding', 'CoreProduct', 'Support']);
        expect(byId.get('initiative:ReferralProgram')!.unaligned).toBe(true);
        expect(byId.get('initiative:ReferralProgram')!.issues.map(i => i.code)).toEqual(['orphan-initiative']);
        expect(byId.get('initiative:GuidedSetup')!.issues.map(i => i.code)).toEqual(['stalled-initiative']);
        const krs = byId.get('okr:EarlyConfidence')!.keyResults!;
        expect(krs.map(kr => [kr.name, kr.progress === undefined ? undefined : Math.round(kr.progress * 100)])).toEqual([
            ['FirstValue', 48],
            ['EarlyChurn', undefined],
            ['Friction', undefined]
        ]);
        expect(krs[2].issues.map(i => i.code)).toEqual(['kr-not-measurable']);
        expect(graph.streams.map(s => [s.name, s.wip])).toEqual([
            ['Onboarding', 2],
            ['CoreProduct', 4],
            ['Support', undefined]
        ]);
        expect(byId.get('initiative:GuidedSetup')!.themes).toEqual(['Retention']);
    });

    it('keeps source order, draws second alignments as links, and breaks an OKR cycle into the unaligned group', async () => {
        const graph = await graphOf({
            's.eos': `vision V "v"
theme B "b" { vision V }
theme A "a" { vision V }
bet X "x" { serves A, B hypothesis "h" }
okr O1 "o1" { supports O2 kr K "k" from 1 to 2 }
okr O2 "o2" { supports O1 kr K "k" from 1 to 2 }
okr O3 "o3" { supports X.Missing, X kr K "k" from 1 to 2 }
`
        });
        expect(graph.nodes.find(n => n.id === 'vision:V')!.children).toEqual(['theme:B', 'theme:A']);
        expect(graph.nodes.find(n => n.id === 'bet:X')!.parent).toBe('theme:A');
        expect(graph.edges.filter(e => e.kind === 'link').map(e => `${e.source}->${e.target}`)).toEqual(['theme:B->bet:X']);
        const unaligned = graph.nodes.find(n => n.id === UNALIGNED_GROUP_ID)!;
        // The cycle is cut where it was found: O1 hangs in the group, O2 still shows it supports O1.
        expect(unaligned.children).toEqual(['okr:O1']);
        expect(graph.nodes.find(n => n.id === 'okr:O2')!.parent).toBe('okr:O1');
        expect(graph.nodes.find(n => n.id === 'okr:O2')!.unaligned).toBe(true);
        expect(graph.nodes.find(n => n.id === 'okr:O3')!.parent).toBe('bet:X');
    });

    it('is the same graph whatever order the files were opened in', async () => {
        const files = readExample('examples/language-md');
        const reversed = Object.fromEntries(Object.entries(files).reverse());
        expect(JSON.stringify(await graphOf(reversed))).toBe(JSON.stringify(await graphOf(files)));
    });
});
