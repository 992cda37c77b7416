import assert from 'node:assert/strict';
import { analyzeSentence } from '../../server/src/engine/analyzer/index.js';

/** [sentence, expected strength]: 0 none, 1 correlational, 2 conditional causal, 3 direct causal. */
const CASES: Array<[string, 0 | 1 | 2 | 3]> = [
  // direct causal
  ['Ketamine reduces suicidal ideation within a day.', 3],
  ['The infusion improved sleep quality in older adults.', 3],
  ['Chronic stress leads to loss of synapses in the prefrontal cortex.', 3],
  ['Naltrexone blocked the antidepressant effect.', 3],
  ['Weekly sessions resulted in fewer hospital admissions.', 3],
  ['The vaccine protects against severe illness.', 3],
  ['Smoking causes lung cancer.', 3],
  ['Esketamine is an effective treatment for resistant depression.', 3],
  ['Relapse was prevented by maintenance doses.', 3],
  ['Lithium did not reduce the rate of relapse.', 3],
  ['The drop in mood was due to withdrawal.', 3],
  ['Regular exercise, reducing blood pressure, lowers the risk of stroke.', 3],
  // conditional causal
  ['Ketamine may reduce suicidal ideation.', 2],
  ['Poor sleep might worsen anxiety in teenagers.', 2],
  ['The supplement could help patients recover faster.', 2],
  ['Pretreatment appeared to blunt the antidepressant response.', 2],
  ['Green tea possibly lowers cholesterol.', 2],
  ['The new inhaler may be useful for patients with severe asthma.', 2],
  ['Loneliness may play a role in cognitive decline.', 2],
  // correlational
  ['Higher coffee intake was associated with a lower risk of liver disease.', 1],
  ['Depression is linked to inflammation.', 1],
  ['Smokers were more likely to develop gum disease.', 1],
  ['Serum ferritin predicts mortality in dialysis patients.', 1],
  ['Obesity is a risk factor for knee osteoarthritis.', 1],
  ['Pain scores were higher in the placebo group than in the treatment group.', 1],
  ['There was a strong correlation between screen time and poor sleep.', 1],
  ['Blood pressure increased with age.', 1],
  // none
  ['The trial enrolled 120 adults with treatment-resistant depression.', 0],
  ['Further research is needed to determine whether ketamine reduces relapse.', 0],
  ['It is unclear whether the drug reduces relapse.', 0],
  ['The aim of this study was to assess the effect of music on pain.', 0],
  ['Patients should be monitored for two hours after each dose.', 0],
  ['Anxiety is common among medical students.', 0],
  ['Esketamine is given as a nasal spray.', 0],
  ['The mean age of the participants was 42 years.', 0],
];

describe('analyzer: claim strength', () => {
  for (const [sentence, expected] of CASES) {
    it(`${expected} ← ${sentence}`, () => {
      assert.equal(analyzeSentence(sentence).strength, expected);
    });
  }

  it('reports the relation cue it based the decision on', () => {
    const a = analyzeSentence('Higher coffee intake was associated with a lower risk of liver disease.');
    assert.ok(a.cues.some((c) => c.kind === 'correlational' && c.text === 'associated'));
    const b = analyzeSentence('Ketamine may reduce suicidal ideation.');
    assert.ok(b.cues.some((c) => c.kind === 'causal' && c.text === 'reduce' && c.group.endsWith('-hedged')));
  });

  it('does not read adjectives, nouns or compounds as causal verbs', () => {
    for (const s of [
      'Patients with reduced kidney function were excluded.',
      'An increase in dose was not needed.',
      'Hyperglycemia-induced damage was measured in all samples.',
      'The double-blind phase lasted six weeks.',
    ]) {
      assert.notEqual(analyzeSentence(s).strength, 3, s);
    }
  });
});
