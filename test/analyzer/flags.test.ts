import assert from 'node:assert/strict';
import { analyzeSentence, type SentenceAnalysis } from '../../server/src/engine/analyzer/index.js';

type Flag = 'attributed' | 'hypothetical' | 'question' | 'hedged' | 'boosted' | 'generalised';

/** [sentence, flags that must be true, flags that must be false] */
const CASES: Array<[string, Flag[], Flag[]]> = [
  // attribution
  ['According to the manufacturer, the spray works within hours.', ['attributed'], ['hypothetical', 'question']],
  ['The authors concluded that the effect was opioid-dependent.', ['attributed'], []],
  ['Researchers found that the infusion lifted mood in a day.', ['attributed'], []],
  ['"The spray changed my life," one patient said.', ['attributed'], []],
  ['The clinic’s director says the treatment is safe.', ['attributed'], []],
  ['It has been claimed that ketamine rewires the brain.', ['attributed'], []],
  ['Ketamine lifted mood within a day.', [], ['attributed', 'hypothetical', 'question', 'hedged', 'boosted', 'generalised']],
  ['We found that the infusion lifted mood in a day.', [], ['attributed']],
  // questions
  ['Does ketamine work for everyone?', ['question'], []],
  ['Is the effect really caused by opioid receptors?', ['question'], []],
  ['Whether the effect lasts is a question for future trials.', ['hypothetical'], ['question']],
  // conditionals and hypotheticals
  ['If the result is replicated, the drug could become a first-line option.', ['hypothetical', 'hedged'], []],
  ['Unless patients are monitored, the infusion would be unsafe.', ['hypothetical'], []],
  ['It is not known whether the benefit lasts beyond two weeks.', ['hedged', 'hypothetical'], ['boosted']],
  ['The team plans to test whether lower doses work as well.', ['hypothetical'], []],
  ['This would explain the rapid response.', ['hypothetical'], []],
  // hedges
  ['Pretreatment appeared to blunt the response.', ['hedged'], ['boosted']],
  ['Opioid receptors are thought to mediate part of the effect.', ['hedged'], []],
  ['The role of the opioid system remains unclear.', ['hedged'], []],
  ['This finding needs replication in a larger sample.', ['hedged'], []],
  ['A small trial suggests a benefit.', ['hedged'], []],
  ['These results are preliminary.', ['hedged'], []],
  ['The infusion may help.', ['hedged'], []],
  // boosters
  ['Researchers have definitively shown that ketamine acts on opioid receptors.', ['boosted', 'attributed'], ['hedged']],
  ['Opioid signalling is without question the sole reason ketamine works.', ['boosted'], ['hedged']],
  ['The mechanism is settled science.', ['boosted'], []],
  ['It is well established that exercise lifts mood.', ['boosted'], []],
  ['The data clearly show a benefit.', ['boosted'], []],
  ['Ketamine is known to act within hours.', ['boosted'], []],
  ['There is no doubt that the drug works.', ['boosted'], []],
  ['The trial conclusively demonstrated a benefit.', ['boosted'], []],
  ['It is undeniably effective.', ['boosted'], []],
  ['This has established the drug as a standard treatment.', ['boosted'], []],
  // generalisers
  ['The treatment works in every patient.', ['generalised'], []],
  ['All patients responded within a day.', ['generalised'], []],
  ['Ketamine always lifts mood.', ['generalised'], []],
  ['The spray works in everyone.', ['generalised'], []],
  ['This therapy never fails.', ['generalised'], []],
  ['Relief is guaranteed.', ['generalised'], []],
  ['Most patients responded within a day.', [], ['generalised']],
];

describe('analyzer: attribution, questions, conditionals, hedges, boosters, generalisers', () => {
  for (const [sentence, on, off] of CASES) {
    it(`${sentence}  [${on.join(' ') || '-'} | not ${off.join(' ') || '-'}]`, () => {
      const a: SentenceAnalysis = analyzeSentence(sentence);
      for (const f of on) assert.equal(a[f], true, `${f} should be true; cues: ${a.cues.map((c) => `${c.kind}:${c.text}`).join(', ')}`);
      for (const f of off) assert.equal(a[f], false, `${f} should be false; cues: ${a.cues.map((c) => `${c.kind}:${c.text}`).join(', ')}`);
    });
  }

  it('ignores a hedge that only sits in a concessive clause', () => {
    const a = analyzeSentence('Although the mechanism may differ, ketamine lifts mood within hours.');
    assert.equal(a.hedged, false);
    assert.ok(a.cues.some((c) => c.kind === 'modal' && c.text === 'may'));
  });
});
