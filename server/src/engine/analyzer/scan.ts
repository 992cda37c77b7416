// The structural pass: tokens → cue matches (four lexicon layers) → clauses → negation scopes → flags.
// Everything downstream (features, strength, the public analysis) reads this one Scan.
import { tokenize, type Tokens } from './tokenize.js';
import { PhraseLayers, resolve, type Match } from './phrases.js';
import { CUES, FEATURE_PHRASES, RELATIONS, POPULATION, HEDGE_LIST, SCOPE_BREAKERS, COMMA_BREAKERS, CONCESSIVE } from './cue-lists.js';
import type { CueKind, SentenceFlags } from './analysis-types.js';
import { WordList } from './vocab.js';

export interface CueMatch {
  /** Token range [i, j). */
  i: number;
  j: number;
  kind: CueKind;
  group: string;
  /** Character span (a quotation cue spans the quote; others equal their tokens' span). */
  start: number;
  end: number;
  /** Cancelled by a preceding negation ("not proven", "not all patients"). */
  negated?: boolean;
}

export type ClauseType = 'main' | 'concessive' | 'conditional' | 'relative' | 'report' | 'contrast' | 'opening';

export interface Scan extends SentenceFlags {
  text: string;
  t: Tokens;
  cues: CueMatch[];
  features: Match[];
  relations: Match[];
  population: Match[];
  /** Matches of the general hedge list (a certainty feature). */
  hedgeList: number;
  /** Clause index of each token. */
  clauseOf: number[];
  clauseStart: number[];
  clauseEnd: number[];
  clauseType: ClauseType[];
  mainClause: number;
  /** Token ranges of negation scopes, parallel to `negationCues`. */
  negationCues: CueMatch[];
  scopes: Array<{ i: number; j: number }>;
  nWords: number;
}

