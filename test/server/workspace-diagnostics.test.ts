import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createEosServices } from '../../src/language/eos-module.js';
import { keepWorkspaceDiagnosticsFresh } from '../../src/server/workspace-diagnostics.js';

const STREAMS = 'file:///ws/streams.eos';
const TEAM = 'file:///ws/team.eos';

function setup(options: { quietMs?: number } = {}) {
    const { shared, Eos } = createEosServices(EmptyFileSystem);
    Eos.eos.StrategyWorkspace.today = '2026-03-01';
    const sent: PublishDiagnosticsParams[] = [];
    keepWorkspaceDiagnosticsFresh(
        Eos,
        {
            sendDiagnostics: async (params: PublishDiagnosticsParams) => {
                sent.push(params);
            }
        } as unknown as Connection,
        options
    );
    const versions = new Map<string, number>();
    const edit = async (uri: string, text: string) => {
        const version = (versions.get(uri) ?? 0) + 1;
        versions.set(uri, version);
        shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'eos', version, text));
        await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
    };
    const codes = (uri: string) => (shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))?.diagnostics ?? []).map(d => d.code);
    return { sent, edit, codes };
}

describe('workspace findings in files an edit did not touch', () => {
    it('appear and disappear on the stream when another file starts or finishes work', async () => {
        const { sent, edit, codes } = setup();
        await edit(STREAMS, 'stream S "Stream" { wip 1 }');
        await edit(TEAM, 'initiative A { stream S status doing }');
        expect(codes(STREAMS)).not.toContain('wip-exceeded');

        sent.length = 0;
        await edit(TEAM, 'initiative A { stream S status doing }\ninitiative B { stream S status doing }');
        expect(codes(STREAMS)).toContain('wip-exceeded');
        const published = sent.filter(p => p.uri === STREAMS).at(-1);
        expect(published?.diagnostics.map(d => d.code)).toContain('wip-exceeded');

        sent.length = 0;
        await edit(TEAM, 'initiative A { stream S status doing }\ninitiative B { stream S status done }');
        expect(codes(STREAMS)).not.toContain('wip-exceeded');
        expect(
            sent
                .filter(p => p.uri === STREAMS)
                .at(-1)
                ?.diagnostics.map(d => d.code) ?? []
        ).not.toContain('wip-exceeded');
    });

    it('does not republish a file whose findings did not change', async () => {
        const { sent, edit } = setup();
        await edit(STREAMS, 'stream S { wip 5 }');
        await edit(TEAM, 'initiative A { stream S status doing }');
        sent.length = 0;
        await edit(TEAM, 'initiative A "renamed title" { stream S status doing }');
        expect(sent.filter(p => p.uri === STREAMS)).toEqual([]);
    });
});

describe('with a quiet period (the language server: other files follow once typing pauses)', () => {
    const QUIET = 80;
    const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
    const streamCodes = (sent: PublishDiagnosticsParams[]) =>
        sent
            .filter(p => p.uri === STREAMS)
            .at(-1)
            ?.diagnostics.map(d => d.code);

    it('publishes the stream’s finding after the pause, not during the edit', async () => {
        const { sent, edit, codes } = setup({ quietMs: QUIET });
        await edit(STREAMS, 'stream S "Stream" { wip 1 }');
        await edit(TEAM, 'initiative A { stream S status doing }');
        await pause(QUIET * 2);
        sent.length = 0;
        await edit(TEAM, 'initiative A { stream S status doing }\ninitiative B { stream S status doing }');
        // The edited file's own diagnostics are out (Langium publishes them); the stream's finding is not yet.
        expect(sent).toEqual([]);
        expect(codes(STREAMS)).not.toContain('wip-exceeded');
        await pause(QUIET * 3);
        expect(streamCodes(sent)).toContain('wip-exceeded');
        expect(codes(STREAMS)).toContain('wip-exceeded');
    });

    it('rechecks other files once after a burst of keystrokes, on the last text', async () => {
        const { sent, edit } = setup({ quietMs: QUIET });
        await edit(STREAMS, 'stream S "Stream" { wip 1 }');
        await edit(TEAM, 'initiative A { stream S status doing }');
        await pause(QUIET * 2);
        sent.length = 0;
        // Typing: each keystroke comes before the quiet period is over.
        for (const status of ['doing', 'done', 'doing', 'done']) {
            await edit(TEAM, `initiative A { stream S status doing }\ninitiative B { stream S status ${status} }`);
            await pause(QUIET / 4);
        }
        expect(sent.filter(p => p.uri === STREAMS)).toEqual([]);
        await pause(QUIET * 3);
        // The last text has B done: within the limit, and nothing was ever published on the stream in between.
        expect(sent.filter(p => p.uri === STREAMS)).toEqual([]);
        await edit(TEAM, 'initiative A { stream S status doing }\ninitiative B { stream S status doing }');
        await pause(QUIET * 3);
        expect(sent.filter(p => p.uri === STREAMS)).toHaveLength(1);
        expect(streamCodes(sent)).toContain('wip-exceeded');
    });
});
