/**
 * Keeps workspace-wide findings current in files that were not rebuilt. Langium re-validates only
 * the documents an edit touches; but adding a `doing` initiative in a team file changes the WIP
 * finding on a stream in the strategy file. After each build, this republishes the documents whose
 * workspace findings changed, without re-parsing or re-linking them.
 */
import { DocumentState, interruptAndCheck, isOperationCancelled } from 'langium';
import { CancellationToken, CancellationTokenSource } from 'vscode-languageserver';
import { reportCaught } from '../language/helpers/answer-or.js';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { EosServices } from '../language/eos-module.js';
import { applySeverities, issueToDiagnostic, type EosDiagnosticData } from '../language/validation/eos-document-validator.js';

export interface FreshnessOptions {
    /**
     * 0 (the default): other files are rechecked inside each build, before it ends. More: they are
     * rechecked once no edit came for this many milliseconds, outside the build, so that someone
     * typing gets each keystroke's own diagnostics without the whole workspace rechecked between
     * keystrokes (a workspace of 10,000 elements and 20,000 check-ins takes longer to recheck than
     * the gap between two keystrokes). A new edit stops a recheck under way; its own build
     * schedules the next one. The findings are the same either way; only when they come differs.
     */
    quietMs?: number;
}

/** The language server's quiet period: other files' findings follow 0.3 s after typing pauses. */
export const SERVER_QUIET_MS = 300;

export function keepWorkspaceDiagnosticsFresh(services: EosServices, connection: Connection, options: FreshnessOptions = {}): void {
    const shared = services.shared;
    const strategy = services.eos.StrategyWorkspace;
    const refresh = async (skip: ReadonlySet<string>, cancelToken: CancellationToken) => {
        for (const document of shared.workspace.LangiumDocuments.all.toArray()) {
            // The edited files' diagnostics are out already; a newer edit may interrupt the rest
            // (its own build runs this again over every document).
            await interruptAndCheck(cancelToken);
            const uri = document.uri.toString();
            if (skip.has(uri) || document.state < DocumentState.Validated || !document.diagnostics) continue;
            const fresh = applySeverities(
                strategy.issuesFor(uri).map(issue => issueToDiagnostic(issue, true)),
                strategy
            );
            const previous = document.diagnostics.filter(isWorkspaceDiagnostic);
            if (sameDiagnostics(previous, fresh)) continue;
            document.diagnostics = [...document.diagnostics.filter(d => !isWorkspaceDiagnostic(d)), ...fresh];
            void connection.sendDiagnostics({ uri, diagnostics: document.diagnostics });
        }
    };
    const quietMs = options.quietMs ?? 0;
    if (quietMs <= 0) {
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (built, cancelToken) => refresh(new Set(built.map(doc => doc.uri.toString())), cancelToken));
    } else {
        deferUntilQuiet(services, quietMs, refresh);
    }
    // A deletion may rebuild no document at all (nothing referenced the deleted file), so no build
    // phase runs; the findings it caused elsewhere (a duplicate name, a WIP count) must go anyway.
    // A read waits for the update's build to finish; it changes nothing the build has just done.
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
        if (deleted.length) void shared.workspace.WorkspaceLock.read(() => refresh(new Set(), CancellationToken.None));
    });
}

/**
 * Rechecks the files the last build did not touch once no edit came for `quietMs`. The recheck runs
 * as a read of the workspace (after any build under way, and no build changes it meanwhile) and
 * stops at the next edit: a content change or an update of the builder cancels it and starts the
 * quiet period again. An update that validates nothing (a watched file that changed nothing) still
 * leads to a recheck, of every file then.
 */
function deferUntilQuiet(services: EosServices, quietMs: number, refresh: (skip: ReadonlySet<string>, cancelToken: CancellationToken) => Promise<void>): void {
    const shared = services.shared;
    let timer: NodeJS.Timeout | undefined;
    let running: CancellationTokenSource | undefined;
    /** The documents validated since the last update began: their findings are fresh. */
    let fresh = new Set<string>();
    const recheck = () => {
        const source = (running = new CancellationTokenSource());
        const skip = fresh;
        void shared.workspace.WorkspaceLock.read(async () => {
            try {
                if (!source.token.isCancellationRequested) await refresh(skip, source.token);
            } catch (error) {
                // Stopped by a newer edit: the quiet period after it starts the next recheck.
                if (!isOperationCancelled(error)) reportCaught("rechecking other files' workspace findings", error);
            } finally {
                if (running === source) running = undefined;
            }
        });
    };
    const restart = () => {
        if (timer) clearTimeout(timer);
        running?.cancel();
        running = undefined;
        timer = setTimeout(() => {
            timer = undefined;
            recheck();
        }, quietMs);
    };
    shared.workspace.TextDocuments?.onDidChangeContent(restart);
    shared.workspace.DocumentBuilder.onUpdate(() => {
        fresh = new Set();
        restart();
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
        for (const doc of built) fresh.add(doc.uri.toString());
        restart();
    });
}

function isWorkspaceDiagnostic(diagnostic: Diagnostic): boolean {
    return (diagnostic.data as EosDiagnosticData | undefined)?.workspace === true;
}

function sameDiagnostics(a: Diagnostic[], b: Diagnostic[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        const x = a[i],
            y = b[i];
        if (
            x.code !== y.code ||
            x.message !== y.message ||
            x.severity !== y.severity ||
            x.range.start.line !== y.range.start.line ||
            x.range.start.character !== y.range.start.character ||
            x.range.end.line !== y.range.end.line ||
            x.range.end.character !== y.range.end.character
        )
            return false;
    }
    return true;
}
