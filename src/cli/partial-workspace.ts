/**
 * `eos check` on part of a workspace (`eos check teams/digital.eos`): the names the given files use
 * but other files of the workspace define are not mistakes in the files checked. They are told
 * once — which names, where they are defined, how to check the whole folder — instead of as one
 * identical "No team is named 'Digital'" error per reference.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ElementKind } from '../language/model/elements.js';
import type { EosDiagnosticData } from '../language/validation/eos-document-validator.js';
import { CONFIG_FILE_NAME } from '../language/workspace/eos-config.js';
import { findEosFiles } from './files.js';
import { loadWorkspace, type LoadedWorkspace } from './workspace.js';

/** What the files that were not read would have resolved. */
export interface NotRead {
    /** The folder to check instead (relative to the current folder, `.` for it). */
    folder: string;
    /** How many `.eos` files of the workspace were not read. */
    files: number;
    /** The names the checked files use that those files define, in order of first use. */
    names: string[];
    /** How many references to them were left out of the diagnostics. */
    references: number;
}

/** More files than this in the surrounding folder: looking for the names is not worth the wait. */
const MAX_SCANNED_FILES = 5000;

/** An unresolved name's diagnostic: the name and the kinds it may name, from the diagnostic's data. */
function unresolvedName(diagnostic: Diagnostic): { name: string; kinds: readonly ElementKind[] } | undefined {
    const data = diagnostic.data as (EosDiagnosticData & { name?: unknown; kinds?: unknown }) | undefined;
    if (diagnostic.code !== 'unresolved-reference' || typeof data?.name !== 'string' || !Array.isArray(data.kinds)) return undefined;
    return { name: data.name, kinds: data.kinds as ElementKind[] };
}

/**
 * Finds, for the unresolved names of a check, the files of the surrounding workspace that define
 * them. Returns the diagnostics those files resolve (to leave out of the report) and what to tell
 * the user; nothing when every file was read or the names are defined nowhere.
 */
export async function resolveInUnreadFiles(
    workspace: LoadedWorkspace,
    cwd: string,
    configFile: string | undefined
): Promise<{ resolved: ReadonlySet<Diagnostic>; notRead?: NotRead }> {
    const unresolved = workspace.documents
        .flatMap(document => (document.diagnostics ?? []).map(diagnostic => ({ diagnostic, name: unresolvedName(diagnostic) })))
        .filter((entry): entry is { diagnostic: Diagnostic; name: { name: string; kinds: readonly ElementKind[] } } => entry.name !== undefined);
    const read = new Set(workspace.paths.values());
    if (unresolved.length === 0 || read.size === 0) return { resolved: new Set() };
    const boundary = workspaceBoundary([...read], cwd, configFile);
    const scan = findEosFiles([boundary]);
    const others = scan.files.filter(file => !read.has(file));
    if (others.length === 0 || scan.files.length > MAX_SCANNED_FILES) return { resolved: new Set() };
    const whole = await loadWorkspace([...read, ...others], { validation: false });
    const model = whole.services.eos.StrategyWorkspace.model;
    const anchor = path.dirname([...read][0]);
    /** Where each name is defined, by kinds and name: the definition nearest the files checked. */
    const definedIn = new Map<string, string | undefined>();
    const resolved = new Set<Diagnostic>();
    const names: string[] = [];
    for (const { diagnostic, name } of unresolved) {
        const key = `${name.kinds.join(',')}\u0000${name.name}`;
        if (!definedIn.has(key)) {
            const files = name.kinds
                .flatMap(kind => model.named(kind, name.name))
                .map(element => whole.paths.get(element.uri))
                .filter((file): file is string => !!file && !read.has(file));
            definedIn.set(key, files.length ? nearest(files, anchor) : undefined);
        }
        if (definedIn.get(key) === undefined) continue;
        resolved.add(diagnostic);
        if (!names.includes(name.name)) names.push(name.name);
    }
    if (resolved.size === 0) return { resolved };
    const definitions = [...definedIn.values()].filter((file): file is string => file !== undefined);
    const folder = commonFolder([...read, ...definitions]);
    const shown = path.relative(cwd, folder).split(path.sep).join('/') || '.';
    const inFolder = others.filter(file => file.startsWith(folder + path.sep)).length;
    return { resolved, notRead: { folder: shown, files: inFolder, names, references: resolved.size } };
}

/**
 * The folder a workspace cannot extend beyond: the one holding `eos.config.json`, else the root of
 * the git repository, else the current folder when the files are in it, else the folder above them.
 */
function workspaceBoundary(given: readonly string[], cwd: string, configFile: string | undefined): string {
    if (configFile) return path.dirname(path.resolve(configFile));
    const first = path.resolve(given[0]);
    let folder = isDirectory(first) ? first : path.dirname(first);
    for (;;) {
        if (fs.existsSync(path.join(folder, '.git')) || fs.existsSync(path.join(folder, CONFIG_FILE_NAME))) return folder;
        const parent = path.dirname(folder);
        if (parent === folder) break;
        folder = parent;
    }
    const inside = given.every(file => path.resolve(file).startsWith(cwd + path.sep));
    if (inside && cwd !== path.parse(cwd).root && cwd !== os.homedir()) return cwd;
    return path.dirname(isDirectory(first) ? first : path.dirname(first));
}

function isDirectory(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}

/** The file sharing the longest folder prefix with `anchor`. */
function nearest(files: readonly string[], anchor: string): string {
    const shared = (file: string) => commonFolder([file, path.join(anchor, 'x')]).length;
    return [...files].sort((a, b) => shared(b) - shared(a) || a.localeCompare(b))[0];
}

/** The deepest folder that holds every file. */
function commonFolder(files: readonly string[]): string {
    const parts = files.map(file => path.dirname(file).split(path.sep));
    const first = parts[0];
    let length = first.length;
    for (const other of parts.slice(1)) {
        let i = 0;
        while (i < length && i < other.length && other[i] === first[i]) i++;
        length = i;
    }
    return first.slice(0, length).join(path.sep) || path.sep;
}

/** The note, one paragraph: which names, how many references, what to run instead. */
export function notReadMessage(notRead: NotRead, checked: number): string {
    const shown =
        notRead.names
            .slice(0, 5)
            .map(name => `'${name}'`)
            .join(', ') + (notRead.names.length > 5 ? ` and ${notRead.names.length - 5} more` : '');
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const are = notRead.names.length === 1 ? 'is' : 'are';
    return (
        `${plural(notRead.names.length, 'name')} used here (${shown}; ${plural(notRead.references, 'reference')}) ${are} defined in other files of the workspace, which were not read: ` +
        `${checked === 1 ? 'only 1 file was' : `only ${checked} files were`} read, not the ${plural(notRead.files, 'other .eos file')} in ${notRead.folder}. ` +
        `Findings that depend on those files (names, links, WIP, unfunded bets) may differ. To check the whole workspace, run: eos check ${shellWord(notRead.folder)}`
    );
}

/** A folder as typed in a shell: quoted when it has spaces or other special characters. */
function shellWord(folder: string): string {
    return /^[\w./@%+=:,-]+$/.test(folder) ? folder : `'${folder.replace(/'/g, `'\\''`)}'`;
}
