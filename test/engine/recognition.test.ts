// The learned claim recogniser: its fast topic scorer against the plain feature map (a second
// implementation), the packed model format, what it recognises in wordings written for these tests,
// and that the committed weights are what training produces.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { loadEmbeddedDatabase } from '../../server/src/db/embedded.js';
import { analyze } from '../../server/src/engine/engine.js';
import { compile } from '../../server/src/engine/compiled.js';
import { tokenize } from '../../server/src/engine/lexicon.js';
import { analyzeSentence } from '../../server/src/engine/analyzer/index.js';
import { modalityFeatures, orientationFeatures, topicFeatures, type Features } from '../../server/src/engine/recognition/features.js';
import { LinearModel, type Rows } from '../../server/src/engine/recognition/linear.js';
import { candidateFeatures } from '../../server/src/engine/recognition/match.js';
import { recognise, recognizerOf } from '../../server/src/engine/recognition/recognizer.js';
import { wordCount } from '../../server/src/engine/pipeline/recognition.js';
import { splitSentences } from '../../server/src/engine/sentences.js';
import { repoRoot } from '../helpers.js';

const db = loadEmbeddedDatabase();
const models = recognizerOf(db.recognizer!);
const compiled = compile(db);

function view(text: string) {
  const tokens = tokenize(text);
  return { text, tokens, concepts: new Set(compiled.index.find(text).map((h) => h.concept)) };
}

/** Topic probabilities through the named feature map (the training path). */
function slowTopics(text: string) {
  return models.topic.scores(topicFeatures(view(text), models.sureStems), 0.05);
}
/** …and through the scorer the engine uses. */
function fastTopics(text: string) {
  return models.topic.scoresOfRows(models.topicScorer.features(view(text), models.sureStems), 0.05);
}

/** A scorer's rows and values (the first `length` of its buffers) as plain arrays. */
const listOf = (x: Rows) => ({ rows: Array.from(x.rows).slice(0, x.length), values: Array.from(x.values).slice(0, x.length) });

const close = (a: { cls: string; p: number }[], b: { cls: string; p: number }[]) =>
  a.length === b.length && a.every((x, i) => x.cls === b[i]!.cls && Math.abs(x.p - b[i]!.p) < 1e-9);

describe('recogniser: the fast topic scorer', () => {
  it('gives the plain feature map\'s probabilities on every bank sentence', () => {
    const dir = join(repoRoot, 'server/training/bank');
    let n = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      for (const e of (YAML.parse(readFileSync(join(dir, f), 'utf8')) as { entries: { text: string }[] }).entries) {
        assert.ok(close(fastTopics(e.text), slowTopics(e.text)), e.text);
        n++;
      }
    }
    assert.ok(n > 3000);
  });

  it('resolves the same rows and values as the named occurrences, in the same order', () => {
    const word = fc.constantFrom('ketamine', 'naltrexone', 'opioid', 'blunts', 'proven', 'shown', 'not', 'the', 'effect', 'rats', '0.5', '12', "isn't", 'b_c', '^', 'k:x', 'b:y');
    fc.assert(fc.property(fc.array(word, { maxLength: 40 }), (ws) => {
      const v = view(ws.join(' '));
      const fast = models.topicScorer.features(v, models.sureStems);
      const slow = models.topicScorer.featuresByName(v, models.sureStems);
      assert.deepEqual(listOf(fast).rows, slow.rows);
      assert.deepEqual(listOf(fast).values, slow.values);
    }), { seed: 2207, numRuns: 300 });
  });

  it('agrees on random text too (seeded)', () => {
    const word = fc.constantFrom('ketamine', 'naltrexone', 'opioid', 'blunts', 'proven', 'not', 'the', 'effect', 'rats', '0.5', 'mg/kg', "isn't", 'b_c', '^', 'k:x', 'b:y');
    fc.assert(fc.property(fc.array(word, { maxLength: 30 }), (ws) => close(fastTopics(ws.join(' ')), slowTopics(ws.join(' ')))), { seed: 1307, numRuns: 300 });
  });
});

