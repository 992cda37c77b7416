// Word ids. Every word that a lexicon, a word list or the certainty model names is interned once, at module
// load; the tokenizer gives each token its id (0 for any other word), so the inner loops compare and index
// small integers instead of hashing the same strings again and again.

const ids = new Map<string, number>();
/** Per id, bit flags of the word lists that contain the word (see WordList). Id 0 has none. */
const flags: number[] = [0];

/** The id of `w`, interning it if new. */
export function intern(w: string): number {
  let id = ids.get(w);
  if (id === undefined) {
    id = flags.length;
    ids.set(w, id);
    flags.push(0);
  }
  return id;
}

/** The id of `w`, or 0 when no table names it. */
export function idOf(w: string): number {
  return ids.get(w) ?? 0;
}

/** One more than the largest id. */
export function vocabSize(): number {
  return flags.length;
}

let nextBit = 0;

/**
 * A fixed word list tested by id: one flag bit per list, set on its words' ids. (About thirty lists fit in
 * a small integer; the analyzer needs far fewer.)
 */
export class WordList {
  private readonly bit: number;
  constructor(words: Iterable<string>) {
    if (nextBit >= 30) throw new Error('vocab: too many word lists');
    this.bit = 1 << nextBit++;
    for (const w of words) flags[intern(w)] |= this.bit;
  }
  has(id: number): boolean {
    return (flags[id] & this.bit) !== 0;
  }
}
