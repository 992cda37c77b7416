#!/usr/bin/env node
// `npm run bench:nasty`: hostile documents (scripts/lib/nasty.mjs) must cost time linear in their
// size (issue 11). Not a test: it times things.
//   1. Each shape at 1× and 10× its base size, through the engine as the CLI runs it (no cache)
//      and as the language server does (a per-document cache: the first analysis, then one edit
//      inside the nasty part). Prints time per MB and the ratio (10×)/(1×) per MB; a ratio over 2
//      fails the run (exit 1).
//   2. Named cases that must each finish in under 10 s: 10,000-level nesting and 5 MB lines,
//      through the CLI (spawned) and the engine with a cache.
//   3. A 50 MB draft (../shared/bench/make-corpus.mjs --one-file) through the CLI, and opened in
//      the language server (spawned over stdio: didOpen until its publishDiagnostics).
// Needs a build (`npm run build`). Each measurement runs in a child process with a time limit.
// Options: --base KB (256), --factor N (10), --only a,b (shapes or case names containing these),
// --no-shapes, --no-cases, --no-draft, --draft-mb N (50), --timeout S (120), --json.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SHAPES, TAIL, nasty } from './lib/nasty.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, d) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : d; };

if (args[0] === '--child') await child(args[1], Number(args[2]), args[3], Number(args[4] ?? 1));
else await main();

/** Engine timing for one shape, size and mode (the best of several runs in this process), printed as JSON. */
async function child(shape, bytes, mode, reps) {
  const imp = (p) => import(pathToFileURL(join(root, p)).href);
  const { loadEmbeddedDatabase } = await imp('out/server/src/db/embedded.js');
  const { analyze, createAnalysisCache } = await imp('out/server/src/engine/engine.js');
  const db = loadEmbeddedDatabase();
  const text = nasty(shape, bytes);
  // One character typed in the middle of the nasty part.
  const at = Math.floor((text.length - TAIL.length) / 2);
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const doc = mode === 'edit' ? edited : text;
  // Warm up on a small document of the same shape (compiled database, JIT).
  analyze(nasty(shape, 4096), db, undefined, mode === 'fresh' ? {} : { cache: createAnalysisCache() });
  // At least `reps` runs, and more (up to 20) until they add up to half a second: short runs are noisy.
  let best = Infinity, total = 0, r;
  for (let k = 0; k < reps || (total < 500 && k < 20); k++) {
    const cache = mode === 'fresh' ? undefined : createAnalysisCache();
    if (mode === 'edit') analyze(text, db, undefined, { cache });
    const t0 = performance.now();
    r = analyze(doc, db, undefined, { cache });
    const ms = performance.now() - t0;
    best = Math.min(best, ms);
    total += ms;
  }
  const tailAt = doc.length - TAIL.length;
  const tail = r.findings.filter((f) => f.start >= tailAt).length;
  process.stdout.write(JSON.stringify({ ms: best, chars: doc.length, findings: r.findings.length, tail }) + '\n');
}

