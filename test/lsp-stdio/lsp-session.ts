/**
 * A real `eos lsp --stdio` process driven by a JSON-RPC client, the way Neovim or Helix drive it:
 * for tests and the fuzzer's file-system campaign. It records what a user would see: published
 * diagnostics, warnings shown, errors logged, and whether the process is still alive.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    ConfigurationRequest,
    DidChangeTextDocumentNotification,
    DidChangeWatchedFilesNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    LogMessageNotification,
    MessageType,
    PublishDiagnosticsNotification,
    RegistrationRequest,
    ShowMessageNotification,
    ShowMessageRequest,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    createProtocolConnection,
    type Diagnostic,
    type FileEvent,
    type Hover,
    type ProtocolConnection
} from 'vscode-languageserver-protocol/node';

const root = path.resolve(__dirname, '../..');
const bundledCli = path.join(root, 'out/cli.cjs');

export const uriOf = (file: string) => pathToFileURL(file).toString();

/** Newest modification time of the sources the bundle is made from. */
function newestSource(dir: string): number {
    return fs.readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
        const full = path.join(dir, entry.name);
        return Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
    }, 0);
}

/**
 * `npm test` bundles first, so out/cli.cjs is current. Under a bare `npx vitest run` it may be
 * missing or older than the sources: then the CLI alone is bundled into a temporary folder (the
 * same esbuild options as scripts/bundle.mjs), leaving out/ alone for other tests running now.
 */
export async function currentCli(): Promise<{ file: string; temporary?: string }> {
    if (fs.existsSync(bundledCli) && fs.statSync(bundledCli).mtimeMs >= newestSource(path.join(root, 'src'))) return { file: bundledCli };
    const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-cli-'));
    const file = path.join(temporary, 'cli.cjs');
    await esbuild.build({
        entryPoints: [path.join(root, 'src/cli/index.ts')],
        outfile: file,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        mainFields: ['module', 'main'],
        external: ['vscode'],
        logLevel: 'warning'
    });
    return { file, temporary };
}

export interface SessionOptions {
    /** The workspace folder. */
    folder: string;
    /** Whether the client answers `workspace/configuration` (VS Code does; Neovim and Helix often do not). */
    settings?: boolean;
    /** The bundled CLI to run (from `currentCli`). */
    cli: string;
    /** Run the server as this user (tests run as root, where file modes do not stop reads). */
    uid?: number;
    /** Extra environment variables for the server (e.g. a lowered `EOS_MAX_FILE_ELEMENTS`). */
    env?: Record<string, string>;
}

export class LspSession {
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** Warnings and errors shown to the user (window/showMessage). */
    readonly shown: Array<{ type: number; message: string }> = [];
    /** Errors written to the server's log (window/logMessage of type Error) and stderr. */
    readonly errors: string[] = [];
    private readonly waiters = new Set<() => void>();
    private readonly versions = new Map<string, number>();
    exited: number | null | undefined;

    private constructor(
        readonly server: ChildProcessWithoutNullStreams,
        readonly connection: ProtocolConnection,
        readonly options: SessionOptions
    ) {}

