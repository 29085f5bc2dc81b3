#!/usr/bin/env node
'use strict';
// The CLI is TypeScript compiled by `npm run build`; this launcher only finds and starts it.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('gatehouse: the command line is not built yet; run `npm run build` first.\n');
  process.exit(1);
}
require(entry).runFromProcess();