/** Bank sentences and the sentences of the held-out drafts: what the row-based scorers are checked on. */
function sentences(): string[] {
  const out: string[] = [];
  const bank = join(repoRoot, 'server/training/bank');
  for (const f of readdirSync(bank).filter((x) => x.endsWith('.yaml'))) {
    for (const e of (YAML.parse(readFileSync(join(bank, f), 'utf8')) as { entries: { text: string }[] }).entries) out.push(e.text);
  }
  const drafts = join(repoRoot, 'test/fixtures/eval-heldout');
  for (const f of readdirSync(drafts).filter((x) => x.endsWith('.md'))) {
    for (const line of readFileSync(join(drafts, f), 'utf8').split('\n')) out.push(...splitSentences(line).map(({ start, end }) => line.slice(start, end)));
  }
  return out;
}

/** A named feature map as the rows and values a model sees: known names only, in map order. */
function rowsOf(model: LinearModel, f: Features) {
  const rows: number[] = [], values: number[] = [];
  for (const [k, v] of f) {
    const row = model.rowOf(k);
    if (row !== undefined) { rows.push(row); values.push(v); }
  }
  return { rows, values };
}

const claimIds = [...models.knownClasses].filter((c) => db.claims.has(c));
const randomWords = fc.constantFrom('ketamine', 'naltrexone', 'opioid', 'blunts', 'proven', 'shown', 'may', 'not', 'no', "isn't", 'never', 'the', 'effect',
  'neg', 'negated', 'negat', 'rats', '0.5', '12', 'b_c', '_', '^', 'k:x', 'b:y', 'NOT_x', 'perhaps', 'definitively', 'if', 'studies', 'suggest', '?');

describe('recogniser: the row-based orientation, modality and match scorers', () => {
  const all = sentences();
  it('run on many sentences', () => assert.ok(all.length > 3500, String(all.length)));

  const sameOrientation = (text: string, claims: string[]) => {
    const v = view(text), a = analyzeSentence(text);
    const summary = models.orientationScorer.summarise(v, a);
    for (const id of claims) {
      const slow = rowsOf(models.orientation, orientationFeatures(v, id, a));
      const fast = models.orientationScorer.rowsFor(summary, id);
      assert.deepEqual(listOf(fast).rows, slow.rows, `${id}: ${text}`);
      assert.deepEqual(listOf(fast).values, slow.values, `${id}: ${text}`);
      assert.equal(models.orientationScorer.probability(summary, id), models.orientation.probability(orientationFeatures(v, id, a)));
    }
  };
  const sameModality = (text: string) => {
    const v = view(text), a = analyzeSentence(text);
    const slow = rowsOf(models.modality, modalityFeatures(v, a, models.sureStems));
    const fast = models.modalityScorer.features(v, a, models.sureStems);
    assert.deepEqual(listOf(fast).rows, slow.rows, text);
    assert.deepEqual(listOf(fast).values, slow.values, text);
  };

  it('orientation: the same rows, values and probability as orientationFeatures, for every claim', () => {
    all.forEach((text, i) => sameOrientation(text, [claimIds[i % claimIds.length]!, claimIds[(i * 7 + 3) % claimIds.length]!]));
  });
  it('modality: the same rows and values as modalityFeatures', () => all.forEach(sameModality));
  it('orientation and modality agree on random text too (seeded)', () => {
    fc.assert(fc.property(fc.array(randomWords, { maxLength: 30 }), fc.constantFrom(...claimIds), (ws, id) => {
      sameOrientation(ws.join(' '), [id]);
      sameModality(ws.join(' '));
    }), { seed: 4242, numRuns: 400 });
  });

  it('counts words as text.split(/\\s+/).length does', () => {
    const piece = fc.constantFrom('a', 'bc', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', '\u0085', 'é');
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }), (ps) => wordCount(ps.join('')) === ps.join('').split(/\s+/).length), { seed: 7, numRuns: 1000 });
  });

  it('match: the same probability as candidateFeatures, with and without concept evidence', () => {
    const evidence = fc.option(fc.record({ rank: fc.nat(4), score: fc.double({ min: 0, max: 1, noNaN: true }), specificity: fc.nat(6), fromTopic: fc.nat(3), count: fc.integer({ min: 1, max: 5 }) }), { nil: undefined });
    fc.assert(fc.property(fc.constantFrom(...all.slice(0, 400)), fc.constantFrom(...claimIds), evidence, fc.nat(30), (text, id, concept, words) => {
      const r = recognise(models, view(text), () => analyzeSentence(text));
      assert.equal(models.matchScorer.probability(id, r, concept, words), models.match.probability(candidateFeatures(id, r, concept, words)));
    }), { seed: 99, numRuns: 500 });
  });
});

