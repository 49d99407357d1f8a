/**
 * The after side is applied to the before side's services as edits (for speed); its findings
 * must be exactly those of a cold build of the after side, including findings in files the
 * change did not touch (a WIP limit in the strategy file, an orphan in a team file).
 */
import { describe, expect, it } from 'vitest';
import { StateBuilder } from '../../src/diff/load-states.js';
import type { StrategyState } from '../../src/diff/model-diff.js';
import type { WorkspaceTexts } from '../../src/diff/sources.js';
import { readEosFolder } from '../helpers.js';

const describeFindings = (state: StrategyState) =>
    state.findings.map(f => `${state.fileOf(f.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`).sort();

describe('loadStates: the after side as an edit', () => {
    it('gives the findings and model of a cold build', async () => {
        const files = new Map(Object.entries(readEosFolder('examples/acme')));
        const edited = new Map(files);
        const [strategyFile] = [...files.keys()].filter(f => f.endsWith('strategy.eos'));
        const teamFiles = [...files.keys()].filter(f => f.startsWith('teams/'));
        // A bet removed (names in other files no longer resolve), a team file deleted, another renamed.
        const strategy = files.get(strategyFile)!;
        const bet = /^bet (\w+)/m.exec(strategy)![1];
        edited.set(strategyFile, strategy.replace(new RegExp(`\\nbet ${bet}\\b[\\s\\S]*?\\n}\\n`), '\n'));
        edited.delete(teamFiles[0]);
        edited.set('teams/renamed.eos', edited.get(teamFiles[1])!);
        edited.delete(teamFiles[1]);
        const side = (label: string, texts: Map<string, string>): WorkspaceTexts => ({ label, files: texts });

        const incremental = new StateBuilder({ root: '/w', today: '2026-03-01' });
        const before = await incremental.load(side('before', files));
        const after = await incremental.load(side('after', edited));
        const cold = await new StateBuilder({ root: '/w', today: '2026-03-01' }).load(side('after', edited));

        expect(describeFindings(after)).toEqual(describeFindings(cold));
        expect(describeFindings(after)).not.toEqual(describeFindings(before));
        expect(describeFindings(after).some(f => / unresolved-reference /.test(f))).toBe(true);
        const names = (state: StrategyState) => state.model.elements.map(e => `${state.fileOf(e.uri)} ${e.kind}:${e.name}`).sort();
        expect(names(after)).toEqual(names(cold));
        // The before state is still intact after the update.
        expect(before.model.get('bet', bet)).toBeDefined();
        expect(after.model.get('bet', bet)).toBeUndefined();
    });
});
