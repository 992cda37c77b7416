// The phrase trie shares nodes (leaves naming the same concepts, equal subtrees): sharing must
// never let one phrase's words or concepts leak into another's.
import assert from 'node:assert/strict';
import { ConceptIndex } from '../../server/src/engine/concepts.js';

describe('concept trie sharing', () => {
  const index = new ConceptIndex([
    { id: 'x', label: 'x', variants: ['alpha', 'beta'] },
    { id: 'y', label: 'y', variants: ['alpha blocker', 'gamma blocker', 'delta blocker'] },
    { id: 'z', label: 'z', variants: ['beta'] },
    { id: 'w', label: 'w', variants: ['delta blocker agent'] },
  ]);
  const names = (t: string) => index.find(t).map((h) => `${h.concept}:${t.slice(h.start, h.end)}`);
  it('gives children only to the leaf that gains them', () => {
    assert.deepEqual(names('alpha blockers'), ['x:alpha', 'y:alpha blockers']);
    assert.deepEqual(names('beta blockers'), ['x:beta', 'z:beta']);
  });
  it('adds a concept only to the leaf that gains it, in order', () => {
    assert.deepEqual(names('alphas'), ['x:alphas']);
    assert.deepEqual(names('betas'), ['x:betas', 'z:betas']);
  });
  it('keeps equal-looking subtrees apart where they differ', () => {
    assert.deepEqual(names('gamma blocker agent'), ['y:gamma blocker']);
    assert.deepEqual(names('delta blocker agent'), ['y:delta blocker', 'w:delta blocker agent']);
  });
  it('pre-filters by shared owner lists', () => {
    assert.equal(index.mayName('some blockers', new Set(['y'])), true);
    assert.equal(index.mayName('beta', new Set(['y'])), false);
    assert.equal(index.mayName('beta', new Set(['z'])), true);
  });
});
