#!/usr/bin/env node
// `npm run eval:analyzer`: measures the sentence analyzer against public human judgements (not a test).
//
//   certainty  Pearson r vs Pei & Jurgens 2021 ratings on test+ext and ext (and val, test), with the
//              four-word hedge regex baseline computed in the same run
//   strength   4-class macro-F1 on Yu et al. 2019 (all 3,061; evaluation only) and on Yu et al. 2020 press
//              releases; same / exaggerates / downplays macro-F1 on Wright & Augenstein insciout_test
//   hedges     precision / recall of `hedged` against BioScope has_speculation (evaluation only)
//   speed      ms per sentence over 10,000 sentences, and the size of the weights module
//
// Data: $CLAIMLINT_DATA, default ../shared/data relative to the repository root. Needs the compiled
// analyzer (`npx tsc -p .`; built here when missing). Nothing here is used to fit anything, except the
// Wright train pairs, which choose the "same" band of the pairwise comparison (as the task allows).
import { readFileSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { pearson } from './lib/stats.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(root, process.env.CLAIMLINT_DATA ?? '../shared/data');
const compiled = join(root, 'out/server/src/engine/analyzer/index.js');
if (!existsSync(compiled)) execFileSync('npx', ['tsc', '-p', root], { stdio: 'inherit' });
const { analyzeSentence } = await import(pathToFileURL(compiled).href);
const data = (p) => join(dataDir, p);
if (!existsSync(dataDir)) {
  console.error(`data folder not found: ${dataDir} (set CLAIMLINT_DATA)`);
  process.exit(2);
}

// ---------- helpers ----------
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false; } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const jsonl = (p) => readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
function macroF1(gold, pred, labels) {
  const per = labels.map((k) => {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === k && gold[i] === k) tp++;
      else if (pred[i] === k) fp++;
      else if (gold[i] === k) fn++;
    }
    const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0;
    return { label: k, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
  });
  return { macro: per.reduce((a, x) => a + x.f1, 0) / per.length, per };
}
const f3 = (v) => v.toFixed(3);
const line = (label, value, note = '') => console.log(`  ${label.padEnd(52)} ${value}${note ? '   ' + note : ''}`);

// Baselines, defined here once: a four-word hedge regex for certainty, a causal-verb regex for strength.
const HEDGE4 = /\b(may|might|suggest\w*|possibl\w*)\b/i;
const hedge4 = (s) => (HEDGE4.test(s) ? 0 : 1);
const CAUSAL_RE = /\b(caus(e|es|ed|ing)|lead(s)? to|led to|result(s|ed)? in|increas(e|es|ed)|reduc(e|es|ed)|decreas(e|es|ed)|improv(e|es|ed)|prevent(s|ed)?|induc(e|es|ed)|promot(e|es|ed)|protect(s|ed)?|lower(s|ed)?|affect(s|ed)?)\b/i;
const MODAL_RE = /\b(may|might|could|possibly|appears?)\b/i;
const CORR_RE = /\b(associat\w*|correlat\w*|linked|related to|predict\w*|risk factors?)\b/i;
// Two regex baselines: a causal verb → 3, else 0; and a four-rule one: causal verb (→ 2 under may / might /
// could / possibly / appear, else 3), else an association word → 1, else 0.
const causalVerbRegex = (s) => (CAUSAL_RE.test(s) ? 3 : 0);
const causalRegex = (s) => (CAUSAL_RE.test(s) ? (MODAL_RE.test(s) ? 2 : 3) : CORR_RE.test(s) ? 1 : 0);
const baselines = (gold, texts, labels) => `regex: causal verb ${f3(macroF1(gold, texts.map(causalVerbRegex), labels).macro)}, four-rule ${f3(macroF1(gold, texts.map(causalRegex), labels).macro)}`;

console.log(`claimlint sentence analyzer — evaluation (data: ${dataDir})\n`);

// ---------- certainty: Pei & Jurgens ----------
{
  const rows = jsonl(data('pei-jurgens-certainty/sentence-level-certainty.jsonl'));
  console.log('Certainty — Pearson r with human ratings (Pei & Jurgens 2021; anchors: BoW 0.55 / 0.44, SciBERT 0.63 / 0.57)');
  for (const [name, splits] of [['test+ext', ['test', 'ext']], ['ext', ['ext']], ['test', ['test']], ['val', ['val']]]) {
    const set = rows.filter((r) => splits.includes(r.split));
    const gold = set.map((r) => r['sentence-level-certainty']);
    const ours = pearson(set.map((r) => analyzeSentence(r.finding).certainty), gold);
    const base = pearson(set.map((r) => hedge4(r.finding)), gold);
    line(`${name} (n=${set.length})`, f3(ours), `4-word regex ${f3(base)}`);
  }
}

