/**
 * model → model → semantic change list. Pure: given the strategy model and findings of two
 * states of a workspace, says what a reviewer needs to know — elements added, removed, moved,
 * renamed, what changed on each, findings introduced and resolved, WIP per stream — whatever
 * produced the states (git revisions, folders, an assistant's proposal, the editor's buffers).
 *
 * Identity: an element is its kind and name (`Okr.Kr` for a key result), wherever it is written,
 * so an element that moves to another file is `modified` with `movedFrom`, not removed and added.
 * Renames: see {@link pairRenames}.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ElementKind, LinkRelation, StrategyElement } from '../language/model/elements.js';
import { KIND_LABEL } from '../language/model/elements.js';
import { tracesOf } from '../language/model/trace.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { Severity } from '../language/validation/codes.js';
import { doingInitiativesByStream } from '../language/model/wip.js';
import { DIFF_SCHEMA, type DiffFinding, type ElementChange, type FieldChange, type StrategyDiff, type SyntaxProblem, type WipChange } from './types.js';

/** A diagnostic of one state, before it is located on an element. */
export interface StateFinding {
    uri: string;
    range: Range;
    severity: Severity;
    code: string;
    message: string;
}

/** One state of a workspace: its model, its findings, and how to name its files. */
export interface StrategyState {
    label: string;
    commit?: string;
    model: WorkspaceModel;
    findings: readonly StateFinding[];
    /** Files that do not parse (first problem of each). */
    syntaxErrors: readonly SyntaxProblem[];
    /** Workspace-relative, `/`-separated path of a document URI. */
    fileOf(uri: string): string;
    /** The text of a document, if known: elements of a file whose text is the same on both sides are not compared field by field. */
    textOf?(uri: string): string | undefined;
}

/** Links written once per element: a change is `before → after`, not a gain and a loss. */
const SINGLE_RELATIONS: ReadonlySet<LinkRelation> = new Set(['vision', 'bet', 'stream', 'owner', 'parent', 'extends']);

/** Not properties a reviewer reads: identity, positions, and lists that are elements of their own. */
const NOT_COMPARED: ReadonlySet<string> = new Set(['kind', 'name', 'uri', 'range', 'nameRange', 'links', 'propertyRanges', 'repeatedProperties', 'keyResults', 'okr']);

/** The order fields are listed in; properties not named here (added to the language later) follow. */
const FIELD_ORDER = [
    'title',
    'status',
    'owner',
    'period',
    'horizon',
    'level',
    'wip',
    'baseline',
    'target',
    'current',
    'updated',
    'hypothesis',
    'outcome',
    'success',
    'failure',
    'situation',
    'chosen',
    'over',
    'rationale',
    'doc',
    'evidence'
];

const KIND_ORDER: Record<ElementKind, number> = {
    vision: 0,
    theme: 1,
    bet: 2,
    stream: 3,
    initiative: 4,
    okr: 5,
    kr: 6,
    team: 7,
    value: 8,
    practice: 9,
    tenet: 10,
    authority: 11,
    decision: 12
};

const key = (kind: ElementKind, name: string) => `${kind}:${name}`;

