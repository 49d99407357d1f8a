/**
 * The Langium internals EOS copies or touches, checked against the installed Langium. Each place
 * says so in a comment naming the version it was written against (Langium 4.4.0, Chevrotain
 * 13.2.0); package.json pins that version exactly. An upgrade that changes any of these fails
 * here, naming what to re-check, instead of silently breaking incremental builds or recovery.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { DefaultDocumentBuilder, EmptyFileSystem, LangiumCompletionParser, LangiumParser } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { createEosServices } from '../../src/language/eos-module.js';
import { buildWorkspace } from '../helpers.js';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const installed = (name: string) => (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const locked = (name: string) =>
    (JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> }).packages[`node_modules/${name}`]?.version;

/** The version the copies and comments below were written against. */
const CHECKED_AGAINST = '4.4.0';

/** A method's source, whitespace and comments aside, as a short fingerprint. */
function fingerprint(method: (...args: never[]) => unknown): string {
    const source = method
        .toString()
        .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .trim();
    return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

describe('Langium internals EOS relies on', () => {
    it('are those of the exactly pinned Langium version', () => {
        expect(manifest.dependencies.langium).toBe(CHECKED_AGAINST);
        expect(manifest.devDependencies['langium-cli']).toBe(CHECKED_AGAINST);
        expect(locked('langium')).toBe(CHECKED_AGAINST);
        expect(installed('langium')).toBe(CHECKED_AGAINST);
        expect(installed('langium-cli')).toBe(CHECKED_AGAINST);
        expect(installed('chevrotain')).toBe('13.2.0');
    });

    it('DefaultDocumentBuilder.buildDocuments is the one EosDocumentBuilder copies', () => {
        // EosDocumentBuilder.buildDocuments is this method with two steps added (unreadable files
        // dropped after parsing, dependents chosen after indexing). When this fails, compare the new
        // method with the copy, carry its changes over, and record the new fingerprint.
        expect(fingerprint(DefaultDocumentBuilder.prototype['buildDocuments' as keyof DefaultDocumentBuilder] as never)).toBe('1bb54f4c7fa102b1');
        for (const helper of ['prepareBuild', 'runCancelable', 'shouldLink', 'shouldRelink', 'shouldValidate', 'markAsCompleted', 'validate']) {
            expect(typeof (DefaultDocumentBuilder.prototype as unknown as Record<string, unknown>)[helper], helper).toBe('function');
        }
    });

    it('DefaultDocumentUpdateHandler.didChangeWatchedFiles is the one EosDocumentUpdateHandler replaces', () => {
        // EosDocumentUpdateHandler.didChangeWatchedFiles fires onWatchedFilesChangeEmitter with every
        // change and passes only the .eos-related ones to fireDocumentUpdate, as this method does with
        // all of them. When this fails, carry the new method's changes over and record its fingerprint.
        expect(fingerprint(DefaultDocumentUpdateHandler.prototype.didChangeWatchedFiles as never)).toBe('4269c3b8ce56af68');
        const handler = DefaultDocumentUpdateHandler.prototype as unknown as Record<string, unknown>;
        expect(typeof handler['fireDocumentUpdate']).toBe('function');
    });

    it('a linked reference keeps its target in the fields EosDocumentBuilder re-points', async () => {
        const ws = await buildWorkspace({ 'a.eos': 'theme T "t"\nbet B "b" { serves T }\n' });
        const reference = ws.documents.get('a.eos')!.references[0] as unknown as Record<string, unknown>;
        expect(reference.$refText).toBe('T');
        expect(reference).toHaveProperty('_ref');
        expect(reference).toHaveProperty('_nodeDescription');
        expect((reference._nodeDescription as { name: string }).name).toBe('T');
        expect((reference._ref as { name: string }).name).toBe('T');
    });

    it('the Chevrotain recogniser behind the parser records errors with SAVE_ERROR and reads recoveryEnabled', () => {
        const { Eos } = createEosServices(EmptyFileSystem);
        const parser = Eos.parser.LangiumParser as unknown as { wrapper: { SAVE_ERROR: unknown; recoveryEnabled: unknown } };
        expect(parser).toBeInstanceOf(LangiumParser);
        expect(typeof parser.wrapper.SAVE_ERROR).toBe('function');
        expect(parser.wrapper.recoveryEnabled).toBe(true);
        expect(Eos.parser.CompletionParser).toBeInstanceOf(LangiumCompletionParser);
    });
});
