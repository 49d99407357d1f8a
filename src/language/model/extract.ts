/**
 * Turns a parsed EOS document into its {@link DocumentModel}. Runs once per parse; the result is
 * cached on the AST root so every rule, hover and diagram request of that version shares it.
 */
import { GrammarAST, isCompositeCstNode, isJSDoc, parseJSDoc, type AstNode, type CstNode, type LangiumDocument, type Reference, type CommentProvider } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import { assignmentOf } from '../grammar/grammar-assignment.js';
import type { CheckInEntry, DocumentModel, ElementKind, ElementLink, LinkRelation, StrategyElement, UnreadableCheckIn } from './elements.js';
import { readFigures, readMeasure, type MeasureContext } from './measures.js';
import { KIND_OF_AST_TYPE } from './vocabulary.js';

/** Which kinds a reference may point at, by the relation that writes it. */
export const LINK_TARGETS: Record<LinkRelation, readonly ElementKind[]> = {
    vision: ['vision'],
    serves: ['theme'],
    streams: ['stream'],
    bet: ['bet'],
    stream: ['stream'],
    owner: ['team'],
    parent: ['team'],
    extends: ['value'],
    embodies: ['value'],
    upholds: ['value'],
    // Order matters only when two kinds share a name: the most specific alignment wins.
    supports: ['bet', 'okr', 'kr', 'initiative', 'theme'],
    kr: ['kr'],
    decider: ['team'],
    escalateTo: ['team'],
    applies: ['value'],
    type: ['authority'],
    concerns: ['bet', 'initiative', 'okr', 'stream'],
    follows: ['tenet'],
    setsAside: ['tenet'],
    escalatedTo: ['team'],
    needs: ['team']
};

/**
 * Which kinds a reference may point at, by the grammar property that holds it: the element's own
 * properties are its link relations; references inside a citation, an escalation or a need are
 * named by their own property.
 */
export const REFERENCE_TARGETS: Readonly<Record<string, readonly ElementKind[]>> = {
    ...LINK_TARGETS,
    tenets: LINK_TARGETS.follows,
    to: LINK_TARGETS.escalateTo,
    team: LINK_TARGETS.needs
};

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const cache = new WeakMap<AstNode, DocumentModel>();

export function documentModel(document: LangiumDocument, comments?: CommentProvider): DocumentModel {
    const root = document.parseResult.value;
    let model = cache.get(root);
    if (!model) {
        model = extractModel(root as ast.Model, document.uri.toString(), comments);
        cache.set(root, model);
    }
    return model;
}

export function extractModel(root: ast.Model, uri: string, comments?: CommentProvider): DocumentModel {
    const elements: StrategyElement[] = [];
    const checkIns: CheckInSink = { readable: [], unreadable: [] };
    for (const node of root.elements ?? []) {
        if (!node.name) continue; // recovered from a syntax error: nothing to name, nothing to check
        const properties = propertyNodes(node);
        const element = baseElement(node, properties, KIND_OF_AST_TYPE[node.$type], node.name, uri, comments);
        elements.push(element);
        fill(node, properties, element, uri, elements, comments, checkIns);
    }
    for (const node of root.checkIns ?? []) checkIn(node, undefined, uri, checkIns);
    if (root.checkIns?.length) checkIns.readable.sort((a, b) => comparePositions(a.range, b.range));
    const model: DocumentModel = { uri, elements, checkIns: checkIns.readable };
    if (checkIns.unreadable.length) model.unreadableCheckIns = checkIns.unreadable;
    return model;
}

interface CheckInSink {
    readable: CheckInEntry[];
    unreadable: UnreadableCheckIn[];
}

/**
 * A check-in as data, into `sink.readable`; one whose value cannot be read goes to
 * `sink.unreadable` (reported on the value, counted for nothing: never a guess). Error recovery
 * that left it without a date or value gives nothing (the syntax error says what is missing).
 * Under its `kr` line it is read with that key result's unit and currency (`checkin … 17` for
 * minutes, `1.2m` next to `from £1.9m`).
 */
