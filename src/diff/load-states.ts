/**
 * Builds the two states of a diff with the real language services — the parse, links and rules
 * `eos check` runs — in one set of services: the before side is built cold, then the after side
 * is applied to it as the editor applies edits (only changed files re-parsed, only documents whose
 * references may resolve differently relinked), so a diff costs one check plus the change.
 */
import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createEosServices, type EosServices } from '../language/eos-module.js';
import type { Severity } from '../language/validation/codes.js';
import { applySeverities, friendlySyntaxMessage, issueToDiagnostic, type EosDiagnosticData } from '../language/validation/eos-document-validator.js';
import { DEFAULT_CONFIG, type EosConfig } from '../language/workspace/eos-config.js';
import type { StateFinding, StrategyState } from './model-diff.js';
import type { WorkspaceTexts } from './sources.js';
import type { SyntaxProblem } from './types.js';

export interface LoadOptions {
    /** Where the workspace is; document URIs are made from it (nothing is read from there). */
    root: string;
    today?: string;
    /** Used for both sides instead of each side's own `eos.config.json`. */
    config?: EosConfig;
}

const SEVERITY_NAME: Record<DiagnosticSeverity, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint'
};

/** A workspace held in memory: one side built, the next applied as an edit. */
export class StateBuilder {
    readonly services: EosServices;
    private readonly uris = new Map<string, URI>();
    private readonly files = new Map<string, string>();
    private current = new Map<string, string>();
    private version = 0;
    private built = false;

    constructor(private readonly options: LoadOptions) {
        this.services = createEosServices(EmptyFileSystem).Eos;
        if (options.today) this.services.eos.StrategyWorkspace.today = options.today;
    }

    private uriOf(file: string): URI {
        let uri = this.uris.get(file);
        if (!uri) {
            uri = URI.file(path.join(this.options.root, ...file.split('/')));
            this.uris.set(file, uri);
            this.files.set(uri.toString(), file);
        }
        return uri;
    }

    /** Builds (the first time) or updates the workspace to these texts and captures its state. */
    async load(texts: WorkspaceTexts): Promise<StrategyState> {
        const strategy = this.services.eos.StrategyWorkspace;
        const config = this.options.config ?? texts.config ?? DEFAULT_CONFIG;
        const shared = this.services.shared;
        if (!this.built) {
            strategy.setConfig(config);
            const documents: LangiumDocument[] = [];
            for (const [file, text] of texts.files) {
                const document = shared.workspace.LangiumDocumentFactory.fromString(text, this.uriOf(file));
                shared.workspace.LangiumDocuments.addDocument(document);
                documents.push(document);
            }
            await shared.workspace.DocumentBuilder.build(documents, { validation: true });
            this.built = true;
        } else {
            if (JSON.stringify(config) !== JSON.stringify(strategy.config)) {
                // Other severities: Langium's own diagnostics in unchanged files would keep the old ones.
                throw new Error('StateBuilder.load: a side with another eos.config.json needs its own builder');
            }
            const changed: URI[] = [];
            for (const [file, text] of texts.files) {
                if (this.current.get(file) === text) continue;
                const uri = this.uriOf(file);
                shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'eos', ++this.version, text));
                changed.push(uri);
            }
            const deleted = [...this.current.keys()].filter(file => !texts.files.has(file)).map(file => this.uriOf(file));
            for (const uri of deleted) shared.workspace.TextDocuments!.delete(uri.toString());
            if (changed.length || deleted.length) await shared.workspace.DocumentBuilder.update(changed, deleted);
        }
        this.current = new Map(texts.files);
        return this.capture(texts);
    }

    private capture(texts: WorkspaceTexts): StrategyState {
        const files = this.files;
        const state = captureState(this.services, { label: texts.label, ...(texts.commit ? { commit: texts.commit } : {}) }, uri => files.get(uri) ?? uri);
        // The texts of this side, not of the documents: the builder is updated to the next side afterwards.
        const snapshot = texts.files;
        return { ...state, textOf: uri => snapshot.get(files.get(uri) ?? '') };
    }
}

/**
 * The state of a set of language services as the diff reads it: the model, the findings with the
 * severities in force, and the files that do not parse. Also how the language server reads the
 * editor's own state (unsaved edits included) to compare it with a revision.
 */
export function captureState(services: EosServices, side: { label: string; commit?: string }, fileOf: (uri: string) => string): StrategyState {
    const strategy = services.eos.StrategyWorkspace;
    const model = strategy.model;
    const findings: StateFinding[] = [];
    const syntaxErrors: SyntaxProblem[] = [];
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        if (document.state < DocumentState.Validated) continue;
        const uri = document.uri.toString();
        const file = fileOf(uri);
        // Langium's findings (syntax, unresolved names) from the last validation of the file; the
        // workspace rules' findings fresh, as a file another edit affects may not have been revalidated.
        const own = (document.diagnostics ?? []).filter(d => (d.data as EosDiagnosticData | undefined)?.workspace !== true);
        // issuesFor: the rules' results for the files just validated are cached; the others are checked now.
        const rules = applySeverities(
            strategy.issuesFor(uri).map(issue => issueToDiagnostic(issue, true)),
            strategy
        );
        for (const d of [...own, ...rules]) findings.push(toFinding(uri, d));
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length || parserErrors.length) {
            // Where the validator puts it (an error at the end of the file has no token line).
            const shown = (document.diagnostics ?? []).find(d => d.code === 'syntax');
            const message = shown
                ? typeof shown.message === 'string'
                    ? shown.message
                    : String(shown.message)
                : friendlySyntaxMessage((lexerErrors[0] ?? parserErrors[0]).message);
            const line = shown ? shown.range.start.line + 1 : document.textDocument.lineCount;
            syntaxErrors.push({ file, line, message });
        }
    }
    syntaxErrors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // Read now: a state is compared right away, before the services take the next edit.
    const texts = new Map<string, string>();
    for (const document of services.shared.workspace.LangiumDocuments.all) texts.set(document.uri.toString(), document.textDocument.getText());
    const textOf = (uri: string) => texts.get(uri);
    return { ...side, model, findings, syntaxErrors, fileOf, textOf };
}

function toFinding(uri: string, d: Diagnostic): StateFinding {
    return {
        uri,
        range: d.range,
        severity: SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code ?? 'syntax'),
        message: typeof d.message === 'string' ? d.message : String(d.message)
    };
}

/** Both states of a comparison; one build plus an update when both sides share their config. */
export async function loadStates(before: WorkspaceTexts, after: WorkspaceTexts, options: LoadOptions): Promise<[StrategyState, StrategyState]> {
    const builder = new StateBuilder(options);
    const first = await builder.load(before);
    const sameConfig = options.config !== undefined || JSON.stringify(before.config ?? DEFAULT_CONFIG) === JSON.stringify(after.config ?? DEFAULT_CONFIG);
    const second = await (sameConfig ? builder : new StateBuilder(options)).load(after);
    return [first, second];
}
