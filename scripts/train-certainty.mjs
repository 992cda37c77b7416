#!/usr/bin/env node
// `npm run train`: learns the certainty model of the sentence analyzer and writes
// server/src/engine/analyzer/weights.ts.
//
// Data: Pei & Jurgens 2021 sentence-level certainty (MIT), from $CLAIMLINT_DATA or ../shared/data.
// Weights are fitted on `train` only; the settings (ridge penalty, lexical features or not, their
// minimum count and penalty scale) are chosen by Pearson r on `val`; `test`, `ext` and test+ext are
// reported, never used for a choice. Deterministic: no randomness, fixed grid, stable sort orders.
//
// Needs the compiled analyzer: run `npx tsc -p .` first (the script does it when out/ is missing).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pearson } from './lib/stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, process.env.CLAIMLINT_DATA ?? '../shared/data');
const compiled = join(root, 'out/server/src/engine/analyzer/index.js');
if (!existsSync(compiled)) execFileSync('npx', ['tsc', '-p', root], { stdio: 'inherit' });
const { featurize, FEATURE_NAMES } = await import(pathToFileURL(compiled).href);

const file = join(dataDir, 'pei-jurgens-certainty/sentence-level-certainty.jsonl');
if (!existsSync(file)) {
  console.error(`Pei & Jurgens data not found at ${file}; set CLAIMLINT_DATA to the shared data folder.`);
  process.exit(2);
}
const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const split = (name) => rows.filter((r) => r.split === name);
const data = { train: split('train'), val: split('val'), test: split('test'), ext: split('ext') };
for (const r of rows) {
  const f = featurize(r.finding);
  r.x = f.x;
  r.words = f.words;
  r.y = r['sentence-level-certainty'];
}

// ---------- linear algebra ----------
/** Solves A x = b for symmetric positive definite A (n×n, row-major Float64Array) by Cholesky. */
function cholSolve(A, b, n) {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) L[i * n + i] = Math.sqrt(Math.max(s, 1e-12));
      else L[i * n + j] = s / L[j * n + j];
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * z[k];
    z[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}


// ---------- optional extra rows: Pei & Jurgens aspect-level findings (same MIT release, `train` split) ----------
// Findings that appear only in the aspect-level file get a pseudo-rating: a least-squares map from their six
// aspect labels (Certain / Uncertain) to the sentence rating, fitted on findings present in both files' train
// data. Findings that occur anywhere in the sentence-level file (val, test, ext included) are never added.
function aspectRows() {
  const f = join(dataDir, 'pei-jurgens-certainty/aspect-level-certainty.jsonl');
  if (!existsSync(f)) return [];
  const aspects = ['Number', 'Extent', 'Probability', 'Condition', 'Suggestion', 'Framing'];
  const norm = (t) => t.trim().toLowerCase();
  const bySentence = new Map(rows.map((r) => [norm(r.finding), r]));
  const vec = (a) => [1, ...aspects.flatMap((k) => [+(a['aspect-level-certainty'][k] === 'Certain'), +(a['aspect-level-certainty'][k] === 'Uncertain')])];
  const A = readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((a) => a.split === 'train');
  const d = 13, M = new Float64Array(d * d), b = new Float64Array(d);
  for (const a of A) {
    const r = bySentence.get(norm(a.finding));
    if (!r || r.split !== 'train') continue;
    const v = vec(a);
    for (let i = 0; i < d; i++) { b[i] += v[i] * r.y; for (let j = 0; j < d; j++) M[i * d + j] += v[i] * v[j]; }
  }
  for (let i = 0; i < d; i++) M[i * d + i] += 1;
  const beta = cholSolve(M, b, d);
  return A.filter((a) => !bySentence.has(norm(a.finding))).map((a) => {
    const f2 = featurize(a.finding);
    return { finding: a.finding, x: f2.x, words: f2.words, y: vec(a).reduce((t, v, i) => t + v * beta[i], 0) };
  });
}
const extra = aspectRows();

// ---------- design ----------
const F = FEATURE_NAMES.length;
function vocabulary(minCount) {
  if (!minCount) return [];
  const df = new Map();
  for (const r of data.train) for (const w of r.words) df.set(w, (df.get(w) ?? 0) + 1);
  return [...df].filter(([, c]) => c >= minCount).map(([w]) => w).sort();
}

/** Dense design rows: standardized hand features, then binary word columns scaled by `wordScale`. */
function design(set, stats, vocab, wordScale) {
  const vidx = new Map(vocab.map((w, i) => [w, i]));
  const p = F + vocab.length;
  return set.map((r) => {
    const row = new Float64Array(p);
    for (let k = 0; k < F; k++) row[k] = stats.sd[k] > 0 ? (r.x[k] - stats.mean[k]) / stats.sd[k] : 0;
    for (const w of r.words) { const i = vidx.get(w); if (i !== undefined) row[F + i] = wordScale; }
    return row;
  });
}

