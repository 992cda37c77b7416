// Every rule in the registry has its specification table here (rules/<code>.test.ts).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/engine/index.js';
import { repoRoot } from '../../helpers.js';

describe('rule test files', () => {
  it('one per registered rule', () => {
    const missing = RULES.map((r) => r.code).filter((code) => !existsSync(join(repoRoot, 'test', 'engine', 'rules', `${code}.test.ts`)));
    assert.deepEqual(missing, []);
  });
});
