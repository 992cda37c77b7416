// A small claims database built in memory for rule tests, independent of the embedded database's
// wording so that rule behaviour is tested, not the curation.
import { Caution, Claim, Concept, Source, type Database } from '../../server/src/db/schema.js';

const sources: Source[] = [
  { id: 'trial2018', type: 'article-journal', title: 'A small crossover trial', kind: 'trial-report', DOI: '10.1000/trial.2018', author: [{ family: 'Smith', given: 'A' }, { family: 'Jones', given: 'B' }], issued: { 'date-parts': [[2018]] }, 'container-title': 'Journal of Tests' },
  { id: 'review2021', type: 'article-journal', title: 'A focused review', kind: 'peer-reviewed-review', author: [{ family: 'Irwin', given: 'M' }], issued: { 'date-parts': [[2021]] } },
  { id: 'rodent2012', type: 'article-newspaper', title: 'Rodent spines', kind: 'newsletter', issued: { 'date-parts': [[2012]] } },
];

const concepts: Concept[] = [
  { id: 'ketamine', label: 'ketamine', variants: ['ketamine', 'Ketalar'] },
  { id: 'esketamine', label: 'esketamine', variants: ['esketamine', 'Spravato'], broader: ['ketamine'] },
  { id: 'opioid', label: 'opioid system', variants: ['opioid system', 'opioid receptor', 'opiate receptor', 'mu-opioid receptor'] },
  { id: 'naltrexone', label: 'naltrexone', variants: ['naltrexone'] },
  { id: 'antidepressant', label: 'antidepressant effect', variants: ['antidepressant effect', 'antidepressant action', 'antidepressant response', 'relieve depression', 'relieves depression'] },
  { id: 'mediate', label: 'mediates', variants: ['through', 'via', 'mediate', 'depend on', 'require', 'works by'] },
  { id: 'block', label: 'blocks', variants: ['block', 'blunt', 'abolish', 'attenuate', 'weaken', 'prevent'] },
  { id: 'dissociation', label: 'dissociation', variants: ['dissociative effect', 'dissociation'] },
  { id: 'benzo', label: 'benzodiazepine', variants: ['benzodiazepine', 'lorazepam', 'diazepam', 'Xanax'], patterns: ['\\b\\w+(?:azepam|azolam)\\b'] },
  { id: 'spines', label: 'dendritic spines', variants: ['dendritic spine', 'mushroom-shaped spine', 'spine'] },
  { id: 'restore', label: 'restores', variants: ['restore', 'rebuild', 'regrow', 'increase'] },
  { id: 'safe', label: 'safe', variants: ['safe', 'harmless', 'risk-free'] },
  { id: 'long-term', label: 'long term', variants: ['long-term', 'long term', 'years of use'] },
  { id: 'fda', label: 'approval', variants: ['approve', 'approval', 'clear'] },
  { id: 'trd', label: 'treatment-resistant depression', variants: ['treatment-resistant depression'], caseSensitive: ['TRD'] },
  { id: 'comparator', label: 'comparator', variants: ['compared with', 'versus', 'active placebo'] },
];

const claims: Claim[] = [
  {
    id: 'opioid-mediation', statement: 'The antidepressant effect may depend on the opioid system.', concepts: ['opioid', 'antidepressant'], anyOf: ['mediate', 'block'],
    topical: ['ketamine'], relation: 'opioid mediation of the antidepressant effect', grade: 'preliminary', rationale: 'one crossover trial, 12 completers, stopped at interim analysis',
    population: 'humans', supportedWording: 'a small trial suggests', sources: [{ id: 'trial2018' }],
    contradictions: [
      { id: 'naltrexone-blocks-dissociation', statement: 'naltrexone blocked the dissociative effects', concepts: ['naltrexone', 'block', 'dissociation'], polarity: 'affirmed', explanation: 'dissociation did not differ between conditions' },
    ],
  },
  {
    id: 'naltrexone-trial', statement: 'In one crossover trial naltrexone pretreatment attenuated the antidepressant effect.', concepts: ['naltrexone', 'ketamine'], topical: ['ketamine'],
    relation: 'the naltrexone trial result', grade: 'preliminary', rationale: 'one crossover trial, 12 completers, stopped at interim analysis',
    population: 'humans', supportedWording: 'one small trial found', sources: [{ id: 'trial2018' }],
    figures: [
      { id: 'responders', quantity: 'responders on ketamine plus placebo', kind: 'ratio', value: 7, of: 12, cues: ['respon'], display: '7 of 12' },
      { id: 'dose', quantity: 'naltrexone dose', kind: 'dose', value: 50, unit: 'mg', cues: ['naltrexone'], display: '50 mg' },
    ],
  },
  {
    id: 'rodent-spines', statement: 'In stressed rodents ketamine restores mature spines.', concepts: ['ketamine', 'spines'], anyOf: ['restore'], topical: ['ketamine'],
    relation: 'restoration of dendritic spines', grade: 'preclinical-only', rationale: 'rodent chronic-stress model', population: 'animals',
    supportedWording: 'in rodents', sources: [{ id: 'rodent2012' }],
  },
  {
    id: 'long-term-safety', statement: 'Long-term effects are poorly understood.', concepts: ['ketamine', 'long-term'], topical: ['ketamine'],
    relation: 'long-term safety', grade: 'supported', rationale: 'short trials; case reports of harm', population: 'humans', supportedWording: 'is poorly understood', sources: [{ id: 'review2021' }],
    contradictions: [{ id: 'safe-long-term', statement: 'ketamine is safe for long-term use', concepts: ['ketamine', 'safe', 'long-term'], polarity: 'affirmed', explanation: 'long-term effects are poorly understood' }],
  },
  {
    id: 'esketamine-approval', statement: 'Esketamine was approved in 2019 for TRD.', concepts: ['esketamine', 'fda'], relation: 'esketamine approval', grade: 'established',
    rationale: 'regulatory record', population: 'humans', supportedWording: 'was approved', sources: [{ id: 'review2021' }],
    figures: [{ id: 'year', quantity: 'year of approval', kind: 'year', value: 2019, cues: ['approv'], display: '2019' }],
  },
];

const cautions: Caution[] = [
  {
    id: 'benzo-attenuation', label: 'benzodiazepine interaction', text: 'Benzodiazepines taken with ketamine may weaken its antidepressant effect; the evidence is limited', scope: 'document',
    requiredWhen: [{ concepts: ['benzo', 'ketamine'], topical: ['ketamine'], unless: ['comparator'] }], satisfiedBy: { concepts: ['benzo'], anyOf: ['block'] }, sources: [{ id: 'review2021' }],
  },
];

/** Records a rule's test adds for branches the shared database does not reach. */
export interface Extra { sources?: Source[]; concepts?: Concept[]; claims?: Claim[]; cautions?: Caution[] }

export function testDatabase(extra: Extra = {}): Database {
  const map = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  // Parse through the schema so defaults apply exactly as for loaded packs.
  return {
    sources: map([...sources, ...extra.sources ?? []].map((s) => Source.parse(s))),
    concepts: map([...concepts, ...extra.concepts ?? []].map((c) => Concept.parse(c))),
    claims: map([...claims, ...extra.claims ?? []].map((c) => Claim.parse(c))),
    cautions: map([...cautions, ...extra.cautions ?? []].map((c) => Caution.parse(c))),
    origins: new Map(),
  };
}
