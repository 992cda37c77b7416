// The server's garbage collection requests: after a burst of large garbage, and when typing stops.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

describe('tuneHeapForServer', () => {
  it('keeps the young generation at its initial size on this Node (the flags are read at run time)', () => {
    // In a child process: the flags are process-wide.
    const script = `
      import { getHeapSpaceStatistics } from 'node:v8';
      const { tuneHeapForServer } = await import(${JSON.stringify(new URL('../../server/src/lsp/memory.js', import.meta.url).href)});
      if (process.env.TUNE === '1') tuneHeapForServer();
      let keep = [];
      for (let i = 0; i < 300; i++) { keep.push(Array.from({ length: 20000 }, (_, j) => ({ j }))); if (keep.length > 10) keep.shift(); }
      console.log(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);`;
    const run = (tune: boolean) => Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, TUNE: tune ? '1' : '0' } }).trim());
    const tuned = run(true), plain = run(false);
    assert.ok(tuned <= 4 * 1024 * 1024, `tuned new space ${tuned} bytes`);
    assert.ok(plain > 2 * tuned, `without the flags the young generation grows (${plain} vs ${tuned} bytes)`);
  });
});

describe('the bundled server', () => {
  const bundle = fileURLToPath(new URL('../../../dist/server.cjs', import.meta.url));
  it('is Latin-1 throughout (V8 keeps its source as a one-byte string, half the size)', () => {
    const wide = /[\u0100-\uffff]/.exec(readFileSync(bundle, 'utf8'));
    assert.equal(wide, null, wide ? `U+${wide[0].charCodeAt(0).toString(16)} near ${JSON.stringify(wide.input.slice(wide.index - 40, wide.index + 10))}` : '');
  });
});
