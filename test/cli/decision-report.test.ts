/** The report's decision log and tenet usage audit, per quarter (`eos export --format markdown`). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

/** flawed holds values written to be refused (invalid-value), so its export exits 1 with the report written. */
async function report(folder: string, expectedStatus = 0): Promise<string> {
    let out = '';
    const status = await runCli(['export', folder, '--format', 'markdown', '--today', '2026-03-01'], {
        stdout: t => {
            out += t;
        },
        stderr: () => {},
        cwd: process.cwd()
    });
    expect(status).toBe(expectedStatus);
    return out;
}

describe('decision log and tenet usage audit in the report', () => {
    it("lists flawed's decisions by quarter, with the tenets each cites, and audits the tenets", async () => {
        const text = await report('examples/flawed', 1);
        const log = text.slice(text.indexOf('## Decision log'), text.indexOf('## Tenet usage audit'));
        expect(log.indexOf('### 2025-Q4')).toBeLessThan(log.indexOf('### 2026-Q1'));
        expect(log).toContain('sets aside `ShipComplete` (no reason)');
        expect(log).toContain("sets aside `GlobexDiscountsInWriting` (the pilot's terms are set by the partner's procurement rules)");
        const audit = text.slice(text.indexOf('## Tenet usage audit'), text.indexOf('## Findings'));
        expect(audit).toContain('| tenet | 2025-Q4 | 2026-Q1 | last cited |');
        expect(audit).toContain('| `GlobexDiscountsInWriting` | · | 1 followed, 1 set aside | 2026-02-26 |');
        expect(audit).toContain('- **Never cited:** `GlobexAskCustomers`');
        expect(audit).toContain('(followed and set aside): `GlobexDiscountsInWriting`');
    });

    it('leaves the sections out of a strategy without decision records', async () => {
        expect(await report('examples/language-md')).not.toContain('## Decision log');
    });
});
