// What a genre puts around its claims is not a claim: a bibliography entry outside a References
// section, a video script's bracketed direction, a consent form's procedure, an analyst's own
// forecast, a heading over the sentence that needs a caution, a talk page's indentation marks.
// Each case was flagged before these rules (blind round 5 showed the kinds; the sentences here are new).
import assert from 'node:assert/strict';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze } from '../../server/src/engine/index.js';
import { mainClauseNegation } from '../../server/src/engine/rules/negation.js';

const db = loadEmbeddedDatabase();
const scored = (text: string) => analyze(text, db).findings.filter((f) => f.code !== 'uncited-claim');
const lineCol = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
};

describe('genre furniture is not a claim', () => {
  it("a definition of another term in a ketamine section is not a ketamine claim; the same words about ketamine are", () => {
    const head = '# How ketamine works\n\nKetamine is thought to act on glutamate signalling.\n\n';
    for (const def of ['Brain-derived neurotrophic factor (BDNF) is a protein that promotes the growth and survival of neurons.', 'BDNF refers to a growth factor that supports neurons.']) {
      assert.deepEqual(analyze(head + def + '\n', db).findings, [], def);
    }
    const claim = analyze(head + 'Ketamine increases BDNF, a protein that promotes the growth and survival of neurons.\n', db).findings;
    assert.deepEqual(claim.map((f) => f.code), ['extrapolated-evidence']);
  });
  it('a numbered bibliography entry after a bold "References" line', () => {
    const text = "# Ketamine and the opioid system\n\nKetamine acts fast in depression.\n\n**References**\n\n1. Smith AB, Jones CD, Lee E, et al. Ketamine's antidepressant effect requires opioid system activation. *Am J Psychiatry.* 2018;175(12):1205-1215.\n";
    assert.deepEqual(scored(text), []);
  });
  it("a video script's bracketed direction", () => {
    const text = "# How ketamine works\n\nKetamine is a fast-acting treatment for depression.\n\n[B-ROLL: close-up animation of ketamine regrowing synapses in a patient's brain]\n";
    assert.deepEqual(scored(text), []);
  });
  it("a consent form's procedure is not a promise", () => {
    const text = '# Your study visits\n\nThis study tests ketamine for depression.\n\nYou will receive ketamine 0.5 mg/kg into a vein over 40 minutes, twice a week for three weeks.\n';
    assert.deepEqual(scored(text), []);
  });
  it("an analyst's own probability is not the finding's figure", () => {
    const text = '# Pipeline\n\nKetamine relieves suicidal thinking within a week in many patients, and we model a 30% probability of a label expansion.\n';
    assert.deepEqual(scored(text).filter((f) => f.code === 'figure-mismatch'), []);
  });
  it('the caution finding sits on the sentence under the heading, not on the heading', () => {
    const text = '# Letter\n\n## Maintenance ketamine and the opioid question\n\nIf ketamine acts on the opioid system, long-term maintenance infusions deserve a closer look.\n';
    const f = scored(text).filter((x) => x.code === 'missing-caveat');
    assert.deepEqual(f.map((x) => lineCol(text, x.start)), ['5:25']);
  });
  it("a trial's design asks for no citation, and its midazolam arm for no caution", () => {
    const text = '# Methods\n\nSixty adults were randomised to ketamine 0.5 mg/kg over 40 minutes or to midazolam.\n';
    assert.deepEqual(analyze(text, db).findings.map((f) => f.code), []);
  });
  it("a sentence that names the drugs and says nothing of them states no claim", () => {
    const text = '# Ketamine notes\n\nPatients on ketamine who also take lorazepam should know this.\n';
    assert.deepEqual(scored(text).map((f) => f.code), ['missing-caveat']);
  });
  it("someone else's words quoted after 'say'/'claim', or a quoted phrase to avoid, are named, not asserted", () => {
    const head = '# Ketamine\n\nKetamine is studied for depression.\n\n';
    for (const text of [
      'The seller\'s listing used to say the kit helps ketamine "rebuild your brain".',
      '- "Rebuilds the brain". The spine regrowth was seen in rodents.',
    ]) assert.deepEqual(scored(head + text + '\n'), [], text);
    // said in the writer's own voice, the same words are a finding
    assert.deepEqual(scored(head + 'Ketamine rebuilds the brain within hours.\n').map((f) => f.code), ['extrapolated-evidence']);
  });
  it('a motion in quotation marks is named, not asserted; the same words said are a contradiction', () => {
    assert.deepEqual(scored('# Debate\n\nTonight we debate the motion "This House would make ketamine a first-line treatment for depression".\n'), []);
    assert.deepEqual(scored('# Debate\n\nKetamine is a first-line treatment for depression.\n').map((f) => f.code), ['contradicted-claim']);
  });
  it('a study cited by author and year, reporting its own subgroup, is not extrapolated', () => {
    const text = '# Ketamine\n\nAbdallah 2011 (NCDEU): spectroscopy in 4 of 12 medication-free patients showed GABA rising first, with glutamate following.\n';
    assert.deepEqual(scored(text).filter((f) => f.code === 'extrapolated-evidence'), []);
  });
  it('a hedge that governs a denial offers a reading, it does not assert; without the hedge it is a contradiction', () => {
    assert.deepEqual(scored('# Ketamine notes\n\nThis suggests that occasional use of ketamine does not cause memory problems.\n'), []);
    assert.deepEqual(scored('# Ketamine notes\n\nOccasional use of ketamine does not cause memory problems.\n').map((f) => f.code), ['contradicted-claim']);
  });
  it("concepts the recogniser does not read as the claim at all assemble no contradiction (a drug class is not a mechanism)", () => {
    const text = '# Ketamine notes\n\nKetamine is a fast antidepressant acting through glutamate receptors and a dissociative anaesthetic used in surgery since the 1960s.\n';
    assert.deepEqual(scored(text).filter((f) => f.code === 'contradicted-claim'), []);
  });
  it('a title in Title Case asserts nothing, even with a full stop', () => {
    assert.deepEqual(scored('# Registry record\n\nA Trial of Ketamine to Reduce Suicidal Thoughts in the Emergency Department.\n'), []);
  });
  // A lead that frames the sentence stays outside its contradiction finding: [why, text, where it starts].
  const leads: Array<[string, string, string]> = [
    ['"if anything" sets no condition, and a report\'s clause number', '# Opinion\n\n3.3 Strong dissociation is, if anything, a good sign, since the dissociative experience is what produces the antidepressant effect.\n', '3:5'],
    ['a timestamp of show notes', '# Episode 12\n\n- **14:30** — Ketamine is completely safe for long-term use.\n', '3:15'],
    ["a talk page's indentation marks", '# Talk\n\n:: Ketamine is completely safe for long-term use.\n', '3:4'],
    ["a patent application's paragraph number", '# Background\n\n[0004] Ketamine is completely safe for long-term use.\n', '3:8'],
    ["a chat speaker and the time, on the line before", '# Chat\n\n**Sam Lee** · 09:12\nketamine is completely safe for long-term use\n', '4:1'],
    ['a speaker with a time in brackets and a colon', '# Chat\n\n**Sam (9:12 PM):** ketamine is completely safe for long-term use\n', '3:20'],
  ];
  for (const [why, text, at] of leads) {
    it(`${why} stays outside the finding`, () => {
      const f = scored(text).filter((x) => x.code === 'contradicted-claim');
      assert.deepEqual(f.map((x) => lineCol(text, x.start)), [at]);
    });
  }
  it("a word of the claim quoted in another clause does not make the sentence a quotation", () => {
    const text = '# Glossary\n\nKetamine restores these spines in the brains of depressed patients within hours, and textbooks often call the mature ones "mushroom-shaped".\n';
    assert.deepEqual(scored(text).map((x) => x.code), ['extrapolated-evidence']);
  });
});

