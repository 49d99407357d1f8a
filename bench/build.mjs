// Bundles the benchmark for Node (as the product's entries are bundled), so it runs without a TS loader.
import * as esbuild from 'esbuild';

await esbuild.build({
    entryPoints: ['bench/run.ts'],
    outfile: 'out/bench.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    external: ['vscode']
});
