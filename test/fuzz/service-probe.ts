/**
 * Drives the language services the way an editor does: the edited file's new text goes into
 * `TextDocuments` and `DocumentBuilder.update` rebuilds (parse, link, validate), then every
 * provider the module exposes is asked about the file at the given positions.
 *
 * A problem is anything a user would notice: a request that throws (the editor loses the feature
 * or the server), that answers too slowly, or that answers something that cannot be sent over
 * LSP (not JSON-serialisable).
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';
// The class Langium's request handlers check (`responseError` in langium/lsp): thrown, it is sent
// to the client as the answer (e.g. "Nothing is named 'X', so there is nothing to rename").
import { ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { createEosServices, type EosServices } from '../../src/language/eos-module.js';
import { diagramProbes } from './optional-features.js';

export interface Problem {
    request: string;
    detail: string;
}

export interface ProbeOptions {
    /** A request slower than this is a problem (ms). */
    requestBoundMs: number;
    /** A rebuild slower than this is a problem (ms); larger because it parses the whole file. */
    buildBoundMs: number;
}

export const DEFAULT_BOUNDS: ProbeOptions = { requestBoundMs: 5_000, buildBoundMs: 20_000 };

type Request = { name: string; run: () => unknown };

export class ServiceProbe {
    readonly services: EosServices;
    /** How many requests of each kind were answered, for the report. */
    readonly requestCounts = new Map<string, number>();
    /** How many were answered with an LSP error response on purpose (a message for the user). */
    readonly errorResponses = new Map<string, number>();
    private version = 1;

    private constructor(
        readonly originals: ReadonlyMap<string, string>,
        readonly uris: ReadonlyMap<string, URI>
    ) {
        this.services = createEosServices(EmptyFileSystem).Eos;
        this.services.eos.StrategyWorkspace.today = '2026-03-01';
    }

    /** A workspace holding the given files (path → text), built once. */
    static async open(files: Record<string, string>): Promise<ServiceProbe> {
        const uris = new Map(Object.keys(files).map(file => [file, URI.file(`/fuzz/${file}`)]));
        const probe = new ServiceProbe(new Map(Object.entries(files)), uris);
        for (const [file, text] of Object.entries(files)) probe.setText(file, text);
        await probe.services.shared.workspace.DocumentBuilder.update([...uris.values()], []);
        return probe;
    }

    get files(): string[] {
        return [...this.originals.keys()];
    }

    /** Replaces one file's text, exercises every provider, and restores the original text. */
    async probe(file: string, text: string, offsets: readonly number[], options: ProbeOptions = DEFAULT_BOUNDS): Promise<Problem[]> {
        const problems: Problem[] = [];
        try {
            await this.edit(file, text, problems, options);
            const document = this.services.shared.workspace.LangiumDocuments.getDocument(this.uris.get(file)!);
            if (!document) {
                problems.push({ request: 'build', detail: 'the edited document is missing after the build' });
                return problems;
            }
            for (const request of this.requests(document, offsets)) {
                // Back to the event loop between requests, as a server is: timers (the long run's
                // heartbeat) must run, or a slow input would look like a hang.
                await new Promise(resolve => setImmediate(resolve));
                await this.run(request, problems, options.requestBoundMs);
            }
        } finally {
            await this.edit(file, this.originals.get(file)!, problems, options);
        }
        return problems;
    }

    private setText(file: string, text: string): void {
        const uri = this.uris.get(file)!.toString();
        this.services.shared.workspace.TextDocuments.set(TextDocument.create(uri, 'eos', this.version++, text));
    }

    private async edit(file: string, text: string, problems: Problem[], options: ProbeOptions): Promise<void> {
        this.setText(file, text);
        await this.run({ name: 'build', run: () => this.services.shared.workspace.DocumentBuilder.update([this.uris.get(file)!], []) }, problems, options.buildBoundMs);
    }

    private async run(request: Request, problems: Problem[], boundMs: number): Promise<void> {
        const started = performance.now();
        // Langium catches some provider errors and logs them: in the editor that is a stack trace
        // in the user's output panel and a silently empty answer, so it counts as a problem too.
        const logged: string[] = [];
        const consoleError = console.error;
        console.error = (...args: unknown[]) => {
            logged.push(args.map(arg => (typeof arg === 'string' ? arg : describeError(arg))).join(' '));
        };
        try {
            const result = await request.run();
            JSON.stringify(result);
        } catch (error) {
            if (error instanceof ResponseError) {
                this.errorResponses.set(request.name, (this.errorResponses.get(request.name) ?? 0) + 1);
            } else {
                problems.push({ request: request.name, detail: describeError(error) });
                return;
            }
        } finally {
            console.error = consoleError;
            this.requestCounts.set(request.name, (this.requestCounts.get(request.name) ?? 0) + 1);
            if (logged.length) problems.push({ request: request.name, detail: `logged an error: ${logged[0]}` });
        }
        const elapsed = performance.now() - started;
        if (elapsed > boundMs) problems.push({ request: request.name, detail: `took ${Math.round(elapsed)} ms (bound ${boundMs} ms)` });
    }

