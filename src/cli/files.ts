/**
 * Finds the `.eos` files the CLI was pointed at: files as given, folders recursively. Symlinked
 * folders are followed once (a loop is visited a single time); unreadable paths are collected as
 * problems for a clear message instead of a crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileScan {
    files: string[];
    problems: string[];
}

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

export function findEosFiles(paths: readonly string[]): FileScan {
    const files = new Set<string>();
    const problems: string[] = [];
    const seenFolders = new Set<string>();

    const visitFolder = (folder: string) => {
        let real: string;
        try {
            real = fs.realpathSync(folder);
        } catch (error) {
            problems.push(`cannot read folder ${folder}: ${reason(error)}`);
            return;
        }
        if (seenFolders.has(real)) return;
        seenFolders.add(real);
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(folder, { withFileTypes: true });
        } catch (error) {
            problems.push(`cannot read folder ${folder}: ${reason(error)}`);
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const full = path.join(folder, entry.name);
            if (entry.isDirectory()) {
                if (!SKIPPED_FOLDERS.has(entry.name)) visitFolder(full);
            } else if (entry.name.endsWith('.eos')) {
                if (entry.isFile()) files.add(path.resolve(full));
                else if (entry.isSymbolicLink()) visitPath(full, 'eos-link');
            } else if (entry.isSymbolicLink()) {
                // Followed in case it leads to a folder; a dangling link that is not named .eos is
                // none of our business (editors and build tools leave such links around).
                visitPath(full, 'other-link');
            }
        }
    };

    /** `explicit`: a path the user gave; `eos-link`: a link named `.eos`; `other-link`: any other link. */
    const visitPath = (given: string, how: 'explicit' | 'eos-link' | 'other-link') => {
        const explicit = how === 'explicit';
        let stat: fs.Stats;
        try {
            stat = fs.statSync(given);
        } catch (error) {
            if (explicit) problems.push(`cannot read ${given}: ${reason(error)}`);
            else if (how === 'eos-link') problems.push(`cannot follow link ${given}: ${reason(error)}`);
            return;
        }
        if (stat.isDirectory()) visitFolder(given);
        else if (stat.isFile() && (explicit || given.endsWith('.eos'))) files.add(path.resolve(given));
        else if (explicit) problems.push(`cannot read ${given}: not a file or folder`);
    };

    for (const given of paths) visitPath(given, 'explicit');
    return { files: [...files], problems };
}

function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'ELOOP': return 'too many levels of symbolic links';
        case 'ENOTDIR': return 'not a folder';
        default: return (error as Error).message ?? String(error);
    }
}
