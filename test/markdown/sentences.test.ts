import assert from 'node:assert/strict';
import { MAX_SENTENCE, splitSentences } from '../../server/src/engine/sentences.js';

/** Regression corpus of hard cases: input text → the sentences it must split into. */
const CASES: Array<[string, string[]]> = [
  // Plain boundaries
  ['Ketamine acts fast. It is an NMDA antagonist.', ['Ketamine acts fast.', 'It is an NMDA antagonist.']],
  ['Approval came in 2019. Esketamine is now available.', ['Approval came in 2019.', 'Esketamine is now available.']],
  ['Forty patients enrolled. 12 dropped out.', ['Forty patients enrolled.', '12 dropped out.']],
  ['It binds the μ-opioid receptor. Naltrexone blocks it.', ['It binds the μ-opioid receptor.', 'Naltrexone blocks it.']],
  ['It works 🎉. Really.', ['It works 🎉.', 'Really.']],
  // A list pasted into one line: each inline bullet starts a sentence (a bullet that opens the text does not split)
  ['• Ketamine acts fast • It is an NMDA antagonist', ['• Ketamine acts fast', '• It is an NMDA antagonist']],
  ['Scores fell•rose in the second arm.', ['Scores fell•rose in the second arm.']],
  // et al.
  ['Zarate et al. reported a rapid effect.', ['Zarate et al. reported a rapid effect.']],
  ['Smith et al. (2018) found no effect.', ['Smith et al. (2018) found no effect.']],
  ['Smith et al. [@smith2018] found no effect.', ['Smith et al. [@smith2018] found no effect.']],
  ['This was replicated by Smith et al. The effect was large.', ['This was replicated by Smith et al.', 'The effect was large.']],
  // e.g., i.e., vs., cf., approx., ca.
  ['Several drugs, e.g. ketamine, act quickly.', ['Several drugs, e.g. ketamine, act quickly.']],
  ['Some drugs (e.g. Ketamine) act quickly.', ['Some drugs (e.g. Ketamine) act quickly.']],
  ['Fast-acting drugs, i.e. ketamine and esketamine, are rare.', ['Fast-acting drugs, i.e. ketamine and esketamine, are rare.']],
  ['Ketamine vs. placebo showed a difference.', ['Ketamine vs. placebo showed a difference.']],
  ['Response rates were 71% vs. 0%. The trial was small.', ['Response rates were 71% vs. 0%.', 'The trial was small.']],
  ['Effects were similar, cf. Table 3 of the earlier trial.', ['Effects were similar, cf. Table 3 of the earlier trial.']],
  ['The dose was approx. 0.5 mg/kg in all arms.', ['The dose was approx. 0.5 mg/kg in all arms.']],
  ['Effects faded after ca. 7 days.', ['Effects faded after ca. 7 days.']],
  // Titles, figure and number labels
  ['Dr. Zarate led the trial. It enrolled 18 patients.', ['Dr. Zarate led the trial.', 'It enrolled 18 patients.']],
  ['Prof. Smith and Dr. Jones disagreed.', ['Prof. Smith and Dr. Jones disagreed.']],
  ['See Fig. 2 for the dose curve.', ['See Fig. 2 for the dose curve.']],
  ['Results (Fig. S2) confirm this. Trial No. 3 was stopped early.', ['Results (Fig. S2) confirm this.', 'Trial No. 3 was stopped early.']],
  ['See pp. 33–35 in the report.', ['See pp. 33–35 in the report.']],
  ['Esketamine was approved in Mar. 2019 for TRD.', ['Esketamine was approved in Mar. 2019 for TRD.']],
  ['St. John\'s wort is an inducer. Avoid it.', ["St. John's wort is an inducer.", 'Avoid it.']],
  // Decimals, units, p-values
  ['A dose of 0.5 mg/kg was used. Responses were rapid.', ['A dose of 0.5 mg/kg was used.', 'Responses were rapid.']],
  ['Use 0.5 mg/kg. Do not exceed 1.0 mg/kg.', ['Use 0.5 mg/kg.', 'Do not exceed 1.0 mg/kg.']],
  ['The difference was significant (p < .05). Effects faded.', ['The difference was significant (p < .05).', 'Effects faded.']],
  ['The difference was significant, p < .05. Effects faded.', ['The difference was significant, p < .05.', 'Effects faded.']],
  ['Mean age 45.3 y. Most were women.', ['Mean age 45.3 y.', 'Most were women.']],
  ['Effects appeared within 24 h. They faded by day 7.', ['Effects appeared within 24 h.', 'They faded by day 7.']],
  // Dotted abbreviations
  ['The U.S. Food and Drug Administration approved it.', ['The U.S. Food and Drug Administration approved it.']],
  ['It was approved in the U.S. The label requires monitoring.', ['It was approved in the U.S.', 'The label requires monitoring.']],
  ['In the U.K. ketamine is a Class B drug.', ['In the U.K. ketamine is a Class B drug.']],
  ['The U.S.-based trial enrolled adults.', ['The U.S.-based trial enrolled adults.']],
  ['He holds a Ph.D. The thesis was on ketamine.', ['He holds a Ph.D.', 'The thesis was on ketamine.']],
  ['Doses were given at 10 a.m. and 4 p.m. in all patients.', ['Doses were given at 10 a.m. and 4 p.m. in all patients.']],
  ['"It works." — Williams et al., Am. J. Psychiatry 2018', ['"It works." — Williams et al., Am. J. Psychiatry 2018']],
  // Initials
  ['The study by J. Phelps was small.', ['The study by J. Phelps was small.']],
  ['J. R. Smith wrote the review.', ['J. R. Smith wrote the review.']],
  ['Williams, N. R., Rodriguez, C. I., & Schatzberg, A. F. (2018). Attenuation of antidepressant effects.', ['Williams, N. R., Rodriguez, C. I., & Schatzberg, A. F. (2018).', 'Attenuation of antidepressant effects.']],
  ['Patients received vitamin C. The control group did not.', ['Patients received vitamin C.', 'The control group did not.']],
  // Numbered lists
  ['1. Ketamine acts within hours.', ['1. Ketamine acts within hours.']],
  ['First point. 2. Second point follows.', ['First point.', '2. Second point follows.']],
  // Ellipses
  ['Wait for it... The effect appears.', ['Wait for it...', 'The effect appears.']],
  ['Wait for it… the effect appears slowly.', ['Wait for it… the effect appears slowly.']],
  ['Effects look very minor . . . but not zero. Next point.', ['Effects look very minor . . . but not zero.', 'Next point.']],
  ['Effects look very minor . . . Remission was rare.', ['Effects look very minor . . .', 'Remission was rare.']],
  ['It was 60% on day 1 [. . .] Remission was 50% [...] on day 2. Done.', ['It was 60% on day 1 [. . .] Remission was 50% [...] on day 2.', 'Done.']],
  ['6.1. Do I have to take esketamine?', ['6.1. Do I have to take esketamine?']],
  ['Novel compounds (ex. MRK-016) reduce inhibition.', ['Novel compounds (ex. MRK-016) reduce inhibition.']],
  ['The answer is unclear… More trials are needed.', ['The answer is unclear…', 'More trials are needed.']],
  // Citations and footnote markers after the period belong to the sentence before
  ['The effect was large.[@williams2018] Next, we review safety.', ['The effect was large.[@williams2018]', 'Next, we review safety.']],
  ['The effect was large. [@williams2018] Next, we review safety.', ['The effect was large. [@williams2018]', 'Next, we review safety.']],
  ['The effect was large.[^1] Next, we review safety.', ['The effect was large.[^1]', 'Next, we review safety.']],
  ['The effect was large.[^note][@a2020] Next, we review safety.', ['The effect was large.[^note][@a2020]', 'Next, we review safety.']],
  ['The effect was large [@w2018]. Next, we review safety.', ['The effect was large [@w2018].', 'Next, we review safety.']],
  ['It was disputed [see @williams2018, p. 3; @yoon2019]. More work followed.', ['It was disputed [see @williams2018, p. 3; @yoon2019].', 'More work followed.']],
  ['The trial [1] was small. A second trial [2, 3] was larger.', ['The trial [1] was small.', 'A second trial [2, 3] was larger.']],
  ['The effect was large.[3] A replication failed.', ['The effect was large.[3]', 'A replication failed.']],
  ['Effects were long-lasting.[] A total of 22 participants completed it.', ['Effects were long-lasting.[]', 'A total of 22 participants completed it.']],
  ['The effect was large.¹ A replication failed.', ['The effect was large.¹', 'A replication failed.']],
  // Closing quotes and parentheses
  ['She said "it works." Then she left.', ['She said "it works."', 'Then she left.']],
  ['(This is parenthetical.) After that, nothing.', ['(This is parenthetical.)', 'After that, nothing.']],
  ['It acts on NMDA receptors (see Table 2). The effect is fast.', ['It acts on NMDA receptors (see Table 2).', 'The effect is fast.']],
  ['He called it “a miracle.” Critics disagreed.', ['He called it “a miracle.”', 'Critics disagreed.']],
  // ? and !
  ['Does it work? Nobody knows.', ['Does it work?', 'Nobody knows.']],
  ['It works! Or so they say.', ['It works!', 'Or so they say.']],
  ['"Is it safe?" she asked.', ['"Is it safe?" she asked.']],
  ['Who knows?! Nobody.', ['Who knows?!', 'Nobody.']],
  // Lower case after a period; lower-case-initial terms that start sentences
  ['Blood levels rose. mRNA expression also changed.', ['Blood levels rose.', 'mRNA expression also changed.']],
  ['The drug is cheap, widely available, etc. Its misuse is a concern.', ['The drug is cheap, widely available, etc.', 'Its misuse is a concern.']],
  ['Ketamine, esketamine, etc. are NMDA antagonists.', ['Ketamine, esketamine, etc. are NMDA antagonists.']],
  ['Brand names (Ketalar®) vary. Esketamine (Spravato®) is a spray.', ['Brand names (Ketalar®) vary.', 'Esketamine (Spravato®) is a spray.']],
  // No space after the period: not a boundary (URLs, file names)
  ['See doi.org/10.1176/appi.ajp.2018.18020138. It is open access.', ['See doi.org/10.1176/appi.ajp.2018.18020138.', 'It is open access.']],
  // Inline code placeholder and whitespace
  ['Run \uFFFC first. Then read the log.', ['Run \uFFFC first.', 'Then read the log.']],
  ['  Leading space. Trailing space.  ', ['Leading space.', 'Trailing space.']],
  ['No terminator at all', ['No terminator at all']],
  // Lower-case writing (zines, chat): a lower-case word after a full stop starts a sentence there,
  // but not after an abbreviation; in ordinary prose it never does.
  ['we tried it. and it kicked in fast, e.g. within hours. ok?', ['we tried it.', 'and it kicked in fast, e.g. within hours.', 'ok?']],
  ['The dose was 0.5 mg/kg. and that was all.', ['The dose was 0.5 mg/kg. and that was all.']],
  // …after a year too, but not after a list number
  ['we first heard of it in 2000. and now it is everywhere.', ['we first heard of it in 2000.', 'and now it is everywhere.']],
  ['do step 2. then wait an hour.', ['do step 2. then wait an hour.']],
  ['First block\n\nSecond block', ['First block', 'Second block']],
  ['', []],
  ['   ', []],
];

