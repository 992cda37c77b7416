#!/usr/bin/env node
// The real-editor tests: the extension (this repository, built) loaded into a real VS Code — code-server
// 4.100.3 shown in headless Chromium, started through @vscode/test-electron's runTests with
// test/editor/code-shim.mjs as the "VS Code executable" — running the mocha suite in
// out/test/editor/suite/ inside the extension host, against a copy of test/fixtures/editor/workspace.
// Prints each test, then "N passed, N failed" on its own line (test/run.mjs and CI read it).
// Tools missing: a loud SKIPPED (a failure when CI=true). Run scripts/install-editor-test-tools.sh.
import { runTests } from '@vscode/test-electron';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tools = resolve(process.env.CODE_SERVER_TOOLS || join(root, '.vscode-test', 'tools'));
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const shim = join(root, 'test', 'editor', 'code-shim.mjs');
const suiteDir = join(root, 'out', 'test', 'editor', 'suite');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const started = Date.now();

function tally(passed, failed, skipped = 0) {
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
}

/** Number of tests in the compiled suite (for the "skipped" count when the editor is missing). */
function countTests() {
  if (!existsSync(suiteDir)) return 0;
  return readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.js'))
    .reduce((n, f) => n + (readFileSync(join(suiteDir, f), 'utf8').match(/^\s*it\(/gm)?.length ?? 0), 0);
}

function missingTools() {
  const missing = [];
  const req = createRequire(join(tools, 'package.json'));
  for (const mod of ['code-server/out/node/entry.js', 'playwright-core']) {
    try { req.resolve(mod); } catch { missing.push(`${mod.split('/')[0]} (in ${tools})`); }
  }
  if (!existsSync(chromium)) missing.push(`chromium (${chromium})`);
  return missing;
}

const missing = missingTools();
if (missing.length) {
  const bar = '!'.repeat(100);
  console.log(`\n${bar}\n!! SKIPPED: real-editor tests — code-server/chromium not installed (run scripts/install-editor-test-tools.sh)\n!! missing: ${missing.join(', ')}\n${bar}\n`);
  if (ci) {
    console.error('CI=true: the real-editor tests must run in CI; failing.');
    tally(0, 1);
    process.exit(1);
  }
  tally(0, 0, countTests());
  process.exit(0);
}

// The extension as VS Code loads it: package.json "main" (dist/extension.cjs), the server bundle, the suite.
const needed = ['dist/extension.cjs', 'dist/server.cjs', 'dist/claims.json', 'out/test/editor/suite/index.js'];
const notBuilt = needed.filter((p) => !existsSync(join(root, p)));
if (notBuilt.length) {
  console.error(`editor tests: not built (${notBuilt.join(', ')}); run "npm run build" first.`);
  tally(0, 1);
  process.exit(1);
}

/**
 * One launch of VS Code on a fresh copy of the fixture workspace, with fresh profile folders.
 * Returns the suite's tally (or undefined when the suite reported nothing) and whether it exited cleanly.
 */
async function launch(name, { trusted }) {
  const work = mkdtempSync(join(tmpdir(), `claimlint-editor-${name}-`));
  const workspace = join(work, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'editor', 'workspace'), workspace, { recursive: true });
  const resultFile = join(work, 'result.json');
  let clean = true;
  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(suiteDir, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${join(work, 'user-data')}`, `--extensions-dir=${join(work, 'extensions')}`],
      extensionTestsEnv: {
        EXTENSIONS_GALLERY: '{}',
        CODE_SERVER_TOOLS: tools,
        CHROMIUM_PATH: chromium,
        CLAIMLINT_EDITOR_RESULT: resultFile,
        CLAIMLINT_EDITOR_SUITE: trusted ? 'trusted' : 'untrusted',
        // The shim passes --disable-workspace-trust to code-server unless told to keep trust prompts.
        CLAIMLINT_SHIM_TRUST: trusted ? '' : 'prompt',
      },
    });
  } catch (e) {
    clean = false;
    console.error(`editor tests (${name}): ${e instanceof Error ? e.message : String(e)}`);
  }
  let result;
  try {
    result = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    console.error(`editor tests (${name}): the suite reported no results; see the output above.`);
  }
  if (!process.env.CLAIMLINT_KEEP_EDITOR_TMP) rmSync(work, { recursive: true, force: true });
  return { result, clean };
}

chmodSync(shim, 0o755);
const runs = [await launch('trusted', { trusted: true }), await launch('untrusted', { trusted: false })];
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const exitCode = runs.every((r) => r.clean) ? 0 : 1;
const reported = runs.filter((r) => r.result).map((r) => r.result);
const tests = reported.flatMap((r) => r.tests);
const count = (state) => tests.filter((t) => t.state === state).length;
// A launch that reported nothing (crash, timeout) counts as one failure.
const silent = runs.length - reported.length;

console.log(`\nreal-editor tests (VS Code ${reported[0]?.vscodeVersion ?? '?'} via code-server, ${runs.length} launches, ${seconds} s):`);
for (const t of tests) {
  const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-';
  console.log(`  ${mark} ${t.title}${t.duration ? ` (${t.duration} ms)` : ''}`);
  if (t.error) console.log(`      ${String(t.error).split('\n').join('\n      ')}`);
}
const failed = count('failed') + silent;
tally(count('passed'), failed, count('pending'));
process.exit(failed > 0 ? 1 : exitCode);
