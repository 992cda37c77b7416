// Certainty features: counts of lexicon groups (hedges, boosters, modals, negation, attribution,
// conditionals, generalisers ...), their position relative to the main clause, claim strength, population,
// numbers and statistics, tense and length. The weights that combine them are learned by
// scripts/train-certainty.mjs (ridge regression plus residual trees on Pei & Jurgens' train split) and live
// in weights.ts.
import type { Scan } from './scan.js';
import type { StrengthResult } from './strength.js';
import type { PopulationKind } from './types.js';

const CUE_GROUPS = [
  'modal-weak', 'modal-can', 'modal-would', 'modal-should', 'modal-must', 'modal-will',
  'epistemic-suggest', 'epistemic-consistent', 'epistemic-indicate', 'epistemic-appear', 'epistemic-believe', 'epistemic-adverb',
  'epistemic-adjective', 'unclear', 'open-question', 'approximator', 'degree', 'frequency', 'limitation', 'booster-strong',
  'booster-emphatic', 'evidential', 'negated-booster', 'negation', 'negation-of-booster', 'negation-of-generaliser',
  'null-result', 'reported-speech', 'agent-report', 'quotation', 'conditional', 'hypothetical', 'future',
  'generaliser', 'question',
] as const;
const FEATURE_GROUPS = [
  'f-finding', 'f-framing', 'f-we', 'f-intensifier', 'f-vague', 'f-all', 'f-similar', 'f-condition',
  'f-recommend', 'f-weak-epistemic', 'f-past-aux', 'f-present-aux', 'f-perfect', 'f-or', 'f-stat', 'f-researchers', 'f-news',
] as const;
const POPULATIONS: PopulationKind[] = ['humans', 'animals', 'cells', 'post-mortem', 'subgroup'];
const HEDGE_GROUPS = new Set([
  'modal-weak', 'epistemic-suggest', 'epistemic-indicate', 'epistemic-appear', 'epistemic-believe',
  'epistemic-adverb', 'epistemic-adjective', 'unclear', 'open-question', 'limitation', 'negated-booster', 'hypothetical',
]);

export const FEATURE_NAMES: readonly string[] = [
  ...CUE_GROUPS.map((g) => 'cue:' + g),
  ...FEATURE_GROUPS.map((g) => 'phrase:' + g),
  'rel:causal-verb', 'rel:causal-adj', 'rel:causal-noun', 'rel:correlational', 'rel:comparative',
  'strength:1', 'strength:2', 'strength:3',
  ...POPULATIONS.map((p) => 'pop:' + p),
  'flag:negated', 'flag:attributed', 'flag:hypothetical', 'flag:hedged', 'flag:boosted', 'flag:generalised',
  'hedge:main', 'hedge:sub', 'hedge:total', 'hedge:any', 'hedge:first-pos', 'hedge:early', 'hedge:x-attributed',
  'hedge:x-framing', 'hedge:modal-main', 'hedge:list-count', 'hedge:list-any', 'booster:total', 'negation:main',
  'num:count', 'num:any', 'num:percent', 'num:pvalue', 'num:decimal',
  'len:log-words', 'len:clauses', 'len:commas', 'tense:ed', 'tense:past-first', 'quote:any', 'paren:any',
  'spec:capitalised', 'spec:acronyms', 'spec:long-words', 'spec:mean-word-length', 'neg:partial',
];
export const FEATURE_INDEX: ReadonlyMap<string, number> = new Map(FEATURE_NAMES.map((n, i) => [n, i]));
const IDX = FEATURE_INDEX;
const cap = (v: number, c: number) => (v > c ? c : v);

/**
 * Words that make a negation partial rather than flat: "not significantly", "not fully", "not all", "not
 * necessarily" read as less certain than "not" alone, which raters treat as a firm statement.
 */
const PARTIAL_AFTER_NEGATION = new Set([
  'significantly', 'significant', 'statistically', 'fully', 'all', 'always', 'necessarily', 'entirely', 'completely',
  'clearly', 'only', 'just', 'much', 'well', 'strongly', 'substantially', 'simply', 'solely',
]);
const NEGATORS = new Set(['not', 'no', 'never']);

/** Non-verb words ending in -ed, to keep the past-tense count honest. */
const ED_NOT_VERB = new Set(['need', 'indeed', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'hundred', 'bleed', 'breed', 'proceed', 'exceed', 'succeed', 'weed', 'greed', 'embed', 'wed', 'fled']);

