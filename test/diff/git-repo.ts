/** A real git repository in a temporary folder, for the diff tests. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runEos } from '../cli/run-eos.js';

export class GitRepo {
    readonly dir: string;
    /** Commits made so far: each gets the next fixed date, so commit ids are the same on every run. */
    private commits = 0;

    constructor(prefix = 'eos-diff-') {
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        this.git('init', '-q', '-b', 'main');
    }

    git(...args: string[]): string {
        return this.gitWith({}, ...args);
    }

    private gitWith(env: Record<string, string>, ...args: string[]): string {
        return execFileSync('git', ['-c', 'user.name=EOS Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
            cwd: this.dir,
            encoding: 'utf8',
            env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', ...env }
        });
    }

    write(files: Record<string, string>): void {
        for (const [file, text] of Object.entries(files)) {
            const full = path.join(this.dir, file);
            fs.mkdirSync(path.dirname(full), { recursive: true });
            fs.writeFileSync(full, text);
        }
    }

    remove(file: string): void {
        fs.rmSync(path.join(this.dir, file));
    }

    commit(message: string, files: Record<string, string> = {}): string {
        this.write(files);
        this.git('add', '-A');
        const date = new Date(Date.UTC(2026, 0, 1, 9, this.commits++)).toISOString();
        this.gitWith({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, 'commit', '-q', '--allow-empty', '-m', message);
        return this.git('rev-parse', 'HEAD').trim();
    }

    cleanup(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** The CLI in a repository, with no environment (no colours forced, no editor settings). */
export function eos(args: string[], cwd: string, extra: { isTTY?: boolean } = {}) {
    return runEos(args, cwd, { env: {}, ...extra });
}
