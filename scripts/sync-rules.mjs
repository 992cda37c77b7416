#!/usr/bin/env node
// Writes what is derived from the rule registry: README.md's code table and package.json's
// `claimlint.rules` setting. Run after adding or changing a rule (needs `npx tsc -p .` first).
// `--check` only reports whether the files are up to date (exit 1 when not).
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { withRulesTable, rulesSetting } = await import(join(root, 'out/server/src/cli/rule-docs.js'));
const check = process.argv.includes('--check');

function write(path, text) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

let stale = 0;
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const nextReadme = withRulesTable(readme);
if (nextReadme === undefined) { console.error('README.md: rules-table markers not found'); process.exit(2); }
if (nextReadme !== readme) { stale++; if (!check) write(readmePath, nextReadme); console.log(`README.md: rules table ${check ? 'is stale' : 'updated'}`); }

const pkgPath = join(root, 'package.json');
const pkgText = readFileSync(pkgPath, 'utf8');
const pkg = JSON.parse(pkgText);
pkg.contributes.configuration.properties['claimlint.rules'].properties = rulesSetting();
const nextPkg = JSON.stringify(pkg, null, 2) + '\n';
if (nextPkg !== pkgText) { stale++; if (!check) write(pkgPath, nextPkg); console.log(`package.json: claimlint.rules ${check ? 'is stale' : 'updated'}`); }
if (!stale) console.log('rule docs are up to date');
process.exitCode = check && stale ? 1 : 0;