describe('shapes of negation that deny nothing', () => {
  it('"rules … out as" denies what follows: no contradiction, no generalisation', () => {
    const text = '# Ketamine\n\nHonestly, this rules ketamine out as a wonder drug that cures everybody.\n';
    assert.deepEqual(scored(text), []);
  });
});

describe('a negation in the main clause (the denial path) is a denial', () => {
  const cases: Array<[string, boolean]> = [
    ['Ketamine has no side effects at clinic doses.', true],
    ['All drugs have side effects, but at clinic doses ketamine’s are no worse than others’.', false],
    ['Ketamine is not only fast but also lasting.', false],
    ['If it is not given in a clinic, the risks rise.', false],
  ];
  for (const [text, want] of cases) it(text, () => assert.equal(mainClauseNegation(text), want));
});

describe('"It" at the start of a sentence', () => {
  it('refers to the subject its heading names (lecture notes)', () => {
    const text = '# Lecture 7: ketamine\n\n## Mechanism\n\nIt shuts NMDA receptors on inhibitory interneurons, so glutamate floods out and switches on AMPA receptors, and that is what lifts mood.\n';
    assert.deepEqual(scored(text).map((f) => f.code), ['overstated-certainty']);
  });
  it('an expletive "It is reasonable to…" refers to nothing', () => {
    const text = '# Ketamine infusions at our clinic\n\nExpect a calm visit. It is reasonable to expect improvement within 24 hours of the treatment.\n';
    assert.deepEqual(analyze(text, db).findings, []);
  });
});

