// Interned words: each distinct normalised word (lexicon.tokenize's `norm`) is given a number
// once, so the concept finder and the recogniser's models look up a sentence's words by number
// (an array index) instead of each hashing a fresh string. A scan splits text as tokenize does,
// hashing ASCII words as it reads them: a word seen before costs no string and no object.
import { APOSTROPHES, normalizeWord, wordCharAt } from './lexicon.js';

/** Words taken from documents: past this many, new ones stay unnumbered (-1) and are looked up by
 *  their string (slower, same answers). Words of concept phrases are always numbered. */
const MAX_DOCUMENT_WORDS = 1 << 16;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a of a string's UTF-16 code units (what a scan computes for an ASCII word, lower-cased). */
function hashOf(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export class WordTable {
  /** Word number → the word. */
  readonly words: string[] = [];
  /** Open-addressed: slot → word number + 1 (0: empty), and its hash. */
  private keys = new Int32Array(4096);
  private hashes = new Int32Array(4096);
  private mask = 4095;
  private documentWords = 0;

  /** The number of `norm` (a normalised word), numbering it if it is new: always when `pin`
   *  (words the engine's tables are keyed by), else while there is room (-1 when there is not). */
  id(norm: string, pin = false): number {
    const h = hashOf(norm);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.keys[s]!;
      if (k === 0) return this.add(norm, h, pin);
      if (this.hashes[s] === h && this.words[k - 1] === norm) return k - 1;
    }
  }

  /** The number of the ASCII word text[start, end) lower-cased, whose hash is `h`. */
  ascii(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = this.keys[s]!;
      if (k === 0) return this.add(text.slice(start, end).toLowerCase(), h, false);
      if (this.hashes[s] !== h) continue;
      const w = this.words[k - 1]!;
      if (w.length !== len) continue;
      let same = true;
      for (let i = 0; i < len && same; i++) {
        let c = text.charCodeAt(start + i);
        if (c >= 65 && c <= 90) c += 32;
        same = w.charCodeAt(i) === c;
      }
      if (same) return k - 1;
    }
  }

  private add(norm: string, h: number, pin: boolean): number {
    if (!pin) {
      if (this.documentWords >= MAX_DOCUMENT_WORDS) return -1;
      this.documentWords++;
    }
    const id = this.words.length;
    this.words.push(norm);
    if ((id + 1) * 2 > this.keys.length) this.grow();
    this.place(id, h);
    return id;
  }

  private place(id: number, h: number): void {
    let s = h & this.mask;
    while (this.keys[s] !== 0) s = (s + 1) & this.mask;
    this.keys[s] = id + 1;
    this.hashes[s] = h;
  }

  private grow(): void {
    const old = this.keys, oldHashes = this.hashes;
    this.keys = new Int32Array(old.length * 2);
    this.hashes = new Int32Array(old.length * 2);
    this.mask = this.keys.length - 1;
    for (let s = 0; s < old.length; s++) if (old[s] !== 0) this.place(old[s]! - 1, oldHashes[s]!);
  }
}

/** The one table: numbers are shared by every index and model in the process. */
export const WORDS = new WordTable();

/** A sentence's words by number: `ids[from, to)` of a buffer its unit's sentences share (words.ts
 *  WordBuffer). Only for sentences whose words are all numbered. */
export interface WordSpan {
  readonly ids: Int32Array;
  readonly from: number;
  readonly to: number;
}

/** A sentence's words as lexicon.tokenize gives them, by number (`ids[from, to)`); one per user,
 *  its buffers reused by the next scan. */
export class WordScan {
  ids: Int32Array = new Int32Array(64);
  from = 0;
  to = 0;
  /** Offsets of the words in the text, after `scan` (not after `read` of a span). */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  private own: Int32Array = this.ids;
  private text = '';

  /** The sentence's words: its span if it has one, else a scan of its text. */
  read(s: { readonly text: string; readonly words?: WordSpan | undefined }): this {
    const w = s.words;
    if (w === undefined) return this.scan(s.text);
    this.ids = w.ids;
    this.from = w.from;
    this.to = w.to;
    return this;
  }

