// The server's garbage collection requests: after a burst of large garbage, and when typing stops.
import assert from 'node:assert/strict';
import { MemoryKeeper, type GcFunction } from '../../server/src/lsp/memory.js';

describe('MemoryKeeper', () => {
  it('obtains V8\'s gc() without --expose-gc', () => {
    assert.equal(new MemoryKeeper().available, true);
  });
  it('collects when the debt exceeds the budget, and once more when work pauses', async () => {
    const calls: string[] = [];
    let idle!: () => void;
    const idleCollected = new Promise<void>((resolve) => (idle = resolve));
    const gc: GcFunction = (o) => { calls.push(`${o?.type}/${o?.execution}`); if (calls.length === 2) idle(); };
    const keeper = new MemoryKeeper(100, 20, gc);
    keeper.spent(60);
    assert.deepEqual(calls, []);
    keeper.spent(60); // 120 ≥ 100: collect now
    assert.deepEqual(calls, ['major/async']);
    keeper.spent(10); // a little more garbage, then quiet: the idle collection follows
    await idleCollected;
    assert.deepEqual(calls, ['major/async', 'major/async']);
  });
  it('does nothing where gc() is unavailable', () => {
    const keeper = new MemoryKeeper(1, 1, null);
    assert.equal(keeper.available, false);
    keeper.spent(10); // no throw, no timer left behind
  });
});
