#!/usr/bin/env node
// `npm run train`: learns the certainty model of the sentence analyzer and writes
// server/src/engine/analyzer/weights.ts.
//
// Data: Pei & Jurgens 2021 sentence-level certainty (MIT), from $CLAIMLINT_DATA or ../shared/data.
// Weights are fitted on `train` only; the settings (ridge penalty, Huber loss or squared loss, lexical
// features, aspect-level rows, residual trees) are chosen by Pearson r on `val`; `test`, `ext` and
// test+ext are reported, never used for a choice. Deterministic: no randomness, fixed grid, stable orders.
//
// Model: a linear part (ridge regression, optionally with a Huber loss by reweighting) over the hand
// features, their squares, cue matches keyed by group and text, and word presence; then a few small
// regression trees boosted on its residuals over the hand features.
//
// Needs the compiled analyzer: run `npx tsc -p .` first (the script does it when out/ is missing).
//
// usage: node scripts/train-certainty.mjs [--check] [--quiet] [--no-priors]
//   --check  train, compare with the committed weights.ts, exit 1 if they differ (nothing written)
import { readFileSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cholSolve } from './lib/linalg.mjs';
import { pearson } from './lib/stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, process.env.CLAIMLINT_DATA ?? '../shared/data');
const compiled = join(root, 'out/server/src/engine/analyzer/index.js');
if (!existsSync(compiled)) execFileSync('npx', ['tsc', '-p', root], { stdio: 'inherit' });
const { featurize, FEATURE_NAMES, CUE_COUNT_CAP } = await import(pathToFileURL(compiled).href);

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
  r.cueKeys = f.cueKeys;
  r.y = r['sentence-level-certainty'];
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
    return { finding: a.finding, x: f2.x, words: f2.words, cueKeys: f2.cueKeys, y: vec(a).reduce((t, v, i) => t + v * beta[i], 0) };
  });
}
const extra = aspectRows();

// ---------- design ----------
// Columns: 0 = intercept (unpenalized); then hand features / sd; squares of the non-binary hand features
// / sd · SQUARE_SCALE; cue keys (count up to CUE_COUNT_CAP) / sd · CUE_SCALE; word presence · WORD_SCALE.
// Columns are scaled but not centred: with an unpenalized intercept, ridge is unchanged by centring, and
// uncentred rows stay sparse. Scales and minimum counts were picked on val and on 10-fold CV within train.
const F = FEATURE_NAMES.length;
const SQUARE_SCALE = 0.3;
const CUE_SCALE = 0.3, CUE_MIN_COUNT = 3;
const WORD_SCALE = 1, WORD_MIN_COUNT = 5;
const sdOf = (vals) => {
  const m = vals.reduce((a, v) => a + v, 0) / vals.length;
  return Math.sqrt(vals.reduce((a, v) => a + (v - m) ** 2, 0) / vals.length);
};
const cueCounts = (r) => {
  const m = new Map();
  for (const k of r.cueKeys) m.set(k, Math.min(CUE_COUNT_CAP, (m.get(k) ?? 0) + 1));
  return m;
};
for (const r of [...rows, ...extra]) r.cues = cueCounts(r);

function documentFrequencies(set, get) {
  const df = new Map();
  for (const r of set) for (const k of new Set(get(r))) df.set(k, (df.get(k) ?? 0) + 1);
  return df;
}
const frequent = (df, min) => [...df].filter(([, c]) => c >= min).map(([k]) => k).sort();

/**
 * The fixed part of the design: scales from `train`; cue keys and words frequent enough among the rows
 * the model is fitted on (`train`, plus the aspect-level rows when they are used).
 */
function layout(lexical, fitted) {
  const sd = FEATURE_NAMES.map((_, k) => sdOf(data.train.map((r) => r.x[k])));
  const squared = FEATURE_NAMES.map((_, k) => k).filter((k) => sd[k] > 0 && data.train.some((r) => r.x[k] !== 0 && r.x[k] !== 1));
  const sdSq = squared.map((k) => sdOf(data.train.map((r) => r.x[k] ** 2)));
  const cueKeys = lexical ? frequent(documentFrequencies(fitted, (r) => r.cueKeys), CUE_MIN_COUNT) : [];
  const sdCue = cueKeys.map((key) => sdOf(data.train.map((r) => r.cues.get(key) ?? 0)));
  const vocab = lexical ? frequent(documentFrequencies(fitted, (r) => r.words), WORD_MIN_COUNT) : [];
  const offSq = 1 + F, offCue = offSq + squared.length, offWord = offCue + cueKeys.length;
  return {
    sd, squared, sdSq, cueKeys, sdCue, vocab, offSq, offCue, offWord, p: offWord + vocab.length,
    cueIndex: new Map(cueKeys.map((k, i) => [k, i])), wordIndex: new Map(vocab.map((w, i) => [w, i])),
  };
}

