/**
 * The file-system campaign: a real `eos lsp --stdio` on a copy of an example workspace while
 * seeded random events happen to its files, as they do under an editor: a file made unreadable
 * (mode 000; the server runs as `nobody` when the tests run as root), replaced by a named pipe or
 * a link to `/dev/zero`, made readable again, deleted, renamed, created with a name holding
 * combining marks, filled with a wide tree (up to 8,000 themes), a deep chain (up to 5,000), or
 * more elements than one file may hold; documents opened, edited and closed with or without
 * saving. Half the sessions come from a client that sends no settings.
 *
 * A problem is what a user would notice: the server exits, an error is logged (stderr or an
 * error log message), or a hover or the preview is not answered within its bound after an event.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { LspSession } from '../lsp-stdio/lsp-session.js';
import type { Problem } from './service-probe.js';
import { treeText, type TreeShape } from './mutations.js';
import { DEFAULT_MAX_FILE_ELEMENTS } from '../../src/language/workspace/element-limit.js';

export type FsEvent =
    | { kind: 'unreadable' | 'readable' | 'fifo' | 'devzero' | 'delete' | 'restore' | 'closeSaved' | 'closeDiscarded'; file: number }
    | { kind: 'rename'; file: number; to: string }
    | { kind: 'create'; name: string; shape: TreeShape | 'overLimit'; size: number }
    | { kind: 'edit'; file: number; text: string };

/** Names with combining marks, zero-width joiners and other scripts, as people name files. */
const nameArbitrary = fc.constantFrom('équipe', 'e\u0301quipe', 'Ström', 'Stro\u0308m', '戦略', 'स्ट्रेटेजी', 'z\u0351\u0352\u0353algo', 'team\u200Dwork', 'ﬁnance');

export const fsEventArbitrary: fc.Arbitrary<FsEvent> = fc.oneof(
    fc.record({ kind: fc.constantFrom('unreadable', 'readable', 'fifo', 'devzero', 'delete', 'restore', 'closeSaved', 'closeDiscarded'), file: fc.nat() }) as fc.Arbitrary<FsEvent>,
    fc.record({ kind: fc.constant('rename' as const), file: fc.nat(), to: nameArbitrary }),
    fc.record({
        kind: fc.constant('create' as const),
        name: nameArbitrary,
        shape: fc.constantFrom<TreeShape | 'overLimit'>('wide', 'deep', 'marks', 'overLimit'),
        // Mostly small; one in five very wide (8,000 themes: the plain layout) or deep (a 5,000-long chain).
        size: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 10, max: 500 }) }, { weight: 1, arbitrary: fc.integer({ min: 500, max: 8_000 }) })
    }),
    fc.record({
        kind: fc.constant('edit' as const),
        file: fc.nat(),
        text: fc.constantFrom('initiative Fz "x" { status doing }\n', 'bet Dup "d"\nbet Dup "e"\n', '{{{ "', 'vision V\u0301 "Vi\u0301sion"\n')
    })
);

export interface FsProbeOptions {
    cli: string;
    files: Record<string, string>;
    settings: boolean;
    hoverBoundMs?: number;
}

