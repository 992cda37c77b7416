// Entry point VS Code's extension host loads for the real-editor tests (extensionTestsPath): runs the
// mocha suites of this folder in the extension host and writes the tally to CLAIMLINT_EDITOR_RESULT
// for test/editor/run.mjs (the host's own exit code only says pass/fail).
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface TestRecord { title: string; state: 'passed' | 'failed' | 'pending'; duration?: number; error?: string }

export async function run(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  // Two launches share this entry: the normal (trusted) one, and one in restricted mode
  // (CLAIMLINT_EDITOR_SUITE=untrusted) that loads only untrusted.*.test.js.
  const untrusted = process.env.CLAIMLINT_EDITOR_SUITE === 'untrusted';
  const files = readdirSync(here).filter((f) => f.endsWith('.test.js') && f.startsWith('untrusted.') === untrusted).sort();
  for (const f of files) mocha.addFile(join(here, f));
  await mocha.loadFilesAsync();

  const tests: TestRecord[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', duration: t.duration }));
    runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', duration: t.duration, error: err?.stack ?? String(err) }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
  });
  const count = (s: TestRecord['state']) => tests.filter((t) => t.state === s).length;
  const result = { vscodeVersion: vscode.version, passed: count('passed'), failed: count('failed'), pending: count('pending'), tests };
  const out = process.env.CLAIMLINT_EDITOR_RESULT;
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
  if (failures > 0) throw new Error(`${failures} real-editor test(s) failed`);
}
