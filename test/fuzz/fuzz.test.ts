/**
 * The short fuzz run inside `npm test`: a few hundred seeded inputs through the language services,
 * raw bytes, and the CLI. `npm run fuzz` runs the long version with the same code.
 */
import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.js';

const SEED = Number(process.env.EOS_FUZZ_SEED ?? 20260301);

describe('fuzzing (short run)', () => {
    it('no request throws or exceeds its bound, and the CLI keeps its contract', async () => {
        const report = await runCampaign({ seed: SEED, counts: { services: 100, bytes: 60, cli: 20 }, chunk: 100 });
        const failures = report.targets.flatMap(t => t.failures).map(f => ({ target: f.target, seed: f.seed, file: `${f.workspace}/${f.file}`, text: f.text.slice(0, 400), problems: f.problems }));
        expect(failures).toEqual([]);
        expect(report.targets.map(t => t.inputs)).toEqual([100, 60, 20]);
        // Every provider the module exposes was actually asked.
        expect(Object.keys(report.requestCounts)).toEqual(expect.arrayContaining(['build', 'hover', 'completion', 'definition', 'references', 'documentSymbol', 'formatting', 'semanticTokens', 'codeAction', 'rename', 'diagram']));
    }, 300_000);
});
