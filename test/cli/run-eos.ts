/** Runs the CLI in-process and captures what it prints, as the user's terminal would show it. */
import { runCli, type CliIo } from '../../src/cli/main.js';

export interface EosRun {
    code: number;
    stdout: string;
    stderr: string;
}

export async function runEos(args: readonly string[], cwd: string, extra: Pick<CliIo, 'isTTY' | 'env'> = {}): Promise<EosRun> {
    let stdout = '',
        stderr = '';
    const code = await runCli(args, {
        stdout: t => {
            stdout += t;
        },
        stderr: t => {
            stderr += t;
        },
        cwd,
        ...extra
    });
    return { code, stdout, stderr };
}
