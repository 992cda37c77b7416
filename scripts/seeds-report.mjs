#!/usr/bin/env node
// Converts the five seed documents (../shared/seeds, plain text) to Markdown in a temporary folder
// and lints them with the CLI: every finding on the evidence base itself must be defensible.
// The seeds are not copied into the project; the conversion happens at run time.
// usage: node scripts/seeds-report.mjs [--json]
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = process.env.CLAIMLINT_SEEDS ?? join(root, '..', 'shared', 'seeds');
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && !existsSync(seeds)) { console.error(`seed folder not found: ${seeds}`); process.exit(2); }

/** Plain text → Markdown: the first line is the title, bullets become list items, lines paragraphs. */
export function toMarkdown(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((l) => l.trim());
  const out = [];
  let title = false;
  for (const line of lines) {
    if (!line) continue;
    if (!title) { out.push(`# ${line}`, ''); title = true; continue; }
    const bullet = /^[•*-]\s+(.*)$/.exec(line);
    if (bullet) out.push(`- ${bullet[1]}`, '');
    else out.push(line, '');
  }
  return out.join('\n');
}

/** The seed documents as Markdown files in a new temporary folder; returns the folder. */
export function seedsAsMarkdown(from = seeds) {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-seeds-'));
  for (const f of readdirSync(from).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()) {
    writeFileSync(join(dir, f.replace(/\.txt$/, '.md')), toMarkdown(readFileSync(join(from, f), 'utf8')));
  }
  return dir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
const dir = seedsAsMarkdown();
const json = process.argv.includes('--json');
const r = spawnSync(process.execPath, [join(root, 'bin/claimlint.js'), '--format', json ? 'json' : 'stylish', dir], { encoding: 'utf8' });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
}
