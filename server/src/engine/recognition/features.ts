// What the recogniser's models see of a sentence: sparse named features for topic (which claim),
// orientation (agrees or contradicts) and modality (how it commits). Training
// (scripts/train-recognizer.mjs) and the engine run these same functions.
import type { SentenceAnalysis } from '../analyzer/index.js';
import { tokenize, type Token } from '../lexicon.js';
import { RowBuffer, type LinearModel, type Rows } from './linear.js';
import { stemOf } from './stems.js';
import { PerWord, WordScan, type WordSpan } from '../words.js';

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
  /** Word tokens of `text` (lexicon.tokenize), for the feature functions by name; the scorers read
   *  the words of `text` themselves. */
  tokens?: Token[];
  /** Its words by number, if its unit numbered them (else the scorers scan `text`). */
  words?: WordSpan | undefined;
  /** Database concepts the sentence names (with broader concepts). */
  concepts: Iterable<string>;
  /** Concepts of the text before it that may supply its subject (its paragraph, list lead-in). */
  context?: Iterable<string>;
}

/** Cue kinds whose words say how sure the sentence is, not what it is about. */
export const HOW_SURE = new Set(['booster', 'hedge', 'attribution', 'modal']);

/** What topic features a sentence has, one occurrence at a time: `name` is the feature's family
 *  ('s' content stem, 'cue' certainty stem, 'num', 'b' bigram, 'k' concept, 'kc' context concept). */
type TopicSink = (family: 's' | 'cue' | 'num' | 'b' | 'k' | 'kc', a: string, b: string, v: number) => void;

/**
 * @param sureStems stems of words that say how sure a sentence is ("definitively", "shown", "suggest",
 *   "argue"), learned from the analyzer's cues on the wording bank: as topic words they would tie
 *   every confident sentence to the claims whose wordings are confident, so they count little.
 * @returns the sum of the squared values (each occurrence counted on its own), for normalising.
 */
function topicOccurrences(s: SentenceView, sureStems: ReadonlySet<string> | undefined, sink: TopicSink): number {
  const tokens = s.tokens ?? tokenize(s.text);
  let sq = 0;
  const emit: TopicSink = (family, a, b, v) => { sq += v * v; sink(family, a, b, v); };
  let prev = '^';
  for (const t of tokens) {
    const w = t.norm;
    const stem = isNumber(w) ? '#' : stemOf(w);
    const sure = sureStems !== undefined && sureStems.has(stem);
    if (stem === '#') emit('num', '', '', 1);
    else if (sure) emit('cue', stem, '', 0.3);
    else if (!STOP.has(w)) emit('s', stem, '', 1);
    emit('b', prev, stem, 0.5);
    prev = stem;
  }
  for (const c of s.concepts) emit('k', c, '', 1);
  if (s.context) for (const c of s.context) emit('kc', c, '', 0.5);
  return sq;
}

const familyName = (family: string, a: string, b: string) => (family === 'num' ? 'num' : family === 'b' ? `b:${a}_${b}` : `${family}:${a}`);

/** The topic features by name (training, explanations). */
export function topicFeatures(s: SentenceView, sureStems?: ReadonlySet<string>): Features {
  const f: Features = new Map();
  const sq = topicOccurrences(s, sureStems, (family, a, b, v) => add(f, familyName(family, a, b), v));
  const n = Math.sqrt(sq) || 1;
  for (const [k, v] of f) f.set(k, v / n);
  return f;
}

/**
 * The topic model's logits for a sentence without building its feature map: feature names are
 * resolved once, per family, into the model's rows (the engine runs this for every sentence that
 * names a concept, so it avoids a string per feature).
 */
export class TopicScorer {
  private readonly single = { s: new Map<string, number>(), cue: new Map<string, number>(), k: new Map<string, number>(), kc: new Map<string, number>() };
  /** Bigram rows: stems numbered by the side of the bigrams they occur on, pairs in one open-addressed table. */
  private readonly firstIds = new Map<string, number>();
  private readonly secondIds = new Map<string, number>();
  private readonly pairs: PairTable;
  private readonly num: number;
  private readonly buffer = new RowBuffer();

