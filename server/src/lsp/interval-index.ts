// A static interval index for "which spans contain this offset" (hover, definition, code actions).
// Spans are sorted by start with a running maximum of ends, so a stabbing query is a binary
// search plus a short backward walk: O(log n + k) for the mostly disjoint sentence spans we store.

export interface Span { start: number; end: number }

export class IntervalIndex<T extends Span> {
  private readonly items: T[];
  private readonly maxEnd: number[];

  constructor(items: Iterable<T>) {
    this.items = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
    this.maxEnd = new Array(this.items.length);
    let m = -Infinity;
    for (let i = 0; i < this.items.length; i++) {
      m = Math.max(m, this.items[i].end);
      this.maxEnd[i] = m;
    }
  }

  get size(): number { return this.items.length; }

  /** Spans with start <= offset <= end (end-inclusive, so a hover just after a word still finds it). */
  at(offset: number): T[] {
    const out: T[] = [];
    // Last index whose start <= offset.
    let lo = 0, hi = this.items.length - 1, idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].start <= offset) { idx = mid; lo = mid + 1; } else hi = mid - 1;
    }
    for (let i = idx; i >= 0 && this.maxEnd[i] >= offset; i--) {
      if (this.items[i].end >= offset) out.push(this.items[i]);
    }
    return out.reverse();
  }

  /** Spans intersecting [start, end] (touching counts). */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    let lo = 0, hi = this.items.length - 1, idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].start <= end) { idx = mid; lo = mid + 1; } else hi = mid - 1;
    }
    for (let i = idx; i >= 0 && this.maxEnd[i] >= start; i--) {
      if (this.items[i].end >= start) out.push(this.items[i]);
    }
    return out.reverse();
  }
}
