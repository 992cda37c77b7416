// The sentence analyzer: how certain and how causal a sentence sounds, and what qualifies it
// (negation with scope, attribution, conditionals, questions, hedges, boosters, generalisers, population).
// Pure: no I/O. The certainty weights are a generated module (weights.ts), so the engine bundles as is.
import { scan, type Scan } from './scan.js';
import { classifyStrength, type StrengthResult } from './strength.js';
import { population } from './population.js';
import { extractFeatures, FEATURE_NAMES } from './certainty-features.js';
import { CERTAINTY_MODEL } from './weights.js';
import type { CertaintyModel, CertaintyTree } from './model.js';
import { intern, idOf, vocabSize } from './vocab.js';
import type { Cue, SentenceAnalysis, PopulationKind } from './analysis-types.js';

export type { Cue, CueKind, PopulationKind, SentenceAnalysis, Span } from './analysis-types.js';
export { FEATURE_NAMES } from './certainty-features.js';
export type { CertaintyModel, CertaintyTree } from './model.js';

interface Compiled {
  intercept: number;
  coef: Float64Array;
  square: Float64Array;
  /** Cue keys ("group:w1 w2") as a trie: group, then word ids; a node's `key` indexes `cueWeight`. */
  cues: Map<string, CueNode>;
  cueWeight: Float64Array;
  /** Word weights by word id (vocab.ts); `hasWord` marks the model's words (empty when it has none). */
  wordWeight: Float64Array;
  hasWord: Uint8Array;
  /** Boosted trees, flattened: node n tests x[feat[n]] <= thr[n] and goes to node kid[2n] if so, else to
   *  kid[2n + 1]; a negative child -1 - v is leaf v of `leaf`. `roots` holds each tree's first node (or leaf). */
  roots: Int32Array;
  feat: Int32Array;
  thr: Float64Array;
  kid: Int32Array;
  leaf: Float64Array;
  min: number;
  max: number;
}

interface CueNode {
  key: number;
  next: Map<number, CueNode> | null;
}

function featureIndex(name: string): number {
  const k = FEATURE_NAMES.indexOf(name);
  if (k < 0) throw new Error(`certainty model: unknown feature ${name}`);
  return k;
}

