/**
 * The keystroke as an editor sees it (issue 14): a real `eos lsp --stdio` process (bin/eos.cjs,
 * the bundled CLI), spoken to over stdio with vscode-jsonrpc as any LSP client does. The workspace
 * is written to a temporary folder and opened as the workspace folder; once every file's
 * diagnostics are in, one file is opened and typed into, and each `textDocument/didChange` is
 * timed until the server publishes that file's diagnostics. The process is always ended.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    type Diagnostic,
    type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol';
import type { GeneratedWorkspace } from './generate.js';

export interface LspKeystrokes {
    /** From spawning the process until every file's diagnostics were published. */
    readyMs: number;
    /** didChange → publishDiagnostics of the edited file, per measured edit. */
    latencies: number[];
    /**
     * CPU time of the server process over the same spans (Linux: /proc/<pid>/schedstat; empty
     * elsewhere): what the latency would be on an idle machine, when others share its cores.
     */
    cpu: number[];
    /** Files in the workspace (each published once before the edits). */
    files: number;
    /** The diagnostics of a final edit that breaks a reference, to show the timings are of real checks. */
    brokenReference: Diagnostic[];
}

export interface LspOptions {
    /** The file typed into (relative to the workspace). */
    file: string;
    /** Offsets to type at, computed on each version of the text. */
    spots: (text: string) => number[];
    edits: number;
    warmup: number;
    /** Milliseconds from one keystroke to the next at the least (a person typing). */
    typingGapMs: number;
    log: (message: string) => void;
    /** The CLI to start (default bin/eos.cjs, which runs the bundled out/cli.cjs). */
    cli?: string;
}

