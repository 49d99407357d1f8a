/**
 * Everything the site is made from, as plain data: the model, the findings with the severities
 * the workspace's configuration gives them, and where each element was written. Site generation
 * reads only this, so it is a pure function of the workspace and the tests feed it directly.
 */
import type { LangiumDocument } from 'langium';
import { diagramSourceOf } from '../diagram/render-diagram.js';
import type { Severity } from '../language/validation/codes.js';
import type { Issue } from '../language/validation/issue.js';
import type { WorkspaceModel } from '../language/model/workspace-model.js';
import type { StrategyElement } from '../language/model/elements.js';
import type { StrategyWorkspace } from '../language/workspace/strategy-workspace.js';
import type { ViewClock } from '../diagram/view-clock.js';

/** A finding as the site shows it: the rule's message with the severity in force. */
export interface SiteFinding {
    code: string;
    severity: Severity;
    message: string;
    /** What to write instead: the end of the message (the rule's own fix, or the catalogue's). */
    fix?: string;
    /** The element it sits on (the first element whose name range holds it), if any. */
    element?: StrategyElement;
    /** File relative to the workspace, 1-based line. */
    file: string;
    line: number;
}

export interface SiteInput {
    model: WorkspaceModel;
    /** Every finding, worst first. */
    findings: SiteFinding[];
    /** The strategy rules' issues and their severities: what the tree's boxes show, as in the editor. */
    issues: readonly Issue[];
    severityOf: (code: string) => Severity | 'off';
    /** Workspace-relative path of a document (never an absolute path of the build machine). */
    fileOf: (uri: string) => string;
    /** Name shown in the header; defaults to the vision's title. */
    title?: string;
    /** Today and the rules' thresholds, as the editor's views use them (the Kanban's ages and flow). */
    clock: ViewClock;
    /** `YYYY-MM-DD` the stalled-work rule measured against, printed in the footer. */
    today?: string;
    /** Number of `.eos` files read. */
    files: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function severityRank(severity: Severity): number {
    return SEVERITY_RANK[severity];
}

/**
 * The site input of a built workspace. Syntax and linking diagnostics come from the documents;
 * the strategy rules' findings from the workspace; both with the configured severities, and
 * findings switched `off` left out, as `eos check` does.
 */
export function siteInputOf(
    strategy: StrategyWorkspace,
    documents: readonly LangiumDocument[],
    fileOf: (uri: string) => string,
    options: { title?: string; today?: string } = {}
): SiteInput {
    const model = strategy.model;
    const findings: SiteFinding[] = [];
    const elementAt = elementLocator(model);
    // The documents' diagnostics are what `eos check` prints: syntax, linking and every strategy
    // rule, with the configured severities applied and codes switched off left out.
    for (const document of documents) {
        const uri = document.uri.toString();
        for (const d of document.diagnostics ?? []) {
            const element = elementAt(uri, d.range.start.line, d.range.start.character);
            findings.push({
                code: String(d.code ?? 'syntax'),
                severity: LSP_SEVERITY[d.severity ?? 1] ?? 'error',
                message: typeof d.message === 'string' ? d.message : String(d.message),
                ...(typeof (d.data as { fix?: unknown } | undefined)?.fix === 'string' ? { fix: (d.data as { fix: string }).fix } : {}),
                file: fileOf(uri),
                line: d.range.start.line + 1,
                ...(element ? { element } : {})
            });
        }
    }
    findings.sort(byRank);
    const source = diagramSourceOf(strategy);
    const today = options.today ?? strategy.today;
    return {
        model,
        findings,
        fileOf,
        files: documents.length,
        issues: [...source.issues],
        severityOf: source.severityOf,
        clock: source.clock,
        ...(options.title ? { title: options.title } : {}),
        ...(today ? { today } : {})
    };
}

function byRank(a: SiteFinding, b: SiteFinding): number {
    return severityRank(a.severity) - severityRank(b.severity) || compare(a.code, b.code) || compare(a.file, b.file) || a.line - b.line;
}

const LSP_SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/**
 * Finds the innermost element whose text holds a position: a finding on a key result belongs to
 * the key result, one on its OKR's name to the OKR.
 */
function elementLocator(model: WorkspaceModel): (uri: string, line: number, character: number) => StrategyElement | undefined {
    const byUri = new Map<string, StrategyElement[]>();
    for (const element of model.elements) {
        const list = byUri.get(element.uri);
        if (list) list.push(element);
        else byUri.set(element.uri, [element]);
    }
    return (uri, line, character) => {
        let best: StrategyElement | undefined;
        for (const element of byUri.get(uri) ?? []) {
            const { start, end } = element.range;
            const after = line > start.line || (line === start.line && character >= start.character);
            const before = line < end.line || (line === end.line && character <= end.character);
            if (after && before && (!best || start.line > best.range.start.line || (start.line === best.range.start.line && start.character >= best.range.start.character)))
                best = element;
        }
        return best;
    };
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
