#!/usr/bin/env node
// `npm pack` / `npm publish`: builds what the tarball holds (package.json "files"): tsc, the
// compiled claims database, minified bundles without source maps, the type declarations. Then
// checks that every file the bins, the library and the server load is there.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = (script, ...args) => execFileSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
node('build-db.mjs');
node('bundle.mjs', '--minify');
node('build-types.mjs');

const needed = ['dist/cli/main.js', 'dist/cli/worker.js', 'dist/lib/index.js', 'dist/server.cjs', 'dist/regex-analysers.cjs',
  'dist/claims.json', 'dist/claimlintrc.schema.json', 'dist/types/lib/index.d.ts', 'claims/schema.json'];
const missing = needed.filter((f) => !existsSync(join(root, f)));
if (!readdirSync(join(root, 'dist', 'chunks')).some((f) => f.endsWith('.js'))) missing.push('dist/chunks/*.js');
if (missing.length) {
  console.error(`prepack: the build did not produce ${missing.join(', ')}`);
  process.exit(1);
}