const OPENERS = new WordList([
  'although', 'though', 'while', 'whilst', 'whereas', 'despite', 'unlike', 'if', 'unless', 'when', 'whenever',
  'because', 'since', 'as', 'after', 'before', 'whether', 'given', 'in', 'among', 'for', 'once', 'until',
  'compared', 'following', 'during', 'with', 'without', 'at', 'on', 'by', 'to', 'from', 'like', 'even',
]);
const CONDITIONAL_OPENERS = new WordList(['if', 'unless', 'whether', 'provided', 'assuming', 'suppose', 'supposing']);
const REPORT_AFTER_COMMA = new WordList(['says', 'said', 'according', 'reports', 'reported', 'notes', 'noted', 'explains', 'explained', 'adds', 'added', 'concludes', 'concluded', 'writes', 'wrote', 'warns', 'warned', 'argues', 'argued', 'claims', 'claimed', 'told']);
const QUOTE_OPEN = new WordList(['"', '“', '«', '„']);
const QUOTE_CLOSE = new WordList(['"', '”', '»', '“']);
const STRONG_HEDGE_GROUPS = new Set([
  'epistemic-suggest', 'epistemic-indicate', 'epistemic-appear', 'epistemic-believe', 'epistemic-adverb',
  'epistemic-adjective', 'unclear', 'open-question', 'modal-weak', 'limitation', 'negated-booster', 'hypothetical',
]);
/** Negations that modify a noun phrase ("patients without depression") rather than the main verb. */
const MODIFIER_NEGATION = new Set(['without', 'free of', 'free from', 'absence of', 'lack of', 'absent', 'independent of', 'unrelated to', 'rather than', 'instead of', 'failure to', 'lack', 'lacks', 'lacked', 'lacking']);
const BE_FORMS = new WordList(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

const SCOPE_BREAKER = new WordList(SCOPE_BREAKERS);
const COMMA_BREAKER = new WordList(COMMA_BREAKERS);
const CONCESSIVE_OPENER = new WordList(CONCESSIVE);
/** The one-word members of MODIFIER_NEGATION (most negation cues are one word: no join needed). */
const MODIFIER_NEGATION_WORD = new WordList([...MODIFIER_NEGATION].filter((p) => !p.includes(' ')));

/** The four lexicon layers and the hedge list, matched in one pass. */
const LAYERS = new PhraseLayers([CUES, FEATURE_PHRASES, RELATIONS, POPULATION, HEDGE_LIST]);

function toCue(m: Match, t: Tokens): CueMatch {
  return { i: m.i, j: m.j, kind: m.entry.kind as CueKind, group: m.entry.group, start: t.start[m.i], end: t.end[m.j - 1] };
}

/** The type of a clause that starts at token k. */
function clauseTypeAt(t: Tokens, k: number): ClauseType {
  const w = t.norm[k];
  if (w === undefined) return 'main';
  const id = t.id[k];
  if (CONCESSIVE_OPENER.has(id)) return 'concessive';
  if (CONDITIONAL_OPENERS.has(id)) return 'conditional';
  if (w === 'which' || w === 'who' || w === 'whom' || w === 'whose') return 'relative';
  if (REPORT_AFTER_COMMA.has(id)) return 'report';
  if (w === 'but' || w === 'however' || w === 'yet' || w === 'nevertheless' || w === 'nonetheless' || w === ';') return 'contrast';
  return 'main';
}

const byTokens = (a: CueMatch, b: CueMatch) => a.i - b.i || a.j - b.j;

export function scan(text: string): Scan {
  const t = tokenize(text);
  const n = t.n;
  const [cueMatches, featureMatches, relationMatches, populationMatches, hedgeMatches] = LAYERS.matchAll(t);
  const cues = resolve(cueMatches).map((m) => toCue(m, t));
  const features = resolve(featureMatches);
  const relations = resolve(relationMatches);
  const population = resolve(populationMatches);
  const hedgeList = resolve(hedgeMatches).length;

  let nWords = 0;
  for (let k = 0; k < n; k++) if (t.word[k]) nWords++;

  const clauses = splitClauses(t);
  quotationCues(t, cues);
  const question = questionCue(t, cues);
  // Usually in order already (quotation and question cues come last); the sort is stable, so skipping it changes nothing.
  for (let k = 1; k < cues.length; k++) if (byTokens(cues[k - 1], cues[k]) > 0) { cues.sort(byTokens); break; }
  const negationCues: CueMatch[] = [];
  for (const c of cues) if (c.kind === 'negation') negationCues.push(c);
  markNegatedBoosters(cues, negationCues, clauses.clauseOf);
  const scopes = negationScopes(t, negationCues, clauses);
  const { negated, attributed, hypothetical, hedged, boosted, generalised } = sentenceFlags(t, cues, clauses);
  const { clauseOf, clauseStart, clauseEnd, clauseType, mainClause } = clauses;
  return {
    text, t, cues, features, relations, population, hedgeList, clauseOf, clauseStart, clauseEnd, clauseType, mainClause,
    negationCues, scopes, nWords, negated, attributed, hypothetical, question, hedged, boosted, generalised,
  };
}

type Clauses = Pick<Scan, 'clauseOf' | 'clauseStart' | 'clauseEnd' | 'clauseType' | 'mainClause'>;

/** Clauses: split at scope breakers and at commas before a clause opener; the main clause is the
 *  first full clause after any opening adverbial. */
function splitClauses(t: Tokens): Clauses {
  const n = t.n;
  const clauseOf = new Array<number>(n);
  const clauseStart: number[] = [0];
  const clauseEnd: number[] = [];
  const clauseType: ClauseType[] = [];
  let cur = 0;
  let curOpening = n > 0 && OPENERS.has(t.id[0]);
  clauseType.push(n > 0 ? (curOpening && clauseTypeAt(t, 0) === 'main' ? 'opening' : clauseTypeAt(t, 0)) : 'main');
  for (let k = 0; k < n; k++) {
    const w = t.norm[k];
    let breakBefore = false;
    const id = t.id[k];
    if (k > clauseStart[cur] && SCOPE_BREAKER.has(id) && !((w === '.' || w === '!') && !(k + 1 < n && t.word[k + 1]))) {
      // "not yet", "has yet to" are not contrasts.
      if (!(w === 'yet' && k > 0 && (t.norm[k - 1] === 'not' || t.norm[k - 1] === 'has' || t.norm[k - 1] === 'have' || t.norm[k - 1] === 'had'))) breakBefore = true;
    } else if (k > clauseStart[cur] && k > 0 && t.norm[k - 1] === ',' && (COMMA_BREAKER.has(id) || curOpening || REPORT_AFTER_COMMA.has(id))) {
      breakBefore = true;
    }
    if (breakBefore) {
      clauseEnd.push(k);
      clauseStart.push(k);
      cur++;
      const ty = clauseTypeAt(t, k);
      curOpening = OPENERS.has(id) || ty === 'concessive' || ty === 'conditional';
      clauseType.push(ty === 'main' && OPENERS.has(id) ? 'opening' : ty);
    }
    clauseOf[k] = cur;
  }
  clauseEnd.push(n);
  // An opening adverbial ("In rats, ...") is not the main clause; the first full clause after it is.
  let mainClause = 0;
  for (let c = 0; c < clauseType.length; c++) {
    if ((clauseType[c] === 'main' || clauseType[c] === 'contrast') && clauseEnd[c] - clauseStart[c] >= 2) {
      mainClause = c;
      break;
    }
  }
  return { clauseOf, clauseStart, clauseEnd, clauseType, mainClause };
}

/** Quotations: a quoted span of 4+ words is reported speech (an attribution cue). */
function quotationCues(t: Tokens, cues: CueMatch[]): void {
  const n = t.n;
  for (let k = 0; k < n; k++) {
    if (!QUOTE_OPEN.has(t.id[k])) continue;
    let close = -1;
    let words = 0;
    for (let q = k + 1; q < n; q++) {
      if (QUOTE_CLOSE.has(t.id[q]) && (t.norm[k] !== '“' || t.norm[q] !== '“')) { close = q; break; }
      if (t.word[q]) words++;
    }
    if (close < 0) break;
    if (words >= 4) cues.push({ i: k, j: close + 1, kind: 'attribution', group: 'quotation', start: t.start[k], end: t.end[close] });
    k = close;
  }
}

/** A sentence ending in '?' is a question (a question cue). */
function questionCue(t: Tokens, cues: CueMatch[]): boolean {
  const n = t.n;
  let question = false;
  for (let k = n - 1; k >= 0; k--) {
    const w = t.norm[k];
    if (w === '?') { question = true; cues.push({ i: k, j: k + 1, kind: 'question', group: 'question', start: t.start[k], end: t.end[k] }); break; }
    if (t.word[k] || w === '.' || w === '!') break;
  }
  return question;
}

/** Negated boosters and generalisers: "not proven", "not all patients". */
function markNegatedBoosters(cues: CueMatch[], negationCues: CueMatch[], clauseOf: number[]): void {
  for (const c of cues) {
    if (c.kind !== 'booster' && c.kind !== 'generaliser') continue;
    for (const ng of negationCues) {
      if (ng === c) continue;
      if (ng.j <= c.i && c.i - ng.j <= 2 && clauseOf[ng.i] === clauseOf[c.i]) {
        c.negated = true;
        if (c.kind === 'booster' && c.group !== 'evidential') { c.kind = 'hedge'; c.group = 'negated-booster'; }
        ng.group = ng.group === 'negation' ? 'negation-of-' + (c.kind === 'generaliser' ? 'generaliser' : 'booster') : ng.group;
      }
    }
  }
}

/** Negation scopes (NegEx: forward to the next scope breaker; post-triggers look backward). */
function negationScopes(t: Tokens, negationCues: CueMatch[], { clauseOf, clauseStart, clauseEnd }: Clauses): Array<{ i: number; j: number }> {
  const scopes: Array<{ i: number; j: number }> = [];
  for (const ng of negationCues) {
    const c = clauseOf[ng.i];
    const post = (ng.j === ng.i + 2 && t.norm[ng.i] === 'ruled' && ng.i > 0 && BE_FORMS.has(t.id[ng.i - 1])) || (t.norm[ng.i] === 'absent' && ng.i > 0 && BE_FORMS.has(t.id[ng.i - 1]));
    let i = ng.j;
    let j = clauseEnd[c];
    while (j > i && !t.word[j - 1]) j--;
    if (post || j <= i) {
      i = clauseStart[c];
      j = post && ng.i > 0 && BE_FORMS.has(t.id[ng.i - 1]) ? ng.i - 1 : ng.i;
      while (i < j && !t.word[i]) i++;
      while (j > i && !t.word[j - 1]) j--;
    }
    scopes.push({ i, j });
  }
  return scopes;
}

/** The sentence's flags from its cues and where they sit (main clause, concessive, ...). */
function sentenceFlags(t: Tokens, cues: CueMatch[], { clauseOf, clauseStart, clauseEnd, clauseType, mainClause }: Clauses) {
  let negated = false;
  let attributed = false;
  let hypothetical = false;
  let hedged = false;
  let boosted = false;
  let generalised = false;
  for (const c of cues) {
    const ct = clauseType[clauseOf[c.i]];
    switch (c.kind) {
      case 'negation':
        if (c.group === 'negation' || c.group === 'null-result') {
          if (clauseOf[c.i] !== mainClause) break;
          if (c.j - c.i === 1 ? MODIFIER_NEGATION_WORD.has(t.id[c.i]) : MODIFIER_NEGATION.has(t.norm.slice(c.i, c.j).join(' '))) break;
          if (c.j - c.i === 1 && t.norm[c.i] === 'no' && c.i > 0 && t.norm[c.i - 1] === 'with') break;
          if (inRelative(t, c.i, clauseStart[clauseOf[c.i]])) break;
          if (subordinateBefore(t, c.i, clauseStart[clauseOf[c.i]])) break;
          // "not A but B": the assertion is B.
          const nc = clauseOf[c.i] + 1;
          if (nc < clauseStart.length && t.norm[clauseStart[nc]] === 'but' && clauseEnd[clauseOf[c.i]] - c.j <= 6) break;
          negated = true;
        }
        break;
      case 'attribution':
        attributed = true;
        break;
      case 'conditional':
        hypothetical = true;
        break;
      case 'modal':
        if (c.group === 'modal-would') hypothetical = true;
        if (c.group === 'modal-weak' && ct !== 'concessive') hedged = true;
        break;
      case 'hedge':
      case 'limitation':
        if (STRONG_HEDGE_GROUPS.has(c.group) && ct !== 'concessive') hedged = true;
        break;
      case 'booster':
        if (c.group === 'booster-strong' && !c.negated) boosted = true;
        break;
      case 'generaliser':
        if (!c.negated) generalised = true;
        break;
    }
  }
  return { negated, attributed, hypothetical, hedged, boosted, generalised };
}

const SUBORDINATE = new WordList(['if', 'unless', 'whether', 'because', 'since', 'when', 'whenever', 'while', 'although', 'though', 'even', 'until', 'once']);
/** A subordinate clause opened between the clause start and token k ("... more likely to survive if they are not ..."). */
function subordinateBefore(t: Tokens, k: number, from: number): boolean {
  for (let q = k - 1; q > from; q--) if (SUBORDINATE.has(t.id[q])) return true;
  return false;
}

/** A relative clause between the clause start and token k ("patients who did not respond", "where it was not used"). */
function inRelative(t: Tokens, k: number, from: number): boolean {
  for (let q = k - 1; q >= from && q >= k - 6; q--) {
    const w = t.norm[q];
    if (w === 'who' || w === 'whom' || w === 'whose' || w === 'which' || w === 'where' || w === 'when') return true;
  }
  return false;
}