  constructor(private readonly rowOf: (name: string) => number | undefined, names: Iterable<string>) {
    let num = -1;
    const bigrams: number[] = [];
    const idOf = (ids: Map<string, number>, stem: string) => {
      let id = ids.get(stem);
      if (id === undefined) ids.set(stem, (id = ids.size));
      return id;
    };
    for (const name of names) {
      const row = rowOf(name)!;
      if (name === 'num') { num = row; continue; }
      const colon = name.indexOf(':');
      const family = name.slice(0, colon), rest = name.slice(colon + 1);
      if (family === 'b') {
        const us = rest.indexOf('_', rest.startsWith('_') ? 1 : 0);
        bigrams.push(idOf(this.firstIds, rest.slice(0, us)), idOf(this.secondIds, rest.slice(us + 1)), row);
      } else if (family === 's' || family === 'cue' || family === 'k' || family === 'kc') this.single[family].set(rest, row);
    }
    this.num = num;
    this.pairs = new PairTable(bigrams);
  }

  /** Per word: what topicOccurrences makes of it, resolved to rows once (for `wordsFor`). */
  private readonly words = new PerWord((w) => this.wordRows(w, this.wordsFor!));
  private wordsFor?: ReadonlySet<string>;
  private readonly scan = new WordScan();

  private wordRows(w: string, sureStems: ReadonlySet<string>): WordRows {
    const stem = isNumber(w) ? '#' : stemOf(w);
    const family = stem === '#' ? 'num' : sureStems.has(stem) ? 'cue' : STOP.has(w) ? undefined : 's';
    const row = family === 'num' ? this.num : family === undefined ? undefined : this.single[family].get(stem);
    return {
      v: family === 'num' || family === 's' ? 1 : family === 'cue' ? 0.3 : 0, row: row === undefined || row < 0 ? -1 : row,
      first: this.firstIds.get(stem) ?? -1, second: this.secondIds.get(stem) ?? -1,
    };
  }

  /** Rows and values (normalised) of a sentence's known features, in buffers reused by the next call.
   *  The same features, in the same order, as topicOccurrences gives (a test compares them). */
  features(s: SentenceView, sureStems: ReadonlySet<string>): RowBuffer {
    if (this.wordsFor !== sureStems) { this.words.clear(); this.wordsFor = sureStems; }
    const out = this.buffer.clear();
    const words = this.scan.read(s);
    let sq = 0;
    let first = this.firstIds.get('^') ?? -1;
    for (let k = words.from; k < words.to; k++) {
      const info = this.words.of(words, k);
      if (info.v > 0) {
        sq += info.v * info.v;
        if (info.row >= 0) out.push(info.row, info.v);
      }
      sq += 0.25;
      if (first >= 0 && info.second >= 0) {
        const pair = this.pairs.get(first, info.second);
        if (pair >= 0) out.push(pair, 0.5);
      }
      first = info.first;
    }
    for (const c of s.concepts) {
      sq += 1;
      const row = this.single.k.get(c);
      if (row !== undefined && row >= 0) out.push(row, 1);
    }
    if (s.context) {
      for (const c of s.context) {
        sq += 0.25;
        const row = this.single.kc.get(c);
        if (row !== undefined && row >= 0) out.push(row, 0.5);
      }
    }
    out.scale(Math.sqrt(sq) || 1);
    return out;
  }

  /** The reference implementation of `features` (each occurrence's name looked up in the model,
   *  through topicOccurrences), for tests. */
  featuresByName(s: SentenceView, sureStems: ReadonlySet<string>): Rows & { rows: number[]; values: number[] } {
    const rows: number[] = [], values: number[] = [];
    const sq = topicOccurrences(s, sureStems, (family, a, b, v) => {
      const row = this.rowOf(familyName(family, a, b));
      if (row === undefined || row < 0) return;
      rows.push(row);
      values.push(v);
    });
    const n = Math.sqrt(sq) || 1;
    for (let i = 0; i < values.length; i++) values[i]! /= n;
    return { rows, values, length: rows.length };
  }
}

/** What a word contributes to the topic features: its single feature's value and row (-1: not in
 *  the model), and its stem's number as the first and as the second word of a bigram (-1: none). */
interface WordRows {
  v: number;
  row: number;
  first: number;
  second: number;
}

/** Rows by pairs of small numbers, in an open-addressed table (one or two probes, no strings). */
class PairTable {
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly row: Int32Array;
  private readonly mask: number;

  /** @param triples first, second, row, first, second, row, … */
  constructor(triples: readonly number[]) {
    let size = 16;
    while (size < (triples.length / 3) * 2) size *= 2;
    this.mask = size - 1;
    this.a = new Int32Array(size).fill(-1);
    this.b = new Int32Array(size);
    this.row = new Int32Array(size);
    for (let i = 0; i < triples.length; i += 3) {
      let h = this.slot(triples[i]!, triples[i + 1]!);
      while (this.a[h] !== -1 && !(this.a[h] === triples[i] && this.b[h] === triples[i + 1])) h = (h + 1) & this.mask;
      this.a[h] = triples[i]!;
      this.b[h] = triples[i + 1]!;
      this.row[h] = triples[i + 2]!;
    }
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) >>> 0 & this.mask;
  }

  /** The row of the pair, or -1. */
  get(a: number, b: number): number {
    for (let h = this.slot(a, b); ; h = (h + 1) & this.mask) {
      const x = this.a[h]!;
      if (x === -1) return -1;
      if (x === a && this.b[h] === b) return this.row[h]!;
    }
  }
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

