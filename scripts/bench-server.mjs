#!/usr/bin/env node
// `npm run bench:server`: language-server latency on a large document (not a test).
//   1. first diagnostics for a 50 KB draft after didOpen;
//   2. a 1 MB draft (../shared/bench/make-corpus.mjs --one-file --kb 1000), debounce 0: 50 one-character
//      didChange edits at seeded random places, time from didChange to the publishDiagnostics of that version;
//   3. hover latency over 50 hovers on flagged/matched sentences;
//   4. the server's resident memory (VmRSS) right after the edits and hovers and again 2.5 s later,
//      once the server has collected garbage while idle, and the peak (VmHWM), from /proc;
//   5. the protocol floor: the same publish re-sent by a process that does no work, timed alike;
//   6. what the first 1 MB publish carries: diagnostics by severity, median and longest message, size.
// Needs a build (`npm run build`: the server bundle that bin/claimlint-server.js runs). The shared folder is ../shared next to the repository, or $CLAIMLINT_SHARED.
// Options: --edits N (50), --hovers N (50), --kb K (1000), --seed S (1), --gap MS (0), --max-problems N, --json (machine-readable
// output, with every edit's and hover's time);
// env CLAIMLINT_BENCH_NODE_ARGS adds Node flags to the server (e.g. --cpu-prof).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification,
  HoverRequest, ShutdownRequest, ExitNotification,
} from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const num = (name, d) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const EDITS = num('--edits', 50), HOVERS = num('--hovers', 50), KB = num('--kb', 1000), SEED = num('--seed', 1);
// --gap MS: pause between edits (0: the next edit goes out as soon as the last one's diagnostics arrive).
const GAP = num('--gap', 0);
// --max-problems N: the server's claimlint.maxProblems (default: the server's, 1000; 0: no cap).
const MAX_PROBLEMS = num('--max-problems', undefined);
const asJson = args.includes('--json');

const serverJs = join(root, 'dist', 'server.cjs');
if (!existsSync(serverJs)) {
  console.error(`bench-server: ${serverJs} is missing; build first with \`npm run build\`.`);
  process.exit(2);
}
const shared = resolve(process.env.CLAIMLINT_SHARED ?? join(root, '..', 'shared'));
const makeCorpus = join(shared, 'bench', 'make-corpus.mjs');
if (!existsSync(makeCorpus)) {
  console.error(`bench-server: ${makeCorpus} not found; set CLAIMLINT_SHARED to the shared folder.`);
  process.exit(2);
}

// xorshift32, seeded: the same edits every run.
let state = SEED >>> 0 || 1;
const rand = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state / 4294967296; };

const tmp = mkdtempSync(join(tmpdir(), 'claimlint-bench-server-'));
const bigPath = join(tmp, 'big.md');
const smallPath = join(tmp, 'small.md');
execFileSync(process.execPath, [makeCorpus, bigPath, '--one-file', '--kb', String(KB)]);
execFileSync(process.execPath, [makeCorpus, smallPath, '--one-file', '--kb', '50', '--seed', '7']);
const bigText = readFileSync(bigPath, 'utf8');
const smallText = readFileSync(smallPath, 'utf8');

