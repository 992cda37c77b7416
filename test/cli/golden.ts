// Golden files: compare output with test/fixtures/cli/golden/<name>; UPDATE_GOLDEN=1 rewrites them.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fixtures } from '../helpers.js';

export function golden(name: string, actual: string): void {
  const file = fixtures('cli', 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI) assert.fail(`golden file ${name} is missing; run the tests with UPDATE_GOLDEN=1`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from golden ${name} (UPDATE_GOLDEN=1 regenerates it)`);
}
