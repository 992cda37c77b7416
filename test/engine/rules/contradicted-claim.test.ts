// contradicted-claim (server/src/engine/rules/contradicted-claim.ts): the sentence asserts what the
// evidence refutes. Branches: a recorded contradiction asserted (affirmed: its concepts in one clause,
// none negated; negated: its negated concept negated), its subject from the sentence or the one
// before; the fix replaces the sentence's words (keeping a trailing citation) with the recorded
// correction, or else the claim's statement; a condition only suspends what follows it; the learned
// path, where the recogniser reads a negated sentence as denying a claim (no fix); and what is not
// flagged (another clause, a negation, a condition, a question, "not known", an aim, "rules out").
import { note, ruleTester } from './tester.js';
import type { Extra } from '../testdb.js';

/** A claim with a negated contradiction ("benzodiazepines do not interact…") and a correction. */
const extra: Extra = {
  concepts: [{ id: 'interaction', label: 'interaction', variants: ['interact', 'interaction', 'affect', 'alter'] }],
  claims: [{
    id: 'benzo-interaction', statement: 'Benzodiazepines may weaken the antidepressant effect of ketamine.', concepts: ['benzo', 'ketamine'], anyOf: ['block', 'interaction'], topical: ['ketamine'],
    relation: 'benzodiazepine interaction', grade: 'preliminary', rationale: 'retrospective series', population: 'humans', supportedWording: 'may weaken', sources: [{ id: 'review2021' }],
    contradictions: [{
      id: 'no-interaction', statement: 'benzodiazepines do not interact with ketamine', concepts: ['benzo', 'ketamine', 'interaction'], polarity: 'negated', negatedConcept: 'interaction',
      explanation: 'case series suggest they weaken it', correction: 'Benzodiazepines may weaken the antidepressant effect of ketamine; the evidence is limited.',
    }],
  }],
};