function compile(model: CertaintyModel): Compiled {
  const coef = new Float64Array(FEATURE_NAMES.length);
  const square = new Float64Array(FEATURE_NAMES.length);
  FEATURE_NAMES.forEach((name, i) => {
    coef[i] = model.features[name] ?? 0;
    square[i] = model.squares?.[name] ?? 0;
  });

  // Cue keys: "quotation" alone, or group ":" words joined by single spaces (as cueKeysOf writes them);
  // any other shape can never be looked up, so it is left out.
  const cues = new Map<string, CueNode>();
  const cueEntries = Object.entries(model.cues ?? {});
  const cueWeight = new Float64Array(cueEntries.length);
  cueEntries.forEach(([key, weight], k) => {
    cueWeight[k] = weight;
    if (key === 'quotation') {
      cues.set(key, { key: k, next: null });
      return;
    }
    const colon = key.indexOf(':');
    if (colon < 0) return;
    const words = key.slice(colon + 1).split(' ');
    if (words.some((w) => w === '')) return;
    const group = key.slice(0, colon);
    let node = cues.get(group);
    if (!node) cues.set(group, (node = { key: -1, next: null }));
    for (const w of words) {
      const id = intern(w);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = { key: -1, next: null }));
      node = child;
    }
    node.key = k;
  });

  const wordEntries = Object.entries(model.words);
  for (const [w] of wordEntries) intern(w);
  const wordWeight = new Float64Array(wordEntries.length > 0 ? vocabSize() : 0);
  const hasWord = new Uint8Array(wordWeight.length);
  for (const [w, v] of wordEntries) {
    wordWeight[idOf(w)] = v;
    hasWord[idOf(w)] = 1;
  }

  const feat: number[] = [], thr: number[] = [], kid: number[] = [], leaf: number[] = [];
  const flatten = (t: CertaintyTree): number => {
    if (typeof t === 'number') {
      leaf.push(t);
      return -leaf.length;
    }
    const n = feat.length;
    feat.push(featureIndex(t[0]));
    thr.push(t[1]);
    kid.push(0, 0);
    kid[2 * n] = flatten(t[2]);
    kid[2 * n + 1] = flatten(t[3]);
    return n;
  };
  const roots = Int32Array.from((model.trees ?? []).map(flatten));
  return {
    intercept: model.intercept, coef, square, cues, cueWeight, wordWeight, hasWord,
    roots, feat: Int32Array.from(feat), thr: Float64Array.from(thr), kid: Int32Array.from(kid), leaf: Float64Array.from(leaf),
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

/** Per word id, the call in which it was last seen (for "each distinct word once"). */
let seenIn = new Int32Array(0);
let call = 0;

/** The weight of cue c's key ("group:w1 w2", "quotation"), or -1 when the model has none. */
function cueKey(s: Scan, c: Scan['cues'][number], m: Compiled): number {
  const root = m.cues.get(c.group);
  if (root === undefined) return -1;
  if (c.group === 'quotation') return root.key;
  let node: CueNode | undefined = root;
  for (let k = c.i; k < c.j; k++) {
    node = node.next === null ? undefined : node.next.get(s.t.id[k]);
    if (node === undefined) return -1;
  }
  return node.key;
}

/**
 * The model's certainty for a sentence: as written in model.ts, term by term in the same order (features,
 * cue keys, distinct words, trees), so the sum is the same double as before.
 */
function score(x: Float64Array, s: Scan, m: Compiled): number {
  let y = m.intercept;
  for (let k = 0; k < x.length; k++) if (x[k] !== 0) y += (m.coef[k] + m.square[k] * x[k]) * x[k];
  if (m.cueWeight.length > 0) {
    // Each key counts up to CUE_COUNT_CAP times; `hits` lists the keys seen so far in this sentence.
    let hits: number[] | null = null;
    for (const c of s.cues) {
      const key = cueKey(s, c, m);
      if (key < 0) continue;
      let n = 1;
      if (hits === null) hits = [key];
      else {
        for (const h of hits) if (h === key) n++;
        hits.push(key);
      }
      if (n <= CUE_COUNT_CAP) y += m.cueWeight[key];
    }
  }
  const t = s.t;
  if (m.hasWord.length > 0) {
    if (seenIn.length < m.hasWord.length) seenIn = new Int32Array(m.hasWord.length);
    if (++call === 0x7fffffff) { seenIn.fill(0); call = 1; }
    for (let k = 0; k < t.n; k++) {
      if (!t.word[k] || t.num[k]) continue;
      const id = t.id[k];
      // A word the model does not know adds 0 (which only turns a -0 sum into +0, as the first one did).
      if (id >= m.hasWord.length || m.hasWord[id] === 0) y += 0;
      else if (seenIn[id] !== call) {
        seenIn[id] = call;
        y += m.wordWeight[id];
      }
    }
  }
  for (let r = 0; r < m.roots.length; r++) {
    let n = m.roots[r];
    // The child index is computed from the comparison rather than branched on: which way a sentence goes is
    // unpredictable, and a mispredicted branch per node was most of the cost of the trees.
    while (n >= 0) n = m.kid[2 * n + 1 - +(x[m.feat[n]] <= m.thr[n])];
    y += m.leaf[-1 - n];
  }
  return y < m.min ? m.min : y > m.max ? m.max : y;
}

/** Everything the training script needs for one sentence. */
export function featurize(text: string): { x: Float64Array; words: string[]; cueKeys: string[]; strength: StrengthResult; scan: Scan; population: PopulationKind } {
  const s = scan(text);
  const st = classifyStrength(s);
  const pop = population(s);
  return { x: extractFeatures(s, st, pop.kind), words: [...wordsOf(s)], cueKeys: cueKeysOf(s), strength: st, scan: s, population: pop.kind };
}

/** The feature vector of analyzeSentence, reused: a fresh Float64Array of this size per call costs an
 *  off-heap allocation. (featurize returns its vector, so it gets its own.) */
const scratch = new Float64Array(FEATURE_NAMES.length);

const byPosition = (a: Cue, b: Cue) => a.start - b.start || a.end - b.end;

export function analyzeSentence(text: string): SentenceAnalysis {
  const s = scan(text);
  const st = classifyStrength(s);
  const pop = population(s);
  const x = extractFeatures(s, st, pop.kind, scratch);
  const certainty = Math.round(score(x, s, active) * 100) / 100;

  const cues: Cue[] = [];
  for (const c of s.cues) cues.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, kind: c.kind, group: c.group });
  for (const r of st.cues) {
    const start = s.t.start[r.i];
    const end = s.t.end[r.j - 1];
    cues.push({ text: text.slice(start, end), start, end, kind: r.kind, group: r.hedged ? r.group + '-hedged' : r.group });
  }
  for (const p of pop.cues) cues.push(p);
  // Usually in order already; the sort is stable, so skipping it then changes nothing.
  for (let k = 1; k < cues.length; k++) if (byPosition(cues[k - 1], cues[k]) > 0) { cues.sort(byPosition); break; }

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
