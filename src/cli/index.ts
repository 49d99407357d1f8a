/** Entry of the bundled CLI. */
import '../polyfill.js';
import { runCli } from './main.js';

// A reader that stops early (`eos check | head -c1`) closes the pipe: that is the reader's choice,
// not a failure to report with a stack trace. Stop writing and leave quietly.
for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw error;
    });
}

runCli(process.argv.slice(2)).then(
    code => {
        // `eos lsp` never resolves; for the others, let pending output flush before exiting.
        process.exitCode = code;
    },
    () => {
        process.exitCode = 2;
    }
);
