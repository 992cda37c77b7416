// Certainty features: counts of lexicon groups (hedges, boosters, modals, negation, attribution,
// conditionals, generalisers ...), their position relative to the main clause, claim strength, population,
// numbers and statistics, tense and length. The weights that combine them are learned by
// scripts/train-certainty.mjs (ridge regression plus residual trees on Pei & Jurgens' train split) and live
// in weights.ts.
import type { Scan } from './scan.js';
import type { StrengthResult } from './strength.js';
import type { PopulationKind } from './analysis-types.js';
import { WordList } from './vocab.js';

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
const at = (name: string): number => {
  const k = IDX.get(name);
  if (k === undefined) throw new Error(`features: unknown feature ${name}`);
  return k;
};
/** Feature index by cue group and by phrase group (the lexicon groups the model counts). */
const CUE_INDEX: ReadonlyMap<string, number> = new Map(CUE_GROUPS.map((g) => [g, at('cue:' + g)]));
const PHRASE_INDEX: ReadonlyMap<string, number> = new Map(FEATURE_GROUPS.map((g) => [g, at('phrase:' + g)]));
/** The counted features come first, so capping them is one short loop. */
const N_COUNTED = CUE_GROUPS.length + FEATURE_GROUPS.length;
const STRENGTH_INDEX = [-1, at('strength:1'), at('strength:2'), at('strength:3')];
const POP_INDEX: ReadonlyMap<PopulationKind, number> = new Map(POPULATIONS.map((p) => [p, at('pop:' + p)]));
const I = {
  causalVerb: at('rel:causal-verb'), causalAdj: at('rel:causal-adj'), causalNoun: at('rel:causal-noun'),
  correlational: at('rel:correlational'), comparative: at('rel:comparative'),
  negated: at('flag:negated'), attributed: at('flag:attributed'), hypothetical: at('flag:hypothetical'),
  hedged: at('flag:hedged'), boosted: at('flag:boosted'), generalised: at('flag:generalised'),
  hedgeMain: at('hedge:main'), hedgeSub: at('hedge:sub'), hedgeTotal: at('hedge:total'), hedgeAny: at('hedge:any'),
  hedgeFirstPos: at('hedge:first-pos'), hedgeEarly: at('hedge:early'), hedgeAttributed: at('hedge:x-attributed'),
  hedgeFraming: at('hedge:x-framing'), hedgeModalMain: at('hedge:modal-main'), hedgeListCount: at('hedge:list-count'),
  hedgeListAny: at('hedge:list-any'), boosterTotal: at('booster:total'), negationMain: at('negation:main'),
  numCount: at('num:count'), numAny: at('num:any'), numPercent: at('num:percent'), numPvalue: at('num:pvalue'),
  numDecimal: at('num:decimal'), lenLogWords: at('len:log-words'), lenClauses: at('len:clauses'), lenCommas: at('len:commas'),
  tenseEd: at('tense:ed'), tensePastFirst: at('tense:past-first'), quoteAny: at('quote:any'), parenAny: at('paren:any'),
  specCapitalised: at('spec:capitalised'), specAcronyms: at('spec:acronyms'), specLongWords: at('spec:long-words'),
  specMeanWordLength: at('spec:mean-word-length'), negPartial: at('neg:partial'),
};

/**
 * Words that make a negation partial rather than flat: "not significantly", "not fully", "not all", "not
 * necessarily" read as less certain than "not" alone, which raters treat as a firm statement.
 */
const PARTIAL_AFTER_NEGATION = new WordList([
  'significantly', 'significant', 'statistically', 'fully', 'all', 'always', 'necessarily', 'entirely', 'completely',
  'clearly', 'only', 'just', 'much', 'well', 'strongly', 'substantially', 'simply', 'solely',
]);
const NEGATORS = new WordList(['not', 'no', 'never']);

/** Non-verb words ending in -ed, to keep the past-tense count honest. */
const ED_NOT_VERB = new WordList(['need', 'indeed', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'hundred', 'bleed', 'breed', 'proceed', 'exceed', 'succeed', 'weed', 'greed', 'embed', 'wed', 'fled']);

// w.endsWith("n't") and w.endsWith('ed') by code units (a builtin call per token was a visible cost).
const endsWithNt = (w: string) => w.length >= 3 && w.charCodeAt(w.length - 1) === 116 && w.charCodeAt(w.length - 2) === 39 && w.charCodeAt(w.length - 3) === 110;
const endsWithEd = (w: string) => w.length >= 2 && w.charCodeAt(w.length - 1) === 100 && w.charCodeAt(w.length - 2) === 101;

