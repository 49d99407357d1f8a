/**
 * The incremental build: an edit that changes no exported name relinks no other file, yet every
 * file's diagnostics, definitions and references stay what a full rebuild would give.
 */
import { describe, expect, it } from 'vitest';
import { Cancellation, DocumentState, EmptyFileSystem, TextDocument, URI, isOperationCancelled, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic, LocationLink } from 'vscode-languageserver-types';
import { createEosServices } from '../../../src/language/eos-module.js';
import { WorkspaceModel } from '../../../src/language/model/workspace-model.js';
import { checkWorkspace } from '../../../src/language/validation/rules/index.js';
import { keepWorkspaceDiagnosticsFresh } from '../../../src/server/workspace-diagnostics.js';

const STRATEGY = `vision North "Be the bank people recommend"

theme Retention "Keep customers" { vision North }

stream Onboarding "Customer onboarding" { wip 1 }

bet EarlyExperience "Improve early experience" {
  serves Retention
  hypothesis "Less friction keeps customers"
  streams Onboarding
}
`;

const TEAM = `team Crew "Onboarding crew" { level crew }

initiative Wizard "Guided setup" {
  bet EarlyExperience
  stream Onboarding
  owner Crew
  status doing
}

okr Confidence "Early confidence" {
  owner Crew
  period 2026-Q1
  supports EarlyExperience
  kr Activation "Activation" from 40% to 65%
}
`;

/** Nobody references this file. */
const NOTES = `value Trust "Customer trust"
practice Reviews "Weekly reviews" { embodies Trust }
`;

const TODAY = '2026-03-01';

/** An editor session over in-memory files: edits go through text documents and `DocumentBuilder.update`. */
async function session(files: Record<string, string>) {
    const { shared, Eos } = createEosServices(EmptyFileSystem);
    Eos.eos.StrategyWorkspace.today = TODAY;
    const published = new Map<string, Diagnostic[]>();
    const builder = shared.workspace.DocumentBuilder;
    builder.onDocumentPhase(DocumentState.Validated, document => {
        published.set(fileOf(document), document.diagnostics ?? []);
    });
    keepWorkspaceDiagnosticsFresh(Eos, {
        sendDiagnostics: async ({ uri, diagnostics }: { uri: string; diagnostics: Diagnostic[] }) => {
            published.set(uri.replace('file:///ws/', ''), diagnostics);
        }
    } as unknown as Connection);
    const linked: string[] = [];
    builder.onDocumentPhase(DocumentState.Linked, document => {
        linked.push(fileOf(document));
    });
    const versions = new Map<string, number>();
    const setText = (file: string, text: string) => {
        const version = (versions.get(file) ?? 0) + 1;
        versions.set(file, version);
        shared.workspace.TextDocuments.set(TextDocument.create(uriOf(file).toString(), 'eos', version, text));
    };
    const documents = Object.entries(files).map(([file, text]) => {
        setText(file, text);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await builder.build(documents, { validation: true });
    return {
        services: Eos,
        published,
        linked,
        document: (file: string) => shared.workspace.LangiumDocuments.getDocument(uriOf(file))!,
        /** Replaces a file's text; returns the files this update relinked. */
        async edit(file: string, text: string, cancelToken = Cancellation.CancellationToken.None): Promise<string[]> {
            linked.length = 0;
            setText(file, text);
            await builder.update([uriOf(file)], [], cancelToken);
            return [...linked].sort();
        },
        /** What the editor shows: `file:line code` of every published diagnostic. */
        shown(): string[] {
            return [...published].flatMap(([file, diagnostics]) => diagnostics.map(d => `${file}:${d.range.start.line + 1} ${String(d.code)}`)).sort();
        }
    };
}

function uriOf(file: string): URI {
    return URI.parse(`file:///ws/${file}`);
}

function fileOf(document: LangiumDocument): string {
    return document.uri.toString().replace('file:///ws/', '');
}

/** What a full rebuild from scratch shows for the same texts. */
async function fromScratch(files: Record<string, string>): Promise<string[]> {
    const fresh = await session(files);
    return fresh.shown();
}

async function definitionAt(ws: Awaited<ReturnType<typeof session>>, file: string, needle: string): Promise<string[]> {
    const document = ws.document(file);
    const text = document.textDocument.getText();
    const offset = text.indexOf(needle) + needle.length - 2;
    const position = document.textDocument.positionAt(offset);
    const links: LocationLink[] = (await ws.services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position })) ?? [];
    return links.map(link => {
        const target = ws.document(link.targetUri.replace('file:///ws/', ''));
        const start = link.targetSelectionRange.start;
        return `${fileOf(target)}:${start.line + 1}:${start.character} ${target.textDocument.getText(link.targetSelectionRange)}`;
    });
}

