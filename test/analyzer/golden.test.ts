// Golden snapshot of analyzeSentence on hand-written sentences (and simple variants: upper case, curly
// quotes, extra spaces, hyphens): pins every field, the certainty bit for bit, so that speed work on the
// analyzer cannot change what it reports. When a change in behaviour is intended, regenerate with
// CLAIMLINT_UPDATE_GOLDEN=1 CLAIMLINT_SKIP_BUILD=1 npm test -- analyzer, and review the diff.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSentence, type SentenceAnalysis } from '../../server/src/engine/analyzer/index.js';
import { repoRoot } from '../helpers.js';

const file = join(repoRoot, 'test', 'analyzer', 'golden.json');
const golden = JSON.parse(readFileSync(file, 'utf8')) as Array<{ text: string; analysis: SentenceAnalysis }>;

describe('analyzer: golden snapshot', () => {
  if (process.env.CLAIMLINT_UPDATE_GOLDEN) {
    it('rewrites golden.json from the current analyzer', () => {
      const rows = golden.map(({ text }) => JSON.stringify({ text, analysis: analyzeSentence(text) }));
      writeFileSync(file, '[\n' + rows.join(',\n') + '\n]\n');
    });
    return;
  }

  it('has a few hundred entries', () => assert.ok(golden.length >= 200, `${golden.length} entries`));

  it('reproduces every analysis exactly', () => {
    const wrong: string[] = [];
    for (const { text, analysis } of golden) {
      const a = analyzeSentence(text);
      // Same fields in the same order, and the certainty as the same double.
      if (!Object.is(a.certainty, analysis.certainty) || JSON.stringify(a) !== JSON.stringify(analysis)) wrong.push(text);
      else assert.deepStrictEqual(a, analysis);
    }
    assert.deepEqual(wrong, [], `${wrong.length} of ${golden.length} sentences changed`);
  });

  it('returns a fresh object on every call', () => {
    const text = golden[1].text;
    const a = analyzeSentence(text);
    a.cues.push({ text: 'x', start: 0, end: 1, kind: 'hedge', group: 'x' });
    a.population.cues.length = 0;
    assert.deepStrictEqual(analyzeSentence(text), golden[1].analysis);
  });
});
