// A short label that leads a sentence ("Answer:", a chat speaker "Maya (3:14 PM):", "The claim:") is
// the writer's framing: a finding's range starts after it, and fixes keep it and act on what follows.
import assert from 'node:assert/strict';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze, applyFixes } from '../../server/src/engine/index.js';

const db = loadEmbeddedDatabase();

function fixed(text: string, code: string): string {
  const f = analyze(text, db).findings.find((x) => x.code === code && x.fixes.some((y) => y.kind === 'soften'));
  assert.ok(f, `expected a ${code} finding with a rewording fix`);
  return applyFixes(text, [f.fixes.find((y) => y.kind === 'soften')!], { unsafe: true }).output;
}

describe('fixes keep a leading label', () => {
  it('contradicted-claim: the speaker tag stays, the claim is replaced', () => {
    const out = fixed('Ketamine for depression: notes from our chat.\n\n**Maya (3:14 PM):** And at clinic doses ketamine has no long-term risks at all.\n', 'contradicted-claim');
    assert.match(out, /\*\*Maya \(3:14 PM\):\*\* [A-Z]/);
    assert.doesNotMatch(out, /no long-term risks at all/);
  });
  it('extrapolated-evidence: the population lead goes after the label', () => {
    const out = fixed('Ketamine and the brain.\n\nAnswer: Ketamine rapidly restores dendritic spines lost to stress.\n', 'extrapolated-evidence');
    assert.match(out, /Answer: In animal studies, ketamine rapidly restores/);
  });
  it('a bold Title Case label that names a concept is still a label', () => {
    const out = fixed('Ketamine and the brain.\n\n3. **Dendritic Spine Repair**: Ketamine rapidly restores dendritic spines lost to stress.\n', 'extrapolated-evidence');
    assert.match(out, /\*\*Dendritic Spine Repair\*\*: In animal studies, ketamine rapidly restores/);
  });
  it('a capitalised compound keeps its capitals when the fix leads with the population', () => {
    const out = fixed('Ketamine and the brain.\n\nBrain-Derived neurotrophic factor rises after ketamine, which rapidly restores dendritic spines lost to stress.\n', 'extrapolated-evidence');
    assert.match(out, /In animal studies, Brain-Derived neurotrophic factor/);
  });
  it('without a label the fix starts the sentence, as before', () => {
    const out = fixed('Ketamine and the brain.\n\nKetamine rapidly restores dendritic spines lost to stress.\n', 'extrapolated-evidence');
    assert.match(out, /\n\nIn animal studies, ketamine rapidly restores/);
  });
});

describe('a finding on a labelled sentence starts after the label', () => {
  const startOf = (text: string, code: string) => {
    const f = analyze(text, db).findings.find((x) => x.code === code);
    assert.ok(f, `expected a ${code} finding`);
    return text.slice(f.start, f.start + 12);
  };
  it('a bold chat speaker tag', () => {
    assert.equal(startOf('Ketamine chat.\n\n**Maya (3:14 PM):** and at clinic doses ketamine has no long-term risks at all.\n', 'contradicted-claim'), 'and at clini');
  });
  it('a plain answer label', () => {
    assert.equal(startOf('Ketamine quiz.\n\nAnswer: Ketamine definitely works through the opioid system.\n', 'overstated-certainty'), 'definitely w');
    assert.equal(startOf('Ketamine quiz.\n\nAnswer: Ketamine has no long-term risks at all.\n', 'contradicted-claim'), 'Ketamine has');
  });
  it("a chat export's date and time stamp, then the speaker", () => {
    assert.equal(startOf('Ketamine chat.\n\n[03/11/24, 08:15] Sam: and at clinic doses ketamine has no long-term risks at all.\n', 'contradicted-claim'), 'and at clini');
  });
  it("a comment's handle and age", () => {
    assert.equal(startOf('Ketamine video.\n\n@jo_k · 9 days ago and at clinic doses ketamine has no long-term risks at all.\n', 'contradicted-claim'), 'and at clini');
  });
  it('a label whose one word names two concepts ("Response") is still a label', () => {
    assert.equal(startOf('Ketamine reviews.\n\n> **Response from the owner:** At clinic doses ketamine has no long-term risks at all.\n', 'contradicted-claim'), 'At clinic do');
  });
  it('without a label the range starts the sentence', () => {
    assert.equal(startOf('Ketamine chat.\n\nKetamine has no long-term risks at all.\n', 'contradicted-claim'), 'Ketamine has');
  });
});
