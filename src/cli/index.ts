/** Entry of the bundled CLI. */
import '../polyfill.js';
import { runCli } from './main.js';

runCli(process.argv.slice(2)).then(code => {
    // `eos lsp` never resolves; for the others, let pending output flush before exiting.
    process.exitCode = code;
}, () => {
    process.exitCode = 2;
});
