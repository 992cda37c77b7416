// `claimlint explain FILE:LINE[:COLUMN]`: why a sentence was, or was not, flagged.
import assert from 'node:assert/strict';
import { runCli, scratch } from './util.js';

const DRAFT = [
  '# Ketamine notes',
  '',
  'Scientists have now proven that ketamine relieves depression through the opioid system.',
  '',
  'Regular exercise is good for mood.',
  '',
].join('\n');

describe('cli: explain', () => {
  let s: ReturnType<typeof scratch>;
  before(() => { s = scratch({ 'draft.md': DRAFT }); });
  after(() => s.cleanup());

  it('says why a flagged sentence was flagged: claim, grade, words, cue, wording', async () => {
    const r = await runCli(['explain', 'draft.md:3'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^3:1 {2}"Scientists have now proven/m);
    assert.match(r.stdout, /warning overstated-certainty: Overstates preliminary evidence \('proven'\)/);
    assert.match(r.stdout, /why: claim opioid-mediation \(preliminary\); matched .*"opioid" \(opioid\).*booster "proven"; wording proof/);
    assert.match(r.stdout, /claims by concepts: opioid-mediation \[preliminary\]/);
  });

  it('says what the engine made of a sentence it did not flag', async () => {
    const r = await runCli(['explain', 'draft.md:5:3'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"Regular exercise is good for mood\."\n {2}findings: -/);
    assert.match(r.stdout, /claims checked: -/);
  });

  it('prints JSON with --format json', async () => {
    const r = await runCli(['explain', 'draft.md:3:40', '--format', 'json'], { cwd: s.dir });
    assert.equal(r.code, 0, r.stderr);
    const [x] = JSON.parse(r.stdout) as Array<{ text: string; findings: Array<{ code: string; reason: { claim: { id: string } } }>; recogniser?: unknown }>;
    assert.equal(x!.findings[0]!.code, 'overstated-certainty');
    assert.equal(x!.findings[0]!.reason.claim.id, 'opioid-mediation');
    assert.ok(x!.recogniser, 'the recogniser\'s view');
  });

  it('is a usage error without FILE:LINE, or past the end of the file', async () => {
    assert.equal((await runCli(['explain', 'draft.md'], { cwd: s.dir })).code, 2);
    assert.equal((await runCli(['explain', 'draft.md:99'], { cwd: s.dir })).code, 2);
  });
});