export function modalityFeatures(s: SentenceView, analysis: SentenceAnalysis, sureStems?: ReadonlySet<string>): Features {
  const f: Features = new Map();
  const tokens = s.tokens ?? tokenize(s.text);
  // How a sentence commits is in its function words and certainty words, not its topic: content
  // words count as one placeholder, so the model does not learn which claims are usually hedged.
  let prev = '^';
  for (const t of tokens) {
    const w = t.norm;
    const stem = isNumber(w) ? '#' : stemOf(w);
    const kept = STOP.has(w) || isNegator(w) || sureStems === undefined || sureStems.has(stem) ? stem : '_';
    if (kept !== '_') add(f, `s:${kept}`);
    if (kept !== '_' || prev !== '_') add(f, `b:${prev}_${kept}`, 0.7);
    prev = kept;
  }
  for (const c of analysis.cues) { add(f, `cue:${c.kind}`); add(f, `grp:${c.group}`); }
  if (analysis.question) add(f, 'Q');
  if (analysis.hypothetical) add(f, 'HYP');
  if (analysis.attributed) add(f, 'ATTR');
  if (analysis.hedged) add(f, 'HEDGE');
  if (analysis.boosted) add(f, 'BOOST');
  add(f, `cert:${Math.round(analysis.certainty)}`);
  add(f, `str:${analysis.strength}`);
  if (QMARK.test(s.text)) add(f, 'qmark');
  return normalise(f);
}

/** A feature name resolved once: its model row (-1: not in the model); `stamp` and `slot` place it
 *  among the features of the sentence being summed. */
interface Feat {
  readonly name: string;
  readonly row: number;
  /** Orientation only: O_CLAIM for a part after the claim (`${claimId}|${name}`), else O_GLOBAL. */
  readonly kind: number;
  /** For O_CLAIM: the rows of `${claimId}|${name}` by claim id (undefined: no claim has one). */
  readonly claims: ReadonlyMap<string, number> | undefined;
  stamp: number;
  slot: number;
}

/**
 * A model's features, each made once by name (sentences repeat their words): one object per name,
 * however it was reached, so summing by object is summing by name. `trim` forgets them all when
 * there are too many; callers trim between sentences only, as a sentence's sums point at them.
 */
class Feats {
  private readonly byName = new Map<string, Feat>();
  private readonly byPrefix = new Map<string, Map<unknown, Feat>>();

  constructor(
    private readonly rowOf: (name: string) => number | undefined, private readonly kind = O_GLOBAL,
    private readonly claimsOf: (name: string) => ReadonlyMap<string, number> | undefined = () => undefined,
  ) {}

  named(name: string): Feat {
    let f = this.byName.get(name);
    if (f === undefined) this.byName.set(name, (f = { name, row: this.rowOf(name) ?? -1, kind: this.kind, claims: this.claimsOf(name), stamp: 0, slot: 0 }));
    return f;
  }

  /** The feature `${prefix}${part}`. */
  of(prefix: string, part: unknown): Feat {
    let m = this.byPrefix.get(prefix);
    if (!m) this.byPrefix.set(prefix, (m = new Map()));
    let f = m.get(part);
    if (f === undefined) m.set(part, (f = this.named(`${prefix}${String(part)}`)));
    return f;
  }

  /** Forgets every feature if there are too many; true if it did (the caller drops what points at them). */
  trim(): boolean {
    if (this.byName.size < FEATURE_CACHE_LIMIT) return false;
    this.byName.clear();
    this.byPrefix.clear();
    return true;
  }
}
const FEATURE_CACHE_LIMIT = 100_000;

/**
 * A sentence's features summed by name in first-seen order, then scaled to unit length: what `add`
 * and `normalise` do to a Map, without a Map per sentence (each feature holds its own slot).
 */
class FeatureSums {
  /** The first `length` entries are the sentence's (the buffers are reused, never emptied). */
  readonly feats: Feat[] = [];
  values = new Float64Array(64);
  length = 0;
  private stamp = 0;

  reset(): void {
    this.length = 0;
    this.stamp++;
  }

