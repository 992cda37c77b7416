// Word ids. Every word that a lexicon, a word list or the certainty model names is interned once, at module
// load; the tokenizer gives each token its id (0 for any other word), so the inner loops compare and index
// small integers instead of hashing the same strings again and again.

const ids = new Map<string, number>();
let size = 1;
/** Planes of per-id bit flags, one bit per word list (see WordList). Id 0 is in no list. */
const planes: number[][] = [];
const BITS_PER_PLANE = 30;

// The ASCII words again, in an open-addressing table keyed by a hash the tokenizer computes while it
// scans a token (hashStep over its lower-cased code units), which is cheaper than hashing the new string
// in a Map. Slots hold ids (0: empty); `words` maps an id back to its word.
const words: string[] = [''];
let table = new Int32Array(1 << 13);
let asciiCount = 0;

/** One step of the token hash: h = hashStep(h, code unit), from 0. */
export const hashStep = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;

function place(id: number): void {
  const w = words[id];
  let h = 0;
  for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
  const mask = table.length - 1;
  let p = h & mask;
  while (table[p] !== 0) p = (p + 1) & mask;
  table[p] = id;
}

/** The id of `w`, interning it if new. */
export function intern(w: string): number {
  let id = ids.get(w);
  if (id === undefined) {
    id = size++;
    ids.set(w, id);
    words.push(w);
    for (const p of planes) p.push(0);
    if (/^[\x00-\x7f]*$/.test(w)) {
      // Keep the table at most half full.
      if (2 * ++asciiCount > table.length) {
        table = new Int32Array(table.length * 2);
        for (let k = 1; k < words.length; k++) if (k !== id && /^[\x00-\x7f]*$/.test(words[k])) place(k);
      }
      place(id);
    }
  }
  return id;
}

/** The id of `w`, or 0 when no table names it. */
export function idOf(w: string): number {
  return ids.get(w) ?? 0;
}

/** idOf for an all-ASCII `w` whose hashStep hash is `h`. */
export function idOfAscii(w: string, h: number): number {
  const mask = table.length - 1;
  for (let p = h & mask; ; p = (p + 1) & mask) {
    const id = table[p];
    if (id === 0 || words[id] === w) return id;
  }
}

/** One more than the largest id. */
export function vocabSize(): number {
  return size;
}

let lists = 0;

/**
 * A fixed word list tested by id (`has(t.id[k])` for `set.has(t.norm[k])`): one flag bit per list in a
 * plane of small integers that grows with the vocabulary, so every id is in range.
 */
export class WordList {
  private readonly plane: number[];
  private readonly bit: number;
  constructor(words: Iterable<string>) {
    const k = lists++;
    if (k % BITS_PER_PLANE === 0) {
      const plane: number[] = [];
      for (let i = 0; i < size; i++) plane.push(0);
      planes.push(plane);
    }
    this.plane = planes[planes.length - 1];
    this.bit = 1 << k % BITS_PER_PLANE;
    for (const w of words) this.plane[intern(w)] |= this.bit;
  }
  has(id: number): boolean {
    return (this.plane[id] & this.bit) !== 0;
  }
  /** has() by the word itself (a Map lookup: for words not at hand as a token id). */
  hasWord(w: string): boolean {
    return this.has(idOf(w));
  }
}