ruleTester('contradicted-claim', {
  valid: [
    // the refuted statement spans two clauses
    note('Naltrexone blocked the antidepressant but not the dissociative effects of ketamine.'),
    // an affirmed contradiction, negated
    note('Naltrexone did not block the dissociative effects of ketamine.'),
    note('If naltrexone blocked the dissociative effects of ketamine, the trial would have said so.'),
    note('Is ketamine safe for long-term use?'),
    note('Ketamine is not known to be safe for long-term use.'),
    note('Whether ketamine is safe for long-term use is unknown.'),
    // an aim
    note('We wanted to check that ketamine is safe for long-term use.'),
    note('This rules out ketamine as safe for long-term use.'),
    // a negated contradiction, not negated
    note('Lorazepam is known to interact with ketamine.'),
    // the writer declines to judge
    note('With so few patients we cannot say that ketamine is safe for long-term use.'),
    note('This rules ketamine out as safe for long-term use.'),
    // the contradiction's subject only as the point of comparison
    note('Talking therapy is more often called safe for long-term use than any other ketamine product.'),
    // a table row speaks of what its first cell names
    '# Ketamine notes\n\n| Medicine | Notes |\n|---|---|\n| Lorazepam | Safe for long-term use alongside ketamine |\n',
    // an aim
    note('The purpose of this study is to determine whether ketamine is safe for long-term use.'),
    // a statement reported to be rejected, or quoted as someone's words
    note('A radio segment wrongly described ketamine as safe for long-term use.'),
    note('The leaflet falsely claims that ketamine is safe for long-term use.'),
    note('The brochure opens by calling ketamine "safe for long-term use".'),
  ],
  invalid: [
    {
      name: 'a report that rejects nothing: the contradiction after it is asserted',
      text: note('A radio segment rightly said that ketamine is safe for long-term use.'),
      errors: [
        {
          line: 3, column: 1, text: 'A radio segment rightly said that ketamine is safe for long-term use.',
          message: 'Contradicts the evidence: ketamine is safe for long-term use',
          output: note('Long-term effects are poorly understood.'), safe: false,
        },
      ],
    },
    {
      name: 'a table row whose first cell names the subject',
      text: '# Ketamine notes\n\n| Medicine | Notes |\n|---|---|\n| Ketamine | Safe for long-term use |\n',
      errors: [
        {
          line: 5, column: 14, text: 'Safe for long-term use',
          message: 'Contradicts the evidence: ketamine is safe for long-term use',
          output: '# Ketamine notes\n\n| Medicine | Notes |\n|---|---|\n| Ketamine | Long-term effects are poorly understood |\n', safe: false,
        },
      ],
    },
    {
      name: 'compared with something else, the subject still asserts it',
      text: note('Ketamine is safe for long-term use, unlike other antidepressants.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine is safe for long-term use, unlike other antidepressants.',
          message: 'Contradicts the evidence: ketamine is safe for long-term use',
          output: note('Long-term effects are poorly understood.'), safe: false,
        },
      ],
    },
    {
      name: 'the subject before a "not only … but also" clause still asserts it',
      text: note('Ketamine is not only fast but also safe for long-term use.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine is not only fast but also safe for long-term use.',
          message: 'Contradicts the evidence: ketamine is safe for long-term use',
          output: note('Long-term effects are poorly understood.'), safe: false,
        },
      ],
    },
    {
      name: "an affirmed contradiction: the fix offers the claim's statement",
      text: note("The researchers found that naltrexone also blocked ketamine's dissociative effects."),
      errors: [
        {
          line: 3, column: 1, text: "The researchers found that naltrexone also blocked ketamine's dissociative effects.",
          message: 'Contradicts the evidence: naltrexone blocked the dissociative effects',
          output: note('The antidepressant effect may depend on the opioid system.'), safe: false,
        },
      ],
    },
    {
      name: 'a degree word does not soften it',
      text: note('Ketamine is completely safe for long-term use.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine is completely safe for long-term use.',
          message: 'Contradicts the evidence: ketamine is safe for long-term use',
          output: note('Long-term effects are poorly understood.'), safe: false,
        },
      ],
    },
    {
      name: 'asserted in the first clause',
      text: note('Naltrexone blocked the dissociative effects of ketamine; the antidepressant effect was unchanged.'),
      errors: [
        {
          line: 3, column: 1, text: 'Naltrexone blocked the dissociative effects of ketamine; the antidepressant effect was unchanged.',
          message: 'Contradicts the evidence: naltrexone blocked the dissociative effects',
          output: note('The antidepressant effect may depend on the opioid system.'), safe: false,
        },
      ],
    },
    {
      name: 'the main clause after a leading condition',
      text: note('If you stay on it, ketamine is safe for long-term use.'),
      errors: [
        {
          line: 3, column: 1, text: 'If you stay on it, ketamine is safe for long-term use.',
          message: 'Contradicts the evidence: ketamine is safe for long-term use',
          output: note('Long-term effects are poorly understood.'), safe: false,
        },
      ],
    },
    {
      name: 'the subject from the sentence before',
      text: '# Notes\n\nKetamine has been studied for years. Naltrexone blocked the dissociative effects.\n',
      errors: [
        {
          line: 3, column: 38, text: 'Naltrexone blocked the dissociative effects.',
          message: 'Contradicts the evidence: naltrexone blocked the dissociative effects',
          output: '# Notes\n\nKetamine has been studied for years. The antidepressant effect may depend on the opioid system.\n', safe: false,
        },
      ],
    },
    {
      name: 'a negated contradiction: the fix offers the recorded correction',
      text: note('Diazepam does not interact with ketamine.'),
      errors: [
        {
          line: 3, column: 1, text: 'Diazepam does not interact with ketamine.',
          message: 'Contradicts the evidence: benzodiazepines do not interact with ketamine',
          output: note('Benzodiazepines may weaken the antidepressant effect of ketamine; the evidence is limited.'), safe: false,
        },
      ],
    },
    {
      name: "the fix keeps the sentence's citation",
      text: note('Lorazepam does not interact with ketamine [@review2021].'),
      errors: [
        {
          line: 3, column: 1, text: 'Lorazepam does not interact with ketamine [@review2021].',
          message: 'Contradicts the evidence: benzodiazepines do not interact with ketamine',
          output: note('Benzodiazepines may weaken the antidepressant effect of ketamine; the evidence is limited [@review2021].'), safe: false,
        },
      ],
    },
  ],
}, { extra });