export function diffStates(before: StrategyState, after: StrategyState): StrategyDiff {
    const beforeElements = byKey(before.model.elements);
    const afterElements = byKey(after.model.elements);
    const brokenBefore = new Set(before.syntaxErrors.map(s => s.file));
    const brokenAfter = new Set(after.syntaxErrors.map(s => s.file));

    const onlyBefore: StrategyElement[] = [];
    const onlyAfter: StrategyElement[] = [];
    for (const [k, list] of beforeElements) if (!afterElements.has(k)) onlyBefore.push(...list);
    for (const [k, list] of afterElements) if (!beforeElements.has(k)) onlyAfter.push(...list);
    const renames = pairRenames(onlyBefore, onlyAfter);
    /** New name of each renamed element, by `kind:oldName`. */
    const newName = new Map<string, string>();
    for (const [old, renamed] of renames) newName.set(key(old.kind, old.name), renamed.name);
    const renamedTo = new Set(renames.values());

    const changes: ElementChange[] = [];
    const themeOf = (state: StrategyState, element: StrategyElement) => themeFor(state.model, element);

    // Elements on both sides (same key, or paired as a rename).
    const pairs: Array<[StrategyElement, StrategyElement]> = [];
    for (const [k, list] of afterElements) {
        const old = beforeElements.get(k);
        if (!old) continue;
        // A duplicated name pairs first with first: the duplicate itself is reported as a finding.
        for (let i = 0; i < Math.min(old.length, list.length); i++) pairs.push([old[i], list[i]]);
        for (const extra of list.slice(old.length)) onlyAfter.push(extra);
        for (const extra of old.slice(list.length)) onlyBefore.push(extra);
    }
    for (const [old, renamed] of renames) pairs.push([old, renamed]);

    const sameFile = new Map<string, boolean>();
    /** Both in the same file with the same text on both sides: the same properties and links. */
    const unchangedFile = (old: StrategyElement, now: StrategyElement) => {
        if (!before.textOf || !after.textOf) return false;
        const k = `${old.uri}\u0000${now.uri}`;
        let same = sameFile.get(k);
        if (same === undefined) {
            const text = before.textOf(old.uri);
            same = text !== undefined && before.fileOf(old.uri) === after.fileOf(now.uri) && text === after.textOf(now.uri);
            sameFile.set(k, same);
        }
        return same;
    };
    for (const [old, now] of pairs) {
        // A file that did not change keeps its parse and its model objects (or, read by other
        // services, its text): nothing to compare, unless a rename elsewhere changed what its links point at.
        if ((old === now || unchangedFile(old, now)) && !renames.size) continue;
        const fields = compareElements(before, old, now, newName);
        const file = after.fileOf(now.uri),
            oldFile = before.fileOf(old.uri);
        const renamed = old.name !== now.name;
        if (!fields.length && !renamed && file === oldFile) continue;
        const unparsed = brokenBefore.has(oldFile) ? (brokenAfter.has(file) ? ('both' as const) : ('before' as const)) : brokenAfter.has(file) ? ('after' as const) : undefined;
        changes.push({
            change: 'modified',
            kind: now.kind,
            name: now.name,
            ...(now.title !== undefined ? { title: now.title } : {}),
            file,
            line: now.nameRange.start.line + 1,
            ...(renamed ? { renamedFrom: old.name } : {}),
            ...(file !== oldFile ? { movedFrom: oldFile } : {}),
            ...(unparsed ? { unparsedAt: unparsed } : {}),
            // An element that lost its place in the tree is reviewed under the theme it served.
            ...(themeFor(after.model, now).theme ? themeOf(after, now) : themeOf(before, old)),
            changes: fields
        });
    }
    for (const element of onlyAfter) {
        if (renamedTo.has(element)) continue;
        const file = after.fileOf(element.uri);
        changes.push({
            change: brokenBefore.has(file) ? 'unreadable' : 'added',
            ...(brokenBefore.has(file) ? { unreadableAt: 'before' as const } : brokenAfter.has(file) ? { unparsedAt: 'after' as const } : {}),
            kind: element.kind,
            name: element.name,
            ...(element.title !== undefined ? { title: element.title } : {}),
            file,
            line: element.nameRange.start.line + 1,
            ...themeOf(after, element),
            changes: []
        });
    }
    for (const element of onlyBefore) {
        if (renames.has(element)) continue;
        const file = before.fileOf(element.uri);
        changes.push({
            change: brokenAfter.has(file) ? 'unreadable' : 'removed',
            ...(brokenAfter.has(file) ? { unreadableAt: 'after' as const } : brokenBefore.has(file) ? { unparsedAt: 'before' as const } : {}),
            kind: element.kind,
            name: element.name,
            ...(element.title !== undefined ? { title: element.title } : {}),
            file,
            line: element.nameRange.start.line + 1,
            ...themeOf(before, element),
            changes: []
        });
    }
    changes.sort(compareChanges);

    const findings = compareFindings(before, after, newName);
    const wip = compareWip(before.model, after.model, newName);
    const files = compareFiles(before, after);
    const counts = countChanges(changes, findings);
    const diff: StrategyDiff = {
        schema: DIFF_SCHEMA,
        before: side(before),
        after: side(after),
        summary: '',
        counts,
        files,
        elements: changes,
        findings,
        wip,
        unparsed: { before: [...before.syntaxErrors], after: [...after.syntaxErrors] }
    };
    diff.summary = summaryLine(diff);
    return diff;
}