/** Runs the session; the server process and the temporary folder are gone when it returns or throws. */
export async function lspKeystrokes(workspace: GeneratedWorkspace, options: LspOptions): Promise<LspKeystrokes> {
    const cli = options.cli ?? path.resolve('bin/eos.cjs');
    if (!options.cli && !fs.existsSync(path.resolve('out/cli.cjs'))) throw new Error('out/cli.cjs missing: run `npm run bundle` (npm run bench does)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-bench-lsp-'));
    let child: ChildProcessWithoutNullStreams | undefined;
    let connection: MessageConnection | undefined;
    const killOnExit = () => child?.kill('SIGKILL');
    process.on('exit', killOnExit);
    try {
        for (const [file, text] of workspace.files) {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), text);
        }
        const started = performance.now();
        // As another editor starts it: `eos lsp --stdio`, V8's default flags.
        child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
        const stderr: string[] = [];
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
        const exited = new Promise<never>((_, reject) =>
            child!.once('exit', (code, signal) => reject(new Error(`the language server exited (${code ?? signal}) during the session: ${stderr.join('').slice(-2000)}`)))
        );
        exited.catch(() => undefined); // observed by the races below
        connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        // The server may ask for configuration, progress tokens, capability registrations: a client answers each.
        connection.onRequest(() => null);
        connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) options.log(`server error: ${params.message}`);
        });
        const waiters: Array<{ uri: string; resolve: (params: PublishDiagnosticsParams) => void }> = [];
        const published = new Set<string>();
        let allPublished: (() => void) | undefined;
        const expected = new Set([...workspace.files.keys()].map(file => uriOf(dir, file)));
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            published.add(params.uri);
            if (allPublished && [...expected].every(uri => published.has(uri))) allPublished();
            const index = waiters.findIndex(waiter => waiter.uri === params.uri);
            if (index >= 0) waiters.splice(index, 1)[0].resolve(params);
        });
        connection.listen();
        const race = <T>(promise: Promise<T>, what: string, ms = 120_000): Promise<T> =>
            Promise.race([promise, exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms).unref())]);
        const diagnosticsOf = (uri: string) => new Promise<PublishDiagnosticsParams>(resolve => waiters.push({ uri, resolve }));

        const rootUri = pathToFileURL(dir).toString();
        const ready = new Promise<void>(resolve => (allPublished = resolve));
        await race(
            connection.sendRequest(InitializeRequest.type, {
                processId: process.pid,
                rootUri,
                workspaceFolders: [{ uri: rootUri, name: 'bench' }],
                capabilities: { textDocument: { publishDiagnostics: {}, synchronization: { dynamicRegistration: false } }, workspace: { workspaceFolders: true } }
            }),
            'initialize'
        );
        await connection.sendNotification(InitializedNotification.type, {});
        await race(ready, `diagnostics of all ${expected.size} files`);
        const readyMs = performance.now() - started;
        options.log(`  server ready after ${readyMs.toFixed(0)} ms`);

        const uri = uriOf(dir, options.file);
        let text = workspace.files.get(options.file)!;
        let version = 1;
        const opened = diagnosticsOf(uri);
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'eos', version, text } });
        await race(opened, 'the opened file');

        const schedstat = `/proc/${child.pid}/schedstat`;
        const cpuMs = (): number | undefined => (fs.existsSync(schedstat) ? Number(fs.readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6 : undefined);
        const type = async (offset: number, inserted: string, removed = 0): Promise<{ ms: number; cpu?: number; params: PublishDiagnosticsParams }> => {
            const range = { start: positionAt(text, offset), end: positionAt(text, offset + removed) };
            text = text.slice(0, offset) + inserted + text.slice(offset + removed);
            const next = diagnosticsOf(uri);
            const cpuBefore = cpuMs();
            const start = performance.now();
            await connection!.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version: ++version },
                contentChanges: [{ range, text: inserted }]
            });
            const params = await race(next, `diagnostics after edit ${version}`, 30_000);
            const ms = performance.now() - start;
            const cpuAfter = cpuMs();
            return { ms, params, ...(cpuBefore !== undefined && cpuAfter !== undefined ? { cpu: cpuAfter - cpuBefore } : {}) };
        };
        const latencies: number[] = [],
            cpu: number[] = [];
        let lastSent = 0;
        for (let i = 0; i < options.warmup + options.edits; i++) {
            // A person types on: the next keystroke comes a typing gap after the last one, or as soon
            // as its diagnostics are in if they took longer (the previous update may still be
            // republishing other files' findings then, as in an editor).
            const wait = lastSent + options.typingGapMs - performance.now();
            if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait));
            lastSent = performance.now();
            const spots = options.spots(text);
            const typed = await type(spots[(i * 7) % spots.length], 'x');
            if (i < options.warmup) continue;
            latencies.push(typed.ms);
            if (typed.cpu !== undefined) cpu.push(typed.cpu);
        }
        // A final edit that breaks a reference: its diagnostics must say so, or the timings above were not of real checks.
        const reference = /^\s+supports (\w+)$/m.exec(text);
        const brokenReference = reference
            ? (await type(reference.index + reference[0].length, 'zz')).params.diagnostics.filter(
                  d => d.code === 'unresolved-reference' && String(d.message).includes(`${reference[1]}zz`)
              )
            : [];
        return { readyMs, latencies, cpu, files: expected.size, brokenReference };
    } finally {
        if (connection && child && child.exitCode === null) {
            try {
                await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, 2000))]);
                await connection.sendNotification(ExitNotification.type);
            } catch (error) {
                options.log(`  the language server did not shut down cleanly (${(error as Error).message}); ending it`);
            }
        }
        connection?.dispose();
        if (child && child.exitCode === null) {
            const gone = new Promise(resolve => child!.once('exit', resolve));
            const timer = setTimeout(() => child!.kill('SIGKILL'), 2000);
            await gone;
            clearTimeout(timer);
        }
        process.off('exit', killOnExit);
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function uriOf(dir: string, file: string): string {
    return pathToFileURL(path.join(dir, file)).toString();
}

/** The LSP position (line, UTF-16 character) of an offset. */
function positionAt(text: string, offset: number): { line: number; character: number } {
    let line = 0,
        lineStart = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
}
