// The embedded ketamine database end to end: sentences written for these tests (not taken from the
// seeds or the evaluation sets) and the code each must, or must not, get.
import assert from 'node:assert/strict';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze } from '../../server/src/engine/engine.js';

const db = loadEmbeddedDatabase();
const SCORED = new Set(['overstated-certainty', 'extrapolated-evidence', 'contradicted-claim', 'missing-caveat', 'figure-mismatch']);
const codesOf = (sentence: string) => {
  const src = `# Ketamine notes\n\n${sentence}\n`;
  return analyze(src, db).findings.filter((f) => SCORED.has(f.code)).map((f) => f.code);
};

const flagged: Array<[string, string]> = [
  ["Ketamine's antidepressant effect comes from activating opioid receptors.", 'overstated-certainty'],
  ['Naltrexone stops ketamine from working.', 'overstated-certainty'],
  ['Taking clonazepam alongside ketamine reduces its antidepressant benefit.', 'overstated-certainty'],
  ['Ketamine raises brain GABA within minutes in depressed patients.', 'extrapolated-evidence'],
  ['Ketamine grows new synapses in the human brain within hours.', 'extrapolated-evidence'],
  ['Esketamine may be collected at the pharmacy and taken at home.', 'contradicted-claim'],
  ['The effect of a single infusion usually lasts for several months.', 'contradicted-claim'],
  ['Ketamine is a safe first choice for anyone newly diagnosed with depression.', 'contradicted-claim'],
  ['The FDA cleared Spravato in 2020.', 'figure-mismatch'],
  ['In the trials, a dose of 0.5 mg/kg was infused over 30 minutes.', 'figure-mismatch'],
  ['About half of people with major depression have treatment-resistant depression.', 'figure-mismatch'],
  ['Ketamine was first tested against placebo in a randomised trial in 1998.', 'figure-mismatch'],
  ['Before each ketamine session the clinic hands out a Restoril to calm nerves.', 'missing-caveat'],
  ['Ketamine works for everyone with depression.', 'contradicted-claim'],
  ['Ketamine always produces a response within a day.', 'overstated-certainty'],
  ["Ketamine's dissociative high is what makes it an antidepressant.", 'contradicted-claim'],
  ['Ketamine never causes bladder problems.', 'contradicted-claim'],
  ['Scientists now fully understand how ketamine treats depression.', 'contradicted-claim'],
  ['One infusion keeps depression away for about a month.', 'contradicted-claim'],
  ['Ketamine is harmless when given in a clinic.', 'contradicted-claim'],
  ['Nobody becomes dependent on ketamine when it is prescribed.', 'contradicted-claim'],
  ['Benzodiazepines make ketamine ineffective.', 'overstated-certainty'],
  ['Ketamine plus talk therapy prevents relapse.', 'overstated-certainty'],
];
const clean = [
  'A small trial suggests the opioid system may be involved in ketamine\'s antidepressant effect.',
  'In rats, ketamine restores synapses within hours.',
  'Ketamine is an NMDA receptor antagonist that has been used in anaesthesia since the 1960s.',
  'The FDA approved Spravato in 2019 for treatment-resistant depression.',
  'Whether benzodiazepines blunt ketamine\'s effect is not yet known.',
  'It is clear that regular exercise improves sleep.',
  'In the trial, ketamine was compared with midazolam as an active placebo.',
  'In rats, very high doses of ketamine did not inflame the bladder.',
  'Naltrexone did not change how dissociated people felt.',
  'About one in three people with depression do not respond to two antidepressants.',
  'Relief from a single dose generally lasts around a week.',
];

describe('embedded database, end to end', () => {
  for (const [sentence, code] of flagged) it(`${code}: ${sentence}`, () => assert.deepEqual(codesOf(sentence), [code]));
  for (const sentence of clean) it(`clean: ${sentence}`, () => assert.deepEqual(codesOf(sentence), []));
});

describe('embedded database: cautions', () => {
  it('a question about a benzodiazepine in a ketamine FAQ needs the caution in its answer', () => {
    const src = '# Ketamine clinic FAQ\n\nShould I stop my Klonopin before treatment? Ask your psychiatrist.\n';
    const f = analyze(src, db).findings.filter((x) => x.code === 'missing-caveat');
    assert.deepEqual(f.map((x) => src.slice(x.start, x.end)), ['Klonopin']);
  });
  it('continuing a sedative during an infusion course needs it too; stating the caution anywhere satisfies it', () => {
    const src = '# Your infusion course\n\nYou can keep taking your sleeping tablets during the course of infusions.\n';
    assert.equal(analyze(src, db).findings.filter((x) => x.code === 'missing-caveat').length, 1);
    const ok = src + '\nSedatives such as sleeping tablets may make ketamine less effective, so ask before each infusion.\n';
    assert.equal(analyze(ok, db).findings.filter((x) => x.code === 'missing-caveat').length, 0);
  });
});

describe('embedded database: figures in context', () => {
  const figureCodes = (src: string) => analyze(src, db).findings.filter((f) => f.code === 'figure-mismatch').map((f) => src.slice(f.start, f.end));
  it('a section about the naltrexone trial supplies the subject of its numbers', () => {
    const src = '# Ketamine\n\n## The naltrexone study\n\nThe study planned to enrol 40 adults but stopped after 14.\n\nThe response threshold was a 40% drop on the HAM-D.\n';
    assert.deepEqual(figureCodes(src), ['40', '40%']);
  });
  it('"The 2022 study" names no author: its numbers are checked', () => {
    assert.deepEqual(figureCodes('# Ketamine\n\nThe 2022 study followed 25 people who completed eight to ten infusions.\n'), ['25']);
  });
  it('a number agrees if it matches a figure of any matched claim; cues stay in the number clause', () => {
    const src = '# Lecture\n\n## Evidence\n\n- Abdallah (NCDEU 2011): twelve medication-free patients given 0.5 mg/kg over 40 min; spectroscopy in four of them showed GABA rising, then glutamate.\n';
    assert.deepEqual(figureCodes(src), []);
  });
});
