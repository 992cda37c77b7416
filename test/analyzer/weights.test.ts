// The certainty model's committed weights (server/src/engine/analyzer/weights.ts, generated) are what
// `npm run train` produces from the Pei & Jurgens data in ../shared: a hand edit, or a change to the
// features or the training script without retraining, fails here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, requireShared, sharedRoot } from '../helpers.js';

describe('certainty model: the committed weights', () => {
  it('are what `npm run train` (scripts/train-certainty.mjs) produces', function () {
    requireShared(this, 'data', 'pei-jurgens-certainty', 'sentence-level-certainty.jsonl');
    this.timeout(600_000);
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/train-certainty.mjs'), '--check', '--quiet'], {
      encoding: 'utf8', env: { ...process.env, CLAIMLINT_DATA: join(sharedRoot, 'data') },
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
