#!/usr/bin/env node
// `npm run train:recognizer`: learns the claim recogniser from the wording bank and writes
// claims/recognizer.model.json (carried into dist/claims.json by the build).
//
// Data: server/training/bank/writer-*.yaml, wordings of every claim, contradiction and caution of
// the embedded database written by independent writers in different voices (see its README). Each
// entry says which record it is about (target) and how it commits to it (stance, certainty).
// server/training/bank-contradictions/writer-*.yaml: wordings of what the recorded contradictions
// say, which train the contradiction classes only.
//
// Three one-vs-rest logistic models (features: server/src/engine/recognition/features.ts):
//   topic        sentence → the claim it is about (a contradiction counts as its claim), the
//                caution it gives or makes necessary, or nothing; and, as classes x:<id>, the
//                recorded contradiction whose content it states (any stance but a denial)
//   orientation  (sentence, claim) → does it contradict the claim (deny a finding, or assert a
//                recorded contradiction) rather than agree with it
//   modality     sentence → proof / plain / hedged / reported / question / conditional
//
// Evaluation is leave-one-writer-out: trained on the other writers, scored on the one left out, so
// the figures say how the models do on a writer they never saw. The shipped weights are trained on
// every writer. Deterministic: seeded shuffles, fixed settings, stable orders.
//
// usage: node scripts/train-recognizer.mjs [--check] [--quiet] [--seed N]
//   --check  train, compare with the committed claims/recognizer.model.json, exit 1 if they differ (nothing written)
import { readFileSync, writeFileSync, readdirSync, existsSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { cholSolve } from './lib/linalg.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out/server/src');
if (!existsSync(join(out, 'engine/recognition/features.js'))) execFileSync('npx', ['tsc', '-p', root], { stdio: 'inherit' });
const load = (p) => import(pathToFileURL(join(out, p)).href);
const { topicFeatures, orientationFeatures, modalityFeatures, HOW_SURE } = await load('engine/recognition/features.js');
const { stemOf } = await load('engine/recognition/stems.js');
const { analyzeSentence } = await load('engine/analyzer/index.js');
const { compile } = await load('engine/compiled.js');
const { tokenize } = await load('engine/lexicon.js');
const { loadEmbeddedDatabase } = await load('db/embedded.js');
const { contextTargets, CONTRADICTION_CLASS, MODALITIES, TOPIC_NONE } = await load('engine/recognition/targets.js');
const { recognise, recognizerOf } = await load('engine/recognition/recognizer.js');
const { candidateFeatures } = await load('engine/recognition/match.js');
const { buildModel } = await load('engine/document.js');
const { RuleContext } = await load('engine/context.js');
const { DEFAULT_CONFIG } = await load('engine/types.js');

const args = process.argv.slice(2);
const num = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
// --seed: the shuffle seed of every model (1 ships). Retraining with another seed shows the noise
// floor a bank or concept change must clear (server/training/bank/README.md).
const SEED = num('--seed', 1);
const L1 = num('--l1', 1e-3), FLOOR = num('--floor', 0.05);
const check = args.includes('--check');
const quiet = args.includes('--quiet');
const log = (...a) => { if (!quiet) console.log(...a); };

// ---------- data ----------
const Entry = z.object({
  target: z.string().min(1),
  stance: z.enum(['asserts', 'denies', 'hedges', 'reports', 'asks', 'conditional']).optional(),
  certainty: z.enum(['proof', 'plain', 'hedged']).optional(),
  tags: z.array(z.string()).optional(),
  context: z.string().optional(),
  text: z.string().min(1),
  near: z.string().optional(),
  why: z.string().optional(),
  figure: z.string().optional(),
}).passthrough();
// `trains` (optional): the models a writer's wordings train; all of them when absent. A writer briefed
// for one aspect (writer M: how sure a wording sounds) need not teach the others.
const MODELS = ['topic', 'contradictions', 'orientation', 'modality'];
const BankFile = z.object({ writer: z.string().min(1), voice: z.string().optional(), trains: z.array(z.enum(MODELS)).optional(), entries: z.array(Entry) });

