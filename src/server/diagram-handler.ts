/**
 * Answers `eos/diagram`: the preview's picture, laid out here rather than in the webview (workers
 * in webviews are fragile, and the webview then only swaps an SVG in). The model is read under the
 * workspace lock, so it reflects every edit sent before the request; layout runs after the lock is
 * released, so a large layout never holds up the next build. It never throws: a failure comes back
 * as `error` and the preview keeps its last picture.
 */
import { DocumentState, interruptAndCheck, isOperationCancelled } from 'langium';
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { diagramData, diagramSourceOf, renderDiagram, type DiagramData } from '../diagram/render-diagram.js';
import type { EosServices } from '../language/eos-module.js';
import { DiagramRequest, type DiagramParams, type DiagramResult, type DiagramSyntaxError } from '../shared/protocol.js';
import { reportCaught } from '../language/helpers/answer-or.js';
import type { CompareParams } from '../shared/protocol.js';
import { overlayDiff } from '../diagram/diff-overlay.js';
import { diffStates } from '../diff/model-diff.js';
import { formatDiffMarkdown } from '../diff/format.js';
import { beforeSide, CompareError, compareEntries, currentState, type BeforeSide } from './compare-handler.js';

export function registerDiagramHandler(connection: Connection, services: EosServices): void {
    connection.onRequest(DiagramRequest, async (params, token) => {
        // Before the first workspace build there is nothing to draw: wait for it.
        await services.shared.workspace.WorkspaceManager.ready;
        return diagramFor(services, params, token);
    });
}

/**
 * The picture for a request. A cancelled request (the preview asked for a newer picture) is
 * answered with LSP's RequestCancelled error, which clients expect: it is no failure, so it is
 * not logged as one.
 */
export async function diagramFor(services: EosServices, params: DiagramParams, token: CancellationToken = CancellationToken.None): Promise<DiagramResult> {
    try {
        if (params.compare) return await compareDiagram(services, params, params.compare, token);
        const { data, syntaxErrors } = await services.shared.workspace.WorkspaceLock.read(() => snapshot(services));
        return { ...(await renderDiagram(data, params, token)), syntaxErrors };
    } catch (error) {
        if (isOperationCancelled(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The preview asked for a newer picture.');
        reportCaught('the strategy preview', error);
        return emptyResult(`The strategy preview could not be drawn: ${(error as Error)?.message ?? String(error)}`);
    }
}

/**
 * Compare mode: the current tree with the change list since a revision laid over it. When the
 * revision cannot be read, the plain tree comes back with the reason in `compare.error`.
 */
async function compareDiagram(services: EosServices, params: DiagramParams, compare: CompareParams, token: CancellationToken): Promise<DiagramResult> {
    let before: BeforeSide;
    try {
        before = await beforeSide(services, compare);
    } catch (error) {
        if (!(error instanceof CompareError)) reportCaught('reading the revision to compare with', error);
        const { compare: _, ...plain } = params;
        const result = await diagramFor(services, plain, token);
        const label = compare.label ?? compare.revision;
        return {
            ...result,
            compare: {
                before: label,
                summary: '',
                markdown: '',
                entries: [],
                error: `The strategy could not be compared with ${label}: ${(error as Error)?.message ?? String(error)}`
            }
        };
    }
    const { data, syntaxErrors, diff, after } = await services.shared.workspace.WorkspaceLock.read(() => {
        const shot = snapshot(services);
        const current = currentState(services, compare.folder);
        return { ...shot, after: current, diff: diffStates(before.state, current) };
    });
    const start = performance.now();
    // A commit picked by its id is not named twice ("compared with 22f7d82 (22f7d82)").
    const commit = before.commit && !before.commit.startsWith(before.label) && !before.label.startsWith(before.commit) ? before.commit : undefined;
    const graph = overlayDiff(data.graph, before.graph, diff, { before: before.label, ...(commit ? { commit } : {}) });
    const overlaid = { ...data, graph, graphMs: data.graphMs + performance.now() - start };
    await interruptAndCheck(token);
    const result = await renderDiagram(overlaid, params, token);
    const drawn = new Set(graph.nodes.map(node => node.id));
    return {
        ...result,
        syntaxErrors,
        compare: {
            before: before.label,
            ...(commit ? { commit } : {}),
            summary: diff.summary,
            markdown: formatDiffMarkdown(diff),
            entries: compareEntries(diff, after, compare.folder, drawn)
        }
    };
}

function snapshot(services: EosServices): { data: DiagramData; syntaxErrors: DiagramSyntaxError[] } {
    const strategy = services.eos.StrategyWorkspace;
    const syntaxErrors: DiagramSyntaxError[] = [];
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        if (document.state < DocumentState.Parsed) continue;
        const { lexerErrors, parserErrors } = document.parseResult;
        const first = parserErrors[0] ?? lexerErrors[0];
        if (!first) continue;
        const line = 'token' in first ? (first.token.startLine ?? 1) - 1 : ((first as { line?: number }).line ?? 1) - 1;
        syntaxErrors.push({ uri: document.uri.toString(), line: Math.max(0, line), message: first.message });
    }
    const data = diagramData(diagramSourceOf(strategy));
    return { data, syntaxErrors };
}

function emptyResult(error: string): DiagramResult {
    return {
        svg: '',
        width: 0,
        height: 0,
        nodes: [],
        folded: [],
        collapsed: [],
        totalNodes: 0,
        visibleNodes: 0,
        kanban: { columns: [], lanes: [], cards: 0 },
        filterOptions: { themes: [], streams: [], statuses: [], owners: [] },
        syntaxErrors: [],
        timings: { graphMs: 0, layoutMs: 0, svgMs: 0 },
        error
    };
}
