#!/usr/bin/env node
// Compiles the embedded claims database (claims/*.yaml) into dist/claims.json and writes the
// JSON Schema for packs (claims/schema.json) from the zod schema. Run by `npm run build` after tsc.
// Fails (exit 1) with file:line:col errors when the embedded database is invalid.
// Prints the time a fresh process takes to load the compiled database (budget: < 50 ms).
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { z } from 'zod';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out', 'server', 'src', 'db');
if (!existsSync(join(out, 'loader.js'))) {
  console.error('build-db: out/server/src/db/loader.js is missing; run `npx tsc -p .` first');
  process.exit(1);
}
const load = (name) => import(pathToFileURL(join(out, name)).href);
const { loadPacks, formatPackError, hasErrors } = await load('loader.js');
const { embeddedPackFiles, databaseToJson, readRecognizer } = await load('embedded.js');
const { PackFile } = await load('schema.js');

// 1. JSON Schema for editors (VS Code jsonValidation, yaml-language-server `$schema=` comments).
const schema = z.toJSONSchema(PackFile, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
schema.title = 'claimlint claim pack';
schema.description = 'Sources (CSL-JSON items), concepts, evidence-graded claims and required cautions. See docs/claim-packs.md.';
const schemaText = JSON.stringify(schema, null, 2) + '\n';
const schemaFile = join(root, 'claims', 'schema.json');
if (!existsSync(schemaFile) || readFileSync(schemaFile, 'utf8') !== schemaText) writeFileSync(schemaFile, schemaText);

// 2. Validate and compile the embedded database.
const files = embeddedPackFiles(join(root, 'claims'));
const { db, errors } = loadPacks(files);
for (const e of errors) console.error(formatPackError(e));
if (hasErrors(errors)) {
  console.error(`build-db: the embedded claims database has ${errors.filter((e) => e.severity === 'error').length} error(s); dist/claims.json was not written`);
  process.exit(1);
}
// The learned recogniser's weights travel with the claims they were trained on.
db.recognizer = readRecognizer(join(root, 'claims'));
mkdirSync(join(root, 'dist'), { recursive: true });
const jsonFile = join(root, 'dist', 'claims.json');
writeFileSync(jsonFile, JSON.stringify(databaseToJson(db)));

// 3. Benchmark: a cold load in a fresh process (module import excluded, as it is shared with the engine).
const probe = `
  const { loadEmbeddedDatabase } = await import(${JSON.stringify(pathToFileURL(join(out, 'embedded.js')).href)});
  const t0 = performance.now();
  const db = loadEmbeddedDatabase(${JSON.stringify(jsonFile)});
  console.log((performance.now() - t0).toFixed(1));`;
let ms = '?';
try {
  ms = execFileSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }).trim();
} catch (e) {
  console.error('build-db: could not time the embedded load:', e.message);
}
console.log(`build-db: ${files.length} packs → dist/claims.json: ${db.sources.size} sources, ${db.concepts.size} concepts, ${db.claims.size} claims, ${db.cautions.size} cautions, ${db.recognizer ? 'recogniser' : 'no recogniser'}; ${errors.length} warning(s); cold load ${ms} ms (budget 50 ms)`);
