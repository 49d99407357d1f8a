/**
 * Compare mode for the editor: the revisions a folder can be compared with (`eos/revisions`), and
 * the change list between a revision and what the editor holds now (unsaved edits included),
 * laid over the preview's tree. The revision is read with the real git and built once in its own
 * language services (cached per commit and settings); the current side is the server's own
 * workspace, read under its lock, so every edit updates the comparison at the cost of one diff.
 * Both sides use today's settings (eos.config.json and editor settings as now), so a comparison
 * shows what changed in the strategy, not what changed in the severities.
 */
import * as path from 'node:path';
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { KIND_LABEL } from '../language/model/elements.js';
import type { EosServices } from '../language/eos-module.js';
import { buildDiagramGraph, type DiagramGraph } from '../diagram/graph.js';
import { diagramSourceOf } from '../diagram/render-diagram.js';
import { GHOST_PREFIX, notesOf } from '../diagram/diff-overlay.js';
import { captureState, StateBuilder } from '../diff/load-states.js';
import type { StrategyState } from '../diff/model-diff.js';
import { listRevisions, RevisionsError } from '../diff/revisions.js';
import { gitWorkspace, readRevision } from '../diff/sources.js';
import type { StrategyDiff } from '../diff/types.js';
import { UsageError } from '../cli/workspace.js';
import { reportCaught } from '../language/helpers/answer-or.js';
import { RevisionsRequest, type CompareEntry, type CompareParams, type RevisionsParams, type RevisionsResult } from '../shared/protocol.js';

export function registerCompareHandler(connection: Connection): void {
    // By method name, as the diagram request (see diagram-handler.ts).
    connection.onRequest(RevisionsRequest, params => revisionsFor(params));
}

export function revisionsFor(params: RevisionsParams): RevisionsResult {
    try {
        return { revisions: listRevisions(params.folder) };
    } catch (error) {
        if (error instanceof RevisionsError) return { revisions: [], error: error.message };
        reportCaught('listing the revisions to compare with', error);
        return { revisions: [], error: `The revisions could not be listed: ${(error as Error)?.message ?? String(error)}` };
    }
}

/** The other side of a comparison, built once. */
export interface BeforeSide {
    state: StrategyState;
    graph: DiagramGraph;
    label: string;
    commit: string;
}

let cached: { key: string; side: BeforeSide } | undefined;

/**
 * The revision's side: read with git, built with the current settings. A revision that cannot be
 * read throws an error whose message is for the user.
 */
export async function beforeSide(services: EosServices, compare: CompareParams): Promise<BeforeSide> {
    const strategy = services.eos.StrategyWorkspace;
    const label = compare.label ?? compare.revision;
    let texts;
    try {
        texts = readRevision(gitWorkspace(compare.folder), compare.revision);
    } catch (error) {
        if (error instanceof UsageError) throw new CompareError(editorWords(error.message));
        throw error;
    }
    const settings = { config: strategy.config, diagnostics: strategy.editorDiagnostics, stalled: strategy.editorStalledAfterDays, today: strategy.today };
    const key = JSON.stringify([compare.folder, texts.commit, label, settings]);
    if (cached?.key === key) return cached.side;
    const builder = new StateBuilder({ root: compare.folder, config: strategy.config, ...(strategy.today ? { today: strategy.today } : {}) });
    const other = builder.services.eos.StrategyWorkspace;
    other.editorDiagnostics = strategy.editorDiagnostics;
    other.editorStalledAfterDays = strategy.editorStalledAfterDays;
    const state = await builder.load({ ...texts, label });
    const source = diagramSourceOf(other);
    const graph = buildDiagramGraph(source.model, source.issues, source.severityOf, source.clock);
    const side = { state, graph, label, commit: (texts.commit ?? '').slice(0, 7) };
    cached = { key, side };
    return side;
}

export class CompareError extends Error {}

/** The CLI's messages speak of `eos diff`; in the editor the revision was picked from a list. */
function editorWords(message: string): string {
    return message
        .replace(/: give two folders instead \(eos diff OLD_FOLDER NEW_FOLDER\)/, '.')
        .replace(
            /: give a branch, a tag or a commit id \(git log --oneline lists them\)/,
            ' (was the branch deleted or renamed?). Pick another one with EOS: Compare Strategy with….'
        );
}

/** What the editor holds now, files named relative to the compared folder. */
export function currentState(services: EosServices, folder: string): StrategyState {
    return captureState(services, { label: 'working tree' }, uri => {
        const parsed = URI.parse(uri);
        return parsed.scheme === 'file' ? path.relative(folder, parsed.fsPath).split(path.sep).join('/') : uri;
    });
}

/** The compare view's list: each change as the text output words it, with its box and its source. */
export function compareEntries(diff: StrategyDiff, after: StrategyState, folder: string, drawn: ReadonlySet<string>): CompareEntry[] {
    const entries: CompareEntry[] = [];
    for (const change of diff.elements) {
        const notes = notesOf(change);
        if (change.movedFrom) notes.push(`moved from ${change.movedFrom}`);
        if (change.change === 'unreadable') notes.push(`its file does not parse at ${change.unreadableAt === 'after' ? diff.after.label : diff.before.label}`);
        if (change.change === 'removed') notes.push(`was at ${change.file}:${change.line} in ${diff.before.label}`);
        const treeId = change.kind === 'kr' ? `okr:${change.name.slice(0, change.name.indexOf('.'))}` : `${change.kind}:${change.name}`;
        const nodeId = change.change === 'removed' && change.kind !== 'kr' ? GHOST_PREFIX + treeId : treeId;
        const element = change.change === 'removed' ? undefined : after.model.get(change.kind, change.name);
        entries.push({
            change: change.change,
            text: `${KIND_LABEL[change.kind]} ${change.name}${change.title ? ` “${change.title}”` : ''}`,
            notes,
            ...(drawn.has(nodeId) ? { nodeId } : {}),
            ...(element ? { uri: element.uri, range: element.nameRange } : {})
        });
    }
    for (const [kind, findings] of [
        ['finding-introduced', diff.findings.introduced],
        ['finding-resolved', diff.findings.resolved]
    ] as const) {
        for (const finding of findings) {
            const line = Math.max(0, finding.line - 1),
                character = Math.max(0, finding.column - 1);
            entries.push({
                change: kind,
                text: `${finding.severity} ${finding.code} · ${finding.file}:${finding.line}`,
                notes: [finding.message],
                ...(kind === 'finding-introduced'
                    ? { uri: URI.file(path.join(folder, ...finding.file.split('/'))).toString(), range: { start: { line, character }, end: { line, character } } }
                    : {})
            });
        }
    }
    return entries;
}
