/**
 * Compare mode of the Lean Value Tree: the tree of the current state with the change list laid
 * over it. Added and changed elements are marked; removed ones come back as ghosts from the
 * other revision's tree, under the parent they had there (or its ghost), next to the sibling they
 * followed. Pure, and a graph in, a graph out: layout and SVG draw it like any other tree, so the
 * compare view is the same picture path as the preview, the export and the tests.
 */
import { describeFieldChange } from '../diff/format.js';
import type { ElementChange, StrategyDiff } from '../diff/types.js';
import type { DiagramChange, DiagramChangeKind, DiagramEdge, DiagramGraph, DiagramNode, KeyResultRow } from './graph.js';
import { GHOST_PREFIX, UNALIGNED_GROUP_ID } from './graph.js';

export { GHOST_PREFIX };

const TREE_KINDS: ReadonlySet<string> = new Set(['vision', 'theme', 'bet', 'initiative', 'okr']);

export interface OverlayOptions {
    /** The other revision as the user named it, for the legend. */
    before: string;
    commit?: string;
}

/**
 * @param after the tree of the current state (the one the change list's `after` side describes)
 * @param before the tree of the other revision
 */
export function overlayDiff(after: DiagramGraph, before: DiagramGraph, diff: StrategyDiff, options: OverlayOptions): DiagramGraph {
    const nodes = new Map(after.nodes.map(node => [node.id, { ...node, children: [...node.children] }]));
    const beforeNodes = new Map(before.nodes.map(node => [node.id, node]));
    /** Before id → current id, for renamed elements. */
    const renamed = new Map<string, string>();
    for (const change of diff.elements) {
        if (change.renamedFrom) renamed.set(`${change.kind}:${change.renamedFrom}`, `${change.kind}:${change.name}`);
    }
    const counts: Record<DiagramChangeKind, number> = { added: 0, changed: 0, removed: 0, unreadable: 0 };
    const mark = (node: DiagramNode, change: DiagramChange) => {
        if (!node.change) counts[change.kind]++;
        // A change of the element itself wins over "one of its key results changed".
        node.change = node.change && change.kind === 'changed' ? { kind: node.change.kind, notes: [...node.change.notes, ...change.notes] } : change;
    };

    const ghosts: ElementChange[] = [];
    for (const change of diff.elements) {
        if (change.kind === 'kr') {
            markKeyResult(change, nodes, beforeNodes, renamed, mark);
            continue;
        }
        if (!TREE_KINDS.has(change.kind)) continue;
        const gone = change.change === 'removed' || (change.change === 'unreadable' && change.unreadableAt === 'after');
        if (gone) {
            ghosts.push(change);
            continue;
        }
        const node = nodes.get(`${change.kind}:${change.name}`);
        if (!node) continue;
        if (change.change === 'added') mark(node, { kind: 'added', notes: [] });
        else if (change.change === 'unreadable') mark(node, { kind: 'unreadable', notes: [`its file does not parse at ${diff.before.label}`] });
        else {
            const notes = notesOf(change);
            if (notes.length) mark(node, { kind: 'changed', notes });
        }
    }

    // Ghosts, parents before children, so a removed bet's removed initiatives hang under its ghost.
    const beforeOrder = new Map(before.nodes.map((node, index) => [node.id, index]));
    const ghostIds = new Map<string, string>();
    const roots = [...after.roots];
    ghosts.sort((a, b) => (beforeOrder.get(`${a.kind}:${a.name}`) ?? 0) - (beforeOrder.get(`${b.kind}:${b.name}`) ?? 0));
    for (const change of ghosts) {
        const old = beforeNodes.get(`${change.kind}:${change.name}`);
        if (!old) continue;
        const id = GHOST_PREFIX + old.id;
        ghostIds.set(old.id, id);
        const ghost: DiagramNode = {
            id,
            kind: old.kind,
            name: old.name,
            streams: [...old.streams],
            themes: [...old.themes],
            issues: [],
            unaligned: old.unaligned,
            children: [],
            change:
                change.change === 'removed'
                    ? { kind: 'removed', notes: [`removed since ${diff.before.label} (was ${change.file}:${change.line})`] }
                    : { kind: 'unreadable', notes: [`its file does not parse in ${diff.after.label}`] },
            ...(old.title !== undefined ? { title: old.title } : {}),
            ...(old.description !== undefined ? { description: old.description } : {}),
            ...(old.status !== undefined ? { status: old.status } : {}),
            ...(old.period !== undefined ? { period: old.period } : {}),
            ...(old.owner !== undefined ? { owner: old.owner } : {}),
            ...(old.keyResults ? { keyResults: old.keyResults.map(kr => ({ ...kr, issues: [], change: 'removed' as const })) } : {})
        };
        counts[ghost.change!.kind]++;
        nodes.set(id, ghost);
        const parentId = old.parent && (ghostIds.get(old.parent) ?? placeOf(old.parent, nodes, renamed));
        if (parentId) {
            let parent = nodes.get(parentId);
            if (!parent && parentId === UNALIGNED_GROUP_ID) {
                parent = { id: UNALIGNED_GROUP_ID, kind: 'group', name: 'Unaligned', streams: [], themes: [], issues: [], unaligned: true, children: [] };
                nodes.set(UNALIGNED_GROUP_ID, parent);
                roots.push(UNALIGNED_GROUP_ID);
            }
            if (parent) {
                ghost.parent = parent.id;
                insertAfterSibling(parent.children, id, old, beforeNodes.get(old.parent!)?.children ?? [], ghostIds, renamed);
                continue;
            }
        }
        insertAfterSibling(roots, id, old, before.roots, ghostIds, renamed);
    }

    // Depth-first again: ELK receives parents before children, in the order drawn.
    const ordered: DiagramNode[] = [];
    const treeEdges: DiagramEdge[] = [];
    const visit = (id: string) => {
        const node = nodes.get(id);
        if (!node) return;
        ordered.push(node);
        if (node.parent) treeEdges.push({ id: `tree:${node.parent}->${id}`, source: node.parent, target: id, kind: 'tree' });
        for (const child of node.children) visit(child);
    };
    for (const root of roots) visit(root);
    const links = after.edges.filter(edge => edge.kind === 'link');
    return {
        nodes: ordered,
        edges: [...treeEdges, ...links],
        roots,
        streams: after.streams,
        compare: { before: options.before, ...(options.commit ? { commit: options.commit } : {}), counts }
    };
}

