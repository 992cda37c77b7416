// Placing analysed units into a model: each occurrence's layout (blocks and records at its
// offset), kept per slot and moved in place when the unit moves; sections and concept counts.
import type { CompiledDatabase } from '../compiled.js';
import type { CitationRef, Directive, FootnoteDef } from '../markdown.js';
import { sectionEnds } from '../markdown.js';
import { blockConcepts, PlacedBlock, type PlacedSection } from '../pipeline/document-model.js';
import type { ChunkData, UnitLayout, UnitRec, UnitSlot } from './analysis-cache.js';

/** Appends units to a model's arrays, numbering blocks, sections and paragraphs as it goes. */
export class ModelAppender {
  readonly blocks: PlacedBlock[] = [];
  readonly sections: PlacedSection[] = [];
  readonly directives: Directive[] = [];
  readonly citations: CitationRef[] = [];
  readonly footnotes: FootnoteDef[] = [];
  readonly linkDefinitions: Array<{ label: string; url: string; start: number; end: number }> = [];
  readonly recs: UnitRec[] = [];
  sentences = 0;
  /** Counts before the first appended unit (non-zero when appending after a kept prefix). */
  constructor(private readonly base = { blocks: 0, sections: 0, paragraphs: 0, directives: 0, citations: 0, footnotes: 0, links: 0 }) {}

  /** @param newSlot give the occurrence a slot of its own (the unit is placed elsewhere too). */
  append(key: string | undefined, data: ChunkData, start: number, run: number, newSlot = false): UnitRec {
    const b = this.base;
    const blocksFrom = b.blocks + this.blocks.length;
    const sectionBase = b.sections + this.sections.length;
    for (const s of data.prose.sections) {
      this.sections.push({ heading: s.heading, depth: s.depth, start: s.start + start, end: s.end + start, headingBlock: s.headingBlock + blocksFrom, parent: -1 });
    }
    const layout = newSlot ? addSlot(data, start) : placeUnit(data, start, run);
    const paragraphFrom = b.paragraphs;
    let maxParagraph = -1;
    let sentences = 0;
    for (let i = 0; i < layout.blocks.length; i++) {
      const pb = layout.blocks[i]!;
      const block = pb.block;
      pb.section = block.section >= 0 ? block.section + sectionBase : sectionBase - 1;
      pb.paragraph = paragraphFrom + block.paragraph;
      pb.index = blocksFrom + i;
      if (block.paragraph > maxParagraph) maxParagraph = block.paragraph;
      this.blocks.push(pb);
      sentences += pb.sentences.length;
    }
    this.sentences += sentences;
    b.paragraphs += maxParagraph + 1;
    const rec: UnitRec = {
      key, data, layout, slot: layout.blocks[0]?.slot, start,
      blocksFrom, blockCount: layout.blocks.length, sectionFrom: sectionBase, paragraphFrom, paragraphs: maxParagraph + 1,
      directivesFrom: b.directives + this.directives.length, citationsFrom: b.citations + this.citations.length,
      footnotesFrom: b.footnotes + this.footnotes.length, linksFrom: b.links + this.linkDefinitions.length,
      sentences, foundFrom: 0, foundCount: 0, matchesFrom: 0, matchesCount: 0,
    };
    for (const x of layout.directives) this.directives.push(x);
    for (const x of layout.citations) this.citations.push(x);
    for (const x of layout.footnotes) this.footnotes.push(x);
    for (const x of layout.linkDefinitions) this.linkDefinitions.push(x);
    this.recs.push(rec);
    return rec;
  }
}

/** Sets each section's end (markdown.ts's sectionEnds) and parent: the nearest earlier section of
 *  a higher level, found with a stack of the open levels. */
export function linkSections(secs: PlacedSection[], docEnd: number): void {
  sectionEnds(secs, docEnd);
  const open: number[] = [];
  for (let i = 0; i < secs.length; i++) {
    while (open.length > 0 && secs[open[open.length - 1]!]!.depth >= secs[i]!.depth) open.pop();
    secs[i]!.parent = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(i);
  }
}

