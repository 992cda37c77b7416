// A model's feature names → rows, read from the one '\n'-joined string the model ships (which the
// database keeps anyway): an open-addressed table of rows and each name's start in that string.
// It answers as a Map from each name to its row would, in ~0.6 MB for the four models where the
// Map and its 48k name strings took ~3 MB of the language server's heap.

/** FNV-1a over UTF-16 code units of `s[from, to)`. */
function hash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class NameIndex {
  /** Where each row's name starts in `text`; `starts[n]` is one past the end of the last name plus one. */
  private readonly starts: Uint32Array;
  /** Row + 1 per slot (0: empty); the size is a power of two at least twice the number of rows. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Rows whose name an earlier row already had (the later row answers for it, as Map.set would). */
  private readonly repeats = new Set<number>();

  /** @param text the names, one per row, separated by '\n' (as in `PackedModel.features`). */
  constructor(private readonly text: string) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    const starts = new Uint32Array(n + 1);
    for (let row = 1, i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[row++] = i + 1;
    starts[n] = text.length + 1;
    this.starts = starts;
    let size = 2;
    while (size < 2 * n) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    for (let row = 0; row < n; row++) {
      const from = starts[row]!, to = starts[row + 1]! - 1;
      for (let slot = hash(text, from, to) & this.mask; ; slot = (slot + 1) & this.mask) {
        const held = this.table[slot]!;
        if (held === 0) { this.table[slot] = row + 1; break; }
        if (this.equals(held - 1, text, from, to)) { this.table[slot] = row + 1; this.repeats.add(row); break; }
      }
    }
  }

  /** The number of rows. */
  get rows(): number {
    return this.starts.length - 1;
  }

  private equals(row: number, s: string, from: number, to: number): boolean {
    const a = this.starts[row]!, len = this.starts[row + 1]! - 1 - a;
    if (len !== to - from) return false;
    for (let i = 0; i < len; i++) if (this.text.charCodeAt(a + i) !== s.charCodeAt(from + i)) return false;
    return true;
  }

  /** The row of `name` (the last row that has it), or undefined. */
  get(name: string): number | undefined {
    for (let slot = hash(name, 0, name.length) & this.mask; ; slot = (slot + 1) & this.mask) {
      const held = this.table[slot]!;
      if (held === 0) return undefined;
      if (this.equals(held - 1, name, 0, name.length)) return held - 1;
    }
  }

  /** The name of `row`. */
  nameOf(row: number): string {
    return this.text.slice(this.starts[row]!, this.starts[row + 1]! - 1);
  }

  /** Each distinct name once, in the order of its first row (a Map's key order). */
  *names(): IterableIterator<string> {
    for (let row = 0; row < this.rows; row++) if (!this.repeats.has(row)) yield this.nameOf(row);
  }
}
