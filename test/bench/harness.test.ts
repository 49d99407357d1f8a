/**
 * The benchmark's own parts, checked for what they measure (not for time): the generated
 * workspaces are what docs/performance.md says they are, a build reports its phases, and an
 * edit is timed until the edited file is validated with the edit in it.
 */
import { describe, expect, test } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { EditorSession, fullBuild, parseOnly } from '../../bench/session.js';

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
        const unresolved = [...workspace.files.keys()].filter(file => file !== workspace.strategyFile)
            .flatMap(file => (session.document(file).diagnostics ?? []).filter(d => d.code === 'unresolved-reference'));
        expect(unresolved.length).toBeGreaterThan(0);
    });
});