const bankDir = join(root, 'server/training/bank');
const entries = [];
for (const file of readdirSync(bankDir).filter((f) => /^writer-.*\.ya?ml$/.test(f)).sort()) {
  const parsed = BankFile.safeParse(YAML.parse(readFileSync(join(bankDir, file), 'utf8')));
  if (!parsed.success) { console.error(`${file}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`); process.exit(2); }
  for (const e of parsed.data.entries) entries.push({ ...e, writer: parsed.data.writer, trains: new Set(parsed.data.trains ?? MODELS) });
}
const writers = [...new Set(entries.map((e) => e.writer))].sort();
// Wordings written only for what the recorded contradictions say (bank-contradictions/): they train
// the contradiction classes and nothing else, so the claim, orientation and modality models stay as
// the main bank makes them.
const xBankDir = join(root, 'server/training/bank-contradictions');
const xEntries = [];
for (const file of existsSync(xBankDir) ? readdirSync(xBankDir).filter((f) => /^writer-.*\.ya?ml$/.test(f)).sort() : []) {
  const parsed = BankFile.safeParse(YAML.parse(readFileSync(join(xBankDir, file), 'utf8')));
  if (!parsed.success) { console.error(`${file}: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`); process.exit(2); }
  for (const e of parsed.data.entries) xEntries.push({ ...e, writer: parsed.data.writer });
}

const db = loadEmbeddedDatabase(join(root, 'dist/claims.json'));
delete db.recognizer; // trained from scratch, whatever the last build holds
const compiled = compile(db);
const { targetOf, orientationOf, modalityOf, contradictionOf } = contextTargets(db);
const unknown = [...entries, ...xEntries].filter((e) => targetOf(e.target) === undefined);
if (unknown.length) {
  console.error(`bank targets not in the database: ${[...new Set(unknown.map((e) => e.target))].join(', ')}`);
  process.exit(2);
}

const conceptsOf = (text) => {
  const toks = tokenize(text);
  return { toks, concepts: new Set(compiled.index.find(text, 0, toks).map((h) => h.concept)) };
};
// Stems the analyzer finds inside certainty cues (boosters, hedges, attributions, modals) at least
// twice in the bank: topic features weigh them little.
const sureCount = new Map();
for (const e of entries) {
  const cues = analyzeSentence(e.text).cues.filter((c) => HOW_SURE.has(c.kind));
  for (const t of tokenize(e.text)) if (cues.some((c) => t.start >= c.start && t.end <= c.end)) { const st = stemOf(t.norm); sureCount.set(st, (sureCount.get(st) ?? 0) + 1); }
}
const sureStems = new Set([...sureCount].filter(([, n]) => n >= 2).map(([st]) => st).sort());

const rows = entries.map((e) => {
  const { toks, concepts } = conceptsOf(e.text);
  const view = { text: e.text, tokens: toks, concepts, context: e.context ? conceptsOf(e.context).concepts : undefined };
  const analysis = analyzeSentence(e.text);
  const topic = targetOf(e.target);
  return {
    e, topic,
    contradiction: contradictionOf(e.target, e.stance),
    orientation: orientationOf(e.target, e.stance),
    modality: modalityOf(e.stance, e.certainty),
    xTopic: topicFeatures(view, sureStems),
    xOrient: topic === TOPIC_NONE ? undefined : orientationFeatures(view, topic, analysis),
    xModality: e.stance ? modalityFeatures(view, analysis, sureStems) : undefined,
  };
});

// ---------- one-vs-rest logistic regression (AdaGrad, L2), deterministic ----------
// Feature names are interned once per example (a WeakMap on its feature map), so an epoch touches
// typed arrays, not string-keyed maps; the arithmetic and its order are those of a plain loop over
// each example's features in insertion order.
const featureIds = new Map();
const interned = new WeakMap();
function internedOf(x) {
  let r = interned.get(x);
  if (!r) {
    const ids = new Int32Array(x.size), vals = new Float64Array(x.size);
    let i = 0;
    for (const [k, v] of x) {
      let id = featureIds.get(k);
      if (id === undefined) featureIds.set(k, (id = featureIds.size));
      ids[i] = id; vals[i++] = v;
    }
    interned.set(x, (r = { ids, vals }));
  }
  return r;
}
const featureNames = () => { const names = []; for (const [k, id] of featureIds) names[id] = k; return names; };