// ---------- strength: Yu 2019 (PubMed conclusions) ----------
const STRENGTH_NAMES = ['none', 'correlational', 'conditional causal', 'direct causal'];
{
  const rows = parseCsv(readFileSync(data('yu2019-causal-language/pubmed_causal_language_use.csv'), 'utf8')).slice(1).filter((r) => r.length >= 2 && r[1] !== '');
  const ordinal = { 0: 0, 1: 3, 2: 2, 3: 1 }; // this file: 1 = direct causal, 3 = correlational
  const gold = rows.map((r) => ordinal[+r[1]]);
  const pred = rows.map((r) => analyzeSentence(r[0]).strength);
  const m = macroF1(gold, pred, [0, 1, 2, 3]);
  console.log(`\nStrength — Yu et al. 2019 PubMed conclusions, 4-class (n=${rows.length}; BioBERT trained on it: 0.883)`);
  line('macro-F1', f3(m.macro), baselines(gold, rows.map((r) => r[0]), [0, 1, 2, 3]));
  line('per class F1', m.per.map((x) => `${STRENGTH_NAMES[x.label]} ${f3(x.f1)}`).join(', '));
  const cm = [0, 1, 2, 3].map((g) => [0, 1, 2, 3].map((p) => gold.filter((x, i) => x === g && pred[i] === p).length));
  line('confusion (rows gold 0..3, columns predicted)', cm.map((r) => r.join(' ')).join(' | '));
}
// ---------- strength: Yu 2020 (press releases), for robustness on lay headlines ----------
{
  const file = data('yu2020-press-release-claims/annotated_eureka.csv');
  if (existsSync(file)) {
    const rows = parseCsv(readFileSync(file, 'utf8')).slice(1).filter((r) => r.length >= 3 && r[2] !== '');
    const gold = rows.map((r) => +r[2]); // ordinal already: 0 none, 1 correlational, 2 conditional, 3 causal
    const m = macroF1(gold, rows.map((r) => analyzeSentence(r[1]).strength), [0, 1, 2, 3]);
    console.log(`\nStrength — Yu et al. 2020 press releases, 4-class (n=${rows.length}; BioBERT trained on it: 0.892)`);
    line('macro-F1', f3(m.macro), baselines(gold, rows.map((r) => r[1]), [0, 1, 2, 3]));
  }
}

// ---------- exaggeration: Wright & Augenstein ----------
{
  const train = jsonl(data('wright2021-exaggeration/insciout_train.jsonl'));
  const test = jsonl(data('wright2021-exaggeration/insciout_test.jsonl'));
  const LABELS = ['same', 'exaggerates', 'downplays'];
  const side = (s) => {
    const a = analyzeSentence(s);
    return { strength: a.strength, certainty: a.certainty, negated: a.negated, can: a.cues.some((c) => c.group === 'modal-can') };
  };
  // InSciOut's coding (Sumner et al.) differs from Yu's in two documented ways: a negated claim ("does not
  // protect") is 0, "statement of no relationship", and "can" marks conditional causation. `neg` and `can`
  // apply those conventions to the analyzer's output; the train pairs decide whether they help.
  const wright = (x, o) => (o.neg && x.negated ? 0 : o.can && x.can && x.strength === 3 ? 2 : x.strength);
  const score = (x, o) => wright(x, o) + o.w * (x.certainty - 4.5);
  const decide = (pr, ab, o) => { const d = score(pr, o) - score(ab, o); return d > o.band ? 'exaggerates' : d < -o.band ? 'downplays' : 'same'; };
  const feats = (rows) => rows.map((r) => ({ pr: side(r.press_release_conclusion), ab: side(r.abstract_conclusion), gold: r.exaggeration_label }));
  const tr = feats(train), te = feats(test);
  // The 100 train pairs choose the comparison settings (a small fixed grid; ties keep the earlier, simpler one).
  let best = { neg: false, can: false, w: 0, band: 0.5, f: -1 };
  for (const neg of [false, true]) for (const can of [false, true]) for (const w of [0, 0.25, 0.5]) for (const band of [0.5, 1, 1.5]) {
    const f = macroF1(tr.map((x) => x.gold), tr.map((x) => decide(x.pr, x.ab, { neg, can, w, band })), LABELS).macro;
    if (f > best.f + 1e-9) best = { neg, can, w, band, f };
  }
  const m = macroF1(te.map((x) => x.gold), te.map((x) => decide(x.pr, x.ab, best)), LABELS);
  const plain = macroF1(te.map((x) => x.gold), te.map((x) => decide(x.pr, x.ab, { neg: false, can: false, w: 0, band: 0.5 })), LABELS);
  const same = macroF1(te.map((x) => x.gold), te.map(() => 'same'), LABELS);
  const rxPair = (fn) => macroF1(te.map((x) => x.gold), test.map((r) => { const d = fn(r.press_release_conclusion) - fn(r.abstract_conclusion); return d > 0 ? 'exaggerates' : d < 0 ? 'downplays' : 'same'; }), LABELS).macro;
  const sides = test.flatMap((r) => [[r.press_release_conclusion, r.press_release_strength], [r.abstract_conclusion, r.abstract_strength]]);
  const s4 = macroF1(sides.map((x) => x[1]), sides.map((x) => wright(side(x[0]), best)), [0, 1, 2, 3]);
  console.log(`\nExaggeration — Wright & Augenstein 2021 insciout_test, same / exaggerates / downplays (n=${test.length})`);
  line('macro-F1, strength difference', f3(plain.macro), `always "same" ${f3(same.macro)}; regex: causal verb ${f3(rxPair(causalVerbRegex))}, four-rule ${f3(rxPair(causalRegex))}`);
  line(`macro-F1, InSciOut conventions chosen on train`, f3(m.macro), `negated→0 ${best.neg}, can→conditional ${best.can}, w=${best.w}, band=${best.band}; train ${f3(best.f)}`);
  line('per class F1', m.per.map((x) => `${x.label} ${f3(x.f1)}`).join(', '));
  line(`4-class strength of the ${sides.length} single sentences`, f3(s4.macro));
}

