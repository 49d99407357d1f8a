/**
 * The short fuzz run inside `npm test`: a couple of hundred seeded inputs through the language
 * services, raw bytes, and the CLI in-process, plus a few runs of the real `out/cli.cjs` binary.
 * `npm run fuzz` runs the long version with the same code.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.js';
import { looksBinary } from '../../src/language/workspace/workspace-files.js';
import { cliContractProblems, withTempFolder } from './cli-probe.js';
import { exampleWorkspaces } from './corpus.js';
import { applyMutations, bytesArbitrary, mutationsArbitrary } from './mutations.js';

const SEED = Number(process.env.EOS_FUZZ_SEED ?? 20260301);
const CLI = path.resolve('out/cli.cjs');

describe('fuzzing (short run)', () => {
    it('no request throws or exceeds its bound, and the CLI keeps its contract', async () => {
        const report = await runCampaign({ seed: SEED, counts: { services: 100, bytes: 60, cli: 20 }, chunk: 100 });
        const failures = report.targets
            .flatMap(t => t.failures)
            .map(f => ({ target: f.target, seed: f.seed, file: `${f.workspace}/${f.file}`, text: f.text.slice(0, 400), problems: f.problems }));
        expect(failures).toEqual([]);
        expect(report.targets.map(t => t.inputs)).toEqual([100, 60, 20]);
        // Every provider the module exposes was actually asked.
        expect(Object.keys(report.requestCounts)).toEqual(
            expect.arrayContaining([
                'build',
                'hover',
                'completion',
                'definition',
                'references',
                'documentSymbol',
                'formatting',
                'semanticTokens',
                'codeAction',
                'rename',
                'diagram'
            ])
        );
    }, 300_000);

    it('the real binary keeps the contract on mutated examples and raw bytes', async () => {
        const workspaces = exampleWorkspaces();
        const input = fc.record({
            workspace: fc.nat(),
            file: fc.nat(),
            change: fc.oneof(
                mutationsArbitrary({ large: false }).map(m => ({ mutations: m })),
                bytesArbitrary.map(b => ({ bytes: b }))
            )
        });
        for (const sample of fc.sample(input, { seed: SEED, numRuns: 6 })) {
            const ws = workspaces[sample.workspace % workspaces.length];
            const names = Object.keys(ws.files);
            const changed = names[sample.file % names.length];
            const files = names.map(name => ({
                path: name,
                content: name !== changed ? ws.files[name] : 'bytes' in sample.change ? Buffer.from(sample.change.bytes) : applyMutations(ws.files[name], sample.change.mutations)
            }));
            const binary = files.some(f => looksBinary(Buffer.from(f.content)));
            await withTempFolder(files, async folder => {
                const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--today', '2026-03-01', '.'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
                expect(cliContractProblems({ code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }, files.length, binary)).toEqual([]);
            });
        }
    }, 300_000);
});