function trainOvR(examples, classes, { epochs = 20, lr = 0.5, l2 = 1e-4, l1 = L1, seed = SEED, bias0 = -2 } = {}) {
  const C = classes.length;
  const xs = examples.map((e) => internedOf(e.x));
  const ys = examples.map((e) => Uint8Array.from(classes, (c) => (e.y.has(c) ? 1 : 0)));
  const W = [], G = [];
  const bias = new Float64Array(C).fill(bias0), gb = new Float64Array(C).fill(1e-8);
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(C);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const i of order) {
      const { ids, vals } = xs[i], y = ys[i];
      z.set(bias);
      for (let f = 0; f < ids.length; f++) { const w = W[ids[f]]; if (w) { const v = vals[f]; for (let c = 0; c < C; c++) z[c] += w[c] * v; } }
      for (let c = 0; c < C; c++) z[c] = 1 / (1 + Math.exp(-z[c])) - y[c]; // gradient of the loss in z
      for (let f = 0; f < ids.length; f++) {
        const id = ids[f], v = vals[f];
        let w = W[id], g = G[id];
        if (!w) { W[id] = w = new Float64Array(C); G[id] = g = new Float64Array(C).fill(1e-8); }
        for (let c = 0; c < C; c++) {
          const grad = z[c] * v + l2 * w[c];
          g[c] += grad * grad;
          const step = lr / Math.sqrt(g[c]);
          const next = w[c] - step * grad;
          // L1 by soft thresholding (FOBOS): most features matter to a few classes only.
          w[c] = next > step * l1 ? next - step * l1 : next < -step * l1 ? next + step * l1 : 0;
        }
      }
      for (let c = 0; c < C; c++) { gb[c] += z[c] * z[c]; bias[c] -= (lr * z[c]) / Math.sqrt(gb[c]); }
    }
  }
  const names = featureNames();
  const byName = new Map();
  W.forEach((w, id) => { if (w) byName.set(names[id], w); });
  return { classes, bias: Array.from(bias), W: byName };
}

// ---------- the match stacker: L2-regularised logistic regression solved exactly (Newton) ----------
// The stacker has a couple of dozen features, several of them one-hot groups that sum to a constant;
// fitted by shuffled gradient steps it lands anywhere along those directions, so any change to the
// bank moved it (and every borderline claim with it). Solved to the optimum of a strictly convex loss
// instead, it is unique: the same rows give the same weights whatever their order, and a small change
// to the rows moves them a little.
const MATCH_L2 = 1;
function trainMatch(rows) {
  const names = [...new Set(rows.flatMap((r) => [...r.x.keys()]))].sort();
  const col = new Map(names.map((n, i) => [n, i]));
  const d = names.length + 1; // the last column is the intercept (not penalised)
  const X = rows.map((r) => { const v = new Float64Array(d); for (const [k, x] of r.x) v[col.get(k)] = x; v[d - 1] = 1; return v; });
  const y = rows.map((r) => (r.gold ? 1 : 0));
  const w = new Float64Array(d);
  for (let it = 0; it < 100; it++) {
    const g = new Float64Array(d), H = new Float64Array(d * d);
    for (let i = 0; i < X.length; i++) {
      const xi = X[i];
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j] * xi[j];
      const p = 1 / (1 + Math.exp(-z)), r = p * (1 - p);
      for (let j = 0; j < d; j++) {
        if (xi[j] === 0) continue;
        g[j] += (p - y[i]) * xi[j];
        for (let k = 0; k < d; k++) if (xi[k] !== 0) H[j * d + k] += r * xi[j] * xi[k];
      }
    }
    for (let j = 0; j < d - 1; j++) { g[j] += MATCH_L2 * w[j]; H[j * d + j] += MATCH_L2; }
    H[(d - 1) * d + (d - 1)] += 1e-9;
    const step = cholSolve(H, g, d);
    let max = 0;
    for (let j = 0; j < d; j++) { w[j] -= step[j]; max = Math.max(max, Math.abs(step[j])); }
    if (max < 1e-10) break;
  }
  return { classes: ['match'], bias: [w[d - 1]], W: new Map(names.map((n, i) => [n, Float64Array.of(w[i])])) };
}


/** Scores with an exported (pruned, rounded) model, exactly as the engine will. */
function predict(model, x) {
  const zz = model.bias.slice();
  for (const [k, v] of x) { const w = model.weights[k]; if (w) for (let i = 0; i < w.length; i += 2) zz[w[i]] += w[i + 1] * v; }
  return zz.map((v, c) => ({ cls: model.classes[c], p: 1 / (1 + Math.exp(-v)) })).sort((a, b) => b.p - a.p);
}

