// Bundles the product with esbuild: the extension and the language server and the CLI for Node
// (CommonJS, as VS Code's extension host loads them), and the preview for the webview (browser).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    external: ['vscode'],
    // Langium and vscode-languageserver ship ESM; `import.meta.url` is not used at run time here.
    mainFields: ['module', 'main']
};

const builds = [
    { ...node, entryPoints: { extension: 'src/extension/main.ts' } },
    { ...node, entryPoints: { server: 'src/server/main.ts' } },
    { ...node, entryPoints: { cli: 'src/cli/index.ts' } },
    {
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        sourcemap: !production,
        minify: production,
        logLevel: 'warning',
        entryPoints: { webview: 'src/webview/main.ts' }
    },
    // The static site's scripts (eos build): minified, no source maps, as they ship to readers.
    {
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        sourcemap: false,
        minify: true,
        legalComments: 'none',
        logLevel: 'warning',
        entryPoints: { 'site-assets/site': 'src/site/browser/site.ts', 'site-assets/tree': 'src/site/browser/tree.ts' }
    }
]
    .filter(options => Object.values(options.entryPoints).every(entry => fs.existsSync(entry)))
    .map(options => ({ ...options, outdir: 'out', outExtension: options.format === 'cjs' ? { '.js': '.cjs' } : { '.js': '.js' } }));

if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}