function side(state: StrategyState): StrategyDiff['before'] {
    return {
        label: state.label,
        ...(state.commit ? { commit: state.commit } : {}),
        files: state.model.documents.length,
        elements: state.model.elements.length
    };
}

function byKey(elements: readonly StrategyElement[]): Map<string, StrategyElement[]> {
    const map = new Map<string, StrategyElement[]>();
    for (const element of elements) {
        const k = key(element.kind, element.name);
        const list = map.get(k);
        if (list) list.push(element);
        else map.set(k, [element]);
    }
    return map;
}

/**
 * Renames, where they can be told: an element only on the before side and one only on the
 * after side, of the same kind, are one renamed element when
 *   1. they have the same (non-empty) title and no other element on either side of that kind
 *      has it; or
 *   2. failing that, everything but the name is the same (properties, links, doc comment) and
 *      that too is unique.
 * A key result follows its OKR: when `Okr` is renamed to `Goal`, `Okr.Kr` and `Goal.Kr` are the
 * same key result. Anything else is reported as removed and added.
 */
export function pairRenames(onlyBefore: readonly StrategyElement[], onlyAfter: readonly StrategyElement[]): Map<StrategyElement, StrategyElement> {
    const pairs = new Map<StrategyElement, StrategyElement>();
    const taken = new Set<StrategyElement>();
    const match = (signature: (e: StrategyElement) => string | undefined, candidates: (e: StrategyElement) => boolean) => {
        const left = new Map<string, StrategyElement[]>(),
            right = new Map<string, StrategyElement[]>();
        for (const e of onlyBefore) {
            if (pairs.has(e) || !candidates(e)) continue;
            const s = signature(e);
            if (s !== undefined) left.set(s, [...(left.get(s) ?? []), e]);
        }
        for (const e of onlyAfter) {
            if (taken.has(e) || !candidates(e)) continue;
            const s = signature(e);
            if (s !== undefined) right.set(s, [...(right.get(s) ?? []), e]);
        }
        for (const [s, olds] of left) {
            const news = right.get(s);
            if (olds.length === 1 && news?.length === 1) {
                pairs.set(olds[0], news[0]);
                taken.add(news[0]);
            }
        }
    };
    const notKr = (e: StrategyElement) => e.kind !== 'kr';
    match(e => (e.title?.trim() ? `${e.kind}\u0000${e.title.trim()}` : undefined), notKr);
    match(e => `${e.kind}\u0000${contentSignature(e)}`, notKr);
    // Key results of renamed OKRs keep their own name under the new OKR name.
    const okrRenamed = new Map<string, string>();
    for (const [old, now] of pairs) if (old.kind === 'okr') okrRenamed.set(old.name, now.name);
    const ownName = (e: StrategyElement) => e.name.slice(e.name.indexOf('.') + 1);
    const okrNow = (e: StrategyElement, side: 'before' | 'after') => (side === 'before' ? (okrRenamed.get(e.okr ?? '') ?? e.okr) : e.okr);
    const isKr = (e: StrategyElement) => e.kind === 'kr';
    const sideOf = new Set(onlyBefore);
    match(e => `${okrNow(e, sideOf.has(e) ? 'before' : 'after')}.${ownName(e)}`, isKr);
    match(e => (e.title?.trim() ? `${okrNow(e, sideOf.has(e) ? 'before' : 'after')}\u0000${e.title.trim()}` : undefined), isKr);
    return pairs;
}

function contentSignature(element: StrategyElement): string {
    const parts: string[] = [];
    for (const field of fieldNames(element, element)) parts.push(`${field}=${JSON.stringify(describeValue(field, (element as unknown as Record<string, unknown>)[field]))}`);
    for (const link of element.links) parts.push(`${link.relation}>${link.target}`);
    return parts.join('\u0001');
}