describe('incremental build', () => {
    it('relinks only the edited file when a keystroke changes no name, even in a file others reference', async () => {
        const ws = await session({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM, 'notes.eos': NOTES });
        expect(await ws.edit('strategy.eos', STRATEGY.replace('"Improve early experience"', '"Improve the early experience"'))).toEqual(['strategy.eos']);
        expect(await ws.edit('teams/crew.eos', TEAM.replace('"Guided setup"', '"Guided setup wizard"'))).toEqual(['teams/crew.eos']);
        expect(await ws.edit('notes.eos', NOTES.replace('"Weekly reviews"', '"Weekly review"'))).toEqual(['notes.eos']);
    });

    it('keeps definitions in other files landing on the moved element after an edit shifts offsets', async () => {
        const ws = await session({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM });
        expect(await definitionAt(ws, 'teams/crew.eos', 'bet EarlyExperience')).toEqual(['strategy.eos:7:4 EarlyExperience']);
        // Three lines of comment above everything: no name changes, every element moves down.
        const shifted = `// Reviewed by the board\n// on Monday\n\n${STRATEGY}`;
        expect(await ws.edit('strategy.eos', shifted)).toEqual(['strategy.eos']);
        expect(await definitionAt(ws, 'teams/crew.eos', 'bet EarlyExperience')).toEqual(['strategy.eos:10:4 EarlyExperience']);
        expect(await definitionAt(ws, 'teams/crew.eos', 'supports EarlyExperience')).toEqual(['strategy.eos:10:4 EarlyExperience']);
        // The reference points at the node of the new parse, not a stale one.
        const initiative = ws.document('teams/crew.eos').parseResult.value as unknown as { elements: Array<{ bet?: { ref?: unknown } }> };
        const bet = (ws.document('strategy.eos').parseResult.value as unknown as { elements: unknown[] }).elements[3];
        expect(initiative.elements[1].bet?.ref).toBe(bet);
    });

    it('still finds references from other files after the referenced file was edited', async () => {
        const ws = await session({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM });
        await ws.edit('strategy.eos', `\n\n${STRATEGY.replace('"Keep customers"', '"Keep more customers"')}`);
        const document = ws.document('strategy.eos');
        const text = document.textDocument.getText();
        const position = document.textDocument.positionAt(text.indexOf('bet EarlyExperience') + 6);
        const locations =
            (await ws.services.lsp.ReferencesProvider!.findReferences(document, {
                textDocument: { uri: document.uri.toString() },
                position,
                context: { includeDeclaration: false }
            })) ?? [];
        const where = locations.map(location => `${location.uri.replace('file:///ws/', '')}:${location.range.start.line + 1}`).sort();
        expect(where).toEqual(['teams/crew.eos:13', 'teams/crew.eos:4']);
    });

    it('relinks the files that use a renamed element, and they show what a full rebuild shows', async () => {
        const ws = await session({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM, 'notes.eos': NOTES });
        const renamed = STRATEGY.replace('bet EarlyExperience', 'bet EarlyJourney');
        expect(await ws.edit('strategy.eos', renamed)).toEqual(['strategy.eos', 'teams/crew.eos']);
        expect(ws.shown()).toEqual(await fromScratch({ 'strategy.eos': renamed, 'teams/crew.eos': TEAM, 'notes.eos': NOTES }));
        expect(ws.shown()).toContain('teams/crew.eos:4 unresolved-reference');
        // Renaming it back resolves them again.
        expect(await ws.edit('strategy.eos', STRATEGY)).toEqual(['strategy.eos', 'teams/crew.eos']);
        expect(ws.shown()).toEqual(await fromScratch({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM, 'notes.eos': NOTES }));
        expect(ws.shown().filter(line => line.endsWith('unresolved-reference'))).toEqual([]);
    });

    it('updates cross-file workspace findings in files it did not relink', async () => {
        const ws = await session({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM });
        expect(ws.shown().filter(line => line.includes('wip-exceeded'))).toEqual([]);
        // A second `doing` initiative in the team file exceeds the stream's WIP limit, in the strategy file.
        const busier = `${TEAM}\ninitiative Tour "Product tour" {\n  bet EarlyExperience\n  stream Onboarding\n  owner Crew\n  status doing\n}\n`;
        expect(await ws.edit('teams/crew.eos', busier)).toEqual(['teams/crew.eos']);
        expect(ws.shown()).toContain('strategy.eos:5 wip-exceeded');
        expect(ws.shown()).toEqual(await fromScratch({ 'strategy.eos': STRATEGY, 'teams/crew.eos': busier }));
        expect(await ws.edit('teams/crew.eos', TEAM)).toEqual(['teams/crew.eos']);
        expect(ws.shown().filter(line => line.includes('wip-exceeded'))).toEqual([]);
    });

    it('relinks the users of a rename whose build was cancelled, on the next build', async () => {
        const ws = await session({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM, 'notes.eos': NOTES });
        const renamed = STRATEGY.replace('bet EarlyExperience', 'bet EarlyJourney');
        const cancelled = new Cancellation.CancellationTokenSource();
        cancelled.cancel();
        await expect(ws.edit('strategy.eos', renamed, cancelled.token)).rejects.toSatisfy(isOperationCancelled);
        // The next edit is in another file; the cancelled rename must still reach the team file.
        await ws.edit('notes.eos', NOTES.replace('"Weekly reviews"', '"Weekly review"'));
        expect(ws.shown()).toContain('teams/crew.eos:4 unresolved-reference');
        expect(ws.shown()).toEqual(await fromScratch({ 'strategy.eos': renamed, 'teams/crew.eos': TEAM, 'notes.eos': NOTES.replace('"Weekly reviews"', '"Weekly review"') }));
    });
});

