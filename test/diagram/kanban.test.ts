import { buildKanban } from '../../src/diagram/kanban.js';
import { diagramSourceOf } from '../../src/diagram/render-diagram.js';
import { isColumnFolded, renderKanbanHtml } from '../../src/webview/kanban-view.js';
import { buildWorkspace } from '../helpers.js';
import { readExample } from './diagram-fixtures.js';

async function kanbanOf(files: Record<string, string>, today = '2026-03-01') {
    const workspace = await buildWorkspace(files, { today });
    const source = diagramSourceOf(workspace.services.eos.StrategyWorkspace);
    return buildKanban(source.model, source.issues, source.severityOf);
}

const cell = (board: Awaited<ReturnType<typeof kanbanOf>>, stream: string | undefined, column: string) =>
    board.lanes.find(lane => lane.stream === stream)!.cells[column as 'doing'].map(card => card.name);

describe('portfolio kanban', () => {
    it('puts initiatives in status columns and value-stream lanes, counting WIP against the limit', async () => {
        const board = await kanbanOf({
            's.eos': `stream Web "Web" { wip 1 }
stream App "App"
bet B "b" { hypothesis "h" }
initiative A1 "a1" { bet B stream Web status doing updated 2026-02-25 }
initiative A2 "a2" { bet B stream Web status doing updated 2026-01-01 }
initiative A3 "a3" { bet B stream Web status done }
initiative A4 "a4" { bet B stream App status stopped }
initiative A5 "a5" { bet B stream App }
initiative A6 "a6" { bet B status ready }
`
        });
        expect(board.columns).toEqual(['funnel', 'reviewing', 'analyzing', 'ready', 'doing', 'done', 'stopped']);
        expect(board.lanes.map(lane => [lane.stream ?? '(none)', lane.doing, lane.wip, lane.exceeded])).toEqual([
            ['Web', 2, 1, true],
            ['App', 0, undefined, false],
            ['(none)', 0, undefined, false]
        ]);
        expect(cell(board, 'Web', 'doing')).toEqual(['A1', 'A2']);
        expect(cell(board, 'Web', 'done')).toEqual(['A3']);
        expect(cell(board, 'App', 'stopped')).toEqual(['A4']);
        expect(cell(board, 'App', 'funnel')).toEqual(['A5']); // no status yet: it waits in the funnel
        expect(cell(board, undefined, 'ready')).toEqual(['A6']);
        const doing = board.lanes[0].cells.doing;
        expect(doing.map(card => card.stalled)).toEqual([false, true]);
        expect(board.cards).toBe(6);
    });

    it('agrees with the wip-exceeded and stalled-initiative findings of the LANGUAGE.md example', async () => {
        const board = await kanbanOf(readExample('examples/language-md'));
        const onboarding = board.lanes.find(lane => lane.stream === 'Onboarding')!;
        expect(onboarding.doing).toBe(2);
        expect(onboarding.exceeded).toBe(false);
        expect(onboarding.cells.doing.map(card => [card.name, card.stalled, card.bet])).toEqual([
            ['GuidedSetup', true, 'EarlyExperience'],
            ['ReferralProgram', false, undefined]
        ]);
    });

    it('renders cards as escaped HTML with the WIP over the limit marked', async () => {
        const hostile = `<img src=x onerror=alert(1)> & \\"q\\" 'x'`;
        const board = await kanbanOf({ 's.eos': `stream W "${hostile}" { wip 0 }\ninitiative I "${hostile}" { stream W status doing }\n` });
        const html = renderKanbanHtml(board);
        expect(html).not.toContain('<img');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;x&#39;');
        expect(html).toContain('class="lane-head exceeded"');
        expect(html).toContain('WIP 1 / 0 — over limit');
        // One card, and a header button per column (to fold or show it).
        expect(html.match(/<button type="button" class="card/g)).toHaveLength(1);
        expect(html.match(/<button type="button" class="col-head/g)).toHaveLength(board.columns.length);
    });

    it('folds empty columns to a strip with their count, unless the user opened them; folds what the user folded', async () => {
        const board = await kanbanOf({ 's.eos': 'stream W "w"\ninitiative I "i" { stream W status doing }\ninitiative J "j" { stream W status done }\n' });
        const folded = (html: string) => [...html.matchAll(/class="col-head col-(\w+) folded"/g)].map(m => m[1]);
        expect(folded(renderKanbanHtml(board))).toEqual(['funnel', 'reviewing', 'analyzing', 'ready', 'stopped']);
        const chosen = renderKanbanHtml(board, { columns: { ready: 'open', done: 'folded' } });
        expect(folded(chosen)).toEqual(['funnel', 'reviewing', 'analyzing', 'done', 'stopped']);
        // A folded column with cards still says how many each lane holds.
        expect(chosen).toContain('<span class="folded-count" title="1 in done">1</span>');
        expect(isColumnFolded(board, 'doing')).toBe(false);
    });
});
