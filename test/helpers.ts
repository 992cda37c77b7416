// Paths shared by the test suites. Tests run from out/test/<area>/, compiled by tsc.
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found above ' + from);
    dir = up;
  }
  return dir;
}

/** The repository root (the folder holding package.json). */
export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
export const fixtures = (...parts: string[]) => resolve(repoRoot, 'test', 'fixtures', ...parts);
