/**
 * The two sides of a diff as texts: a folder on disk, or a git revision read with the real `git`
 * (`git ls-tree` lists the workspace's files at the revision, one `git cat-file --batch` reads
 * them all). The workspace may be any folder of the repository: paths are relative to it on both
 * sides, so `teams/a.eos` at `main` and in the working tree are the same file.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findEosFiles } from '../cli/files.js';
import { isIgnoredEntry, looksBinary, MAX_FILE_BYTES, readEosFile, tooLarge } from '../language/workspace/workspace-files.js';
import { findConfig, UsageError } from '../cli/workspace.js';
import { CONFIG_FILE_NAME, ConfigError, parseConfig, type EosConfig } from '../language/workspace/eos-config.js';

/** One side: workspace-relative `/`-separated paths and their texts. */
export interface WorkspaceTexts {
    label: string;
    /** The commit id, for a git revision. */
    commit?: string;
    files: Map<string, string>;
    /** The side's own `eos.config.json` (in the workspace folder or above it), if any. */
    config?: EosConfig;
}

/** Largest output read from one git call: every file of a revision passes through it. */
const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;

export function readFolder(folder: string, label: string): WorkspaceTexts {
    const { files, problems } = findEosFiles([folder]);
    if (problems.length) throw new UsageError(problems.map(problem => problem.message).join('\neos: '));
    const texts = new Map<string, string>();
    for (const file of files) texts.set(toPosix(path.relative(folder, file)), readOrUsage(file));
    const { config } = findConfig(undefined, [folder]);
    return { label, files: texts, ...(config ? { config } : {}) };
}

export interface GitWorkspace {
    /** The repository's top folder. */
    top: string;
    /** The workspace folder relative to `top`, `/`-separated, ending in `/` (empty at the top). */
    prefix: string;
}

/** The repository holding a folder, or a clear error if there is none. */
export function gitWorkspace(folder: string): GitWorkspace {
    const out = git(
        folder,
        ['rev-parse', '--show-toplevel', '--show-prefix'],
        `${folder} is not in a git repository, so there are no revisions to compare: give two folders instead (eos diff OLD_FOLDER NEW_FOLDER)`
    );
    const [top, prefix = ''] = out.toString('utf8').split('\n');
    return { top, prefix };
}

/** Every `.eos` file of the workspace folder as it is at `revision`. */
export function readRevision(workspace: GitWorkspace, revision: string): WorkspaceTexts {
    if (revision.startsWith('-')) throw new UsageError(`'${revision}' is not a revision`);
    const commit = git(
        workspace.top,
        ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`],
        `'${revision}' is not a commit of this repository: give a branch, a tag or a commit id (git log --oneline lists them)`
    )
        .toString('utf8')
        .trim();
    const listing = git(
        workspace.top,
        ['ls-tree', '-r', '-z', '--full-tree', commit, ...(workspace.prefix ? ['--', workspace.prefix] : [])],
        `cannot list the files of ${revision}`
    );
    const wanted: Array<{ oid: string; file: string }> = [];
    for (const entry of listing.toString('utf8').split('\0')) {
        if (!entry) continue;
        const tab = entry.indexOf('\t');
        const [mode, type, oid] = entry.slice(0, tab).split(' ');
        const full = entry.slice(tab + 1);
        if (type !== 'blob' || mode === '120000' || !full.startsWith(workspace.prefix)) continue; // links and submodules are not read
        const file = full.slice(workspace.prefix.length);
        if (!file.endsWith('.eos') || file.split('/').some((part, index, parts) => isIgnoredEntry(part, index < parts.length - 1))) continue;
        wanted.push({ oid, file });
    }
    // The config: the nearest eos.config.json at or above the workspace folder, as `eos check` finds it.
    const folders = workspace.prefix.split('/').filter(Boolean);
    const configPaths: string[] = [];
    for (let depth = folders.length; depth >= 0; depth--) configPaths.push([...folders.slice(0, depth), CONFIG_FILE_NAME].join('/'));
    const requests = [...wanted.map(w => w.oid), ...configPaths.map(p => `${commit}:${p}`)];
    const objects = catFiles(workspace.top, requests);
    const files = new Map<string, string>();
    wanted.forEach(({ file }, i) => {
        const object = objects[i];
        if (!object) throw new UsageError(`cannot read ${file} at ${revision} from git`);
        files.set(file, decode(object, `${file} at ${revision}`));
    });
    let config: EosConfig | undefined;
    for (let i = 0; i < configPaths.length; i++) {
        const object = objects[wanted.length + i];
        if (!object) continue;
        try {
            config = parseConfig(decode(object, `${configPaths[i]} at ${revision}`), `${configPaths[i]} at ${revision}`);
        } catch (error) {
            if (error instanceof ConfigError) throw new UsageError(error.message);
            throw error;
        }
        break;
    }
    return { label: revision, commit, files, ...(config ? { config } : {}) };
}

/** Reads objects with one `git cat-file --batch`; undefined for a missing one. */
function catFiles(top: string, requests: readonly string[]): Array<Buffer | undefined> {
    if (!requests.length) return [];
    const result = spawnSync('git', ['cat-file', '--batch'], { cwd: top, input: requests.join('\n') + '\n', maxBuffer: MAX_GIT_OUTPUT });
    if (result.error) throw new UsageError(gitFailure(result.error));
    if (result.status !== 0) throw new UsageError(`git cat-file failed: ${result.stderr.toString('utf8').trim()}`);
    const out = result.stdout;
    const objects: Array<Buffer | undefined> = [];
    let at = 0;
    for (let i = 0; i < requests.length; i++) {
        const newline = out.indexOf(0x0a, at);
        const header = out.subarray(at, newline).toString('utf8');
        at = newline + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
            objects.push(undefined);
            continue;
        }
        const size = Number(header.split(' ')[2]);
        objects.push(out.subarray(at, at + size));
        at += size + 1;
    }
    return objects;
}

/** A file of the working tree, read by the workspace's one reader; a usage error when it cannot be. */
function readOrUsage(file: string): string {
    const read = readEosFile(file);
    if (read.problem !== undefined) throw new UsageError(read.problem);
    return read.text;
}

function decode(buffer: Buffer, what: string): string {
    if (buffer.length > MAX_FILE_BYTES) throw new UsageError(tooLarge(what, buffer.length));
    if (looksBinary(buffer)) throw new UsageError(`${what} looks like a binary file (it contains NUL bytes), not EOS text`);
    return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

function git(cwd: string, args: readonly string[], failure: string): Buffer {
    if (!fs.existsSync(cwd)) throw new UsageError(`cannot read folder ${cwd}: no such file or folder`);
    const result = spawnSync('git', args, { cwd, maxBuffer: MAX_GIT_OUTPUT });
    if (result.error) throw new UsageError(gitFailure(result.error));
    if (result.status !== 0) throw new UsageError(failure);
    return result.stdout;
}

function gitFailure(error: Error): string {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed (or not on the PATH): eos diff reads revisions with git' : `git failed: ${error.message}`;
}

function toPosix(file: string): string {
    return file.split(path.sep).join('/');
}
