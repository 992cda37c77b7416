// A small multi-word phrase matcher over tokens. Patterns are compiled once at module load.
//
// Pattern syntax (space-separated slots):
//   word            a literal (lower case; "'" for apostrophes)
//   a|b|c           any of the alternatives
//   (a|b)?  word?   an optional slot
//   ~verb           every inflection of a regular verb (irregular forms are listed in IRREGULAR)
//   #NUM            a number (digits or a number word)
//   #W              any word
import type { Tokens } from './tokenize.js';
import { intern, idOf, vocabSize } from './vocab.js';
import type { CueKind } from './analysis-types.js';

/** 'pseudo' entries only suppress; 'feature' entries feed the certainty model but are not reported as cues. */
export type EntryKind = CueKind | 'pseudo' | 'feature';

export interface Entry {
  kind: EntryKind;
  group: string;
  /** Kinds of shorter matches inside this one that survive (default: none survive). */
  keep?: readonly EntryKind[];
  /** Compiled slots (codes below). */
  codes: Int32Array;
}

type Slot = ReadonlySet<string> | '#NUM' | '#W';

export interface Match {
  /** First token index. */
  i: number;
  /** One past the last token index. */
  j: number;
  entry: Entry;
}

export interface PhraseSpec {
  kind: EntryKind;
  group: string;
  keep?: readonly EntryKind[];
  patterns: readonly string[];
}

const IRREGULAR: Record<string, string[]> = {
  lead: ['lead', 'leads', 'led', 'leading'],
  show: ['show', 'shows', 'showed', 'shown', 'showing'],
  prove: ['prove', 'proves', 'proved', 'proven', 'proving'],
  drive: ['drive', 'drives', 'drove', 'driven', 'driving'],
  find: ['find', 'finds', 'found', 'finding'],
  think: ['think', 'thinks', 'thought', 'thinking'],
  cut: ['cut', 'cuts', 'cutting'],
  stop: ['stop', 'stops', 'stopped', 'stopping'],
  rise: ['rise', 'rises', 'rose', 'risen', 'rising'],
  fall: ['fall', 'falls', 'fell', 'fallen', 'falling'],
  shrink: ['shrink', 'shrinks', 'shrank', 'shrunk', 'shrinking'],
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  make: ['make', 'makes', 'made', 'making'],
  know: ['know', 'knows', 'knew', 'known', 'knowing'],
  hold: ['hold', 'holds', 'held', 'holding'],
  fight: ['fight', 'fights', 'fought', 'fighting'],
  slow: ['slow', 'slows', 'slowed', 'slowing'],
  put: ['put', 'puts', 'putting'],
  set: ['set', 'sets', 'setting'],
  spread: ['spread', 'spreads', 'spreading'],
  undergo: ['undergo', 'undergoes', 'underwent', 'undergone', 'undergoing'],
  underlie: ['underlie', 'underlies', 'underlay', 'underlain', 'underlying'],
  rid: ['rid', 'rids', 'ridding'],
  curb: ['curb', 'curbs', 'curbed', 'curbing'],
  hinder: ['hinder', 'hinders', 'hindered', 'hindering'],
  lessen: ['lessen', 'lessens', 'lessened', 'lessening'],
  worsen: ['worsen', 'worsens', 'worsened', 'worsening'],
  weaken: ['weaken', 'weakens', 'weakened', 'weakening'],
  strengthen: ['strengthen', 'strengthens', 'strengthened', 'strengthening'],
  shorten: ['shorten', 'shortens', 'shortened', 'shortening'],
  trigger: ['trigger', 'triggers', 'triggered', 'triggering'],
  offer: ['offer', 'offers', 'offered', 'offering'],
  appear: ['appear', 'appears', 'appeared', 'appearing'],
  suffer: ['suffer', 'suffers', 'suffered', 'suffering'],
  deter: ['deter', 'deters', 'deterred', 'deterring'],
  kill: ['kill', 'kills', 'killed', 'killing'],
  spur: ['spur', 'spurs', 'spurred', 'spurring'],
  halt: ['halt', 'halts', 'halted', 'halting'],
  benefit: ['benefit', 'benefits', 'benefited', 'benefitted', 'benefiting', 'benefitting'],
  abet: ['abet', 'abets', 'abetted', 'abetting'],
  propel: ['propel', 'propels', 'propelled', 'propelling'],
  control: ['control', 'controls', 'controlled', 'controlling'],
};