describe('incremental workspace model', () => {
    it('finds the same issues as a model built from scratch, edit after edit', async () => {
        const ws = await session({ 'strategy.eos': STRATEGY, 'teams/crew.eos': TEAM, 'notes.eos': NOTES });
        const strategy = ws.services.eos.StrategyWorkspace;
        const edits: Array<[string, string]> = [
            ['teams/crew.eos', TEAM.replace('status doing', 'status done')],
            ['strategy.eos', STRATEGY.replace('wip 1', 'wip 0')],
            ['notes.eos', `${NOTES}value Trust "A duplicate"\n`],
            ['teams/crew.eos', `${TEAM}\ninitiative Tour "Tour" {\n  bet EarlyExperience\n  stream Onboarding\n  status doing\n}\n`],
            ['strategy.eos', STRATEGY.replace('bet EarlyExperience', 'bet Renamed')],
            ['strategy.eos', STRATEGY]
        ];
        for (const [file, text] of edits) {
            await ws.edit(file, text);
            const derived = strategy.model;
            const scratch = new WorkspaceModel(derived.documents);
            const options = { today: TODAY, stalledAfterDays: strategy.stalledAfterDays };
            expect(checkWorkspace(derived, options)).toEqual(checkWorkspace(scratch, options));
            for (const element of scratch.elements) {
                expect(derived.incoming(element)).toEqual(scratch.incoming(element));
                expect(derived.named(element.kind, element.name)).toEqual(scratch.named(element.kind, element.name));
            }
            // The per-document check agrees with the whole-workspace check.
            for (const doc of derived.documents) {
                expect(strategy.issuesFor(doc.uri)).toEqual(checkWorkspace(scratch, options).get(doc.uri));
            }
        }
    });
});