/** Weights below `floor` are dropped and the rest rounded to 1/SCALE: a smaller file, the same decisions. */
const SCALE = 4096;
function exportModel(model, floor = FLOOR) {
  const weights = {};
  for (const k of [...model.W.keys()].sort()) {
    const w = model.W.get(k);
    const list = [];
    for (let c = 0; c < w.length; c++) if (Math.abs(w[c]) >= floor) list.push(c, Math.max(-32767, Math.min(32767, Math.round(w[c] * SCALE))) / SCALE);
    if (list.length) weights[k] = list;
  }
  return { classes: model.classes, bias: model.bias.map((b) => Math.round(b * 1000) / 1000), weights };
}

/** The engine's packed form (recognition/linear.ts): names in one string, typed arrays in base64. */
function pack(m) {
  const names = Object.keys(m.weights);
  const offsets = new Uint32Array(names.length + 1);
  const cls = [], wt = [];
  names.forEach((k, i) => {
    offsets[i] = cls.length;
    const w = m.weights[k];
    for (let j = 0; j < w.length; j += 2) { cls.push(w[j]); wt.push(Math.round(w[j + 1] * SCALE)); }
  });
  offsets[names.length] = cls.length;
  const b64 = (typed) => Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength).toString('base64');
  if (names.some((n) => n.includes('\n'))) throw new Error('a feature name contains a newline');
  return { classes: m.classes, bias: m.bias, features: names.join('\n'), offsets: b64(offsets), classIndex: b64(Uint8Array.from(cls)), weight: b64(Int16Array.from(wt)), scale: SCALE };
}

// The contradiction-only wordings, featurised as the topic model sees them.
const xRows = xEntries.map((e) => {
  const { toks, concepts } = conceptsOf(e.text);
  return { e, contradiction: contradictionOf(e.target, e.stance), xTopic: topicFeatures({ text: e.text, tokens: toks, concepts, context: e.context ? conceptsOf(e.context).concepts : undefined }, sureStems) };
});
// Topic classes: claims, cautions and triggers; then, trained as a second one-vs-rest model on the
// main bank and the contradiction-only wordings and joined to the first, the content of each
// recorded contradiction (one-vs-rest: neither set of classes changes the other's weights).
const claimClasses = [...new Set(rows.map((r) => r.topic).filter((t) => t !== TOPIC_NONE))].sort();
const contradictionClasses = [...new Set([...rows, ...xRows].map((r) => r.contradiction).filter(Boolean))].sort();
const trainsOn = (r, model) => !r.e.trains || r.e.trains.has(model);
const topicExamples = (rs) => rs.filter((r) => trainsOn(r, 'topic')).map((r) => ({ x: r.xTopic, y: new Set(r.topic === TOPIC_NONE ? [] : [r.topic]) }));
const contradictionExamples = (rs) => rs.filter((r) => trainsOn(r, 'contradictions')).map((r) => ({ x: r.xTopic, y: new Set(r.contradiction ? [r.contradiction] : []) }));

/** One exported model with the classes of `a`, then those of `b` (both over the same feature names). */
function joinModels(a, b) {
  const weights = {};
  for (const k of [...new Set([...Object.keys(a.weights), ...Object.keys(b.weights)])].sort()) {
    const wb = (b.weights[k] ?? []).map((v, i) => (i % 2 === 0 ? v + a.classes.length : v));
    weights[k] = [...(a.weights[k] ?? []), ...wb];
  }
  return { classes: [...a.classes, ...b.classes], bias: [...a.bias, ...b.bias], weights };
}
const orientRows = (rs) => rs.filter((r) => r.xOrient && r.orientation !== undefined && trainsOn(r, 'orientation'));
const orientExamples = (rs) => orientRows(rs).map((r) => ({ x: r.xOrient, y: new Set(r.orientation === 'contradicts' ? ['contradicts'] : []) }));
const modalityRows = (rs) => rs.filter((r) => r.xModality && r.modality && trainsOn(r, 'modality'));
const modalityExamples = (rs) => modalityRows(rs).map((r) => ({ x: r.xModality, y: new Set([r.modality]) }));

