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
import type { CueKind } from './types.js';

/** 'pseudo' entries only suppress; 'feature' entries feed the certainty model but are not reported as cues. */
export type EntryKind = CueKind | 'pseudo' | 'feature';

export interface Entry {
  kind: EntryKind;
  group: string;
  /** Kinds of shorter matches inside this one that survive (default: none survive). */
  keep?: readonly EntryKind[];
  /** Compiled slots. */
  slots: Slot[];
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

export class PhraseIndex {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly wildFirst: Entry[] = [];

  constructor(specs: readonly PhraseSpec[]) {
    for (const spec of specs) {
      for (const p of spec.patterns) {
        for (const slots of expand(p)) {
          const entry: Entry = { kind: spec.kind, group: spec.group, keep: spec.keep, slots };
          const first = slots[0];
          if (typeof first === 'string') this.wildFirst.push(entry);
          else for (const w of first) {
            let list = this.byFirst.get(w);
            if (!list) this.byFirst.set(w, (list = []));
            list.push(entry);
          }
        }
      }
    }
  }

  /** Every match at every position (overlaps included); resolve() picks the survivors. */
  matchAll(t: Tokens): Match[] {
    const out: Match[] = [];
    for (let i = 0; i < t.n; i++) {
      const list = this.byFirst.get(t.norm[i]);
      if (list) for (const e of list) this.tryAt(t, i, e, out);
      if (t.word[i]) for (const e of this.wildFirst) this.tryAt(t, i, e, out);
    }
    return out;
  }

  private tryAt(t: Tokens, i: number, e: Entry, out: Match[]): void {
    const slots = e.slots;
    if (i + slots.length > t.n) return;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k];
      const ti = i + k;
      if (s === '#NUM') {
        if (!(t.num[ti] || NUMBER_WORDS.has(t.norm[ti]))) return;
      } else if (s === '#W') {
        if (!t.word[ti]) return;
      } else if (!s.has(t.norm[ti])) return;
    }
    out.push({ i, j: i + slots.length, entry: e });
  }
}

/**
 * Keeps the longest matches: a match inside a longer one is dropped unless the longer entry lists its
 * kind in `keep`. Pseudo entries ("not only", "in May") only suppress; they are never returned.
 */
export function resolve(matches: Match[]): Match[] {
  if (matches.length < 2) return matches.filter((m) => m.entry.kind !== 'pseudo');
  const order = matches.map((_, idx) => idx);
  order.sort((a, b) => {
    const la = matches[a].j - matches[a].i;
    const lb = matches[b].j - matches[b].i;
    return lb - la || a - b;
  });
  const kept: Match[] = [];
  for (const idx of order) {
    const m = matches[idx];
    let drop = false;
    for (const k of kept) {
      if (k.i <= m.i && m.j <= k.j && !(k.entry.keep && k.entry.keep.includes(m.entry.kind))) {
        // Identical spans of different kinds both survive only through `keep`.
        drop = true;
        break;
      }
    }
    if (!drop) kept.push(m);
  }
  const out = kept.filter((m) => m.entry.kind !== 'pseudo');
  out.sort((a, b) => a.i - b.i || a.j - b.j);
  return out;
}
