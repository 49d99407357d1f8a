/** Structure: names, cycles and calendar values that make the model well-formed. */
import { dateProblem, parseDate, type CalendarProblem } from '../../model/dates.js';
import { horizonProblem, periodProblem } from '../../model/periods.js';
import type { CheckInEntry, UnreadableCheckIn } from '../../model/elements.js';
import { readingFor } from '../../model/measures.js';
import type { RuleContext } from '../issue.js';
import { KIND_LABEL, type StrategyElement } from '../../model/elements.js';
import type { WorkspaceModel } from '../../model/workspace-model.js';
import type { Issue } from '../issue.js';
import { findingMessage, findingOn, label, ruleForEveryKind } from '../issue.js';
import { CATALOGUE } from '../codes.js';

export const duplicateName = ruleForEveryKind((element, { model }, report) => {
    const same = model.named(element.kind, element.name);
    if (same.length < 2) return;
    const others = same
        .filter(other => other !== element)
        .map(other => where(other, element))
        .join(', ');
    report(findingOn(element, 'duplicate-name', `Another ${KIND_LABEL[element.kind]} is also named ${label(element)} (${others})`));
});

/**
 * Where the other element is, seen from `from`: `line 7` in the same file, else its path from the
 * folder both files share (`team.eos:3`, or `teams/growth/strategy.eos:3` when two files are
 * both called strategy.eos), so the user can tell the copies apart.
 */
function where(other: StrategyElement, from: StrategyElement): string {
    const line = other.nameRange.start.line + 1;
    if (other.uri === from.uri) return `line ${line}`;
    const mine = from.uri.split('/'),
        theirs = other.uri.split('/');
    let shared = 0;
    while (shared < mine.length - 1 && shared < theirs.length - 1 && mine[shared] === theirs[shared]) shared++;
    return `${theirs.slice(shared).map(decodePart).join('/')}:${line}`;
}

function decodePart(part: string): string {
    try {
        return decodeURIComponent(part);
    } catch {
        return part;
    }
}

export const duplicateProperty = ruleForEveryKind((element, _context, report) => {
    for (const { property, range } of element.repeatedProperties ?? []) {
        report(
            findingOn(element, 'duplicate-property', `${capitalise(KIND_LABEL[element.kind])} ${label(element)} sets \`${PROPERTY_WORD[property] ?? property}\` more than once`, {
                range
            })
        );
    }
});

/** The keyword that writes a property, where it differs from the property's name. */
const PROPERTY_WORD: Record<string, string> = { situation: 'when', chosen: 'choose', over: 'choose … over', rationale: 'because' };

export const invalidPeriod = ruleForEveryKind((element, { yearStart }, report) => {
    const problems: Array<[string, CalendarProblem | undefined]> = [];
    if (element.period !== undefined) problems.push(['period', periodProblem(element.period, yearStart)]);
    for (const property of ['updated', 'started', 'finished'] as const) {
        const value = element[property];
        if (value !== undefined) problems.push([property, dateProblem(value)]);
    }
    const started = parseDate(element.started ?? '');
    const finished = parseDate(element.finished ?? '');
    if (started !== undefined && finished !== undefined && finished < started) {
        problems.push([
            'finished',
            { fault: `'${element.finished}' is before the start (${element.started}): work cannot finish before it starts.`, fix: 'Correct one of the two dates.' }
        ]);
    }
    if (element.deadline !== undefined) problems.push(['deadline', deadlineProblem(element.deadline, yearStart)]);
    if (element.horizon || element.horizonSpan) {
        problems.push(['horizon', horizonProblem(element.horizon?.start, element.horizon?.end, element.horizonSpan)]);
    }
    for (const [property, problem] of problems) {
        if (!problem) continue;
        report(findingOn(element, 'invalid-period', problem.fault, { fix: problem.fix, range: element.propertyRanges[property] ?? element.nameRange }));
    }
    for (const evidence of element.evidence ?? []) {
        const problem = evidence.date !== undefined ? dateProblem(evidence.date) : undefined;
        if (problem) report(findingOn(element, 'invalid-period', problem.fault, { fix: problem.fix, range: evidence.range }));
    }
});

