// What the recogniser's models see of a sentence: sparse named features. The same functions run
// when training (scripts/train-recognizer.mjs, on the compiled module) and in the engine, so the
// two cannot drift apart.
//
// - topic: which claim a sentence is about. Content-word stems, stem bigrams, the database
//   concepts the sentence names, and (weaker) the concepts of the sentences before it, which carry
//   the subject of "It works within hours".
// - orientation: whether the sentence agrees with that claim or contradicts it. Stems conjoined
//   with the claim, negation words and what falls inside a negation scope ("made no difference").
// - modality: how the sentence commits to what it says (proof / plain / hedged / reported /
//   question / conditional): function words, stems, and the sentence analyzer's cues.
import type { SentenceAnalysis } from '../analyzer/index.js';
import { tokenize, type Token } from '../lexicon.js';
import { stemOf } from './stems.js';

export type Features = Map<string, number>;

const STOP = new Set(('the a an of to and in for on with at by from as is are was were be been being it its this that these those there their '
  + 'they them he she his her we our you your i my me or but if then than so such which who whom what when where why how do does did has have '
  + 'had will would can could may might must should shall also just very really quite about into over under after before up down out off '
  + 'again further once all any both each few more most other some own same too only not no nor s t don').split(' '));

/** Words that deny what follows or what they qualify. */
const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'without', 'cannot', 'zero', 'lack', 'lacks',
  'lacking', 'absent', 'absence', 'fail', 'fails', 'failed', 'free', 'unaffected', 'intact', 'unchanged']);

function add(f: Features, key: string, v = 1): void {
  f.set(key, (f.get(key) ?? 0) + v);
}

/** Scales the vector to unit length: long and short sentences weigh alike. */
function normalise(f: Features): Features {
  let n = 0;
  for (const v of f.values()) n += v * v;
  n = Math.sqrt(n) || 1;
  for (const [k, v] of f) f.set(k, v / n);
  return f;
}

const isNumber = (w: string) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57;
const isNegator = (w: string) => NEGATORS.has(w) || w.endsWith("n't");

export interface SentenceView {
  text: string;
  /** Word tokens of `text` (lexicon.tokenize). */
  tokens?: Token[];
  /** Database concepts the sentence names (with broader concepts). */
  concepts: Iterable<string>;
  /** Concepts of the text before it that may supply its subject (its paragraph, list lead-in). */
  context?: Iterable<string>;
}

/** Cue kinds whose words say how sure the sentence is, not what it is about. */
const HOW_SURE = new Set(['booster', 'hedge', 'attribution', 'modal']);

export function topicFeatures(s: SentenceView, analysis?: Pick<SentenceAnalysis, 'cues'>): Features {
  const f: Features = new Map();
  const tokens = s.tokens ?? tokenize(s.text);
  const cues = analysis?.cues.filter((c) => HOW_SURE.has(c.kind)) ?? [];
  let prev = '^';
  for (const t of tokens) {
    const w = t.norm;
    const stem = isNumber(w) ? '#' : stemOf(w);
    // "Definitively shown", "may", "the authors argue": the certainty model's business; as topic
    // words they would tie every confident sentence to the claims whose wordings are confident.
    const sure = cues.length > 0 && cues.some((c) => t.start >= c.start && t.end <= c.end);
    if (stem === '#') add(f, 'num');
    else if (sure) add(f, `cue:${stem}`, 0.3);
    else if (!STOP.has(w)) add(f, `s:${stem}`);
    add(f, `b:${prev}_${stem}`, 0.5);
    prev = stem;
  }
  for (const c of s.concepts) add(f, `k:${c}`);
  if (s.context) for (const c of s.context) add(f, `kc:${c}`, 0.5);
  return normalise(f);
}

export function orientationFeatures(s: SentenceView, claimId: string, analysis: Pick<SentenceAnalysis, 'negated' | 'negationScopes'>): Features {
  const f: Features = new Map();
  const tokens = s.tokens ?? tokenize(s.text);
  add(f, `bias:${claimId}`);
  let negators = 0;
  for (const t of tokens) {
    const w = t.norm;
    const stem = isNumber(w) ? '#' : stemOf(w);
    if (isNegator(w)) { negators++; add(f, `neg:${stem}`); add(f, `${claimId}|neg`); }
    add(f, `${claimId}|${stem}`, 0.5);
    if (analysis.negationScopes.some((sc) => t.start >= sc.start && t.end <= sc.end)) { add(f, 'NOT'); add(f, `${claimId}|NOT_${stem}`); }
  }
  if (negators) add(f, 'negators');
  if (negators > 1) add(f, 'negators>1');
  if (analysis.negated) { add(f, 'negated'); add(f, `${claimId}|negated`); }
  return normalise(f);
}

export function modalityFeatures(s: SentenceView, analysis: SentenceAnalysis): Features {
  const f: Features = new Map();
  const tokens = s.tokens ?? tokenize(s.text);
  let prev = '^';
  for (const t of tokens) {
    const stem = isNumber(t.norm) ? '#' : stemOf(t.norm);
    add(f, `s:${stem}`);
    add(f, `b:${prev}_${stem}`, 0.7);
    prev = stem;
  }
  for (const c of analysis.cues) { add(f, `cue:${c.kind}`); add(f, `grp:${c.group}`); }
  if (analysis.question) add(f, 'Q');
  if (analysis.hypothetical) add(f, 'HYP');
  if (analysis.attributed) add(f, 'ATTR');
  if (analysis.hedged) add(f, 'HEDGE');
  if (analysis.boosted) add(f, 'BOOST');
  add(f, `cert:${Math.round(analysis.certainty)}`);
  add(f, `str:${analysis.strength}`);
  if (/\?["'\u201d\u2019)]*\s*$/.test(s.text)) add(f, 'qmark');
  return normalise(f);
}
