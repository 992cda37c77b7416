import assert from 'node:assert/strict';
import { Progress } from '../../server/src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (s: string) => { writes.push(s); return true; } } as unknown as NodeJS.WriteStream, writes };
}

describe('cli: progress line', () => {
  it('is drawn from the start for many files on a terminal, and erased at the end', () => {
    const { stream, writes } = fakeStream(true);
    const p = new Progress(stream, 60);
    for (let i = 0; i < 60; i++) p.tick();
    p.end();
    // eslint-disable-next-line no-control-regex -- terminal escape sequences
    assert.match(writes[0], /^\r\u001b\[2Kclaimlint: 1\/60 files$/);
    assert.ok(writes.includes('\r\u001b[2Kclaimlint: 60/60 files'), 'the last count is drawn');
    assert.equal(writes[writes.length - 1], '\r\u001b[2K');
  });

  it('stays silent when stderr is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    const p = new Progress(stream, 500);
    for (let i = 0; i < 500; i++) p.tick();
    p.end();
    assert.deepEqual(writes, []);
  });

  it('for few files, appears only once the run takes long', async () => {
    const { stream, writes } = fakeStream(true);
    const p = new Progress(stream, 3, { afterMs: 5 });
    p.tick();
    assert.deepEqual(writes, []);
    await new Promise<void>((resolve) => {
      const check = () => (writes.length ? resolve() : setImmediate(check));
      check();
    });
    assert.match(writes[0], /claimlint: 1\/3 files/);
    p.end();
    const quick = fakeStream(true);
    const q = new Progress(quick.stream, 3, { afterMs: 60_000 });
    q.tick();
    q.end();
    assert.deepEqual(quick.writes, [], 'a fast run draws nothing');
  });
});