function runChild(shape, bytes, mode, timeoutS, reps = 1) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', shape, String(bytes), mode, String(reps)], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 24 });
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return { error: `timeout (${timeoutS} s)` };
  if (r.status !== 0) return { error: `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}` };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function main() {
  for (const p of ['out/server/src/engine/engine.js', 'dist/cli/main.js', 'dist/server.cjs']) {
    if (!existsSync(join(root, p))) { console.error(`bench:nasty: ${p} is missing; build first with \`npm run build\`.`); process.exit(2); }
  }
  const base = Number(opt('--base', 256)) * 1024;
  const factor = Number(opt('--factor', 10));
  const timeout = Number(opt('--timeout', 120));
  const only = opt('--only', '')?.split(',').filter(Boolean) ?? [];
  const wanted = (name) => only.length === 0 || only.some((o) => name.includes(o));
  const asJson = args.includes('--json');
  const out = { base, factor, shapes: [], cases: [], draft: undefined, failures: [] };
  const log = (s) => { if (!asJson) console.log(s); };
  const fail = (what) => { out.failures.push(what); log(`  FAIL ${what}`); };

  // 1. Linear growth per shape.
  log(`shapes: engine time per MB at ${base / 1024} KB (1×) and ${(factor * base) / 1024} KB (${factor}×); ratio = (${factor}×)/(1×) per MB, must be ≤ 2`);
  log(`${'shape'.padEnd(28)} ${'mode'.padEnd(6)} ${'1× ms/MB'.padStart(10)} ${`${factor}× ms/MB`.padStart(11)} ${'ratio'.padStart(6)}`);
  for (const shape of Object.keys(SHAPES).filter((s) => wanted(s) && !args.includes('--no-shapes'))) {
    for (const mode of ['fresh', 'cache', 'edit']) {
      // The best of at least three runs at 1×, of two at 10×.
      const small = runChild(shape, base, mode, timeout, 3);
      const large = runChild(shape, factor * base, mode, timeout, 2);
      const bad = [small, large].find((r) => r.error);
      if (bad) { fail(`${shape} ${mode}: ${bad.error}`); continue; }
      const a = (small.ms / small.chars) * 1e6, b = (large.ms / large.chars) * 1e6;
      const ratio = b / Math.max(a, 1e-9);
      out.shapes.push({ shape, mode, msPerMb1: a, msPerMbN: b, ratio, ms1: small.ms, msN: large.ms });
      log(`${shape.padEnd(28)} ${mode.padEnd(6)} ${a.toFixed(0).padStart(10)} ${b.toFixed(0).padStart(11)} ${ratio.toFixed(2).padStart(6)}`);
      if (ratio > 2) fail(`${shape} ${mode}: ratio ${ratio.toFixed(2)} > 2`);
      if (small.tail === 0 || large.tail === 0) fail(`${shape} ${mode}: the paragraph after the nasty part has no finding`);
    }
  }

  const tmp = mkdtempSync(join(tmpdir(), 'claimlint-bench-nasty-'));
  try {
    // 2. Named cases, each under 10 s.
    const cases = [
      ['list nesting 10,000 levels on one line', 'list-one-line', 20000],
      ['quote nesting 10,000 levels on one line', 'quote-one-line', 20000],
      ['mixed quote/list nesting 10,000 levels on one line', 'mixed-one-line', 23334],
      ['emphasis 10,000 stars each side', 'emphasis-stars', 20000],
      ['list staircase 3,000 levels (9 MB)', 'list-staircase', 2 * 1500 * 3001],
      ['quote staircase 10,000 levels (50 MB)', 'quote-staircase', 10000 * 10001 / 2],
      ['a 5 MB line of words', 'line-words', 5e6],
      ['a 5 MB line of emphasis', 'line-emphasis', 5e6],
      ['a 5 MB line of links', 'line-links', 5e6],
      // Report only: these are bound by the number of findings (one per sentence), not the line.
      ['a 5 MB line of claims (report only)', 'line-claims', 5e6, true],
      ['a 5 MB line of sentences with claims (report only, 128,000 findings)', 'line-claim-sentences', 5e6, true],
    ].filter(([name, shape]) => !args.includes('--no-cases') && (wanted(name) || wanted(shape)));
    if (cases.length) log(`\ncases: wall time through the CLI (spawned) and the engine with a cache; each must be under 10 s`);
    for (const [name, shape, bytes, reportOnly] of cases) {
      const file = join(tmp, `${shape}.md`);
      writeFileSync(file, nasty(shape, bytes));
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'bin/claimlint.js'), '--format', 'json', '--no-ignore', file], { encoding: 'utf8', timeout: timeout * 1000, maxBuffer: 1 << 30 });
      const cliMs = performance.now() - t0;
      const cliOk = !r.error && (r.status === 0 || r.status === 1);
      const eng = runChild(shape, bytes, 'cache', timeout);
      const row = { name, mb: bytes / 1e6, cliMs: cliOk ? cliMs : null, cliError: cliOk ? undefined : (r.error?.code ?? `exit ${r.status}: ${(r.stderr || '').trim().split('\n').pop()}`), engineMs: eng.error ? null : eng.ms, engineError: eng.error };
      out.cases.push(row);
      log(`${name.padEnd(72)} CLI ${cliOk ? (cliMs / 1000).toFixed(2).padStart(6) + ' s' : 'FAILED'}   engine+cache ${eng.error ? 'FAILED' : (eng.ms / 1000).toFixed(2).padStart(6) + ' s'}`);
      if (!cliOk) fail(`${name}: CLI ${row.cliError}`);
      else if (cliMs > 10000 && !reportOnly) fail(`${name}: CLI took ${(cliMs / 1000).toFixed(1)} s`);
      if (eng.error) fail(`${name}: engine ${eng.error}`);
      else if (eng.ms > 10000 && !reportOnly) fail(`${name}: engine took ${(eng.ms / 1000).toFixed(1)} s`);
      if (cliOk && !r.stdout.includes('"line":')) fail(`${name}: CLI reported no finding`);
      rmSync(file);
    }

    // 3. A 50 MB draft: CLI, and opened in the server.
    if (!args.includes('--no-draft') && wanted('draft')) {
      const mb = Number(opt('--draft-mb', 50));
      const shared = resolve(process.env.CLAIMLINT_SHARED ?? join(root, '..', 'shared'));
      const maker = join(shared, 'bench', 'make-corpus.mjs');
      if (!existsSync(maker)) { console.error(`bench:nasty: ${maker} not found; set CLAIMLINT_SHARED`); process.exit(2); }
      const file = join(tmp, 'draft.md');
      execFileSync(process.execPath, [maker, file, '--one-file', '--kb', String(mb * 1024)]);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'bin/claimlint.js'), '--format', 'json', '--no-ignore', file], { encoding: 'utf8', timeout: 600_000, maxBuffer: 2 ** 30 });
      const cliMs = performance.now() - t0;
      const cliOk = !r.error && (r.status === 0 || r.status === 1);
      const server = await openInServer(file, 600);
      out.draft = { mb, cliMs: cliOk ? cliMs : null, cliError: cliOk ? undefined : (r.error?.code ?? `exit ${r.status}`), server };
      log(`\n${mb} MB draft: CLI ${cliOk ? (cliMs / 1000).toFixed(1) + ' s' : 'FAILED ' + out.draft.cliError}; server didOpen → publish ${server.error ? 'FAILED ' + server.error : (server.ms / 1000).toFixed(1) + ` s (${server.diagnostics} diagnostics, peak RSS ${server.hwmMb} MB)`}`);
      if (!cliOk) fail(`${mb} MB draft: CLI ${out.draft.cliError}`);
      if (server.error) fail(`${mb} MB draft: server ${server.error}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (asJson) console.log(JSON.stringify(out, null, 1));
  else log(out.failures.length ? `\n${out.failures.length} failure(s)` : '\nall within bounds');
  process.exitCode = out.failures.length ? 1 : 0;
}

/** Spawns claimlint-server --stdio, opens `file` and waits for its diagnostics. */
async function openInServer(file, timeoutS) {
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification } =
    await import('vscode-languageserver-protocol/node');
  const proc = spawn(process.execPath, [join(root, 'bin', 'claimlint-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const uri = pathToFileURL(file).href;
  let done;
  const published = new Promise((res) => { done = res; });
  // Only the count is kept: holding a 50 MB document's diagnostics would weigh on this process.
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => { if (p.uri === uri && p.version === 1) done({ t: performance.now(), n: p.diagnostics.length }); });
  conn.listen();
  const exited = new Promise((res) => proc.on('exit', (code, signal) => res(`server exited (${signal ?? code})`)));
  const timer = new Promise((res) => setTimeout(() => res(`no publish within ${timeoutS} s`), timeoutS * 1000).unref());
  try {
    await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    await conn.sendNotification(InitializedNotification.type, {});
    const text = readFileSync(file, 'utf8');
    const t0 = performance.now();
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const r = await Promise.race([published, exited, timer]);
    if (typeof r === 'string') return { error: r };
    const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1] ?? NaN);
    return { ms: r.t - t0, diagnostics: r.n, hwmMb: Math.round(hwm / 1024) };
  } finally {
    await Promise.race([conn.sendRequest(ShutdownRequest.type).then(() => conn.sendNotification(ExitNotification.type)), new Promise((res) => setTimeout(res, 2000).unref())]).catch(() => {});
    proc.kill();
    conn.dispose();
  }
}
