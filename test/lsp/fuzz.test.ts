// Property-based fuzzing of claimlint-server over stdio (issue 11): fast-check sequences of edits
// with versions that go backwards, re-opened documents, junk params and cancellations; the
// properties are in fuzz-harness.ts. A few thousand messages here; `npm run fuzz:server -- --long`
// sends 100,000. CLAIMLINT_FUZZ_SEED replays a failure (every failure message quotes its seed).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addStats, commandArb, emptyStats, playSession } from './fuzz-harness.js';

const SESSIONS = 4;
const MESSAGES = 625;

describe('claimlint-server under property-based fuzzing', function () {
  this.timeout(300_000);

  it(`${SESSIONS} × ${MESSAGES} messages: never exits, answers every request, no InternalError, no stale publish, ranges inside the text, cached = fresh`, async () => {
    const seed = Number(process.env.CLAIMLINT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const total = emptyStats();
    let session = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: MESSAGES, maxLength: MESSAGES }), async (cmds) => {
        const s = await playSession(cmds, seed, session++);
        addStats(total, s);
        if (s.violations.length > 0) throw new Error(`seed ${seed} (CLAIMLINT_FUZZ_SEED=${seed} replays it):\n${s.violations.slice(0, 10).join('\n')}`);
      }),
      // No shrinking: each attempt starts a server; the seed replays the failing sequence.
      { seed, numRuns: SESSIONS, endOnFailure: true },
    );
    // The sequences did exercise what they are for.
    const why = `seed ${seed}: ${JSON.stringify({ ...total, violations: undefined })}`;
    assert.ok(total.messages >= SESSIONS * MESSAGES, why);
    assert.ok(total.backwards > 0 && total.reopens > 0 && total.junkRequests > 0 && total.junkNotifications > 0 && total.cancels > 0 && total.checkpoints >= SESSIONS, why);
    assert.equal(total.internalErrors + total.crashes + total.unanswered, 0, why);
  });
});
