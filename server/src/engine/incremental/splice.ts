// Continuing the last model after an edit: the units before and after it are kept (those after
// it moved in place), only the units it replaced are placed.
import type { CompiledDatabase } from '../compiled.js';
import { readUnit } from '../pipeline/blocks.js';
import type { DocModel } from '../pipeline/document-model.js';
import { CancelledError, type CancellationToken } from '../types.js';
import type { AnalysisCache, ChunkData, Unit, UnitRec } from './analysis-cache.js';
import { addCounts, conceptTotals, linkSections, ModelAppender, moveLayout, unitBlockCounts } from './layout.js';
import { detachedSlice } from './units.js';

/** Units an edit may replace for the model to be continued rather than rebuilt. */
const MAX_SPLICED_UNITS = 16;

/**
 * The model of a new version continued from the last one: the units before and after the edit
 * are kept as they are (those after it moved by the length change, in place), and only the units
 * the edit replaced are placed. Per keystroke this is work in proportion to the change plus one
 * light pass over the units after it, instead of rebuilding every array of a long document.
 * Returns undefined, for the full build, where the change adds, removes or edits a heading
 * (sections would be renumbered, or the context of the units under them could change), or
 * replaces many units at once.
 */
export function spliceModel(text: string, c: CompiledDatabase, cache: AnalysisCache, units: Unit[], run: number, generation: number, token?: CancellationToken): DocModel | undefined {
  const last = cache.last!;
  const prev = last.model;
  const recs = prev.units;
  const delta = text.length - last.textLength;
  const nu = units.length, nr = recs.length;
  const { p, s } = unchangedEnds(units, recs, delta);
  const gone = recs.slice(p, nr - s);
  const added = units.slice(p, nu - s);
  if (gone.length > MAX_SPLICED_UNITS || added.length > MAX_SPLICED_UNITS) return undefined;
  const datas = readAdded(text, c, cache, added, token);
  if (headingSignature(gone.map((r) => r.data)) !== headingSignature(datas)) return undefined;

  // From here on the last model is changed in place: nothing below may be interrupted.
  const before = p > 0 ? recs[p - 1] : undefined;
  const base = countsAfter(before);
  const start = { ...base };
  const after = s > 0 ? recs[nr - s] : undefined;
  const end = after
    ? { blocks: after.blocksFrom, paragraphs: after.paragraphFrom, directives: after.directivesFrom, citations: after.citationsFrom, footnotes: after.footnotesFrom, links: after.linksFrom }
    : { blocks: prev.blocks.length, paragraphs: -1, directives: prev.directives.length, citations: prev.citations.length, footnotes: prev.footnotes.length, links: prev.linkDefinitions.length };
  const out = new ModelAppender(base);
  const counts = last.counts;
  let sentences = prev.sentenceCount;
  sentences -= releaseGone(cache, gone, counts, c);
  placeAdded(cache, out, added, datas, counts, c, run, generation);
  sentences += out.sentences;

  // The units after the change: moved by `delta`, renumbered by what the change added or removed.
  const dBlocks = start.blocks + out.blocks.length - end.blocks;
  const dParagraphs = after ? base.paragraphs - end.paragraphs : 0;
  shiftAfter(recs.slice(nr - s), delta, {
    blocks: dBlocks, paragraphs: dParagraphs, directives: start.directives + out.directives.length - end.directives,
    citations: start.citations + out.citations.length - end.citations, footnotes: start.footnotes + out.footnotes.length - end.footnotes,
    links: start.links + out.linkDefinitions.length - end.links,
  });
  // The changed units' sections replace theirs one for one (same levels, same heading concepts);
  // those after them moved; every end is re-derived.
  const sections = prev.sections;
  for (let i = 0; i < out.sections.length; i++) sections[base.sections + i] = out.sections[i]!;
  for (let i = base.sections + out.sections.length; i < sections.length; i++) { sections[i]!.start += delta; sections[i]!.headingBlock += dBlocks; }
  linkSections(sections, text.length);

  const model: DocModel = {
    text,
    blocks: prev.blocks.slice(0, start.blocks).concat(out.blocks, prev.blocks.slice(end.blocks)),
    sections,
    directives: prev.directives.slice(0, start.directives).concat(out.directives, prev.directives.slice(end.directives)),
    citations: prev.citations.slice(0, start.citations).concat(out.citations, prev.citations.slice(end.citations)),
    footnotes: prev.footnotes.slice(0, start.footnotes).concat(out.footnotes, prev.footnotes.slice(end.footnotes)),
    linkDefinitions: prev.linkDefinitions.slice(0, start.links).concat(out.linkDefinitions, prev.linkDefinitions.slice(end.links)),
    ...conceptTotals(counts, c),
    sentenceCount: sentences,
    units: recs.slice(0, p).concat(out.recs, recs.slice(nr - s)),
    run,
    continued: { from: last.run, prefix: p, suffix: s },
  };
  cache.last = { run, textLength: text.length, model, counts };
  evictOrphans(cache, nu);
  return model;
}

/** How many units at the start (`p`) and at the end (`s`) the edit left as they were (those at
 *  the end moved by `delta`). */
