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
