#!/usr/bin/env node
// `npm test`: builds, runs every mocha suite in-process, then the real-editor suite (code-server)
// when its tools are installed, and ends with one "N passed, N failed" line that CI reads.
// `npm run test:fast` (`--fast`): the inner loop: compiles with tsc only (no bundling: the CLI,
// server and package suites use dist/ from the last `npm run build`) and skips the real-editor suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const args = process.argv.slice(2);
const fast = args.includes('--fast');
const only = args.filter((a) => a !== '--fast'); // optional area filters: `npm test -- engine db`

if (fast) execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { stdio: 'inherit' });
else if (!process.env.CLAIMLINT_SKIP_BUILD) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.test.js') ? [p] : [];
  });
}
const files = walk(join(root, 'out/test'))
  .filter((f) => !f.includes(`${join('out', 'test', 'editor')}`))
  .filter((f) => only.length === 0 || only.some((a) => f.includes(join('out', 'test', a))))
  .sort();

const mocha = new Mocha({ timeout: 60000, reporter: 'spec' });
files.forEach((f) => mocha.addFile(f));
await mocha.loadFilesAsync();
let passed = 0, failed = 0, skipped = 0;
await new Promise((resolve) => {
  const runner = mocha.run(() => resolve());
  runner.on('pass', () => passed++);
  runner.on('fail', () => failed++);
  runner.on('pending', () => skipped++);
});

// The real-editor suite runs in its own process (code-server + Chromium); it prints its own tally.
const editorRunner = join(root, 'test/editor/run.mjs');
if (!fast && (only.length === 0 || only.includes('editor')) && existsSync(editorRunner)) {
  const r = spawnSync(process.execPath, [editorRunner], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  const m = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/m.exec(r.stdout ?? '');
  if (m) { passed += +m[1]; failed += +m[2]; skipped += +(m[3] ?? 0); }
  else { failed++; console.error('editor tests printed no tally (exit ' + r.status + ')'); }
  if (r.status !== 0 && m && +m[2] === 0) { failed++; console.error('editor tests exited ' + r.status); }
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
