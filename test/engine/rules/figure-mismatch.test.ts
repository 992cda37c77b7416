// figure-mismatch (server/src/engine/rules/figure-mismatch.ts): a number tied to a known finding
// (by a cue word near it, or by its kind in a sentence naming the claim) differs from the source.
// Branches: the fix (safe) keeps the writer's form and swaps the number (ratio, year, dose); a bounded
// figure is offered in its own words, without its bound when the sentence has one ("about"); exact
// offsets through CRLF, astral characters and inline markup; and what is not flagged (the right
// number, a question, a hypothetical, a number cited to another study by key, numbered reference or
// author and year). Study identity: a number is compared only when something shows it is the figure
// (its source named, or the figure's own word beside it in a sentence that states the claim); a
// number about another subject (esketamine's year for ketamine's history) or another protocol (a
// dose and a duration that both differ) is left alone, and the reason says what tied it.
import { note, ruleTester } from './tester.js';
import type { Extra } from '../testdb.js';

/** A figure the source gives as an upper bound ("up to 70%"). */
const extra: Extra = {
  concepts: [
    { id: 'response', label: 'response', variants: ['respond', 'response', 'responders'] },
    { id: 'anaesthetic', label: 'anaesthetic', variants: ['anaesthetic', 'anesthetic'] },
    { id: 'infusion', label: 'infusion', variants: ['infusion', 'infused', 'infuses'] },
  ],
  claims: [{
    id: 'anaesthetic-history', statement: 'Ketamine has been used as an anaesthetic since the 1960s.', concepts: ['ketamine', 'anaesthetic'], topical: ['ketamine'], relation: 'anaesthetic history',
    grade: 'established', rationale: 'regulatory record', population: 'humans', supportedWording: 'since the 1960s', sources: [{ id: 'review2021' }],
    figures: [{ id: 'decade', quantity: 'when anaesthetic use began', kind: 'year', min: 1960, max: 1970, cues: ['since', 'used'], display: 'the 1960s' }],
  }, {
    id: 'iv-protocol', statement: 'Trials infused 0.5 mg/kg of ketamine over 40 minutes.', concepts: ['ketamine', 'infusion'], topical: ['ketamine'], relation: 'infusion protocol',
    grade: 'supported', rationale: 'several trials', population: 'humans', supportedWording: '0.5 mg/kg over 40 minutes', sources: [{ id: 'review2021' }],
    figures: [
      { id: 'dose', quantity: 'infused dose', kind: 'dose', value: 0.5, unit: 'mg/kg', cues: ['infus'], display: '0.5 mg/kg' },
      { id: 'time', quantity: 'infusion duration', kind: 'duration', value: 40, unit: 'minutes', cues: ['over'], display: 'about 40 minutes' },
    ],
  }, {
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
    // study identity: another subject, another protocol
    { name: "another subject's year: esketamine's, not ketamine's", text: note('Esketamine has been sold in Europe as an anaesthetic since 1997.') },
    { name: 'another protocol: its dose and its duration both differ', text: note('Our trial infuses ketamine at 0.2 mg/kg over 2 minutes.') },
    // another study introduced before the number (real-world set 9: a web page about a later trial)
    { name: 'a passage about another researcher\'s study', text: note('Dr. Maria Lopez and colleagues ran a new naltrexone study. It gave 100 mg of naltrexone before ketamine.') },
    { name: 'a passage about a meta-analysis', text: note('A meta-analysis pooled ten studies of ketamine. About 90% of patients respond to ketamine within a day.') },
    { name: 'a passage about another journal\'s report', text: note('A report in JAMA Psychiatry followed 40 adults. In that study, 90% of patients respond to ketamine.') },
    { name: 'a year, then a count, is not a ratio', text: note('One naltrexone study in 2012 of 24 patients gave ketamine twice.') },
  ],
  invalid: [
    {
      name: 'a doctor named without research words is not another study (a letter\'s writer, a chat\'s speaker)',
      text: note('Dr. Kessler said the clinic follows the evidence. The trial gave 100 mg of naltrexone before ketamine.'),
      errors: [{
        line: 3, column: 66, text: '100 mg', message: "'100 mg' does not match the source (50 mg): naltrexone dose",
        output: note('Dr. Kessler said the clinic follows the evidence. The trial gave 50 mg of naltrexone before ketamine.'), safe: true,
      }],
    },
    {
      name: 'a passage that names the source too: the number may be its',
      text: note('Dr. Maria Lopez and colleagues compared their results with Smith and colleagues. It gave 100 mg of naltrexone before ketamine.'),
      errors: [{
        line: 3, column: 90, text: '100 mg', message: "'100 mg' does not match the source (50 mg): naltrexone dose",
        output: note('Dr. Maria Lopez and colleagues compared their results with Smith and colleagues. It gave 50 mg of naltrexone before ketamine.'), safe: true,
      }],
    },
    {
      name: 'the figure\'s own word beside it, in a sentence stating the claim',
      text: note('Ketamine has been used as an anaesthetic since 1997.'),
      errors: [
        {
          line: 3, column: 48, text: '1997',
          message: "'1997' does not match the source (the 1960s): when anaesthetic use began",
          output: note('Ketamine has been used as an anaesthetic since the 1960s.'), safe: true,
          severity: 'error', identity: "the figure's word 'since' beside it; the sentence states the claim",
        },
      ],
    },
    {
      name: 'one quantity of a protocol misquoted beside the other said right',
      text: note('Ketamine is infused at 0.75 mg/kg over 40 minutes.'),
      errors: [
        {
          line: 3, column: 24, text: '0.75 mg/kg',
          message: "'0.75 mg/kg' does not match the source (0.5 mg/kg): infused dose",
          output: note('Ketamine is infused at 0.5 mg/kg over 40 minutes.'), safe: true,
          severity: 'error', identity: "the figure's word 'infused' beside it; the sentence states the claim",
        },
      ],
    },
    {
      name: 'the source named by its author',
      text: note('Smith and colleagues gave 100 mg of naltrexone before ketamine.'),
      errors: [
        {
          line: 3, column: 27, text: '100 mg',
          message: "'100 mg' does not match the source (50 mg): naltrexone dose",
          output: note('Smith and colleagues gave 50 mg of naltrexone before ketamine.'), safe: true,
          severity: 'error', identity: 'the sentence names its source (Smith)',
        },
      ],
    },
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
