// figure-mismatch compares a number only with the figure it is about: numbers that belong to another
// study, another quantity, another treatment or a calendar date are left alone, and misquotes in
// note-taking forms ("7/12") are still caught. Each row is a short document about ketamine.
import assert from 'node:assert/strict';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze } from '../../server/src/engine/index.js';

const db = loadEmbeddedDatabase();
const figureFindings = (text: string) => analyze(text, db).findings.filter((f) => f.code === 'figure-mismatch').map((f) => text.slice(f.start, f.end));

const LEAD = 'Ketamine is being studied for treatment-resistant depression. ';
const cases: Array<[string, string, string[]]> = [
  // [why, document, the numbers flagged]
  ['a study named by its authors without a year is that study', LEAD + 'A recent study by Larkin et al. found rapid effects on suicidal ideation for up to 10 days after one infusion.', []],
  ['how long other drugs take is not how long ketamine takes', LEAD + 'Currently, existing drugs take about three weeks to show an effect on suicidal thoughts.', []],
  ['an anaesthetic dose is another quantity', LEAD + 'Anesthetic dose: typically 2 to 3 mg/kg of ketamine intravenously.', []],
  ['a dateline is not the year of an event', 'Honolulu (Newswire) Saturday Dec 23, 2023 - Ketamine, an anaesthetic first used in the 1960s, is being studied for depression.', []],
  ['a year that names a study does not date the first trial', LEAD + 'There is also a 2018 Stanford crossover trial where naltrexone given first blunted the antidepressant effect of ketamine.', []],
  ['a misquoted count in note form is caught', LEAD + 'In the naltrexone crossover trial, 9/12 responded on ketamine plus placebo.', ['9/12']],
  ['a correct count in note form passes', LEAD + 'In the naltrexone crossover trial, 7/12 responded on ketamine plus placebo.', []],
  ['a rate is not a ratio', LEAD + 'The clinic answers calls 24/7 about ketamine infusions at 0.5 mg/kg.', []],
  ['a duration said in words ("a month") is compared with a duration in days', LEAD + 'The benefit of a single ketamine infusion lasts roughly a month.', ['a month']],
  ['…but a frequency is not a duration', LEAD + 'The benefit of a single ketamine infusion lasts for some days, and some clinics infuse once a month.', []],
  ['"the last infusion" is an adjective, not the figure\'s word "last"', LEAD + 'One patient had a fast but short-lived response to ketamine, with relapse within a month of the last infusion.', []],
  ['design words ("in crossover fashion") do not name the naltrexone trial: a protocol\'s own interval', LEAD + 'After 7 days, patients receive another dose of study drug in crossover fashion, so those who had ketamine now get placebo.', []],
  ['a study in another journal is another study: its year does not date the first trial', LEAD + 'A pioneering 2018 study in The American Journal of Psychiatry found that ketamine quickly eased suicidal thinking.', []],
  ['…but the first trial misdated in its own journal is caught', LEAD + 'The first controlled trial of ketamine for depression, published in Biological Psychiatry in 2003, was tiny.', ['2003']],
  ['an infusion time in hours is compared when the infusion runs "over" it', LEAD + 'The trial dose is 0.5 mg/kg of ketamine, infused intravenously over roughly two hours.', ['two hours']],
  ['…but hours after an infusion are another quantity', LEAD + 'Ketamine infusions run over 40 minutes, and relief can begin within two hours of the infusion.', []],
  ['"a month before symptoms return" is how long the benefit lasts', LEAD + 'The benefit of a single ketamine infusion lasts about a month before symptoms return.', ['a month']],
  ['…but "a week before the infusion" is a date', LEAD + 'Patients stop lorazepam a week before the ketamine infusion, whose benefit lasts about a week.', []],
  ['another treatment\'s rate in its own clause is not the share of depression that is treatment-resistant', LEAD + 'Most antidepressants work for about one-third of people, but ECT is at least 50% effective for individuals with treatment-resistant depression.', []],
  ['when a regulator approved it is another event than when use began (the sources do not date it)', LEAD + 'Ketamine was first approved by the FDA in the 1970s for use as a general anesthetic.', []],
  ['…but when use began, misdated by a decade, is caught', LEAD + 'Ketamine has been used in operating rooms since the 1970s.', ['1970s']],
  ['how long one dose "holds" is how long its effect lasts', LEAD + 'One ketamine infusion usually holds for about five weeks.', ['five weeks']],
  ['"stop having suicidal thoughts" is the share with no suicidal ideation', LEAD + 'In one ketamine study, 97% of patients stop having suicidal thoughts within a week.', ['97%']],
  ['a new study is another study: its numbers are its own', LEAD + 'A new study of repeated ketamine infusions reports that 95% of patients had no suicidal thoughts within a week.', []],
  ['the antidepressant dose misquoted is still caught', LEAD + 'Trials gave ketamine at 5 mg/kg over 40 minutes, well below anaesthetic doses.', ['5 mg/kg']],
];

describe('figure-mismatch: study identity and quantity', () => {
  for (const [why, text, expected] of cases) {
    it(why, () => assert.deepEqual(figureFindings(text), expected));
  }
});

describe('figure-mismatch: the correction keeps the writer\'s form', () => {
  const corrected = (text: string) => {
    const f = analyze(text, db).findings.find((x) => x.code === 'figure-mismatch');
    assert.ok(f, 'expected a figure-mismatch');
    const e = f.fixes[0]!.edits[0]!;
    return text.slice(0, e.start) + e.newText + text.slice(e.end);
  };
  it('corrects both numbers of a ratio ("7 of 14" → "7 of 12")', () => {
    assert.match(corrected(LEAD + 'In the naltrexone crossover trial, 7 of 14 completers responded on ketamine plus placebo.'), /, 7 of 12 completers responded/);
  });
  it('keeps the writer\'s article ("since the 1980s" → "since the 1960s", not "the the")', () => {
    assert.match(corrected(LEAD + 'Ketamine has been used as an anaesthetic since the 1980s.'), /anaesthetic since the 1960s\./);
  });
  it('in note form too ("9/12" → "7/12")', () => {
    assert.match(corrected(LEAD + 'In the naltrexone crossover trial, 9/12 responded on ketamine plus placebo.'), /, 7\/12 responded/);
  });
});