// CLAIMLINT_BENCH_NODE_ARGS: extra Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
const nodeArgs = (process.env.CLAIMLINT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const proc = spawn(process.execPath, [...nodeArgs, join(root, 'bin', 'claimlint-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
const waiting = new Map(); // "uri#version" → resolve
// The measuring process keeps as little as it can: the first publish of the 1 MB draft (re-sent by
// the floor) and, from the last edit's, only where its diagnostics start (the hover targets).
// Keeping a publish while timing made its own scavenges copy ~5 MB of parsed diagnostics, and
// those pauses were counted as the server's edit or hover latency.
conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
  const t = performance.now();
  const key = `${p.uri}#${p.version}`;
  const w = waiting.get(key);
  if (w) { waiting.delete(key); w({ p, t }); }
});
conn.onNotification('window/logMessage', (p) => { if (p.type === 1) console.error('server:', p.message); });
// The server's own time per version (claimlint/status, sent after each publish): the rest of an
// edit's latency is encoding, the pipe and the client's parsing of the diagnostics.
const serverMs = new Map();
conn.onNotification('claimlint/status', (p) => serverMs.set(`${p.uri}#${p.version}`, p.elapsedMs));
conn.listen();
const diagnosticsFor = (uri, version) => new Promise((res, rej) => {
  waiting.set(`${uri}#${version}`, res);
  setTimeout(() => rej(new Error(`no diagnostics for ${uri} v${version} within 120 s`)), 120_000).unref();
});

const rss = () => {
  const s = readFileSync(`/proc/${proc.pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
};
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

await conn.sendRequest(InitializeRequest.type, {
  processId: process.pid, rootUri: pathToFileURL(tmp).href, workspaceFolders: [{ uri: pathToFileURL(tmp).href, name: 'bench' }],
  // What VS Code's client declares for diagnostics: links, related information and data are all sent.
  capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true } } },
  initializationOptions: { debounceMs: 0, ...(MAX_PROBLEMS === undefined ? {} : { maxProblems: MAX_PROBLEMS }) },
});
await conn.sendNotification(InitializedNotification.type, {});

// 1. First diagnostics for 50 KB.
const smallUri = pathToFileURL(smallPath).href;
let t0 = performance.now();
let wait = diagnosticsFor(smallUri, 1);
await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: smallText } });
const small = await wait;
const firstSmall = small.t - t0;

// 2. 1 MB: open, then edits.
const bigUri = pathToFileURL(bigPath).href;
// The client's copy of the document is kept as line lengths (the edits insert only letters and
// spaces): building a new 1 MB string per keystroke, as a TextDocument would, made the measuring
// process's own garbage collection part of the measurement.
const lineLengths = bigText.split('\n').map((l) => l.length);
let docLength = bigText.length;
let docVersion = 1;
const positionAt = (offset) => {
  let line = 0;
  for (; line < lineLengths.length - 1 && offset > lineLengths[line]; line++) offset -= lineLengths[line] + 1;
  return { line, character: offset };
};
t0 = performance.now();
wait = diagnosticsFor(bigUri, 1);
await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: bigText } });
const bigFirst = await wait;
const firstBig = bigFirst.t - t0;
const memAfterOpen = rss();

const editTimes = [];
const editKeys = [];
/** Positions of the last edit's diagnostics: the hovers go there. */
let hoverTargets = [];
const letters = 'abcdefghijklmnopqrstuvwxyz ';
for (let i = 0; i < EDITS; i++) {
  const offset = Math.floor(rand() * docLength);
  const pos = positionAt(offset);
  const ch = letters[Math.floor(rand() * letters.length)];
  const version = ++docVersion;
  const change = { range: { start: pos, end: pos }, text: ch };
  lineLengths[pos.line]++;
  docLength++;
  wait = diagnosticsFor(bigUri, version);
  const t = performance.now();
  await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: bigUri, version }, contentChanges: [change] });
  const got = await wait;
  editTimes.push(got.t - t);
  editKeys.push(`${bigUri}#${version}`);
  if (i === EDITS - 1) hoverTargets = got.p.diagnostics.map((d) => ({ ...d.range.start }));
  if (GAP > 0) await new Promise((r) => setTimeout(r, GAP));
}

// 3. Hovers on flagged sentences (the card path), positions spread through the document.
if (EDITS === 0) hoverTargets = bigFirst.p.diagnostics.map((d) => ({ ...d.range.start }));
const hoverTimes = [];
let cards = 0;
for (let i = 0; i < HOVERS; i++) {
  const position = hoverTargets.length ? hoverTargets[Math.floor(rand() * hoverTargets.length)] : positionAt(Math.floor(rand() * docLength));
  const t = performance.now();
  const h = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: bigUri }, position });
  hoverTimes.push(performance.now() - t);
  if (h) cards++;
}
const mem = rss();
// And once typing has paused (the server collects garbage when idle).
await new Promise((r) => setTimeout(r, 2500));
const settled = rss();
const serverTimes = editKeys.map((k) => serverMs.get(k)).filter((x) => Number.isFinite(x));

await conn.sendRequest(ShutdownRequest.type);
await conn.sendNotification(ExitNotification.type);
conn.dispose();
rmSync(tmp, { recursive: true, force: true });