/**
 * A check-in is a dated reading of a named key result: its date must exist, its name be given and
 * its value be in the key result's unit (else it would count as a different value than meant).
 */
export function checkInProblems(entry: CheckInEntry, context: RuleContext, report: (issue: Issue) => void): void {
    const problem = dateProblem(entry.date);
    if (problem) report(issueAt(entry, 'invalid-period', problem.fault, problem.fix, entry.dateRange));
    const kr = entry.named ? context.model.get('kr', entry.kr) : undefined;
    const reading = kr ? readingFor(entry.value, kr) : undefined;
    if (reading && !reading.ok) {
        const { fault, fix } = splitFix(`${reading.problem.charAt(0).toUpperCase()}${reading.problem.slice(1)}.`);
        report(issueAt(entry, 'invalid-value', `${fault.replace(/\.$/, '')}: this check-in counts for nothing until it does.`, fix, entry.valueRange));
    }
    if (!entry.named) {
        report(
            issueAt(
                entry,
                'unresolved-reference',
                'This check-in names no key result.',
                'Write it as `checkin Okr.Kr 2026-02-09 47%`, or move it under its `kr` line.',
                entry.range
            )
        );
    }
}

/** A check-in whose value cannot be read at all (`6.200`, `30m`): an error on the value, never a guess. */
export function unreadableCheckIn(entry: UnreadableCheckIn, report: (issue: Issue) => void): void {
    const { fault, fix } = splitFix(entry.problem);
    report({
        code: 'invalid-value',
        message: findingMessage(`${fault.replace(/\.$/, '')}: this check-in counts for nothing until it does.`, fix),
        fix,
        uri: entry.uri,
        range: entry.valueRange
    });
}

function issueAt(entry: CheckInEntry, code: Issue['code'], fault: string, fix: string, range: Issue['range']): Issue {
    return { code, message: findingMessage(fault, fix), fix, uri: entry.uri, range };
}

/** A key result's deadline is a date or a period. */
function deadlineProblem(text: string, yearStart: RuleContext['yearStart']): CalendarProblem | undefined {
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) return dateProblem(text);
    return periodProblem(text, yearStart);
}

/** Values the model could not read as written (see measures.ts), each on the value itself. */
export const invalidValue = ruleForEveryKind((element, _context, report) => {
    for (const { message, range } of element.valueProblems ?? []) {
        const { fault, fix } = splitFix(message);
        report(findingOn(element, 'invalid-value', fault, { fix, range }));
    }
});

/** `'30m' could be read …: write 30 min …` → the fault, and the fix as its own sentence. */
function splitFix(message: string): { fault: string; fix: string } {
    const at = message.search(/(: write |\. Write |: an initiative is )/i);
    if (at < 0) return { fault: message, fix: CATALOGUE['invalid-value'].fix };
    const fault = message.slice(0, at) + '.';
    const rest = message.slice(at).replace(/^[:.]\s*/, '');
    return { fault, fix: rest.charAt(0).toUpperCase() + rest.slice(1) };
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The relations whose chains must not loop: alignment, value inheritance, team hierarchy. */
function chainTargets(model: WorkspaceModel, element: StrategyElement): StrategyElement[] {
    switch (element.kind) {
        case 'okr':
            return model
                .targets(element, 'supports')
                .map(target => model.okrOf(target))
                .filter((okr): okr is StrategyElement => !!okr);
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
            index.set(node, counter);
            low.set(node, counter);
            counter++;
            stack.push(node);
            onStack.add(node);
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
    return findingOn(element, 'alignment-cycle', `${capitalise(KIND_LABEL[element.kind])} ${label(element)} is on a \`${word}\` cycle: ${path}`, {
        data: { cycle: cycle.map(e => e.name) }
    });
}
