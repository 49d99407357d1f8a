#!/usr/bin/env node
// The `eos` command: the bundled CLI (run `npm run build` first in a source checkout).
require('../out/cli.cjs');
