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

/** A chain from an element upwards; `continues` when it was cut at {@link MAX_TRACE_STEPS} and goes on above. */
export type Trace = StrategyElement[] & { continues?: true };

/**
 * The most steps a trace shows. A real chain is a handful (initiative → bet → theme → vision, a
 * few cascaded OKRs); a generated or mistaken chain thousands long would make every hover and
 * site page as long as the chain, so it is cut here and marked as continuing.
 */
export const MAX_TRACE_STEPS = 40;

/**
 * Every chain from the element to a root, each starting with the element itself. Chains stop at
 * a cycle (the repeated element is not visited twice), at {@link MAX_TRACE_STEPS} steps (marked
 * `continues`) and at `limit` chains, so a tangled workspace cannot blow up a hover. Depth first
 * with its own stack, in the order the links are written.
 */
export function tracesOf(model: WorkspaceModel, element: StrategyElement, limit = 5): Trace[] {
    const traces: Trace[] = [];
    const pending: StrategyElement[][] = [[element]];
    for (let path = pending.pop(); path && traces.length < limit; path = pending.pop()) {
        const last = path[path.length - 1];
        const parents = parentsOf(model, last).filter(parent => !path.includes(parent));
        if (parents.length === 0 || path.length >= MAX_TRACE_STEPS) {
            const trace: Trace = path;
            if (parents.length) trace.continues = true;
            traces.push(trace);
            continue;
        }
        for (let i = parents.length - 1; i >= 0; i--) pending.push([...path, parents[i]]);
    }
    return traces;
}