function fieldNames(a: StrategyElement, b: StrategyElement): string[] {
    const names = new Set<string>();
    for (const object of [a, b]) for (const name of Object.keys(object)) if (!NOT_COMPARED.has(name)) names.add(name);
    const rank = (name: string) => {
        const i = FIELD_ORDER.indexOf(name);
        return i < 0 ? FIELD_ORDER.length : i;
    };
    return [...names].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1));
}

/** A property value as a reviewer reads it: one string, or a list of entries. */
function describeValue(field: string, value: unknown): string | string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value.map(entry => describeEntry(entry));
    if (typeof value === 'object') {
        const object = value as Record<string, unknown>;
        if (field === 'horizon' && typeof object.start === 'number') return object.end !== undefined ? `${object.start}..${String(object.end)}` : String(object.start);
        if (typeof object.text === 'string') return object.text;
        return describeEntry(value);
    }
    return String(value);
}

/** An entry of a list property (`evidence 2026-02-15 supports "…"`), without its source position. */
function describeEntry(entry: unknown): string {
    if (typeof entry !== 'object' || entry === null) return String(entry);
    const object = entry as Record<string, unknown>;
    if ('verdict' in object) {
        return [object.date, object.verdict, object.text !== undefined ? JSON.stringify(object.text) : undefined].filter(v => v !== undefined).join(' ');
    }
    const { range: _range, ...rest } = object;
    return JSON.stringify(rest);
}

function compareElements(before: StrategyState, old: StrategyElement, now: StrategyElement, newName: Map<string, string>): FieldChange[] {
    const fields: FieldChange[] = [];
    const oldRecord = old as unknown as Record<string, unknown>,
        nowRecord = now as unknown as Record<string, unknown>;
    for (const field of fieldNames(old, now)) {
        const a = describeValue(field, oldRecord[field]),
            b = describeValue(field, nowRecord[field]);
        if (Array.isArray(a) || Array.isArray(b)) {
            const listA = Array.isArray(a) ? a : a === undefined ? [] : [a];
            const listB = Array.isArray(b) ? b : b === undefined ? [] : [b];
            const added = multisetMinus(listB, listA),
                removed = multisetMinus(listA, listB);
            if (added.length || removed.length) fields.push({ field, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) });
        } else if (a !== b) {
            fields.push({ field, ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}), ...trendOf(oldRecord[field], nowRecord[field]) });
        }
    }
    // Links: a target renamed by the same change is not a change of the link.
    const targetsBefore = new Map<LinkRelation, string[]>(),
        targetsAfter = new Map<LinkRelation, string[]>();
    for (const link of old.links) {
        const resolved = before.model.resolve(link);
        const renamed = resolved ? newName.get(key(resolved.kind, resolved.name)) : undefined;
        targetsBefore.set(link.relation, [...(targetsBefore.get(link.relation) ?? []), renamed ?? link.target]);
    }
    for (const link of now.links) targetsAfter.set(link.relation, [...(targetsAfter.get(link.relation) ?? []), link.target]);
    const relations = [...new Set([...targetsBefore.keys(), ...targetsAfter.keys()])];
    for (const relation of relations) {
        const a = targetsBefore.get(relation) ?? [],
            b = targetsAfter.get(relation) ?? [];
        if (SINGLE_RELATIONS.has(relation) && a.length <= 1 && b.length <= 1) {
            if (a[0] !== b[0]) fields.push({ field: relation, ...(a[0] !== undefined ? { before: a[0] } : {}), ...(b[0] !== undefined ? { after: b[0] } : {}) });
            continue;
        }
        const added = multisetMinus(b, a),
            removed = multisetMinus(a, b);
        if (added.length || removed.length) fields.push({ field: relation, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) });
    }
    const rank = (name: string) => {
        const i = FIELD_ORDER.indexOf(name);
        return i < 0 ? FIELD_ORDER.length : i;
    };
    return fields.sort((x, y) => rank(x.field) - rank(y.field));
}

