// The parse units of a document version: top-level chunks the fast path reads, and runs of the
// others for remark. With a cache, chunks are keyed by hash and re-split only around an edit.
import { chunkText, splitTopLevelChunks } from '../chunks.js';
import { resplitChunks } from './resplit.js';
import { hash64 } from '../hash.js';
import { tooComplex } from '../guard.js';
import { withoutRemark } from '../pipeline/blocks.js';
import type { AnalysisCache, Unit } from './analysis-cache.js';

/**
 * `text.slice(start, end)` as a string of its own. V8 represents a long slice as a view into its
 * parent, so a cached unit built from a plain slice would keep the whole document version it came
 * from alive: about one document's size of heap per edit until the unit is evicted. Concatenating
 * makes a rope, and slicing the rope flattens it into a new string that holds only this range.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  return (' ' + text.slice(start, end)).slice(1);
}

/** A 64-bit hash of a range plus its length: the cache key of a chunk. */
function unitKey(text: string, start: number, end: number): string {
  const [h1, h2] = hash64(text, start, end);
  return `${h1.toString(36)}.${h2.toString(36)}.${end - start}`;
}

/** Characters per parse unit when caching: big enough that parser set-up is amortised, small
 *  enough that an edit re-parses little of a large document. */
const UNIT_SIZE = 4096;
/** Characters per parse unit without a cache: remark keeps per-parse lists of the definitions it
 *  has seen and searches them for every label, so one parse of a long run would be quadratic. */
const RUN_SIZE = 16384;


/**
 * The regions parsed separately: a top-level chunk the fast path understands (fastpath.ts) is a unit
 * of its own; the runs of other chunks between them are parsed by remark in units of about
 * RUN_SIZE characters (without a cache, the CLI) or UNIT_SIZE characters (with a cache, the
 * language server, so an edit re-parses one unit). A chunk too deep or too dense for remark (guard.ts) is a unit of its
 * own, left unchecked.
 */
export function parseUnits(text: string, cache?: AnalysisCache): Unit[] {
  const units: Unit[] = [];
  let run: Unit | undefined;
  const chunked = cache ? (cache.chunked = cache.chunked ? resplitChunks(cache.chunked, text) : chunkText(text)) : chunkText(text);
  let chunks = chunked.chunks;
  // A document with link reference definitions is one chunk (a reference may be anywhere). When
  // remark cannot take it whole, its chunks are parsed apart (references across chunks are then
  // lost) so that only the chunks it cannot take are left unchecked.
  if (chunked.single && chunks.length === 1 && text.length > 0 && tooComplex(text)) chunks = splitTopLevelChunks(text, { references: false });
  for (const ch of chunks) {
    // With a cache, a chunk seen before is recognised by its hash without re-examining its text;
    // a chunk the re-split kept (or only shifted) keeps its hash and what the fast path made of it,
    // and is its own unit when the fast path reads it.
    const key = cache ? (ch.key ??= unitKey(text, ch.start, ch.end)) : undefined;
    let plain = ch.plain;
    if (plain === undefined) {
      const seen = key !== undefined ? cache!.plainChunks.get(key) : undefined;
      plain = seen === false ? null
        : (seen === true ? cache!.chunks.get(key!)?.prose : undefined) ?? withoutRemark(cache ? detachedSlice(text, ch.start, ch.end) : text.slice(ch.start, ch.end));
      if (key !== undefined) { cache!.plainChunks.set(key, !!plain); ch.plain = plain; }
    }
    if (plain) { units.push(cache ? ch : { start: ch.start, end: ch.end, plain }); run = undefined; continue; }
    if (run && ch.start - run.start < (cache ? UNIT_SIZE : RUN_SIZE)) { run.end = ch.end; if (key) run.key += '+' + key; }
    else units.push((run = { start: ch.start, end: ch.end, key }));
  }
  return units;
}

