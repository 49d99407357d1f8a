/**
 * `eos build [PATH ...] --out DIR`: writes the strategy as a static site (or, with
 * `--single-file`, as one HTML file). Generation is the pure buildSite; this file reads the
 * browser scripts shipped next to the CLI and writes the files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSite, type SiteAssets } from '../site/build-site.js';
import { siteInputOf } from '../site/site-input.js';
import { UsageError, type LoadedWorkspace } from './workspace.js';

/** The bundled browser scripts: next to the bundled CLI (out/), or in out/ when run from the sources. */
export function readSiteAssets(): SiteAssets {
    const candidates = [path.join(__dirname, 'site-assets'), path.resolve(__dirname, '../../out/site-assets')];
    for (const dir of candidates) {
        const site = path.join(dir, 'site.js'),
            tree = path.join(dir, 'tree.js');
        if (fs.existsSync(site) && fs.existsSync(tree)) return { siteJs: fs.readFileSync(site, 'utf8'), treeJs: fs.readFileSync(tree, 'utf8') };
    }
    throw new Error(`the site's scripts are missing (looked in ${candidates.join(', ')}): run npm run build`);
}

export interface BuildResult {
    files: number;
    bytes: number;
    target: string;
}

/**
 * Builds and writes the site. A folder target is filled (files of an earlier build that this
 * build does not produce are left alone, so nothing the user put there is deleted).
 */
export async function writeSite(workspace: LoadedWorkspace, out: string, options: { singleFile: boolean; cwd: string; title?: string }): Promise<BuildResult> {
    const strategy = workspace.services.eos.StrategyWorkspace;
    const base = commonFolder([...workspace.paths.values()]);
    const fileOf = (uri: string) =>
        path
            .relative(base, workspace.paths.get(uri) ?? uri)
            .split(path.sep)
            .join('/');
    const input = siteInputOf(strategy, workspace.documents, fileOf, options.title ? { title: options.title } : {});
    const files = await buildSite(input, readSiteAssets(), { singleFile: options.singleFile });
    let bytes = 0;
    if (options.singleFile) {
        const html = files.get('index.html')!;
        writeFile(out, html);
        return { files: 1, bytes: Buffer.byteLength(html), target: out };
    }
    if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file; give a folder (or use --single-file to write one HTML file)`);
    const folders = new Set<string>();
    for (const [file, content] of files) {
        const full = path.join(out, file);
        const folder = path.dirname(full);
        if (!folders.has(folder)) {
            mkdir(folder);
            folders.add(folder);
        }
        writeFile(full, content);
        bytes += Buffer.byteLength(content);
    }
    return { files: files.size, bytes, target: out };
}

function mkdir(folder: string): void {
    try {
        fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
        throw new UsageError(`cannot create folder ${folder}: ${(error as Error).message}`);
    }
}

function writeFile(file: string, content: string): void {
    try {
        fs.writeFileSync(file, content);
    } catch (error) {
        throw new UsageError(`cannot write ${file}: ${(error as Error).message}`);
    }
}

/** The deepest folder holding every file: file names on the site are relative to it. */
function commonFolder(files: readonly string[]): string {
    if (!files.length) return process.cwd();
    let common = path.dirname(files[0]);
    for (const file of files) {
        while (!(file + path.sep).startsWith(common.endsWith(path.sep) ? common : common + path.sep) && path.dirname(common) !== common) common = path.dirname(common);
    }
    return common;
}
