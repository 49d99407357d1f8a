import { buildKanban } from '../../src/diagram/kanban.js';
import { diagramSourceOf } from '../../src/diagram/render-diagram.js';
import { isColumnFolded, renderKanbanHtml } from '../../src/diagram/kanban-html.js';
import { buildWorkspace } from '../helpers.js';
import { readExample } from './diagram-fixtures.js';

async function kanbanOf(files: Record<string, string>, today = '2026-03-01') {
    const workspace = await buildWorkspace(files, { today });
    const source = diagramSourceOf(workspace.services.eos.StrategyWorkspace);
    return buildKanban(source.model, source.issues, source.severityOf, source.clock);
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

describe('flow on the portfolio kanban', () => {
    const streamFiles = {
        's.eos': `stream Web "Web" { wip 2 }
bet B "b" { hypothesis "h" }
initiative D1 "d1" { bet B stream Web status done started 2026-01-01 finished 2026-01-11 }
initiative D2 "d2" { bet B stream Web status done started 2026-01-01 finished 2026-01-21 }
initiative D3 "d3" { bet B stream Web status done started 2026-01-01 updated 2026-01-31 }
initiative Fresh "fresh one" { bet B stream Web status doing started 2026-02-20 updated 2026-02-25 }
initiative Ageing "ageing one" { bet B stream Web status doing started 2026-02-01 updated 2026-02-20 }
initiative Old "old one" { bet B stream Web status doing started 2025-12-01 updated 2026-02-27 }
initiative Undated "no dates" { bet B stream Web status doing updated 2026-02-28 }
initiative Waiting "waiting" { bet B stream Web status ready updated 2025-11-01 }
`
    };

    it('gives each doing card its age and ageing against the lane median cycle time, and says when a card has no start date', async () => {
        const board = await kanbanOf(streamFiles, '2026-03-01');
        const lane = board.lanes.find(l => l.stream === 'Web')!;
        // Cycle times 10, 20, 30 (D3's finish inferred from updated): median 20.
        expect([lane.flow.medianCycleDays, lane.flow.measured, lane.flow.ageingBasis]).toEqual([20, 3, 'median cycle time']);
        expect(lane.cells.doing.map(card => [card.name, card.flow.ageDays, card.flow.ageing])).toEqual([
            ['Fresh', 9, 'fresh'],
            ['Ageing', 28, 'ageing'],
            ['Old', 90, 'old'],
            ['Undated', undefined, undefined]
        ]);
        expect(lane.flow.recent).toEqual([{ period: '2026-Q1', count: 3 }]);
        // The ready card waited 120 days since its update, doing cards 4 on average: ready is where the lane waits.
        expect(lane.flow.waiting).toEqual({ column: 'ready', averageDays: 120, cards: 1 });

        const html = renderKanbanHtml(board);
        expect(html).toContain('Ages on 2026-03-01');
        expect(html).toContain('<span class="age age-fresh"><span class="mark" aria-hidden="true">○</span> 9 days · fresh</span>');
        expect(html).toContain('<span class="age age-ageing"><span class="mark" aria-hidden="true">◐</span> 28 days · ageing</span>');
        expect(html).toContain('<span class="age age-old"><span class="mark" aria-hidden="true">●</span> 90 days · old</span>');
        expect(html).toMatch(/class="card ageing-old"[^>]*title="old one\ninitiative Old · doing\nupdated 2026-02-27\nstarted 2025-12-01/);
        // No start date: no invented age, and the card says why.
        expect(html).toContain('<span class="age age-unknown">age unknown: no started date</span>');
        expect(html).toContain('<span class="cycle">cycle 10 days</span>');
        expect(html).toContain('<span class="cycle">cycle 30 days (finish: updated)</span>');
        expect(html).toContain('finished 2026-01-31 (inferred from updated: no finished date)');
        expect(html).toContain('<div class="cycle-time">Median cycle 20 days (3 finished)</div>');
        expect(html).toContain('<div class="throughput">Finished per quarter: 2026-Q1 3</div>');
        expect(html).toContain('<div class="wip">WIP 4 / 2 — over limit</div>');
        expect(html).toContain('<div class="waits">⚑ Waits longest in ready (avg 120 days)</div>');
        expect(html).toContain('<div class="cell col-ready waiting" role="cell"><div class="wait-note"');
        expect(html).toContain('⚑ waits longest · avg 120 days</div>');
    });

    it('counts ageing from stalledAfterDays until three cards are finished, and follows --today', async () => {
        const files = {
            's.eos': `stream Web "Web"
initiative A "a" { stream Web status doing started 2026-01-01 }
initiative D "d" { stream Web status done started 2025-12-01 finished 2025-12-05 }
`
        };
        const early = await kanbanOf(files, '2026-01-20');
        const lane = early.lanes[0];
        expect([lane.flow.ageingBasis, lane.flow.ageingAfterDays, lane.flow.medianCycleDays]).toEqual(['stalledAfterDays', 30, 4]);
        expect(lane.cells.doing[0].flow).toMatchObject({ ageDays: 19, ageing: 'fresh' });
        // A later --today ages the same card; quarters without a finish count as 0.
        const late = await kanbanOf(files, '2026-04-15');
        expect(late.lanes[0].cells.doing[0].flow).toMatchObject({ ageDays: 104, ageing: 'old' });
        expect(late.lanes[0].flow.recent).toEqual([
            { period: '2025-Q4', count: 1 },
            { period: '2026-Q1', count: 0 },
            { period: '2026-Q2', count: 0 }
        ]);
        // One open column with dated cards compares nothing: no "waits longest" mark.
        expect(late.lanes[0].flow.waiting).toBeUndefined();
        expect(renderKanbanHtml(late)).not.toContain('waits longest ·');
    });

    it('escapes user text in the flow tooltips and lane figures', async () => {
        const hostile = `<script>x</script> & 'q'`;
        const board = await kanbanOf({ 's.eos': `stream W "${hostile}"\ninitiative I "${hostile}" { stream W status done started 2026-01-01 finished 2026-01-05 }\n` });
        const html = renderKanbanHtml(board);
        expect(html).not.toContain('<script>');
        expect(html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; &#39;q&#39;');
        expect(html).toContain('<span class="cycle">cycle 4 days</span>');
    });
});
