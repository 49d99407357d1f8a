/**
 * Loads a set of `.eos` files into fresh language services as one workspace and builds it: the
 * same parse, link and validation the editor runs, so the CLI reports what the editor shows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createEosServices, type EosServices } from '../language/eos-module.js';
import { CONFIG_FILE_NAME, ConfigError, parseConfig, type EosConfig } from '../language/workspace/eos-config.js';
import { readEosFile, type FileProblem } from '../language/workspace/workspace-files.js';

export class UsageError extends Error {}

export interface LoadedWorkspace {
    services: EosServices;
    documents: LangiumDocument[];
    /** Absolute path of each document, by URI string. */
    paths: Map<string, string>;
    /** Files that could not be read, each with its message: skipped, as the editor skips them. */
    unreadable: UnreadableFile[];
    /** The `eos.config.json` the check follows, when there is one. */
    configFile?: string;
}

/** A file that could not be read: its absolute path and the message that says why. */
export type UnreadableFile = FileProblem;

export async function loadWorkspace(
    files: readonly string[],
    options: { config?: EosConfig; today?: string; unreadable?: UnreadableFile[]; validation?: boolean }
): Promise<LoadedWorkspace> {
    const { Eos: services } = createEosServices(NodeFileSystem);
    const strategy = services.eos.StrategyWorkspace;
    if (options.config) strategy.setConfig(options.config);
    if (options.today) strategy.today = options.today;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [];
    const paths = new Map<string, string>();
    const unreadable = [...(options.unreadable ?? [])];
    for (const file of files) {
        const read = readEosFile(file);
        if (read.problem !== undefined) {
            unreadable.push({ file, message: read.problem });
            continue;
        }
        const uri = URI.file(file);
        const document = factory.fromString(read.text, uri);
        langiumDocuments.addDocument(document);
        documents.push(document);
        paths.set(uri.toString(), file);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: options.validation ?? true });
    return { services, documents, paths, unreadable };
}

/** The config: the one given, else the nearest `eos.config.json` above the first path. */
export function findConfig(explicit: string | undefined, paths: readonly string[]): { config?: EosConfig; file?: string } {
    if (explicit) return { config: parseOrUsage(readConfig(explicit), explicit), file: explicit };
    const start = paths.length ? path.resolve(paths[0]) : process.cwd();
    let folder = safeIsDirectory(start) ? start : path.dirname(start);
    for (;;) {
        const candidate = path.join(folder, CONFIG_FILE_NAME);
        if (fs.existsSync(candidate)) {
            return { config: parseOrUsage(readConfig(candidate), path.relative(process.cwd(), candidate) || candidate), file: candidate };
        }
        const parent = path.dirname(folder);
        if (parent === folder) return {};
        folder = parent;
    }
}

/** The config file's text, or a usage error that names it and says why it cannot be read. */
function readConfig(file: string): string {
    const read = readEosFile(file);
    if (read.problem === undefined) return read.text;
    const hint = read.missing ? '' : '; fix it or remove it (the check follows the settings the team agreed on in it, so it does not run without them)';
    throw new UsageError(`${read.problem.replace(/^cannot read /, 'cannot read config ')}${hint}`);
}

function parseOrUsage(text: string, source: string): EosConfig {
    try {
        return parseConfig(text, source);
    } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
    }
}

function safeIsDirectory(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}
