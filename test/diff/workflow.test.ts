/**
 * The GitHub Actions workflow shipped in the docs: the page shows the same file, and its
 * `eos diff` command works on a clone whose base branch is `origin/main`, as in the job.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eos, GitRepo } from './git-repo.js';

const root = path.resolve(__dirname, '../..');
const workflow = fs.readFileSync(path.join(root, 'docs/examples/strategy-review.yml'), 'utf8');

describe('the strategy-review workflow', () => {
    let upstream: GitRepo;
    let clone: GitRepo;
    beforeAll(() => {
        upstream = new GitRepo('eos-upstream-');
        upstream.commit('strategy', { 'strategy/s.eos': 'theme T "Grow" {}\nbet B "Bet" { serves T hypothesis "h" }\ninitiative I "I" { bet B }\n' });
        clone = new GitRepo('eos-clone-');
        clone.git('remote', 'add', 'origin', upstream.dir);
        clone.git('fetch', '-q', 'origin');
        clone.git('checkout', '-q', '-b', 'pr', 'origin/main');
        clone.commit('the pull request', { 'strategy/s.eos': 'theme T "Grow" {}\nbet B "Bet" { serves T hypothesis "h" }\ninitiative I "I" { bet Nowhere }\n' });
    });
    afterAll(() => {
        upstream.cleanup();
        clone.cleanup();
    });

    it('is the file docs/diff.md shows', () => {
        const docs = fs.readFileSync(path.join(root, 'docs/diff.md'), 'utf8');
        expect(docs).toContain('<!-- workflow -->\n```yaml\n' + workflow + '```');
    });

    it('its eos diff step writes the comment and fails on a new error', async () => {
        const step = /run: (eos diff .*)$/m.exec(workflow)![1];
        const out = path.join(clone.dir, 'out');
        fs.mkdirSync(out);
        const env: Record<string, string> = { GITHUB_BASE_REF: 'main', STRATEGY_FOLDER: 'strategy', RUNNER_TEMP: out };
        // The shell's word splitting and variable expansion, for this one line.
        const args = [...step.matchAll(/"([^"]*)"|(\S+)/g)].map(m => (m[1] ?? m[2]).replace(/\$(\w+)/g, (_, name: string) => env[name]));
        expect(args.slice(0, 2)).toEqual(['eos', 'diff']);
        const result = await eos(args.slice(1), clone.dir);
        expect(result.stderr).toBe('eos: the change introduces 1 finding of severity error (--fail-on error)\n');
        expect(result.code).toBe(1);
        const comment = fs.readFileSync(path.join(out, 'strategy-diff.md'), 'utf8');
        expect(comment.split('\n').slice(0, 2)).toEqual(['<!-- eos-diff -->', '### Strategy changes: origin/main → HEAD']);
        expect(comment).toContain('| error | `unresolved-reference` | s.eos:3 |');
        expect(comment).toContain('  - bet: B → Nowhere');
        // The comment-posting script finds its earlier comment by the marker the file starts with.
        expect(workflow).toContain("comment.body?.startsWith('<!-- eos-diff -->')");
    });
});
