// Word ids. Every word that a lexicon, a word list or the certainty model names is interned once, at module
// load; the tokenizer gives each token its id (0 for any other word), so the inner loops compare and index
// small integers instead of hashing the same strings again and again.

const ids = new Map<string, number>();
let size = 1;
/** Planes of per-id bit flags, one bit per word list (see WordList). Id 0 is in no list. */
const planes: number[][] = [];
const BITS_PER_PLANE = 30;

/** The id of `w`, interning it if new. */
export function intern(w: string): number {
  let id = ids.get(w);
  if (id === undefined) {
    id = size++;
    ids.set(w, id);
    for (const p of planes) p.push(0);
  }
  return id;
}

/** The id of `w`, or 0 when no table names it. */
export function idOf(w: string): number {
  return ids.get(w) ?? 0;
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
}
