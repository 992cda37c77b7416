#!/usr/bin/env node
// `npm run package`: builds (tsc, claims database, bundles), re-bundles minified, and packs the VS Code
// extension with @vscode/vsce into claimlint-<version>.vsix. The bundles inline every dependency, so
// `--no-dependencies`. package.json's "files" describes the npm package (CLI, server, library), which
// vsce will not combine with an ignore file: the extension's files (VSIX_FILES) are copied into
// out/vsix/ with a package.json without the npm-only fields, and vsce packs that folder. Fails when
// the .vsix is 3 MB or more, or lacks a file users need (2 MB before the recogniser's weights, ~0.5 MB
// compressed, shipped twice: in dist/claims.json and inside the web extension's server).
// Flags: --skip-build (only re-bundle and pack), --out FILE.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIdx = args.indexOf('--out');
const out = resolve(root, outIdx >= 0 ? args[outIdx + 1] : `${pkg.name}-${pkg.version}.vsix`);
const LIMIT = 3 * 1024 * 1024;

const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: root, stdio: 'inherit' });

if (!args.includes('--skip-build')) run('npm', ['run', '-s', 'build']);
run(process.execPath, [join(root, 'scripts', 'bundle.mjs'), '--minify']);

// What the extension ships: its bundle, the server it starts, the database, the schemas, the grammar.
const VSIX_FILES = ['README.md', 'CHANGELOG.md', 'LICENSE', 'images/icon.png', 'docs/screenshot.png',
  'dist/extension.cjs', 'dist/server.cjs', 'dist/regex-analysers.cjs', 'dist/claims.json', 'dist/claimlintrc.schema.json',
  'dist/web/extension.js', 'dist/web/server.js',
  'claims/schema.json', 'claims/*.yaml', 'claims/*.yml', 'syntaxes/claimlint.injection.tmLanguage.json'];
const stage = join(root, 'out', 'vsix');
rmSync(stage, { recursive: true, force: true });
for (const pattern of VSIX_FILES) {
  // Patterns are a file, or `folder/*.ext`.
  const star = /^(.*)\/\*(\.[\w.]+)$/.exec(pattern);
  const list = star ? (existsSync(join(root, star[1])) ? readdirSync(join(root, star[1])).filter((n) => n.endsWith(star[2])).map((n) => `${star[1]}/${n}`) : []) : [pattern];
  for (const f of list) {
    mkdirSync(dirname(join(stage, f)), { recursive: true });
    cpSync(join(root, f), join(stage, f));
  }
}
const { files: _files, exports: _exports, types: _types, bin: _bin, scripts: _scripts, devDependencies: _dev, ...manifest } = pkg;
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [
  vsce, 'package', '--no-dependencies', '--out', out,
  // README images (docs/screenshot.png) ship inside the .vsix and stay relative.
  '--no-rewrite-relative-links',
  ...(pkg.repository ? [] : ['--allow-missing-repository']),
], { cwd: stage, stdio: 'inherit' });

// Check what was packed: size, and the files the extension cannot work without.
const size = statSync(out).size;
const entries = listZip(readFileSync(out));
const required = ['extension/package.json', 'extension/dist/extension.cjs', 'extension/dist/server.cjs', 'extension/dist/regex-analysers.cjs', 'extension/dist/claims.json', 'extension/dist/claimlintrc.schema.json',
  'extension/claims/schema.json', 'extension/syntaxes/claimlint.injection.tmLanguage.json', 'extension/images/icon.png',
  'extension/LICENSE.txt', 'extension/CHANGELOG.md', ...(existsSync(join(root, 'README.md')) ? ['extension/README.md'] : [])];
const lacking = required.filter((f) => !entries.some((e) => e.name.toLowerCase() === f.toLowerCase() || (f === 'extension/LICENSE.txt' && e.name === 'extension/LICENSE')));
const leaked = entries.filter((e) => /(^|\/)(node_modules|out|src|test|\.vscode-test)\//.test(e.name.replace(/^extension\//, '')));

console.log(`\n${relative(process.cwd(), out)}: ${(size / 1024).toFixed(0)} KB, ${entries.length} files`);
for (const e of entries) console.log(`  ${(e.size / 1024).toFixed(1).padStart(8)} KB  ${e.name}`);
let ok = true;
if (size >= LIMIT) { console.error(`package: ${(size / 1048576).toFixed(2)} MB is over the 3 MB budget`); ok = false; }
if (lacking.length) { console.error(`package: missing from the .vsix: ${lacking.join(', ')}`); ok = false; }
if (leaked.length) { console.error(`package: sources or dependencies leaked into the .vsix: ${leaked.map((e) => e.name).join(', ')}`); ok = false; }
if (!ok) process.exit(1);

/** Entries of a zip file (central directory): name and uncompressed size. */
function listZip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file: ' + out);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const list = [];
  for (let i = 0; i < count; i++) {
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    list.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return list;
}
