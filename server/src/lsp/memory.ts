// Keeping the server's memory near its live data. Every version of a large document leaves
// megabytes of short-lived large objects behind (the new text, the published diagnostics as one
// JSON string and its buffer); V8 frees those only in a full collection, which its heuristics
// postpone while the heap may still grow, so a writer typing in a 1 MB draft would see the server
// climb to several hundred megabytes. When typing pauses the server asks V8 for a full collection.
// During a burst V8's own incremental collections (with the settings below) do most of the work,
// and a forced one comes only after a large debt: it is not concurrent (gc() marks and compacts in
// one pause, ~30 ms with a 1 MB draft open), so it delays the keystroke it meets: about one in 180
// when typing without pause in a 1 MB draft.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 settings for a long-running server that holds one large analysis and replaces much of it on
 * every keystroke. Heap sizes are fixed when the process starts (and editors start the server
 * their own way), but these two are read whenever V8 sizes the heap, so they can be set here:
 * - the young generation stops growing: called where server.ts calls it, after the bundle's modules
 *   have loaded, that is at 8 MB semi-spaces (16 MB reserved). Called before them it stays at 1 MB,
 *   ~12 MB less resident, but the server's own work per edit in the 1 MB bench rose from a p95 of
 *   26 to 44 ms (more objects promoted, more full collections), over its budget (2026-12-07);
 * - a full collection starts when the old generation has grown by 20% past the live data,
 *   rather than by up to three times as much. Typing in a large draft now leaves little garbage
 *   per keystroke, so V8 would otherwise collect rarely and the heap would sit well above its
 *   live data whenever it is measured.
 * On the 1 MB benchmark draft this keeps the server at ~140 MB after 50 edits (six runs: 138-143;
 * 146-154 at 30%); edit -> diagnostics times stay within run-to-run noise (README, "Measured
 * performance").
 */
export function tuneHeapForServer(): void {
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
    setFlagsFromString('--heap-growing-percent=20');
  } catch {
    // An engine without these flags runs with its defaults.
  }
}

export type GcFunction = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => void;

/** V8's gc() function without starting Node with --expose-gc, or undefined where it is unavailable. */
export function obtainGc(): GcFunction | undefined {
  const existing = (globalThis as { gc?: GcFunction }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as GcFunction) : undefined;
  } catch {
    return undefined;
  }
}

export class MemoryKeeper {
  private debt = 0;
  private idleTimer?: NodeJS.Timeout;

  /** @param budget bytes of estimated garbage that trigger a collection even while busy;
   *  @param idleMs quiet time after which the garbage of the last burst is collected. */
  constructor(
    private readonly budget = 1024 * 1024 * 1024,
    private readonly idleMs = 1000,
    /** null: collect nothing (where gc() cannot be had, and in tests). */
    private readonly gc: GcFunction | null = obtainGc() ?? null,
  ) {}

  get available(): boolean {
    return this.gc !== null;
  }

  /** Records the estimated garbage a piece of work left (bytes); collects when the budget is spent. */
  spent(bytes: number): void {
    if (!this.gc) return;
    this.debt += bytes;
    if (this.debt >= this.budget) this.collect();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => { if (this.debt > 0) this.collect(); }, this.idleMs);
    this.idleTimer.unref();
  }

  private collect(): void {
    this.debt = 0;
    try {
      this.gc!({ type: 'major', execution: 'async' });
    } catch {
      // An engine without the options form: a full collection is still better than none.
      this.gc!();
    }
  }
}
