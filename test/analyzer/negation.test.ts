import assert from 'node:assert/strict';
import { analyzeSentence } from '../../server/src/engine/analyzer/index.js';

/** The text spans under negation. */
const scopes = (s: string) => analyzeSentence(s).negationScopes.map((sc) => s.slice(sc.start, sc.end));
const inScope = (s: string, phrase: string) => {
  const at = s.indexOf(phrase);
  assert.ok(at >= 0, `${phrase} not in sentence`);
  return analyzeSentence(s).negationScopes.some((sc) => sc.start <= at && at + phrase.length <= sc.end);
};

/** [sentence, inside a negation scope, outside every scope] */
const SCOPE_CASES: Array<[string, string[], string[]]> = [
  ['Naltrexone blocked the antidepressant but not the dissociative effects.', ['dissociative effects'], ['antidepressant', 'Naltrexone']],
  ['The drug did not improve sleep, however it reduced anxiety.', ['improve sleep'], ['reduced anxiety']],
  ['No patients developed psychosis; two reported headaches.', ['patients developed psychosis'], ['reported headaches']],
  ['Mood improved without any change in appetite.', ['any change in appetite'], ['Mood improved']],
  ['Ketamine never caused dependence in the trial, although doses were low.', ['caused dependence in the trial'], ['doses were low']],
  ['Symptoms lifted quickly, but the effect was not sustained after a week.', ['sustained after a week'], ['Symptoms lifted quickly']],
  ['Infection was ruled out before the infusion.', ['Infection'], ['before the infusion']],
  ['The benefit wasn\'t explained by placebo — it persisted for months.', ['explained by placebo'], ['persisted for months']],
];

/** [sentence, main assertion negated] */
const NEGATED: Array<[string, boolean]> = [
  ['Ketamine does not cause addiction at these doses.', true],
  ['There is no evidence that the drug harms the liver.', true],
  ['No patient relapsed during follow-up.', true],
  ['Esketamine failed to reduce relapse.', true],
  ['The treatment had no effect on weight.', true],
  ['Naltrexone blocked the antidepressant but not the dissociative effects.', false],
  ['Patients without prior treatment improved the most.', false],
  ['Patients who did not respond to SSRIs improved after two infusions.', false],
  ['It is not known whether the effect lasts.', false],
  ['The drug not only lifted mood but also improved sleep.', false],
  ['Mood improved with no serious side effects.', false],
  ['The infusion is not just a placebo but a real treatment.', false],
];

describe('analyzer: negation', () => {
  for (const [sentence, inside, outside] of SCOPE_CASES) {
    it(`scopes ${JSON.stringify(sentence)}`, () => {
      for (const p of inside) assert.ok(inScope(sentence, p), `${p} should be negated; scopes: ${JSON.stringify(scopes(sentence))}`);
      for (const p of outside) assert.ok(!inScope(sentence, p), `${p} should not be negated; scopes: ${JSON.stringify(scopes(sentence))}`);
    });
  }

  for (const [sentence, negated] of NEGATED) {
    it(`${negated ? 'negated' : 'not negated'}: ${sentence}`, () => {
      assert.equal(analyzeSentence(sentence).negated, negated);
    });
  }

  it('reports every negation trigger as a cue', () => {
    const s = 'Neither dose caused nausea, and none of the patients lacked a response.';
    const cues = analyzeSentence(s).cues.filter((c) => c.kind === 'negation').map((c) => c.text);
    assert.deepEqual(cues, ['Neither', 'none', 'lacked']);
  });

  it('treats "not proven" and "not all" as weakening, not as boosters or generalisers', () => {
    const a = analyzeSentence('It has not been proven that ketamine works.');
    assert.equal(a.boosted, false);
    assert.equal(a.hedged, true);
    const b = analyzeSentence('Not all patients respond to the infusion.');
    assert.equal(b.generalised, false);
  });
});
