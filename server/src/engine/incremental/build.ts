// Building the document model of a version: with a cache, continued from the last model where
// an edit allows (splice.ts), else assembled unit by unit from cached or freshly read units.
import type { CompiledDatabase } from '../compiled.js';
import { readUnit } from '../pipeline/blocks.js';
import type { DocModel } from '../pipeline/document-model.js';
import { CancelledError, type CancellationToken } from '../types.js';
import type { AnalysisCache } from './analysis-cache.js';
import { addCounts, conceptTotals, linkSections, ModelAppender, unitBlockCounts } from './layout.js';
import { spliceModel } from './splice.js';
import { detachedSlice, parseUnits } from './units.js';

/** Numbers the buildModel calls (see ChunkData.placedIn). */
let runs = 0;

export function buildModel(text: string, c: CompiledDatabase, cache?: AnalysisCache, token?: CancellationToken): DocModel {
  if (cache && cache.db !== c) { cache.chunks.clear(); cache.repeated.clear(); cache.db = c; cache.last = undefined; cache.orphans = []; }
  const generation = cache ? ++cache.generation : 0;
  const run = ++runs;
  const units = parseUnits(text, cache);
  if (cache?.last) {
    const spliced = spliceModel(text, c, cache, units, run, generation, token);
    if (spliced) return spliced;
  }
  // The full build moves cached layouts as it goes: until it completes, there is no last model
  // to continue from.
  if (cache?.last) {
    for (const r of cache.last.model.units) r.data.uses = 0;
    cache.last = undefined;
  }
  let used = 0;
  const out = new ModelAppender();
  const counts = new Int32Array(c.conceptNames.length);
  for (const ch of units) {
    // A cancelled run keeps the units it analysed: it still makes progress for the next one.
    if (token?.isCancellationRequested) throw new CancelledError();
    let data = cache ? cache.chunks.get(ch.key!) : undefined;
    if (!data) {
      data = readUnit(cache ? detachedSlice(text, ch.start, ch.end) : text.slice(ch.start, ch.end), c, ch.plain ?? undefined);
      if (cache) cache.chunks.set(ch.key!, data);
    }
    if (cache && data.usedIn !== generation) { data.usedIn = generation; used++; }
    const rec = out.append(ch.key, data, ch.start, run);
    if (cache && data.placements === 2) cache.repeated.add(data);
    addCounts(counts, unitBlockCounts(data, rec.layout.blocks, c), 1);
  }
  linkSections(out.sections, text.length);
  const model: DocModel = {
    text, blocks: out.blocks, sections: out.sections, directives: out.directives, citations: out.citations,
    footnotes: out.footnotes, linkDefinitions: out.linkDefinitions, ...conceptTotals(counts, c), sentenceCount: out.sentences,
    units: out.recs, run,
  };
  if (cache) {
    // Occurrences that are gone (a duplicate deleted) free their slots.
    for (const data of cache.repeated) {
      const placed = data.usedIn === generation ? data.placements! : 0;
      if (data.slots && data.slots.length > placed) data.slots.length = placed;
      if (placed <= 1) cache.repeated.delete(data);
    }
    // Units the run did not use go in batches (one scan of the map per batch, not per edit); until
    // then an undo finds its unit still analysed.
    if (cache.chunks.size > used + 32) {
      for (const [k, data] of cache.chunks) if (data.usedIn !== generation) cache.chunks.delete(k);
      cache.orphans = [];
    }
    if (cache.plainChunks.size > 4 * used + 1000) cache.plainChunks.clear();
    for (const r of out.recs) r.data.uses = r.data.placements;
    cache.live = used;
    cache.last = { run, textLength: text.length, model, counts };
  }
  return model;
}
