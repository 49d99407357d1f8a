/**
 * The loop's views on the 10k-element bench workspace with 20k check-ins, its `doing`, `done` and
 * `stopped` initiatives given `started` (and the finished ones `finished`) dates, so every card has
 * an age or a cycle time. Measured as the preview computes them on every redraw:
 * - the Portfolio Kanban with its flow (ages, ageing, median cycle time, throughput, where work
 *   waits: buildKanban) and its HTML (renderKanbanHtml);
 * - the tree's graph with each key result's trend line and grade (buildDiagramGraph), against
 *   the same graph of the workspace without check-ins.
 * Budgets (issue 14): the board with its flow at most 50 ms, its HTML at most 50 ms; the trend
 * lines and grades at most 100 ms over the graph without check-ins.
 */
import { buildDiagramGraph } from '../src/diagram/graph.js';
import { buildKanban } from '../src/diagram/kanban.js';
import { renderKanbanHtml } from '../src/diagram/kanban-html.js';
import { diagramSourceOf } from '../src/diagram/render-diagram.js';
import { generateWorkspace, type GeneratedWorkspace } from './generate.js';
import { collectGarbage, median, type Row } from './measure.js';
import { freshServices, fullBuild } from './session.js';

const CHECK_INS = 20_000;
const WARM = 3;

/** Gives every started initiative a start date, and finished ones a finish date (some inferred from `updated`). */
export function withFlowDates(workspace: GeneratedWorkspace): GeneratedWorkspace {
    let n = 0;
    for (const [file, text] of workspace.files) {
        const dated = text.replace(/^( {2})status (doing|done|stopped)\n/gm, (_line, indent: string, status: string) => {
            n++;
            const started = `2025-${String(10 + (n % 3)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
            const finished = status !== 'doing' && n % 4 !== 0 ? `${indent}finished 2026-01-${String(1 + (n % 28)).padStart(2, '0')}\n` : '';
            return `${indent}status ${status}\n${indent}started ${started}\n${finished}`;
        });
        workspace.files.set(file, dated);
    }
    return workspace;
}

export async function loopViewsSection(rows: Row[], log: (message: string) => void): Promise<void> {
    const section = `Loop views: Kanban flow and trend lines, 10k elements + ${CHECK_INS / 1000}k check-ins (medians of 7)`;
    const services = freshServices();
    await fullBuild(withFlowDates(generateWorkspace({ elements: 10_000, files: 100, checkIns: CHECK_INS })), services);
    const source = diagramSourceOf(services.eos.StrategyWorkspace);
    const plain = freshServices();
    await fullBuild(withFlowDates(generateWorkspace({ elements: 10_000, files: 100 })), plain);
    const plainSource = diagramSourceOf(plain.eos.StrategyWorkspace);
    const issues = [...source.issues],
        plainIssues = [...plainSource.issues];
    const board: number[] = [],
        html: number[] = [],
        graph: number[] = [],
        plainGraph: number[] = [];
    let sizes = '';
    for (let i = 0; i < WARM + 7; i++) {
        // the first rounds warm the JIT and are dropped
        collectGarbage();
        const t0 = performance.now();
        const kanban = buildKanban(source.model, issues, source.severityOf, source.clock);
        const t1 = performance.now();
        const text = renderKanbanHtml(kanban);
        const t2 = performance.now();
        const tree = buildDiagramGraph(source.model, issues, source.severityOf, source.clock);
        const t3 = performance.now();
        buildDiagramGraph(plainSource.model, plainIssues, plainSource.severityOf, plainSource.clock);
        const t4 = performance.now();
        if (i < WARM) {
            if (i > 0) continue;
            const cards = kanban.lanes.flatMap(lane => Object.values(lane.cells).flat());
            const rowsOfTree = tree.nodes.flatMap(node => node.keyResults ?? []);
            sizes =
                `${kanban.cards} cards in ${kanban.lanes.length} lanes (${cards.filter(card => card.flow.ageDays !== undefined).length} aged, ` +
                `${cards.filter(card => card.flow.cycleDays !== undefined).length} with a cycle time), ${(text.length / 1024).toFixed(0)} kB HTML; ` +
                `${rowsOfTree.filter(row => row.trend).length} of ${rowsOfTree.length} key results with a trend line`;
            log(`loop views: ${sizes}`);
            continue;
        }
        board.push(t1 - t0);
        html.push(t2 - t1);
        graph.push(t3 - t2);
        plainGraph.push(t4 - t3);
    }
    const [first, second] = sizes.split('; ');
    rows.push({ section, name: 'Kanban with flow (buildKanban)', value: median(board), unit: 'ms', target: 50, detail: first });
    rows.push({ section, name: 'Kanban HTML (renderKanbanHtml)', value: median(html), unit: 'ms', target: 50 });
    rows.push({
        section,
        name: 'tree graph: trend lines + grades, over the graph without check-ins',
        value: Math.max(0, median(graph) - median(plainGraph)),
        unit: 'ms',
        target: 100,
        detail: `graph ${median(graph).toFixed(1)} ms with, ${median(plainGraph).toFixed(1)} ms without; ${second}`
    });
}