/** Concepts named in the document and their block counts, from per-concept-number counts. */
export function conceptTotals(counts: Int32Array, c: CompiledDatabase): { concepts: Set<string>; blockCounts: Map<string, number> } {
  const concepts = new Set<string>();
  const blockCounts = new Map<string, number>();
  counts.forEach((n, k) => {
    if (n === 0) return;
    concepts.add(c.conceptNames[k]!);
    blockCounts.set(c.conceptNames[k]!, n);
  });
  return { concepts, blockCounts };
}

export function addCounts(counts: Int32Array, pairs: Int32Array, sign: 1 | -1): void {
  for (let k = 0; k < pairs.length; k += 2) counts[pairs[k]!]! += sign * pairs[k + 1]!;
}

/**
 * The unit's blocks placed at `delta`, as its next occurrence in this run (buildModel call). The
 * layout of that occurrence in the last run is reused: as it is when it did not move, updated in
 * place when it moved. Callers set section, paragraph and index.
 */
export function placeUnit(data: ChunkData, delta: number, run: number): UnitLayout {
  const k = data.placedIn === run ? data.placements! : 0;
  data.placedIn = run;
  data.placements = k + 1;
  const slots = (data.slots ??= []);
  const last = slots[k]?.layout;
  if (last) {
    // The layout belongs to the unit and the previous model is done with it: move it in place.
    if (last.delta !== delta) moveLayout(last, delta);
    return last;
  }
  const slot = newSlot(data, delta);
  slots[k] = slot;
  return slot.layout;
}

/** A new occurrence of a unit that is placed elsewhere too, with a slot of its own. */
export function addSlot(data: ChunkData, delta: number): UnitLayout {
  const slot = newSlot(data, delta);
  (data.slots ??= []).push(slot);
  return slot.layout;
}

function newSlot(data: ChunkData, delta: number): UnitSlot {
  const layout: UnitLayout = { delta, directives: [], citations: [], footnotes: [], linkDefinitions: [], blocks: [] };
  const slot: UnitSlot = { layout };
  layout.blocks = data.prose.blocks.map((block, i) => new PlacedBlock(block, data.sentences[i]!, layout, slot));
  shiftAll(data, layout);
  return slot;
}

/** Moves a layout (and so its blocks) to `delta`, with its directives, citations, footnotes and link definitions. */
export function moveLayout(layout: UnitLayout, delta: number): void {
  const by = delta - layout.delta;
  layout.delta = delta;
  moveAll(layout.directives, by);
  moveAll(layout.citations, by);
  moveAll(layout.footnotes, by);
  moveAll(layout.linkDefinitions, by);
}

function moveAll(list: Array<{ start: number; end: number }>, by: number): void {
  for (let i = 0; i < list.length; i++) { const x = list[i]!; x.start += by; x.end += by; }
}

function shiftAll(data: ChunkData, layout: UnitLayout): void {
  const delta = layout.delta;
  const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + delta, end: x.end + delta });
  layout.directives = data.prose.directives.map(shift);
  layout.citations = data.prose.citations.map(shift);
  layout.footnotes = data.prose.footnotes.map(shift);
  layout.linkDefinitions = data.prose.linkDefinitions.map(shift);
}

/** Per concept, how many of the unit's blocks name it, as (concept number, count) pairs (memoised on the unit). */
export function unitBlockCounts(data: ChunkData, blocks: PlacedBlock[], c: CompiledDatabase): Int32Array {
  if (data.blockCounts) return data.blockCounts;
  const touched: number[] = [];
  if (scratch.length < c.conceptNames.length) scratch = new Int32Array(c.conceptNames.length);
  for (const pb of blocks) {
    for (const id of blockConcepts(pb)) {
      const k = c.conceptNumber.get(id);
      if (k === undefined) continue;
      if (scratch[k]++ === 0) touched.push(k);
    }
  }
  const pairs = new Int32Array(2 * touched.length);
  touched.forEach((k, i) => { pairs[2 * i] = k; pairs[2 * i + 1] = scratch[k]!; scratch[k] = 0; });
  return (data.blockCounts = pairs);
}
/** Per-concept counters for unitBlockCounts, left all zero between calls. */
let scratch = new Int32Array(0);
