/** Structure: names, cycles and calendar values that make the model well-formed. */
import { dateProblem, periodProblem } from '../../model/dates.js';
import { KIND_LABEL, type StrategyElement } from '../../model/elements.js';
import type { WorkspaceModel } from '../../model/workspace-model.js';
import type { Issue } from '../issue.js';
import { issueOn, label, type ElementRule } from '../issue.js';

export const duplicateName: ElementRule = (element, { model }, report) => {
    const same = model.named(element.kind, element.name);
    if (same.length < 2) return;
    const others = same.filter(other => other !== element).map(where).join(', ');
    report(issueOn(element, 'duplicate-name',
        `Another ${KIND_LABEL[element.kind]} is also named ${label(element)} (${others}). Names must be unique per kind so that every reference means one thing: rename one of them.`));
};

function where(element: StrategyElement): string {
    const file = element.uri.replace(/^.*\//, '');
    return `${decodeURIComponent(file)}:${element.nameRange.start.line + 1}`;
}

export const duplicateProperty: ElementRule = (element, _context, report) => {
    for (const { property, range } of element.repeatedProperties ?? []) {
        report({
            code: 'duplicate-property', uri: element.uri, range,
            message: `${capitalise(KIND_LABEL[element.kind])} ${label(element)} sets \`${PROPERTY_WORD[property] ?? property}\` more than once; only the last one counts. Keep one.`
        });
    }
};

/** The keyword that writes a property, where it differs from the property's name. */
const PROPERTY_WORD: Record<string, string> = { situation: 'when', chosen: 'choose', over: 'choose … over', rationale: 'because' };

export const invalidPeriod: ElementRule = (element, _context, report) => {
    const problems: Array<[string, string | undefined]> = [];
    if (element.period !== undefined) problems.push(['period', periodProblem(element.period)]);
    if (element.updated !== undefined) problems.push(['updated', dateProblem(element.updated)]);
    if (element.deadline !== undefined) problems.push(['deadline', deadlineProblem(element.deadline)]);
    if (element.horizon?.end !== undefined && element.horizon.end < element.horizon.start) {
        problems.push(['horizon', `the horizon ${element.horizon.start}..${element.horizon.end} ends before it starts`]);
    }
    for (const [property, problem] of problems) {
        if (!problem) continue;
        report({ code: 'invalid-period', message: capitalise(problem) + '.', uri: element.uri, range: element.propertyRanges[property] ?? element.nameRange });
    }
    for (const evidence of element.evidence ?? []) {
        const problem = evidence.date !== undefined ? dateProblem(evidence.date) : undefined;
        if (problem) report({ code: 'invalid-period', message: capitalise(problem) + '.', uri: element.uri, range: evidence.range });
    }
};

/** A key result's deadline is a date or a period. */
function deadlineProblem(text: string): string | undefined {
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) return dateProblem(text);
    return periodProblem(text);
}

/** Values the model could not read as written (see measures.ts), each on the value itself. */
export const invalidValue: ElementRule = (element, _context, report) => {
    for (const { message, range } of element.valueProblems ?? []) report({ code: 'invalid-value', message, uri: element.uri, range });
};

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The relations whose chains must not loop: alignment, value inheritance, team hierarchy. */
function chainTargets(model: WorkspaceModel, element: StrategyElement): StrategyElement[] {
    switch (element.kind) {
        case 'okr':
            return model.targets(element, 'supports').map(target => model.okrOf(target)).filter((okr): okr is StrategyElement => !!okr);
        case 'value':
            return model.targets(element, 'extends');
        case 'team':
            return model.targets(element, 'parent');
        default:
            return [];
    }
}

/**
 * Every element on a cycle, with the cycle it lies on (Tarjan's strongly connected components,
 * iterative so that long chains cannot overflow the stack). Linear in elements and links.
 */
export function findCycles(model: WorkspaceModel): Map<StrategyElement, StrategyElement[]> {
    const index = new Map<StrategyElement, number>();
    const low = new Map<StrategyElement, number>();
    const onStack = new Set<StrategyElement>();
    const stack: StrategyElement[] = [];
    const result = new Map<StrategyElement, StrategyElement[]>();
    let counter = 0;
    for (const root of model.elements) {
        if (index.has(root) || (root.kind !== 'okr' && root.kind !== 'value' && root.kind !== 'team')) continue;
        const work: Array<{ node: StrategyElement; next: StrategyElement[]; i: number }> = [];
        const open = (node: StrategyElement) => {
            index.set(node, counter); low.set(node, counter); counter++;
            stack.push(node); onStack.add(node);
            work.push({ node, next: chainTargets(model, node), i: 0 });
        };
        open(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.i < frame.next.length) {
                const child = frame.next[frame.i++];
                if (!index.has(child)) open(child);
                else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: StrategyElement[] = [];
                let member: StrategyElement;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                const selfLoop = component.length === 1 && frame.next.includes(frame.node);
                if (component.length > 1 || selfLoop) {
                    component.reverse();
                    for (const m of component) result.set(m, component);
                }
            }
        }
    }
    return result;
}

const RELATION_WORD: Partial<Record<StrategyElement['kind'], string>> = { okr: 'supports', value: 'extends', team: 'parent' };

export function cycleIssue(element: StrategyElement, cycle: StrategyElement[]): Issue {
    const start = cycle.indexOf(element);
    const path = [...cycle.slice(start), ...cycle.slice(0, start), element].map(e => e.name).join(' → ');
    const word = RELATION_WORD[element.kind] ?? 'link';
    return issueOn(element, 'alignment-cycle',
        `${capitalise(KIND_LABEL[element.kind])} ${label(element)} is on a \`${word}\` cycle: ${path}. A chain of alignment must end somewhere above; break the loop.`,
        { cycle: cycle.map(e => e.name) });
}
