/**
 * The fuzz corpus: every example workspace under `examples/` (each top-level folder is one
 * workspace; all its `.eos` files, recursively), read at run time so new examples are covered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEosFolder } from '../helpers.js';

export interface ExampleWorkspace {
    name: string;
    /** Path relative to the workspace folder → text. */
    files: Record<string, string>;
}

/** Tests and `npm run fuzz` run from the repository root. */
export const EXAMPLES_ROOT = path.resolve(process.cwd(), 'examples');

export function exampleWorkspaces(root = EXAMPLES_ROOT): ExampleWorkspace[] {
    const workspaces: ExampleWorkspace[] = [];
    for (const entry of fs.readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (!entry.isDirectory()) continue;
        const folder = path.join(root, entry.name);
        const files = readEosFolder(folder);
        if (Object.keys(files).length) workspaces.push({ name: entry.name, files });
    }
    return workspaces;
}