function featureStats(set) {
  const mean = new Float64Array(F), sd = new Float64Array(F);
  for (const r of set) for (let k = 0; k < F; k++) mean[k] += r.x[k];
  for (let k = 0; k < F; k++) mean[k] /= set.length;
  for (const r of set) for (let k = 0; k < F; k++) sd[k] += (r.x[k] - mean[k]) ** 2;
  for (let k = 0; k < F; k++) sd[k] = Math.sqrt(sd[k] / set.length);
  return { mean, sd };
}

/** Weighted Gram matrix of the centred design (intercept unpenalized), reused across penalties. */
function gram(X, y, wts) {
  const n = X.length, p = X[0].length;
  let W = 0, ym = 0;
  const xm = new Float64Array(p);
  for (let i = 0; i < n; i++) { W += wts[i]; ym += wts[i] * y[i]; for (let k = 0; k < p; k++) xm[k] += wts[i] * X[i][k]; }
  ym /= W;
  for (let k = 0; k < p; k++) xm[k] /= W;
  const A = new Float64Array(p * p), b = new Float64Array(p), c = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const w = wts[i], r = X[i];
    for (let a = 0; a < p; a++) c[a] = r[a] - xm[a];
    const yc = y[i] - ym;
    for (let a = 0; a < p; a++) {
      const va = w * c[a];
      if (va === 0) continue;
      b[a] += va * yc;
      for (let k = 0; k <= a; k++) A[a * p + k] += va * c[k];
    }
  }
  for (let a = 0; a < p; a++) for (let k = 0; k < a; k++) A[k * p + a] = A[a * p + k];
  return { A, b, xm, ym, p };
}

// Linguistic priors (certainty points per unit of the raw feature). Ridge shrinks these coefficients toward
// the prior instead of toward zero (w = (XᵀX + λI)⁻¹(Xᵀy + λ·w₀)), so the data still moves them but sparse
// cues keep their known direction: strong boosters raise certainty; open questions ("it is unclear whether"),
// weak modals, limitations and negated boosters ("not proven") lower it.
const PRIORS = {
  // feature: [prior, how many times more strongly it is held to the prior than other coefficients to zero]
  'cue:booster-strong': [0.35, 30],
  'flag:boosted': [0.15, 30],
  'cue:generaliser': [0.15, 30],
  // An open question asserts nothing about its content: held (almost) fixed so that "it is unclear whether X
  // causes Y" reads as less certain than "X may cause Y", which the few such sentences in the data cannot teach.
  'cue:open-question': [-1.8, 1000],
  'cue:modal-weak': [-0.7, 30],
  'cue:limitation': [-0.5, 30],
  'cue:negated-booster': [-0.4, 30],
};
const usePriors = !process.argv.includes('--no-priors');

function ridge(G, lambda) {
  const { A, b, xm, ym, p } = G;
  const Al = Float64Array.from(A);
  for (let a = 0; a < p; a++) Al[a * p + a] += lambda;
  const rhs = Float64Array.from(b);
  if (usePriors) {
    for (const [name, [prior, strength]] of Object.entries(PRIORS)) {
      const k = FEATURE_NAMES.indexOf(name);
      if (k < 0) throw new Error(`prior for unknown feature ${name}`);
      // The design is standardized: the coefficient on z is raw · sd.
      Al[k * p + k] += (strength - 1) * lambda;
      rhs[k] += strength * lambda * prior * stats.sd[k];
    }
  }
  const w = cholSolve(Al, rhs, p);
  let b0 = ym;
  for (let k = 0; k < p; k++) b0 -= w[k] * xm[k];
  return { w, b0 };
}

const predict = (X, m) => X.map((row) => { let s = m.b0; for (let k = 0; k < row.length; k++) s += row[k] * m.w[k]; return Math.min(6, Math.max(1, s)); });

