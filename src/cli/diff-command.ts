/**
 * `eos diff [BEFORE [AFTER]]`: what a change means for the strategy. Each side is a git revision
 * of the workspace folder (`--root`, default the current folder) or a folder; BEFORE defaults to
 * `HEAD`, AFTER to the working tree. Exit 0 unless `--fail-on` names something the change brings.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffStates } from '../diff/model-diff.js';
import { formatDiffMarkdown, formatDiffText } from '../diff/format.js';
import { loadStates } from '../diff/load-states.js';
import { gitWorkspace, readFolder, readRevision, type GitWorkspace, type WorkspaceTexts } from '../diff/sources.js';
import type { StrategyDiff } from '../diff/types.js';
import { isDiagnosticCode, type Severity } from '../language/validation/codes.js';
import { findConfig, UsageError } from './workspace.js';

export const DIFF_USAGE = `  eos diff [BEFORE [AFTER]] [--root DIR] [--format text|markdown|json] [--fail-on LIST]
           [--today YYYY-MM-DD] [--config FILE] [--color|--no-color] [--out FILE]
      What changed in the strategy between two git revisions of the workspace folder (default:
      HEAD and the working tree) or two folders. --fail-on error,warning,CODE,removed,any exits 1
      when the change introduces such findings (or removes elements, or changes anything).`;

export interface DiffIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    cwd: string;
    isTTY?: boolean;
    env?: Record<string, string | undefined>;
}

export interface DiffArguments {
    positionals: string[];
    root?: string;
    format: string;
    failOn?: string;
    today?: string;
    config?: import('../language/workspace/eos-config.js').EosConfig;
    color?: boolean;
    out?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export async function runDiff(args: DiffArguments, io: DiffIo): Promise<number> {
    if (!['text', 'markdown', 'json'].includes(args.format)) throw new UsageError(`--format must be text, markdown or json, not '${args.format}'`);
    if (args.positionals.length > 2) throw new UsageError('eos diff compares two states: give at most BEFORE and AFTER');
    const failOn = parseFailOn(args.failOn);
    const root = path.resolve(io.cwd, args.root ?? '.');
    if (args.root !== undefined && !isFolder(root)) throw new UsageError(`--root ${args.root}: not a folder`);

    let repository: GitWorkspace | undefined;
    const repo = () => (repository ??= gitWorkspace(root));
    const sideOf = (given: string | undefined, fallback: 'HEAD' | 'working tree'): WorkspaceTexts => {
        if (given === undefined) return fallback === 'HEAD' ? readRevision(repo(), 'HEAD') : readFolder(root, 'working tree');
        const folder = path.resolve(io.cwd, given);
        // A folder on disk wins over a revision of the same name: `eos diff old new` compares folders.
        if (isFolder(folder)) return readFolder(folder, given);
        return readRevision(repo(), given);
    };
    const [beforeArg, afterArg] = args.positionals;
    const before = sideOf(beforeArg, 'HEAD');
    const after = sideOf(afterArg, 'working tree');
    if (before.files.size === 0 && after.files.size === 0) {
        throw new UsageError(`no .eos files in ${before.label} or ${after.label}${repository?.prefix ? ` (workspace folder ${repository.prefix})` : ''}`);
    }
    const [old, now] = await loadStates(before, after, {
        root,
        ...(args.today ? { today: args.today } : {}),
        ...(args.config ? { config: args.config } : {})
    });
    const diff = diffStates(old, now);
    const color = args.color ?? (io.isTTY === true && !io.env?.NO_COLOR && io.env?.TERM !== 'dumb');
    const output =
        args.format === 'json'
            ? JSON.stringify(diff, null, 2) + '\n'
            : args.format === 'markdown'
              ? formatDiffMarkdown(diff)
              : formatDiffText(diff, { color: color && args.out === undefined });
    if (args.out !== undefined) {
        try {
            fs.writeFileSync(path.resolve(io.cwd, args.out), output);
        } catch (error) {
            throw new UsageError(`cannot write ${args.out}: ${(error as Error).message}`);
        }
    } else {
        io.stdout(output);
    }
    const reasons = failures(diff, failOn);
    for (const reason of reasons) io.stderr(`eos: ${reason}\n`);
    return reasons.length ? 1 : 0;
}

interface FailOn {
    severity?: Severity;
    codes: Set<string>;
    removed: boolean;
    any: boolean;
}

/** `error`, `warning`, `info`, `hint` (that severity or worse), diagnostic codes, `removed`, `any`. */
export function parseFailOn(value: string | undefined): FailOn {
    const result: FailOn = { codes: new Set(), removed: false, any: false };
    if (value === undefined) return result;
    for (const raw of value
        .split(',')
        .map(v => v.trim())
        .filter(Boolean)) {
        if (raw in SEVERITY_RANK) {
            const severity = raw as Severity;
            if (!result.severity || SEVERITY_RANK[severity] > SEVERITY_RANK[result.severity]) result.severity = severity;
        } else if (raw === 'removed') result.removed = true;
        else if (raw === 'any') result.any = true;
        else if (isDiagnosticCode(raw)) result.codes.add(raw);
        else throw new UsageError(`--fail-on: '${raw}' is not error, warning, info, hint, removed, any or a diagnostic code (such as orphan-initiative)`);
    }
    return result;
}

function failures(diff: StrategyDiff, failOn: FailOn): string[] {
    const reasons: string[] = [];
    if (failOn.severity) {
        const bad = diff.findings.introduced.filter(f => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn.severity!]);
        if (bad.length)
            reasons.push(
                `the change introduces ${bad.length} finding${bad.length === 1 ? '' : 's'} of severity ${failOn.severity}${failOn.severity === 'error' ? '' : ' or worse'} (--fail-on ${failOn.severity})`
            );
    }
    for (const code of failOn.codes) {
        const n = diff.findings.introduced.filter(f => f.code === code).length;
        if (n) reasons.push(`the change introduces ${n} ${code} finding${n === 1 ? '' : 's'} (--fail-on ${code})`);
    }
    if (failOn.removed && diff.counts.removed) reasons.push(`the change removes ${diff.counts.removed} element${diff.counts.removed === 1 ? '' : 's'} (--fail-on removed)`);
    if (failOn.any && (diff.elements.length || diff.findings.introduced.length || diff.findings.resolved.length)) reasons.push('the strategy changed (--fail-on any)');
    return reasons;
}

function isFolder(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}

/** The `--config` file, read once for both sides. */
export function diffConfig(configPath: string | undefined, cwd: string) {
    return configPath === undefined ? undefined : findConfig(path.resolve(cwd, configPath), []).config;
}
