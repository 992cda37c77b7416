// The embedded database itself: valid, complete, resolvable, paraphrased, and in sync with its
// compiled copy and JSON Schema.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot, requireShared, sharedRoot } from '../helpers.js';
import { loadPacks, formatPackError } from '../../server/src/db/loader.js';
import { embeddedPackFiles, loadEmbeddedDatabase, databaseFromJson, databaseToJson, type CompiledDb } from '../../server/src/db/embedded.js';
import { GRADES, PackFile, type Claim, type Database } from '../../server/src/db/schema.js';

const files = embeddedPackFiles(join(repoRoot, 'claims'));
const loaded = loadPacks(files);
const db: Database = loaded.db;

/** The findings issue 2 requires, each mapped to the claim ids that carry it. */
const REQUIRED: Record<number, string[]> = {
  1: ['ketamine-nmda-antagonist', 'ketamine-anesthetic-history'],
  2: ['rapid-antidepressant-effect', 'effect-duration-about-a-week', 'first-rct-2000'],
  3: ['mechanism-not-understood'],
  4: ['disinhibition-hypothesis'],
  5: ['bdnf-release', 'synapse-growth'],
  6: ['opioid-mediation', 'naltrexone-trial-design', 'naltrexone-trial-results'],
  7: ['naltrexone-spares-dissociation'],
  8: ['opioid-dependence-concern'],
  9: ['benzodiazepine-attenuation'],
  10: ['mrs-gaba-glutamate', 'abdallah-ketamine-study'],
  11: ['rodent-spines-mtor'],
  12: ['postmortem-frontal-volume', 'low-gaba-in-depression'],
  13: ['esketamine-fda-approval-2019', 'esketamine-supervised-administration'],
  14: ['oral-sublingual-bioavailability'],
  15: ['common-side-effects', 'further-adverse-effects'],
  16: ['long-term-effects-unknown', 'long-term-high-dose-harms', 'bladder-toxicity', 'abuse-potential'],
  17: ['not-first-line', 'monitoring-and-follow-up'],
  18: ['trd-definition', 'trd-prevalence'],
  19: ['suicidal-ideation-85'],
  20: ['infusion-study-2022-design', 'infusion-study-2022', 'infusion-study-2022-cognition'],
  21: ['ketamine-vs-midazolam-2020'],
  22: ['ect-anesthesia-review-2021'],
  23: ['ketamine-vs-monoamine-antidepressants'],
  24: ['clinic-regulation', 'cost-and-insurance', 'other-indications', 'next-generation-agents', 'psychotherapy-combination'],
};

const claim = (id: string): Claim => {
  const c = db.claims.get(id);
  assert.ok(c, `claim '${id}' is missing`);
  return c;
};
const figure = (claimId: string, figId: string) => {
  const f = claim(claimId).figures?.find((x) => x.id === figId);
  assert.ok(f, `figure ${claimId}/${figId} is missing`);
  return f;
};
const contradiction = (id: string) => {
  for (const c of db.claims.values()) for (const x of c.contradictions ?? []) if (x.id === id) return x;
  assert.fail(`contradiction '${id}' is missing`);
};

