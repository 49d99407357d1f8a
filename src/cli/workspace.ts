/**
 * Loads a set of `.eos` files into fresh language services as one workspace and builds it: the
 * same parse, link and validation the editor runs, so the CLI reports what the editor shows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createEosServices, type EosServices } from '../language/eos-module.js';
import { CONFIG_FILE_NAME, ConfigError, parseConfig, type EosConfig } from '../language/workspace/eos-config.js';

export class UsageError extends Error {}

export interface LoadedWorkspace {
    services: EosServices;
    documents: LangiumDocument[];
    /** Absolute path of each document, by URI string. */
    paths: Map<string, string>;
}

/** Files larger than this are refused with a message rather than risking the CI machine's memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function loadWorkspace(files: readonly string[], options: { config?: EosConfig; today?: string }): Promise<LoadedWorkspace> {
    const { Eos: services } = createEosServices(NodeFileSystem);
    const strategy = services.eos.StrategyWorkspace;
    if (options.config) strategy.setConfig(options.config);
    if (options.today) strategy.today = options.today;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [];
    const paths = new Map<string, string>();
    for (const file of files) {
        const text = readText(file);
        const uri = URI.file(file);
        const document = factory.fromString(text, uri);
        langiumDocuments.addDocument(document);
        documents.push(document);
        paths.set(uri.toString(), file);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents, paths };
}

/** Reads a file as UTF-8 text without its byte-order mark; refuses binary and oversized files. */
export function readText(file: string): string {
    let size: number;
    try {
        size = fs.statSync(file).size;
    } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    if (size > MAX_FILE_BYTES) {
        throw new UsageError(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; EOS reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    }
    let buffer: Buffer;
    try {
        buffer = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(`cannot read ${file}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}`);
    }
    if (buffer.subarray(0, 8000).includes(0)) {
        throw new UsageError(`${file} looks like a binary file (it contains NUL bytes), not EOS text`);
    }
    return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

/** The config: the one given, else the nearest `eos.config.json` above the first path. */
export function findConfig(explicit: string | undefined, paths: readonly string[]): { config?: EosConfig; file?: string } {
    if (explicit) {
        let text: string;
        try {
            text = fs.readFileSync(explicit, 'utf8');
        } catch (error) {
            throw new UsageError(`cannot read config ${explicit}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
        }
        return { config: parseOrUsage(text, explicit), file: explicit };
    }
    const start = paths.length ? path.resolve(paths[0]) : process.cwd();
    let folder = safeIsDirectory(start) ? start : path.dirname(start);
    for (;;) {
        const candidate = path.join(folder, CONFIG_FILE_NAME);
        if (fs.existsSync(candidate)) {
            return { config: parseOrUsage(fs.readFileSync(candidate, 'utf8'), path.relative(process.cwd(), candidate) || candidate), file: candidate };
        }
        const parent = path.dirname(folder);
        if (parent === folder) return {};
        folder = parent;
    }
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

export function diagnosticsOf(document: LangiumDocument): Diagnostic[] {
    return document.diagnostics ?? [];
}
