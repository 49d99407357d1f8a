/**
 * The preview's two aligned-autonomy views on the 10k-element bench workspace (100 files), with a
 * decision log added to it: 40 types of decision rights and 1,000 decision records spread over the
 * crews, each following a tenet and applying a value. Measured as the preview computes them on
 * every redraw: the values framework (graph of bands and links, grid layout and SVG) and the
 * decision-rights matrix (types × teams, its cells and SVG).
 * Budgets (issue 18): each view at most 150 ms, both together (`autonomyViews`) at most 250 ms.
 */
import { buildFramework } from '../src/diagram/framework.js';
import { buildDecisionMatrix } from '../src/diagram/decision-matrix.js';
import { renderFrameworkSvg, renderMatrixSvg } from '../src/diagram/autonomy-svg.js';
import { autonomyViews } from '../src/diagram/autonomy-views.js';
import { generateWorkspace, type GeneratedWorkspace } from './generate.js';
import { collectGarbage, median, type Row } from './measure.js';
import { freshServices, fullBuild } from './session.js';

const TYPES = 40;
const DECISIONS = 1000;

/** The bench workspace plus `decisions.eos`, naming the crews, divisions, tenets and values it has. */
export function workspaceWithDecisionLog(): GeneratedWorkspace {
    const workspace = generateWorkspace({ elements: 10_000, files: 100 });
    const all = [...workspace.files.values()].join('\n');
    const names = (pattern: RegExp) => [...new Set([...all.matchAll(pattern)].map(match => match[1]))];
    const crews = names(/^team (\w+) "[^"]*" \{ level crew/gm);
    const divisions = names(/^team (\w+) "[^"]*" \{ level division/gm);
    const tenets = names(/^tenet (\w+) \{/gm);
    const values = names(/^value (\w+) /gm);
    if (!crews.length || !divisions.length || !tenets.length || !values.length) throw new Error('the bench workspace has no crews, divisions, tenets or values to decide with');
    const lines: string[] = [];
    for (let t = 0; t < TYPES; t++) {
        lines.push(
            `authority Rights${t} "Decisions of kind ${t}" {`,
            t % 3 === 0 ? `  decided by ${divisions[t % divisions.length]}` : `  decided by level ${t % 3 === 1 ? 'crew' : 'division'}`,
            `  escalate when "it reaches another team's customers" to ${divisions[(t + 1) % divisions.length]}`,
            `  applies ${values[t % values.length]}`,
            '}',
            ''
        );
    }
    for (let d = 0; d < DECISIONS; d++) {
        const month = 1 + (d % 2),
            day = 1 + (d % 27);
        lines.push(
            `decision Decision${d} "Decision number ${d}" {`,
            `  date 2026-0${month}-${String(day).padStart(2, '0')}`,
            `  type Rights${d % TYPES}`,
            `  owner ${crews[d % crews.length]}`,
            d % 7 === 0 ? `  sets aside ${tenets[d % tenets.length]} because "the launch could not wait"` : `  follows ${tenets[d % tenets.length]}`,
            `  applies ${values[d % values.length]}`,
            ...(d % 11 === 0 ? ['  triggers escalation', `  escalated to ${divisions[((d % TYPES) + 1) % divisions.length]}`] : []),
            '}',
            ''
        );
    }
    workspace.files.set('decisions.eos', lines.join('\n'));
    workspace.elements += TYPES + DECISIONS;
    return workspace;
}

export async function autonomySection(rows: Row[], log: (message: string) => void): Promise<void> {
    const section = 'Values and Decision rights views, 10k elements + 1,000 decisions (medians of 7)';
    const services = freshServices();
    await fullBuild(workspaceWithDecisionLog(), services);
    const model = services.eos.StrategyWorkspace.model;
    const framework: number[] = [],
        frameworkSvg: number[] = [],
        matrix: number[] = [],
        matrixSvg: number[] = [],
        both: number[] = [];
    let sizes = '';
    for (let i = 0; i <= 7; i++) {
        // the first round warms the JIT and is dropped
        collectGarbage();
        const t0 = performance.now();
        const values = buildFramework(model);
        const t1 = performance.now();
        const valuesSvg = renderFrameworkSvg(values);
        const t2 = performance.now();
        const rights = buildDecisionMatrix(model);
        const t3 = performance.now();
        const rightsSvg = renderMatrixSvg(rights);
        const t4 = performance.now();
        autonomyViews(model);
        const t5 = performance.now();
        if (i === 0) {
            sizes =
                `${values.company.length + values.interpretations.length + values.practices.length + values.tenets.length + values.decisions.length} framework cards, ${(valuesSvg.length / 1024).toFixed(0)} kB SVG; ` +
                `${rights.types.length} types × ${rights.teams.length} teams, ${(rightsSvg.length / 1024).toFixed(0)} kB SVG`;
            log(`autonomy views: ${sizes}`);
            continue;
        }
        framework.push(t1 - t0);
        frameworkSvg.push(t2 - t1);
        matrix.push(t3 - t2);
        matrixSvg.push(t4 - t3);
        both.push(t5 - t4);
    }
    rows.push({
        section,
        name: 'Values: framework graph + layout + SVG',
        value: median(framework.map((f, i) => f + frameworkSvg[i])),
        unit: 'ms',
        target: 150,
        detail: `graph ${median(framework).toFixed(1)}, layout + SVG ${median(frameworkSvg).toFixed(1)} ms`
    });
    rows.push({
        section,
        name: 'Decision rights: matrix + layout + SVG',
        value: median(matrix.map((m, i) => m + matrixSvg[i])),
        unit: 'ms',
        target: 150,
        detail: `matrix ${median(matrix).toFixed(1)}, layout + SVG ${median(matrixSvg).toFixed(1)} ms`
    });
    rows.push({ section, name: 'Both views as the preview asks (autonomyViews)', value: median(both), unit: 'ms', target: 250, detail: sizes });
}
