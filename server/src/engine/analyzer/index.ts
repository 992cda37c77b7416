// The sentence analyzer: how certain and how causal a sentence sounds, and what qualifies it
// (negation with scope, attribution, conditionals, questions, hedges, boosters, generalisers, population).
// Pure: no I/O. The certainty weights are a generated module (weights.ts), so the engine bundles as is.
import { scan, type Scan } from './scan.js';
import { classifyStrength, type StrengthResult } from './strength.js';
import { population } from './population.js';
import { extractFeatures, FEATURE_NAMES } from './features.js';
import { CERTAINTY_MODEL } from './weights.js';
import type { CertaintyModel, CertaintyTree } from './model.js';
import type { Cue, SentenceAnalysis, PopulationKind } from './types.js';

export type { Cue, CueKind, PopulationKind, SentenceAnalysis, Span } from './types.js';
export { FEATURE_NAMES } from './features.js';
export type { CertaintyModel, CertaintyTree } from './model.js';

/** A tree with feature names resolved to indices: a leaf value or [index, threshold, left, right]. */
type Tree = number | [number, number, Tree, Tree];

interface Compiled {
  intercept: number;
  coef: Float64Array;
  square: Float64Array;
  cues: ReadonlyMap<string, number>;
  words: ReadonlyMap<string, number>;
  trees: Tree[];
  min: number;
  max: number;
}

function featureIndex(name: string): number {
  const k = FEATURE_NAMES.indexOf(name);
  if (k < 0) throw new Error(`certainty model: unknown feature ${name}`);
  return k;
}

function compileTree(t: CertaintyTree): Tree {
  return typeof t === 'number' ? t : [featureIndex(t[0]), t[1], compileTree(t[2]), compileTree(t[3])];
}

function compile(model: CertaintyModel): Compiled {
  const coef = new Float64Array(FEATURE_NAMES.length);
  const square = new Float64Array(FEATURE_NAMES.length);
  FEATURE_NAMES.forEach((name, i) => {
    coef[i] = model.features[name] ?? 0;
    square[i] = model.squares?.[name] ?? 0;
  });
  return {
    intercept: model.intercept, coef, square,
    cues: new Map(Object.entries(model.cues ?? {})),
    words: new Map(Object.entries(model.words)),
    trees: (model.trees ?? []).map(compileTree),
    min: model.min, max: model.max,
  };
}

let active = compile(CERTAINTY_MODEL);

/** Replaces the certainty model (the training script uses this to evaluate candidate weights). */
export function setCertaintyModel(model: CertaintyModel): void {
  active = compile(model);
}

/** Distinct lower-cased word tokens (the lexical part of the certainty model). */
export function wordsOf(s: Scan): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k < s.t.n; k++) if (s.t.word[k] && !s.t.num[k]) out.add(s.t.norm[k]);
  return out;
}

/** Cue matches as `group:text` keys ("modal-weak:could", "negation:not"), one per match; quotations by group. */
export function cueKeysOf(s: Scan): string[] {
  const out: string[] = [];
  for (const c of s.cues) {
    if (c.group === 'quotation') out.push(c.group);
    else {
      let key = c.group + ':' + s.t.norm[c.i];
      for (let k = c.i + 1; k < c.j; k++) key += ' ' + s.t.norm[k];
      out.push(key);
    }
  }
  return out;
}

/** Cue matches counted up to 3 times each, as in the certainty model. */
export const CUE_COUNT_CAP = 3;

function treeValue(t: Tree, x: Float64Array): number {
  while (typeof t !== 'number') t = x[t[0]] <= t[1] ? t[2] : t[3];
  return t;
}

function score(x: Float64Array, s: Scan, m: Compiled): number {
  let y = m.intercept;
  for (let k = 0; k < x.length; k++) if (x[k] !== 0) y += (m.coef[k] + m.square[k] * x[k]) * x[k];
  if (m.cues.size > 0) {
    const seen = new Map<string, number>();
    for (const key of cueKeysOf(s)) {
      const c = m.cues.get(key);
      if (c === undefined) continue;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n <= CUE_COUNT_CAP) y += c;
    }
  }
  if (m.words.size > 0) for (const w of wordsOf(s)) y += m.words.get(w) ?? 0;
  for (const t of m.trees) y += treeValue(t, x);
  return y < m.min ? m.min : y > m.max ? m.max : y;
}

/** Everything the training script needs for one sentence. */
export function featurize(text: string): { x: Float64Array; words: string[]; cueKeys: string[]; strength: StrengthResult; scan: Scan; population: PopulationKind } {
  const s = scan(text);
  const st = classifyStrength(s);
  const pop = population(s);
  return { x: extractFeatures(s, st, pop.kind), words: [...wordsOf(s)], cueKeys: cueKeysOf(s), strength: st, scan: s, population: pop.kind };
}

export function analyzeSentence(text: string): SentenceAnalysis {
  const s = scan(text);
  const st = classifyStrength(s);
  const pop = population(s);
  const x = extractFeatures(s, st, pop.kind);
  const certainty = Math.round(score(x, s, active) * 100) / 100;

  const cues: Cue[] = [];
  for (const c of s.cues) cues.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, kind: c.kind, group: c.group });
  for (const r of st.cues) {
    const start = s.t.start[r.i];
    const end = s.t.end[r.j - 1];
    cues.push({ text: text.slice(start, end), start, end, kind: r.kind, group: r.hedged ? r.group + '-hedged' : r.group });
  }
  for (const p of pop.cues) cues.push(p);
  cues.sort((a, b) => a.start - b.start || a.end - b.end);

  const negationScopes = [];
  for (const sc of s.scopes) if (sc.j > sc.i) negationScopes.push({ start: s.t.start[sc.i], end: s.t.end[sc.j - 1] });

  return {
    certainty,
    strength: st.strength,
    cues,
    negated: s.negated,
    negationScopes,
    attributed: s.attributed,
    hypothetical: s.hypothetical,
    question: s.question,
    hedged: s.hedged,
    boosted: s.boosted,
    generalised: s.generalised,
    population: pop,
  };
}
