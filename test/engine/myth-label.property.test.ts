// A sentence labelled as a myth is named in order to be corrected: whatever claim it makes, and however
// the label is spelt, no sentence rule reports on it. (missing-caveat is the document's: a caution the
// document lacks still belongs next to what the card mentions.) Property-based over the labelled problem
// sentences of the blind rounds (each one a finding when stated plainly) and generated label spellings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze } from '../../server/src/engine/index.js';
import { fixtures } from '../helpers.js';

const db = loadEmbeddedDatabase();
/** Problem sentences the writers labelled (single sentences, no markup inside). */
const labelled = ['eval-round11', 'eval-round12', 'eval-round13', 'eval-round14', 'eval-round15', 'eval-round16', 'eval-round17', 'eval-round18', 'eval-round19', 'eval-round20', 'eval-round21']
  .flatMap((d) => readdirSync(fixtures(d)).filter((f) => /^\d.*\.md$/.test(f)).map((f) => readFileSync(fixtures(d, f), 'utf8')))
  .flatMap((text) => [...text.matchAll(/\{\{[a-z-]+\|([^{}*_`\n]{20,200}?[.!])\}\}/g)].map((m) => m[1]!));

const label = fc.tuple(
  fc.constantFrom('', 'Common ', 'A popular ', 'The biggest ', 'Another '),
  fc.constantFrom('Myth', 'MYTH', 'myth', 'Misconception', 'Rumour', 'FALSE', 'Untrue'),
  fc.constantFrom('', ' #2', ' 3', ' #12'),
  fc.constantFrom(':', ':**', ': '),
  fc.boolean(),
).map(([lead, word, n, colon, bold]) => {
  const name = `${lead}${lead ? word.toLowerCase() : word}${n}`;
  return bold ? `**${name}${colon.startsWith(':**') ? ':**' : ':**'} ` : `${name}: `;
});

describe('a sentence labelled as a myth is not checked', () => {
  it('has labelled sentences to work on', () => assert.ok(labelled.length > 50, `${labelled.length}`));
  it('no sentence finding on any labelled problem sentence under any myth label', () => {
    fc.assert(fc.property(fc.constantFrom(...labelled), label, (sentence, lead) => {
      const text = `# Ketamine: myths and facts\n\n${lead}${sentence}\n`;
      const onIt = analyze(text, db).findings.filter((f) => f.end > text.indexOf(sentence) && f.code !== 'missing-caveat');
      assert.deepEqual(onIt.map((f) => f.code), [], text);
    }), { numRuns: 150, seed: 14 });
  });
  it('the same sentences under "Fact:" are still checked (the label is what turns them off)', () => {
    const found = labelled.filter((s) => analyze(`# Ketamine: myths and facts\n\n**Fact:** ${s}\n`, db).findings.some((f) => f.code !== 'uncited-claim'));
    assert.ok(found.length > labelled.length / 3, `${found.length} of ${labelled.length}`);
  });
});
