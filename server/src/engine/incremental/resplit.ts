// Re-splitting a document after an edit: only the region around the change is scanned again, and
// the chunks after it keep their objects (with what the cache noted on them), moved in place.
import { chunkText, scanChunks, type Chunk, type ChunkedText } from '../chunks.js';

/**
 * The chunks of `text`, given the chunks of an earlier version of it: only the region around the
 * change is scanned again. The scan restarts at the last chunk whose first line lies before the
 * change and stops at the first chunk start after the change that was a chunk start before too;
 * the chunks around the change keep their objects (those after it are moved in place: `prev` is
 * consumed). Same result as `splitTopLevelChunks(text)`.
 */
export function resplitChunks(prev: ChunkedText, text: string): ChunkedText {
  const old = prev.text;
  if (old === text) return prev;
  if (prev.single) return chunkText(text);
  // The changed region: [head, old.length - tail) in the old text, [head, text.length - tail) in the new.
  const head = commonPrefix(old, text);
  const tail = commonSuffix(old, text, Math.min(old.length, text.length) - head);
  const delta = text.length - old.length;
  const chunks = prev.chunks;
  // The last chunk whose first line ends before the change: everything before it is unchanged.
  let k = upperBound(chunks, head) - 1;
  while (k > 0) {
    const start = chunks[k]!.start;
    const nl = old.indexOf('\n', start);
    if (nl >= 0 && nl < head) break;
    k--;
  }
  // A change in the first chunk (front matter lives there) restarts at 0, where the scan looks
  // for front matter again; it still stops at the first unchanged chunk start after the change.
  if (k < 0) k = 0;
  const restart = k === 0 ? 0 : chunks[k]!.start;
  // Stop at a chunk start after the change that was an (old) chunk start too: old starts are sorted.
  const changeEnd = text.length - tail;
  const wasStart = (start: number) => { const i = upperBound(chunks, start - delta) - 1; return i >= 0 && chunks[i]!.start === start - delta; };
  const r = scanChunks(text, restart, (start) => start >= changeEnd && wasStart(start));
  if (r.single) return { text, chunks: r.chunks, single: true };
  const out = chunks.slice(0, k).concat(r.chunks);
  if (r.stoppedAt !== undefined) {
    // The chunks after the change move in place (with what the cache noted on them): `prev` is
    // the last version's split, which this one replaces.
    for (let i = upperBound(chunks, r.stoppedAt - delta - 1); i < chunks.length; i++) {
      const c = chunks[i]!;
      c.start += delta;
      c.end += delta;
      out.push(c);
    }
  }
  return { text, chunks: out, single: false };
}

/** Index of the first chunk starting after `pos`. */
function upperBound(chunks: Chunk[], pos: number): number {
  let lo = 0, hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chunks[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const BLOCK = 4096;
/** Length of the common prefix: whole blocks compared as strings first, then characters. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
/** Length of the common suffix, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

