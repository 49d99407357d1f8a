/**
 * `eos build` cost: the whole process building the static site of the 10k-element workspace
 * (100 files), against one `eos check` of the same folder; and the size of what it writes.
 * Target (issue 16): the build takes at most 5× one check.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace } from './generate.js';
import { median, type Row } from './measure.js';

export function siteSection(rows: Row[], today: string, log: (message: string) => void): void {
    const cli = path.resolve('out/cli.cjs');
    if (!fs.existsSync(cli) || !fs.existsSync(path.resolve('out/site-assets/tree.js'))) {
        log('out/cli.cjs or out/site-assets missing: run `npm run bundle` (npm run bench does)');
        return;
    }
    const workspace = generateWorkspace({ elements: 10_000, files: 100 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-bench-site-'));
    const src = path.join(dir, 'strategy'),
        out = path.join(dir, 'site');
    try {
        for (const [file, text] of workspace.files) {
            fs.mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
            fs.writeFileSync(path.join(src, file), text);
        }
        const run = (args: string[]) => {
            const start = performance.now();
            const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
            if (result.status === 2) throw new Error(`eos ${args[0]} failed: ${result.stderr}`);
            return performance.now() - start;
        };
        const check: number[] = [],
            build: number[] = [];
        for (let i = 0; i < 4; i++) {
            // the first round of each warms the disk cache and is dropped
            const c = run(['check', src, '--today', today]);
            fs.rmSync(out, { recursive: true, force: true });
            const b = run(['build', src, '--out', out, '--today', today]);
            if (i > 0) {
                check.push(c);
                build.push(b);
            }
        }
        const section = 'Static site (`eos build`)';
        const checkMs = median(check),
            buildMs = median(build);
        rows.push({ section, name: '`eos check` 10k elements / 100 files (wall)', value: checkMs, unit: 'ms', detail: 'whole process, median of 3' });
        rows.push({ section, name: '`eos build` 10k elements / 100 files (wall)', value: buildMs, unit: 'ms', detail: 'whole process, median of 3, files written' });
        rows.push({ section, name: 'build ÷ check', value: buildMs / checkMs, unit: '×', target: 5 });
        const files = walk(out);
        const html = files.filter(f => f.name.endsWith('.html'));
        const sizes = html.map(f => f.size).sort((a, b) => a - b);
        const kb = (n: number) => Math.round(n / 1024);
        const size = (name: string) => files.find(f => f.name === name)?.size ?? 0;
        rows.push({
            section,
            name: `${html.length} pages: median / largest page`,
            value: kb(median(sizes)),
            unit: 'KB',
            detail: `largest ${kb(sizes[sizes.length - 1])} KB (${html.find(f => f.size === sizes[sizes.length - 1])?.name}); all files ${kb(files.reduce((s, f) => s + f.size, 0))} KB`
        });
        rows.push({
            section,
            name: 'shared scripts: tree.js / tree-data.js / search-index.js',
            value: kb(size('assets/tree.js')),
            unit: 'KB',
            detail: `${kb(size('assets/tree-data.js'))} KB / ${kb(size('assets/search-index.js'))} KB; tree.html ${kb(size('tree.html'))} KB`
        });
        fs.rmSync(out, { recursive: true, force: true });
        const single = path.join(dir, 'strategy.html');
        const singleMs = run(['build', src, '--single-file', '--out', single, '--today', today]);
        rows.push({ section, name: '`eos build --single-file` 10k (wall)', value: singleMs, unit: 'ms', detail: `one file of ${kb(fs.statSync(single).size)} KB` });
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function walk(folder: string, base = folder): Array<{ name: string; size: number }> {
    return fs
        .readdirSync(folder, { withFileTypes: true })
        .flatMap(entry =>
            entry.isDirectory()
                ? walk(path.join(folder, entry.name), base)
                : [{ name: path.relative(base, path.join(folder, entry.name)).split(path.sep).join('/'), size: fs.statSync(path.join(folder, entry.name)).size }]
        );
}
