/**
 * Reads documents that are not open through the workspace manager's one reader (regular files
 * only, up to the size limit), and refuses to parse a text above the size or element limit even
 * when the editor sends it: the file gets one error that says to split it, instead of a frozen editor.
 */
import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type Mutable, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EosWorkspaceManager } from './eos-workspace-manager.js';
import { MAX_FILE_BYTES, tooLarge } from './workspace-files.js';
import { tooManyElements } from './element-limit.js';

/** Thrown when a file that is not open cannot be read; the builder drops the document. */
export class UnreadableFileError extends Error {}

export class EosDocumentFactory extends DefaultLangiumDocumentFactory {
    private readonly workspaceManager: () => EosWorkspaceManager;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.workspaceManager = () => services.workspace.WorkspaceManager as EosWorkspaceManager;
    }

    protected override async getInitialText(uri: URI, cancellationToken: CancellationToken): Promise<string> {
        return this.workspaceManager().onDisk ? this.fromDisk(uri) : super.getInitialText(uri, cancellationToken);
    }

    protected override async getUpdatedText<T extends AstNode>(
        document: Mutable<LangiumDocument<T>>,
        textDocument: TextDocument | undefined,
        cancellationToken: CancellationToken
    ): Promise<string> {
        if (textDocument || !this.workspaceManager().onDisk) return super.getUpdatedText(document, textDocument, cancellationToken);
        return this.fromDisk(document.uri);
    }

    private fromDisk(uri: URI): string {
        const read = this.workspaceManager().textFor(uri);
        if (read.problem !== undefined) throw new UnreadableFileError(read.problem);
        return read.text;
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: Parameters<DefaultLangiumDocumentFactory['parse']>[2]): ParseResult<T> {
        return tooLargeToParse<T>(uri, text) ?? super.parse<T>(uri, text, options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const refused = tooLargeToParse<T>(uri, text);
        return refused ? Promise.resolve(refused) : super.parseAsync<T>(uri, text, cancellationToken);
    }
}

/**
 * An empty model with one error at the start, for a text above the size limit (counted in UTF-16
 * units, which is at most the byte size for the text that matters here) or above the element
 * limit (src/language/workspace/element-limit.ts).
 */
function tooLargeToParse<T extends AstNode>(uri: URI, text: string): ParseResult<T> | undefined {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const message =
        text.length > MAX_FILE_BYTES
            ? `${tooLarge(`This file (${name})`, Buffer.byteLength(text, 'utf8'))} It is not analysed, so the editor stays responsive.`
            : tooManyElements(`This file (${name})`, text);
    if (message === undefined) return undefined;
    return {
        value: { $type: 'Model', elements: [] } as unknown as T,
        parserErrors: [],
        lexerErrors: [{ offset: 0, line: 1, column: 1, length: 1, message }]
    };
}
