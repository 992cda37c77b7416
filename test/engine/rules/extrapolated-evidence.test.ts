// extrapolated-evidence (server/src/engine/rules/extrapolated-evidence.ts): evidence from animals,
// cells, post-mortem tissue or a small subgroup presented as established in patients. Branches: the
// sentence names patients (the finding sits on that word; no fix: adding the evidence's population
// would make a new false statement); the sentence names no population (the whole sentence; the fix
// leads with where the evidence comes from, one lead per population); post-mortem evidence only when
// the sentence speaks of patients; and what is not flagged (the population said, a question, a
// negation, a hedge, a past-tense report of the study, a heading).
import { note, ruleTester } from './tester.js';
import type { Extra } from '../testdb.js';

/** Claims whose evidence comes from cells, post-mortem tissue and a subgroup (the shared test
 *  database's narrow claim is from animals). */
const extra: Extra = {
  concepts: [
    { id: 'glutamate', label: 'glutamate surge', variants: ['glutamate surge', 'glutamate release'] },
    { id: 'receptor-loss', label: 'receptor loss', variants: ['receptor loss', 'fewer receptors'] },
    { id: 'suicidal', label: 'suicidal thoughts', variants: ['suicidal thoughts', 'suicidal thinking'] },
    { id: 'reduce', label: 'reduces', variants: ['reduce', 'relieve', 'lessen'] },
    { id: 'depression', label: 'depression', variants: ['depression', 'depressed'] },
    { id: 'trigger', label: 'triggers', variants: ['trigger', 'cause', 'produce'] },
  ],
  claims: [
    {
      id: 'cell-glutamate', statement: 'In cultured neurons ketamine triggers a glutamate surge.', concepts: ['ketamine', 'glutamate'], anyOf: ['trigger'], topical: ['ketamine'],
      relation: 'a glutamate surge', grade: 'preclinical-only', rationale: 'cell cultures', population: 'cells', supportedWording: 'in cultured cells', sources: [{ id: 'rodent2012' }],
    },
    {
      id: 'postmortem-receptors', statement: 'Brains of depressed people show receptor loss post mortem.', concepts: ['receptor-loss', 'depression'],
      relation: 'receptor loss in depression', grade: 'preliminary', rationale: 'post-mortem tissue', population: 'post-mortem', supportedWording: 'in post-mortem tissue', sources: [{ id: 'review2021' }],
    },
    {
      id: 'subgroup-suicidal', statement: 'In a small subgroup ketamine reduced suicidal thoughts.', concepts: ['ketamine', 'suicidal'], anyOf: ['reduce'], topical: ['ketamine'],
      relation: 'fewer suicidal thoughts', grade: 'preliminary', rationale: 'post-hoc subgroup of 14', population: 'subgroup', supportedWording: 'in a small subgroup', sources: [{ id: 'trial2018' }],
    },
  ],
};

