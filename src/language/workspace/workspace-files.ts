/**
 * The one definition of a workspace's EOS files, shared by `eos check` and the language server so
 * both read the same files the same way (docs/reliability.md, "Which files are the workspace"):
 *
 * - files whose name ends in `.eos` (lower case, as the editor's language association);
 * - folders are walked recursively, skipping hidden entries (a name starting with `.`: `.git`,
 *   `.history`, `.vscode`) and the tool folders `node_modules` and `out`;
 * - symlinked folders are followed, each real folder once (a loop is visited a single time);
 *   a file reached by several paths (a symlink to it) is read once, under its own path when the
 *   workspace holds it, else under the first link found;
 * - only regular files are read: a pipe, a device or a socket named `.eos` is skipped with a
 *   message, never opened for a blocking or endless read; so is a file above `MAX_FILE_BYTES`,
 *   an unreadable one, or one that is binary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const EOS_EXTENSION = '.eos';

/**
 * The largest file EOS reads. Measured (docs/performance.md, docs/reliability.md): a 2 MB file
 * (about 30,000 elements) is checked in a few seconds and re-parsed per keystroke in about a
 * second; beyond, the editor would freeze on every keystroke, so larger files are refused with a
 * message that says to split them. A workspace of many files holds far more (the benchmark's
 * 50,000 elements).
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

const SKIPPED_FOLDERS = new Set(['node_modules', 'out']);

/** Whether a folder entry (not a path the user named) is outside the workspace by the rules above. */
export function isIgnoredEntry(name: string, isDirectory: boolean): boolean {
    if (name.startsWith('.')) return true;
    return isDirectory && SKIPPED_FOLDERS.has(name);
}

/** Whether a path names an EOS file (by its extension, exactly). */
export function isEosFileName(file: string): boolean {
    return file.endsWith(EOS_EXTENSION);
}

/**
 * Whether `file` (absolute) belongs to a workspace rooted at one of `roots`: an EOS file name,
 * inside a root, with no ignored folder or hidden name on the way down.
 */
export function isWorkspaceFile(file: string, roots: readonly string[]): boolean {
    if (!isEosFileName(file)) return false;
    for (const root of roots) {
        const relative = path.relative(root, file);
        if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
        const parts = relative.split(/[\\/]/);
        if (parts.every((part, index) => !isIgnoredEntry(part, index < parts.length - 1))) return true;
    }
    return false;
}

export interface FileScan {
    /** Absolute paths, one per real file, in a stable order. */
    files: string[];
    /** The paths that could not be read, each with one line that names it and says why. */
    problems: FileProblem[];
}

export interface FileProblem {
    file: string;
    message: string;
}

/**
 * The EOS files under the given paths: files as given (the user named them), folders by the rules
 * above. Problems are collected, never thrown.
 */
export function findEosFiles(paths: readonly string[]): FileScan {
    const problems: FileProblem[] = [];
    const problem = (file: string, message: string) => problems.push({ file: path.resolve(file), message });
    const seenFolders = new Set<string>();
    /** Real path → the path it is read under, and whether that path was a symlink. */
    const byRealPath = new Map<string, { file: string; viaLink: boolean }>();

    const addFile = (file: string, viaLink: boolean) => {
        let real: string;
        try {
            real = fs.realpathSync(file);
        } catch (error) {
            problem(file, `cannot read ${file}: ${reason(error)}`);
            return;
        }
        const known = byRealPath.get(real);
        if (!known || (known.viaLink && !viaLink)) byRealPath.set(real, { file: path.resolve(file), viaLink });
    };

    const visitFolder = (folder: string) => {
        let real: string;
        try {
            real = fs.realpathSync(folder);
        } catch (error) {
            problem(folder, `cannot read folder ${folder}: ${reason(error)}`);
            return;
        }
        if (seenFolders.has(real)) return;
        seenFolders.add(real);
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(folder, { withFileTypes: true });
        } catch (error) {
            problem(folder, `cannot read folder ${folder}: ${reason(error)}`);
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const full = path.join(folder, entry.name);
            if (entry.isSymbolicLink()) {
                visitLink(full, entry.name);
                continue;
            }
            if (isIgnoredEntry(entry.name, entry.isDirectory())) continue;
            if (entry.isDirectory()) visitFolder(full);
            else if (isEosFileName(entry.name)) addFile(full, false); // special files are refused when read, with a message
        }
    };

    /** A link found in a folder: followed to a folder, or to a file if it is named `.eos`. */
    const visitLink = (link: string, name: string) => {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(link);
        } catch (error) {
            // A dangling link that is not named .eos is none of our business (editors and build
            // tools leave such links around).
            if (isEosFileName(name) && !isIgnoredEntry(name, false)) problem(link, `cannot follow link ${link}: ${reason(error)}`);
            return;
        }
        if (isIgnoredEntry(name, stat.isDirectory())) return;
        if (stat.isDirectory()) visitFolder(link);
        else if (isEosFileName(name)) addFile(link, true);
    };

    for (const given of paths) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(given);
        } catch (error) {
            problem(given, `cannot read ${given}: ${reason(error)}`);
            continue;
        }
        if (stat.isDirectory()) visitFolder(given);
        else if (isEosFileName(given))
            addFile(given, false); // named by the user: read even if hidden or in out/
        else problem(given, notEosFile(given));
    }
    const files = [...byRealPath.values()].map(entry => entry.file);
    return { files: [...new Set(files)], problems };
}

