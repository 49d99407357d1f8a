/**
 * Runs every rule over the workspace model and groups the issues by document.
 * Rules are pure: the editor, the CLI and the tests all call this one function.
 * Each rule declares the element kinds it looks at (`ruleFor`); the runner dispatches by kind.
 */
import { ELEMENT_KINDS, type ElementKind, type StrategyElement } from '../../model/elements.js';
import type { WorkspaceModel } from '../../model/workspace-model.js';
import type { ElementRule, Issue, KindRule, RuleContext } from '../issue.js';
import { cascadedOkr, levelInversion, orphanBet, orphanInitiative, streamMismatch, themeWithoutBets, unalignedOkr, unfundedBet } from './alignment-rules.js';
import { betWithoutHypothesis, contradictedBet } from './bet-rules.js';
import { doingWithoutDate, stalledInitiative, wipExceeded } from './flow-rules.js';
import { krNoChange, krNotMeasurable, okrWithoutKrs, tooManyKrs } from './okr-rules.js';
import { checkInProblems, unreadableCheckIn, cycleIssue, duplicateName, duplicateProperty, findCycles, invalidPeriod, invalidValue } from './structure-rules.js';
import { betReviewOverdue, krCheckInStale, krOffTrack, targetsAlwaysMet, themeWithoutCurrentOkrs } from './forecast-rules.js';
import { tenetConflict, tenetNoTradeoff, valueUnpracticed } from './value-rules.js';
import {
    decisionBelowLevel,
    decisionNotEscalated,
    needUnsupported,
    tenetContested,
    tenetSetAsideWithoutReason,
    tenetUnused,
    valueChainBrokenRule,
    valueDrift
} from './autonomy-rules.js';

/** Every element rule; an element's issues come in this order. */
const ELEMENT_RULES: readonly KindRule[] = [
    duplicateName,
    duplicateProperty,
    invalidPeriod,
    invalidValue,
    orphanInitiative,
    orphanBet,
    unalignedOkr,
    cascadedOkr,
    levelInversion,
    streamMismatch,
    unfundedBet,
    themeWithoutBets,
    okrWithoutKrs,
    tooManyKrs,
    krNotMeasurable,
    krNoChange,
    wipExceeded,
    stalledInitiative,
    doingWithoutDate,
    betWithoutHypothesis,
    contradictedBet,
    tenetNoTradeoff,
    tenetConflict,
    valueUnpracticed,
    krOffTrack,
    krCheckInStale,
    betReviewOverdue,
    themeWithoutCurrentOkrs,
    targetsAlwaysMet,
    decisionBelowLevel,
    decisionNotEscalated,
    tenetSetAsideWithoutReason,
    tenetUnused,
    tenetContested,
    valueDrift,
    valueChainBrokenRule,
    needUnsupported
];

/** Each kind's rules, in {@link ELEMENT_RULES} order: the runner's registry. */
export const RULES_BY_KIND: Readonly<Record<ElementKind, readonly ElementRule[]>> = rulesByKind(ELEMENT_RULES);

function rulesByKind(rules: readonly KindRule[]): Record<ElementKind, ElementRule[]> {
    const byKind = {} as Record<ElementKind, ElementRule[]>;
    for (const kind of ELEMENT_KINDS) byKind[kind] = rules.filter(rule => rule.kinds.includes(kind)).map(rule => rule.check);
    return byKind;
}

function checkElement(element: StrategyElement, context: RuleContext, report: (issue: Issue) => void): void {
    for (const check of RULES_BY_KIND[element.kind]) check(element, context, report);
}

export function checkWorkspace(model: WorkspaceModel, options: Omit<RuleContext, 'model'>): Map<string, Issue[]> {
    const context: RuleContext = { ...options, model };
    const byUri = new Map<string, Issue[]>();
    for (const doc of model.documents) byUri.set(doc.uri, []);
    const report = (issue: Issue) => {
        const list = byUri.get(issue.uri);
        if (list) list.push(issue);
        else byUri.set(issue.uri, [issue]);
    };
    for (const element of model.elements) checkElement(element, context, report);
    for (const doc of model.documents) {
        for (const entry of doc.checkIns ?? []) checkInProblems(entry, context, report);
        for (const entry of doc.unreadableCheckIns ?? []) unreadableCheckIn(entry, report);
    }
    for (const [element, cycle] of findCycles(model)) report(cycleIssue(element, cycle));
    return byUri;
}

/**
 * The issues of one document: the element rules over its elements only, and the cycles through
 * them. An edit needs the edited file's findings first; the other files' findings can follow.
 * Gives the same issues as `checkWorkspace(model).get(uri)` (a cycle may be listed from another
 * starting member in `data.cycle`; the message always starts at the element itself).
 */
export function checkDocument(model: WorkspaceModel, uri: string, options: Omit<RuleContext, 'model'>): Issue[] {
    const context: RuleContext = { ...options, model };
    const issues: Issue[] = [];
    const report = (issue: Issue) => {
        if (issue.uri === uri) issues.push(issue);
    };
    const elements = model.elementsIn(uri);
    for (const element of elements) checkElement(element, context, report);
    const doc = model.documents.find(candidate => candidate.uri === uri);
    for (const entry of doc?.checkIns ?? []) checkInProblems(entry, context, report);
    for (const entry of doc?.unreadableCheckIns ?? []) unreadableCheckIn(entry, report);
    // Cycle search rooted at this document's elements: it only walks the chains that leave them.
    const rooted = Object.create(model, { elements: { value: elements } }) as WorkspaceModel;
    for (const [element, cycle] of findCycles(rooted)) report(cycleIssue(element, cycle));
    return issues;
}
