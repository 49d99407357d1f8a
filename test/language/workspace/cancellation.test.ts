/**
 * Typing again cancels the build in progress (Langium's cancellation tokens, checked between
 * documents by `interruptAndCheck`), and the build after it is complete and correct: the model,
 * the links and the diagnostics describe the latest text, never a mix with the cancelled one.
 */
import { DocumentState, EmptyFileSystem, isOperationCancelled, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { createEosServices, type EosServices } from '../../../src/language/eos-module.js';

const TEAMS = 40;

/** A strategy file and many team files that reference it: a build that takes a while. */
function workspaceFiles(betName: string): Record<string, string> {
    const files: Record<string, string> = {
        'strategy.eos': `theme Grow "Grow"\nbet ${betName} "Bet" { serves Grow hypothesis "h" }\nstream Web "Web" { wip 50 }\n`
    };
    for (let t = 0; t < TEAMS; t++) {
        files[`teams/team${t}.eos`] = Array.from({ length: 25 }, (_, i) => `initiative T${t}I${i} "Initiative ${i}" { bet Early stream Web status funnel }`).join('\n');
    }
    return files;
}

async function open(files: Record<string, string>): Promise<{ services: EosServices; uris: Map<string, URI> }> {
    const services = createEosServices(EmptyFileSystem).Eos;
    services.eos.StrategyWorkspace.today = '2026-03-01';
    const uris = new Map(Object.keys(files).map(f => [f, URI.file(`/ws/${f}`)]));
    for (const [file, text] of Object.entries(files)) {
        services.shared.workspace.TextDocuments.set(TextDocument.create(uris.get(file)!.toString(), 'eos', 1, text));
    }
    await services.shared.workspace.DocumentBuilder.update([...uris.values()], []);
    return { services, uris };
}

function edit(services: EosServices, uri: URI, text: string, version: number): void {
    services.shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'eos', version, text));
}

function unresolvedCount(services: EosServices): number {
    return services.shared.workspace.LangiumDocuments.all
        .toArray()
        .flatMap(d => d.diagnostics ?? [])
        .filter(d => d.code === 'unresolved-reference').length;
}

describe('cancelling a build when the user types again', () => {
    it('stops a build whose token is cancelled, and the next build completes with the latest text', async () => {
        const { services, uris } = await open(workspaceFiles('Early'));
        expect(unresolvedCount(services)).toBe(0);
        const builder = services.shared.workspace.DocumentBuilder;
        const strategy = uris.get('strategy.eos')!;

        // Renaming the bet breaks every team's link: the build must relink and revalidate them all.
        edit(services, strategy, workspaceFiles('Late')['strategy.eos'], 2);
        const source = new CancellationTokenSource();
        let validatedBeforeCancel = 0;
        const listener = builder.onDocumentPhase(DocumentState.Validated, () => {
            if (++validatedBeforeCancel === 1) source.cancel();
        });
        const cancelled = await builder.update([strategy], [], source.token).then(
            () => 'completed',
            (error: unknown) => (isOperationCancelled(error) ? 'cancelled' : error)
        );
        listener.dispose();
        expect(cancelled).toBe('cancelled');
        const states = services.shared.workspace.LangiumDocuments.all.toArray().map(d => d.state);
        expect(states.filter(s => s < DocumentState.Validated).length, 'documents left for the next build').toBeGreaterThan(0);

        // The user types again: the bet gets its old name back.
        edit(services, strategy, workspaceFiles('Early')['strategy.eos'], 3);
        await builder.update([strategy], []);
        const documents = services.shared.workspace.LangiumDocuments.all.toArray();
        expect(documents.filter(d => d.state !== DocumentState.Validated).map(d => `${d.uri.path} ${d.state}`)).toEqual([]);
        expect(unresolvedCount(services)).toBe(0);
        const model = services.eos.StrategyWorkspace.model;
        expect(model.ofKind('bet').map(b => b.name)).toEqual(['Early']);
        expect(model.ofKind('initiative').filter(i => !model.resolve(i.links.find(l => l.relation === 'bet')!)).length).toBe(0);
    });

    it('cancels the older edit when a newer one is queued, as the language server does on each keystroke', async () => {
        const { services, uris } = await open(workspaceFiles('Early'));
        const lock = services.shared.workspace.WorkspaceLock;
        const builder = services.shared.workspace.DocumentBuilder;
        const strategy = uris.get('strategy.eos')!;
        const outcomes: string[] = [];
        const run = (name: string, version: number) =>
            lock.write(async token => {
                edit(services, strategy, workspaceFiles(name)['strategy.eos'], version);
                try {
                    await builder.update([strategy], [], token);
                    outcomes.push(`${name} built`);
                } catch (error) {
                    if (!isOperationCancelled(error)) throw error;
                    outcomes.push(`${name} cancelled`);
                }
            });
        // Type again once the first build is linking the team files.
        const linking = new Promise<void>(resolve => {
            const listener = builder.onDocumentPhase(DocumentState.Linked, () => {
                listener.dispose();
                resolve();
            });
        });
        const first = run('Late', 2);
        await linking;
        const second = run('Early', 3);
        await Promise.all([first, second]);
        expect(outcomes).toEqual(['Late cancelled', 'Early built']);
        expect(unresolvedCount(services)).toBe(0);
        expect(services.eos.StrategyWorkspace.model.ofKind('bet').map(b => b.name)).toEqual(['Early']);
    });

    it('a cancelled build leaves no stale findings: the finished build reports exactly the latest text', async () => {
        const { services, uris } = await open(workspaceFiles('Early'));
        const builder = services.shared.workspace.DocumentBuilder;
        const strategy = uris.get('strategy.eos')!;
        edit(services, strategy, workspaceFiles('Late')['strategy.eos'], 2);
        const source = new CancellationTokenSource();
        const listener = builder.onDocumentPhase(DocumentState.Linked, () => source.cancel());
        await builder.update([strategy], [], source.token).catch(() => undefined);
        listener.dispose();
        // Finish with the broken name: every one of the 1,000 initiatives reports it, once.
        await builder.update([strategy], []);
        expect(unresolvedCount(services)).toBe(TEAMS * 25);
    });
});
