// Concept recognition: finds the database's concepts in a sentence by their surface variants
// (all inflected forms, multi-word phrases through a token trie), their regular-expression
// patterns and case-sensitive abbreviations, then adds the broader concepts each one implies.
import type { Concept } from '../db/schema.js';
import { inflections, SKIPPABLE, tokenize } from './lexicon.js';
import { LiteralScanner, requirementOf, type Requirement } from './prefilter.js';
import { escapeRegExp } from './regexp.js';
import { TextMemo } from './text-memo.js';
import { WordScan, WORDS, type WordSpan } from './words.js';

export interface ConceptHit {
  concept: string;
  start: number;
  end: number;
  /** True when the hit was implied by a narrower concept (lorazepam → benzodiazepine). */
  implied?: boolean;
}

/** Compiled concept patterns (opaque outside this module). */
type PatternSet = ReadonlyArray<{ readonly concept: string; readonly re: RegExp; readonly req: Requirement }>;

/** A node of the phrase trie, keyed by word number (words.ts). Nodes are shared (see TrieBuilder):
 *  never modify one after building. */
interface TrieNode {
  /** Undefined for a leaf. */
  next: Map<number, TrieNode> | undefined;
  /** Concepts a phrase ending here names. */
  ends: readonly string[];
}

/** A node of the trie while it is built, keyed by word (numbered at the end: building runs cold,
 *  once per database, and numbering each word of each inflected phrase there measured slower). */
interface BuildNode {
  next: Map<string, BuildNode> | undefined;
  ends: readonly string[];
}

// Not frozen: iterating frozen arrays measured slower in find().
const NO_CONCEPTS: readonly string[] = [];

/**
 * Builds the phrase trie compactly (~20,000 nodes otherwise, most of them leaves naming one
 * concept): all leaves with the same concepts are one node, equal subtrees are merged at the end,
 * and equal lists of concepts are one array. Lookups see the same trie.
 */
class TrieBuilder {
  /** The first words of phrases. */
  readonly root = new Map<string, BuildNode>();
  private readonly lists = new Map<string, readonly string[]>([['', NO_CONCEPTS]]);
  private readonly leaves = new Map<readonly string[], BuildNode>();
  /** Shared nodes → a number, to key the subtrees that hold them. */
  private readonly ids = new Map<BuildNode, number>();

  /** One shared copy of each distinct list. */
  intern(list: readonly string[]): readonly string[] {
    const key = list.join('\0');
    let l = this.lists.get(key);
    if (!l) this.lists.set(key, (l = list.slice()));
    return l;
  }

  private leaf(ends: readonly string[]): BuildNode {
    ends = this.intern(ends);
    let l = this.leaves.get(ends);
    if (!l) {
      this.leaves.set(ends, (l = { next: undefined, ends }));
      this.ids.set(l, this.ids.size);
    }
    return l;
  }

  add(seq: readonly string[], concept: string): void {
    let next = this.root;
    for (let i = 0; i < seq.length - 1; i++) {
      let nx = next.get(seq[i]!);
      // A shared leaf that gains children becomes a node of its own.
      if (!nx?.next) next.set(seq[i]!, (nx = { next: new Map(), ends: nx?.ends ?? NO_CONCEPTS }));
      next = nx.next!;
    }
    const w = seq[seq.length - 1]!;
    const at = next.get(w);
    if (!at) next.set(w, this.leaf([concept]));
    else if (!at.ends.includes(concept)) {
      if (at.next) at.ends = this.intern([...at.ends, concept]);
      else next.set(w, this.leaf([...at.ends, concept]));
    }
  }

  /** Merges equal subtrees (same concepts, same children) bottom-up; returns the root, keyed by
   *  word number. */
  finish(): Map<number, TrieNode> {
    const nodes = new Map<string, BuildNode>();
    const share = (n: BuildNode): BuildNode => {
      if (!n.next) return n; // leaves are shared already
      let key = n.ends.join('\0');
      for (const [w, child] of n.next) {
        const c = share(child);
        if (c !== child) n.next.set(w, c);
        key += `\u0001${w}\u0002${this.ids.get(c)}`;
      }
      const seen = nodes.get(key);
      if (seen) return seen;
      nodes.set(key, n);
      this.ids.set(n, this.ids.size);
      return n;
    };
    for (const [w, child] of this.root) {
      const c = share(child);
      if (c !== child) this.root.set(w, c);
    }
    // Key by word number, each shared node once.
    const numbered = new Map<BuildNode, TrieNode>();
    const idOf = new Map<string, number>();
    const id = (w: string) => {
      let k = idOf.get(w);
      if (k === undefined) idOf.set(w, (k = WORDS.id(w, true)));
      return k;
    };
    const number = (n: BuildNode): TrieNode => {
      let t = numbered.get(n);
      if (!t) {
        t = { next: n.next ? new Map() : undefined, ends: n.ends };
        numbered.set(n, t);
        if (n.next) for (const [w, child] of n.next) t.next!.set(id(w), number(child));
      }
      return t;
    };
    const root = new Map<number, TrieNode>();
    for (const [w, child] of this.root) root.set(id(w), number(child));
    return root;
  }
}

