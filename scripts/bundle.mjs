#!/usr/bin/env node
// Bundles the VS Code extension, the language server, the CLI and the library with esbuild (run by
// scripts/build.mjs after tsc and build-db, so on every `npm test`; a few seconds):
//   client/src/extension.ts   → dist/extension.cjs   (CommonJS, `vscode` external)
//   server/src/lsp/server.ts  → dist/server.cjs      (CommonJS, every dependency inlined, ESM ones too)
//   server/src/cli/main.ts    → dist/cli/main.js     (ESM, split: the three share their code in
//   server/src/cli/worker.ts  → dist/cli/worker.js    dist/chunks/; the `claimlint` command loads
//   server/src/lib/index.ts   → dist/lib/index.js     main.js, `import 'claimlint'` loads index.js)
//   server/src/db/regex-analysers.ts → dist/regex-analysers.cjs (the ReDoS check's libraries, ~1 MB,
//                                      loaded only when a pack with patterns is checked)
//   client/src/web-extension.ts     → dist/web/extension.js (the web extension, package.json "browser")
//   server/src/lsp/browser-server.ts → dist/web/server.js   (the server in a web worker, with
//                                                            dist/claims.json inside it as it is)
// and writes dist/claimlintrc.schema.json (the .claimlintrc JSON Schema the extension contributes).
// Every bundle finds dist/claims.json through import.meta.url (see below). Nothing in dist/ needs
// node_modules at run time: the published package has no dependencies.
// Flags: --minify (no source maps; used by `npm pack` and `npm run package`), --quiet.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const minify = process.argv.includes('--minify');
const quiet = process.argv.includes('--quiet');

