/**
 * Compare mode as the language server answers it: a real git repository in a temporary folder,
 * the revision read with git, the editor's current texts (not committed) as the other side; the
 * tree comes back marked (added, changed), with removed elements as ghosts where they were, the
 * summary and the PR-comment Markdown, and a clear message for what cannot be compared.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagramFor } from '../../src/server/diagram-handler.js';
import { revisionsFor } from '../../src/server/compare-handler.js';
import { GitRepo } from '../diff/git-repo.js';
import { AFTER, BEFORE, editorWorkspace } from './compare-fixtures.js';

let repo: GitRepo;

beforeAll(() => {
    repo = new GitRepo('eos-compare-');
    repo.commit('First strategy', { 'strategy.eos': BEFORE });
    repo.git('tag', 'v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('Second', { 'strategy.eos': BEFORE.replace('Card controls', 'Card controls in the app') });
});

afterAll(() => repo?.cleanup());

describe('compare mode in the language server', () => {
    it('lists HEAD, branches, tags and recent commits with their subjects', () => {
        const { revisions, error } = revisionsFor({ folder: repo.dir });
        expect(error).toBeUndefined();
        expect(revisions.map(r => `${r.kind} ${r.kind === 'commit' ? r.subject : r.ref}`)).toEqual([
            'head HEAD',
            'branch feature',
            'branch main',
            'tag v1',
            'commit Second',
            'commit First strategy'
        ]);
        expect(revisions[0]).toMatchObject({ subject: 'Second', author: 'EOS Test' });
        expect(revisions[0].commit).toMatch(/^[0-9a-f]{7,}$/);
    });

    it('says why a folder outside git has nothing to compare with', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-no-git-'));
        try {
            const { revisions, error } = revisionsFor({ folder });
            expect(revisions).toEqual([]);
            expect(error).toMatch(/is not in a git repository, so there is no earlier version of the strategy to compare with/);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('marks what changed since the revision and draws the removed initiative as a ghost under its bet', async () => {
        const services = await editorWorkspace(repo.dir, { 'strategy.eos': AFTER });
        const result = await diagramFor(services, { uri: '', compare: { folder: repo.dir, revision: 'main' } });
        expect(result.error).toBeUndefined();
        const compare = result.compare!;
        expect(compare.error).toBeUndefined();
        expect(compare.before).toBe('main');
        expect(compare.commit).toMatch(/^[0-9a-f]{7}$/);
        expect(compare.summary).toBe("bet Payouts stopped; key result Q2.Speed's target lowered from 80% to 60% — 1 added, 2 removed, 2 changed; no change in findings");
        // The ghost hangs under the bet, between the siblings it sat between.
        const ids = result.nodes.map(node => node.id);
        expect(ids).toEqual([
            'vision:Bank',
            'theme:Habit',
            'bet:Payouts',
            'initiative:PayoutApi',
            'removed:initiative:LegacyExport',
            'initiative:Cards',
            'initiative:Reminders',
            'okr:Q2'
        ]);
        const ghost = result.nodes.find(node => node.id === 'removed:initiative:LegacyExport')!;
        expect(ghost).toMatchObject({ parent: 'bet:Payouts', title: 'Export <b>CSV</b> & PDF' });
        expect(ghost.uri).toBeUndefined();
        const classOf = (id: string) => new RegExp(`<g class="([^"]*)" data-id="${id}"`).exec(result.svg)?.[1] ?? '';
        expect(classOf('removed:initiative:LegacyExport')).toContain('diff-removed');
        expect(classOf('initiative:Reminders')).toContain('diff-added');
        expect(classOf('bet:Payouts')).toContain('diff-changed');
        expect(classOf('okr:Q2')).toContain('diff-changed');
        expect(classOf('initiative:PayoutApi')).not.toContain('diff-');
        expect(classOf('initiative:Cards')).not.toContain('diff-');
        // The removed key result is a struck-out row of its OKR; the edge to the ghost is dashed.
        expect(result.svg).toMatch(/<g class="kr-row kr-removed"><text class="kr-mark removed"[^>]*>−/);
        expect(result.svg).toContain('class="edge tree removed"');
        // Tooltips say what changed, in the diff's words; the ghost's title is escaped.
        expect(result.svg).toContain('changed:\n  status: active → stopped');
        expect(result.svg).toContain('Export &lt;b&gt;CSV&lt;/b&gt; &amp; PDF');
        expect(result.svg).not.toContain('<b>CSV');
        // The legend names the revision and counts each kind of change.
        expect(result.svg).toMatch(/Compared with main \([0-9a-f]{7}\)/);
        expect(result.svg).toMatch(/data-legend="added".*?1 added.*?data-legend="changed".*?2 changed.*?data-legend="removed".*?1 removed \(faded\)/s);
        // The list of changes: each entry says what, and where it is now (nothing for the removed one).
        const entry = (text: string) => compare.entries.find(e => e.text.startsWith(text))!;
        expect(entry('bet Payouts')).toMatchObject({
            change: 'modified',
            notes: ['status: active → stopped'],
            nodeId: 'bet:Payouts',
            uri: URI.file(path.join(repo.dir, 'strategy.eos')).toString()
        });
        expect(entry('initiative LegacyExport')).toMatchObject({ change: 'removed', nodeId: 'removed:initiative:LegacyExport', notes: ['was at strategy.eos:21 in main'] });
        expect(entry('initiative LegacyExport').uri).toBeUndefined();
        expect(entry('key result Q2.Speed')).toMatchObject({ change: 'modified', notes: ['target: 80% → 60% (lowered)'], nodeId: 'okr:Q2' });
        expect(compare.markdown).toContain('🔴 **Removed** initiative `LegacyExport` “Export &lt;b&gt;CSV&lt;/b&gt; &amp; PDF”');
    });

    it('compares with a branch, a tag and a commit id alike, and names an unknown revision', async () => {
        const services = await editorWorkspace(repo.dir, { 'strategy.eos': BEFORE });
        const feature = await diagramFor(services, { uri: '', compare: { folder: repo.dir, revision: 'feature' } });
        expect(feature.compare!.summary).toBe('1 changed; no change in findings');
        expect(feature.compare!.entries).toEqual([
            expect.objectContaining({ text: 'initiative Cards “Card controls”', notes: ['title: Card controls in the app → Card controls'] })
        ]);
        const tag = await diagramFor(services, { uri: '', compare: { folder: repo.dir, revision: 'v1', label: 'v1' } });
        expect(tag.compare!.summary).toBe('No element changed; no change in findings');
        expect(tag.svg).not.toMatch(/class="node[^"]*diff-/);
        const gone = await diagramFor(services, { uri: '', compare: { folder: repo.dir, revision: 'no-such-branch' } });
        expect(gone.compare!.error).toBe(
            "The strategy could not be compared with no-such-branch: 'no-such-branch' is not a commit of this repository (was the branch deleted or renamed?). Pick another one with EOS: Compare Strategy with…."
        );
        // The tree is still drawn, unmarked.
        expect(gone.nodes.length).toBeGreaterThan(3);
        expect(gone.svg).not.toContain('diff-');
        expect(gone.compare!.entries).toEqual([]);
    });
});