export class ConceptIndex {
  /** The phrase trie: first words of phrases → nodes, by word number. */
  private readonly root: Array<TrieNode | undefined> = [];
  /** Numbers of the words a phrase may skip (SKIPPABLE). */
  private readonly skippable = new Set([...SKIPPABLE].map((w) => WORDS.id(w, true)));
  private readonly words = new WordScan();
  private readonly patterns: Array<PatternSet[number]> = [];
  /** Which patterns a text might match, from their required literals in one pass. */
  private readonly scanner: LiteralScanner;
  /** Case-sensitive abbreviations ("TRD", "MRS") → concepts; matched by one combined expression. */
  private readonly abbreviations = new Map<string, string[]>();
  private abbreviationRe?: RegExp;
  /** concept → every broader concept it implies, transitively. */
  private readonly broader = new Map<string, string[]>();
  /** Longest word of a phrase → the concepts with such a phrase. */
  private readonly keyWordConcepts = new Map<string, readonly string[]>();

  constructor(concepts: Iterable<Concept>) {
    const list = [...concepts];
    const direct = new Map(list.map((c) => [c.id, c.broader ?? []]));
    const trie = new TrieBuilder();
    for (const c of list) {
      for (const v of c.variants) this.addPhrase(trie, v, c.id);
      for (const p of c.patterns ?? []) this.patterns.push({ concept: c.id, re: new RegExp(p, 'giu'), req: requirementOf(p) });
      for (const v of c.caseSensitive ?? []) {
        const list = this.abbreviations.get(v);
        if (list) list.push(c.id);
        else this.abbreviations.set(v, [c.id]);
      }
      // Transitive closure of `broader`, guarding against cycles.
      const seen = new Set<string>();
      const stack = [...(direct.get(c.id) ?? [])];
      while (stack.length) {
        const b = stack.pop()!;
        if (seen.has(b) || b === c.id) continue;
        seen.add(b);
        stack.push(...(direct.get(b) ?? []));
      }
      this.broader.set(c.id, [...seen]);
    }
    this.inflectionsOf.clear();
    for (const [w, node] of trie.finish()) {
      while (this.root.length <= w) this.root.push(undefined);
      this.root[w] = node;
    }
    for (const [w, owners] of this.keyWordConcepts) this.keyWordConcepts.set(w, trie.intern(owners));
    this.scanner = new LiteralScanner(this.patterns.map((p) => p.req));
    if (this.abbreviations.size) {
      const alts = [...this.abbreviations.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.abbreviationRe = new RegExp(`(?<![\\p{L}\\p{N}])(${alts.join('|')})s?(?![\\p{L}\\p{N}])`, 'gu');
    }
  }

  private addPhrase(trie: TrieBuilder, phrase: string, concept: string): void {
    const words = tokenize(phrase).map((t) => t.norm);
    if (words.length === 0) return;
    // Inflect the head word (the last word of the phrase: "opioid receptor" → "opioid receptors").
    // Single words inflect as well ("block" → "blocked").
    const heads = this.inflected(words[words.length - 1]!);
    // Also inflect the first word of verb phrases ("depends on" → "depended on").
    const firsts = words.length > 1 ? this.inflected(words[0]!) : [words[0]!];
    for (let f = 0; f < firsts.length; f++) {
      const first = firsts[f]!;
      for (let h = 0; h < heads.length; h++) {
        const head = heads[h]!;
        const seq = words.length === 1 ? [head] : [first, ...words.slice(1, -1), head];
        trie.add(seq, concept);
        // The pre-filter keys a phrase by its longest word, the least likely to be a common one.
        const keyWord = seq.reduce((a, b) => (b.length > a.length ? b : a));
        // Lists grow in place while building (the constructor shares equal ones afterwards).
        const owners = this.keyWordConcepts.get(keyWord) as string[] | undefined;
        if (!owners) this.keyWordConcepts.set(keyWord, [concept]);
        else if (!owners.includes(concept)) owners.push(concept);
      }
    }
  }

  /** inflections(), once per word while building (phrases share their words). */
  private inflected(word: string): readonly string[] {
    let forms = this.inflectionsOf.get(word);
    if (!forms) this.inflectionsOf.set(word, (forms = inflections(word)));
    return forms;
  }
  private readonly inflectionsOf = new Map<string, readonly string[]>();

  /** `find` of a sentence with the words it read, by text: all shared, read-only. */
  private readonly sentences = new TextMemo((text: string) => {
    const hits = this.find(text);
    const w = this.words;
    return { hits, concepts: new Set(hits.map((h) => h.concept)), words: { ids: w.ids.slice(w.from, w.to), from: 0, to: w.to - w.from } as WordSpan };
  }, 2048);

  /** The concepts a sentence names (as `find`, and as a set) and its words by number. */
  read(text: string): { readonly hits: ConceptHit[]; readonly concepts: ReadonlySet<string>; readonly words: WordSpan } {
    return this.sentences.get(text);
  }

  /** Concepts named in `text`; offsets are relative to `text` plus `base`. */
  find(text: string, base = 0): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const root = this.root;
    const { ids, starts, ends, to: length } = this.words.scan(text);
    for (let i = 0; i < length; i++) {
      const id = ids[i]!;
      let at = id >= 0 && id < root.length ? root[id] : undefined;
      if (!at) continue;
      // Every phrase that ends along the walk counts: "naltrexone trial" names the trial and naltrexone.
      const start = base + starts[i]!;
      for (const concept of at.ends) hits.push({ concept, start, end: base + ends[i]! });
      let j = i;
      for (let k = i + 1; k < length && at.next; k++) {
        const w = ids[k]!;
        const nx: TrieNode | undefined = at.next.get(w);
        if (nx) {
          at = nx;
          j = k;
          for (const concept of nx.ends) hits.push({ concept, start, end: base + ends[k]! });
        } else if (k - j === 1 && this.skippable.has(w)) {
          continue;
        } else break;
      }
    }
    const lower = text.toLowerCase();
    // Lower-casing keeps offsets for all but a few characters (İ); patterns are skipped then, variants still apply.
    if (lower.length === text.length) {
      // Only the patterns whose required literals (and digit) the text has.
      const may = this.scanner.scan(lower);
      for (let p = 0; p < this.patterns.length; p++) {
        if (!(may[p >>> 5]! & (1 << (p & 31)))) continue;
        const { concept, re } = this.patterns[p]!;
        re.lastIndex = 0;
        for (let m = re.exec(lower); m; m = re.exec(lower)) {
          hits.push({ concept, start: base + m.index, end: base + m.index + m[0].length });
          if (m[0].length === 0) re.lastIndex++;
        }
      }
    }
    const abbr = this.abbreviationRe;
    if (abbr) {
      abbr.lastIndex = 0;
      for (let m = abbr.exec(text); m; m = abbr.exec(text)) {
        for (const concept of this.abbreviations.get(m[1]!)!) hits.push({ concept, start: base + m.index, end: base + m.index + m[0].length });
      }
    }
    const implied: ConceptHit[] = [];
    for (const h of hits) {
      for (const b of this.broader.get(h.concept) ?? []) implied.push({ concept: b, start: h.start, end: h.end, implied: true });
    }
    return implied.length ? hits.concat(implied) : hits;
  }

  /**
   * Might `text` name one of `concepts`? A word scan for the longest word of each of their phrases,
   * then their abbreviations and patterns. Never false when `find` would find one of them.
   */
  mayName(text: string, concepts: Set<string>): boolean {
    for (const t of tokenize(text)) {
      const owners = this.keyWordConcepts.get(t.norm);
      if (owners) for (const c of owners) if (concepts.has(c)) return true;
    }
    if (this.abbreviationRe) {
      this.abbreviationRe.lastIndex = 0;
      for (let m = this.abbreviationRe.exec(text); m; m = this.abbreviationRe.exec(text)) {
        if (this.abbreviations.get(m[1]!)!.some((c) => concepts.has(c))) return true;
      }
    }
    const lower = text.toLowerCase();
    const may = this.scanner.scan(lower);
    for (let p = 0; p < this.patterns.length; p++) {
      const { concept, re } = this.patterns[p]!;
      if (!concepts.has(concept) || !(may[p >>> 5]! & (1 << (p & 31)))) continue;
      re.lastIndex = 0;
      if (re.test(lower)) return true;
    }
    return false;
  }
}