describe('incremental check-in index', () => {
    // A key result checked in under its kr line and in a team's separate check-in file.
    const OKRS = `${TEAM.replace('kr Activation "Activation" from 40% to 65%', 'kr Activation "Activation" from 40% to 65%\n    checkin 2026-01-12 42%\n    checkin 2026-02-09 44%')}`;
    const CHECKINS = `checkin Confidence.Activation 2026-01-26 43%\ncheckin Confidence.Activation 2026-02-23 45% confidence low\n`;
    // Enough files that one edit patches the previous model instead of rebuilding it (more than a quarter changed).
    const others = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`more/notes-${i}.eos`, `value Care${i} "Care ${i}"\n`]));
    const files = () => ({ 'strategy.eos': STRATEGY, 'teams/crew.eos': OKRS, 'teams/checkins.eos': CHECKINS, 'notes.eos': NOTES, ...others });

    it('an edited check-in changes the finding, in the file of its key result, as a rebuild from scratch would', async () => {
        const ws = await session(files());
        const strategy = ws.services.eos.StrategyWorkspace;
        const activation = () => strategy.model.get('kr', 'Confidence.Activation')!;
        const readings = () => strategy.model.checkInsOf(activation()).map(entry => `${entry.date} ${entry.value.text}`);
        expect(readings()).toEqual(['2026-01-12 42%', '2026-01-26 43%', '2026-02-09 44%', '2026-02-23 45%']);
        // Slow progress against Q1: off track, reported on the key result in the team file.
        expect(ws.shown()).toContain('teams/crew.eos:14 kr-off-track');
        // The team corrects its latest reading in its own file: on track; the team file's finding goes.
        const corrected = CHECKINS.replace('45% confidence low', '60% confidence high');
        await ws.edit('teams/checkins.eos', corrected);
        expect(readings()).toEqual(['2026-01-12 42%', '2026-01-26 43%', '2026-02-09 44%', '2026-02-23 60%']);
        expect(ws.shown().filter(line => line.includes('kr-off-track'))).toEqual([]);
        expect(ws.shown()).toEqual(await fromScratch({ ...files(), 'teams/checkins.eos': corrected }));
        // Back again: the finding returns.
        await ws.edit('teams/checkins.eos', CHECKINS);
        expect(ws.shown()).toContain('teams/crew.eos:14 kr-off-track');
    });

    it('keeps the order of a full index (date, then file, then as written) through edits that add, move and drop check-ins', async () => {
        const ws = await session(files());
        const strategy = ws.services.eos.StrategyWorkspace;
        const edits: Array<[string, string]> = [
            // Same date as a nested check-in: the order of the files in the workspace decides.
            ['teams/checkins.eos', `${CHECKINS}checkin Confidence.Activation 2026-02-09 50%\n`],
            ['teams/crew.eos', OKRS.replace('checkin 2026-02-09 44%', 'checkin 2026-02-10 44%\n    checkin 2026-02-10 46%')],
            ['teams/checkins.eos', CHECKINS.replace('Confidence.Activation 2026-01-26', 'Confidence.Nothing 2026-01-26')],
            ['teams/checkins.eos', ''],
            ['teams/crew.eos', OKRS.replace('kr Activation', 'kr Activated')],
            ['teams/crew.eos', OKRS],
            ['teams/checkins.eos', CHECKINS]
        ];
        for (const [file, text] of edits) {
            // The previous model's index is built (as validation builds it), so this edit patches it.
            expect(strategy.model.ofKind('kr').length).toBeGreaterThan(0);
            await ws.edit(file, text);
            const derived = strategy.model;
            const scratch = new WorkspaceModel(derived.documents);
            for (const kr of scratch.ofKind('kr')) expect(derived.checkInsOf(kr)).toEqual(scratch.checkInsOf(kr));
            const options = { today: TODAY, stalledAfterDays: strategy.stalledAfterDays };
            expect(checkWorkspace(derived, options)).toEqual(checkWorkspace(scratch, options));
        }
        const kr = strategy.model.get('kr', 'Confidence.Activation')!;
        expect(strategy.model.checkInsOf(kr).map(entry => entry.value.text)).toEqual(['42%', '43%', '44%', '45%']);
    });
});