ruleTester('extrapolated-evidence', {
  valid: [
    // a study's aim
    note('The purpose of the study is to test whether ketamine rebuilds the dendritic spines of depressed patients.'),
    // the population said
    note('In stressed rats, ketamine restored mature dendritic spines within hours.'),
    note('In mice, ketamine may rebuild dendritic spines.'),
    note('In cultured neurons, ketamine triggers a glutamate surge.'),
    note('In a small subgroup, ketamine reduced suicidal thoughts.'),
    // hedged
    note('Ketamine might rebuild dendritic spines in people, but this has only been seen in animals.'),
    note('Does ketamine rebuild dendritic spines in patients?'),
    note('Ketamine does not rebuild dendritic spines in patients.'),
    // a past-tense report of the study
    note('In the study, ketamine restored dendritic spines.'),
    // no population and no present-tense generalisation
    note('Ketamine restored dendritic spines.'),
    // post-mortem evidence, said of no living patients
    note('Depression causes receptor loss.'),
    // a heading
    '# Ketamine rebuilds dendritic spines\n\nText.\n',
    // a production note in a video script
    note('[B-ROLL: ketamine rebuilds dendritic spines in patients]'),
    // a proposition named for discussion, not asserted
    note('The chapter then jumps to the claim that ketamine rebuilds dendritic spines in patients.'),
  ],
  invalid: [
    {
      name: 'animal evidence said of patients: the population word, no fix',
      text: note('Ketamine rebuilds the mushroom-shaped dendritic spines of depressed patients within hours.'),
      errors: [
        {
          line: 3, column: 69, text: 'patients',
          message: 'Extends evidence from animal studies to patients: restoration of dendritic spines',
          output: null,
        },
      ],
    },
    {
      name: 'a booster overrides a hedge',
      text: note('Ketamine definitely may rebuild dendritic spines in patients.'),
      errors: [
        {
          line: 3, column: 53, text: 'patients',
          message: 'Extends evidence from animal studies to patients: restoration of dendritic spines',
          output: null,
        },
      ],
    },
    {
      name: 'animal evidence with no population: the fix says animal studies',
      text: note('Ketamine restores dendritic spines within hours.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine restores dendritic spines within hours.',
          message: 'Extends evidence from animal studies to people in general: restoration of dendritic spines',
          output: note('In animal studies, ketamine restores dendritic spines within hours.'), safe: false,
        },
      ],
    },
    {
      name: 'the subject carried from the sentence before',
      text: '# Notes\n\nKetamine is an anaesthetic. It rebuilds dendritic spines within hours.\n',
      errors: [
        {
          line: 3, column: 29, text: 'It rebuilds dendritic spines within hours.',
          message: 'Extends evidence from animal studies to people in general: restoration of dendritic spines',
          output: '# Notes\n\nKetamine is an anaesthetic. In animal studies, it rebuilds dendritic spines within hours.\n', safe: false,
        },
      ],
    },
    {
      name: 'cell evidence with no population: the fix says laboratory studies',
      text: note('Ketamine triggers a glutamate surge.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine triggers a glutamate surge.',
          message: 'Extends evidence from cell studies to people in general: a glutamate surge',
          output: note('In laboratory studies, ketamine triggers a glutamate surge.'), safe: false,
        },
      ],
    },
    {
      name: 'cell evidence said of patients',
      text: note('Ketamine triggers a glutamate surge in patients.'),
      errors: [
        {
          line: 3, column: 40, text: 'patients',
          message: 'Extends evidence from cell studies to patients: a glutamate surge',
          output: null,
        },
      ],
    },
    {
      name: 'post-mortem evidence said of patients',
      text: note('Depressed patients have receptor loss.'),
      errors: [
        {
          line: 3, column: 11, text: 'patients',
          message: 'Extends evidence from post-mortem tissue to patients: receptor loss in depression',
          output: null,
        },
      ],
    },
    {
      name: 'subgroup evidence with no population: the fix says a small subgroup',
      text: note('Ketamine reduces suicidal thoughts.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine reduces suicidal thoughts.',
          message: 'Extends evidence from a small subgroup to people in general: fewer suicidal thoughts',
          output: note('In a small subgroup, ketamine reduces suicidal thoughts.'), safe: false,
        },
      ],
    },
    {
      name: 'subgroup evidence said of patients',
      text: note('Ketamine reduces suicidal thoughts in patients.'),
      errors: [
        {
          line: 3, column: 39, text: 'patients',
          message: 'Extends evidence from a small subgroup to patients: fewer suicidal thoughts',
          output: null,
        },
      ],
    },
  ],
}, { extra });

// With the shipped database and its recogniser: a claim without a relation list, stated in a verb the
// analyzer does not know as causal ("regrows"), with a past-tense relative clause that is not a report.
ruleTester('extrapolated-evidence', {
  valid: [
    note('In rats, ketamine regrows connections in the brain that stress damaged.'),
  ],
  invalid: [
    {
      name: 'animal evidence stated of everyone, in a verb only the recogniser reads as the claim',
      text: note('Ketamine regrows connections in the brain that depression damaged.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine regrows connections in the brain that depression damaged.',
          message: 'Extends evidence from animal studies to people in general: ketamine rapidly restores spines via mTOR',
          output: note('In animal studies, ketamine regrows connections in the brain that depression damaged.'), safe: false,
        },
      ],
    },
  ],
}, { database: 'embedded' });
