/**
 * `eos build` from the command line: what it writes, what it prints, and one clear line with
 * exit 2 for what it cannot do.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured, STACK_FRAME } from '../fuzz/cli-probe.js';
import { ROOT } from './site-fixtures.js';

let folders: string[] = [];
function tempFolder(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-build-cli-'));
    folders.push(folder);
    return folder;
}
afterEach(() => {
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
    folders = [];
});

describe('eos build', () => {
    it('writes the site into --out and says where to open it', async () => {
        const out = tempFolder();
        const run = await runCliCaptured(['build', 'examples/language-md', '--out', out, '--today', '2026-03-01'], ROOT);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^Wrote \d+ files to .+ \(\d+ KB\) in \d+ ms; 2 files read, 0 errors, 3 warnings shown on the site\.\nOpen .+index\.html in a browser\.\n$/);
        for (const file of ['index.html', 'tree.html', 'bet/EarlyExperience.html', 'assets/tree.js', 'assets/site.js', '.nojekyll']) {
            expect(fs.existsSync(path.join(out, file)), file).toBe(true);
        }
        // The tree script is the real bundle (ELK included), not a placeholder.
        expect(fs.statSync(path.join(out, 'assets/tree.js')).size).toBeGreaterThan(500_000);
        // Source files are named relative to the workspace, never by the build machine's paths.
        const okr = fs.readFileSync(path.join(out, 'okr/EarlyConfidence.html'), 'utf8');
        expect(okr).toContain('<code>teams/onboarding.eos</code>');
        expect(okr).not.toContain(ROOT);
        expect(fs.readFileSync(path.join(out, 'assets/tree-data.js'), 'utf8')).not.toContain(ROOT);
    });

    it('writes one HTML file with --single-file', async () => {
        const folder = tempFolder();
        const run = await runCliCaptured(['build', path.join(ROOT, 'examples/language-md'), '--single-file', '--out', 'pack.html'], folder);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^Wrote pack\.html \(\d+ KB\)/);
        expect(fs.readdirSync(folder)).toEqual(['pack.html']);
        const html = fs.readFileSync(path.join(folder, 'pack.html'), 'utf8');
        expect(html).toContain('data-mode="single"');
        expect(html).toContain('id="okr/EarlyConfidence.html"');
    });

    it('refuses an --out that is a file, and a folder without .eos files, with one line and exit 2', async () => {
        const folder = tempFolder();
        fs.writeFileSync(path.join(folder, 'taken'), 'x');
        const run = await runCliCaptured(['build', path.join(ROOT, 'examples/language-md'), '--out', 'taken'], folder);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^eos: --out .*taken is a file; give a folder \(or use --single-file to write one HTML file\)\n$/);
        expect(fs.readFileSync(path.join(folder, 'taken'), 'utf8')).toBe('x');
        const empty = await runCliCaptured(['build', '--out', 'site'], folder);
        expect(empty.code).toBe(2);
        expect(empty.stderr).toMatch(/^eos: no \.eos files found/);
        expect(STACK_FRAME.test(run.stderr + empty.stderr)).toBe(false);
        expect(fs.existsSync(path.join(folder, 'site'))).toBe(false);
    });
});
