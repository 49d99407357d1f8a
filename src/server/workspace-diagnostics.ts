/**
 * Keeps workspace-wide findings current in files that were not rebuilt. Langium re-validates only
 * the documents an edit touches; but adding a `doing` initiative in a team file changes the WIP
 * finding on a stream in the strategy file. After each build, this republishes the documents whose
 * workspace findings changed, without re-parsing or re-linking them.
 */
import { DocumentState, interruptAndCheck } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { EosServices } from '../language/eos-module.js';
import { applySeverities, issueToDiagnostic, type EosDiagnosticData } from '../language/validation/eos-document-validator.js';

export function keepWorkspaceDiagnosticsFresh(services: EosServices, connection: Connection): void {
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
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (built, cancelToken) => refresh(new Set(built.map(doc => doc.uri.toString())), cancelToken));
    // A deletion may rebuild no document at all (nothing referenced the deleted file), so no build
    // phase runs; the findings it caused elsewhere (a duplicate name, a WIP count) must go anyway.
    // A read waits for the update's build to finish; it changes nothing the build has just done.
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
        if (deleted.length) void shared.workspace.WorkspaceLock.read(() => refresh(new Set(), CancellationToken.None));
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