function unchangedEnds(units: Unit[], recs: UnitRec[], delta: number): { p: number; s: number } {
  const nu = units.length, nr = recs.length;
  let p = 0;
  while (p < nu && p < nr && units[p]!.key === recs[p]!.key && units[p]!.start === recs[p]!.start) p++;
  let s = 0;
  while (s < nu - p && s < nr - p && units[nu - 1 - s]!.key === recs[nr - 1 - s]!.key && units[nu - 1 - s]!.start === recs[nr - 1 - s]!.start + delta) s++;
  return { p, s };
}

/** The added units, from the cache or read now. */
function readAdded(text: string, c: CompiledDatabase, cache: AnalysisCache, added: Unit[], token?: CancellationToken): ChunkData[] {
  const datas: ChunkData[] = [];
  for (const u of added) {
    if (token?.isCancellationRequested) throw new CancelledError();
    let data = cache.chunks.get(u.key!);
    if (!data) {
      data = readUnit(detachedSlice(text, u.start, u.end), c, u.plain ?? undefined);
      cache.chunks.set(u.key!, data);
    }
    datas.push(data);
  }
  return datas;
}

/** Where the model's arrays stand after unit `rec` (all zero before the first unit). */
function countsAfter(rec: UnitRec | undefined) {
  return rec
    ? {
      blocks: rec.blocksFrom + rec.blockCount, sections: rec.sectionFrom + rec.data.prose.sections.length,
      paragraphs: rec.paragraphFrom + rec.paragraphs, directives: rec.directivesFrom + rec.layout.directives.length,
      citations: rec.citationsFrom + rec.layout.citations.length, footnotes: rec.footnotesFrom + rec.layout.footnotes.length,
      links: rec.linksFrom + rec.layout.linkDefinitions.length,
    }
    : { blocks: 0, sections: 0, paragraphs: 0, directives: 0, citations: 0, footnotes: 0, links: 0 };
}

/**
 * Occurrences out: a unit placed nowhere else any more waits among the orphans (an undo finds
 * it); one still placed elsewhere gives up this occurrence's slot. Returns their sentence count.
 */
function releaseGone(cache: AnalysisCache, gone: UnitRec[], counts: Int32Array, c: CompiledDatabase): number {
  let sentences = 0;
  for (const r of gone) {
    addCounts(counts, unitBlockCounts(r.data, r.layout.blocks, c), -1);
    sentences += r.sentences;
    r.data.uses = (r.data.uses ?? 1) - 1;
    if (r.data.uses <= 0) {
      r.data.uses = 0;
      cache.live--;
      if (r.key !== undefined) cache.orphans.push({ key: r.key, data: r.data });
    } else if (r.slot && r.data.slots) {
      const k = r.data.slots.indexOf(r.slot);
      if (k >= 0) r.data.slots.splice(k, 1);
    }
  }
  return sentences;
}

/** Occurrences in: a unit placed elsewhere too gets a slot of its own. */
function placeAdded(cache: AnalysisCache, out: ModelAppender, added: Unit[], datas: ChunkData[], counts: Int32Array, c: CompiledDatabase, run: number, generation: number): void {
  for (let i = 0; i < added.length; i++) {
    const data = datas[i]!;
    const elsewhere = (data.uses ?? 0) > 0;
    if (!elsewhere) cache.live++;
    data.uses = (data.uses ?? 0) + 1;
    data.usedIn = generation;
    const rec = out.append(added[i]!.key, data, added[i]!.start, run, elsewhere);
    if (elsewhere) cache.repeated.add(data);
    addCounts(counts, unitBlockCounts(data, rec.layout.blocks, c), 1);
  }
}

/** The units after the change, moved by `delta` and renumbered by `d`, in place. */
function shiftAfter(recs: UnitRec[], delta: number, d: { blocks: number; paragraphs: number; directives: number; citations: number; footnotes: number; links: number }): void {
  for (const r of recs) {
    if (delta !== 0) { moveLayout(r.layout, r.layout.delta + delta); r.start += delta; }
    r.blocksFrom += d.blocks;
    r.paragraphFrom += d.paragraphs;
    r.directivesFrom += d.directives;
    r.citationsFrom += d.citations;
    r.footnotesFrom += d.footnotes;
    r.linksFrom += d.links;
    if (d.blocks !== 0 || d.paragraphs !== 0) {
      for (const pb of r.layout.blocks) { pb.index += d.blocks; pb.paragraph += d.paragraphs; }
    }
  }
}

/** Units the edits took out stay cached for a while (an undo finds them), then go in a batch: at
 *  most 32 units the model does not use are kept, as after a full build. */
function evictOrphans(cache: AnalysisCache, nu: number): void {
  if (cache.chunks.size > cache.live + 32) {
    for (const o of cache.orphans) if (o.data.uses === 0 && cache.chunks.get(o.key) === o.data) cache.chunks.delete(o.key);
    cache.orphans = [];
  }
  if (cache.plainChunks.size > 4 * nu + 1000) cache.plainChunks.clear();
}

/** The units' headings (level and text) as one string: what the units under them depend on. */
function headingSignature(datas: ChunkData[]): string {
  let sig = '';
  for (const data of datas) for (const s of data.prose.sections) sig += `${s.depth}:${s.heading}\n`;
  return sig;
}

