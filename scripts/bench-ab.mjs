#!/usr/bin/env node
// `node scripts/bench-ab.mjs BASE NEW [--files 1000] [--kb 10] [--chunk 10]`: the engine's CPU time of two
// built checkouts (their out/ and dist/claims.json) in one process, interleaved every few files, on the
// bench corpus. A machine whose load changes from minute to minute moves both alike, which separate
// CLI runs cannot promise; the ratio says what a change costs the engine itself (not start-up or
// output). The findings counts are printed too, as a check that both analysed the same files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? Number(args[i + 1]) : d; };
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (positional.length !== 2) { console.error('usage: node scripts/bench-ab.mjs BASE NEW [--files 1000] [--kb 10] [--chunk 10]'); process.exit(2); }
const [base, next] = positional.map((p) => resolve(p));
const files = opt('--files', 1000), kb = opt('--kb', 10), chunk = Math.max(1, opt('--chunk', 10));

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const maker = join(process.env.CLAIMLINT_SHARED ?? join(root, '..', 'shared'), 'bench', 'make-corpus.mjs');
if (!existsSync(maker)) { console.error(`corpus generator not found: ${maker} (set CLAIMLINT_SHARED)`); process.exit(2); }

/** A checkout's engine and embedded database, as its tests load them. */
async function engineOf(dir) {
  const src = join(dir, 'out', 'server', 'src');
  if (!existsSync(join(src, 'engine', 'engine.js'))) throw new Error(`${dir}: no out/ (run npm run build there)`);
  const { loadEmbeddedDatabase } = await import(pathToFileURL(join(src, 'db', 'embedded.js')).href);
  const { analyze } = await import(pathToFileURL(join(src, 'engine', 'engine.js')).href);
  return { analyze, db: loadEmbeddedDatabase(join(dir, 'dist', 'claims.json')), cpu: 0, findings: 0 };
}

const work = mkdtempSync(join(tmpdir(), 'claimlint-ab-'));
try {
  const corpus = join(work, 'corpus');
  execFileSync(process.execPath, [maker, corpus, '--files', String(files), '--kb', String(kb)], { stdio: 'ignore' });
  const texts = readdirSync(corpus, { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(corpus, f), 'utf8'));
  const a = await engineOf(base), b = await engineOf(next);
  const run = (e, batch) => {
    const t0 = process.cpuUsage();
    for (const text of batch) e.findings += e.analyze(text, e.db).findings.length;
    const used = process.cpuUsage(t0);
    e.cpu += (used.user + used.system) / 1000;
  };
  for (let i = 0; i < texts.length; i += chunk) {
    const batch = texts.slice(i, i + chunk);
    // Alternate which goes first, so neither always meets a warmer cache.
    for (const e of (i / chunk) % 2 ? [b, a] : [a, b]) run(e, batch);
  }
  console.log(`corpus: ${texts.length} files × ${kb} KB, interleaved every ${chunk}`);
  console.log(`BASE ${base}: ${a.cpu.toFixed(0)} ms CPU, ${a.findings} findings`);
  console.log(`NEW  ${next}: ${b.cpu.toFixed(0)} ms CPU, ${b.findings} findings`);
  console.log(`NEW / BASE: ${(b.cpu / a.cpu).toFixed(3)}×`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
