// A bounded memo of a pure function of a sentence's text. Drafts repeat sentences (templates,
// boilerplate, a summary restating the body), and a batch run reads many drafts: each distinct text
// is worked out once. Values are shared: callers treat them as read-only.
export class TextMemo<V> {
  /** Two generations, a cheap stand-in for least-recently-used: a hit in `old` moves to `recent`;
   *  when `recent` is full it becomes `old` and the old one is dropped. */
  private recent = new Map<string, { readonly key: string; readonly value: V }>();
  private old = new Map<string, { readonly key: string; readonly value: V }>();
  constructor(
    private readonly fn: (text: string) => V,
    /** Entries per generation: at most twice this many are kept. */
    private readonly size: number,
  ) {}

  get(text: string): V {
    const hit = this.recent.get(text);
    if (hit !== undefined) return hit.value;
    let e = this.old.get(text);
    if (e === undefined) {
      // A copy of its own as key and argument: a slice would keep the whole document it came from
      // alive, and so would the slices the value holds of it (as incremental/units.ts detachedSlice;
      // not imported from there, which would make a cycle through pipeline/).
      const key = (' ' + text).slice(1);
      e = { key, value: this.fn(key) };
    }
    if (this.recent.size >= this.size) {
      this.old = this.recent;
      this.recent = new Map();
    }
    this.recent.set(e.key, e);
    return e.value;
  }
}
