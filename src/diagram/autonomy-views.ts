/**
 * The preview's two aligned-autonomy views, from the model: the layered values framework and the
 * decision-rights matrix, drawn as SVG, with what the webview needs to reveal a clicked card.
 */
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { AutonomyViews } from '../shared/protocol.js';
import { renderFrameworkSvg, renderMatrixSvg } from './autonomy-svg.js';
import { buildDecisionMatrix } from './decision-matrix.js';
import { buildFramework } from './framework.js';

export function autonomyViews(model: WorkspaceModel): AutonomyViews {
    const framework = buildFramework(model);
    const matrix = buildDecisionMatrix(model);
    const cards = [...framework.company, ...framework.interpretations, ...framework.practices, ...framework.tenets, ...framework.decisions, ...matrix.types, ...matrix.teams];
    const targets: AutonomyViews['targets'] = {};
    for (const card of cards) targets[card.id] = { name: card.name, ...(card.title ? { title: card.title } : {}), uri: card.uri, nameRange: card.nameRange };
    return { frameworkSvg: renderFrameworkSvg(framework), matrixSvg: renderMatrixSvg(matrix), broken: framework.broken, types: matrix.types.length, targets };
}
