/**
 * Compare mode's cost on a 10k-element workspace (100 files) with 100 elements changed and 10
 * initiatives removed: what the language server does for each picture while comparing — read the
 * editor's state, diff it against the revision (built once and kept), build the tree, lay the
 * change list over it (marks and ghosts), fold as compare mode opens, lay out with ELK, draw the
 * SVG — next to the plain preview of the same workspace. Budget: at most 1,000 ms per picture
 * (the preview's budget for a 1,000-node layout). The ratio to the plain picture is shown, not
 * budgeted: compare mode unfolds the subtrees that hold changes, so it draws up to twice the
 * boxes (300 rather than 150) on top of the diff.
 */
import { buildDiagramGraph, type DiagramGraph } from '../src/diagram/graph.js';
import { diagramSourceOf, renderDiagram } from '../src/diagram/render-diagram.js';
import { overlayDiff } from '../src/diagram/diff-overlay.js';
import { captureState, StateBuilder } from '../src/diff/load-states.js';
import { diffStates } from '../src/diff/model-diff.js';
import { generateWorkspace } from './generate.js';
import { median, type Row } from './measure.js';

/** Removes the first initiative of ten team files: ghosts for the compare view. */
function removeInitiatives(files: Map<string, string>, strategyFile: string): Map<string, string> {
    const result = new Map(files);
    let removed = 0;
    for (const [file, text] of result) {
        if (file === strategyFile || removed >= 10) continue;
        const next = text.replace(/^initiative \w+ "[^"]*" \{\n(?: {2}.*\n)*\}\n/m, '');
        if (next !== text) {
            result.set(file, next);
            removed++;
        }
    }
    return result;
}

export async function compareSection(
    rows: Row[],
    changeHundred: (workspace: ReturnType<typeof generateWorkspace>) => Map<string, string>,
    quick: boolean,
    today: string
): Promise<void> {
    const section = 'Compare mode (preview against a revision)';
    const workspace = generateWorkspace({ elements: 10_000, files: 100 });
    const afterFiles = removeInitiatives(changeHundred(workspace), workspace.strategyFile);
    const options = { root: '/bench', today };
    const before = await new StateBuilder(options).load({ label: 'main', files: workspace.files });
    const builder = new StateBuilder(options);
    const afterState = await builder.load({ label: 'working tree', files: afterFiles });
    const strategy = builder.services.eos.StrategyWorkspace;
    const beforeGraph: DiagramGraph = buildDiagramGraph(before.model, [], () => 'warning', diagramSourceOf(strategy).clock);
    const plain: number[] = [],
        compare: number[] = [],
        diffs: number[] = [],
        captures: number[] = [],
        overlays: number[] = [];
    let nodes = 0,
        visible = 0,
        counts = '';
    for (let i = 0; i < (quick ? 3 : 5) + 1; i++) {
        const p0 = performance.now();
        const source = diagramSourceOf(strategy);
        const graph = buildDiagramGraph(source.model, [...source.issues], source.severityOf, source.clock);
        await renderDiagram({ graph, kanban: { columns: [], lanes: [], cards: 0 }, autonomy: { frameworkSvg: '', matrixSvg: '', broken: 0, types: 0, targets: {} }, graphMs: 0 });
        const p1 = performance.now();
        const state = captureState(builder.services, { label: 'working tree' }, afterState.fileOf);
        const c0 = performance.now();
        const diff = diffStates(before, state);
        const d1 = performance.now();
        const afterGraph = buildDiagramGraph(source.model, [...source.issues], source.severityOf, source.clock);
        const o0 = performance.now();
        const overlaid = overlayDiff(afterGraph, beforeGraph, diff, { before: 'main' });
        const o1 = performance.now();
        const result = await renderDiagram({
            graph: overlaid,
            kanban: { columns: [], lanes: [], cards: 0 },
            autonomy: { frameworkSvg: '', matrixSvg: '', broken: 0, types: 0, targets: {} },
            graphMs: 0
        });
        const c1 = performance.now();
        if (i === 0) continue; // the first round loads ELK and warms the JIT
        plain.push(p1 - p0);
        compare.push(c1 - p1);
        captures.push(c0 - p1);
        diffs.push(d1 - c0);
        overlays.push(o1 - o0);
        nodes = overlaid.nodes.length;
        visible = result.visibleNodes;
        counts = `${diff.counts.modified} changed, ${diff.counts.removed} removed; ${Object.entries(overlaid.compare!.counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')} in the tree`;
    }
    rows.push({ section, name: '10k/100 files: plain preview (graph + layout + SVG)', value: median(plain), unit: 'ms', detail: 'default folds, as the preview opens' });
    rows.push({
        section,
        name: '10k/100 files: compare picture (state + diff + graph + overlay + layout + SVG)',
        value: median(compare),
        unit: 'ms',
        target: 1000,
        detail: `${nodes} tree nodes, ${visible} drawn (changes unfolded); ${counts}`
    });
    rows.push({
        section,
        name: '10k/100 files: compare ÷ plain preview',
        value: median(compare.map((c, i) => c / plain[i])),
        unit: '×',
        detail: "median of the runs' ratios; the compare picture draws up to twice the boxes"
    });
    rows.push({ section, name: "10k/100 files: the editor's state read (findings, syntax errors)", value: median(captures), unit: 'ms', detail: 'captureState, per picture' });
    rows.push({ section, name: '10k/100 files: diff with the revision', value: median(diffs), unit: 'ms', detail: 'diffStates, per picture' });
    rows.push({ section, name: '10k/100 files: overlay (marks and ghosts)', value: median(overlays), unit: 'ms' });
}
