// The sentence analyzer: how certain and how causal a sentence sounds, and what qualifies it
// (negation with scope, attribution, conditionals, questions, hedges, boosters, generalisers, population).
// Pure: no I/O. The certainty weights are a generated module (weights.ts), so the engine bundles as is.
import { scan, type Scan } from './scan.js';
import { classifyStrength, type StrengthResult } from './strength.js';
import { population } from './population.js';
import { extractFeatures, FEATURE_NAMES } from './features.js';
import { CERTAINTY_MODEL } from './weights.js';
import type { CertaintyModel } from './model.js';
import type { Cue, SentenceAnalysis, PopulationKind } from './types.js';

export type { Cue, CueKind, PopulationKind, SentenceAnalysis, Span } from './types.js';
export { FEATURE_NAMES } from './features.js';
export type { CertaintyModel } from './model.js';

interface Compiled {
  intercept: number;
  coef: Float64Array;
  words: ReadonlyMap<string, number>;
  min: number;
  max: number;
}

function compile(model: CertaintyModel): Compiled {
  const coef = new Float64Array(FEATURE_NAMES.length);
  FEATURE_NAMES.forEach((name, i) => {
    coef[i] = model.features[name] ?? 0;
  });
  return { intercept: model.intercept, coef, words: new Map(Object.entries(model.words)), min: model.min, max: model.max };
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

function score(x: Float64Array, s: Scan, m: Compiled): number {
  let y = m.intercept;
  for (let k = 0; k < x.length; k++) if (x[k] !== 0) y += m.coef[k] * x[k];
  if (m.words.size > 0) for (const w of wordsOf(s)) y += m.words.get(w) ?? 0;
  return y < m.min ? m.min : y > m.max ? m.max : y;
}

/** Everything the training script needs for one sentence. */
export function featurize(text: string): { x: Float64Array; words: string[]; strength: StrengthResult; scan: Scan; population: PopulationKind } {
  const s = scan(text);
  const st = classifyStrength(s);
  const pop = population(s);
  return { x: extractFeatures(s, st, pop.kind), words: [...wordsOf(s)], strength: st, scan: s, population: pop.kind };
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
