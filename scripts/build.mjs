#!/usr/bin/env node
// Build steps after `tsc`: compile the claims database and its JSON Schema, then bundle the
// extension and the server with esbuild. Each step is its own script so it can run alone.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const step of ['build-db.mjs', 'bundle.mjs', 'build-types.mjs']) {
  const file = join(here, step);
  if (existsSync(file)) execFileSync(process.execPath, [file], { stdio: 'inherit' });
}
