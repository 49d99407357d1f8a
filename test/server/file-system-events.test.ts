/**
 * The real `eos lsp --stdio` under what happens to files while it runs: unreadable and oversized
 * files at start-up, files replaced by a pipe or a link to a device, closes with and without
 * saving, deletes, and a client that sends no settings. The norm (docs/reliability.md): an open
 * document is what the client sent; any other document is what the disk holds; a file that
 * cannot be read is skipped with one warning, and everything else keeps working.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentCli, LspSession, uriOf } from '../lsp-stdio/lsp-session.js';

const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
let cli: { file: string; temporary?: string };
let folders: string[] = [];
let sessions: LspSession[] = [];

beforeAll(async () => {
    cli = process.env.EOS_TEST_CLI ? { file: process.env.EOS_TEST_CLI } : await currentCli();
}, 120_000);
afterAll(() => {
    if (cli.temporary) fs.rmSync(cli.temporary, { recursive: true, force: true });
});
afterEach(async () => {
    for (const session of sessions) await session.stop();
    for (const folder of folders) {
        execFileSync('chmod', ['-R', 'u+rwX', folder]);
        fs.rmSync(folder, { recursive: true, force: true });
    }
    sessions = [];
    folders = [];
});

function workspace(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-fs-events-'));
    folders.push(root);
    fs.chmodSync(root, 0o755);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true, mode: 0o755 });
        fs.writeFileSync(path.join(root, name), text, { mode: 0o644 });
    }
    return root;
}

async function start(folder: string, options: { settings?: boolean; uid?: number } = {}): Promise<LspSession> {
    const session = await LspSession.start({ folder, cli: cli.file, settings: options.settings ?? false, ...(options.uid === undefined ? {} : { uid: options.uid }) });
    sessions.push(session);
    return session;
}

const STREAM = 'stream S "Stream" { wip 1 }\n';
const ONE_DOING = 'initiative A "A" { stream S status doing }\n';
const TWO_DOING = ONE_DOING + 'initiative B "B" { stream S status doing }\n';

describe('the server on files it cannot read', () => {
    it('skips a mode-000 file and a file above the size limit with one warning, and stays useful (defect 1)', async () => {
        const root = workspace({ 'streams.eos': STREAM, 'team.eos': TWO_DOING, 'secret.eos': 'vision V "v"\n', 'huge.eos': `// ${'x'.repeat(3 * 1024 * 1024)}\n` });
        fs.chmodSync(path.join(root, 'secret.eos'), 0o000);
        const session = await start(root, asRoot ? { uid: NOBODY } : {});
        // Unopened files get their findings: the workspace became ready.
        await session.codesFor(path.join(root, 'streams.eos'), codes => codes.includes('wip-exceeded'));
        const warning = await session.waitFor('a warning', () => session.shown.find(m => /secret\.eos/.test(m.message)));
        expect(warning.message, warning.message).toBe(
            'EOS skips 2 files it cannot read (their elements are left out). ' +
                'huge.eos is 3.0 MB; EOS reads files up to 2 MB. Split it into several .eos files (one per team or theme): the workspace may hold many. — ' +
                'cannot read secret.eos: permission denied'
        );
        expect(session.shown).toHaveLength(1);
        // An edit still gets diagnostics, and hover answers.
        await session.open(path.join(root, 'team.eos'), ONE_DOING);
        await session.codesFor(path.join(root, 'streams.eos'), codes => !codes.includes('wip-exceeded'));
        expect(await session.hover(path.join(root, 'team.eos'), 0, 3)).not.toBeNull();
        expect(session.errors).toEqual([]);
    }, 60_000);

    it('drops a loaded file replaced on disk by a FIFO or a link to /dev/zero, and keeps building (defect 2)', async () => {
        const root = workspace({ 'streams.eos': STREAM, 'team.eos': TWO_DOING, 'other.eos': 'vision V "v"\n' });
        const session = await start(root);
        const streams = path.join(root, 'streams.eos');
        await session.codesFor(streams, codes => codes.includes('wip-exceeded'));
        const team = path.join(root, 'team.eos');
        fs.rmSync(team);
        execFileSync('mkfifo', [team]);
        await session.watched([team, 2]);
        await session.waitFor('a warning about the pipe', () => session.shown.find(m => /team\.eos is a named pipe/.test(m.message)));
        await session.codesFor(streams, codes => !codes.includes('wip-exceeded'));
        const other = path.join(root, 'other.eos');
        fs.rmSync(other);
        fs.symlinkSync('/dev/zero', other);
        await session.watched([other, 2]);
        await session.waitFor('a warning about the device', () => session.shown.find(m => /other\.eos is a device/.test(m.message)));
        // Still building: an edit gets its findings.
        await session.open(path.join(root, 'new.eos'), TWO_DOING);
        await session.codesFor(streams, codes => codes.includes('wip-exceeded'));
        expect(session.exited).toBeUndefined();
        expect(session.errors).toEqual([]);
    }, 60_000);
});

describe('closing and deleting', () => {
    it('on close without saving, reads the file from disk again: its findings and those it caused go (defect 3)', async () => {
        const root = workspace({ 'streams.eos': STREAM, 'team.eos': ONE_DOING });
        const session = await start(root);
        const streams = path.join(root, 'streams.eos'),
            team = path.join(root, 'team.eos');
        await session.codesFor(streams, codes => !codes.includes('wip-exceeded'));
        await session.open(team);
        await session.change(team, TWO_DOING + 'initiative Dup "x"\ninitiative Dup "y"\n');
        await session.codesFor(streams, codes => codes.includes('wip-exceeded'));
        await session.codesFor(team, codes => codes.includes('duplicate-name'));
        await session.close(team);
        await session.codesFor(streams, codes => !codes.includes('wip-exceeded'));
        await session.codesFor(team, codes => !codes.includes('duplicate-name'));
        // Hover counts the saved elements only.
        const hover = await session.hover(streams, 0, 8);
        expect(JSON.stringify(hover ?? '')).not.toMatch(/\bB\b.*doing/);
        expect(session.errors).toEqual([]);
    }, 60_000);

    it('drops a never-saved buffer on close: its duplicate names leave the other file (defect 3)', async () => {
        const root = workspace({ 'strategy.eos': 'bet Growth "g"\n' });
        const session = await start(root);
        const strategy = path.join(root, 'strategy.eos');
        await session.codesFor(strategy, codes => codes.includes('orphan-bet'));
        const unsaved = path.join(root, 'Untitled-1.eos'); // a new file the editor holds, not on disk
        await session.open(unsaved, 'bet Growth "again"\n');
        await session.codesFor(strategy, codes => codes.includes('duplicate-name'));
        await session.close(unsaved);
        await session.codesFor(strategy, codes => !codes.includes('duplicate-name'));
        await session.waitFor("the buffer's findings cleared", () => session.diagnostics.get(uriOf(unsaved))?.length === 0);
    }, 60_000);

    it('keeps an open file deleted on disk: the editor still holds it (defect 3)', async () => {
        const root = workspace({ 'streams.eos': STREAM, 'team.eos': TWO_DOING });
        const session = await start(root);
        const streams = path.join(root, 'streams.eos'),
            team = path.join(root, 'team.eos');
        await session.codesFor(streams, codes => codes.includes('wip-exceeded'));
        await session.open(team);
        await session.hover(team, 0, 2);
        fs.rmSync(team);
        await session.watched([team, 3]);
        // A hover on the open file, after the deletion: answered from the text the editor holds.
        await session.hover(streams, 0, 8);
        expect(await session.hover(team, 0, 2)).not.toBeNull();
        // And its elements still count in the other file.
        await session.open(path.join(root, 'third.eos'), 'initiative C "C" { stream S status doing }\n');
        const wip = await session.waitFor(
            'the message counting three',
            () => (session.diagnostics.get(uriOf(streams)) ?? []).find(d => d.code === 'wip-exceeded' && /\b3\b/.test(String(d.message))),
            10_000
        );
        expect(String(wip.message)).toMatch(/3/);
        expect(await session.hover(team, 0, 2)).not.toBeNull();
    }, 60_000);

    it('clears findings a deleted file caused elsewhere, though nothing else was rebuilt (defect 4)', async () => {
        const root = workspace({ 'streams.eos': STREAM, 'team.eos': TWO_DOING, 'a.eos': 'bet Growth "g"\n', 'b.eos': 'bet Growth "copy"\n' });
        const session = await start(root);
        const streams = path.join(root, 'streams.eos'),
            a = path.join(root, 'a.eos');
        await session.codesFor(streams, codes => codes.includes('wip-exceeded'));
        await session.codesFor(a, codes => codes.includes('duplicate-name'));
        fs.rmSync(path.join(root, 'team.eos'));
        fs.rmSync(path.join(root, 'b.eos'));
        await session.watched([path.join(root, 'team.eos'), 3], [path.join(root, 'b.eos'), 3]);
        await session.codesFor(streams, codes => !codes.includes('wip-exceeded'));
        await session.codesFor(a, codes => !codes.includes('duplicate-name'));
    }, 60_000);
});

describe('a client that sends no settings (Neovim, Helix)', () => {
    it('gets the findings of every unopened file, the same as eos check (defect 5)', async () => {
        const examples = path.resolve('examples/flawed');
        const session = await start(examples, { settings: false });
        const expected = JSON.parse(
            spawnSync(process.execPath, [cli.file, 'check', '--format', 'json', '--today', new Date().toISOString().slice(0, 10), '.'], { cwd: examples, encoding: 'utf8' }).stdout
        );
        const want = (expected.diagnostics as Array<{ file: string; line: number; code: string }>).map(d => `${d.file}:${d.line} ${d.code}`).sort();
        expect(want.length).toBeGreaterThan(20);
        const got = await session.waitFor('all findings', () => {
            const list = [...session.diagnostics]
                .flatMap(([uri, ds]) => ds.map(d => `${path.relative(examples, new URL(uri).pathname)}:${d.range.start.line + 1} ${String(d.code)}`))
                .sort();
            return list.length >= want.length ? list : undefined;
        });
        expect(got).toEqual(want);
    }, 60_000);
});

describe('which files are the workspace (defect 6)', () => {
    it('reads what eos check reads: not .history/ or out/, a symlinked folder, a symlinked file once', async () => {
        const root = workspace({
            'strategy.eos': 'bet Growth "g"\n',
            '.history/strategy_1.eos': 'bet Growth "g"\n',
            'out/strategy.eos': 'bet Growth "g"\n',
            'elsewhere/team.eos': 'okr O "o" { supports Growth kr K "k" from 1 to 2 }\n'
        });
        const linked = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-linked-'));
        folders.push(linked);
        fs.writeFileSync(path.join(linked, 'more.eos'), 'initiative I "i" { bet Growth }\n');
        fs.symlinkSync(linked, path.join(root, 'shared'));
        fs.symlinkSync(path.join(root, 'strategy.eos'), path.join(root, 'alias.eos'));
        const session = await start(root);
        const strategy = path.join(root, 'strategy.eos');
        await session.codesFor(path.join(root, 'shared/more.eos'), () => true);
        await session.codesFor(strategy, codes => !codes.includes('duplicate-name'));
        expect([...session.diagnostics.keys()].map(uri => path.relative(root, new URL(uri).pathname)).sort()).toEqual(['elsewhere/team.eos', 'shared/more.eos', 'strategy.eos']);
    }, 60_000);
});