describe('splitSentences', () => {
  it('has a regression corpus of at least 40 hard cases', () => {
    assert.ok(CASES.length >= 40, `${CASES.length} cases`);
  });

  for (const [text, expected] of CASES) {
    it(`splits ${JSON.stringify(text)}`, () => {
      const spans = splitSentences(text);
      assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), expected);
      // Spans are trimmed, ordered, disjoint and cover every non-space character.
      let prev = 0;
      const covered = new Array<boolean>(text.length).fill(false);
      for (const s of spans) {
        assert.ok(s.start >= prev && s.end > s.start);
        assert.match(text[s.start], /\S/);
        assert.match(text[s.end - 1], /\S/);
        for (let i = s.start; i < s.end; i++) covered[i] = true;
        prev = s.end;
      }
      for (let i = 0; i < text.length; i++) if (/\S/.test(text[i])) assert.ok(covered[i], `character ${i} not covered`);
    });
  }
});

describe('very long sentences', () => {
  it('are cut at a space before MAX_SENTENCE characters, covering all the text', () => {
    const text = 'word '.repeat(3000) + 'x'.repeat(5000) + ' end';
    const spans = splitSentences(text);
    assert.ok(spans.every((s) => s.end - s.start <= MAX_SENTENCE), JSON.stringify(spans.map((s) => s.end - s.start)));
    assert.equal(spans.map((s) => text.slice(s.start, s.end)).join('').replace(/\s+/g, ''), text.replace(/\s+/g, ''));
  });
});