function checkIn(node: ast.CheckIn, under: StrategyElement | undefined, uri: string, sink: CheckInSink): void {
    if (!node.date || !node.value) return;
    const text = node.value.$cstNode?.text ?? '';
    const range = node.$cstNode?.range ?? EMPTY_RANGE;
    const valueRange = node.value.$cstNode?.range ?? range;
    const written = node.kr?.$refText;
    const kr = written || under?.name || '';
    const reading = readMeasure(text, under ? contextOf(under) : {});
    if (!reading.ok) {
        sink.unreadable.push({ kr, date: node.date, text, uri, valueRange, problem: `${reading.problem.charAt(0).toUpperCase()}${reading.problem.slice(1)}.` });
        return;
    }
    const properties = propertyNodes(node);
    const entry: CheckInEntry = {
        kr,
        named: !!(written || under),
        nested: under !== undefined,
        date: node.date,
        value: reading.value,
        uri,
        range,
        dateRange: properties.get('date')?.nodes[0].range ?? range,
        valueRange
    };
    if (node.confidence) entry.confidence = node.confidence;
    if (node.note !== undefined) entry.note = node.note;
    sink.readable.push(entry);
}

/** The currency a key result's figures are written in, so a check-in may leave the sign out. */
function contextOf(kr: StrategyElement): MeasureContext {
    const currency = [kr.baseline, kr.target].map(value => value?.unit).find((unit): unit is string => unit !== undefined && /^[£€$¥₹]$/.test(unit));
    return currency ? { currency } : {};
}

function baseElement(node: ast.Element | ast.KeyResult, properties: PropertyNodes, kind: ElementKind, name: string, uri: string, comments?: CommentProvider): StrategyElement {
    const element: StrategyElement = {
        kind,
        name,
        uri,
        range: node.$cstNode?.range ?? EMPTY_RANGE,
        nameRange: properties.get('name')?.nodes[0].range ?? node.$cstNode?.range ?? EMPTY_RANGE,
        links: collectLinks(node),
        propertyRanges: {}
    };
    if (node.title !== undefined) element.title = node.title;
    if ('description' in node && node.description !== undefined) {
        element.description = node.description;
        const written = properties.get('description');
        if (written) element.propertyRanges.description = written.nodes[0].range;
    }
    const repeated = repeatedProperties(properties);
    if (repeated.length) element.repeatedProperties = repeated;
    const doc = docComment(node, comments);
    if (doc) element.doc = doc;
    return element;
}

