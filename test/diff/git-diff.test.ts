/**
 * `eos diff` on real git repositories in temporary folders: commits, branches, a file moved and
 * renamed, an element renamed, a workspace in a subfolder, a revision whose file does not parse,
 * two folders. Each test asserts the exact change list.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementChange, StrategyDiff } from '../../src/diff/types.js';
import { eos, GitRepo } from './git-repo.js';

const TODAY = '2026-03-01';

/** The first commit: a small strategy in the repository's `strategy/` folder. */
const STRATEGY = `vision North "Be the bank people recommend"

theme Retention "Keep new customers" {
  vision North
}

stream Payments "Payments" { wip 1 }

bet Early "Improve the early experience" {
  serves Retention
  hypothesis "If the first weeks are easy, customers stay"
  status active
}

bet Later "A bet for later" {
  serves Retention
  hypothesis "If we wait, it gets cheaper"
}
`;

const TEAM = `initiative Guided "Guided setup" {
  bet Early
  stream Payments
  status doing
  updated 2026-02-20
}

initiative Tour "Product tour" {
  bet Early
  stream Payments
  status ready
}

okr Confidence "Customers feel confident early" {
  supports Early
  period 2026-Q1
  kr FirstValue "Reach first value in a week" from 40% to 80% current 50%
}
`;

/** What a reviewer reads from a change entry, in one line each. */
function lines(diff: StrategyDiff): string[] {
    return diff.elements.map(describeChange);
}

function describeChange(change: ElementChange): string {
    const notes = [
        change.renamedFrom && `renamed from ${change.renamedFrom}`,
        change.movedFrom && `moved from ${change.movedFrom}`,
        change.unreadableAt && `unreadable at ${change.unreadableAt}`
    ].filter(Boolean);
    const fields = change.changes.map(f =>
        f.added || f.removed
            ? `${f.field} +[${(f.added ?? []).join(',')}] -[${(f.removed ?? []).join(',')}]`
            : `${f.field} ${f.before ?? '∅'}→${f.after ?? '∅'}${f.trend ? ` ${f.trend}` : ''}`
    );
    return `${change.change} ${change.kind} ${change.name} @${change.file}:${change.line}${notes.length ? ` (${notes.join('; ')})` : ''}${fields.length ? ` | ${fields.join('; ')}` : ''}`;
}

async function diffJson(args: string[], cwd: string): Promise<StrategyDiff> {
    const { code, stdout, stderr } = await eos(['diff', ...args, '--format', 'json', '--today', TODAY], cwd);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    return JSON.parse(stdout) as StrategyDiff;
}

