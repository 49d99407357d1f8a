/**
 * `eos export --format markdown --period P`: the report's period view (grades once the period has
 * ended, progress while it runs, trends, per team, what the period taught) and the exit status
 * and message for a malformed or unknown period. All dates follow --today.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const STRATEGY = `vision V "V"
theme T "T" { vision V horizon 2026 }
bet B "B" { serves T hypothesis "If we pilot, we learn" status active evidence 2026-01-15 supports "Pilot went well" }
bet Gone "Gone" { serves T hypothesis "h" status stopped evidence 2026-02-20 contradicts "Nobody used it" }
stream S "S"
initiative Done "Done" { bet B stream S status done started 2026-01-05 finished 2026-02-10 }
initiative Dropped "Dropped" { bet Gone stream S status stopped started 2026-01-10 finished 2026-02-21 }
team Crew "Crew" { level crew }
okr Q1 "Grow in Q1" {
  owner Crew
  period 2026-Q1
  supports B
  kr Users "Users" from 0 to 10
    checkin 2026-01-31 2
    checkin 2026-02-25 3 confidence low "slow"
  kr Minutes "Minutes" from 26 to 10 minutes current 20
}
okr Q4 "Start in Q4" {
  owner Crew
  period 2025-Q4
  supports B
  kr Old "Old" from 0 to 10
    checkin 2025-12-15 7
}
`;

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-period-'));
    fs.writeFileSync(path.join(dir, 'strategy.eos'), STRATEGY);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function eos(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: t => (stdout += t), stderr: t => (stderr += t), cwd: dir });
    return { code, stdout, stderr };
}

describe('eos export --format markdown --period', () => {
    it('grades an ended period: scores, readings, trends, per team, and what it taught', async () => {
        const { code, stdout, stderr } = await eos(['export', '.', '--format', 'markdown', '--period', '2026-Q1', '--today', '2026-04-10']);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const section = stdout.slice(stdout.indexOf('## Period 2026-Q1'), stdout.indexOf('## Findings'));
        expect(section).toContain('2026-01-01 – 2026-03-31 · ended: graded');
        expect(section).toContain('| Grow in Q1 (`Q1`) | Crew | 0.3 | `Q1.Users` | 3 \\(2026-02-25\\) | 0.3 | improving: 20% → 30% of the way over 4 weeks \\(2 check-ins\\) |');
        expect(section).toContain('|  |  |  | `Q1.Minutes` | 20 | 0.4 | no check-ins |');
        expect(section).toContain('| `Crew` | 1 | 0.3 |');
        expect(section).toContain('- 2026-01-15 `B` supports: Pilot went well');
        expect(section).toContain('- 2026-02-20 `Gone` contradicts: Nobody used it');
        expect(section).toContain('**Initiatives finished:** `Done` (2026-02-10)');
        expect(section).toContain('**Initiatives stopped:** `Dropped` (2026-02-21)');
        expect(section).toContain("**Bets stopped or invalidated on this period's evidence:** `Gone` (stopped)");
        expect(section).not.toContain('2025-12-15'); // the other period's reading stays out
    });

    it('while the period runs: progress so far and the open loop findings on its key results', async () => {
        const { code, stdout } = await eos(['export', '.', '--format', 'markdown', '--period', '2026-Q1', '--today', '2026-03-01']);
        expect(code).toBe(0);
        const section = stdout.slice(stdout.indexOf('## Period 2026-Q1'), stdout.indexOf('## Findings'));
        expect(section).toContain('running on 2026-03-01: progress so far');
        expect(section).toContain('| Grow in Q1 (`Q1`) | Crew | 34% | `Q1.Users` | 3 \\(2026-02-25\\) | 30% |');
        expect(section).toContain('**Open findings on its key results (on 2026-03-01):**');
        expect(section).toMatch(/- `kr-off-track`: Key result 'Q1\.Users' is off track/);
    });

    it('a year holds its quarters', async () => {
        const { code, stdout } = await eos(['export', '.', '--format', 'markdown', '--period', '2026', '--today', '2026-04-10']);
        expect(code).toBe(0);
        expect(stdout).toContain('## Period 2026');
        expect(stdout).toContain('`Q1.Users`');
        expect(stdout).not.toContain('`Q4.Old`');
    });

    it('a malformed period is a usage error (exit 2) that says how to write one and which periods are used', async () => {
        const { code, stdout, stderr } = await eos(['export', '.', '--format', 'markdown', '--period', '2026-Q5']);
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toBe(
            "eos: --period '2026-Q5': '2026-Q5' is not a quarter: a year has quarters Q1 to Q4. Write a year (2026), a half (2026-H1), a quarter (2026-Q1), a financial year (FY2027 or 2026/27) or a range (2026-Q1..2026-Q2). The objectives use: 2025-Q4, 2026-Q1.\n"
        );
    });

    it('a period no objective is written for is a usage error (exit 2), most likely a mistyped year', async () => {
        const { code, stdout, stderr } = await eos(['export', '.', '--format', 'markdown', '--period', '2027-Q1']);
        expect([code, stdout]).toEqual([2, '']);
        expect(stderr).toBe('eos: --period 2027-Q1: no objective is written for it, so there is nothing to grade. The objectives use: 2025-Q4, 2026-Q1.\n');
    });

    it('--period with another format is a usage error', async () => {
        const { code, stderr } = await eos(['export', '.', '--format', 'json', '--period', '2026-Q1']);
        expect(code).toBe(2);
        expect(stderr).toBe('eos: --period goes with --format markdown (the period view is part of the report)\n');
    });

    it('without --period the report has no period view', async () => {
        const { code, stdout } = await eos(['export', '.', '--format', 'markdown', '--today', '2026-04-10']);
        expect(code).toBe(0);
        expect(stdout).not.toContain('## Period');
    });
});