describe('a headline claim before a colon', () => {
  it('is asserted, whatever the evidence after the colon reports or negates', () => {
    const text = '# Ketamine and the opioid system\n\nKetamine lifts mood through the opioid system: in one small trial, patients given naltrexone first had almost none of the benefit.\n';
    assert.deepEqual(scored(text).map((f) => `${f.code} ${lineCol(text, f.start)}`), ['overstated-certainty 3:1']);
  });
  it('a short headline is the claim, not a label: the finding starts the sentence', () => {
    const text = '# Suicidal thoughts\n\nKetamine ends suicidal thinking: in one small study, most people had none within a week.\n';
    assert.deepEqual(scored(text).map((f) => `${f.code} ${lineCol(text, f.start)}`), ['overstated-certainty 3:1']);
  });
  it('a hedged headline stays hedged', () => {
    const text = '# Ketamine and the opioid system\n\nKetamine may lift mood partly through the opioid system: in one small trial, patients given naltrexone first had almost none of the benefit.\n';
    assert.deepEqual(scored(text), []);
  });
});

describe('figures that belong to something else (real-world set 4)', () => {
  const figures = (text: string) => scored(text).filter((f) => f.code === 'figure-mismatch');
  it("a cited paper's year", () => {
    assert.deepEqual(figures('# Ketamine in the emergency department\n\nFor decades, far higher doses of ketamine have been used in emergency rooms as an anaesthetic (Green 2011).\n'), []);
  });
  it('a study of another design than the randomised trial the figure dates', () => {
    assert.deepEqual(figures('# Ketamine in the emergency department\n\nIn 2011, an open-label study was the first to test low-dose ketamine for depression in the emergency department.\n'), []);
  });
  it('an eligibility criterion', () => {
    assert.deepEqual(figures('# Ketamine study\n\nParticipants were treatment-resistant, and their current episode had to have lasted at least four weeks before they responded to ketamine.\n'), []);
  });
  it('a wrong year for the first randomised trial is still an error', () => {
    assert.equal(figures('# Ketamine history\n\nThe first randomized trial of ketamine for depression was published in 2006.\n').length, 1);
  });
  it("a study named by its first author and year brings its figures, whatever words the sentence uses for the finding (round 14)", () => {
    assert.deepEqual(figures('# Ketamine history\n\nBerman and colleagues (2000) reported that nine patients completed the trial.\n').map((f) => f.message.slice(0, 40)), ["'nine' does not match the source (7): pa"]);
    assert.deepEqual(figures('# Ketamine history\n\nBerman and colleagues (2000) reported that seven patients completed the trial.\n'), []);
  });
  it('an age range must match at both ends: it says who took part (round 14)', () => {
    const head = '# The NCDEU study\n\nThe 2011 NCDEU study infused ketamine 0.5 mg/kg over 40 minutes in 12 medication-free adults ';
    assert.equal(figures(head + 'aged 18 to 55.\n').length, 1);
    assert.deepEqual(figures(head + 'aged 18 to 65.\n'), []);
  });
  it('a myth-versus-fact card names the myth in order to correct it; the same words as a fact are a contradiction', () => {
    const head = '# Ketamine: myths and facts\n\n';
    for (const myth of ['**Myth:** Scientists now understand exactly how ketamine works.', 'Common misconception #2: Scientists now understand exactly how ketamine works.', 'MYTH: One ketamine infusion keeps depression away for months.']) {
      assert.deepEqual(scored(head + myth + '\n'), [], myth);
    }
    const fact = scored(head + '**Fact:** Scientists now understand exactly how ketamine works.\n');
    assert.deepEqual(fact.map((f) => f.code), ['contradicted-claim']);
  });
  it('a quiz puts a statement up to be judged ("True or false: …") and offers figures to choose from (round 21)', () => {
    const head = '# Test your knowledge\n\n';
    for (const item of ['5. True or false: you can use the esketamine nasal spray at home.', 'Fact or fiction: one ketamine infusion keeps depression away for months.']) {
      assert.deepEqual(scored(head + item + '\n'), [], item);
    }
    // the same statement asserted is still a contradiction
    assert.deepEqual(scored(head + 'You can use the esketamine nasal spray at home.\n').map((f) => f.code), ['contradicted-claim']);
    const question = 'Up to what share of people with major depression are thought to have treatment-resistant depression?';
    assert.deepEqual(scored(head + question + ' (a) one in ten (b) one in three (c) two in five\n'), []);
    assert.deepEqual(scored(head + 'About two in five people with major depression are thought to have treatment-resistant depression.\n').map((f) => f.code), ['figure-mismatch']);
  });
  it("what a course of infusions does is not what one dose does (real-world set 9's schedule and series)", () => {
    const head = '# Ketamine for depression\n\n';
    for (const course of ['A typical course is six infusions over three weeks, and relief after it can last two months.', 'Many patients feel better after one ketamine infusion and stay well for months after finishing the full course.']) {
      assert.deepEqual(scored(head + course + '\n'), [], course);
    }
    assert.deepEqual(scored(head + 'Relief from one ketamine infusion typically lasts about three weeks.\n').map((f) => f.code), ['figure-mismatch']);
    assert.deepEqual(scored(head + 'Many patients feel better after one ketamine infusion and stay well for months.\n').map((f) => f.code), ['contradicted-claim']);
  });
  it("a condition on the reader ('If you're worried about addiction, don't be: …') suspends nothing (round 15)", () => {
    const head = '# Ketamine\n\nKetamine is used for depression. ';
    assert.deepEqual(scored(head + "If you're worried about addiction, don't be: there's simply no abuse potential at a medical dose.\n").map((f) => f.code), ['contradicted-claim']);
    assert.deepEqual(scored(head + 'If the trials had lasted longer, we might know whether there is no abuse potential.\n'), []);
  });
  it("what a clinic page says will happen at a visit ('you'll relax', 'you will be randomly given') promises no benefit", () => {
    const clinic = '# Ketamine infusions\n\nKetamine treatment needs monitoring. ';
    assert.deepEqual(scored(clinic + "A nurse monitors your blood pressure and heart rate throughout, and you'll relax in a private suite until the effects wear off.\n"), []);
    assert.deepEqual(scored(clinic + 'You will help answer an important question, and you will be closely monitored by a specialist team.\n'), []);
  });
  it("'If asked about X, explain that…' conditions the instruction, not the claim (round 19's field FAQ)", () => {
    const head = '# Ketamine\n\nKetamine is used for depression. ';
    assert.deepEqual(scored(head + 'If asked about speed, explain that trials have definitively proven ketamine relieves depression through the opioid system.\n').map((f) => f.code), ['overstated-certainty']);
  });
  it("'for anyone reading this' addresses the reader; it generalises nothing", () => {
    assert.deepEqual(scored('# Ketamine\n\nThe benefit of one infusion tends to last up to about a week. So I want to be clear for anyone reading this: a single infusion is not going to keep you well for months.\n').map((f) => f.code), []);
  });
  it('saying the mechanism has been hard to understand does not claim it is understood', () => {
    assert.deepEqual(scored('# Ketamine\n\nKetamine works fast, but it has been difficult to understand exactly how it works.\n'), []);
  });
});
