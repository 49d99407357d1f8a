/**
 * examples/acme shows the loop over time on 2026-03-01: a quarter of check-ins (on-track and
 * off-track key results), a graded past period (2025-Q4) and ageing Kanban cards from the
 * initiatives' `started` dates. Its exact findings are asserted in examples.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

async function eos(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: t => (stdout += t), stderr: t => (stderr += t), cwd: process.cwd() });
    return { code, stdout, stderr };
}

describe('examples/acme over time', () => {
    it('grades its past period: `--period 2025-Q4` gives OpeningQ4 a 0.9 from its final check-in', async () => {
        const { code, stdout, stderr } = await eos(['export', 'examples/acme', '--format', 'markdown', '--period', '2025-Q4', '--today', '2026-03-01']);
        expect([code, stderr]).toEqual([0, '']);
        const section = stdout.slice(stdout.indexOf('## Period 2025-Q4'));
        expect(section).toContain('2025-10-01 – 2025-12-31 · ended: graded');
        expect(section).toMatch(
            /\| Halve the screens between download and an open account \(`OpeningQ4`\) \| OpeningStream \| 0\.9 \| `OpeningQ4\.StepsToOpen` \| 8 \\\(2025-12-15\\\) \| 0\.9 \| improving: /
        );
        expect(section).toContain('| `OpeningStream` | 1 | 0.9 |');
    });

    it('reads the running quarter from the check-ins file: on track and off track side by side', async () => {
        const { code, stdout } = await eos(['export', 'examples/acme', '--format', 'markdown', '--period', '2026-Q1', '--today', '2026-03-01']);
        expect(code).toBe(0);
        const section = stdout.slice(stdout.indexOf('## Period 2026-Q1'));
        expect(section).toMatch(/`OpeningQ1\.TimeToOpen` \| 14 \\\(2026-02-23\\\) \| 75% \| improving: /);
        expect(section).toMatch(/`PaymentsQ1\.PaymentsPerCustomer` \| 6\.8 \\\(2026-02-27\\\) \| 12% \| /);
        expect(section).toMatch(/- `kr-off-track`: Key result 'PaymentsQ1\.PaymentsPerCustomer' is off track/);
        expect(section).not.toMatch(/kr-off-track`: Key result 'OpeningQ1\.TimeToOpen'/);
    });

    it('shows ageing cards on the Portfolio Kanban from the started dates', async () => {
        const { stdout } = await eos(['export', 'examples/acme', '--format', 'markdown', '--today', '2026-03-01']);
        expect(stdout).toMatch(/Ageing work: .*`RealTimeRail` 167 days \(old\)/);
    });
});
