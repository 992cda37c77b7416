// The recogniser's feature-name index (recognition/name-index.ts) answers as a Map from each name
// to its row would: random name lists with repeats, empty names and characters beyond Latin-1,
// and the committed models' own names.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { NameIndex } from '../../server/src/engine/recognition/name-index.js';

function asMap(names: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  names.forEach((n, i) => m.set(n, i));
  return m;
}

function sameAsMap(names: readonly string[], probes: readonly string[]): void {
  const index = new NameIndex(names.join('\n')), map = asMap(names);
  assert.equal(index.rows, names.length);
  for (const n of [...names, ...probes]) assert.equal(index.get(n), map.get(n), JSON.stringify(n));
  assert.deepEqual([...index.names()], [...map.keys()]);
  names.forEach((n, row) => assert.equal(index.nameOf(row), n));
}

describe('NameIndex', () => {
  const name = fc.string({ unit: fc.constantFrom('a', 'b', 'k', ':', '_', '#', '|', 'é', '’', '\u{1F600}'), maxLength: 6 });
  it('gives the row a Map from each name to its row would give (the last row of a repeated name), names in first-row order', () => {
    fc.assert(fc.property(fc.array(name, { minLength: 1, maxLength: 60 }), fc.array(name, { maxLength: 20 }), (names, probes) => sameAsMap(names, probes)), { numRuns: 500 });
  });
  it('reads an empty string as one empty name, as split would', () => {
    sameAsMap([''], ['a', '\n']);
  });
  it('holds the committed models\' names', () => {
    const r = loadEmbeddedDatabase().recognizer!;
    for (const m of [r.topic, r.orientation, r.modality, r.match]) {
      const names = m.features.split('\n');
      sameAsMap(names, names.map((n) => n + 'x'));
    }
  });
});
