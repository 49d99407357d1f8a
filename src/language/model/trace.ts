/**
 * Traces: the chains from an element up its tree (initiative → bet → theme → vision; OKR →
 * supported OKR or key result → bet → theme → vision; team → parent team; value → value it
 * extends). They answer the strategist's "why are we doing this?" for any element.
 */
import type { LinkRelation, StrategyElement } from './elements.js';
import type { WorkspaceModel } from './workspace-model.js';

/** The relations that lead one step up the tree, per kind. */
const UPWARD: Partial<Record<StrategyElement['kind'], readonly LinkRelation[]>> = {
    theme: ['vision'],
    bet: ['serves'],
    initiative: ['bet'],
    okr: ['supports'],
    team: ['parent'],
    value: ['extends'],
    practice: ['embodies'],
    tenet: ['upholds']
};

/** The elements one step above this one (a key result's parent is its OKR). */
export function parentsOf(model: WorkspaceModel, element: StrategyElement): StrategyElement[] {
    if (element.kind === 'kr') {
        const okr = model.okrOf(element);
        return okr ? [okr] : [];
    }
    return (UPWARD[element.kind] ?? []).flatMap(relation => model.targets(element, relation));
}

/**
 * Every chain from the element to a root, each starting with the element itself. Chains stop at
 * a cycle (the repeated element is not visited twice) and at `limit` chains, so a tangled
 * workspace cannot blow up a hover.
 */
export function tracesOf(model: WorkspaceModel, element: StrategyElement, limit = 5): StrategyElement[][] {
    const traces: StrategyElement[][] = [];
    const walk = (path: StrategyElement[]): void => {
        if (traces.length >= limit) return;
        const last = path[path.length - 1];
        const parents = parentsOf(model, last).filter(parent => !path.includes(parent));
        if (parents.length === 0) {
            traces.push(path);
            return;
        }
        for (const parent of parents) walk([...path, parent]);
    };
    walk([element]);
    return traces;
}
