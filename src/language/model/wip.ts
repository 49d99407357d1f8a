/**
 * Work in progress: which initiatives count against a value stream's WIP limit. One home for the
 * rule "only `doing` counts", shared by the WIP finding and the diff's WIP-per-stream figures.
 */
import type { KanbanStatus } from '../generated/ast.js';
import type { StrategyElement } from './elements.js';
import type { WorkspaceModel } from './workspace-model.js';

/** The initiative status that counts against a stream's WIP limit. */
export const WIP_STATUS = 'doing' satisfies KanbanStatus;

/** The doing initiatives of each stream they resolve to, in one pass over the initiatives. */
export function doingInitiativesByStream(model: WorkspaceModel): Map<StrategyElement, StrategyElement[]> {
    const result = new Map<StrategyElement, StrategyElement[]>();
    for (const initiative of model.ofKind('initiative')) {
        if (initiative.status !== WIP_STATUS) continue;
        const stream = model.target(initiative, 'stream');
        if (!stream) continue;
        const list = result.get(stream);
        if (list) list.push(initiative);
        else result.set(stream, [initiative]);
    }
    return result;
}