function trendOf(a: unknown, b: unknown): Pick<FieldChange, 'trend'> {
    const number = (v: unknown): { value: number; unit?: string } | undefined => {
        if (typeof v === 'number') return { value: v };
        if (typeof v === 'object' && v !== null && typeof (v as { value?: unknown }).value === 'number') return v as { value: number; unit?: string };
        return undefined;
    };
    const x = number(a),
        y = number(b);
    if (!x || !y || x.unit !== y.unit || x.value === y.value) return {};
    return { trend: y.value > x.value ? 'raised' : 'lowered' };
}

function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
    const counts = new Map<string, number>();
    for (const item of b) counts.set(item, (counts.get(item) ?? 0) + 1);
    const result: string[] = [];
    for (const item of a) {
        const n = counts.get(item) ?? 0;
        if (n > 0) counts.set(item, n - 1);
        else result.push(item);
    }
    return result;
}

/** The first theme above the element (itself for a theme), for grouping a review by theme. */
function themeFor(model: WorkspaceModel, element: StrategyElement): Pick<ElementChange, 'theme'> {
    const theme =
        element.kind === 'theme'
            ? element
            : tracesOf(model, element, 3)
                  .flat()
                  .find(e => e.kind === 'theme');
    return theme ? { theme: { name: theme.name, ...(theme.title !== undefined ? { title: theme.title } : {}) } } : {};
}

function compareChanges(a: ElementChange, b: ElementChange): number {
    const themeA = a.theme?.name ?? '\uffff',
        themeB = b.theme?.name ?? '\uffff';
    return themeA < themeB ? -1 : themeA > themeB ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/**
 * Findings are the same on both sides when their code, message and element match (the element
 * under its new name when renamed); findings on no element match by code, message and file. Their
 * line may differ: text above them changed.
 */
function compareFindings(before: StrategyState, after: StrategyState, newName: Map<string, string>): StrategyDiff['findings'] {
    const locate = (state: StrategyState) => {
        const byUri = new Map<string, StrategyElement[]>();
        for (const doc of state.model.documents) byUri.set(doc.uri, doc.elements as StrategyElement[]);
        return state.findings.map(finding => {
            const element = innermost(byUri.get(finding.uri) ?? [], finding.range);
            const located: DiffFinding = {
                severity: finding.severity,
                code: finding.code,
                message: finding.message,
                file: state.fileOf(finding.uri),
                line: finding.range.start.line + 1,
                column: finding.range.start.character + 1,
                ...(element ? { element: { kind: element.kind, name: element.name } } : {})
            };
            return located;
        });
    };
    const identity = (finding: DiffFinding, renamed: boolean) => {
        const name = finding.element ? ((renamed ? newName.get(key(finding.element.kind, finding.element.name)) : undefined) ?? finding.element.name) : undefined;
        return `${finding.code}\u0000${finding.severity}\u0000${finding.message}\u0000${finding.element ? key(finding.element.kind, name!) : finding.file}`;
    };
    const old = locate(before),
        now = locate(after);
    const remaining = new Map<string, number>();
    for (const f of old) {
        const id = identity(f, true);
        remaining.set(id, (remaining.get(id) ?? 0) + 1);
    }
    const introduced: DiffFinding[] = [];
    for (const f of now) {
        const id = identity(f, false);
        const n = remaining.get(id) ?? 0;
        if (n > 0) remaining.set(id, n - 1);
        else introduced.push(f);
    }
    const stillThere = new Map<string, number>();
    for (const f of now) {
        const id = identity(f, false);
        stillThere.set(id, (stillThere.get(id) ?? 0) + 1);
    }
    const resolved: DiffFinding[] = [];
    for (const f of old) {
        const id = identity(f, true);
        const n = stillThere.get(id) ?? 0;
        if (n > 0) stillThere.set(id, n - 1);
        else resolved.push(f);
    }
    const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
    const order = (a: DiffFinding, b: DiffFinding) =>
        rank[a.severity] - rank[b.severity] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
    return { introduced: introduced.sort(order), resolved: resolved.sort(order) };
}

/** The smallest element whose range holds the position (a key result rather than its OKR). */
function innermost(elements: readonly StrategyElement[], range: Range): StrategyElement | undefined {
    let best: StrategyElement | undefined;
    const at = range.start;
    for (const element of elements) {
        const { start, end } = element.range;
        const inside =
            (at.line > start.line || (at.line === start.line && at.character >= start.character)) &&
            (at.line < end.line || (at.line === end.line && at.character <= end.character));
        if (!inside) continue;
        if (!best || start.line > best.range.start.line || (start.line === best.range.start.line && start.character >= best.range.start.character)) best = element;
    }
    return best;
}

function compareWip(before: WorkspaceModel, after: WorkspaceModel, newName: Map<string, string>): WipChange[] {
    const read = (model: WorkspaceModel, rename: boolean) => {
        const doing = doingInitiativesByStream(model);
        const result = new Map<string, { title?: string; doing: number; limit?: number }>();
        for (const stream of model.ofKind('stream')) {
            const name = (rename ? newName.get(key('stream', stream.name)) : undefined) ?? stream.name;
            if (result.has(name)) continue;
            result.set(name, {
                ...(stream.title !== undefined ? { title: stream.title } : {}),
                doing: doing.get(stream)?.length ?? 0,
                ...(stream.wip !== undefined ? { limit: stream.wip } : {})
            });
        }
        return result;
    };
    const a = read(before, true),
        b = read(after, false);
    const changes: WipChange[] = [];
    for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const x = a.get(name),
            y = b.get(name);
        if (x && y && x.doing === y.doing && x.limit === y.limit) continue;
        if (!x && y && y.doing === 0) continue; // a new, empty stream: nothing in progress changed
        if (x && !y && x.doing === 0) continue;
        const title = y?.title ?? x?.title;
        const state = (s: typeof x) => (s ? { doing: s.doing, ...(s.limit !== undefined ? { limit: s.limit } : {}) } : undefined);
        changes.push({ stream: name, ...(title !== undefined ? { title } : {}), ...(x ? { before: state(x)! } : {}), ...(y ? { after: state(y)! } : {}) });
    }
    return changes;
}