function fill(
    node: ast.Element,
    properties: PropertyNodes,
    element: StrategyElement,
    uri: string,
    sink: StrategyElement[],
    comments: CommentProvider | undefined,
    checkIns: CheckInSink
): void {
    const props = element.propertyRanges;
    const copy = <K extends keyof StrategyElement>(key: K, value: StrategyElement[K] | undefined, property = key as string) => {
        if (value === undefined) return;
        element[key] = value;
        const written = properties.get(property);
        if (written) props[property] = written.nodes[0].range;
    };
    /** `2026..2028`, `2026`, or the span `2026-2028` (one token, so never 2026 and -2028). */
    const copyHorizon = (horizon: ast.Horizon | undefined) => {
        if (!horizon) return;
        const { start, end, span } = horizon;
        const years = span !== undefined ? /^(\d{4})-(\d{4})$/.exec(span) : null;
        if (years) copy('horizon', { start: Number(years[1]), end: Number(years[2]) });
        else if (span !== undefined) copy('horizonSpan', span, 'horizon');
        else if (start !== undefined) copy('horizon', { start, ...(end !== undefined ? { end } : {}) });
    };
    switch (node.$type) {
        case 'Vision':
        case 'Theme':
            copyHorizon(node.horizon);
            break;
        case 'Bet':
            copyHorizon(node.horizon);
            copy('hypothesis', node.hypothesis);
            copy('status', node.status);
            element.evidence = node.evidence.map(ev => ({
                ...(ev.date ? { date: ev.date } : {}),
                verdict: ev.verdict === 'contradicts' ? 'contradicts' : 'supports',
                ...(ev.text !== undefined ? { text: ev.text } : {}),
                range: propertyNodes(ev).get('date')?.nodes[0].range ?? ev.$cstNode?.range ?? EMPTY_RANGE
            }));
            break;
        case 'Stream': {
            // A limit below zero or a fraction of an initiative cannot be kept; reading it as written
            // would report "against a WIP limit of -1". 0 is kept: a stream frozen on purpose.
            const written = properties.get('wip')?.nodes[0];
            if (node.wip !== undefined && !(Number.isInteger(node.wip) && node.wip >= 0)) {
                (element.valueProblems ??= []).push({
                    range: written?.range ?? element.nameRange,
                    message: `'${written?.text ?? node.wip}' is not a WIP limit: write how many initiatives this stream may have in progress at once, a whole number such as \`wip 3\``
                });
            } else copy('wip', node.wip);
            break;
        }
        case 'Initiative':
            copy('status', node.status);
            copy('hypothesis', node.hypothesis);
            copy('outcome', node.outcome);
            copy('success', node.success);
            copy('failure', node.failure);
            copy('updated', node.updated);
            copy('started', node.started);
            copy('finished', node.finished);
            if (node.extraStreams.length) {
                const extra = properties.get('extraStreams')?.nodes ?? [];
                const first = properties.get('stream')?.nodes[0];
                (element.valueProblems ??= []).push(
                    ...extra.map(cst => ({
                        range: cst.range,
                        message: `Initiative '${node.name}' is written in more than one value stream (${[first?.text, ...extra.map(e => e.text)].filter(Boolean).join(', ')}); only '${first?.text ?? ''}' counts. An initiative is one card in one stream: write one initiative per stream (e.g. copy this one as a new initiative with \`stream ${cst.text}\`), and let the bet span both with \`streams\`.`
                    }))
                );
            }
            fillNeeds(node, element);
            break;
        case 'Okr': {
            copy('period', node.period);
            element.keyResults = [];
            for (const kr of node.keyResults) {
                if (!kr.name) continue;
                const krElement = baseElement(kr, propertyNodes(kr), 'kr', `${node.name}.${kr.name}`, uri, comments);
                krElement.okr = node.name;
                readKeyResult(kr, krElement);
                for (const written of kr.checkIns) checkIn(written, krElement, uri, checkIns);
                element.keyResults.push(krElement.name);
                sink.push(krElement);
            }
            fillNeeds(node, element);
            break;
        }
        case 'Team':
            copy('level', node.level);
            break;
        case 'Tenet':
            copy('situation', node.situation);
            copy('chosen', node.chosen);
            copy('over', node.over);
            copy('rationale', node.rationale);
            break;
        case 'Authority':
            copy('level', node.level);
            if (node.escalation) {
                if (node.escalation.trigger !== undefined) element.trigger = node.escalation.trigger;
                const to = node.escalation.to;
                if (to?.$refText) element.links.push(childLink('escalateTo', to, node.escalation));
                props['escalation'] = node.escalation.$cstNode?.range ?? element.nameRange;
            }
            sortLinks(element);
            break;
        case 'Decision':
            copy('date', node.date);
            if (node.triggered) {
                element.triggersEscalation = true;
                const written = properties.get('triggered');
                if (written) props['triggered'] = written.nodes[0].range;
            }
            element.citations = [];
            for (const citation of node.citations) {
                const side = citation.follows ? 'follows' : 'sets-aside';
                for (const tenet of citation.tenets) {
                    if (!tenet.$refText) continue;
                    const link = childLink(side === 'follows' ? 'follows' : 'setsAside', tenet, citation);
                    element.links.push(link);
                    element.citations.push({ tenet: tenet.$refText, side, range: link.range, ...(citation.reason !== undefined ? { reason: citation.reason } : {}) });
                }
            }
            sortLinks(element);
            break;
        default:
            break;
    }
}

/** A link written inside a child node of the element (a citation, a need, an escalation). */
function childLink(relation: LinkRelation, ref: Reference, child: AstNode): ElementLink {
    return { relation, target: ref.$refText, kinds: LINK_TARGETS[relation], range: ref.$refNode?.range ?? child.$cstNode?.range ?? EMPTY_RANGE };
}

function sortLinks(element: StrategyElement): void {
    element.links.sort((a, b) => comparePositions(a.range, b.range));
}

function fillNeeds(node: ast.Okr | ast.Initiative, element: StrategyElement): void {
    if (!node.needs.length) return;
    element.needs = [];
    for (const need of node.needs) {
        if (!need.team?.$refText) continue;
        const link = childLink('needs', need.team, need);
        element.links.push(link);
        element.needs.push({ team: need.team.$refText, range: link.range, ...(need.what !== undefined ? { what: need.what } : {}) });
    }
    sortLinks(element);
}

/** The CST nodes that wrote each property of one AST node, in source order. */
type PropertyNodes = Map<string, { operator: GrammarAST.Assignment['operator']; nodes: CstNode[] }>;