/** Regular inflections: base, 3rd person, past/participle, -ing. */
export function inflect(base: string): string[] {
  const irr = IRREGULAR[base];
  if (irr) return irr;
  if (base.endsWith('ee')) return [base, base + 's', base + 'd', base + 'ing'];
  if (base.endsWith('e')) return [base, base + 's', base + 'd', base.slice(0, -1) + 'ing'];
  if (/[^aeiou]y$/.test(base)) return [base, base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing'];
  if (/(s|sh|ch|x|z)$/.test(base)) return [base, base + 'es', base + 'ed', base + 'ing'];
  return [base, base + 's', base + 'ed', base + 'ing'];
}

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['dozen', 12], ['dozens', 24], ['hundreds', 200], ['thousand', 1000], ['thousands', 2000],
  ['million', 1e6], ['millions', 2e6],
]);

function compileSlot(raw: string): { slot: Slot; optional: boolean } {
  let s = raw;
  let optional = false;
  if (s.length > 1 && s.endsWith('?')) {
    optional = true;
    s = s.slice(0, -1);
  }
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1);
  if (s === '#NUM' || s === '#W') return { slot: s, optional };
  const words = new Set<string>();
  for (const alt of s.split('|')) {
    if (alt.startsWith('~')) for (const f of inflect(alt.slice(1))) words.add(f);
    else words.add(alt);
  }
  return { slot: words, optional };
}

/** Expands optional slots into every variant (so matching is a plain slot-by-slot comparison). */
function expand(pattern: string): Slot[][] {
  let variants: Slot[][] = [[]];
  for (const raw of pattern.trim().split(/\s+/)) {
    const { slot, optional } = compileSlot(raw);
    const next: Slot[][] = [];
    for (const v of variants) {
      next.push([...v, slot]);
      if (optional) next.push(v);
    }
    variants = next;
  }
  return variants.filter((v) => v.length > 0);
}

// Slot codes of a compiled entry: a word id (>= 1), any number, any word, or (<= BITSET) a word set as a
// bitset over ids, starting at offset BITSET - code of the index's pool.
const ANY_NUM = -1;
const ANY_WORD = -2;
const BITSET = -3;

export class PhraseIndex {
  /** Entries by the id of their first word (undefined: none); ids at or past `limit` start none. */
  readonly byFirst: Array<Entry[] | undefined>;
  /** Entries whose first slot is #NUM or #W, tried at every word. */
  readonly wildFirst: Entry[] = [];
  /** Ids below `limit` are covered by the bitsets (a later id names no word of this index). */
  readonly limit: number;
  private readonly pool: Uint32Array;
  /** Number words by id, for #NUM. */
  private readonly numberWord: Uint8Array;

  constructor(specs: readonly PhraseSpec[]) {
    const entries: Array<{ entry: Entry; slots: Slot[] }> = [];
    for (const spec of specs) {
      for (const p of spec.patterns) {
        for (const slots of expand(p)) {
          entries.push({ entry: { kind: spec.kind, group: spec.group, keep: spec.keep, codes: new Int32Array(slots.length) }, slots });
          for (const slot of slots) if (typeof slot !== 'string') for (const w of slot) intern(w);
        }
      }
    }
    for (const w of NUMBER_WORDS.keys()) intern(w);
    this.limit = vocabSize();
    this.numberWord = new Uint8Array(this.limit);
    for (const w of NUMBER_WORDS.keys()) this.numberWord[idOf(w)] = 1;
    // One bitset per distinct word set (optional slots share their set object across variants).
    const stride = (this.limit + 31) >>> 5;
    const bitsetOf = new Map<ReadonlySet<string>, number>();
    const sets: Array<ReadonlySet<string>> = [];
    for (const { slots } of entries) for (const slot of slots) if (typeof slot !== 'string' && slot.size > 1 && !bitsetOf.has(slot)) {
      bitsetOf.set(slot, sets.length * stride);
      sets.push(slot);
    }
    this.pool = new Uint32Array(sets.length * stride);
    sets.forEach((set, k) => {
      for (const w of set) { const id = idOf(w); this.pool[k * stride + (id >>> 5)] |= 1 << (id & 31); }
    });
    this.byFirst = new Array(this.limit);
    for (const { entry, slots } of entries) {
      slots.forEach((slot, k) => {
        entry.codes[k] = slot === '#NUM' ? ANY_NUM : slot === '#W' ? ANY_WORD : slot.size > 1 ? BITSET - bitsetOf.get(slot)! : idOf(slot.values().next().value!);
      });
      const first = slots[0];
      if (typeof first === 'string') this.wildFirst.push(entry);
      else for (const w of first) (this.byFirst[idOf(w)] ??= []).push(entry);
    }
  }

  private alone?: PhraseLayers;

  /** Every match at every position (overlaps included); resolve() picks the survivors. */
  matchAll(t: Tokens): Match[] {
    return (this.alone ??= new PhraseLayers([this])).matchAll(t)[0];
  }

