/**
 * The benchmark's own parts, checked for what they measure (not for time): the generated
 * workspaces are what docs/performance.md says they are, a build reports its phases, and an
 * edit is timed until the edited file is validated with the edit in it.
 */
import { describe, expect, test } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { EditorSession, freshServices, fullBuild, parseOnly } from '../../bench/session.js';
import { workspaceWithDecisionLog } from '../../bench/autonomy.js';
import { autonomyViews } from '../../src/diagram/autonomy-views.js';
import { MAX_DECISIONS } from '../../src/diagram/framework.js';
import { lspKeystrokes } from '../../bench/lsp-process.js';
import { currentCli } from '../lsp-stdio/lsp-session.js';
import * as fs from 'node:fs';

describe('benchmark harness', () => {
    test('a generated workspace is valid EOS whose only findings are WIP and unfunded bets', async () => {
        const workspace = generateWorkspace({ elements: 1000, files: 10 });
        expect(generateWorkspace({ elements: 1000, files: 10 }).files).toEqual(workspace.files);
        const { documents, phases, ms } = await fullBuild(workspace);
        const codes = new Set(documents.flatMap(document => (document.diagnostics ?? []).map(d => String(d.code))));
        expect([...codes].filter(code => code !== 'wip-exceeded' && code !== 'unfunded-bet')).toEqual([]);
        const sum = phases.parse + phases.index + phases.link + phases.references + phases.validate;
        expect(sum).toBeGreaterThan(0);
        expect(Math.abs(sum - ms)).toBeLessThan(1);
        expect(parseOnly(workspace, undefined, [])).toBeGreaterThan(0);
    });

    test('the syntax-error variant breaks files with syntax errors', async () => {
        const { documents } = await fullBuild(generateWorkspace({ elements: 1000, files: 10, syntaxErrors: true }));
        const syntax = documents.flatMap(document => (document.diagnostics ?? []).filter(d => d.code === 'syntax'));
        expect(syntax.length).toBeGreaterThan(10);
    });

    test('an edit is timed until the edited file is validated, with the edit in its model', async () => {
        const workspace = generateWorkspace({ elements: 1000, files: 10 });
        const session = await EditorSession.open(workspace, [workspace.strategyFile]);
        const text = session.text(workspace.strategyFile);
        const renamed = text.replace(`bet ${workspace.referencedBet} `, `bet ${workspace.referencedBet}x `);
        expect(renamed).not.toBe(text);
        const timing = await session.edit(workspace.strategyFile, renamed);
        expect(timing.diagnostics).toBeGreaterThan(0);
        expect(timing.build).toBeGreaterThanOrEqual(timing.diagnostics);
        const model = session.services.eos.StrategyWorkspace.model;
        expect(model.get('bet', `${workspace.referencedBet}x`)).toBeDefined();
        // Files that used the old name now report it as unresolved.
        const unresolved = [...workspace.files.keys()]
            .filter(file => file !== workspace.strategyFile)
            .flatMap(file => (session.document(file).diagnostics ?? []).filter(d => d.code === 'unresolved-reference'));
        expect(unresolved.length).toBeGreaterThan(0);
    });
});

describe('the autonomy views bench', () => {
    test('its decision log is valid EOS, and both views draw every type and the latest decisions', async () => {
        const services = freshServices();
        const { documents } = await fullBuild(workspaceWithDecisionLog(), services);
        const log = documents.find(document => document.uri.path.endsWith('/decisions.eos'))!;
        expect((log.diagnostics ?? []).filter(d => d.code === 'syntax' || d.code === 'unresolved-reference')).toEqual([]);
        const model = services.eos.StrategyWorkspace.model;
        expect(model.ofKind('decision')).toHaveLength(1000);
        const views = autonomyViews(model);
        expect(views.types).toBe(40);
        expect(views.matrixSvg).toContain('Rights39');
        // The latest decisions beside the tenets, the 1,000 records behind them in the report.
        expect(new Set(views.frameworkSvg.match(/\bDecision\d+\b/g)).size).toBe(MAX_DECISIONS);
        expect(views.frameworkSvg).toContain('Decision971'); // 2026-02-27, among the latest
    }, 120_000);
});

describe('the check-in bench (issue 14)', () => {
    test('its check-ins are valid, spread over key results under their kr lines and in team check-in files, and read by the model', async () => {
        const workspace = generateWorkspace({ elements: 1000, files: 10, checkIns: 2000 });
        expect(generateWorkspace({ elements: 1000, files: 10, checkIns: 2000 }).files).toEqual(workspace.files);
        // The cases without check-ins are the same text as before.
        expect(generateWorkspace({ elements: 1000, files: 10 }).files.get('teams/crew-0.eos')).toContain('period 2026-Q2');
        const texts = [...workspace.files.values()].join('\n');
        expect(texts.match(/^\s*checkin /gm)).toHaveLength(2000);
        expect(texts.match(/^ {4}checkin \d{4}-/gm)!.length).toBeGreaterThan(500);
        expect(workspace.checkInFile).toMatch(/^teams\/crew-\d+-checkins\.eos$/);
        const services = freshServices();
        const { documents } = await fullBuild(workspace, services);
        const codes = new Set(documents.flatMap(document => (document.diagnostics ?? []).map(d => String(d.code))));
        // Realistic: some key results lag or stopped checking in; nothing is unreadable or unresolved.
        expect([...codes].filter(code => !['wip-exceeded', 'unfunded-bet', 'kr-off-track', 'kr-check-in-stale'].includes(code))).toEqual([]);
        expect(codes).toContain('kr-off-track');
        const model = services.eos.StrategyWorkspace.model;
        const krs = model.ofKind('kr');
        const read = krs.reduce((sum, kr) => sum + model.checkInsOf(kr).length, 0);
        expect(read).toBe(2000);
        expect(Math.max(...krs.map(kr => model.checkInsOf(kr).length))).toBeLessThanOrEqual(8);
    }, 60_000);

    test('the end-to-end session types into a real `eos lsp --stdio` and gets each edit’s diagnostics', async () => {
        const { file: cli, temporary } = await currentCli();
        try {
            const workspace = generateWorkspace({ elements: 300, files: 5, checkIns: 600, today: '2026-03-01' });
            const result = await lspKeystrokes(workspace, {
                cli,
                file: workspace.teamFile!,
                spots: text => [...text.matchAll(/^okr \w+ "[^"]*/gm)].map(m => m.index + m[0].length),
                edits: 3,
                warmup: 1,
                typingGapMs: 10,
                log: () => undefined
            });
            expect(result.files).toBe(workspace.files.size);
            expect(result.latencies).toHaveLength(3);
            expect(result.brokenReference).toHaveLength(1);
            expect(result.brokenReference[0].message).toMatch(/zz/);
        } finally {
            if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
        }
    }, 60_000);
});
