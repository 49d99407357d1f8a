/**
 * The revisions a strategy can be compared with, as the editor offers them: `HEAD`, branches,
 * tags and recent commits of the repository that holds the workspace folder, read with the real
 * `git`. A folder outside git, git missing or a repository without commits is a clear message in
 * the method's words, never an empty list.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

export type RevisionKind = 'head' | 'branch' | 'tag' | 'commit';

export interface RevisionChoice {
    /** What git is given: `HEAD`, `main`, `v1.2`, a full commit id. */
    ref: string;
    kind: RevisionKind;
    /** Short commit id. */
    commit: string;
    /** The commit's subject line. */
    subject: string;
    /** `3 days ago`. */
    when: string;
    author: string;
}

export class RevisionsError extends Error {}

/** Most recent commits offered (branches and tags come on top of them). */
export const RECENT_COMMITS = 30;
/** At most this many branches and as many tags, most recently committed first. */
const MAX_REFS = 100;
const FIELDS = '%(refname)%00%(objectname:short)%00%(contents:subject)%00%(committerdate:relative)%00%(authorname)';

export function listRevisions(folder: string): RevisionChoice[] {
    if (!fs.existsSync(folder)) throw new RevisionsError(`The folder ${folder} does not exist.`);
    const inside = run(folder, ['rev-parse', '--is-inside-work-tree']);
    if (inside.status !== 0) {
        throw new RevisionsError(
            `${folder} is not in a git repository, so there is no earlier version of the strategy to compare with. Put the folder under git (git init, then commit the .eos files) to compare later versions with this one.`
        );
    }
    const head = run(folder, ['log', '-1', '--format=%h%x00%s%x00%cr%x00%an']);
    if (head.status !== 0) {
        throw new RevisionsError('This git repository has no commits yet, so there is no earlier version of the strategy to compare with. Commit the .eos files first.');
    }
    const choices: RevisionChoice[] = [];
    const [commit = '', subject = '', when = '', author = ''] = head.stdout.trim().split('\0');
    choices.push({ ref: 'HEAD', kind: 'head', commit, subject, when, author });
    const refs = run(folder, ['for-each-ref', '--sort=-committerdate', `--count=${MAX_REFS * 2}`, `--format=${FIELDS}`, 'refs/heads', 'refs/tags']);
    if (refs.status === 0) {
        let branches = 0,
            tags = 0;
        for (const line of refs.stdout.split('\n')) {
            if (!line) continue;
            const [refname, short = '', refSubject = '', refWhen = '', refAuthor = ''] = line.split('\0');
            const branch = refname.startsWith('refs/heads/');
            if (branch ? ++branches > MAX_REFS : ++tags > MAX_REFS) continue;
            const ref = refname.replace(/^refs\/(heads|tags)\//, '');
            choices.push({ ref, kind: branch ? 'branch' : 'tag', commit: short, subject: refSubject, when: refWhen, author: refAuthor });
        }
    }
    const log = run(folder, ['log', `-${RECENT_COMMITS}`, '--format=%H%x00%h%x00%s%x00%cr%x00%an']);
    if (log.status === 0) {
        for (const line of log.stdout.split('\n')) {
            if (!line) continue;
            const [full, short = '', logSubject = '', logWhen = '', logAuthor = ''] = line.split('\0');
            choices.push({ ref: full, kind: 'commit', commit: short, subject: logSubject, when: logWhen, author: logAuthor });
        }
    }
    return choices;
}

function run(cwd: string, args: readonly string[]): { status: number | null; stdout: string } {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
    if (result.error) {
        throw new RevisionsError(
            (result.error as NodeJS.ErrnoException).code === 'ENOENT'
                ? 'git is not installed (or not on the PATH): comparing the strategy with an earlier version reads it with git. Install git and try again.'
                : `git failed: ${result.error.message}`
        );
    }
    return { status: result.status, stdout: result.stdout };
}