/** What the box's tooltip lists for a changed element: the diff's own wording. */
export function notesOf(change: ElementChange): string[] {
    const notes: string[] = [];
    if (change.renamedFrom) notes.push(`renamed from ${change.renamedFrom}`);
    for (const field of change.changes) notes.push(describeFieldChange(field));
    return notes;
}

/** A key result is a row of its OKR's box: the row is marked, and the OKR box marked changed. */
function markKeyResult(
    change: ElementChange,
    nodes: Map<string, DiagramNode>,
    beforeNodes: Map<string, DiagramNode>,
    renamed: Map<string, string>,
    mark: (node: DiagramNode, change: DiagramChange) => void
): void {
    const dot = change.name.indexOf('.');
    const okrName = change.name.slice(0, dot),
        short = change.name.slice(dot + 1);
    const okr = nodes.get(`okr:${okrName}`);
    // A removed OKR's key results are part of its ghost.
    if (!okr?.keyResults) return;
    const kind: DiagramChangeKind = change.change === 'modified' ? 'changed' : change.change;
    if (change.change === 'removed') {
        const oldOkrId = [...renamed].find(([, now]) => now === okr.id)?.[0] ?? okr.id;
        const oldRow = beforeNodes.get(oldOkrId)?.keyResults?.find(row => row.name === short);
        const row: KeyResultRow = oldRow ? { ...oldRow, issues: [], change: 'removed' } : { name: short, label: 'removed', issues: [], change: 'removed' };
        okr.keyResults = [...okr.keyResults, row];
    } else {
        if (kind === 'changed' && !change.changes.length && !change.renamedFrom) return;
        okr.keyResults = okr.keyResults.map(row => (row.name === short ? { ...row, change: kind } : row));
    }
    const what = change.change === 'added' ? 'added' : change.change === 'removed' ? 'removed' : change.change === 'unreadable' ? 'unreadable' : notesOf(change).join('; ');
    mark(okr, { kind: 'changed', notes: [`key result ${short}: ${what}`] });
}

/** Where an element of the other revision sits now: itself (or its new name), if still in the tree. */
function placeOf(beforeId: string, nodes: Map<string, DiagramNode>, renamed: Map<string, string>): string | undefined {
    if (beforeId === UNALIGNED_GROUP_ID) return UNALIGNED_GROUP_ID;
    const now = renamed.get(beforeId) ?? beforeId;
    return nodes.has(now) ? now : undefined;
}

/** Puts a ghost after the sibling it followed in the other revision, or first when none is left. */
function insertAfterSibling(list: string[], id: string, old: DiagramNode, oldSiblings: readonly string[], ghostIds: Map<string, string>, renamed: Map<string, string>): void {
    const index = oldSiblings.indexOf(old.id);
    for (let i = index - 1; i >= 0; i--) {
        const sibling = oldSiblings[i];
        const now = ghostIds.get(sibling) ?? renamed.get(sibling) ?? sibling;
        const at = list.indexOf(now);
        if (at >= 0) {
            list.splice(at + 1, 0, id);
            return;
        }
    }
    // No earlier sibling left: before the first later one that is, else last.
    for (let i = index + 1; i < oldSiblings.length && index >= 0; i++) {
        const sibling = oldSiblings[i];
        const at = list.indexOf(ghostIds.get(sibling) ?? renamed.get(sibling) ?? sibling);
        if (at >= 0) {
            list.splice(at, 0, id);
            return;
        }
    }
    list.push(id);
}
