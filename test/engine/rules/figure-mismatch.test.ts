// figure-mismatch (server/src/engine/rules/figure-mismatch.ts): a number tied to a known finding
// (by a cue word near it, or by its kind in a sentence naming the claim) differs from the source.
// Branches: the fix (safe) keeps the writer's form and swaps the number (ratio, year, dose); a bounded
// figure is offered in its own words, without its bound when the sentence has one ("about"); exact
// offsets through CRLF, astral characters and inline markup; and what is not flagged (the right
// number, a question, a hypothetical, a number cited to another study by key, numbered reference or
// author and year).
import { note, ruleTester } from './tester.js';
import type { Extra } from '../testdb.js';

/** A figure the source gives as an upper bound ("up to 70%"). */
const extra: Extra = {
  concepts: [{ id: 'response', label: 'response', variants: ['respond', 'response', 'responders'] }],
  claims: [{
    id: 'response-rate', statement: 'Up to 70% of patients respond to ketamine.', concepts: ['ketamine', 'response'], topical: ['ketamine'], relation: 'response rate',
    grade: 'supported', rationale: 'several trials', population: 'humans', supportedWording: 'up to 70%', sources: [{ id: 'review2021' }],
    figures: [{ id: 'rate', quantity: 'response rate', kind: 'percent', value: 70, bound: 'upper', cues: ['respon'], display: 'up to 70%' }],
  }],
};

ruleTester('figure-mismatch', {
  valid: [
    note('In the naltrexone trial, 7 of 12 participants responded to ketamine given with placebo.'),
    note('Esketamine was approved in 2019.'),
    note('Esketamine was approved in the spring of 2019 after two trials.'),
    note('The trial gave 50 mg of naltrexone before ketamine.'),
    note('In one large trial, 60% of patients responded to ketamine.'),
    note('Would the FDA have approved esketamine in 2021?'),
    note('If the FDA had approved esketamine in 2021, more clinics would offer it.'),
    // cited to another study
    note('The FDA approved esketamine in 2021 [@other2020].'),
    note('The FDA approved esketamine in 2021 [3].'),
    note('Daly et al. (2018) found that the FDA approved esketamine in 2021.'),
    // a forecast's own quantities, not the finding's figure
    note('We model a 90% probability that patients respond to ketamine in the label trial.'),
    note('Among patients who respond to ketamine we assume 90% stay on treatment.'),
  ],
  invalid: [
    {
      name: "a ratio: the fix swaps the number in the writer's form",
      text: note('In the naltrexone trial, 10 of 12 participants responded to ketamine given with placebo.'),
      errors: [
        {
          line: 3, column: 26, text: '10 of 12',
          message: "'10 of 12' does not match the source (7 of 12): responders on ketamine plus placebo",
          output: note('In the naltrexone trial, 7 of 12 participants responded to ketamine given with placebo.'), safe: true,
        },
      ],
    },
    {
      name: 'a year',
      text: note('The FDA approved esketamine in 2021.'),
      errors: [
        {
          line: 3, column: 32, text: '2021',
          message: "'2021' does not match the source (2019): year of approval",
          output: note('The FDA approved esketamine in 2019.'), safe: true,
        },
      ],
    },
    {
      name: 'a dose with its unit',
      text: note('The trial gave 100 mg of naltrexone before ketamine.'),
      errors: [
        {
          line: 3, column: 16, text: '100 mg',
          message: "'100 mg' does not match the source (50 mg): naltrexone dose",
          output: note('The trial gave 50 mg of naltrexone before ketamine.'), safe: true,
        },
      ],
    },
    {
      name: 'a bounded figure: the fix gives its own words',
      text: note('In the trial, 90% of patients respond to ketamine.'),
      errors: [
        {
          line: 3, column: 15, text: '90%',
          message: "'90%' does not match the source (up to 70%): response rate",
          output: note('In the trial, up to 70% of patients respond to ketamine.'), safe: true,
        },
      ],
    },
    {
      name: 'a bounded figure after "about": the fix drops the bound',
      text: note('About 90% of patients respond to ketamine.'),
      errors: [
        {
          line: 3, column: 7, text: '90%',
          message: "'90%' does not match the source (up to 70%): response rate",
          output: note('About 70% of patients respond to ketamine.'), safe: true,
        },
      ],
    },
    {
      name: 'offsets after emoji, CRLF, tabs and non-ASCII text',
      text: '# Ketamine 🧪 notes\r\n\r\nCafé\tété — μ-opioid 😀 text.\r\n\r\nThe FDA approved esketamine in 2021.\r\n',
      errors: [
        {
          line: 5, column: 32, text: '2021',
          message: "'2021' does not match the source (2019): year of approval",
          output: '# Ketamine 🧪 notes\r\n\r\nCafé\tété — μ-opioid 😀 text.\r\n\r\nThe FDA approved esketamine in 2019.\r\n', safe: true,
        },
      ],
    },
    {
      name: 'offsets through inline markup',
      text: note('The **FDA** approved _esketamine_ in `x` 2021.'),
      errors: [
        {
          line: 3, column: 42, text: '2021',
          message: "'2021' does not match the source (2019): year of approval",
          output: note('The **FDA** approved _esketamine_ in `x` 2019.'), safe: true,
        },
      ],
    },
  ],
}, { extra });
