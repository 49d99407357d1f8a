/**
 * End to end: the bundled `eos lsp --stdio` driven by a real JSON-RPC client, the way Neovim or
 * Helix would, on the example workspace.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CodeActionRequest,
    CompletionRequest,
    DefinitionRequest,
    DocumentFormattingRequest,
    DidOpenTextDocumentNotification,
    ExitNotification,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    createProtocolConnection,
    type CodeAction,
    type CompletionItem,
    type CompletionList,
    type Diagnostic,
    type Hover,
    type Location,
    type LocationLink,
    type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCli } from './lsp-session.js';

const root = path.resolve(__dirname, '../..');
const examples = path.join(root, 'examples');
const onboardingPath = path.join(examples, 'language-md/teams/onboarding.eos');
const strategyPath = path.join(examples, 'language-md/strategy.eos');
const uriOf = (file: string) => pathToFileURL(file).toString();

describe('eos lsp --stdio', () => {
    let server: ChildProcessWithoutNullStreams;
    let connection: ProtocolConnection;
    const diagnostics = new Map<string, Diagnostic[]>();
    const waiters: Array<() => void> = [];
    let stderr = '';
    let temporary: string | undefined;

    /** Resolves once the server has published diagnostics for the file that satisfy the check. */
    function diagnosticsFor(uri: string, ready: (list: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        return new Promise(resolve => {
            const check = () => {
                const list = diagnostics.get(uri);
                if (list && ready(list)) {
                    resolve(list);
                    return true;
                }
                return false;
            };
            if (!check())
                waiters.push(() => {
                    check();
                });
        });
    }

    beforeAll(async () => {
        const cli = await currentCli();
        temporary = cli.temporary;
        server = spawn(process.execPath, [cli.file, 'lsp', '--stdio'], { cwd: root, stdio: 'pipe' });
        server.stderr.on('data', chunk => {
            stderr += String(chunk);
        });
        connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
        connection.onNotification(PublishDiagnosticsNotification.type, params => {
            diagnostics.set(params.uri, params.diagnostics);
            for (const waiter of [...waiters]) waiter();
        });
        connection.listen();
        const result = await connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: uriOf(examples),
            capabilities: {
                textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown', 'plaintext'] } }
            },
            workspaceFolders: [{ uri: uriOf(examples), name: 'examples' }]
        });
        expect(result.capabilities.completionProvider).toBeDefined();
        expect(result.capabilities.documentFormattingProvider).toBeTruthy();
        expect(result.capabilities.codeActionProvider).toBeTruthy();
        await connection.sendNotification(InitializedNotification.type, {});
        for (const file of [strategyPath, onboardingPath]) {
            await connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri: uriOf(file), languageId: 'eos', version: 1, text: fs.readFileSync(file, 'utf8') }
            });
        }
    }, 120_000);

    afterAll(async () => {
        if (server && server.exitCode === null) server.kill();
        if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
    });

    it('publishes diagnostics with their codes', async () => {
        const list = await diagnosticsFor(uriOf(onboardingPath), l => l.some(d => d.code === 'orphan-initiative'));
        const codes = list.map(d => d.code);
        expect(codes).toContain('orphan-initiative');
        expect(codes).toContain('kr-not-measurable');
        const orphan = list.find(d => d.code === 'orphan-initiative')!;
        expect(orphan.range.start).toEqual({ line: 14, character: 11 });
        expect(orphan.source).toBe('eos');
    });

    it('explains a referenced bet on hover', async () => {
        const hover = (await connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(onboardingPath) }, position: { line: 22, character: 14 } })) as Hover | null;
        const text = JSON.stringify(hover?.contents ?? '');
        expect(text).toContain('EarlyExperience');
        expect(text).toContain('Improve early customer experience');
    });

    it("jumps from an OKR's `supports` to the bet in another file", async () => {
        const result = await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(onboardingPath) }, position: { line: 22, character: 14 } });
        const targets = (Array.isArray(result) ? result : result ? [result] : []) as Array<Location | LocationLink>;
        expect(targets).toHaveLength(1);
        const target = targets[0];
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
        expect(uri).toBe(uriOf(strategyPath));
        const lines = fs.readFileSync(strategyPath, 'utf8').split('\n');
        expect(lines[range.start.line].slice(range.start.character, range.end.character)).toBe('EarlyExperience');
        expect(lines[range.start.line]).toMatch(/^bet EarlyExperience /);
    });

    it('completes bet names after `bet`, with their titles', async () => {
        const result = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf(onboardingPath) }, position: { line: 4, character: 6 } });
        const items = (Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? [])) as CompletionItem[];
        const labels = items.map(i => i.label);
        expect(labels).toContain('EarlyExperience');
        expect(labels).not.toContain('Retention'); // a theme
        expect(labels).not.toContain('OnboardingCrew'); // a team
        expect(items.find(i => i.label === 'EarlyExperience')?.detail).toBe('Improve early customer experience');
    });

    it('offers quick fixes for a published diagnostic (its data makes the round trip)', async () => {
        const list = await diagnosticsFor(uriOf(onboardingPath), l => l.some(d => d.code === 'orphan-initiative'));
        const orphan = list.find(d => d.code === 'orphan-initiative')!;
        const actions = (await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: uriOf(onboardingPath) },
            range: orphan.range,
            context: { diagnostics: [orphan] }
        })) as CodeAction[];
        expect(actions[0].title).toBe("Link to bet 'EarlyExperience' (spans stream Onboarding)");
        // Under the line that opens the block, after its trailing comment.
        const endOfLine = { line: 14, character: fs.readFileSync(onboardingPath, 'utf8').split('\n')[14].length };
        expect(actions[0].edit?.changes?.[uriOf(onboardingPath)]).toEqual([{ range: { start: endOfLine, end: endOfLine }, newText: '\n  bet EarlyExperience' }]);
    });

    it('formats a document', async () => {
        const edits =
            (await connection.sendRequest(DocumentFormattingRequest.type, {
                textDocument: { uri: uriOf(onboardingPath) },
                options: { tabSize: 2, insertSpaces: true }
            })) ?? [];
        // The two-property one-line block of the team gets one property per line.
        expect(edits).toContainEqual({ range: { start: { line: 1, character: 39 }, end: { line: 1, character: 40 } }, newText: '\n  ' });
    });

    it('shuts down and exits on request, leaving no process behind', async () => {
        const exited = new Promise<number | null>(resolve => server.once('exit', code => resolve(code)));
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
        connection.dispose();
        expect(() => process.kill(server.pid!, 0)).toThrow();
        expect(stderr).not.toMatch(/Error|TypeError/);
    });
});
