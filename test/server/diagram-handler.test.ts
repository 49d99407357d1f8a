import { diagramFor } from '../../src/server/diagram-handler.js';
import { diagramOf, readExample } from '../diagram/diagram-fixtures.js';

describe('eos/diagram request', () => {
    it('answers with the picture, the nodes with their source ranges, the kanban and the filter choices', async () => {
        const { result } = await diagramOf(readExample('examples/language-md'));
        expect(result.error).toBeUndefined();
        expect(result.syntaxErrors).toEqual([]);
        expect(result.totalNodes).toBe(7);
        const bet = result.nodes.find(node => node.id === 'bet:EarlyExperience')!;
        expect(bet.uri).toMatch(/strategy\.eos$/);
        expect(bet.nameRange).toEqual({ start: { line: 12, character: 4 }, end: { line: 12, character: 19 } });
        expect(result.filterOptions).toEqual({
            themes: ['Retention'],
            streams: ['Onboarding', 'CoreProduct', 'Support'],
            statuses: ['doing'],
            owners: ['OnboardingCrew']
        });
        expect(result.kanban.cards).toBe(2);
    });

    it('reports syntax errors with their line so the preview can keep its last good picture', async () => {
        const { result } = await diagramOf({ 'a.eos': 'vision V "v"\ntheme T "t" {\n  vision V\n  horizon\n' });
        expect(result.syntaxErrors).toHaveLength(1);
        expect(result.syntaxErrors[0].uri).toMatch(/a\.eos$/);
        expect(result.nodes.map(node => node.id)).toContain('vision:V');
    });

    it('applies the filter and folds asked for, and an empty workspace gives an empty picture, not an error', async () => {
        const filtered = await diagramOf(readExample('examples/language-md'), { filter: { owner: 'OnboardingCrew' }, collapsed: ['group:unaligned'] });
        expect(filtered.result.nodes.map(node => node.id)).toEqual([
            'vision:PrimaryBank',
            'theme:Retention',
            'bet:EarlyExperience',
            'initiative:GuidedSetup',
            'okr:EarlyConfidence'
        ]);
        // What the folds hide stays searchable, with the folds to open to show it.
        const folded = await diagramOf(readExample('examples/language-md'), { collapsed: ['theme:Retention'] });
        expect(folded.result.folded.map(node => [node.id, node.foldedAncestors])).toEqual([
            ['bet:EarlyExperience', ['theme:Retention']],
            ['initiative:GuidedSetup', ['theme:Retention']],
            ['okr:EarlyConfidence', ['theme:Retention']]
        ]);
        expect(filtered.result.folded).toEqual([]);
        const empty = await diagramOf({});
        expect(empty.result.error).toBeUndefined();
        expect(empty.result.totalNodes).toBe(0);
        expect(empty.result.svg).toMatch(/^<svg /);
    });

    it('turns an internal failure into a message instead of throwing at the editor', async () => {
        const { workspace } = await diagramOf(readExample('examples/language-md'));
        const broken = {
            ...workspace.services,
            shared: {
                workspace: {
                    WorkspaceLock: {
                        read: () => {
                            throw new Error('boom');
                        }
                    }
                }
            }
        };
        const result = await diagramFor(broken as never, { uri: '' });
        expect(result.error).toBe('The strategy preview could not be drawn: boom');
        expect(result.svg).toBe('');
    });
});