    static async start(options: SessionOptions): Promise<LspSession> {
        const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
        const server = spawn(process.execPath, [options.cli, 'lsp', '--stdio'], {
            cwd: options.folder,
            stdio: 'pipe',
            ...user,
            ...(options.env ? { env: { ...process.env, ...options.env } } : {})
        });
        const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        const session = new LspSession(server, connection, options);
        server.stderr.on('data', chunk => {
            session.errors.push(`stderr: ${String(chunk)}`);
        });
        server.on('exit', code => {
            session.exited = code;
            session.notify();
        });
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            session.diagnostics.set(params.uri, params.diagnostics);
            session.notify();
        });
        connection.onNotification(ShowMessageNotification.type, params => {
            session.shown.push(params);
            session.notify();
        });
        connection.onRequest(ShowMessageRequest.type, params => {
            session.shown.push(params);
            session.notify();
            return null;
        });
        connection.onNotification(LogMessageNotification.type, params => {
            if (params.type === MessageType.Error) session.errors.push(params.message);
            session.notify();
        });
        connection.onRequest(RegistrationRequest.type, () => undefined);
        if (options.settings) connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
        connection.onError(() => undefined);
        connection.onClose(() => undefined);
        connection.listen();
        const folderUri = uriOf(options.folder);
        await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: folderUri,
            workspaceFolders: [{ uri: folderUri, name: path.basename(options.folder) }],
            capabilities: {
                workspace: { configuration: !!options.settings, didChangeWatchedFiles: { dynamicRegistration: true } },
                textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} }
            }
        });
        await connection.sendNotification(InitializedNotification.type, {});
        return session;
    }

    private notify(): void {
        for (const waiter of [...this.waiters]) waiter();
    }

    /** Resolves once `ready()` holds (checked on every message from the server), or rejects after `timeoutMs`. */
    waitFor<T>(what: string, ready: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
        return new Promise((resolve, reject) => {
            const check = () => {
                let value: T | undefined | false;
                try {
                    value = ready();
                } catch {
                    value = undefined;
                }
                if (value) {
                    cleanup();
                    resolve(value);
                } else if (this.exited !== undefined) {
                    cleanup();
                    reject(new Error(`the server exited (${this.exited}) while waiting for ${what}; errors: ${this.errors.join('\n').slice(0, 2000)}`));
                }
            };
            const timer = setTimeout(() => {
                cleanup();
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
            }, timeoutMs);
            const cleanup = () => {
                clearTimeout(timer);
                this.waiters.delete(check);
            };
            this.waiters.add(check);
            check();
        });
    }

    /** The codes last published for a file. */
    codes(file: string): string[] {
        return (this.diagnostics.get(uriOf(file)) ?? []).map(d => String(d.code));
    }

    /** Waits until the codes published for a file satisfy `ready`. */
    codesFor(file: string, ready: (codes: string[]) => boolean, timeoutMs?: number): Promise<string[]> {
        return this.waitFor(
            `diagnostics of ${path.basename(file)}`,
            () => {
                if (!this.diagnostics.has(uriOf(file))) return undefined;
                const codes = this.codes(file);
                return ready(codes) ? codes : undefined;
            },
            timeoutMs
        );
    }

    async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<void> {
        const uri = uriOf(file);
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'eos', version: 1, text } });
    }

    async change(file: string, text: string): Promise<void> {
        const uri = uriOf(file);
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    async close(file: string): Promise<void> {
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(file) } });
    }

    /** Tells the server what changed on disk, as an editor's file watcher does (1 created, 2 changed, 3 deleted). */
    async watched(...changes: Array<[string, FileEvent['type']]>): Promise<void> {
        await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(([file, type]) => ({ uri: uriOf(file), type })) });
    }

    /** A hover answered within `timeoutMs` proves the server is alive and not stuck in a build. */
    async hover(file: string, line: number, character: number, timeoutMs = 20_000): Promise<Hover | null> {
        const answer = this.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(file) }, position: { line, character } });
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`hover not answered within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
            return await Promise.race([answer, timeout]);
        } finally {
            clearTimeout(timer);
        }
    }

    /** The preview's `eos/diagram` request for a document, answered within `timeoutMs`. */
    async diagram(file: string, timeoutMs = 20_000): Promise<{ svg: string; error?: string }> {
        const answer = this.connection.sendRequest<{ svg: string; error?: string }>('eos/diagram', { uri: uriOf(file) });
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`the preview was not answered within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
            return await Promise.race([answer, timeout]);
        } finally {
            clearTimeout(timer);
        }
    }

    async stop(): Promise<void> {
        if (this.exited === undefined) {
            const exited = new Promise<void>(resolve => this.server.once('exit', () => resolve()));
            const timer = setTimeout(() => this.server.kill('SIGKILL'), 5_000);
            try {
                await Promise.race([this.connection.sendRequest(ShutdownRequest.type).then(() => this.connection.sendNotification(ExitNotification.type)), exited]);
            } catch {
                this.server.kill('SIGKILL');
            }
            await exited;
            clearTimeout(timer);
        }
        this.connection.dispose();
    }
}
