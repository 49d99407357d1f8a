// Writes the files generated from the diagnostic catalogue (see scripts/catalogue.ts):
// `npm run generate:catalogue` after adding or changing a code in src/language/validation/codes.ts.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const bundle = await esbuild.build({
    entryPoints: ['scripts/catalogue.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning'
});
const { GENERATED_FILES } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
for (const [file, generate] of GENERATED_FILES) {
    const before = fs.readFileSync(file, 'utf8');
    const after = generate(before);
    if (after === before) {
        console.log(`${file}: up to date`);
    } else {
        fs.writeFileSync(file, after);
        console.log(`${file}: written`);
    }
}
