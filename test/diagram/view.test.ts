import { defaultCollapsed, viewOfGraph } from '../../src/diagram/view.js';
import { graphOf, readExample, syntheticStrategy } from './diagram-fixtures.js';

describe('diagram view', () => {
    it('filters keep matches with their ancestors; folding hides and counts descendants', async () => {
        const graph = await graphOf(readExample('examples/language-md'));
        const byStream = viewOfGraph(graph, { filter: { status: 'doing', stream: 'Onboarding' } });
        expect(byStream.graph.nodes.map(n => n.id)).toEqual([
            'vision:PrimaryBank',
            'theme:Retention',
            'bet:EarlyExperience',
            'initiative:GuidedSetup',
            'group:unaligned',
            'initiative:ReferralProgram'
        ]);
        expect([...byStream.matched]).toEqual(['initiative:GuidedSetup', 'initiative:ReferralProgram']);
        const folded = viewOfGraph(graph, { collapsed: ['theme:Retention'] });
        expect(folded.graph.nodes.map(n => n.id)).toEqual(['vision:PrimaryBank', 'theme:Retention', 'group:unaligned', 'initiative:ReferralProgram']);
        expect(folded.hidden.get('theme:Retention')).toBe(3);
    });

    it('opens a 1,000-node tree folded to at most the threshold', async () => {
        const graph = await graphOf(syntheticStrategy(1000));
        expect(graph.nodes.length).toBeGreaterThan(950);
        const collapsed = defaultCollapsed(graph);
        const view = viewOfGraph(graph, { collapsed });
        expect(view.graph.nodes.length).toBeLessThanOrEqual(150);
        expect(view.graph.nodes.filter(n => n.kind === 'bet').length).toBeGreaterThan(0);
        expect(defaultCollapsed(await graphOf(readExample('examples/language-md')))).toEqual([]);
    });
});