// 5. The floor in the same run: a process that only re-sends the last publish (scripts/lib/publish-echo.mjs),
// timed like the edits. What claimlint adds on top of it is its own work.
const floorTimes = [];
{
  const echo = spawn(process.execPath, [join(root, 'scripts', 'lib', 'publish-echo.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ec = createProtocolConnection(new StreamMessageReader(echo.stdout), new StreamMessageWriter(echo.stdin));
  let got;
  ec.onNotification(PublishDiagnosticsNotification.type, (p) => got?.(p));
  ec.listen();
  await ec.sendNotification('bench/set', bigFirst.p);
  for (let v = 1; v <= EDITS; v++) {
    const arrived = new Promise((res) => { got = res; });
    const t = performance.now();
    await ec.sendNotification('bench/publish', { version: v });
    await arrived;
    floorTimes.push(performance.now() - t);
  }
  ec.dispose();
  echo.kill();
}

// What the first publish of the 1 MB draft carries: message lengths (the Problems panel cuts at ~80
// characters) and its size on the wire.
const messageLengths = bigFirst.p.diagnostics.map((d) => String(d.message).length);
const publishBytes = Buffer.byteLength(JSON.stringify(bigFirst.p));
const bySeverity = [1, 2, 3, 4].map((s) => bigFirst.p.diagnostics.filter((d) => d.severity === s).length);

const rows = [
  ['first diagnostics, 50 KB draft', `${firstSmall.toFixed(0)} ms`, '≤ 300 ms', firstSmall <= 300],
  ['first diagnostics, 1 MB draft (info)', `${firstBig.toFixed(0)} ms`, '—', null],
  [`edit → diagnostics p50, 1 MB (${EDITS} edits${GAP ? `, ${GAP} ms apart` : ''})`, `${pct(editTimes, 50).toFixed(1)} ms`, '—', null],
  [`edit → diagnostics p95, 1 MB`, `${pct(editTimes, 95).toFixed(1)} ms`, '≤ 50 ms', pct(editTimes, 95) <= 50],
  [`  of which the server's analysis, p50 / p95`, serverTimes.length ? `${pct(serverTimes, 50).toFixed(1)} / ${pct(serverTimes, 95).toFixed(1)} ms` : 'n/a', '—', null],
  [`  floor: re-sending the same publish, p50 / p95`, `${pct(floorTimes, 50).toFixed(1)} / ${pct(floorTimes, 95).toFixed(1)} ms`, '—', null],
  [`hover p50 (${HOVERS} hovers, ${cards} cards)`, `${pct(hoverTimes, 50).toFixed(2)} ms`, '—', null],
  ['hover p95', `${pct(hoverTimes, 95).toFixed(2)} ms`, '≤ 5 ms', pct(hoverTimes, 95) <= 5],
  ['server RSS after edits + hovers', `${mem.rss.toFixed(0)} MB`, '≤ 150 MB', mem.rss <= 150],
  ['server RSS 2.5 s later (idle)', `${settled.rss.toFixed(0)} MB`, '≤ 150 MB', settled.rss <= 150],
  ['server peak RSS (VmHWM)', `${settled.hwm.toFixed(0)} MB`, '—', null],
  ['1 MB publish: diagnostics (error / warning / info / hint)', `${bigFirst.p.diagnostics.length} (${bySeverity.join(' / ')})`, '—', null],
  ['1 MB publish: message length median / max', messageLengths.length ? `${pct(messageLengths, 50)} / ${Math.max(...messageLengths)} chars` : 'n/a', '—', null],
  ['1 MB publish: size', `${(publishBytes / 1024).toFixed(0)} KB`, '—', null],
];
if (asJson) {
  console.log(JSON.stringify({
    firstSmallMs: firstSmall, firstBigMs: firstBig, editP50Ms: pct(editTimes, 50), editP95Ms: pct(editTimes, 95),
    serverP50Ms: serverTimes.length ? pct(serverTimes, 50) : null, serverP95Ms: serverTimes.length ? pct(serverTimes, 95) : null,
    hoverP50Ms: pct(hoverTimes, 50), hoverP95Ms: pct(hoverTimes, 95), rssMB: mem.rss, settledRssMB: settled.rss, peakRssMB: settled.hwm, rssAfterOpenMB: memAfterOpen.rss,
    floorP50Ms: pct(floorTimes, 50), floorP95Ms: pct(floorTimes, 95), gapMs: GAP,
    // Each edit's and hover's time, and the server's own time per edit, in order (for looking into a tail).
    editsMs: editTimes.map((x) => +x.toFixed(2)), serverEditsMs: editKeys.map((k) => serverMs.get(k) ?? null), hoversMs: hoverTimes.map((x) => +x.toFixed(2)),
    diagnostics1MB: bigFirst.p.diagnostics.length, bytes1MB: bigText.length, publishBytes, bySeverity1MB: bySeverity,
    messageMedianChars: messageLengths.length ? pct(messageLengths, 50) : null, messageMaxChars: messageLengths.length ? Math.max(...messageLengths) : null,
  }));
} else {
  console.log(`claimlint language server — ${(bigText.length / 1024).toFixed(0)} KB document, ${bigFirst.p.diagnostics.length} diagnostics, debounce 0, seed ${SEED}, Node ${process.version}`);
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length)), 8];
  console.log(`${'measure'.padEnd(w[0])}  ${'result'.padStart(w[1])}  ${'target'.padEnd(w[2])}  ok`);
  console.log(`${'-'.repeat(w[0])}  ${'-'.repeat(w[1])}  ${'-'.repeat(w[2])}  --`);
  for (const [m, r, t, ok] of rows) console.log(`${m.padEnd(w[0])}  ${r.padStart(w[1])}  ${t.padEnd(w[2])}  ${ok === null ? '' : ok ? 'yes' : 'NO'}`);
}