describe('eos diff between git revisions', () => {
    let repo: GitRepo;
    let workspace: string;
    let first: string;

    beforeAll(() => {
        repo = new GitRepo();
        // The strategy lives in a subfolder; other files of the repository are not part of it.
        repo.write({ 'README.md': '# A product\n', 'other/ignored.eos': 'vision Elsewhere "Not in the workspace"\n' });
        first = repo.commit('A first strategy', { 'strategy/strategy.eos': STRATEGY, 'strategy/teams/a.eos': TEAM });
        workspace = path.join(repo.dir, 'strategy');

        // A branch: the bet renamed (same title), a bet removed, a status, a target, a new orphan,
        // and the team file moved under another name.
        repo.git('checkout', '-q', '-b', 'feature');
        repo.git('mv', 'strategy/teams/a.eos', 'strategy/teams/onboarding.eos');
        repo.commit('Rework the early bet', {
            'strategy/strategy.eos': STRATEGY.replace('bet Early "Improve', 'bet EarlyExperience "Improve').replace(/\nbet Later[^}]*}\n/, '\n'),
            'strategy/teams/onboarding.eos':
                TEAM.replaceAll('bet Early\n', 'bet EarlyExperience\n')
                    .replace('supports Early\n', 'supports EarlyExperience\n')
                    .replace('status ready', 'status doing')
                    .replace('to 80%', 'to 60%') + '\ninitiative Referral "Referral programme" { stream Payments }\n'
        });
        repo.git('checkout', '-q', 'main');
    });
    afterAll(() => repo.cleanup());

    it('main → feature: renames, moves, field changes, findings and WIP, exactly', async () => {
        const diff = await diffJson(['main', 'feature'], workspace);
        expect(diff.schema).toBe('eos-diff/1');
        expect(diff.before).toEqual({ label: 'main', commit: first, files: 2, elements: 9 });
        expect(diff.after).toMatchObject({ label: 'feature', files: 2, elements: 9 });
        expect(lines(diff)).toEqual([
            'modified bet EarlyExperience @strategy.eos:9 (renamed from Early)',
            'removed bet Later @strategy.eos:15',
            'modified initiative Guided @teams/onboarding.eos:1 (moved from teams/a.eos)',
            'modified initiative Tour @teams/onboarding.eos:8 (moved from teams/a.eos) | status ready→doing',
            'modified OKR Confidence @teams/onboarding.eos:14 (moved from teams/a.eos)'.replace('OKR', 'okr'),
            'modified kr Confidence.FirstValue @teams/onboarding.eos:17 (moved from teams/a.eos) | target 80%→60% lowered',
            'added initiative Referral @teams/onboarding.eos:20'
        ]);
        expect(diff.elements.map(e => e.theme?.name ?? null)).toEqual(['Retention', 'Retention', 'Retention', 'Retention', 'Retention', 'Retention', null]);
        expect(diff.files).toEqual({ added: [], removed: [], renamed: [{ from: 'teams/a.eos', to: 'teams/onboarding.eos' }] });
        expect(diff.findings.introduced.map(f => `${f.severity} ${f.code} ${f.file}:${f.line} ${f.element?.name}`)).toEqual([
            'warning wip-exceeded strategy.eos:7 Payments',
            'warning orphan-initiative teams/onboarding.eos:20 Referral'
        ]);
        // Referral runs in Payments but is not doing: two of the stream's initiatives count.
        expect(diff.wip).toEqual([{ stream: 'Payments', title: 'Payments', before: { doing: 1, limit: 1 }, after: { doing: 2, limit: 1 } }]);
        // The removed bet had no initiative: its finding goes with it.
        expect(diff.findings.resolved.map(f => `${f.severity} ${f.code} ${f.file}:${f.line} ${f.element?.name}`)).toEqual(['info unfunded-bet strategy.eos:15 Later']);
        expect(diff.counts).toEqual({
            added: 1,
            removed: 1,
            modified: 5,
            renamed: 1,
            moved: 4,
            unreadable: 0,
            findingsIntroduced: 2,
            findingsResolved: 1,
            introducedBySeverity: { error: 0, warning: 2, info: 0, hint: 0 }
        });
        expect(diff.summary).toBe(
            "initiative Tour now doing; 1 initiative now orphaned; key result Confidence.FirstValue's target lowered from 80% to 60%; WIP in Payments over its limit (2/1) — 1 added, 1 removed, 2 changed, 1 renamed, 4 moved; 2 findings introduced, 1 resolved"
        );
    });

    it('feature → main is the same change backwards', async () => {
        const diff = await diffJson(['feature', 'main'], workspace);
        expect(lines(diff)).toEqual([
            'modified bet Early @strategy.eos:9 (renamed from EarlyExperience)',
            'added bet Later @strategy.eos:15',
            'modified initiative Guided @teams/a.eos:1 (moved from teams/onboarding.eos)',
            'modified initiative Tour @teams/a.eos:8 (moved from teams/onboarding.eos) | status doing→ready',
            'modified okr Confidence @teams/a.eos:14 (moved from teams/onboarding.eos)',
            'modified kr Confidence.FirstValue @teams/a.eos:17 (moved from teams/onboarding.eos) | target 60%→80% raised',
            'removed initiative Referral @teams/onboarding.eos:20'
        ]);
        expect(diff.findings.resolved.map(f => f.code)).toEqual(['wip-exceeded', 'orphan-initiative']);
        expect(diff.findings.introduced.map(f => f.code)).toEqual(['unfunded-bet']);
        expect(diff.summary).toContain('WIP in Payments back under its limit');
    });

    it('with no revision: HEAD against the working tree, uncommitted and untracked files included', async () => {
        repo.git('checkout', '-q', 'main');
        repo.write({ 'strategy/teams/a.eos': TEAM.replace('"Guided setup"', '"Guided account setup"'), 'strategy/new.eos': 'team Crew "The crew" { level team }\n' });
        try {
            const diff = await diffJson([], workspace);
            expect(diff.before.label).toBe('HEAD');
            expect(diff.after.label).toBe('working tree');
            expect(lines(diff)).toEqual(['modified initiative Guided @teams/a.eos:1 | title Guided setup→Guided account setup', 'added team Crew @new.eos:1']);
            expect(diff.files).toEqual({ added: ['new.eos'], removed: [], renamed: [] });
            // One revision: it against the working tree.
            const againstFeature = await diffJson(['feature'], workspace);
            expect(againstFeature.before.label).toBe('feature');
            expect(againstFeature.elements.find(e => e.name === 'Guided')?.changes).toEqual([{ field: 'title', before: 'Guided setup', after: 'Guided account setup' }]);
        } finally {
            repo.git('checkout', '-q', '--', '.');
            repo.remove('strategy/new.eos');
        }
    });

    it('the workspace at the repository top reads every folder (the other workspace too)', async () => {
        const diff = await diffJson(['main', 'feature', '--root', repo.dir], repo.dir);
        expect(diff.before.files).toBe(3);
        expect(diff.elements.map(e => e.file)).toContain('strategy/teams/onboarding.eos');
    });

    it('an element moved to another file (the file stays) is moved, not removed and added', async () => {
        repo.git('checkout', '-q', '-b', 'move');
        try {
            const team = TEAM.replace(/okr Confidence[\s\S]*$/, '');
            const okr = TEAM.slice(TEAM.indexOf('okr Confidence'));
            repo.commit('OKRs in their own file', { 'strategy/teams/a.eos': team, 'strategy/teams/okrs.eos': okr });
            const diff = await diffJson(['main', 'move'], workspace);
            expect(lines(diff)).toEqual([
                'modified okr Confidence @teams/okrs.eos:1 (moved from teams/a.eos)',
                'modified kr Confidence.FirstValue @teams/okrs.eos:4 (moved from teams/a.eos)'
            ]);
            expect(diff.files).toEqual({ added: ['teams/okrs.eos'], removed: [], renamed: [] });
            expect(diff.findings).toEqual({ introduced: [], resolved: [] });
        } finally {
            repo.git('checkout', '-q', 'main');
        }
    });

    it('a revision where a file does not parse: its missing elements are unreadable, not removed', async () => {
        repo.git('checkout', '-q', '-b', 'broken');
        try {
            // A file cut off in the middle of an element (a bad merge): the rest cannot be read.
            const cut = TEAM.slice(0, TEAM.indexOf('  status ready'));
            repo.commit('Half-written edit', { 'strategy/teams/a.eos': cut });
            const diff = await diffJson(['main', 'broken'], workspace);
            expect(diff.unparsed.before).toEqual([]);
            // The first syntax error is the unclosed block, on the line its `{` opened.
            expect(diff.unparsed.after.map(p => `${p.file}:${p.line}`)).toEqual(['teams/a.eos:8']);
            expect(lines(diff)).toEqual([
                'modified initiative Tour @teams/a.eos:8 | status ready→∅',
                'unreadable okr Confidence @teams/a.eos:14 (unreadable at after)',
                'unreadable kr Confidence.FirstValue @teams/a.eos:17 (unreadable at after)'
            ]);
            expect(diff.elements[0].unparsedAt).toBe('after');
            expect(diff.counts.removed).toBe(0);
            expect(diff.findings.introduced.map(f => f.code)).toContain('syntax');
            const { stdout } = await eos(['diff', 'main', 'broken', '--today', TODAY], workspace);
            expect(stdout).toMatch(/Does not parse at broken: teams\/a\.eos:8 The initiative `Tour` opened on line 8 is not closed: add `}` at the end of the file\./);
            expect(stdout).toContain('? OKR Confidence "Customers feel confident early" (teams/a.eos:14) — could not be read at broken: its file does not parse there');
            expect(stdout).toContain('~ initiative Tour "Product tour" (teams/a.eos:8) — its file does not parse at broken: what changed may be incomplete');
            // And back: the fixed file brings them back as unreadable before, not as added.
            const back = await diffJson(['broken', 'main'], workspace);
            expect(back.counts.added).toBe(0);
            expect(back.elements.filter(e => e.change === 'unreadable').every(e => e.unreadableAt === 'before')).toBe(true);
        } finally {
            repo.git('checkout', '-q', 'main');
        }
    });

    it('exits 0 by default; --fail-on turns introduced findings into exit 1 with the reason', async () => {
        expect((await eos(['diff', 'main', 'feature', '--today', TODAY], workspace)).code).toBe(0);
        const warning = await eos(['diff', 'main', 'feature', '--today', TODAY, '--fail-on', 'warning'], workspace);
        expect(warning.code).toBe(1);
        expect(warning.stderr).toBe('eos: the change introduces 2 findings of severity warning or worse (--fail-on warning)\n');
        expect((await eos(['diff', 'main', 'feature', '--today', TODAY, '--fail-on', 'error'], workspace)).code).toBe(0);
        const code = await eos(['diff', 'main', 'feature', '--today', TODAY, '--fail-on', 'orphan-initiative,removed'], workspace);
        expect(code.code).toBe(1);
        expect(code.stderr).toBe('eos: the change introduces 1 orphan-initiative finding (--fail-on orphan-initiative)\neos: the change removes 1 element (--fail-on removed)\n');
        expect((await eos(['diff', 'feature', 'main', '--today', TODAY, '--fail-on', 'warning'], workspace)).code).toBe(0);
        const bad = await eos(['diff', 'main', 'feature', '--fail-on', 'warnings'], workspace);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/--fail-on: 'warnings' is not error, warning/);
    });

    it('refuses what is not a revision, outside a repository, with one clear line', async () => {
        const unknown = await eos(['diff', 'no-such-branch'], workspace);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toBe("eos: 'no-such-branch' is not a commit of this repository: give a branch, a tag or a commit id (git log --oneline lists them)\n");
        const dash = await eos(['diff', '--', '--output=/tmp/x'], workspace);
        expect(dash.code).toBe(2);
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-nogit-'));
        try {
            fs.writeFileSync(path.join(outside, 'a.eos'), 'vision V "v"\n');
            const result = await eos(['diff'], outside);
            expect(result.code).toBe(2);
            expect(result.stderr).toMatch(/is not in a git repository, so there are no revisions to compare: give two folders instead/);
        } finally {
            fs.rmSync(outside, { recursive: true, force: true });
        }
    });

    it('text is coloured on a terminal only; --no-color wins', async () => {
        const plain = await eos(['diff', 'main', 'feature', '--today', TODAY], workspace);
        expect(plain.stdout).not.toContain('\x1b[');
        expect(plain.stdout.split('\n').slice(0, 4)).toEqual([
            'Strategy changes: main → feature',
            "initiative Tour now doing; 1 initiative now orphaned; key result Confidence.FirstValue's target lowered from 80% to 60%; WIP in Payments over its limit (2/1) — 1 added, 1 removed, 2 changed, 1 renamed, 4 moved; 2 findings introduced, 1 resolved",
            '',
            'Theme Retention "Keep new customers"'
        ]);
        const tty = await eos(['diff', 'main', 'feature', '--today', TODAY], workspace, { isTTY: true });
        expect(tty.stdout).toContain('\x1b[32m+\x1b[0m initiative');
        const off = await eos(['diff', 'main', 'feature', '--today', TODAY, '--no-color'], workspace, { isTTY: true });
        expect(off.stdout).toBe(plain.stdout);
    });
});

describe('eos diff between two folders', () => {
    let dir: string;
    beforeAll(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-diff-folders-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('compares the folders as two workspaces, without git', async () => {
        const write = (file: string, text: string) => {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), text);
        };
        write('old/strategy.eos', STRATEGY);
        write('new/strategy.eos', STRATEGY.replace('status active', 'status stopped').replace('serves Retention\n  hypothesis "If we wait', 'hypothesis "If we wait'));
        const diff = await diffJson(['old', 'new'], dir);
        expect(diff.before).toEqual({ label: 'old', files: 1, elements: 5 });
        expect(lines(diff)).toEqual(['modified bet Early @strategy.eos:9 | status active→stopped', 'modified bet Later @strategy.eos:15 | serves +[] -[Retention]']);
        expect(diff.findings.introduced.map(f => f.code)).toEqual(['orphan-bet']);
        // A stopped bet needs no initiative any more: its unfunded-bet finding is resolved.
        expect(diff.findings.resolved.map(f => `${f.code} ${f.element?.name}`)).toEqual(['unfunded-bet Early']);
        expect(diff.summary).toBe('bet Early stopped; 1 bet now serves no theme — 2 changed; 1 finding introduced, 1 resolved');
    });
});