/** One sparse design row: parallel arrays of column indices and values. */
function designRow(r, L) {
  const idx = [0], val = [1];
  for (let k = 0; k < F; k++) if (L.sd[k] > 0 && r.x[k] !== 0) { idx.push(1 + k); val.push(r.x[k] / L.sd[k]); }
  L.squared.forEach((k, i) => { if (r.x[k] !== 0 && L.sdSq[i] > 0) { idx.push(L.offSq + i); val.push((SQUARE_SCALE * r.x[k] ** 2) / L.sdSq[i]); } });
  const cues = [];
  for (const [key, n] of r.cues) { const i = L.cueIndex.get(key); if (i !== undefined && L.sdCue[i] > 0) cues.push([L.offCue + i, (CUE_SCALE * n) / L.sdCue[i]]); }
  const words = [];
  for (const w of r.words) { const i = L.wordIndex.get(w); if (i !== undefined) words.push([L.offWord + i, WORD_SCALE]); }
  for (const [i, v] of [...cues, ...words].sort((a, b) => a[0] - b[0])) { idx.push(i); val.push(v); }
  return { idx: Int32Array.from(idx), val: Float64Array.from(val) };
}

/** Weighted Gram matrix XᵀWX (lower triangle filled, then mirrored) and XᵀWy from sparse rows. */
function gram(X, y, w, p) {
  const A = new Float64Array(p * p), b = new Float64Array(p);
  for (let n = 0; n < X.length; n++) {
    const { idx, val } = X[n], wn = w[n];
    if (wn === 0) continue;
    for (let a = 0; a < idx.length; a++) {
      const va = wn * val[a], ia = idx[a] * p;
      b[idx[a]] += va * y[n];
      for (let c = 0; c <= a; c++) A[ia + idx[c]] += va * val[c];
    }
  }
  for (let a = 0; a < p; a++) for (let c = 0; c < a; c++) A[c * p + a] = A[a * p + c];
  return { A, b };
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
const check = process.argv.includes('--check');
const log = process.argv.includes('--quiet') ? () => {} : console.log;

function ridge(G, L, lambda) {
  const p = L.p;
  const Al = Float64Array.from(G.A);
  const rhs = Float64Array.from(G.b);
  Al[0] += 1e-9;
  for (let a = 1; a < p; a++) Al[a * p + a] += lambda;
  if (usePriors) {
    for (const [name, [prior, strength]] of Object.entries(PRIORS)) {
      const k = FEATURE_NAMES.indexOf(name);
      if (k < 0) throw new Error(`prior for unknown feature ${name}`);
      // The column is x / sd: the coefficient on it is raw · sd.
      Al[(1 + k) * p + 1 + k] += (strength - 1) * lambda;
      rhs[1 + k] += strength * lambda * prior * L.sd[k];
    }
  }
  return cholSolve(Al, rhs, p);
}
const linear = (row, w) => { let s = 0; for (let a = 0; a < row.idx.length; a++) s += w[row.idx[a]] * row.val[a]; return s; };

/** Ridge fit; with `huber`, iteratively reweighted so residuals beyond `huber` count linearly (robust to raters' outliers). */
function fitLinear(X, y, wts, L, lambda, huber) {
  let w = wts, coef;
  for (let it = 0; it < (huber ? 6 : 1); it++) {
    coef = ridge(gram(X, y, w, L.p), L, lambda);
    if (huber) w = wts.map((wi, n) => { const r = Math.abs(y[n] - linear(X[n], coef)); return r <= huber ? wi : (wi * huber) / r; });
  }
  return coef;
}

// ---------- boosted regression trees on the residuals (hand features only) ----------
const TREE_RATE = 0.05, TREE_MIN_LEAF = 30;
function fitTree(rowsX, res, w, members, depth, order) {
  let W = 0, S = 0;
  for (const n of members) { W += w[n]; S += w[n] * res[n]; }
  const leaf = () => Number(((TREE_RATE * S) / W).toPrecision(6));
  if (depth === 0 || W < 2 * TREE_MIN_LEAF) return leaf();
  const inNode = new Uint8Array(res.length);
  for (const n of members) inNode[n] = 1;
  let best = { gain: 1e-9, k: -1, t: 0 };
  for (let k = 0; k < F; k++) {
    let lw = 0, ls = 0, prev = NaN;
    for (const n of order[k]) {
      if (!inNode[n]) continue;
      const v = rowsX[n][k];
      if (v !== prev && lw >= TREE_MIN_LEAF && W - lw >= TREE_MIN_LEAF) {
        const gain = (ls * ls) / lw + ((S - ls) * (S - ls)) / (W - lw) - (S * S) / W;
        if (gain > best.gain) best = { gain, k, t: Number(((prev + v) / 2).toPrecision(6)) };
      }
      lw += w[n]; ls += w[n] * res[n]; prev = v;
    }
  }
  if (best.k < 0) return leaf();
  const left = members.filter((n) => rowsX[n][best.k] <= best.t), right = members.filter((n) => rowsX[n][best.k] > best.t);
  return [FEATURE_NAMES[best.k], best.t, fitTree(rowsX, res, w, left, depth - 1, order), fitTree(rowsX, res, w, right, depth - 1, order)];
}
const treeValue = (t, x) => { while (typeof t !== 'number') t = x[FEATURE_NAMES.indexOf(t[0])] <= t[1] ? t[2] : t[3]; return t; };
function boost(set, res0, w, count, depth) {
  const rowsX = set.map((r) => r.x), res = Float64Array.from(res0);
  const order = FEATURE_NAMES.map((_, k) => set.map((_, n) => n).sort((a, b) => rowsX[a][k] - rowsX[b][k] || a - b));
  const all = set.map((_, n) => n), trees = [];
  for (let i = 0; i < count; i++) {
    const t = fitTree(rowsX, res, w, all, depth, order);
    trees.push(t);
    for (let n = 0; n < set.length; n++) res[n] -= treeValue(t, rowsX[n]);
  }
  return trees;
}

// ---------- settings grid, chosen on val ----------
const lambdas = [30, 100, 300];
const hubers = [0, 1];
const lexicals = [false, true];
const extraWeights = [0, 0.5];
const treeCounts = [0, 100];
const TREE_DEPTH = 2;
const clip = (v) => Math.min(6, Math.max(1, v));
/** The linear part of one setting, and a function that adds `count` residual trees to it. */
function fitLinearSetting(s) {
  const set = s.extraWeight > 0 ? [...data.train, ...extra] : data.train;
  const L = layout(s.lexical, set);
  const wts = set.map((_, n) => (n < data.train.length ? 1 : s.extraWeight));
  const X = set.map((r) => designRow(r, L)), y = set.map((r) => r.y);
  const coef = fitLinear(X, y, wts, L, s.lambda, s.huber);
  const withTrees = (count) => {
    const trees = count ? boost(set, y.map((v, n) => v - linear(X[n], coef)), wts, count, TREE_DEPTH) : [];
    return { L, coef, trees, predict: (r) => clip(linear(designRow(r, L), coef) + trees.reduce((a, t) => a + treeValue(t, r.x), 0)) };
  };
  return withTrees;
}
const rOn = (m, set) => pearson(set.map(m.predict), set.map((r) => r.y));
const results = [];
for (const lexical of lexicals) for (const extraWeight of extraWeights) for (const huber of hubers) for (const lambda of lambdas) {
  const withTrees = fitLinearSetting({ lexical, extraWeight, huber, lambda });
  for (const trees of treeCounts) {
    const m = withTrees(trees);
    const rVal = rOn(m, data.val);
    results.push({ lexical, extraWeight, huber, lambda, trees, rVal, m });
    log(`  lambda=${String(lambda).padEnd(4)} huber=${huber || 'no'} lexical=${lexical ? 'yes' : 'no '} aspect rows=${extraWeight || 'no '} trees=${String(trees).padEnd(3)} val r=${rVal.toFixed(4)}`);
  }
}
const best = results.reduce((a, b) => (b.rVal > a.rVal + 1e-12 ? b : a));
log(`chosen on val: lambda=${best.lambda}, huber=${best.huber || 'no'}, lexical=${best.lexical}, aspect rows weight=${best.extraWeight}, trees=${best.trees} (val r=${best.rVal.toFixed(4)})`);

// ---------- report ----------
const model = best.m;
const report = {};
for (const name of ['train', 'val', 'test', 'ext']) report[name] = rOn(model, data[name]);
report['test+ext'] = rOn(model, [...data.test, ...data.ext]);
for (const [k, v] of Object.entries(report)) log(`Pearson r ${k.padEnd(9)} ${v.toFixed(4)}`);

// Fold the column scales into raw coefficients.
const round = (v) => Number(v.toPrecision(6));
const { L, coef } = model;
const features = {}, squares = {}, cues = {}, words = {};
FEATURE_NAMES.forEach((name, k) => { if (L.sd[k] > 0 && Math.abs(coef[1 + k] / L.sd[k]) >= 1e-6) features[name] = round(coef[1 + k] / L.sd[k]); });
L.squared.forEach((k, i) => { const c = (coef[L.offSq + i] * SQUARE_SCALE) / L.sdSq[i]; if (L.sdSq[i] > 0 && Math.abs(c) >= 1e-6) squares[FEATURE_NAMES[k]] = round(c); });
L.cueKeys.forEach((key, i) => { const c = (coef[L.offCue + i] * CUE_SCALE) / L.sdCue[i]; if (L.sdCue[i] > 0 && Math.abs(c) >= 1e-4) cues[key] = round(c); });
L.vocab.forEach((w, i) => { const c = coef[L.offWord + i] * WORD_SCALE; if (Math.abs(c) >= 1e-4) words[w] = round(c); });

const provenance = `Pei & Jurgens 2021 sentence-level certainty (MIT), train split (${data.train.length}); ` +
  `ridge regression ${best.huber ? `with Huber loss (delta ${best.huber}) ` : ''}on hand features, their squares (scale ${SQUARE_SCALE})` +
  (best.lexical ? `, cue group:text counts (min count ${CUE_MIN_COUNT}, scale ${CUE_SCALE}) and words (min count ${WORD_MIN_COUNT}, scale ${WORD_SCALE})` : '') +
  `, lambda=${best.lambda}; ${best.trees ? `${best.trees} depth-${TREE_DEPTH} trees boosted on its residuals (rate ${TREE_RATE}, min leaf ${TREE_MIN_LEAF}); ` : ''}` +
  `aspect-level rows ${best.extraWeight ? extra.length + ' at weight ' + best.extraWeight : 'not used'}; settings chosen on val (${data.val.length}); ` +
  `${usePriors ? 'shrunk toward linguistic priors [prior, strength] ' + JSON.stringify(PRIORS) : 'no priors'}; ` +
  `Pearson r val ${report.val.toFixed(3)}, test ${report.test.toFixed(3)}, ext ${report.ext.toFixed(3)}, test+ext ${report['test+ext'].toFixed(3)}. ` +
  'Regenerate with `npm run train`.';
const q = (s) => JSON.stringify(s);
const record = (name, obj) => [`  ${name}: {`, ...Object.entries(obj).map(([k, v]) => `    ${q(k)}: ${v},`), '  },'];
const body = [
  '// GENERATED by scripts/train-certainty.mjs (npm run train). Do not edit by hand.',
  "import type { CertaintyModel } from './model.js';",
  '',
  'export const CERTAINTY_MODEL: CertaintyModel = {',
  `  provenance: ${q(provenance)},`,
  `  intercept: ${round(coef[0])},`,
  ...record('features', features),
  ...record('squares', squares),
  ...record('cues', cues),
  ...record('words', words),
  '  trees: [',
  ...model.trees.map((t) => `    ${q(t)},`),
  '  ],',
  '  min: 1,',
  '  max: 6,',
  '};',
  '',
].join('\n');
const out = join(root, 'server/src/engine/analyzer/weights.ts');
if (check) {
  const same = existsSync(out) && readFileSync(out, 'utf8') === body;
  console.log(same ? 'certainty weights are up to date' : 'certainty weights differ from a fresh training run: run `npm run train`');
  process.exit(same ? 0 : 1);
}
const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, body);
renameSync(tmp, out);
console.log(`wrote ${out} (${Object.keys(features).length} feature, ${Object.keys(squares).length} square, ${Object.keys(cues).length} cue, ${Object.keys(words).length} word weights, ${model.trees.length} trees, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB)`);
console.log('rebuild with `npx tsc -p .` to use it.');
