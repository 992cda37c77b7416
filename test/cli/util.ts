// Helpers for the CLI and config suites: scratch folders and running the real `claimlint` binary.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixtures, repoRoot } from '../helpers.js';

export const bin = join(repoRoot, 'bin', 'claimlint.js');

/** A made-up claim pack (test/fixtures/cli/pack) and a draft with findings and safe fixes against it. */
export const ZORBAMINE_PACK = readFileSync(fixtures('cli', 'pack', 'zorbamine.yaml'), 'utf8');
export const ZORBAMINE_DRAFT = [
  '# Zorbamine',
  '',
  '🧪 Zorbamine\'s antidepressant effect is proven to be mediated by the flux receptor.',
  'In the trial, zorbamine was given at 5 mg/kg and the flux receptor mediated the effect.',
  '',
  'A paragraph without any concept at all.',
  '',
].join('\n');

/** A scratch folder with `files` (path → content; Buffers written as they are). Remove with `cleanup`. */
export function scratch(files: Record<string, string | Buffer> = {}): { dir: string; cleanup: () => void; write: (f: Record<string, string | Buffer>) => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'claimlint-test-')));
  const write = (f: Record<string, string | Buffer>) => {
    for (const [p, content] of Object.entries(f)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), content);
    }
  };
  write(files);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult { code: number | null; stdout: string; stderr: string }

/** Runs `node bin/claimlint.js ...args` and resolves when it exits. */
export function runCli(args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; input?: string } ): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CLAIMLINT_DEBUG: '', ...opts.env };
    const child = spawn(process.execPath, [bin, ...args], { cwd: opts.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
