// overstated-certainty (server/src/engine/rules/overstated-certainty.ts): a claim asserted more strongly
// than its evidence grade allows. Branches: a strong booster on weak evidence (an adverb the fix
// removes, a verb the fix softens, a phrase no word swap softens); a proof booster on supported
// evidence; a generaliser; a promise to the reader; a plain statement of weak evidence (the fix leads
// with what the evidence allows); and what is not flagged (hedged, negated, asked, conditional,
// attributed, softened, research described, established claims, headings).
import { note, ruleTester } from './tester.js';

ruleTester('overstated-certainty', {
  valid: [
    // a generaliser inside quotation marks is mentioned, not used
    note('Phrases such as "works for everyone" in adverts about ketamine and the opioid system invite complaints.'),
    // hedged
    note('A small trial suggests that ketamine may act through the opioid system.'),
    // a study's aim
    note('The aim of this trial is to determine whether ketamine relieves depression through the opioid system.'),
    note('It is not known whether ketamine works through the opioid system.'),
    note('Ketamine never works through the opioid system.'),
    // a negation in the claim's own clause still negates it
    note('Ketamine clinics are not entirely unregulated, and most follow state rules.'),
    note('Does ketamine relieve depression through the opioid system?'),
    note('If the opioid finding holds, the antidepressant effect of ketamine may depend on opioid receptors.'),
    // attributed
    note('The authors concluded that the antidepressant effect requires the opioid system.'),
    // a booster after a hedge
    note('Ketamine is almost certainly acting through the opioid system.'),
    // a negated booster
    note('Ketamine does not definitively work through the opioid system.'),
    // a negated generaliser, also when the negation comes first ("doesn't happen for everyone")
    note("Ketamine doesn't always work through the opioid system."),
    note("For some, the opioid system may carry ketamine's effect, though it doesn't happen for everyone."),
    // a real condition still suspends the claim
    note('If the trial is replicated, ketamine is proven to act through the opioid system.'),
    // research described, not its result asserted
    note('The study investigated whether ketamine works through the opioid system.'),
    // no claim
    note('It is clear that exercise helps many people feel better.'),
    // established evidence cannot be overstated
    note('Esketamine was definitely approved for treatment-resistant depression.'),
    // a heading asserts nothing
    '# Ketamine works through the opioid system\n\nText.\n',
  ],
  invalid: [
    {
      name: 'a strong booster beside a proof verb on preliminary evidence: the fix softens the verb and drops the adverb',
      text: note('Researchers have definitively shown that ketamine relieves depression through the opioid system.'),
      errors: [
        {
          line: 3, column: 18, text: 'definitively',
          message: "Overstates preliminary evidence ('definitively'): opioid mediation of the antidepressant effect",
          output: note('Researchers have suggested that ketamine relieves depression through the opioid system.'), safe: false,
        },
      ],
    },
    {
      name: 'a strong booster alone: the fix removes the adverb and a space',
      text: note('Ketamine definitively relieves depression through the opioid system.'),
      errors: [
        {
          line: 3, column: 10, text: 'definitively',
          message: "Overstates preliminary evidence ('definitively'): opioid mediation of the antidepressant effect",
          output: note('Ketamine relieves depression through the opioid system.'), safe: false,
        },
      ],
    },
    {
      name: 'a proof verb: the fix softens it',
      text: note('It is proven that the antidepressant effect of ketamine depends on opioid receptors.'),
      errors: [
        {
          line: 3, column: 7, text: 'proven',
          message: "Overstates preliminary evidence ('proven'): opioid mediation of the antidepressant effect",
          output: note('It is suggested that the antidepressant effect of ketamine depends on opioid receptors.'), safe: false,
        },
      ],
    },
    {
      name: 'a booster phrase no word swap softens: no fix',
      text: note('Beyond doubt, ketamine relieves depression through the opioid system.'),
      errors: [
        {
          line: 3, column: 1, text: 'Beyond doubt',
          message: "Overstates preliminary evidence ('Beyond doubt'): opioid mediation of the antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'a proof booster on supported evidence',
      text: note('The long-term effects of ketamine are definitively known.'),
      errors: [
        {
          line: 3, column: 39, text: 'definitively',
          message: "Overstates supported evidence ('definitively'): long-term safety",
          output: note('The long-term effects of ketamine are known.'), safe: false,
        },
      ],
    },
    {
      name: 'a generaliser over patients',
      text: note('Ketamine relieves depression through the opioid system in every patient.'),
      errors: [
        {
          line: 3, column: 59, text: 'every patient',
          message: "Generalises preliminary evidence ('every patient'): opioid mediation of the antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'a generalising verb',
      text: note('Ketamine guarantees an antidepressant effect through the opioid system.'),
      errors: [
        {
          line: 3, column: 10, text: 'guarantees',
          message: "Generalises preliminary evidence ('guarantees'): opioid mediation of the antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'a promise to the reader',
      text: note('You will feel the antidepressant effect through the opioid system.'),
      errors: [
        {
          line: 3, column: 1, text: 'You will',
          message: "Generalises preliminary evidence ('You will'): opioid mediation of the antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'an adverb beside a proof participle ("showing conclusively"): both softened',
      text: note('Researchers published a study showing conclusively that ketamine relieves depression through the opioid system.'),
      errors: [
        {
          line: 3, column: 39, text: 'conclusively',
          message: "Overstates preliminary evidence ('conclusively'): opioid mediation of the antidepressant effect",
          output: note('Researchers published a study suggesting that ketamine relieves depression through the opioid system.'), safe: false,
        },
      ],
    },
    {
      name: 'an adverb beside a proof verb in its base form ("establish conclusively"): both softened',
      text: note('These data establish conclusively that ketamine relieves depression through the opioid system.'),
      errors: [
        {
          line: 3, column: 22, text: 'conclusively',
          message: "Overstates preliminary evidence ('conclusively'): opioid mediation of the antidepressant effect",
          output: note('These data suggest that ketamine relieves depression through the opioid system.'), safe: false,
        },
      ],
    },
    {
      name: 'a benefit promised to the reader ("will relieve your…")',
      text: note('Ketamine will boost your antidepressant response through the opioid system.'),
      errors: [
        {
          line: 3, column: 10, text: 'will boost your',
          message: "Generalises preliminary evidence ('will boost your'): opioid mediation of the antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'an idiom that closes the question ("full stop") is proof in everyday words',
      text: note('Ketamine relieves depression through the opioid system, full stop.'),
      errors: [
        {
          line: 3, column: 57, text: 'full stop',
          message: "Overstates preliminary evidence ('full stop'): opioid mediation of the antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'an adverb that says the finding holds every time',
      text: note('Ketamine reliably relieves depression through the opioid system.'),
      errors: [
        {
          line: 3, column: 10, text: 'reliably',
          message: "Generalises preliminary evidence ('reliably'): opioid mediation of the antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: "a condition on the reader's wishes does not suspend the claim after it",
      text: note('If speed matters most, ketamine is proven to relieve depression through the opioid system.'),
      errors: [
        {
          line: 3, column: 36, text: 'proven',
          message: "Overstates preliminary evidence ('proven'): opioid mediation of the antidepressant effect",
          output: note('If speed matters most, ketamine is suggested to relieve depression through the opioid system.'), safe: false,
        },
      ],
    },
    {
      name: 'preliminary evidence stated as fact: the fix says what the evidence allows',
      text: note('Ketamine works by the opioid system to produce its antidepressant effect.'),
      errors: [
        {
          line: 3, column: 1, text: 'Ketamine works by the opioid system to produce its antidepressant effect.',
          message: 'States preliminary evidence as fact: opioid mediation of the antidepressant effect',
          output: note('Early evidence suggests that ketamine works by the opioid system to produce its antidepressant effect.'), safe: false,
        },
      ],
    },
    {
      name: 'a report of what a study found, stated as fact: the fix softens the reporting verb, not a lead before it (real-world set 12)',
      text: note('This study found that ketamine works by the opioid system to produce its antidepressant effect.'),
      errors: [
        {
          line: 3, column: 1, text: 'This study found that ketamine works by the opioid system to produce its antidepressant effect.',
          message: 'States preliminary evidence as fact: opioid mediation of the antidepressant effect',
          output: note('This study suggested that ketamine works by the opioid system to produce its antidepressant effect.'), safe: false,
        },
      ],
    },
  ],
});

// With the shipped database and its recogniser: claims only the recogniser finds, proof wording.
ruleTester('overstated-certainty', {
  valid: [
    note("Ketamine works because it activates the brain's opioid receptors."),
    // the claim in its own degree ("many … little regulation") states it as the evidence does
    note('The number of clinics has grown fast, and many operate with little regulation.'),
    // under a negation, "for everyone" generalises nothing
    note("For many people ketamine lifts mood within hours, though it doesn't happen for everyone."),
    // "established" as "set up", which neither the booster list nor the proof model may read as shown
    note('Because esketamine is approved, it has established billing codes and is covered by many commercial insurance plans.'),
    // a negative claim of degree in its own degree, or a study's own report
    note('Ketamine infusions are often not covered by insurance, so ask about costs first.'),
    note('In our small audit, no patient had ketamine covered by insurance at all.'),
    note('No one knows how long the benefit of ketamine lasts.'),
  ],
  invalid: [
    {
      name: 'the writer endorsing a report ("I agree with the authors that …") states it in their own voice; no hedge lead fits before an endorsement',
      text: note('I agree with the authors that ketamine works by blocking NMDA receptors on GABA interneurons, which unleashes a glutamate burst.'),
      errors: [
        {
          line: 3, column: 1, text: 'I agree with the authors that ketamine works by blocking NMDA receptors on GABA interneurons, which unleashes a glutamate burst.',
          message: 'States preliminary evidence as fact: NMDA blockade on interneurons leads to a glutamate surge and AMPA...',
          output: null,
        },
      ],
    },
    {
      name: 'a negative claim of degree ("often not covered") taken to its limit by a negation: the absolute word is the finding',
      text: note("Sadly, insurers won't pay for any kind of ketamine treatment, so ask your family to help with costs."),
      errors: [
        {
          line: 3, column: 31, text: 'any kind of',
          message: "Overstates supported evidence ('any kind of'): ketamine treatment is costly and hard to access",
          output: null,
        },
      ],
    },
    {
      name: 'a condition on the reader\'s own state ("If you\'re having suicidal thoughts, …") suspends nothing',
      text: note("If you're having suicidal thoughts, ketamine will shut them down within the week, no question."),
      errors: [
        {
          line: 3, column: 83, text: 'no question',
          message: "Overstates preliminary evidence ('no question'): ketamine reduces suicidal ideation",
          output: null,
        },
      ],
    },
    {
      name: 'a condition on the reader after a connective ("So if you\'re struggling, …") suspends nothing, and "will have you feeling better" promises (round 21)',
      text: note("So if you're really struggling, ketamine will have you feeling better by the next morning."),
      errors: [
        {
          line: 3, column: 42, text: 'will have you feeling',
          message: "Generalises supported evidence ('will have you feeling'): ketamine has a rapid antidepressant effect",
          output: null,
        },
      ],
    },
    {
      name: 'a negation in another clause does not negate the claim ("… entirely unregulated … and routinely fail to …", round 21)',
      text: note('Private ketamine clinics are entirely unregulated in every jurisdiction and routinely fail to provide follow-up care.'),
      errors: [
        {
          line: 3, column: 30, text: 'entirely',
          message: "Overstates preliminary evidence ('entirely'): ketamine clinics are loosely regulated",
          output: null,
        },
      ],
    },
    {
      name: 'a negative claim of degree taken to its limit inside a subordinate clause, after "If anything"',
      text: note('If anything we understated it, since there is no regulation of any kind covering ketamine clinics in this country.'),
      errors: [
        {
          line: 3, column: 61, text: 'of any kind',
          message: "Overstates preliminary evidence ('of any kind'): ketamine clinics are loosely regulated",
          output: null,
        },
      ],
    },
    {
      name: 'a negative claim of degree taken to its limit by its subject ("No insurer covers …")',
      text: note('No insurer covers ketamine infusions, so the treatment is open only to those who can pay.'),
      errors: [
        {
          line: 3, column: 1, text: 'No insurer',
          message: "Overstates supported evidence ('No insurer'): ketamine treatment is costly and hard to access",
          output: null,
        },
      ],
    },
    {
      name: 'an absolute adjective before the claim\'s own word ("a complete regulatory vacuum")',
      text: note('Ketamine clinics operate in a complete regulatory vacuum.'),
      errors: [
        {
          line: 3, column: 31, text: 'complete',
          message: "Overstates preliminary evidence ('complete'): ketamine clinics are loosely regulated",
          output: null,
        },
      ],
    },
    {
      name: 'an absolute word right before the claim\'s own word, though the models are less than sure',
      text: note('Private ketamine clinics in the region are completely unregulated, which is the main argument for a hospital pathway.'),
      errors: [
        {
          line: 3, column: 44, text: 'completely',
          message: "Overstates preliminary evidence ('completely'): ketamine clinics are loosely regulated",
          output: null,
        },
      ],
    },
    {
      name: 'a claim of degree taken to its limit: the absolute word is the finding, and no lead fixes it',
      text: note('Ketamine clinics operate with no oversight at all.'),
      errors: [
        {
          line: 3, column: 44, text: 'at all',
          message: "Overstates preliminary evidence ('at all'): ketamine clinics are loosely regulated",
          output: null,
        },
      ],
    },
    {
      name: '"the effect" refers back to the treatment the paragraph names',
      text: note('Ketamine lifts mood within hours. Weekly talk therapy between sessions is what makes the effect stick.'),
      errors: [
        {
          line: 3, column: 35, text: 'Weekly talk therapy between sessions is what makes the effect stick.',
          message: 'States preliminary evidence as fact: ketamine combined with psychotherapy may enhance its effect',
          output: note('Ketamine lifts mood within hours. Early evidence suggests that weekly talk therapy between sessions is what makes the effect stick.'), safe: false,
        },
      ],
    },
    {
      name: 'a claim the recogniser found, stated as fact',
      text: note('Naltrexone stops ketamine from working.'),
      errors: [
        {
          line: 3, column: 1, text: 'Naltrexone stops ketamine from working.',
          message: 'States preliminary evidence as fact: outcome of the Williams et al. 2018 trial',
          output: note('Early evidence suggests that naltrexone stops ketamine from working.'), safe: false,
        },
      ],
    },
    {
      name: 'proof wording the analyzer reads as a booster: no word swap softens it',
      text: note('It has been established that ketamine lifts mood through opioid receptors.'),
      errors: [
        {
          line: 3, column: 4, text: 'has been established',
          message: "Overstates preliminary evidence ('has been established'): opioid-system activation mediates the...",
          output: null,
        },
      ],
    },
    {
      name: 'proof words on a claim the concepts find in the sentence, where the match model places none',
      text: note('Ketamine is the fast-acting antidepressant that years of research have settled beyond any doubt.'),
      errors: [
        {
          line: 3, column: 72, text: 'settled',
          message: "Overstates supported evidence ('settled'): ketamine has a rapid antidepressant effect",
          output: null,
        },
      ],
    },
  ],
}, { database: 'embedded' });
