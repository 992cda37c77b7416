#!/usr/bin/env node
// `npm run fuzz:server`: the language server's property-based fuzz suite (test/lsp/fuzz-harness.ts)
// at a chosen length, with totals. Sessions of fast-check-generated LSP messages (edits with
// versions that go backwards, re-opened documents, junk params, cancellations), each against a new
// `claimlint-server --stdio`. Default 4 sessions × 625 messages (what `npm test` runs);
// --long: 10 sessions × 10,000 = 100,000 messages.
// Options: --seed S (random), --sessions N, --messages M (per session), --json.
// Replay one session: every failure names its session seed; `--seed THAT --sessions 1 --messages M`.
// Needs a build (`npm run build`: the compiled harness in out/ and the server bundle).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const num = (name, d) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const long = args.includes('--long');
const SESSIONS = num('--sessions', long ? 10 : 4);
const MESSAGES = num('--messages', long ? 10_000 : 625);
const SEED = num('--seed', Math.floor(Math.random() * 2 ** 31));
const asJson = args.includes('--json');

const harnessJs = join(root, 'out', 'test', 'lsp', 'fuzz-harness.js');
if (!existsSync(harnessJs) || !existsSync(join(root, 'dist', 'server.cjs'))) {
  console.error('fuzz-server: build first with `npm run build`.');
  process.exit(2);
}
const { addStats, commandArb, emptyStats, playSession } = await import(pathToFileURL(harnessJs).href);

const total = emptyStats();
const t0 = performance.now();
for (let i = 0; i < SESSIONS; i++) {
  const seed = (SEED + i) | 0;
  const [cmds] = fc.sample(fc.array(commandArb, { minLength: MESSAGES, maxLength: MESSAGES }), { seed, numRuns: 1 });
  const s = await playSession(cmds, seed, i);
  addStats(total, s);
  if (!asJson) console.error(`session ${i + 1}/${SESSIONS} (seed ${seed}): ${s.messages} messages, ${s.requests} requests, ${s.violations.length} violations`);
}
const seconds = (performance.now() - t0) / 1000;

if (asJson) {
  console.log(JSON.stringify({ seed: SEED, sessions: SESSIONS, messagesPerSession: MESSAGES, seconds, ...total }, null, 2));
} else {
  const codes = Object.entries(total.responses).sort().map(([k, v]) => `${k === 'ok' ? 'result' : k} ${v}`).join(', ');
  console.log(`claimlint-server fuzz: seed ${SEED}, ${SESSIONS} sessions × ${MESSAGES} generated messages, ${seconds.toFixed(0)} s`);
  console.log(`  messages sent             ${total.messages} (with barriers and checkpoints)`);
  console.log(`  requests                  ${total.requests} (${total.junkRequests} with junk params); answers: ${codes}`);
  console.log(`  junk notifications        ${total.junkNotifications}`);
  console.log(`  cancellations             ${total.cancels}`);
  console.log(`  versions going backwards  ${total.backwards}; re-opened documents ${total.reopens}`);
  console.log(`  publishes checked         ${total.publishes}; cached = fresh checkpoints ${total.checkpoints}`);
  console.log(`  crashes                   ${total.crashes}`);
  console.log(`  unanswered requests       ${total.unanswered}`);
  console.log(`  InternalError responses   ${total.internalErrors}`);
  console.log(`  violations                ${total.violations.length}`);
  for (const v of total.violations.slice(0, 20)) console.log(`    ${v}`);
}
process.exitCode = total.violations.length > 0 ? 1 : 0;
