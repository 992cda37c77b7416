// uncited-claim (server/src/engine/rules/uncited-claim.ts): a sentence asserting a database claim has
// no citation in it or its paragraph. The finding covers the sentence; the fix cites the claim's
// source in the configured style (pandoc, footnote with its definition, link), safe only when the
// sentence names the claim itself and quotes no number the evidence does not record. Reported once
// per claim per paragraph. Not flagged: any citation form in the paragraph (key, footnote,
// author-year, link, numbered reference), established claims, questions, quotations, labels, short
// fragments, and sentences an exclusive rule already reported.
import { note, ruleTester } from './tester.js';

ruleTester('uncited-claim', {
  valid: [
    note('A small trial suggests the antidepressant effect may depend on the opioid system. [@trial2018]'),
    '# Ketamine notes\n\nA small trial suggests the antidepressant effect may depend on the opioid system.[^1]\n\n[^1]: Smith 2018.\n',
    note('A small trial suggests the antidepressant effect may depend on the opioid system. (Smith et al., 2018)'),
    note('A small trial suggests the antidepressant effect may depend on the opioid system. See [the trial](https://doi.org/10.1000/trial.2018).'),
    note('A small trial suggests the antidepressant effect may depend on the opioid system. [12]'),
    note('Does the antidepressant effect of ketamine depend on the opioid system?'),
    note('"A small trial suggests the antidepressant effect may depend on the opioid system," the authors wrote.'),
    // a study's aim
    note('The objective of this study is to assess whether the antidepressant effect depends on the opioid system.'),
    // a label
    note('Mechanism: the antidepressant effect may depend on the opioid system.'),
    // established background
    note('Esketamine was approved for treatment-resistant depression in 2019.'),
    note('Opioid system matters.'),
    // a passage about another researcher's study reports that study's results (real-world set 9)
    note('Maria Lopez and colleagues ran a new trial. A small trial suggests the antidepressant effect may depend on the opioid system.'),
    // already reported as overstated-certainty
    note('Ketamine works by the opioid system to produce its antidepressant effect.'),
  ],
  invalid: [
    {
      name: 'pandoc style (default): the key before the full stop',
      text: note('A small trial suggests the antidepressant effect may depend on the opioid system.'),
      errors: [
        {
          line: 3, column: 1, text: 'A small trial suggests the antidepressant effect may depend on the opioid system.',
          message: 'Uncited: opioid mediation of the antidepressant effect; cite Smith and Jones 2018.',
          output: note('A small trial suggests the antidepressant effect may depend on the opioid system [@trial2018].'), safe: true,
        },
      ],
    },
    {
      name: 'footnote style: the reference and its definition',
      text: note('A small trial suggests the antidepressant effect may depend on the opioid system.'),
      config: {citationStyle: 'footnote'},
      errors: [
        {
          line: 3, column: 1, text: 'A small trial suggests the antidepressant effect may depend on the opioid system.',
          message: 'Uncited: opioid mediation of the antidepressant effect; cite Smith and Jones 2018.',
          output: '# Ketamine notes\n\nA small trial suggests the antidepressant effect may depend on the opioid system[^trial2018].\n\n[^trial2018]: Smith A, Jones B. A small crossover trial. Journal of Tests. 2018. doi:10.1000/trial.2018\n', safe: true,
        },
      ],
    },
    {
      name: 'link style: an author-year link to the DOI',
      text: note('A small trial suggests the antidepressant effect may depend on the opioid system.'),
      config: {citationStyle: 'link'},
      errors: [
        {
          line: 3, column: 1, text: 'A small trial suggests the antidepressant effect may depend on the opioid system.',
          message: 'Uncited: opioid mediation of the antidepressant effect; cite Smith and Jones 2018.',
          output: note('A small trial suggests the antidepressant effect may depend on the opioid system ([Smith and Jones 2018](https://doi.org/10.1000/trial.2018)).'), safe: true,
        },
      ],
    },
    {
      name: 'a claim with a figure',
      text: note('In the naltrexone trial, 7 of 12 participants responded to ketamine given with placebo.'),
      errors: [
        {
          line: 3, column: 1, text: 'In the naltrexone trial, 7 of 12 participants responded to ketamine given with placebo.',
          message: 'Uncited: the naltrexone trial result; cite Smith and Jones 2018.',
          output: note('In the naltrexone trial, 7 of 12 participants responded to ketamine given with placebo [@trial2018].'), safe: true,
        },
      ],
    },
    {
      name: 'hedged animal evidence still needs its source',
      text: note('In mice, ketamine may rebuild dendritic spines.'),
      errors: [
        {
          line: 3, column: 1, text: 'In mice, ketamine may rebuild dendritic spines.',
          message: 'Uncited: restoration of dendritic spines; cite Rodent spines 2012.',
          output: note('In mice, ketamine may rebuild dendritic spines [@rodent2012].'), safe: true,
        },
      ],
    },
    {
      name: 'a number the evidence does not record: the citation is offered, not applied by --fix',
      text: note('A small trial of 30 people suggests the antidepressant effect may depend on the opioid system.'),
      errors: [
        {
          line: 3, column: 1, text: 'A small trial of 30 people suggests the antidepressant effect may depend on the opioid system.',
          message: 'Uncited: opioid mediation of the antidepressant effect; cite Smith and Jones 2018.',
          output: note('A small trial of 30 people suggests the antidepressant effect may depend on the opioid system [@trial2018].'), safe: false,
        },
      ],
    },
    {
      name: 'the subject lent by the sentence before: the citation is not safe',
      text: note('Ketamine is studied widely. In mice, it may rebuild dendritic spines.'),
      errors: [
        {
          line: 3, column: 29, text: 'In mice, it may rebuild dendritic spines.',
          message: 'Uncited: restoration of dendritic spines; cite Rodent spines 2012.',
          output: note('Ketamine is studied widely. In mice, it may rebuild dendritic spines [@rodent2012].'), safe: false,
        },
      ],
    },
    {
      name: 'once per claim per paragraph',
      text: note('A small trial suggests the antidepressant effect may depend on the opioid system. Another trial suggests the antidepressant effect may depend on the opioid system too.'),
      errors: [
        {
          line: 3, column: 1, text: 'A small trial suggests the antidepressant effect may depend on the opioid system.',
          message: 'Uncited: opioid mediation of the antidepressant effect; cite Smith and Jones 2018.',
          output: note('A small trial suggests the antidepressant effect may depend on the opioid system [@trial2018]. Another trial suggests the antidepressant effect may depend on the opioid system too.'), safe: true,
        },
      ],
    },
    {
      name: 'once in each paragraph',
      text: '# Ketamine notes\n\nA small trial suggests the antidepressant effect may depend on the opioid system.\n\nA small trial suggests the antidepressant effect may depend on the opioid system.\n',
      errors: [
        {
          line: 3, column: 1, text: 'A small trial suggests the antidepressant effect may depend on the opioid system.',
          message: 'Uncited: opioid mediation of the antidepressant effect; cite Smith and Jones 2018.',
          output: '# Ketamine notes\n\nA small trial suggests the antidepressant effect may depend on the opioid system [@trial2018].\n\nA small trial suggests the antidepressant effect may depend on the opioid system.\n', safe: true,
        },
        {
          line: 5, column: 1, text: 'A small trial suggests the antidepressant effect may depend on the opioid system.',
          message: 'Uncited: opioid mediation of the antidepressant effect; cite Smith and Jones 2018.',
          output: '# Ketamine notes\n\nA small trial suggests the antidepressant effect may depend on the opioid system.\n\nA small trial suggests the antidepressant effect may depend on the opioid system [@trial2018].\n', safe: true,
        },
      ],
    },
  ],
});