function trainAll(rs) {
  return {
    topic: joinModels(exportModel(trainOvR(topicExamples(rs), claimClasses)), exportModel(trainOvR(contradictionExamples([...rs, ...xRows]), contradictionClasses))),
    orientation: exportModel(trainOvR(orientExamples(rs), ['contradicts'])),
    modality: exportModel(trainOvR(modalityExamples(rs), MODALITIES)),
  };
}

// ---------- the concept matcher's view of each entry, as in a document about ketamine ----------
// The entry (after its context sentence, if any) is the last sentence of a paragraph under a
// "Ketamine" heading: the engine's own concept matching, with the paragraph and heading as topic.
for (const r of rows) {
  const text = `# Ketamine\n\n${r.e.context ? `${r.e.context} ` : ''}${r.e.text}\n`;
  const model = buildModel(text, compiled);
  const ctx = new RuleContext(model, compiled, DEFAULT_CONFIG);
  const pb = model.blocks[model.blocks.length - 1];
  const refs = ctx.refsOf(pb);
  const ref = refs[refs.length - 1];
  r.conceptHits = ctx.conceptClaims(ref).map((h) => ({ id: h.claim.id, score: h.score, specificity: h.specificity, fromTopic: h.fromTopic.length }));
  r.words = r.e.text.split(/\s+/).length;
  r.analysis = analyzeSentence(r.e.text);
  r.view = { text: r.e.text, concepts: conceptsOf(r.e.text).concepts, context: r.e.context ? conceptsOf(r.e.context).concepts : undefined };
}

/** Candidates of one entry and their stacker features, given a recogniser that never saw its writer. */
function candidates(r, models) {
  const rec = recognise(models, r.view, () => r.analysis);
  const byId = new Map(r.conceptHits.map((h, rank) => [h.id, { rank, score: h.score, specificity: h.specificity, fromTopic: h.fromTopic, count: r.conceptHits.length }]));
  const ids = new Set([...r.conceptHits.map((h) => h.id), ...rec.topics.slice(0, 3).map((t) => t.cls).filter((c) => db.claims.has(c))]);
  return [...ids].map((id) => ({ id, x: candidateFeatures(id, rec, byId.get(id), r.words), gold: id === r.topic }));
}

const asRecognizer = (m) => recognizerOf({ topic: pack(m.topic), orientation: pack(m.orientation), modality: pack(m.modality), match: pack({ classes: ['match'], bias: [0], weights: {} }), sureStems: [...sureStems] });

