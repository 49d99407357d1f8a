/**
 * A language-server session without the wire: the same services, builder and workspace-diagnostics
 * refresh the server runs, over in-memory documents, with edits applied the way the editor sends
 * them (a new text-document version, then `DocumentBuilder.update`).
 */
import { DocumentState, EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { createEosServices, type EosServices } from '../src/language/eos-module.js';
import { keepWorkspaceDiagnosticsFresh } from '../src/server/workspace-diagnostics.js';
import type { GeneratedWorkspace } from './generate.js';

export const TODAY = '2026-03-01';

export function uriOf(file: string): URI {
    return URI.file(`/bench/${file}`);
}

export function freshServices(): EosServices {
    const { Eos } = createEosServices(EmptyFileSystem);
    Eos.eos.StrategyWorkspace.today = TODAY;
    void Eos.parser.LangiumParser; // build the parser outside any timing: every case pays it once per process
    return Eos;
}

/** Parses every text once with fresh services: the floor a full build cannot go under. */
export function parseOnly(workspace: GeneratedWorkspace, services = freshServices(), keep?: unknown[]): number {
    const parser = services.parser.LangiumParser;
    const start = performance.now();
    for (const text of workspace.files.values()) {
        const result = parser.parse(text);
        keep?.push(result); // a build keeps every tree: measured both ways, as that costs GC time
    }
    return performance.now() - start;
}

/** Where a cold build's time goes, in ms: parsing, then each of Langium's build phases. */
export interface BuildPhases {
    parse: number;
    index: number;
    link: number;
    references: number;
    validate: number;
}

/** Parses, indexes, links and validates every file (with the workspace rules), as `eos check` does. */
export async function fullBuild(
    workspace: GeneratedWorkspace,
    services = freshServices(),
    options: { validation?: boolean } = {}
): Promise<{ ms: number; phases: BuildPhases; documents: LangiumDocument[] }> {
    const shared = services.shared;
    const builder = shared.workspace.DocumentBuilder;
    const marks = new Map<DocumentState, number>();
    const listeners = [DocumentState.IndexedContent, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated].map(state =>
        builder.onBuildPhase(state, () => {
            marks.set(state, performance.now());
        })
    );
    const start = performance.now();
    const documents: LangiumDocument[] = [];
    for (const [file, text] of workspace.files) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    const parsed = performance.now();
    await builder.build(documents, { validation: options.validation ?? true });
    const end = performance.now();
    for (const listener of listeners) listener.dispose();
    const at = (state: DocumentState, fallback: number) => marks.get(state) ?? fallback;
    const indexed = at(DocumentState.IndexedContent, parsed),
        linked = at(DocumentState.Linked, indexed);
    const referenced = at(DocumentState.IndexedReferences, linked);
    return {
        ms: end - start,
        documents,
        phases: { parse: parsed - start, index: indexed - parsed, link: linked - indexed, references: referenced - linked, validate: end - referenced }
    };
}

export interface EditTiming {
    /** Until the edited document is validated, i.e. its diagnostics are published. */
    diagnostics: number;
    /** CPU time (all threads of the process) spent until then: what the wall time is on an idle machine. */
    diagnosticsCpu: number;
    /** Until the whole update (dependents, workspace findings republished) is done. */
    build: number;
}

/** CPU milliseconds used by this process since `start`. */
export function cpuSince(start: NodeJS.CpuUsage): number {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
}

/** An editor session: files opened as text documents, workspace findings kept fresh. */
export class EditorSession {
    readonly services: EosServices;
    private readonly versions = new Map<string, number>();
    readonly published = new Map<string, number>();

    private constructor(services: EosServices) {
        this.services = services;
        const connection = {
            sendDiagnostics: async (params: { uri: string }) => {
                this.published.set(params.uri, (this.published.get(params.uri) ?? 0) + 1);
            }
        } as unknown as Connection;
        keepWorkspaceDiagnosticsFresh(services, connection);
    }

    static async open(workspace: GeneratedWorkspace, openFiles: readonly string[]): Promise<EditorSession> {
        const session = new EditorSession(freshServices());
        await fullBuild(workspace, session.services);
        for (const file of openFiles) session.setText(file, workspace.files.get(file)!);
        return session;
    }

    document(file: string): LangiumDocument {
        return this.services.shared.workspace.LangiumDocuments.getDocument(uriOf(file))!;
    }

    text(file: string): string {
        return this.document(file).textDocument.getText();
    }

    private setText(file: string, text: string): void {
        const uri = uriOf(file).toString();
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        this.services.shared.workspace.TextDocuments.set(TextDocument.create(uri, 'eos', version, text));
    }

    /** Applies a new text the way the editor does and times it. */
    async edit(file: string, text: string): Promise<EditTiming> {
        const builder = this.services.shared.workspace.DocumentBuilder;
        const uri = uriOf(file);
        const key = uri.toString();
        this.setText(file, text);
        const start = performance.now();
        const cpu = process.cpuUsage();
        let diagnostics = NaN,
            diagnosticsCpu = NaN;
        const listener = builder.onDocumentPhase(DocumentState.Validated, document => {
            if (Number.isNaN(diagnostics) && document.uri.toString() === key) {
                diagnostics = performance.now() - start;
                diagnosticsCpu = cpuSince(cpu);
            }
        });
        try {
            await builder.update([uri], []);
        } finally {
            listener.dispose();
        }
        return { diagnostics, diagnosticsCpu, build: performance.now() - start };
    }
}