// CommonJS output has no import.meta: esbuild would leave `{}` and `import.meta.url` would be
// undefined. Point it at the bundle's own file URL instead, so code that locates files relative to
// its module (the database loader looking for claims.json) resolves them next to dist/*.cjs.
// __CLAIMLINT_BUNDLED__ tells regex-safety.ts to load its libraries from dist/regex-analysers.cjs.
const BUNDLED = { __CLAIMLINT_BUNDLED__: 'true' };
const importMetaUrl = {
  define: { 'import.meta.url': '__claimlintImportMetaUrl', ...BUNDLED },
  banner: { js: 'const __claimlintImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Prefer the ESM builds of dual packages (smaller, tree-shaken).
  mainFields: ['module', 'main'],
  sourcemap: minify ? false : 'linked',
  minify,
  keepNames: minify,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
  ...importMetaUrl,
};

// ESM output keeps import.meta.url (the worker and the database are found next to the bundle);
// CommonJS dependencies inlined into it still call require(), which ESM lacks: give them one.
const esm = {
  ...common,
  format: 'esm',
  define: BUNDLED,
  banner: { js: 'import { createRequire as __claimlintCreateRequire } from "node:module"; const require = __claimlintCreateRequire(import.meta.url);' },
};

// The web builds: browser platform; Node built-ins that modules on the way import (the pack and
// config loaders, never called there) become empty modules, and any call into one fails loudly.
const NODE_BUILTIN = /^(node:.*|fs|fs\/promises|path|url|os|crypto|v8|vm|util|module|worker_threads|child_process|perf_hooks)$/;
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  // Both run in web workers (the extension host and the server's own): no DOM.
  conditions: ['worker', 'browser'],
  define: { 'import.meta.url': '""' },
  banner: {},
  plugins: [{
    name: 'claimlint-web',
    setup(build) {
      build.onResolve({ filter: NODE_BUILTIN }, (a) => ({ path: a.path, namespace: 'node-builtin' }));
      build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      build.onResolve({ filter: /^claimlint:embedded-db$/ }, () => ({ path: join(root, 'dist', 'claims.json'), namespace: 'embedded-db' }));
      build.onLoad({ filter: /.*/, namespace: 'embedded-db' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
    },
  }],
};

// V8 keeps a script's source for as long as it runs, one byte per character only if every character
// is Latin-1. esbuild escapes other characters in strings and comments go with minifying, but it
// leaves an escaped one in a regular expression alone: wink-porter2-stemmer's /\’s$/ (an identity
// escape of U+2019) made the whole minified server a two-byte string, 2.9 MB of heap instead of 1.4.
// Written as \u2019 it matches the same character. test/lsp/memory.test.ts checks the output.
const latin1Source = {
  name: 'latin1-source',
  setup(build) {
    build.onLoad({ filter: /wink-porter2-stemmer[\\/].*\.js$/ }, (a) => ({
      contents: readFileSync(a.path, 'utf8').replace(/\\([\u0100-\uffff])/g, (_, c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      loader: 'js',
    }));
  },
};

const targets = [
  { name: 'extension', entry: 'client/src/extension.ts', out: 'dist/extension.cjs', external: ['vscode'] },
  // The language server is always minified (names kept, a linked source map unless packaging): V8
  // keeps a script's source in memory for as long as it runs, and the unminified bundle, whose
  // comments hold non-Latin-1 characters, took 4.6 MB of heap as a two-byte string.
  { name: 'server', entry: 'server/src/lsp/server.ts', out: 'dist/server.cjs', external: [], options: { ...common, minify: true, keepNames: true, sourcemap: minify ? false : 'linked', plugins: [latin1Source] } },
  // The command and the library share their code; each entry point is small.
  {
    name: 'cli and library',
    entries: { 'cli/main': 'server/src/cli/main.ts', 'cli/worker': 'server/src/cli/worker.ts', 'lib/index': 'server/src/lib/index.ts' },
    outdir: 'dist', external: [],
    options: { ...esm, splitting: true, chunkNames: 'chunks/[name]-[hash]' },
  },
  { name: 'regex analysers', entry: 'server/src/db/regex-analysers.ts', out: 'dist/regex-analysers.cjs', external: [], options: { ...common, minify: true, sourcemap: false } },
  { name: 'web extension', entry: 'client/src/web-extension.ts', out: 'dist/web/extension.js', external: ['vscode'], options: { ...web, format: 'cjs' } },
  { name: 'web server', entry: 'server/src/lsp/browser-server.ts', out: 'dist/web/server.js', external: [], options: { ...web, format: 'iife', minify: true, keepNames: true } },
];
// Chunk names carry a content hash: old ones would pile up.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });

const started = Date.now();
let built;
try {
  built = await Promise.all(targets.map(async (t) => {
    const entries = t.entries ? Object.values(t.entries) : [t.entry];
    const missing = entries.filter((e) => !existsSync(join(root, e)));
    if (missing.length) {
      console.warn(`bundle: ${missing.join(', ')} does not exist yet; ${t.name} not built`);
      return undefined;
    }
    const where = t.entries ? { entryPoints: t.entries, outdir: t.outdir } : { entryPoints: [t.entry], outfile: t.out };
    const result = await esbuild.build({ ...(t.options ?? common), ...where, external: t.external });
    return { ...t, outputs: Object.keys(result.metafile.outputs).filter((o) => !o.endsWith('.map')) };
  }));
} catch {
  // esbuild has printed the errors with their locations.
  console.error('bundle: failed');
  process.exit(1);
}
// The JSON Schema of .claimlintrc.{json,yaml,yml} for the extension's jsonValidation/yamlValidation,
// from the config's zod schema (compiled by tsc into out/).
const configSchemaModule = join(root, 'out', 'server', 'src', 'config', 'schema.js');
const configSchemaFile = join(root, 'dist', 'claimlintrc.schema.json');
if (existsSync(configSchemaModule)) {
  const { configJsonSchema } = await import(pathToFileURL(configSchemaModule).href);
  const text = JSON.stringify({ title: 'claimlint configuration', ...configJsonSchema() }, null, 2) + '\n';
  mkdirSync(dirname(configSchemaFile), { recursive: true });
  if (!existsSync(configSchemaFile) || readFileSync(configSchemaFile, 'utf8') !== text) writeFileSync(configSchemaFile, text);
} else {
  console.warn(`bundle: ${relative(root, configSchemaModule)} missing (run tsc); ${relative(root, configSchemaFile)} not written`);
}

if (!quiet) {
  const sizes = built.filter(Boolean).flatMap((t) => t.outputs).map((o) => `${o} ${(statSync(join(root, o)).size / 1024).toFixed(0)} KB`);
  console.log(`bundle: ${sizes.join(', ')} in ${Date.now() - started} ms${minify ? ' (minified)' : ''}`);
}