// ---------- leave-one-writer-out evaluation ----------
const report = { writers, entries: rows.length, topic: {}, orientation: {}, modality: {}, match: {} };
const stackRows = [];
{
  let top1 = 0, nTopic = 0;
  const o = { tp: 0, fp: 0, fn: 0, tn: 0 };
  let mOk = 0, mN = 0;
  const xs = { tp: 0, fp: 0, fn: 0 };
  for (const w of writers) {
    const m = trainAll(rows.filter((r) => r.e.writer !== w));
    const models = asRecognizer(m);
    const test = rows.filter((r) => r.e.writer === w);
    for (const r of test) {
      const scored = predict(m.topic, r.xTopic);
      const best = scored.find((t) => !t.cls.startsWith(CONTRADICTION_CLASS));
      if (r.topic !== TOPIC_NONE) { nTopic++; if (best.cls === r.topic) top1++; }
      // The contradiction classes: does the sentence's best one, at p >= 0.5, name what it says?
      const bestX = scored.find((t) => t.cls.startsWith(CONTRADICTION_CLASS));
      const saidX = bestX && bestX.p >= 0.5 ? bestX.cls : undefined;
      if (saidX && saidX === r.contradiction) xs.tp++; else { if (saidX) xs.fp++; if (r.contradiction) xs.fn++; }
      if (!r.topic.includes(':')) for (const c of candidates(r, models)) stackRows.push({ writer: w, entry: r, ...c });
    }
    for (const r of orientRows(test)) {
      const said = predict(m.orientation, r.xOrient)[0].p >= 0.5, gold = r.orientation === 'contradicts';
      o[said ? (gold ? 'tp' : 'fp') : gold ? 'fn' : 'tn']++;
    }
    for (const r of modalityRows(test)) { mN++; if (predict(m.modality, r.xModality)[0].cls === r.modality) mOk++; }
  }
  const f = (x) => Math.round(x * 1000) / 1000;
  report.topic = { top1: f(top1 / nTopic), contradictions: { p: f(xs.tp / (xs.tp + xs.fp)), r: f(xs.tp / (xs.tp + xs.fn)) } };
  report.orientation = { accuracy: f((o.tp + o.tn) / (o.tp + o.tn + o.fp + o.fn)), p: f(o.tp / (o.tp + o.fp)), r: f(o.tp / (o.tp + o.fn)) };
  report.modality = { accuracy: f(mOk / mN) };
  // The stacker, also writer by writer: a sentence's claim is its best candidate at p >= threshold.
  const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7];
  const t = thresholds.map(() => ({ tp: 0, fp: 0, fn: 0 }));
  const base = { tp: 0, fp: 0, fn: 0 };
  for (const w of writers) {
    const stacker = exportModel(trainMatch(stackRows.filter((x) => x.writer !== w)), 0);
    const byEntry = new Map();
    for (const x of stackRows.filter((x) => x.writer === w)) {
      const p = predict(stacker, x.x)[0].p;
      const cur = byEntry.get(x.entry);
      if (!cur || p > cur.p) byEntry.set(x.entry, { id: x.id, p });
    }
    for (const r of rows.filter((r) => r.e.writer === w && !r.topic.includes(':'))) {
      const best = byEntry.get(r);
      thresholds.forEach((th, i) => {
        const said = best && best.p >= th ? best.id : TOPIC_NONE;
        if (said !== TOPIC_NONE && said === r.topic) t[i].tp++;
        else { if (said !== TOPIC_NONE) t[i].fp++; if (r.topic !== TOPIC_NONE) t[i].fn++; }
      });
      const c0 = r.conceptHits[0]?.id ?? TOPIC_NONE;
      if (c0 !== TOPIC_NONE && c0 === r.topic) base.tp++; else { if (c0 !== TOPIC_NONE) base.fp++; if (r.topic !== TOPIC_NONE) base.fn++; }
    }
  }
  report.match = { byThreshold: thresholds.map((th, i) => ({ th, p: f(t[i].tp / (t[i].tp + t[i].fp)), r: f(t[i].tp / (t[i].tp + t[i].fn)) })), conceptsAlone: { p: f(base.tp / (base.tp + base.fp)), r: f(base.tp / (base.tp + base.fn)) } };
  log(`leave-one-writer-out over ${writers.length} writers, ${rows.length} entries:`);
  log(`  topic model alone: top-1 ${report.topic.top1}; what a contradiction says (p >= 0.5): P ${report.topic.contradictions.p} R ${report.topic.contradictions.r}`);
  log(`  claim matching (the sentence's best claim): concepts alone P ${report.match.conceptsAlone.p} R ${report.match.conceptsAlone.r}; stacked ${report.match.byThreshold.map((b) => `p>=${b.th}: P ${b.p} R ${b.r}`).join('; ')}`);
  log(`  orientation (contradicts): accuracy ${report.orientation.accuracy}, P ${report.orientation.p}, R ${report.orientation.r}`);
  log(`  modality: accuracy ${report.modality.accuracy}`);
}

// ---------- the shipped model: every writer ----------
const final = trainAll(rows);
final.match = exportModel(trainMatch(stackRows), 0);
const weights = {
  version: 1,
  trainedOn: { writers, entries: rows.length },
  evaluation: report,
  topic: pack(final.topic),
  orientation: pack(final.orientation),
  modality: pack(final.modality),
  match: pack(final.match),
  sureStems: [...sureStems],
};
// Stable, one model per line: a retrain shows in a diff as the models that changed.
const body = `{\n${Object.entries(weights).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
const target = join(root, 'claims/recognizer.model.json');
if (check) {
  const same = existsSync(target) && readFileSync(target, 'utf8') === body;
  console.log(same ? 'recogniser weights are up to date' : 'recogniser weights differ from a fresh training run: run `npm run train:recognizer`');
  process.exitCode = same ? 0 : 1;
} else {
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, body);
  renameSync(tmp, target);
  const size = (m) => `${m.features.split('\n').length} features`;
  log(`wrote ${target} (${(body.length / 1024).toFixed(0)} KB; topic ${size(weights.topic)}; orientation ${size(weights.orientation)}; modality ${size(weights.modality)})`);
}