/** Why a file the user named is not read: EOS files end in `.eos`, in lower case as the editor expects. */
function notEosFile(file: string): string {
    const extension = path.extname(file);
    if (extension.toLowerCase() === EOS_EXTENSION) {
        return `${file} is not read: EOS files end in ${EOS_EXTENSION} in lower case (the editor does not open ${extension} as EOS); rename it to ${path.basename(file, extension)}${EOS_EXTENSION}`;
    }
    return `${file} is not an EOS file: EOS reads files whose name ends in ${EOS_EXTENSION}${extension ? ` (this one ends in ${extension})` : ''}`;
}

export type ReadResult = { text: string; problem?: undefined } | { text?: undefined; problem: string; missing?: boolean };

/**
 * Reads one file as UTF-8 text without its byte-order mark, or says why it cannot be read. The
 * file is opened without blocking and checked on the open handle, so a file replaced by a pipe or
 * a link to a device between listing and reading is refused, not read forever.
 */
export function readEosFile(file: string): ReadResult {
    let fd: number;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    } catch (error) {
        return { problem: `cannot read ${file}: ${reason(error)}`, missing: (error as NodeJS.ErrnoException).code === 'ENOENT' };
    }
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile()) return { problem: `${file} is ${specialKind(stat)}, not a text file; EOS reads only regular files` };
        if (stat.size > MAX_FILE_BYTES) return { problem: tooLarge(file, stat.size) };
        const buffer = Buffer.alloc(stat.size);
        let read = 0;
        while (read < buffer.length) {
            const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
            if (n === 0) break;
            read += n;
        }
        const bytes = buffer.subarray(0, read);
        if (looksBinary(bytes)) return { problem: `${file} looks like a binary file (it contains NUL bytes), not EOS text` };
        return { text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
    } catch (error) {
        return { problem: `cannot read ${file}: ${reason(error)}` };
    } finally {
        fs.closeSync(fd);
    }
}

/** The message for a file above the limit: what is wrong and what to do. */
export function tooLarge(file: string, bytes: number): string {
    return (
        `${file} is ${(bytes / 1024 / 1024).toFixed(1)} MB; EOS reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB. ` +
        'Split it into several .eos files (one per team or theme): the workspace may hold many.'
    );
}

/**
 * Binary, not text: NUL bytes make up at least 1% of the first 8 KB (at least two of them). A
 * single NUL typed or pasted into a text file is a syntax error on that character, not a reason
 * to refuse the whole file.
 */
export function looksBinary(bytes: Uint8Array): boolean {
    const sample = bytes.subarray(0, 8000);
    let nul = 0;
    for (const byte of sample) if (byte === 0) nul++;
    return nul >= 2 && nul * 100 >= sample.length;
}

function specialKind(stat: fs.Stats): string {
    if (stat.isDirectory()) return 'a folder';
    if (stat.isFIFO()) return 'a named pipe';
    if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
    if (stat.isSocket()) return 'a socket';
    return 'not a regular file';
}

/** An error's cause in plain words. */
export function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'ENOENT':
            return 'no such file or folder';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'ELOOP':
            return 'too many levels of symbolic links';
        case 'ENOTDIR':
            return 'not a folder';
        case 'EISDIR':
            return 'it is a folder';
        case 'ENXIO':
            return 'no device behind it';
        default:
            return (error as Error).message ?? String(error);
    }
}
