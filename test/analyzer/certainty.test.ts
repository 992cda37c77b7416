import assert from 'node:assert/strict';
import { analyzeSentence } from '../../server/src/engine/analyzer/index.js';

const certainty = (s: string) => analyzeSentence(s).certainty;

/** Each row lists sentences from most to least certain. */
const ORDERINGS: Array<[string, string[]]> = [
  ['proves > causes > may cause > unclear whether', [
    'Ketamine proves that the opioid system drives the antidepressant response.',
    'The opioid system drives the antidepressant response.',
    'The opioid system may drive the antidepressant response.',
    'It is unclear whether the opioid system drives the antidepressant response.',
  ]],
  ['X proves Y > X causes Y > X may cause Y > unclear whether X causes Y', [
    'Ketamine proves that sleep loss worsens mood.',
    'Sleep loss worsens mood.',
    'Sleep loss may worsen mood.',
    'It is unclear whether sleep loss worsens mood.',
  ]],
  ['established > plain > might > not known whether', [
    'It is well established that regular walking lowers blood pressure.',
    'Regular walking lowers blood pressure.',
    'Regular walking might lower blood pressure.',
    'It is not known whether regular walking lowers blood pressure.',
  ]],
  ['definitively shown > shown > suggests', [
    'Trials have definitively shown that the infusion lifts mood within hours.',
    'The infusion lifts mood within hours.',
    'A pilot study suggests that the infusion may lift mood within hours.',
  ]],
  ['plain > appeared to > remains unclear', [
    'Pretreatment blunted the response to the infusion.',
    'Pretreatment appeared to blunt the response to the infusion.',
    'Whether pretreatment blunts the response remains unclear, and it is unknown how long any effect would last.',
  ]],
  ['flat negation > partial negation', [
    'Regular exercise does not explain the difference in sleep quality.',
    'Regular exercise does not fully explain the difference in sleep quality.',
  ]],
  ['could > may', [
    'The vaccine could reduce hospital admissions in older adults.',
    'The vaccine may reduce hospital admissions in older adults.',
  ]],
];

describe('analyzer: certainty', () => {
  for (const [name, sentences] of ORDERINGS) {
    it(`orders ${name}`, () => {
      const scores = sentences.map(certainty);
      for (let i = 1; i < scores.length; i++) {
        assert.ok(scores[i - 1] > scores[i], `${JSON.stringify(sentences[i - 1])} (${scores[i - 1]}) should be more certain than ${JSON.stringify(sentences[i])} (${scores[i]})`);
      }
    });
  }

  it('stays on the 1..6 scale for extreme sentences', () => {
    for (const s of [
      'It is without question, beyond any doubt, definitively and conclusively proven and settled that it always works in every patient.',
      'It may perhaps possibly be that it could, if replicated, potentially help, although it remains unclear whether, and further research is needed.',
      '',
      '???',
    ]) {
      const c = certainty(s);
      assert.ok(c >= 1 && c <= 6, `${c} for ${JSON.stringify(s)}`);
    }
  });

  it('is deterministic', () => {
    const s = 'In a small open-label trial, the drug may have reduced relapse in some patients.';
    assert.equal(certainty(s), certainty(s));
  });

  it('reads a preliminary, hedged finding as clearly less certain than a plain statement', () => {
    const plain = certainty('Esketamine reduces suicidal thoughts.');
    const hedged = certainty('Preliminary data suggest that esketamine might reduce suicidal thoughts, but larger trials are needed.');
    assert.ok(plain - hedged >= 1, `${plain} vs ${hedged}`);
  });
});
