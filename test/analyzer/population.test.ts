import assert from 'node:assert/strict';
import { analyzeSentence, type PopulationKind } from '../../server/src/engine/analyzer/index.js';

const CASES: Array<[string, PopulationKind]> = [
  ['In rats, ketamine reversed the effects of chronic stress.', 'animals'],
  ['The drug restored synapses in mice exposed to stress.', 'animals'],
  ['Rodent studies show rapid synapse growth.', 'animals'],
  ['The effect was seen in an animal model of depression.', 'animals'],
  ['Monkeys given the drug showed less anxiety.', 'animals'],
  ['In vitro, the metabolite bound to opioid receptors.', 'cells'],
  ['Neurons in a dish grew new connections after exposure.', 'cells'],
  ['The compound increased spine density in cell culture.', 'cells'],
  ['Post-mortem brains of patients showed fewer receptors.', 'post-mortem'],
  ['An autopsy study found lower receptor density.', 'post-mortem'],
  ['In a subgroup of 12 patients, the effect was larger.', 'subgroup'],
  ['Four patients improved after a single infusion.', 'subgroup'],
  ['A small subset of participants reported euphoria.', 'subgroup'],
  ['Patients with depression improved within a day.', 'humans'],
  ['Most people tolerate the spray well.', 'humans'],
  ['In 240 adults, the drug reduced relapse.', 'humans'],
  ['You may feel dizzy after the dose.', 'humans'],
  ['Participants rated their mood every hour.', 'humans'],
  ['The mechanism involves glutamate signalling.', 'unspecified'],
  ['One in four patients relapsed within a month.', 'humans'],
];

describe('analyzer: population', () => {
  for (const [sentence, kind] of CASES) {
    it(`${kind} ← ${sentence}`, () => {
      const p = analyzeSentence(sentence).population;
      assert.equal(p.kind, kind, `cues: ${p.cues.map((c) => `${c.group}:${c.text}`).join(', ')}`);
    });
  }

  it('prefers the narrower source when a sentence mentions animals and patients', () => {
    const p = analyzeSentence('Ketamine reversed depression in mice, so it should help patients too.').population;
    assert.equal(p.kind, 'animals');
    assert.deepEqual(p.cues.map((c) => c.group), ['animals', 'humans']);
  });

  it('reports population cues as kind "population" with exact spans', () => {
    const s = 'Post-mortem brains and cultured neurons were studied.';
    const p = analyzeSentence(s).population;
    for (const c of p.cues) {
      assert.equal(c.kind, 'population');
      assert.equal(s.slice(c.start, c.end), c.text);
    }
    assert.deepEqual(p.cues.map((c) => c.text), ['Post-mortem', 'cultured']);
  });
});
