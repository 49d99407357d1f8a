// `npm run demo`: a real VS Code (code-server) in your browser with the packaged EOS extension
// and the examples open. Loopback only, no password; Ctrl+C stops it and removes its files.
// EOS_DEMO_PORT chooses the port (default 8080, or a free one when 8080 is taken);
// EOS_DEMO_FOLDER the folder to open (default examples/).
import * as path from 'node:path';
import { freePort, installCodeServer, packagedVsix, ROOT, startCodeServer } from './code-server.mjs';

const folder = path.resolve(process.env.EOS_DEMO_FOLDER ?? path.join(ROOT, 'examples'));
const codeServer = installCodeServer();
const port = await freePort(Number(process.env.EOS_DEMO_PORT ?? 8080));
const server = await startCodeServer({ codeServer, vsix: packagedVsix(), folder, port });

let stopping = false;
const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await server.stop();
    process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

console.log(`
  EOS in VS Code (code-server) is ready:

      ${server.url}/?folder=${encodeURIComponent(folder)}

  Open a .eos file, e.g. language-md/teams/onboarding.eos; try hovering a keyword, F12 on a name,
  the Problems panel (Ctrl+Shift+M) and the command "EOS: Open Strategy Preview to the Side".
  Press Ctrl+C to stop.
`);