// With the shipped database: the learned path for denials (no fix), and a recorded contradiction with a correction.
ruleTester('contradicted-claim', {
  valid: [
    note('Naltrexone does not change how well ketamine works for depression.'),
    // the affirmative learned path: a question, and a side effect described, assert no contradiction
    note('Ketamine is strange stuff. Does the dissociation itself do the healing, or only come along with it?'),
    note('Ketamine is strange stuff. Some people find the dissociation unpleasant, but it passes within hours.'),
    // two negations that affirm: "not without side effects" admits them
    note('Ketamine is not without its side effects, but they are widely known and short-lived.'),
  ],
  invalid: [
    {
      name: 'a recorded contradiction by concepts the recogniser leans against only weakly (contradicts 0.2-0.3) stands',
      text: note('Since 2019, intravenous ketamine has been FDA-approved for treatment-resistant depression, which is why clinics can advertise it so freely.'),
      errors: [
        {
          line: 3, column: 1, text: 'Since 2019, intravenous ketamine has been FDA-approved for treatment-resistant depression, which is why clinics can advertise it so freely.',
          message: 'Contradicts the evidence: intravenous (racemic) ketamine is FDA-approved for depression',
          output: note('The FDA approved esketamine nasal spray (Spravato), a form of ketamine, in 2019 for treatment-resistant depression.'), safe: false,
        },
      ],
    },
    {
      name: 'an affirmative contradiction both models are sure of; two recorded contradictions fit equally, so the claim is named',
      text: note('Ketamine is strange stuff. The dissociation is the real therapy here, and the deeper the trip the better it works.'),
      errors: [
        {
          line: 3, column: 28, text: 'The dissociation is the real therapy here, and the deeper the trip the better it works.',
          message: 'Contradicts preliminary evidence: naltrexone leaves dissociation unchanged',
          output: null,
        },
      ],
    },
    {
      name: 'a denial the recogniser reads, closest to a recorded contradiction',
      text: note('Benzodiazepines make no difference to the response to ketamine.'),
      errors: [
        {
          line: 3, column: 1, text: 'Benzodiazepines make no difference to the response to ketamine.',
          message: "Contradicts the evidence: benzodiazepines do not alter or affect ketamine's antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'a denial the recogniser reads as more likely contradicting than not (0.7-0.85)',
      text: note("Unlike the morphine in the neighbouring case, ketamine has nothing to do with the body's opioid system."),
      errors: [
        {
          line: 3, column: 1, text: "Unlike the morphine in the neighbouring case, ketamine has nothing to do with the body's opioid system.",
          message: "Contradicts the evidence: the opioid system plays no part in ketamine's antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'a denial in casual words',
      text: note("Ketamine won't touch your memory at all, even with years of use."),
      errors: [
        {
          line: 3, column: 1, text: "Ketamine won't touch your memory at all, even with years of use.",
          message: 'Contradicts the evidence: ketamine has no effect on (or poses no risk to) memory and thinking',
          output: null,
        },
      ],
    },
    {
      name: "what a negated contradiction says, in words of its own (the recogniser's contradiction class, a denial in the main clause)",
      text: note("Nope, the infusions don't touch memory or thinking at the usual doses, so relax."),
      errors: [
        {
          line: 3, column: 1, text: "Nope, the infusions don't touch memory or thinking at the usual doses, so relax.",
          message: 'Contradicts the evidence: ketamine has no effect on (or poses no risk to) memory and thinking',
          output: null,
        },
      ],
    },
    {
      name: 'a recorded negated contradiction with its correction',
      text: note('Ketamine does not need to be given under medical supervision.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine does not need to be given under medical supervision.',
          message: 'Contradicts the evidence: patients do not need to be monitored or observed during or after ketamine treatment',
          output: note('Because of dissociation and other side effects, ketamine is given in a monitored setting with medical professionals present, followed by follow-up care.'), safe: false,
        },
      ],
    },
  ],
}, { database: 'embedded' });