  /** Matches `e` at token i, its slots from `from` on (the first slot is known to match when indexed by it). */
  tryAt(t: Tokens, i: number, e: Entry, from: number, out: Match[]): void {
    const codes = e.codes;
    const len = codes.length;
    if (i + len > t.n) return;
    const ids = t.id;
    for (let k = from; k < len; k++) {
      const c = codes[k];
      const ti = i + k;
      const id = ids[ti];
      if (c > 0) {
        if (id !== c) return;
      } else if (c === ANY_NUM) {
        if (!(t.num[ti] || (id < this.limit && this.numberWord[id] === 1))) return;
      } else if (c === ANY_WORD) {
        if (!t.word[ti]) return;
      } else if (id >= this.limit || (this.pool[BITSET - c + (id >>> 5)] & (1 << (id & 31))) === 0) return;
    }
    out.push({ i, j: i + len, entry: e });
  }
}

/**
 * Several phrase indexes matched in one pass over the tokens: one table lookup per token for all of them.
 * Each index's matches come out in the order its own matchAll gives (by position; at a position, its
 * entries in their order, then its wildcard-first entries).
 */
export class PhraseLayers {
  private readonly limit: number;
  /** By first-word id: the entries of every layer, layer by layer, and the layer of each. */
  private readonly first: Array<Entry[] | undefined>;
  private readonly firstLayer: Array<number[] | undefined>;
  private readonly wild: Entry[] = [];
  private readonly wildLayer: number[] = [];

  constructor(private readonly layers: readonly PhraseIndex[]) {
    this.limit = Math.max(0, ...layers.map((x) => x.limit));
    this.first = new Array(this.limit);
    this.firstLayer = new Array(this.limit);
    layers.forEach((x, layer) => {
      x.byFirst.forEach((list, id) => {
        if (!list) return;
        for (const e of list) {
          (this.first[id] ??= []).push(e);
          (this.firstLayer[id] ??= []).push(layer);
        }
      });
      for (const e of x.wildFirst) {
        this.wild.push(e);
        this.wildLayer.push(layer);
      }
    });
  }

  /** Every match of every layer (overlaps included), one list per layer. */
  matchAll(t: Tokens): Match[][] {
    const layers = this.layers;
    const out: Match[][] = [];
    for (let k = 0; k < layers.length; k++) out.push([]);
    const ids = t.id;
    const wild = this.wild;
    for (let i = 0; i < t.n; i++) {
      const id = ids[i];
      if (id < this.limit) {
        const list = this.first[id];
        if (list !== undefined) {
          const ly = this.firstLayer[id]!;
          for (let e = 0; e < list.length; e++) layers[ly[e]].tryAt(t, i, list[e], 1, out[ly[e]]);
        }
      }
      if (wild.length > 0 && t.word[i]) for (let e = 0; e < wild.length; e++) layers[this.wildLayer[e]].tryAt(t, i, wild[e], 0, out[this.wildLayer[e]]);
    }
    return out;
  }
}

/**
 * Keeps the longest matches: a match inside a longer one is dropped unless the longer entry lists its
 * kind in `keep`. Pseudo entries ("not only", "in May") only suppress; they are never returned.
 * Survivors come in token order (by start, then end; ties in match order).
 */
export function resolve(matches: Match[]): Match[] {
  const n = matches.length;
  if (n < 2) return n === 1 && matches[0].entry.kind === 'pseudo' ? [] : matches;
  // Longest first, ties in match order (an insertion sort: lists are short).
  const order: Match[] = [];
  for (let a = 0; a < n; a++) {
    const m = matches[a];
    const len = m.j - m.i;
    let p = order.length;
    order.push(m);
    while (p > 0 && order[p - 1].j - order[p - 1].i < len) {
      order[p] = order[p - 1];
      p--;
    }
    order[p] = m;
  }
  const kept: Match[] = [];
  for (let a = 0; a < n; a++) {
    const m = order[a];
    let drop = false;
    for (let b = 0; b < kept.length; b++) {
      const k = kept[b];
      // Identical spans of different kinds both survive only through `keep`.
      if (k.i <= m.i && m.j <= k.j && !(k.entry.keep && k.entry.keep.includes(m.entry.kind))) {
        drop = true;
        break;
      }
    }
    if (!drop) kept.push(m);
  }
  // Non-pseudo survivors, stably sorted by (i, j) (another insertion sort).
  const out: Match[] = [];
  for (let a = 0; a < kept.length; a++) {
    const m = kept[a];
    if (m.entry.kind === 'pseudo') continue;
    let p = out.length;
    out.push(m);
    while (p > 0 && (out[p - 1].i > m.i || (out[p - 1].i === m.i && out[p - 1].j > m.j))) {
      out[p] = out[p - 1];
      p--;
    }
    out[p] = m;
  }
  return out;
}