describe('embedded database', () => {
  it('loads from claims/*.yaml without errors or warnings', () => {
    assert.deepEqual(loaded.errors.map(formatPackError), []);
    assert.ok(files.length >= 7);
    for (const f of files) assert.match(f.text, /^# yaml-language-server: \$schema=\.\/schema\.json\n/, `${f.file} starts with the schema comment`);
  });

  it('has all 24 required findings, each as its own claim', () => {
    for (const [n, ids] of Object.entries(REQUIRED)) {
      for (const id of ids) assert.ok(db.claims.has(id), `finding ${n}: claim '${id}' is missing`);
    }
    const all = Object.values(REQUIRED).flat();
    assert.equal(new Set(all).size, all.length, 'no claim is counted for two findings');
  });

  it('grades the key findings by their underlying evidence', () => {
    const expect: Record<string, string> = {
      'ketamine-nmda-antagonist': 'established',
      'mechanism-not-understood': 'established',
      'disinhibition-hypothesis': 'preliminary',
      'opioid-mediation': 'preliminary',
      'naltrexone-spares-dissociation': 'preliminary',
      'benzodiazepine-attenuation': 'preliminary',
      'mrs-gaba-glutamate': 'preliminary',
      'rodent-spines-mtor': 'preclinical-only',
      'synapse-growth': 'preclinical-only',
      'esketamine-fda-approval-2019': 'established',
      'rapid-antidepressant-effect': 'supported',
      'suicidal-ideation-85': 'preliminary',
      'infusion-study-2022': 'preliminary',
    };
    for (const [id, grade] of Object.entries(expect)) assert.equal(claim(id).grade, grade, id);
    assert.equal(claim('rodent-spines-mtor').population, 'animals');
    assert.equal(claim('mrs-gaba-glutamate').population, 'subgroup');
    assert.equal(claim('postmortem-frontal-volume').population, 'post-mortem');
  });

  it('uses every grade of the scale except where no finding fits, and no forum-only claim is established', () => {
    const used = new Set([...db.claims.values()].map((c) => c.grade));
    for (const g of GRADES.filter((g) => g !== 'contested')) assert.ok(used.has(g), `grade ${g} is used`);
    for (const c of db.claims.values()) {
      const kinds = new Set(c.sources.map((s) => db.sources.get(s.id)!.kind));
      if (kinds.size === 1 && kinds.has('forum-article')) {
        assert.notEqual(c.grade, 'established', `${c.id} rests on the forum article alone`);
      }
    }
  });

  it('carries the figures of the naltrexone trial and the other studies', () => {
    const v = (c: string, f: string) => {
      const x = figure(c, f);
      return [x.kind, x.value ?? null, x.min ?? null, x.max ?? null, x.of ?? null];
    };
    assert.deepEqual(v('naltrexone-trial-design', 'planned'), ['count', 30, null, null, null]);
    assert.deepEqual(v('naltrexone-trial-design', 'studied'), ['count', 14, null, null, null]);
    assert.deepEqual(v('naltrexone-trial-design', 'completed'), ['count', 12, null, null, null]);
    assert.deepEqual(v('naltrexone-trial-results', 'responders'), ['ratio', 7, null, null, 12]);
    assert.deepEqual(v('naltrexone-trial-results', 'completed'), ['count', 12, null, null, null]);
    assert.deepEqual(v('naltrexone-trial-design', 'naltrexone-dose'), ['dose', 50, null, null, null]);
    assert.deepEqual(v('naltrexone-trial-design', 'ketamine-dose'), ['dose', 0.5, null, null, null]);
    assert.deepEqual(v('naltrexone-trial-design', 'response-threshold'), ['percent', 50, null, null, null]);
    assert.equal(figure('naltrexone-trial-design', 'response-threshold').bound, 'lower');
    assert.deepEqual(v('esketamine-fda-approval-2019', 'year'), ['year', 2019, null, null, null]);
    assert.deepEqual(v('trd-prevalence', 'share-percent'), ['percent', 33.3, null, null, null]);
    assert.equal(figure('trd-prevalence', 'share-percent').bound, 'upper');
    assert.deepEqual(v('trd-definition', 'failed-trials'), ['count', 2, null, null, null]);
    assert.deepEqual(v('suicidal-ideation-85', 'no-ideation'), ['percent', 85, null, null, null]);
    assert.deepEqual(v('infusion-study-2022', 'completers'), ['count', 22, null, null, null]);
    assert.deepEqual(v('infusion-study-2022-design', 'infusions'), ['count', null, 8, 10, null]);
    assert.deepEqual(v('infusion-study-2022', 'reduction'), ['percent', 47.17, null, null, null]);
    assert.deepEqual(v('infusion-study-2022', 'remitted'), ['count', 6, null, null, null]);
    assert.deepEqual(v('abdallah-ketamine-study', 'participants'), ['count', 12, null, null, null]);
    assert.deepEqual(v('abdallah-ketamine-study', 'age-range'), ['age', null, 18, 65, null]);
    assert.deepEqual(v('abdallah-ketamine-study', 'infusion-time'), ['duration', 40, null, null, null]);
    assert.deepEqual(v('mrs-gaba-glutamate', 'subgroup'), ['count', 4, null, null, null]);
    assert.deepEqual(v('first-rct-2000', 'year'), ['year', 2000, null, null, null]);
    assert.deepEqual(v('ketamine-anesthetic-history', 'decade'), ['year', null, 1960, 1970, null]);
    assert.deepEqual(v('ect-anesthesia-review-2021', 'trials'), ['count', 3, null, null, null]);
    assert.deepEqual(v('ketamine-vs-midazolam-2020', 'year'), ['year', 2020, null, null, null]);
    assert.deepEqual(v('standard-iv-dose', 'dose'), ['dose', 0.5, null, null, null]);
  });

  it('has the contradictions the evidence refutes', () => {
    const negated = (id: string, concept: string) => {
      const x = contradiction(id);
      assert.equal(x.polarity, 'negated', id);
      assert.equal(x.negatedConcept, concept, id);
    };
    assert.deepEqual(contradiction('naltrexone-blocked-dissociation').concepts, ['opioid-antagonist', 'dissociation']);
    negated('no-long-term-risks', 'risk');
    negated('benzodiazepines-do-not-interact', 'interaction');
    negated('no-abuse-potential', 'dependence');
    negated('no-side-effects', 'side-effect');
    for (const id of ['completely-safe-long-term', 'ketamine-first-line', 'esketamine-at-home', 'esketamine-unsupervised',
      'single-pathway-sole-mechanism', 'mechanism-fully-understood', 'single-dose-lasts-months', 'oral-as-bioavailable-as-iv']) {
      assert.equal(contradiction(id).polarity, 'affirmed', id);
    }
    // Rodent findings stated for humans are extrapolation, not contradiction: no contradiction may
    // fire on a plain statement about spines without a "proven" qualifier.
    for (const c of db.claims.values()) for (const x of c.contradictions ?? []) {
      if (x.concepts.includes('dendritic-spines')) assert.ok(x.concepts.includes('well-understood'), x.id);
    }
  });

  it('requires the benzodiazepine caution, but not for midazolam as a trial comparator', () => {
    const c = db.cautions.get('benzodiazepine-attenuation');
    assert.ok(c);
    assert.equal(c.scope, 'document');
    assert.deepEqual(c.requiredWhen[0]!.concepts, ['ketamine', 'benzodiazepine']);
    assert.ok(c.requiredWhen[0]!.unless!.includes('comparator'));
    assert.ok(c.requiredWhen.some((w) => w.concepts.includes('sedative') && w.anyOf?.includes('co-medication')));
    assert.ok(c.satisfiedBy.anyOf!.includes('attenuate') && c.satisfiedBy.anyOf!.includes('interaction'));
    assert.deepEqual(db.concepts.get('midazolam')!.broader, ['benzodiazepine']);
    assert.ok(db.concepts.get('comparator')!.variants.includes('versus'));
    const op = db.cautions.get('opioid-dependence');
    assert.ok(op);
    assert.deepEqual(op.requiredWhen[0]!.concepts, ['ketamine', 'opioid', 'long-term'], 'only with repeated/long-term use, never on every opioid mention');
  });

  it('names benzodiazepines by class, generic and brand name, with a pattern for the rest', () => {
    const benzo = db.concepts.get('benzodiazepine')!;
    for (const v of ['lorazepam', 'clonazepam', 'diazepam', 'alprazolam', 'temazepam', 'oxazepam', 'chlordiazepoxide', 'clorazepate',
      'triazolam', 'estazolam', 'flurazepam', 'nitrazepam', 'bromazepam', 'lormetazepam', 'clobazam', 'xanax', 'valium', 'ativan',
      'klonopin', 'restoril', 'librium', 'halcion']) assert.ok(benzo.variants.includes(v), v);
    const re = new RegExp(benzo.patterns![0]!, 'giu');
    for (const drug of ['cinolazepam', 'ketazolam', 'flutazolam', 'etizolam']) assert.ok(new RegExp(re.source, 'iu').test(`took ${drug} nightly`), drug);
    assert.equal(new RegExp(re.source, 'iu').test('an azepam-free regimen'), false);
    for (const v of ['zolpidem', 'sleeping pill', 'tranquilizer', 'sedative']) assert.ok(db.concepts.get('sedative')!.variants.includes(v), v);
  });

  it('every reference resolves: claim concepts, sources, figure sources and cautions', () => {
    for (const c of db.claims.values()) {
      for (const k of [...c.concepts, ...(c.anyOf ?? []), ...(c.topical ?? []), ...(c.unless ?? [])]) assert.ok(db.concepts.has(k), `${c.id}: concept ${k}`);
      for (const s of c.sources) assert.ok(db.sources.has(s.id), `${c.id}: source ${s.id}`);
      const own = new Set(c.sources.map((s) => s.id));
      for (const f of c.figures ?? []) {
        assert.ok(f.value !== undefined || f.min !== undefined || f.max !== undefined, `${c.id}/${f.id}`);
        if (f.source) assert.ok(own.has(f.source.id), `${c.id}/${f.id}: figure source is one of the claim's sources`);
      }
      for (const k of c.cautions ?? []) assert.ok(db.cautions.has(k), `${c.id}: caution ${k}`);
      for (const x of c.contradictions ?? []) for (const k of [...x.concepts, ...(x.anyOf ?? []), ...(x.unless ?? [])]) assert.ok(db.concepts.has(k), `${x.id}: ${k}`);
    }
    for (const ca of db.cautions.values()) {
      for (const w of ca.requiredWhen) for (const k of [...w.concepts, ...(w.anyOf ?? []), ...(w.unless ?? [])]) assert.ok(db.concepts.has(k), `${ca.id}: ${k}`);
      for (const s of ca.sources) assert.ok(db.sources.has(s.id));
    }
    for (const s of db.sources.values()) for (const r of s.reports ?? []) assert.ok(db.sources.has(r), `${s.id} reports ${r}`);
  });

  it('every seed document (000–004) is cited by at least one claim, following report links', () => {
    const seedsOf = (sourceId: string): string[] => {
      const s = db.sources.get(sourceId)!;
      const reporters = [...db.sources.values()].filter((r) => r.reports?.includes(sourceId));
      return [s.seed, ...reporters.map((r) => r.seed)].filter((x): x is string => !!x);
    };
    const cited = new Set<string>();
    for (const c of db.claims.values()) for (const s of c.sources) seedsOf(s.id).forEach((x) => cited.add(x));
    assert.deepEqual([...cited].sort(), ['000', '001', '002', '003', '004']);
    // The underlying studies and their reports are both recorded.
    assert.deepEqual(db.sources.get('phelps2019')!.reports, ['williams2018']);
    assert.deepEqual(db.sources.get('bnn2012')!.reports, ['abdallah2011', 'li2010', 'li2011']);
    assert.ok(db.sources.get('handzel2022')!.reports!.includes('berman2000'));
    const seedsDir = join(sharedRoot, 'seeds');
    if (existsSync(seedsDir)) {
      const names = readdirSync(seedsDir);
      for (const s of db.sources.values()) if (s.seed) assert.ok(names.some((n) => n.startsWith(`${s.seed}_`)), `seed ${s.seed} exists`);
    }
  });

  it('paraphrases the seeds: no text field repeats eight consecutive words of a seed', function () {
    const seedsDir = requireShared(this, 'seeds');
    const words = (t: string) => t.toLowerCase().replace(/[’']/g, "'").split(/[^a-z0-9.'/-]+/).filter(Boolean);
    const grams = new Set<string>();
    for (const n of readdirSync(seedsDir).filter((n) => /^\d{3}_/.test(n))) {
      const w = words(readFileSync(join(seedsDir, n), 'utf8'));
      for (let i = 0; i + 8 <= w.length; i++) grams.add(w.slice(i, i + 8).join(' '));
    }
    const texts: Array<[string, string]> = [];
    for (const c of db.claims.values()) {
      texts.push([c.id, c.statement], [c.id, c.supportedWording], [c.id, c.rationale]);
      for (const x of c.contradictions ?? []) texts.push([x.id, x.statement], [x.id, x.explanation], [x.id, x.correction ?? '']);
    }
    for (const ca of db.cautions.values()) texts.push([ca.id, ca.text]);
    for (const [id, t] of texts) {
      const w = words(t);
      for (let i = 0; i + 8 <= w.length; i++) assert.ok(!grams.has(w.slice(i, i + 8).join(' ')), `${id} copies a seed: "${w.slice(i, i + 8).join(' ')}"`);
    }
  });

  it('the compiled dist/claims.json, when present and fresh, holds the same records', function () {
    const json = join(repoRoot, 'dist', 'claims.json');
    if (!existsSync(json) || files.some((f) => statSync(join(repoRoot, f.file)).mtimeMs > statSync(json).mtimeMs)) this.skip();
    const compiled = databaseFromJson(JSON.parse(readFileSync(json, 'utf8')) as CompiledDb);
    assert.deepEqual([...compiled.claims.keys()], [...db.claims.keys()]);
    assert.deepEqual(compiled.claims.get('opioid-mediation'), db.claims.get('opioid-mediation'));
    assert.deepEqual(compiled.origins.get('claim:opioid-mediation'), db.origins.get('claim:opioid-mediation'));
  });

  it('round-trips through the compiled form and loadEmbeddedDatabase resolves origins to files', () => {
    const again = databaseFromJson(JSON.parse(JSON.stringify(databaseToJson(db))) as CompiledDb);
    assert.deepEqual(again.claims, db.claims);
    assert.deepEqual(again.origins, db.origins);
    const emb = loadEmbeddedDatabase();
    assert.equal(emb.claims.size, db.claims.size);
    const o = emb.origins.get('claim:opioid-mediation')!;
    assert.ok(existsSync(o.file), o.file);
    assert.match(readFileSync(o.file, 'utf8').split('\n')[o.line]!, /id: opioid-mediation/);
    assert.equal(loadEmbeddedDatabase(), emb, 'cached');
  });

  it('claims/schema.json is the JSON Schema generated from the zod schema', () => {
    const file = join(repoRoot, 'claims', 'schema.json');
    assert.ok(existsSync(file), 'run npm run build');
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    const generated = z.toJSONSchema(PackFile, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;
    assert.deepEqual(onDisk.properties, JSON.parse(JSON.stringify(generated.properties)));
    assert.equal(onDisk.additionalProperties, false);
    const claimSchema = onDisk.properties.claims.items;
    assert.deepEqual(claimSchema.properties.grade.enum, [...GRADES]);
  });
});

describe('docs/evidence-grading.md', () => {
  it('lists every claim with its current grade', () => {
    const md = readFileSync(join(repoRoot, 'docs', 'evidence-grading.md'), 'utf8');
    for (const c of db.claims.values()) {
      assert.ok(md.includes(`| \`${c.id}\` | ${c.grade} |`), `claim ${c.id} (${c.grade}) is in the table`);
    }
    const rows = md.split('\n').filter((l) => /^\| `[^`]+` \| (established|supported|preliminary|preclinical-only|contested) \|/.test(l));
    assert.equal(rows.length, db.claims.size, 'no stale rows');
  });
});