describe('recogniser: packed models', () => {
  it('decodes the packed form into the weights it was packed from', () => {
    const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    const m = new LinearModel({
      classes: ['x', 'y'], bias: [-1, 0.5], features: 'a\nb', scale: 4096,
      offsets: b64(Uint32Array.from([0, 2, 3])), classIndex: b64(Uint8Array.from([0, 1, 1])), weight: b64(Int16Array.from([4096, -2048, 8192])),
    });
    const got = m.scores(new Map([['a', 1], ['b', 0.5], ['zzz', 9]]));
    const sig = (z: number) => 1 / (1 + Math.exp(-z));
    // x: -1 + 1*1 = 0; y: 0.5 - 0.5*1 + 2*0.5 = 1.
    assert.deepEqual(got.map((s) => s.cls), ['y', 'x']);
    assert.ok(Math.abs(got[0]!.p - sig(1)) < 1e-9 && Math.abs(got[1]!.p - sig(0)) < 1e-9);
    assert.equal(m.probability(new Map([['a', 2]])), sig(1));
  });
});

describe('recogniser: wordings written for these tests', () => {
  const DOC = '# Ketamine for depression\n\nKetamine is given as a slow drip in a clinic.\n\n';
  const claimsOf = (sentence: string) => analyze(DOC + sentence + '\n', db).matches.filter((m) => m.start >= DOC.length).map((m) => m.claimId);
  const codesOf = (sentence: string) => analyze(DOC + sentence + '\n', db).findings.filter((f) => f.start >= DOC.length && f.code !== 'uncited-claim').map((f) => f.code);
  const recognised: Array<[string, string]> = [
    ['Sedatives can take the edge off what ketamine does for mood.', 'benzodiazepine-attenuation'],
    ['It helps brain cells sprout new connections within hours.', 'synapse-growth'],
    ['Blocking the opioid receptors first left people feeling no better after the drip.', 'opioid-mediation'],
    ['Swallowed ketamine reaches the bloodstream far less efficiently than a drip does.', 'oral-sublingual-bioavailability'],
  ];
  for (const [s, claim] of recognised) it(`recognises ${claim}: ${s}`, () => assert.ok(claimsOf(s).includes(claim), claimsOf(s).join(', ')));
  const generic = ['Synapses are the junctions where neurons pass signals.', 'Regular exercise is good for mood.', 'Your appointment will take about two hours.'];
  for (const s of generic) it(`finds no claim in a generic sentence: ${s}`, () => assert.deepEqual(claimsOf(s), []));
  it('reads a denial of a recorded finding as a contradiction', () => assert.deepEqual(codesOf('Benzodiazepines make no difference to how well ketamine works, so keep taking them.').filter((c) => c !== 'missing-caveat'), ['contradicted-claim']));
  it('reads a participle that opens the sentence as no report of a result', () => assert.deepEqual(codesOf('Melted on the tongue, the lozenges put just as much ketamine into your blood as a drip does.'), ['contradicted-claim']));
  it("reads what a recorded contradiction says in words of its own (its class, not its concepts)", () => {
    const f = analyze(DOC + 'Honestly, the out-of-body feeling is the part that does the healing.\n', db).findings.filter((x) => x.start >= DOC.length && x.code === 'contradicted-claim');
    assert.deepEqual(f.map((x) => x.reason?.cue), [{ kind: 'contradiction (recogniser, its content)', text: 'dissociation-produces-benefit' }]);
  });
  it("reads the writer's own report of what they said (\"I explained that…\") as the writer's word", () => {
    const f = analyze(DOC + 'I explained that nobody needs to keep an eye on patients once the drip is finished.\n', db).findings.filter((x) => x.start >= DOC.length && x.code === 'contradicted-claim');
    assert.deepEqual(f.map((x) => x.reason?.cue), [{ kind: 'contradiction (recogniser, its content)', text: 'monitoring-not-needed' }]);
  });
  it('reads a contradiction whose later clause holds a quoted term and a condition as stated ("…, so I\'ll use «sistema opioide» if she explains it")', () => {
    const f = analyze(DOC + 'The opioid explanation has now replaced the old glutamate one, so I\'ll use "sistema opioide" if she explains the mechanism.\n', db).findings.filter((x) => x.start >= DOC.length && x.code === 'contradicted-claim');
    assert.deepEqual(f.map((x) => x.reason?.cue?.text), ['opioid-replaces-glutamate']);
    // the same words quoted, or under a condition of their own, are not the writer's
    assert.deepEqual(codesOf('She said "the opioid explanation has now replaced the old glutamate one" in the meeting.'), []);
    assert.deepEqual(codesOf('If the opioid explanation has now replaced the old glutamate one, the textbooks will need rewriting.'), []);
  });
  it('reads boosters and top-ups as repeated use, "N in M people" as a share, "the answer for depression" as the antidepressant effect, and an NMDA "agonist" as the opposite of the evidence (round 21, set 12)', () => {
    assert.deepEqual(codesOf('Since ketamine might partly work through the opioid system, I go in for a booster every three weeks.'), ['missing-caveat']);
    assert.deepEqual(codesOf('About two in five people with major depression have the treatment-resistant kind.'), ['figure-mismatch']);
    assert.deepEqual(codesOf('Ketamine is the proven answer for depression that nothing else has touched.'), ['overstated-certainty']);
    assert.deepEqual(codesOf('Ketamine works as an NMDA agonist in the brain.'), ['contradicted-claim']);
    assert.deepEqual(codesOf('Ketamine works as an NMDA antagonist in the brain.'), []);
  });
  it('reads idioms that close the question ("the research is unanimous", "down to a science", "science has spoken") as proof, and not about bookings (round 20)', () => {
    assert.deepEqual(codesOf('The research is unanimous that a single infusion brings rapid relief to people with depression.'), ['overstated-certainty']);
    assert.deepEqual(codesOf('Science has spoken: ketamine gets you out of the fog in hours, not weeks.'), ['overstated-certainty']);
    assert.deepEqual(codesOf('These ketamine places are completely unregulated, anyone with a nurse and a couch can open one.'), ['overstated-certainty']);
    assert.deepEqual(codesOf('The booking team has scheduling down to a science, so you can pick any weekday.'), []);
  });
  it('reads a likely contradiction that names only its subject, unless the sentence only says what a thing is (round 19; rounds 3 and 14)', () => {
    assert.deepEqual(codesOf('Think of it like a reset button: one round of treatment and the depression is gone for good.'), ['contradicted-claim']);
    for (const s of ['Spravato (esketamine) is a nasal spray.', 'There is also a nose spray called Spravato.', 'Naltrexone being the opioid blocker.']) assert.deepEqual(codesOf(s).filter((c) => c === 'contradicted-claim'), [], s);
  });
  it('reads a hedge in another clause as leaving the claim stated ("…, potentially providing relief"), and a hedge in its own clause as hedging it (set 12)', () => {
    assert.deepEqual(codesOf('It helps the brain form new neural connections, potentially providing long-term relief from depressive symptoms.'), ['extrapolated-evidence']);
    assert.deepEqual(codesOf('It may help the brain form new neural connections, potentially providing long-term relief.'), []);
  });
  it('does not read "still working out exactly how" as knowing exactly how', () => assert.deepEqual(codesOf('Researchers are still working out exactly how ketamine helps.'), []));
  it("reads what follows a chat's date stamp and speaker as it reads the same words alone", () => {
    const line = 'Ketamine never does anything to your bladder, trust me on that one.';
    assert.deepEqual(codesOf(`[03/11/24, 08:15] Sam: ${line}`), codesOf(line));
    assert.deepEqual(codesOf(line), ['contradicted-claim']);
  });
  it("reads proof of 'effective for the treatment of depression' as overstating the antidepressant effect", () => assert.deepEqual(codesOf('Several trials have established that ketamine is effective for the treatment of depression.'), ['overstated-certainty']));
  it('reads a contradiction whose own words deny something ("proven not to affect memory") with its negation', () => {
    const f = analyze(DOC + 'Mind you, the infusions have been proven not to affect memory or thinking in any way.\n', db).findings.filter((x) => x.start >= DOC.length && x.code === 'contradicted-claim');
    assert.deepEqual(f.map((x) => x.reason?.cue?.text), ['no-cognitive-risk-proven']);
  });
  it("reads proof of a claim whose subject is 'it' ('Stanford proved it works through the opioid system') as overstating it", () => {
    const f = analyze('# Elm Street neighbours\n\nA ketamine clinic is opening on Elm Street.\n\nIs ketamine safe? My cousin had ketamine twice.\n\nKetamine helped my neighbour too.\n\nThen Stanford proved it acts through the opioid system, which is why it is so fast.\n', db).findings.filter((x) => x.code === 'overstated-certainty');
    assert.deepEqual(f.map((x) => x.reason?.claim?.id), ['opioid-mediation']);
  });
  it('does not read a statement that evidence is scarce as a contradiction', () => assert.deepEqual(codesOf('There is very little formal evidence about the long-term safety of ketamine.'), []));
  it('does not read a question without its mark, or a label, as that contradiction', () => {
    assert.deepEqual(codesOf('can i just get the spray and use it at home on my own'), []);
    assert.deepEqual(codesOf('Time horizon: 10 years (120 months).'), []);
  });
  it('does not read a double negative that agrees with the evidence as one', () => assert.deepEqual(codesOf('No one can claim that the mechanism of ketamine is fully understood.'), []));
  it('explains a finding: the claim, its grade, the words and the recogniser', () => {
    const f = analyze(DOC + 'Researchers have definitively shown that ketamine relieves depression through the opioid system.\n', db).findings.find((x) => x.code === 'overstated-certainty')!;
    assert.equal(f.reason?.claim?.id, 'opioid-mediation');
    assert.equal(f.reason?.claim?.grade, 'preliminary');
    assert.deepEqual(f.reason?.cue, { kind: 'booster', text: 'definitively' });
    assert.ok(f.reason?.matched?.concepts.some((c) => c.id === 'opioid' && c.words === 'opioid'));
    assert.ok((f.reason?.matched?.recogniser?.p ?? 0) > 0.5);
  });
});

describe('the database says what its evidence allows', () => {
  // Each claim's own statement, written at its grade, passes: a finding there would be a false alarm
  // on the most careful wording there is.
  for (const c of db.claims.values()) {
    it(`no warning or error on the statement of ${c.id}`, () => {
      const serious = analyze(`# Ketamine for depression\n\n${c.statement}\n`, db).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(serious.map((f) => `${f.code}: ${f.message}`), []);
    });
  }
});

describe('recogniser: the committed weights', () => {
  it('are what `npm run train:recognizer` produces from the bank', function () {
    this.timeout(300_000);
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts/train-recognizer.mjs'), '--check', '--quiet'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