export function extractFeatures(s: Scan, st: StrengthResult, pop: PopulationKind): Float64Array {
  const x = new Float64Array(FEATURE_NAMES.length);
  const t = s.t;
  let hedgeMain = 0, hedgeSub = 0, hedgeTotal = 0, boostTotal = 0, firstHedge = -1, modalMain = 0, negMain = 0;
  let framing = 0;
  for (const c of s.cues) {
    const k = IDX.get('cue:' + c.group);
    if (k !== undefined) x[k]++;
    if (HEDGE_GROUPS.has(c.group)) {
      hedgeTotal++;
      if (s.clauseOf[c.i] === s.mainClause) hedgeMain++;
      else hedgeSub++;
      if (firstHedge < 0) firstHedge = c.i;
      if (c.group === 'modal-weak' && s.clauseOf[c.i] === s.mainClause) modalMain++;
    }
    if (c.kind === 'booster' && !c.negated) boostTotal++;
    if (c.kind === 'negation' && s.clauseOf[c.i] === s.mainClause) negMain++;
  }
  for (const m of s.features) {
    const k = IDX.get('phrase:' + m.entry.group);
    if (k !== undefined) x[k]++;
    if (m.entry.group === 'f-framing') framing++;
  }
  for (let k = 0; k < x.length; k++) x[k] = cap(x[k], 3);

  x[IDX.get('rel:causal-verb')!] = cap(st.causalVerbs, 3);
  x[IDX.get('rel:causal-adj')!] = cap(st.causalAdj, 3);
  x[IDX.get('rel:causal-noun')!] = cap(st.causalNouns, 3);
  x[IDX.get('rel:correlational')!] = cap(st.correlational, 3);
  x[IDX.get('rel:comparative')!] = cap(st.comparative, 3);
  if (st.strength > 0) x[IDX.get('strength:' + st.strength)!] = 1;
  if (pop !== 'unspecified') x[IDX.get('pop:' + pop)!] = 1;

  x[IDX.get('flag:negated')!] = +s.negated;
  x[IDX.get('flag:attributed')!] = +s.attributed;
  x[IDX.get('flag:hypothetical')!] = +s.hypothetical;
  x[IDX.get('flag:hedged')!] = +s.hedged;
  x[IDX.get('flag:boosted')!] = +s.boosted;
  x[IDX.get('flag:generalised')!] = +s.generalised;

  const nTok = Math.max(1, t.n);
  x[IDX.get('hedge:main')!] = cap(hedgeMain, 3);
  x[IDX.get('hedge:sub')!] = cap(hedgeSub, 3);
  x[IDX.get('hedge:total')!] = Math.log1p(hedgeTotal);
  x[IDX.get('hedge:any')!] = hedgeTotal > 0 ? 1 : 0;
  x[IDX.get('hedge:first-pos')!] = firstHedge < 0 ? 1 : firstHedge / nTok;
  x[IDX.get('hedge:early')!] = firstHedge >= 0 && firstHedge < 6 ? 1 : 0;
  x[IDX.get('hedge:x-attributed')!] = hedgeTotal > 0 && s.attributed ? 1 : 0;
  x[IDX.get('hedge:x-framing')!] = hedgeTotal > 0 && framing > 0 ? 1 : 0;
  x[IDX.get('hedge:modal-main')!] = cap(modalMain, 2);
  x[IDX.get('hedge:list-count')!] = Math.log1p(s.hedgeList);
  x[IDX.get('hedge:list-any')!] = s.hedgeList > 0 ? 1 : 0;
  x[IDX.get('booster:total')!] = Math.log1p(boostTotal);
  x[IDX.get('negation:main')!] = cap(negMain, 2);

  let nums = 0, percent = 0, pvalue = 0, decimal = 0, ed = 0, commas = 0, quote = 0, paren = 0, pastFirst = -1;
  let caps = 0, acronyms = 0, long = 0, chars = 0, partialNeg = 0;
  const text = s.text;
  for (let k = 0; k < t.n; k++) {
    const w = t.norm[k];
    if (t.num[k]) {
      nums++;
      if (w.includes('.')) decimal = 1;
    } else if (w === '%' || w === 'percent') percent = 1;
    else if (w === 'p' && k + 1 < t.n && (t.norm[k + 1] === '<' || t.norm[k + 1] === '=' || t.norm[k + 1] === '>' || t.norm[k + 1] === '≤')) pvalue = 1;
    else if (w === ',') commas++;
    else if (w === '"' || w === '“' || w === '”') quote = 1;
    else if (w === '(') paren = 1;
    if (t.word[k] && !t.num[k]) {
      // Specificity: names, acronyms and long technical words.
      const c0 = text.charCodeAt(t.start[k]);
      const upper = c0 >= 65 && c0 <= 90;
      const len = t.end[k] - t.start[k];
      if (upper && len > 1 && text.slice(t.start[k], t.end[k]) === text.slice(t.start[k], t.end[k]).toUpperCase()) acronyms++;
      else if (upper && k > 0) caps++;
      if (len >= 10) long++;
      chars += len;
    }
    if (NEGATORS.has(w) || w.endsWith("n't")) {
      for (let j = k + 1; j < t.n && j <= k + 3; j++) if (PARTIAL_AFTER_NEGATION.has(t.norm[j])) { partialNeg++; break; }
    }
    if (t.word[k] && w.length > 4 && w.endsWith('ed') && !ED_NOT_VERB.has(w)) {
      ed++;
      if (pastFirst < 0) pastFirst = k;
    }
  }
  x[IDX.get('num:count')!] = Math.log1p(nums);
  x[IDX.get('num:any')!] = nums > 0 ? 1 : 0;
  x[IDX.get('num:percent')!] = percent;
  x[IDX.get('num:pvalue')!] = pvalue;
  x[IDX.get('num:decimal')!] = decimal;
  x[IDX.get('len:log-words')!] = Math.log1p(s.nWords);
  x[IDX.get('len:clauses')!] = cap(s.clauseStart.length, 5);
  x[IDX.get('len:commas')!] = cap(commas, 5);
  x[IDX.get('tense:ed')!] = Math.log1p(ed);
  x[IDX.get('tense:past-first')!] = pastFirst >= 0 && pastFirst < 8 ? 1 : 0;
  x[IDX.get('quote:any')!] = quote;
  x[IDX.get('paren:any')!] = paren;
  x[IDX.get('spec:capitalised')!] = Math.log1p(caps);
  x[IDX.get('spec:acronyms')!] = Math.log1p(acronyms);
  x[IDX.get('spec:long-words')!] = s.nWords ? long / s.nWords : 0;
  x[IDX.get('spec:mean-word-length')!] = s.nWords ? chars / s.nWords / 10 : 0;
  x[IDX.get('neg:partial')!] = cap(partialNeg, 2);
  return x;
}