// ---------- hedges: BioScope ----------
{
  const lines = readFileSync(data('bioscope/bioscope_sentences.tsv'), 'utf8').trim().split('\n');
  const head = lines[0].split('\t');
  const col = (n) => head.indexOf(n);
  const rows = lines.slice(1).map((l) => l.split('\t'));
  console.log('\nHedge detection — `hedged` vs BioScope has_speculation (evaluation only)');
  for (const sub of ['abstracts', 'full_papers', 'all']) {
    const set = rows.filter((r) => sub === 'all' || r[col('subcorpus')] === sub);
    let tp = 0, fp = 0, fn = 0, btp = 0, bfp = 0, bfn = 0;
    for (const r of set) {
      const g = r[col('has_speculation')] === '1';
      const s = r[col('sentence')];
      const p = analyzeSentence(s).hedged;
      const b = HEDGE4.test(s);
      if (p && g) tp++; else if (p) fp++; else if (g) fn++;
      if (b && g) btp++; else if (b) bfp++; else if (g) bfn++;
    }
    const P = tp / (tp + fp), R = tp / (tp + fn), bP = btp / (btp + bfp), bR = btp / (btp + bfn);
    line(`${sub} (n=${set.length})`, `P ${f3(P)} R ${f3(R)} F1 ${f3((2 * P * R) / (P + R))}`, `4-word regex P ${f3(bP)} R ${f3(bR)} F1 ${f3((2 * bP * bR) / (bP + bR))}`);
  }
}

// ---------- speed and size ----------
{
  const pool = [
    ...jsonl(data('pei-jurgens-certainty/sentence-level-certainty.jsonl')).map((r) => r.finding),
    ...parseCsv(readFileSync(data('yu2019-causal-language/pubmed_causal_language_use.csv'), 'utf8')).slice(1).map((r) => r[0]).filter(Boolean),
    ...readFileSync(data('bioscope/bioscope_sentences.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[8]),
  ];
  const sentences = pool.slice(0, 10000);
  for (let i = 0; i < 1000; i++) analyzeSentence(sentences[i]); // warm-up
  const runs = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    for (const s of sentences) analyzeSentence(s);
    runs.push((performance.now() - t0) / sentences.length);
  }
  runs.sort((a, b) => a - b);
  const avgLen = sentences.reduce((a, s) => a + s.length, 0) / sentences.length;
  const src = statSync(join(root, 'server/src/engine/analyzer/weights.ts')).size;
  console.log(`\nSpeed — ${sentences.length} sentences (mean ${avgLen.toFixed(0)} characters), median of 3 runs`);
  line('ms per sentence', runs[1].toFixed(4), `(min ${runs[0].toFixed(4)}, max ${runs[2].toFixed(4)})`);
  line('weights.ts size', `${(src / 1024).toFixed(1)} KB`);
}