    /** Every request the module can answer, for this document at these offsets. */
    private requests(document: LangiumDocument, offsets: readonly number[]): Request[] {
        const lsp = this.services.lsp;
        const shared = this.services.shared;
        const textDocument = { uri: document.uri.toString() };
        const text = document.textDocument.getText();
        const end = document.textDocument.positionAt(text.length);
        const whole: Range = { start: { line: 0, character: 0 }, end };
        const token = CancellationToken.None;
        const requests: Request[] = [];
        const add = (name: string, run: (() => unknown) | false | undefined) => {
            if (run) requests.push({ name, run });
        };

        add('documentSymbol', lsp.DocumentSymbolProvider && (() => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }, token)));
        add('foldingRange', lsp.FoldingRangeProvider && (() => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }, token)));
        add('semanticTokens', lsp.SemanticTokenProvider && (() => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }, token)));
        add('semanticTokensRange', lsp.SemanticTokenProvider && (() => lsp.SemanticTokenProvider!.semanticHighlightRange(document, { textDocument, range: whole }, token)));
        add('formatting', lsp.Formatter && (() => lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } }, token)));
        add('codeLens', lsp.CodeLensProvider && (() => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument }, token)));
        add('inlayHint', lsp.InlayHintProvider && (() => lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: whole }, token)));
        add('documentLink', lsp.DocumentLinkProvider && (() => lsp.DocumentLinkProvider!.getDocumentLinks(document, { textDocument }, token)));
        add('workspaceSymbol', shared.lsp.WorkspaceSymbolProvider && (() => shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: text.slice(0, 3) }, token)));
        add(
            'codeAction(all diagnostics)',
            lsp.CodeActionProvider &&
                (() =>
                    lsp.CodeActionProvider!.getCodeActions(
                        document,
                        {
                            textDocument,
                            range: whole,
                            context: { diagnostics: document.diagnostics ?? [] }
                        },
                        token
                    ))
        );
        for (const probe of diagramProbes(this.services, document)) add(probe.name, probe.run);

        for (const offset of offsets) {
            const position: Position = document.textDocument.positionAt(offset % (text.length + 1));
            const params = { textDocument, position };
            const near = (document.diagnostics ?? []).filter(d => d.range.start.line <= position.line && position.line <= d.range.end.line);
            add('hover', lsp.HoverProvider && (() => lsp.HoverProvider!.getHoverContent(document, params, token)));
            add('completion', lsp.CompletionProvider && (() => lsp.CompletionProvider!.getCompletion(document, { ...params, context: { triggerKind: 1 } }, token)));
            add('definition', lsp.DefinitionProvider && (() => lsp.DefinitionProvider!.getDefinition(document, params, token)));
            add('declaration', lsp.DeclarationProvider && (() => lsp.DeclarationProvider!.getDeclaration(document, params, token)));
            add('references', lsp.ReferencesProvider && (() => lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: true } }, token)));
            add('documentHighlight', lsp.DocumentHighlightProvider && (() => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params, token)));
            add('prepareRename', lsp.RenameProvider && (() => lsp.RenameProvider!.prepareRename(document, params, token)));
            add('rename', lsp.RenameProvider && (() => lsp.RenameProvider!.rename(document, { ...params, newName: 'Renamed_1' }, token)));
            add(
                'signatureHelp',
                lsp.SignatureHelp && (() => lsp.SignatureHelp!.provideSignatureHelp(document, { ...params, context: { triggerKind: 1, isRetrigger: false } }, token))
            );
            add(
                'codeAction',
                lsp.CodeActionProvider &&
                    (() =>
                        lsp.CodeActionProvider!.getCodeActions(
                            document,
                            {
                                textDocument,
                                range: { start: position, end: position },
                                context: { diagnostics: near }
                            },
                            token
                        ))
            );
            add(
                'rangeFormatting',
                lsp.Formatter &&
                    (() =>
                        lsp.Formatter!.formatDocumentRange(
                            document,
                            {
                                textDocument,
                                range: { start: { line: position.line, character: 0 }, end: position },
                                options: { tabSize: 2, insertSpaces: true }
                            },
                            token
                        ))
            );
            add(
                'onTypeFormatting',
                lsp.Formatter &&
                    (() =>
                        lsp.Formatter!.formatDocumentOnType(
                            document,
                            {
                                ...params,
                                ch: '}',
                                options: { tabSize: 2, insertSpaces: true }
                            },
                            token
                        ))
            );
        }
        return requests;
    }
}

export function describeError(error: unknown): string {
    if (error instanceof Error) return `${error.name}: ${error.message}\n${error.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
    return `thrown non-error: ${typeof error === 'symbol' ? error.toString() : String(error)}`;
}
