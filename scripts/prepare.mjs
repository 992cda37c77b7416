#!/usr/bin/env node
// `npm install` in a checkout (and npm installing claimlint as a git dependency) builds everything,
// so the bins work at once. `npm pack` / `npm publish` run prepack, which builds the published files
// (minified); building here too would only be overwritten.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
