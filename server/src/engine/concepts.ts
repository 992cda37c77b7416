// Concept recognition: finds the database's concepts in a sentence by their surface variants
// (all inflected forms, multi-word phrases through a token trie), their regular-expression
// patterns and case-sensitive abbreviations, then adds the broader concepts each one implies.
import type { Concept } from '../db/schema.js';
import { inflections, SKIPPABLE, tokenize, type Token } from './lexicon.js';
import { LiteralScanner, requirementOf, type Requirement } from './prefilter.js';

export interface ConceptHit {
  concept: string;
  start: number;
  end: number;
  /** True when the hit was implied by a narrower concept (lorazepam → benzodiazepine). */
  implied?: boolean;
}

/** Compiled concept patterns (opaque outside this module). */
type PatternSet = ReadonlyArray<{ readonly concept: string; readonly re: RegExp; readonly req: Requirement }>;

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Concepts a phrase ending here names. */
  ends: string[];
}

const node = (): TrieNode => ({ next: new Map(), ends: [] });

export class ConceptIndex {
  private readonly root = node();
  private readonly patterns: Array<PatternSet[number]> = [];
  /** Which patterns a text might match, from their required literals in one pass. */
  private readonly scanner: LiteralScanner;
  /** Case-sensitive abbreviations ("TRD", "MRS") → concepts; matched by one combined expression. */
  private readonly abbreviations = new Map<string, string[]>();
  private abbreviationRe?: RegExp;
  /** concept → every broader concept it implies, transitively. */
  private readonly broader = new Map<string, string[]>();
  /** Longest word of a phrase → the concepts with such a phrase. */
  private readonly keyWordConcepts = new Map<string, Set<string>>();

  constructor(concepts: Iterable<Concept>) {
    const list = [...concepts];
    const direct = new Map(list.map((c) => [c.id, c.broader ?? []]));
    for (const c of list) {
      for (const v of c.variants) this.addPhrase(v, c.id);
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
    this.scanner = new LiteralScanner(this.patterns.map((p) => p.req));
    if (this.abbreviations.size) {
      const alts = [...this.abbreviations.keys()].sort((a, b) => b.length - a.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.abbreviationRe = new RegExp(`(?<![\\p{L}\\p{N}])(${alts.join('|')})s?(?![\\p{L}\\p{N}])`, 'gu');
    }
  }

  private addPhrase(phrase: string, concept: string): void {
    const words = tokenize(phrase).map((t) => t.norm);
    if (words.length === 0) return;
    // Inflect the head word (the last word of the phrase: "opioid receptor" → "opioid receptors").
    // Single words inflect as well ("block" → "blocked").
    const heads = inflections(words[words.length - 1]!);
    // Also inflect the first word of verb phrases ("depends on" → "depended on").
    const firsts = words.length > 1 ? inflections(words[0]!) : [words[0]!];
    for (const first of firsts) {
      for (const head of heads) {
        const seq = words.length === 1 ? [head] : [first, ...words.slice(1, -1), head];
        let at = this.root;
        for (const w of seq) {
          let nx = at.next.get(w);
          if (!nx) at.next.set(w, (nx = node()));
          at = nx;
        }
        if (!at.ends.includes(concept)) at.ends.push(concept);
        // The pre-filter keys a phrase by its longest word, the least likely to be a common one.
        const keyWord = seq.reduce((a, b) => (b.length > a.length ? b : a));
        const owners = this.keyWordConcepts.get(keyWord);
        if (!owners) this.keyWordConcepts.set(keyWord, new Set([concept]));
        else owners.add(concept);
      }
    }
  }

  /** Concepts named in `text`; offsets are relative to `text` plus `base`. */
  find(text: string, base = 0, tokens: Token[] = tokenize(text, base)): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const root = this.root.next;
    for (let i = 0; i < tokens.length; i++) {
      let at = root.get(tokens[i]!.norm);
      if (!at) continue;
      // Every phrase that ends along the walk counts: "naltrexone trial" names the trial and naltrexone.
      const start = tokens[i]!.start;
      for (const concept of at.ends) hits.push({ concept, start, end: tokens[i]!.end });
      let j = i;
      for (let k = i + 1; k < tokens.length && at.next.size > 0; k++) {
        const w = tokens[k]!.norm;
        const nx: TrieNode | undefined = at.next.get(w);
        if (nx) {
          at = nx;
          j = k;
          for (const concept of nx.ends) hits.push({ concept, start, end: tokens[k]!.end });
        } else if (SKIPPABLE.has(w) && k - j === 1) {
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