  /** Splits `text` into words (with offsets). */
  scan(text: string): this {
    this.text = text;
    this.ids = this.own;
    let n = 0;
    const len = text.length;
    for (let i = 0; i < len; ) {
      let c = text.charCodeAt(i);
      if (c < 128 ? !isAsciiWordChar(c) : wordCharAt(text, i) === 0) { i++; continue; }
      const start = i;
      let h = FNV_OFFSET;
      let ascii = true;
      for (;;) {
        if (c < 128) {
          h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
          i++;
        } else {
          const m = wordCharAt(text, i);
          if (m === 0) break;
          ascii = false;
          i += m;
        }
        if (i >= len) break;
        c = text.charCodeAt(i);
        if (c < 128 && !isAsciiWordChar(c)) break;
      }
      // Possessive "'s" is not a word.
      if (i - start === 1 && start > 0 && isLetterS(text.charCodeAt(start)) && APOSTROPHES.has(text[start - 1]!)) continue;
      if (n === this.own.length) this.grow();
      this.own[n] = ascii ? WORDS.ascii(text, start, i, h) : WORDS.id(normalizeWord(text.slice(start, i)));
      this.starts[n] = start;
      this.ends[n] = i;
      n++;
    }
    this.ids = this.own;
    this.from = 0;
    this.to = n;
    return this;
  }

  /** The normalised form of the k-th word (after `scan`, or of a span). */
  norm(k: number): string {
    const id = this.ids[k]!;
    return id >= 0 ? WORDS.words[id]! : normalizeWord(this.text.slice(this.starts[k], this.ends[k]));
  }

  private grow(): void {
    const n = this.own.length * 2;
    const ids = new Int32Array(n), starts = new Int32Array(n), ends = new Int32Array(n);
    ids.set(this.own);
    starts.set(this.starts);
    ends.set(this.ends);
    this.own = this.ids = ids;
    this.starts = starts;
    this.ends = ends;
  }
}

/** Where WordBuffers collect (one at a time: a unit's sentences are read one unit at a time). */
let scratch = new Int32Array(1024);

/** Collects the word numbers of a unit's sentences into one buffer and gives each sentence its span. */
export class WordBuffer {
  private length = 0;
  private readonly pending: Array<{ words?: WordSpan | undefined }> = [];
  private readonly bounds: number[] = [];

  /** Adds the words of `owner`'s text (`scan`: a scan of it, or its words read before), unless some are unnumbered. */
  add(owner: { words?: WordSpan | undefined }, scan: WordSpan): void {
    const n = scan.to - scan.from;
    for (let k = scan.from; k < scan.to; k++) if (scan.ids[k]! < 0) return;
    while (this.length + n > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    for (let k = scan.from, at = this.length; k < scan.to; k++, at++) scratch[at] = scan.ids[k]!;
    this.pending.push(owner);
    this.bounds.push(this.length, this.length + n);
    this.length += n;
  }

  /** Gives every sentence added its span of one buffer of the right size. */
  finish(): void {
    if (this.pending.length === 0) return;
    const ids = scratch.slice(0, this.length);
    for (let i = 0; i < this.pending.length; i++) this.pending[i]!.words = { ids, from: this.bounds[2 * i]!, to: this.bounds[2 * i + 1]! };
  }
}

const isLetterS = (c: number) => c === 115 || c === 83;

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Per-word values a user computes once, by word number. Words left unnumbered (a full table)
 *  are computed each time. */
export class PerWord<T> {
  private readonly byId: Array<T | undefined> = [];

  constructor(private readonly make: (norm: string) => T) {}

  /** The value for the k-th word of the scan. */
  of(scan: WordScan, k: number): T {
    const id = scan.ids[k]!;
    if (id < 0) return this.make(scan.norm(k));
    const byId = this.byId;
    let v = id < byId.length ? byId[id] : undefined;
    if (v === undefined) {
      while (byId.length <= id) byId.push(undefined);
      byId[id] = v = this.make(WORDS.words[id]!);
    }
    return v;
  }

  /** Forgets every value (what they were computed from has changed). */
  clear(): void {
    this.byId.length = 0;
  }
}