/** Runs one session through the events; returns the problems and how many events were applied. */
export async function probeFileSystem(options: FsProbeOptions, events: readonly FsEvent[]): Promise<{ problems: Problem[]; events: number }> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eos-fuzz-fs-'));
    fs.chmodSync(root, 0o777);
    const names = Object.keys(options.files);
    for (const [name, text] of Object.entries(options.files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true, mode: 0o777 });
        fs.writeFileSync(path.join(root, name), text, { mode: 0o666 });
    }
    execFileSync('chmod', ['-R', 'a+rwX', root]);
    const asRoot = process.getuid?.() === 0;
    const problems: Problem[] = [];
    const session = await LspSession.start({ folder: root, cli: options.cli, settings: options.settings, ...(asRoot ? { uid: 65534 } : {}) });
    const opened = new Set<string>();
    // The editor's own buffer, never on disk: hovered after every event, it must always answer.
    const probe = path.join(root, 'zz-probe.eos');
    await session.open(probe, 'vision ProbeV "Probe"\ntheme ProbeT "t" { vision ProbeV }\n');
    const full = (index: number) => path.join(root, names[index % names.length]);
    let applied = 0;
    try {
        for (const event of events) {
            await apply(event);
            applied++;
            try {
                const hover = await session.hover(probe, 1, 2, options.hoverBoundMs ?? 20_000);
                if (!hover) problems.push({ request: `hover after ${event.kind}`, detail: 'no hover on the keyword `theme` of an open buffer' });
                // The preview of the workspace, as the editor asks for it after a change.
                const diagram = await session.diagram(probe, options.hoverBoundMs ?? 20_000);
                if (diagram.error || !diagram.svg.startsWith('<svg')) problems.push({ request: `preview after ${event.kind}`, detail: diagram.error ?? 'no picture' });
            } catch (error) {
                problems.push({
                    request: `hover after ${event.kind} (event ${applied} of ${events.length})`,
                    detail: `${(error as Error).message}; log: ${session.errors.join('\n').slice(0, 1500)}`
                });
                break;
            }
            if (session.exited !== undefined) {
                problems.push({ request: event.kind, detail: `the server exited (${session.exited}): ${session.errors.join('\n').slice(0, 1500)}` });
                break;
            }
        }
        if (session.errors.length) problems.push({ request: 'log', detail: `logged an error: ${session.errors.join('\n').slice(0, 1500)}` });
    } finally {
        await session.stop();
        execFileSync('chmod', ['-R', 'u+rwX', root]);
        fs.rmSync(root, { recursive: true, force: true });
    }
    return { problems, events: applied };

    async function apply(event: FsEvent): Promise<void> {
        if (event.kind === 'create') {
            const file = path.join(root, `${event.name}-${applied}.eos`);
            // A file above the element limit is refused with one error and must cost the server nothing else.
            const text =
                event.shape === 'overLimit'
                    ? treeText('wide', DEFAULT_MAX_FILE_ELEMENTS + event.size, `F${applied}`)
                    : treeText(
                          event.shape,
                          event.shape === 'deep' ? Math.min(event.size, 5_000) : event.shape === 'marks' ? Math.min(event.size, 1_000) : event.size,
                          `F${applied}`
                      );
            fs.writeFileSync(file, text, { mode: 0o666 });
            return session.watched([file, 1]);
        }
        const file = full(event.file);
        const original = options.files[names[event.file % names.length]];
        const replace = (make: () => void) => {
            fs.rmSync(file, { force: true });
            make();
        };
        switch (event.kind) {
            case 'unreadable':
                if (fs.existsSync(file) && fs.lstatSync(file).isFile()) fs.chmodSync(file, 0o000);
                return session.watched([file, 2]);
            case 'readable': // the permission change back
                if (fs.existsSync(file) && fs.lstatSync(file).isFile()) fs.chmodSync(file, 0o666);
                return session.watched([file, 2]);
            case 'fifo':
                replace(() => execFileSync('mkfifo', ['-m', '666', file]));
                return session.watched([file, 2]);
            case 'devzero':
                replace(() => fs.symlinkSync('/dev/zero', file));
                return session.watched([file, 2]);
            case 'delete':
                fs.rmSync(file, { force: true });
                return session.watched([file, 3]);
            case 'restore':
                replace(() => fs.writeFileSync(file, original, { mode: 0o666 }));
                return session.watched([file, fs.existsSync(file) ? 2 : 1]);
            case 'rename': {
                if (!fs.existsSync(file) || !fs.lstatSync(file).isFile()) return;
                const to = path.join(path.dirname(file), `${event.to}.eos`);
                fs.renameSync(file, to);
                await session.watched([file, 3], [to, 1]);
                fs.renameSync(to, file); // and back, so later events find it
                return session.watched([to, 3], [file, 1]);
            }
            case 'edit':
                if (!opened.has(file)) {
                    await session.open(file, original);
                    opened.add(file);
                }
                return session.change(file, original + event.text);
            case 'closeSaved':
            case 'closeDiscarded':
                if (!opened.has(file)) return;
                if (event.kind === 'closeSaved') {
                    replace(() => fs.writeFileSync(file, original + '\n// saved\n', { mode: 0o666 }));
                    await session.watched([file, 2]);
                }
                opened.delete(file);
                return session.close(file);
        }
    }
}