  add(f: Feat, v = 1): void {
    if (f.stamp !== this.stamp) {
      f.stamp = this.stamp;
      f.slot = this.length;
      if (this.length === this.values.length) {
        const values = new Float64Array(this.length * 2);
        values.set(this.values);
        this.values = values;
      }
      this.feats[this.length] = f;
      this.values[this.length++] = 0 + v;
    } else this.values[f.slot]! += v;
  }

  /** As `normalise`: the same sum of squares, in the same order. */
  normalise(): void {
    const values = this.values;
    let n = 0;
    for (let i = 0; i < this.length; i++) n += values[i]! * values[i]!;
    n = Math.sqrt(n) || 1;
    for (let i = 0; i < this.length; i++) values[i]! /= n;
  }
}

/** Kinds of orientation features: the claim's bias, a part after the claim (`${claimId}|${part}`),
 *  and the rest (by their own name). */
const O_BIAS = 0, O_CLAIM = 1, O_GLOBAL = 2;

/** The orientation features of a sentence with the claim left out: what orientationFeatures gives
 *  for every claim, once per sentence. Values are normalised. */
export interface OrientationSummary {
  readonly feats: readonly Feat[];
  readonly values: ArrayLike<number>;
}

/** What orientationFeatures makes of a word (its normalised form). */
interface OrientationWord {
  part: Feat;
  /** `neg:${stem}` for a negator, else null. */
  neg: Feat | null;
  /** `NOT_${stem}`, the part for the word inside a negation's scope. */
  not: Feat;
}

/**
 * The orientation model's probability for a sentence and a claim without building the claim's
 * feature map: the sentence's features are summed once, with claim-scoped names kept as their part
 * after the claim (`${claimId}|${part}`); each claim then looks its parts up in its own table of the
 * model's rows. The sum of squares does not depend on the claim (its names map one to one onto the
 * parts), so the values are normalised once. A test compares it with orientationFeatures.
 */
export class OrientationScorer {
  /** Part after the claim → claim id → row of `${claimId}|${part}`. */
  private readonly partRows = new Map<string, Map<string, number>>();
  private readonly biasRows = new Map<string, number>();
  private readonly sums = new FeatureSums();
  private readonly global: Feats;
  private readonly parts = new Feats(() => undefined, O_CLAIM, (part) => this.partRows.get(part));
  private readonly bias: Feat = { name: '', row: -1, kind: O_BIAS, claims: undefined, stamp: 0, slot: 0 };
  private readonly words = new PerWord((w) => this.word(w));
  private readonly scan = new WordScan();
  private readonly buffer = new RowBuffer();

  constructor(private readonly model: LinearModel) {
    this.global = new Feats((name) => model.rowOf(name));
    for (const name of model.featureNames()) {
      const bar = name.indexOf('|');
      if (bar >= 0) {
        const part = name.slice(bar + 1);
        let m = this.partRows.get(part);
        if (!m) this.partRows.set(part, (m = new Map()));
        m.set(name.slice(0, bar), model.rowOf(name)!);
      } else if (name.startsWith('bias:')) this.biasRows.set(name.slice(5), model.rowOf(name)!);
    }
  }

  private word(w: string): OrientationWord {
    const stem = isNumber(w) ? '#' : stemOf(w);
    return { part: this.parts.named(stem), neg: isNegator(w) ? this.global.of('neg:', stem) : null, not: this.parts.of('NOT_', stem) };
  }

  summarise(s: SentenceView, analysis: Pick<SentenceAnalysis, 'negated' | 'negationScopes'>): OrientationSummary {
    const trimmed = this.global.trim();
    if (this.parts.trim() || trimmed) this.words.clear();
    const f = this.sums, global = this.global, parts = this.parts;
    f.reset();
    const scopes = analysis.negationScopes;
    // Offsets only matter inside a negation's scope.
    const words = scopes.length ? this.scan.scan(s.text) : this.scan.read(s);
    f.add(this.bias);
    let negators = 0;
    for (let k = words.from; k < words.to; k++) {
      const info = this.words.of(words, k);
      if (info.neg) { negators++; f.add(info.neg); f.add(parts.named('neg')); }
      f.add(info.part, 0.5);
      let scoped = false;
      for (let i = 0; i < scopes.length && !scoped; i++) scoped = words.starts[k]! >= scopes[i]!.start && words.ends[k]! <= scopes[i]!.end;
      if (scoped) { f.add(global.named('NOT')); f.add(info.not); }
    }
    if (negators) f.add(global.named('negators'));
    if (negators > 1) f.add(global.named('negators>1'));
    if (analysis.negated) { f.add(global.named('negated')); f.add(parts.named('negated')); }
    f.normalise();
    return { feats: f.feats.slice(0, f.length), values: f.values.slice(0, f.length) };
  }