/**
 * Files added and removed; a removed file and an added file are one renamed file when most of
 * the removed file's elements (and at least one) now live in the added one.
 */
function compareFiles(before: StrategyState, after: StrategyState): StrategyDiff['files'] {
    const filesOf = (state: StrategyState) => new Map(state.model.documents.map(doc => [state.fileOf(doc.uri), doc]));
    const a = filesOf(before),
        b = filesOf(after);
    const removed = [...a.keys()].filter(file => !b.has(file)).sort();
    const added = [...b.keys()].filter(file => !a.has(file)).sort();
    const renamed: Array<{ from: string; to: string }> = [];
    const whereNow = new Map<string, string>();
    for (const file of added) for (const element of b.get(file)!.elements) whereNow.set(key(element.kind, element.name), file);
    const claimed = new Set<string>();
    for (const file of removed) {
        const elements = a.get(file)!.elements;
        if (!elements.length) continue;
        const votes = new Map<string, number>();
        for (const element of elements) {
            const now = whereNow.get(key(element.kind, element.name));
            if (now) votes.set(now, (votes.get(now) ?? 0) + 1);
        }
        const best = [...votes].sort((x, y) => y[1] - x[1])[0];
        if (best && best[1] * 2 > elements.length && !claimed.has(best[0])) {
            renamed.push({ from: file, to: best[0] });
            claimed.add(best[0]);
        }
    }
    const renamedFrom = new Set(renamed.map(r => r.from));
    return { added: added.filter(f => !claimed.has(f)), removed: removed.filter(f => !renamedFrom.has(f)), renamed };
}

