/**
 * The workspace root of `eos mcp` and the only way its tools touch files: every path an assistant
 * gives is checked to stay inside the root (no absolute paths, no `..`, no symbolic links), and
 * only `.eos` files and the root's `eos.config.json` are ever read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIgnoredEntry } from '../language/workspace/workspace-files.js';

/** A refused request: its message is the tool's error result, for the assistant to act on. */
export class ToolError extends Error {}

/** Largest `.eos` file read or written through the server. */
export const MAX_TEXT_CHARS = 1_000_000;

export class RootFiles {
    /** The root's real path. */
    readonly root: string;

    constructor(root: string) {
        let real: string;
        try {
            real = fs.realpathSync(root);
        } catch {
            throw new ToolError(`the workspace root ${root} does not exist`);
        }
        if (!fs.statSync(real).isDirectory()) throw new ToolError(`the workspace root ${root} is not a folder`);
        this.root = real;
    }

    /**
     * The absolute path of a workspace-relative `.eos` file, refusing anything that could leave the
     * root: absolute paths, drive letters, `..`, NUL, and symbolic links on the way or at the end.
     */
    resolve(file: unknown): { absolute: string; relative: string } {
        if (typeof file !== 'string' || !file.trim()) throw new ToolError('file must be a path relative to the workspace root, such as "teams/onboarding.eos"');
        if (file.includes('\0')) throw new ToolError('file must not contain NUL characters');
        if (path.isAbsolute(file) || path.win32.isAbsolute(file) || /^[A-Za-z]:/.test(file)) {
            throw new ToolError(`'${file}' is an absolute path: give a path relative to the workspace root, such as "teams/onboarding.eos"`);
        }
        const parts = file.split(/[\\/]+/).filter(part => part !== '' && part !== '.');
        if (parts.includes('..')) throw new ToolError(`'${file}' leaves the workspace root ('..' is not allowed)`);
        if (!parts.length || !parts[parts.length - 1].endsWith('.eos')) throw new ToolError(`'${file}' is not an .eos file: only .eos files can be read or changed`);
        const ignored = parts.find((part, i) => isIgnoredEntry(part, i < parts.length - 1));
        if (ignored) throw new ToolError(`'${file}': ${ignored} is not part of the workspace (hidden names and the node_modules and out folders are skipped)`);
        let at = this.root;
        for (const part of parts) {
            at = path.join(at, part);
            let stat: fs.Stats;
            try {
                stat = fs.lstatSync(at);
            } catch {
                break; // does not exist (yet): nothing further can be a link
            }
            if (stat.isSymbolicLink())
                throw new ToolError(
                    `'${file}' goes through a symbolic link (${path.relative(this.root, at)}); links are not followed, so nothing outside the workspace can be reached`
                );
        }
        const absolute = path.join(this.root, ...parts);
        if (!absolute.startsWith(this.root + path.sep)) throw new ToolError(`'${file}' leaves the workspace root`);
        return { absolute, relative: parts.join('/') };
    }

    /** Every `.eos` file under the root (links not followed), workspace-relative → text. */
    readAll(): Map<string, string> {
        const files = new Map<string, string>();
        const visit = (folder: string, prefix: string) => {
            let entries: fs.Dirent[];
            try {
                entries = fs.readdirSync(folder, { withFileTypes: true });
            } catch {
                return; // unreadable folder: its files are simply not part of the workspace
            }
            entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            for (const entry of entries) {
                const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
                if (isIgnoredEntry(entry.name, entry.isDirectory())) continue;
                if (entry.isDirectory()) {
                    visit(path.join(folder, entry.name), relative);
                } else if (entry.isFile() && entry.name.endsWith('.eos')) {
                    const text = this.readFile(path.join(folder, entry.name));
                    if (text !== undefined) files.set(relative, text);
                }
            }
        };
        visit(this.root, '');
        return files;
    }

    /** The root's own `eos.config.json` text (never one above the root), if any. */
    readConfig(): string | undefined {
        const file = path.join(this.root, 'eos.config.json');
        try {
            if (fs.lstatSync(file).isSymbolicLink()) return undefined;
            return fs.readFileSync(file, 'utf8');
        } catch {
            return undefined;
        }
    }

    private readFile(file: string): string | undefined {
        try {
            const buffer = fs.readFileSync(file);
            if (buffer.length > MAX_TEXT_CHARS * 4 || buffer.subarray(0, 8000).includes(0)) return undefined;
            return buffer.toString('utf8').replace(/^\uFEFF/, '');
        } catch {
            return undefined;
        }
    }

    write(absolute: string, text: string): void {
        fs.mkdirSync(path.dirname(absolute), { recursive: true });
        // Checked again right before writing: a link created since the request was checked is refused too.
        this.resolve(path.relative(this.root, absolute).split(path.sep).join('/'));
        fs.writeFileSync(absolute, text);
    }
}