  /** The rows and values of the claim's known features, in orientationFeatures' order (reused buffers). */
  rowsFor(x: OrientationSummary, claimId: string): RowBuffer {
    const out = this.buffer.clear();
    for (let i = 0; i < x.feats.length; i++) {
      const f = x.feats[i]!;
      const row = f.kind === O_GLOBAL ? f.row : f.kind === O_CLAIM ? f.claims?.get(claimId) ?? -1 : this.biasRows.get(claimId) ?? -1;
      if (row >= 0) out.push(row, x.values[i]!);
    }
    return out;
  }

  /** Whether `claimId` can be scored by rows: with '|' or ':' in it its names could meet other kinds'
   *  (pack ids have neither). */
  static scores(claimId: string): boolean {
    return !claimId.includes('|') && !claimId.includes(':');
  }

  probability(x: OrientationSummary, claimId: string): number {
    return this.model.probabilityOfRows(this.rowsFor(x, claimId));
  }
}

/** A stem modalityFeatures keeps ('_' for a content word): its unigram feature and its bigrams by the next kept stem. */
interface Kept {
  /** `s:${kept}`, null for '_'. */
  s: Feat | null;
  next: Map<Kept, Feat>;
  kept: string;
}

/** A sentence that ends in a question mark (perhaps inside quotes or brackets). */
const QMARK = /\?["'\u201d\u2019)]*\s*$/;

/**
 * The modality model's features as rows and values, without building names per word: each name is
 * made once and remembered with its row. A test compares it with modalityFeatures.
 */
export class ModalityScorer {
  private readonly sums = new FeatureSums();
  private readonly feats: Feats;
  private readonly keptStems = new Map<string, Kept>();
  /** Per word: what modalityFeatures keeps of it (for `wordsFor`). */
  private readonly words = new PerWord((w) => this.word(w, this.wordsFor!));
  private wordsFor?: ReadonlySet<string>;
  private readonly scan = new WordScan();
  private readonly buffer = new RowBuffer();

  constructor(model: LinearModel) {
    this.feats = new Feats((name) => model.rowOf(name));
  }

  private keptOf(kept: string): Kept {
    let k = this.keptStems.get(kept);
    if (k === undefined) this.keptStems.set(kept, (k = { s: kept === '_' ? null : this.feats.of('s:', kept), next: new Map(), kept }));
    return k;
  }

  private word(w: string, sureStems: ReadonlySet<string>): Kept {
    const stem = isNumber(w) ? '#' : stemOf(w);
    return this.keptOf(STOP.has(w) || isNegator(w) || sureStems.has(stem) ? stem : '_');
  }

  /** Rows and values (normalised) of the sentence's known features, in reused buffers. */
  features(s: SentenceView, analysis: SentenceAnalysis, sureStems: ReadonlySet<string>): RowBuffer {
    if (this.feats.trim() || this.wordsFor !== sureStems) { this.keptStems.clear(); this.words.clear(); this.wordsFor = sureStems; }
    const f = this.sums, feats = this.feats;
    f.reset();
    const words = this.scan.read(s);
    let prev = this.keptOf('^');
    for (let i = words.from; i < words.to; i++) {
      const k = this.words.of(words, i);
      if (k.s) f.add(k.s);
      if (k.kept !== '_' || prev.kept !== '_') {
        let b = prev.next.get(k);
        if (b === undefined) prev.next.set(k, (b = feats.named(`b:${prev.kept}_${k.kept}`)));
        f.add(b, 0.7);
      }
      prev = k;
    }
    for (const c of analysis.cues) { f.add(feats.of('cue:', c.kind)); f.add(feats.of('grp:', c.group)); }
    if (analysis.question) f.add(feats.named('Q'));
    if (analysis.hypothetical) f.add(feats.named('HYP'));
    if (analysis.attributed) f.add(feats.named('ATTR'));
    if (analysis.hedged) f.add(feats.named('HEDGE'));
    if (analysis.boosted) f.add(feats.named('BOOST'));
    f.add(feats.of('cert:', Math.round(analysis.certainty)));
    f.add(feats.of('str:', analysis.strength));
    if (QMARK.test(s.text)) f.add(feats.named('qmark'));
    f.normalise();
    const out = this.buffer.clear();
    for (let i = 0; i < f.length; i++) {
      const row = f.feats[i]!.row;
      if (row >= 0) out.push(row, f.values[i]!);
    }
    return out;
  }
}