function countChanges(changes: readonly ElementChange[], findings: StrategyDiff['findings']): StrategyDiff['counts'] {
    const introducedBySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of findings.introduced) introducedBySeverity[f.severity]++;
    return {
        added: changes.filter(c => c.change === 'added').length,
        removed: changes.filter(c => c.change === 'removed').length,
        modified: changes.filter(c => c.change === 'modified').length,
        renamed: changes.filter(c => c.renamedFrom !== undefined).length,
        moved: changes.filter(c => c.movedFrom !== undefined).length,
        unreadable: changes.filter(c => c.change === 'unreadable').length,
        findingsIntroduced: findings.introduced.length,
        findingsResolved: findings.resolved.length,
        introducedBySeverity
    };
}

/** How a count of new findings of a code reads in the summary. */
const NEWLY: Partial<Record<string, (n: number) => string>> = {
    'orphan-initiative': n => `${n} initiative${n === 1 ? '' : 's'} now orphaned`,
    'orphan-bet': n => `${n} bet${n === 1 ? ' now serves' : 's now serve'} no theme`,
    'unaligned-okr': n => `${n} OKR${n === 1 ? ' now supports' : 's now support'} nothing`,
    'unfunded-bet': n => `${n} bet${n === 1 ? '' : 's'} now without initiatives`,
    'unresolved-reference': n => `${n} name${n === 1 ? '' : 's'} no longer resolve${n === 1 ? 's' : ''}`,
    'syntax': n => `${n} syntax error${n === 1 ? '' : 's'}`,
    'stalled-initiative': n => `${n} initiative${n === 1 ? '' : 's'} now stalled`
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "bet X stopped; 2 initiatives now orphaned; key result Y's target lowered from 80% to 60%; WIP
 * in Payments back under its limit — 3 modified, 1 added; 2 findings introduced, 1 resolved".
 */
export function summaryLine(diff: StrategyDiff): string {
    const notes: string[] = [];
    for (const change of diff.elements) {
        if (change.change !== 'modified') continue;
        const status = change.changes.find(c => c.field === 'status');
        if (status?.after) notes.push(`${KIND_LABEL[change.kind]} ${change.name} ${status.after === 'stopped' ? 'stopped' : `now ${status.after}`}`);
    }
    const byCode = new Map<string, number>();
    for (const f of diff.findings.introduced) if (f.code !== 'wip-exceeded') byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    for (const [code, n] of byCode) {
        const phrase = NEWLY[code];
        if (phrase) notes.push(phrase(n));
    }
    for (const change of diff.elements) {
        if (change.kind !== 'kr' || change.change !== 'modified') continue;
        for (const field of change.changes) {
            if (!['baseline', 'target'].includes(field.field) || !field.before || !field.after) continue;
            notes.push(`key result ${change.name}'s ${field.field} ${field.trend ?? 'changed'} from ${field.before} to ${field.after}`);
        }
    }
    for (const stream of diff.wip) {
        const over = (s?: { doing: number; limit?: number }) => s?.limit !== undefined && s.doing > s.limit;
        if (over(stream.before) && !over(stream.after) && stream.after) notes.push(`WIP in ${stream.stream} back under its limit`);
        else if (!over(stream.before) && over(stream.after)) notes.push(`WIP in ${stream.stream} over its limit (${stream.after!.doing}/${stream.after!.limit})`);
    }
    const c = diff.counts;
    const changed = diff.elements.filter(e => e.change === 'modified' && e.changes.length).length;
    const counts = [
        c.added && `${c.added} added`,
        c.removed && `${c.removed} removed`,
        changed && `${changed} changed`,
        c.renamed && `${c.renamed} renamed`,
        c.moved && `${c.moved} moved`,
        c.unreadable && `${c.unreadable} unreadable`
    ]
        .filter(Boolean)
        .join(', ');
    const findings = c.findingsIntroduced || c.findingsResolved ? `${plural(c.findingsIntroduced, 'finding')} introduced, ${c.findingsResolved} resolved` : 'no change in findings';
    const shown = notes.slice(0, 4);
    const more = notes.length > shown.length ? ` (+${notes.length - shown.length} more)` : '';
    const tail = `${counts || 'no element changed'}; ${findings}`;
    return shown.length ? `${shown.join('; ')}${more} — ${tail}` : tail.charAt(0).toUpperCase() + tail.slice(1);
}