/** An all-capitals word of two or more characters ("NMDA", "FDA"), as `slice === slice.toUpperCase()`. */
function isAcronym(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return text.slice(start, end) === text.slice(start, end).toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** The feature vector of a sentence, written into `x` (a new vector by default; any old values are cleared). */
export function extractFeatures(s: Scan, st: StrengthResult, pop: PopulationKind, x = new Float64Array(FEATURE_NAMES.length)): Float64Array {
  x.fill(0);
  const t = s.t;
  let hedgeMain = 0, hedgeSub = 0, hedgeTotal = 0, boostTotal = 0, firstHedge = -1, modalMain = 0, negMain = 0;
  let framing = 0;
  for (const c of s.cues) {
    const k = CUE_INDEX.get(c.group);
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
    const k = PHRASE_INDEX.get(m.entry.group);
    if (k !== undefined) x[k]++;
    if (m.entry.group === 'f-framing') framing++;
  }
  for (let k = 0; k < N_COUNTED; k++) x[k] = cap(x[k], 3);

  x[I.causalVerb] = cap(st.causalVerbs, 3);
  x[I.causalAdj] = cap(st.causalAdj, 3);
  x[I.causalNoun] = cap(st.causalNouns, 3);
  x[I.correlational] = cap(st.correlational, 3);
  x[I.comparative] = cap(st.comparative, 3);
  if (st.strength > 0) x[STRENGTH_INDEX[st.strength]] = 1;
  if (pop !== 'unspecified') x[POP_INDEX.get(pop)!] = 1;

  x[I.negated] = +s.negated;
  x[I.attributed] = +s.attributed;
  x[I.hypothetical] = +s.hypothetical;
  x[I.hedged] = +s.hedged;
  x[I.boosted] = +s.boosted;
  x[I.generalised] = +s.generalised;

  const nTok = Math.max(1, t.n);
  x[I.hedgeMain] = cap(hedgeMain, 3);
  x[I.hedgeSub] = cap(hedgeSub, 3);
  x[I.hedgeTotal] = Math.log1p(hedgeTotal);
  x[I.hedgeAny] = hedgeTotal > 0 ? 1 : 0;
  x[I.hedgeFirstPos] = firstHedge < 0 ? 1 : firstHedge / nTok;
  x[I.hedgeEarly] = firstHedge >= 0 && firstHedge < 6 ? 1 : 0;
  x[I.hedgeAttributed] = hedgeTotal > 0 && s.attributed ? 1 : 0;
  x[I.hedgeFraming] = hedgeTotal > 0 && framing > 0 ? 1 : 0;
  x[I.hedgeModalMain] = cap(modalMain, 2);
  x[I.hedgeListCount] = Math.log1p(s.hedgeList);
  x[I.hedgeListAny] = s.hedgeList > 0 ? 1 : 0;
  x[I.boosterTotal] = Math.log1p(boostTotal);
  x[I.negationMain] = cap(negMain, 2);

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
      if (upper && len > 1 && isAcronym(text, t.start[k], t.end[k])) acronyms++;
      else if (upper && k > 0) caps++;
      if (len >= 10) long++;
      chars += len;
    }
    if (NEGATORS.has(t.id[k]) || endsWithNt(w)) {
      for (let j = k + 1; j < t.n && j <= k + 3; j++) if (PARTIAL_AFTER_NEGATION.has(t.id[j])) { partialNeg++; break; }
    }
    if (t.word[k] && w.length > 4 && endsWithEd(w) && !ED_NOT_VERB.has(t.id[k])) {
      ed++;
      if (pastFirst < 0) pastFirst = k;
    }
  }
  x[I.numCount] = Math.log1p(nums);
  x[I.numAny] = nums > 0 ? 1 : 0;
  x[I.numPercent] = percent;
  x[I.numPvalue] = pvalue;
  x[I.numDecimal] = decimal;
  x[I.lenLogWords] = Math.log1p(s.nWords);
  x[I.lenClauses] = cap(s.clauseStart.length, 5);
  x[I.lenCommas] = cap(commas, 5);
  x[I.tenseEd] = Math.log1p(ed);
  x[I.tensePastFirst] = pastFirst >= 0 && pastFirst < 8 ? 1 : 0;
  x[I.quoteAny] = quote;
  x[I.parenAny] = paren;
  x[I.specCapitalised] = Math.log1p(caps);
  x[I.specAcronyms] = Math.log1p(acronyms);
  x[I.specLongWords] = s.nWords ? long / s.nWords : 0;
  x[I.specMeanWordLength] = s.nWords ? chars / s.nWords / 10 : 0;
  x[I.negPartial] = cap(partialNeg, 2);
  return x;
}
