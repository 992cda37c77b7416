#!/usr/bin/env node
// `npm run bench`: the CLI's wall time on a generated corpus, as a ratio to a floor measured in the
// same run: remark-parse alone reading and parsing the same files (a separate process, like the CLI).
// usage: node scripts/bench.mjs [--files 1000] [--kb 10] [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? Number(args[i + 1]) : d; };
const files = opt('--files', 1000), kb = opt('--kb', 10), runs = opt('--runs', 3);
const shared = process.env.CLAIMLINT_SHARED ?? join(root, '..', 'shared');
const maker = join(shared, 'bench', 'make-corpus.mjs');
if (!existsSync(maker)) { console.error(`corpus generator not found: ${maker} (set CLAIMLINT_SHARED)`); process.exit(2); }

const work = mkdtempSync(join(tmpdir(), 'claimlint-bench-'));
const corpus = join(work, 'corpus');
execFileSync(process.execPath, [maker, corpus, '--files', String(files), '--kb', String(kb)], { stdio: 'ignore' });

// The floor: read every file and parse it with remark-parse, nothing else.
const floorScript = join(work, 'floor.mjs');
writeFileSync(floorScript, `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from ${JSON.stringify(join(root, 'node_modules/unified/index.js'))};
import remarkParse from ${JSON.stringify(join(root, 'node_modules/remark-parse/index.js'))};
const p = unified().use(remarkParse);
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir, { recursive: true }).sort()) { if (String(f).endsWith('.md')) { p.parse(readFileSync(join(dir, f), 'utf8')); n++; } }
console.log(n);
`);

function time(cmd, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cli = join(root, 'bin/claimlint.js');
const rows = { floor: [], single: [], workers: [] };
for (let i = 0; i < runs; i++) {
  // Interleave the runs so that machine noise affects every row alike.
  rows.floor.push(time(process.execPath, [floorScript, corpus]));
  rows.single.push(time(process.execPath, [cli, '--format', 'json', '--workers', '1', '--no-ignore', corpus]));
  rows.workers.push(time(process.execPath, [cli, '--format', 'json', '--no-ignore', corpus]));
}
const floor = median(rows.floor);
console.log(`corpus: ${files} files × ${kb} KB, ${cpus().length} cores, median of ${runs} runs`);
console.log(`remark-parse alone (floor)   ${floor.toFixed(0).padStart(7)} ms   1.00×`);
console.log(`claimlint, single-threaded   ${median(rows.single).toFixed(0).padStart(7)} ms   ${(median(rows.single) / floor).toFixed(2)}×  (target ≤ 1.25×)`);
console.log(`claimlint, worker threads    ${median(rows.workers).toFixed(0).padStart(7)} ms   ${(median(rows.workers) / floor).toFixed(2)}×  (target ≤ 0.70×)`);
rmSync(work, { recursive: true, force: true });