// ---------- settings grid, chosen on val ----------
const stats = featureStats(data.train);
const lambdas = [10, 30, 100, 300];
const lexical = [
  { minCount: 0, wordScale: 0 },
  { minCount: 5, wordScale: 0.5 }, { minCount: 5, wordScale: 1 },
  { minCount: 3, wordScale: 0.5 },
];
const extraWeights = [0, 0.5];
const results = [];
function fitSetting(lex, extraWeight) {
  const vocab = vocabulary(lex.minCount);
  const set = extraWeight > 0 ? [...data.train, ...extra] : data.train;
  const wts = set.map((r) => (data.train.includes(r) ? 1 : extraWeight));
  const G = gram(design(set, stats, vocab, lex.wordScale), set.map((r) => r.y), wts);
  return { vocab, G };
}
for (const lex of lexical) {
  for (const extraWeight of extraWeights) {
    const { vocab, G } = fitSetting(lex, extraWeight);
    const Xva = design(data.val, stats, vocab, lex.wordScale);
    for (const lambda of lambdas) {
      const m = ridge(G, lambda);
      const rVal = pearson(predict(Xva, m), data.val.map((r) => r.y));
      results.push({ ...lex, extraWeight, lambda, vocab: vocab.length, rVal });
      console.log(`  lambda=${String(lambda).padEnd(4)} words(min ${lex.minCount}, scale ${lex.wordScale}, ${String(vocab.length).padStart(4)})  aspect rows ${extraWeight ? extra.length + ' x ' + extraWeight : 'no'}  val r=${rVal.toFixed(4)}`);
    }
  }
}
const best = results.reduce((a, b) => (b.rVal > a.rVal + 1e-12 ? b : a));
console.log(`chosen on val: lambda=${best.lambda}, word min count=${best.minCount}, word scale=${best.wordScale}, aspect rows weight=${best.extraWeight} (val r=${best.rVal.toFixed(4)})`);

// ---------- final fit on train (+ aspect rows if chosen), report ----------
const { vocab, G } = fitSetting(best, best.extraWeight);
const model = ridge(G, best.lambda);
const report = {};
for (const name of ['train', 'val', 'test', 'ext']) {
  const X = design(data[name], stats, vocab, best.wordScale);
  report[name] = pearson(predict(X, model), data[name].map((r) => r.y));
}
{
  const te = [...data.test, ...data.ext];
  report['test+ext'] = pearson(predict(design(te, stats, vocab, best.wordScale), model), te.map((r) => r.y));
}
for (const [k, v] of Object.entries(report)) console.log(`Pearson r ${k.padEnd(9)} ${v.toFixed(4)}`);

// Fold standardization into raw-scale coefficients: y = b0 + Σ w_k (x_k - mean_k) / sd_k + Σ wordScale·v_w.
const round = (v) => Number(v.toPrecision(6));
let intercept = model.b0;
const features = {};
for (let k = 0; k < F; k++) {
  if (stats.sd[k] === 0 || model.w[k] === 0) continue;
  const c = model.w[k] / stats.sd[k];
  intercept -= c * stats.mean[k];
  if (Math.abs(c) >= 1e-6) features[FEATURE_NAMES[k]] = round(c);
}
const words = {};
vocab.forEach((w, i) => { const c = model.w[F + i] * best.wordScale; if (Math.abs(c) >= 1e-4) words[w] = round(c); });

const provenance = `ridge regression on Pei & Jurgens 2021 sentence-level certainty (MIT), train split (${data.train.length}); ` +
  `settings chosen on val (${data.val.length}): lambda=${best.lambda}, word features min count ${best.minCount} scale ${best.wordScale}, ` +
  `aspect-level rows ${best.extraWeight ? extra.length + ' at weight ' + best.extraWeight : 'not used'}, ` +
  `${usePriors ? 'shrunk toward linguistic priors [prior, strength] ' + JSON.stringify(PRIORS) : 'no priors'}; ` +
  `Pearson r val ${report.val.toFixed(3)}, test ${report.test.toFixed(3)}, ext ${report.ext.toFixed(3)}, test+ext ${report['test+ext'].toFixed(3)}. ` +
  'Regenerate with `npm run train`.';
const q = (s) => JSON.stringify(s);
const body = [
  '// GENERATED by scripts/train-certainty.mjs (npm run train). Do not edit by hand.',
  "import type { CertaintyModel } from './model.js';",
  '',
  'export const CERTAINTY_MODEL: CertaintyModel = {',
  `  provenance: ${q(provenance)},`,
  `  intercept: ${round(intercept)},`,
  '  features: {',
  ...Object.entries(features).map(([k, v]) => `    ${q(k)}: ${v},`),
  '  },',
  '  words: {',
  ...Object.entries(words).map(([k, v]) => `    ${q(k)}: ${v},`),
  '  },',
  '  min: 1,',
  '  max: 6,',
  '};',
  '',
].join('\n');
const out = join(root, 'server/src/engine/analyzer/weights.ts');
writeFileSync(out, body);
console.log(`wrote ${out} (${Object.keys(features).length} feature weights, ${Object.keys(words).length} word weights, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB)`);
console.log('rebuild with `npx tsc -p .` to use it.');