/**
 * One walk over an AST node's own CST (not its children's) that collects every property's CST
 * nodes, the way `GrammarUtils.findNodesForProperty` finds one property's: a node that an
 * assignment produced belongs to that assignment's feature. One walk instead of one search per
 * property, because this runs for every element on every parse.
 */
function propertyNodes(node: AstNode): PropertyNodes {
    const result: PropertyNodes = new Map();
    const root = node.$cstNode;
    if (!root) return result;
    const visit = (cst: CstNode, isRoot: boolean): void => {
        if (!isRoot) {
            const assignment = assignmentOf(cst.grammarSource);
            if (assignment) {
                const entry = result.get(assignment.feature);
                if (entry) entry.nodes.push(cst);
                else result.set(assignment.feature, { operator: assignment.operator, nodes: [cst] });
                return;
            }
        }
        if (isCompositeCstNode(cst) && cst.astNode === node) for (const child of cst.content) visit(child, false);
    };
    visit(root, true);
    return result;
}

/**
 * Single-valued properties written more than once: the parser keeps the last one, so the earlier
 * ones would be dropped silently.
 */
function repeatedProperties(properties: PropertyNodes): Array<{ property: string; range: Range }> {
    const repeated: Array<{ property: string; range: Range }> = [];
    for (const [property, { operator, nodes }] of properties) {
        if (operator !== '=' || property === 'name' || property === 'title') continue;
        for (const node of nodes.slice(1)) repeated.push({ property, range: node.range });
    }
    return repeated.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A key result's figures and deadline, read as measures.ts reads them; unreadable ones reported. */
function readKeyResult(kr: ast.KeyResult, element: StrategyElement): void {
    const figure = (node: ast.Measure | undefined) => (node?.$cstNode ? { text: node.$cstNode.text, where: node.$cstNode.range } : undefined);
    const change =
        kr.change?.amount?.$cstNode && kr.change.direction
            ? { direction: kr.change.direction as 'up' | 'down', text: kr.change.amount.$cstNode.text, where: kr.change.$cstNode!.range }
            : undefined;
    const read = readFigures({ baseline: figure(kr.baseline), target: figure(kr.target), current: figure(kr.current), change });
    if (read.baseline) element.baseline = read.baseline;
    if (read.target) element.target = read.target;
    if (read.current) element.currentWritten = read.current;
    if (read.change) element.change = read.change;
    if (read.problems.length)
        element.valueProblems = read.problems.map(({ where, problem }) => ({ range: where, message: `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.` }));
    if (kr.deadline !== undefined) {
        element.deadline = kr.deadline;
        const written = propertyNodes(kr).get('deadline');
        if (written) element.propertyRanges.deadline = written.nodes[0].range;
    }
}

const LINK_RELATIONS = Object.keys(LINK_TARGETS) as LinkRelation[];

function collectLinks(node: AstNode): ElementLink[] {
    const links: ElementLink[] = [];
    let sorted = true;
    for (const relation of LINK_RELATIONS) {
        const value = (node as unknown as Record<string, unknown>)[relation];
        if (value === undefined) continue;
        const refs: unknown[] = Array.isArray(value) ? value : [value];
        for (const ref of refs) {
            if (!isReferenceLike(ref) || !ref.$refText) continue;
            const link: ElementLink = { relation, target: ref.$refText, kinds: LINK_TARGETS[relation], range: ref.$refNode?.range ?? node.$cstNode?.range ?? EMPTY_RANGE };
            if (links.length && comparePositions(links[links.length - 1].range, link.range) > 0) sorted = false;
            links.push(link);
        }
    }
    // Relations are visited in a fixed order, not source order: sort so messages list links as written.
    return sorted ? links : links.sort((a, b) => comparePositions(a.range, b.range));
}

function comparePositions(a: Range, b: Range): number {
    return a.start.line - b.start.line || a.start.character - b.start.character;
}

function isReferenceLike(value: unknown): value is Reference {
    return typeof value === 'object' && value !== null && '$refText' in value;
}

function docComment(node: AstNode, comments?: CommentProvider): string | undefined {
    const text = comments?.getComment(node);
    if (!text || !isJSDoc(text)) return undefined;
    const markdown = parseJSDoc(text).toMarkdown().trim();
    return markdown || undefined;
}
