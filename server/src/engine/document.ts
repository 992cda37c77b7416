// The document model the rules work on: prose blocks and their sentences, each with the concepts
// it names, built chunk by chunk so that a per-document cache can reuse the work for every chunk
// an edit did not touch.
import { analyzeSentence, type SentenceAnalysis } from './analyzer/index.js';
import { chunkText, resplitChunks, splitTopLevelChunks, type ChunkedText } from './chunks.js';
import type { CompiledDatabase } from './compiled.js';
import type { ConceptHit } from './concepts.js';
import type { SentenceRef } from './context.js';
import { fastProse } from './fastpath.js';
import { hash64 } from './hash.js';
import { extractNumbers, type NumberMention } from './figures.js';
import { tokenize } from './lexicon.js';
import { extractProse, type CitationRef, type Directive, type FootnoteDef, type ProseBlock, type ProseDocument } from './markdown.js';
import { splitSentences } from './sentences.js';
import { CancelledError, type CancellationToken } from './types.js';

/** One sentence. Offsets `bs`/`be` index its block's prose text; `text` is that slice. */
export class Sentence {
  private _analysis?: SentenceAnalysis;
  private _numbers?: NumberMention[];
  /** Concept ids named in the sentence itself. */
  readonly concepts: Set<string>;
  constructor(
    readonly text: string,
    readonly bs: number,
    readonly be: number,
    /** Concept hits, offsets relative to `text`. */
    readonly hits: ConceptHit[],
  ) {
    this.concepts = new Set(hits.map((h) => h.concept));
  }
  get analysis(): SentenceAnalysis {
    return (this._analysis ??= analyzeSentence(this.text));
  }
  get numbers(): NumberMention[] {
    return (this._numbers ??= extractNumbers(this.text));
  }
  hitsOf(concept: string): ConceptHit[] {
    return this.hits.filter((h) => h.concept === concept);
  }
}

/** What a chunk yields, independent of where the chunk sits in the document. */
export interface ChunkData {
  prose: ProseDocument;
  sentences: Sentence[][];
  /** One slot per occurrence of the unit in the last model (identical chunks share one unit). */
  slots?: UnitSlot[];
  /** The run (buildModel call) that placed the unit last, and how many occurrences it has placed
   *  so far. A number, not the model: a unit kept in the cache must not keep an old model alive. */
  placedIn?: number;
  placements?: number;
  /** The cache generation (run) that last used the unit. */
  usedIn?: number;
  /** Concept numbers (CompiledDatabase.conceptNumber) and how many of the unit's blocks name
   *  each, as pairs. */
  blockCounts?: Int32Array;
}

/**
 * One occurrence of a unit in the document, kept from version to version: the k-th occurrence of a
 * unit in a model reuses the k-th slot of the last model, so identical chunks (a repeated heading,
 * a template paragraph) each keep their own layout and results instead of taking turns with one.
 */
export interface UnitSlot {
  layout: UnitLayout;
  /** Sentence-rule results for this occurrence, offsets relative to the unit's start, valid while
   *  `key` (the context: section headings, topic, configuration) is unchanged. Set by the engine. */
  rules?: { key: string; value: unknown };
  /** Those results placed at the occurrence's offset in the last version (set by the engine). */
  placed?: unknown;
}

/** A unit placed in a document: its blocks, and its directives, citations, footnotes and link
 *  definitions at absolute offsets (those are valid while `delta` is unchanged). */
interface UnitLayout {
  delta: number;
  blocks: PlacedBlock[];
  directives: Directive[];
  citations: CitationRef[];
  footnotes: FootnoteDef[];
  linkDefinitions: Array<{ label: string; url: string; start: number; end: number }>;
}

/** A block placed in the document: its prose plus the offset of its unit's occurrence (`delta`). */
export class PlacedBlock {
  section = -1;
  /** Running paragraph number across the document. */
  paragraph = 0;
  /** Index of this block in DocModel.blocks. */
  index = 0;
  /** References to the block's sentences, made once (set by the rule context). */
  refs?: SentenceRef[];
  /** What the block means for the cautions (set by missing-caveat). */
  caveats?: readonly number[];
  /** Concepts named anywhere in the block (blockConcepts). */
  concepts?: Set<string>;
  constructor(
    readonly block: ProseBlock,
    readonly sentences: Sentence[],
    /** Where the block's unit sits: shared by its blocks, so moving a unit is one write. */
    private readonly placement: { readonly delta: number },
    /** The occurrence of the parse unit the block came from (shared by the blocks of that occurrence). */
    readonly slot?: UnitSlot,
  ) {}

  get delta(): number {
    return this.placement.delta;
  }
}

export interface PlacedSection {
  heading: string;
  depth: number;
  start: number;
  end: number;
  headingBlock: number;
  parent: number;
}

export interface DocModel {
  text: string;
  blocks: PlacedBlock[];
  sections: PlacedSection[];
  directives: Directive[];
  citations: CitationRef[];
  footnotes: FootnoteDef[];
  linkDefinitions: Array<{ label: string; url: string; start: number; end: number }>;
  /** Concepts named anywhere in the document. */
  concepts: Set<string>;
  /** Per concept, how many blocks of the document name it. */
  blockCounts: Map<string, number>;
  sentenceCount: number;
}

/** Per-document cache: unit hash → analysed unit. Only units used by the last run are kept.
 *  Keys are hashes, not substrings: a substring would keep its whole document version alive. */
export class AnalysisCache {
  chunks = new Map<string, ChunkData>();
  /** Incremented by each run; units not used by the last run are evicted in batches. */
  generation = 0;
  /** Units placed more than once in some run (identical chunks): their surplus slots are trimmed. */
  repeated = new Set<ChunkData>();
  /** Chunk hash → whether the chunk took the plain-paragraph fast path. */
  plainChunks = new Map<string, boolean>();
  /** The last version's chunks: an edit re-splits only the region around it. */
  chunked?: ChunkedText;
  /** Rule contexts (configuration, topic, headings) → small ids, so that unit keys stay short. */
  contexts = new Map<string, number>();
  /** Ids are never reused, even after the map is cleared: a stale unit key must not match. */
  nextContext = 0;
  db?: CompiledDatabase;
}

/**
 * `text.slice(start, end)` as a string of its own. V8 represents a long slice as a view into its
 * parent, so a cached unit built from a plain slice would keep the whole document version it came
 * from alive: about one document's size of heap per edit until the unit is evicted. Concatenating
 * makes a rope, and slicing the rope flattens it into a new string that holds only this range.
 */
function detachedSlice(text: string, start: number, end: number): string {
  return (' ' + text.slice(start, end)).slice(1);
}

/** A 64-bit hash of a range plus its length: the cache key of a chunk. */
function unitKey(text: string, start: number, end: number): string {
  const [h1, h2] = hash64(text, start, end);
  return `${h1.toString(36)}.${h2.toString(36)}.${end - start}`;
}

function analyseChunk(text: string, c: CompiledDatabase, plain?: ProseDocument): ChunkData {
  const prose = plain ?? extractProse(text, 0);
  const sentences = prose.blocks.map((b) => {
    return splitSentences(b.text).map(({ start, end }) => {
      const t = b.text.slice(start, end);
      return new Sentence(t, start, end, c.index.find(t, 0, tokenize(t)));
    });
  });
  return { prose, sentences };
}

/** Numbers the buildModel calls (see ChunkData.placedIn). */
let runs = 0;

export function buildModel(text: string, c: CompiledDatabase, cache?: AnalysisCache, token?: CancellationToken): DocModel {
  if (cache && cache.db !== c) { cache.chunks.clear(); cache.repeated.clear(); cache.db = c; }
  const generation = cache ? ++cache.generation : 0;
  const run = ++runs;
  let used = 0;
  const model: DocModel = {
    text, blocks: [], sections: [], directives: [], citations: [], footnotes: [], linkDefinitions: [],
    concepts: new Set(), blockCounts: new Map(), sentenceCount: 0,
  };
  let paragraphBase = 0;
  const counts = new Int32Array(c.conceptNames.length);
  for (const ch of parseUnits(text, cache)) {
    // A cancelled run keeps the units it analysed: it still makes progress for the next one.
    if (token?.isCancellationRequested) throw new CancelledError();
    let data = cache ? cache.chunks.get(ch.key!) : undefined;
    if (!data) {
      data = analyseChunk(cache ? detachedSlice(text, ch.start, ch.end) : text.slice(ch.start, ch.end), c, ch.plain);
      if (cache) cache.chunks.set(ch.key!, data);
    }
    if (cache && data.usedIn !== generation) { data.usedIn = generation; used++; }
    const delta = ch.start;
    const sectionBase = model.sections.length;
    for (const s of data.prose.sections) {
      model.sections.push({ heading: s.heading, depth: s.depth, start: s.start + delta, end: s.end + delta, headingBlock: s.headingBlock + model.blocks.length, parent: -1 });
    }
    const layout = placeUnit(data, delta, run);
    if (cache && data.placements === 2) cache.repeated.add(data);
    let maxParagraph = -1;
    for (const pb of layout.blocks) {
      const block = pb.block;
      pb.section = block.section >= 0 ? block.section + sectionBase : sectionBase - 1;
      pb.paragraph = paragraphBase + block.paragraph;
      pb.index = model.blocks.length;
      if (block.paragraph > maxParagraph) maxParagraph = block.paragraph;
      model.blocks.push(pb);
      model.sentenceCount += pb.sentences.length;
    }
    const pairs = unitBlockCounts(data, layout.blocks, c);
    for (let k = 0; k < pairs.length; k += 2) counts[pairs[k]!]! += pairs[k + 1]!;
    paragraphBase += maxParagraph + 1;
    for (const x of layout.directives) model.directives.push(x);
    for (const x of layout.citations) model.citations.push(x);
    for (const x of layout.footnotes) model.footnotes.push(x);
    for (const x of layout.linkDefinitions) model.linkDefinitions.push(x);
  }
  counts.forEach((n, k) => {
    if (n === 0) return;
    model.concepts.add(c.conceptNames[k]!);
    model.blockCounts.set(c.conceptNames[k]!, n);
  });
  // Sections continue across chunks: a section ends where the next heading of the same or a higher level starts.
  const secs = model.sections;
  for (let i = 0; i < secs.length; i++) {
    secs[i]!.end = text.length;
    for (let j = i + 1; j < secs.length; j++) if (secs[j]!.depth <= secs[i]!.depth) { secs[i]!.end = secs[j]!.start; break; }
    for (let j = i - 1; j >= 0; j--) if (secs[j]!.depth < secs[i]!.depth) { secs[i]!.parent = j; break; }
  }
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
    }
    if (cache.plainChunks.size > 4 * used + 1000) cache.plainChunks.clear();
  }
  return model;
}

/**
 * The unit's blocks placed at `delta`, as its next occurrence in this run (buildModel call). The
 * layout of that occurrence in the last run is reused: as it is when it did not move, updated in
 * place when it moved. Callers set section, paragraph and index.
 */
function placeUnit(data: ChunkData, delta: number, run: number): UnitLayout {
  const k = data.placedIn === run ? data.placements! : 0;
  data.placedIn = run;
  data.placements = k + 1;
  const slots = (data.slots ??= []);
  const last = slots[k]?.layout;
  if (last) {
    if (last.delta !== delta) {
      // The layout belongs to the unit and the previous model is done with it: move it in place.
      const by = delta - last.delta;
      last.delta = delta; // and so its blocks'
      moveAll(last.directives, by);
      moveAll(last.citations, by);
      moveAll(last.footnotes, by);
      moveAll(last.linkDefinitions, by);
    }
    return last;
  }
  const layout: UnitLayout = { delta, directives: [], citations: [], footnotes: [], linkDefinitions: [], blocks: [] };
  const slot: UnitSlot = { layout };
  layout.blocks = data.prose.blocks.map((block, i) => new PlacedBlock(block, data.sentences[i]!, layout, slot));
  shiftAll(data, layout);
  slots[k] = slot;
  return layout;
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
function unitBlockCounts(data: ChunkData, blocks: PlacedBlock[], c: CompiledDatabase): Int32Array {
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

/** Characters per parse unit when caching: big enough that parser set-up is amortised, small
 *  enough that an edit re-parses little of a large document. */
const UNIT_SIZE = 4096;

interface Unit { start: number; end: number; plain?: ProseDocument; key?: string }

/**
 * The regions parsed separately: a top-level chunk the fast path understands (fastpath.ts) is a unit
 * of its own; the runs of other chunks between them are parsed by remark in one go each (without a
 * cache, the CLI) or in units of about UNIT_SIZE characters (with a cache, the language server, so
 * an edit re-parses one unit).
 */
function parseUnits(text: string, cache?: AnalysisCache): Unit[] {
  const units: Unit[] = [];
  let run: Unit | undefined;
  const chunks = cache ? (cache.chunked = cache.chunked ? resplitChunks(cache.chunked, text) : chunkText(text)).chunks : splitTopLevelChunks(text);
  for (const ch of chunks) {
    // With a cache, a chunk seen before is recognised by its hash without re-examining its text;
    // a chunk the re-split kept (or only shifted) keeps its hash.
    const key = cache ? (ch.key ??= unitKey(text, ch.start, ch.end)) : undefined;
    let plain: ProseDocument | undefined;
    const seen = key !== undefined ? cache!.plainChunks.get(key) : undefined;
    if (seen !== false) {
      plain = (seen === true ? cache!.chunks.get(key!)?.prose : undefined)
        ?? fastProse(cache ? detachedSlice(text, ch.start, ch.end) : text.slice(ch.start, ch.end), 0);
    }
    if (key !== undefined) cache!.plainChunks.set(key, !!plain);
    if (plain) { units.push({ start: ch.start, end: ch.end, plain, key }); run = undefined; continue; }
    if (run && (!cache || ch.start - run.start < UNIT_SIZE)) { run.end = ch.end; if (key) run.key += '+' + key; }
    else units.push((run = { start: ch.start, end: ch.end, key }));
  }
  return units;
}

/** Concepts named anywhere in a block, memoised on the (cached, reused) placed block. */
export function blockConcepts(pb: PlacedBlock): Set<string> {
  let set = pb.concepts;
  if (!set) {
    set = pb.concepts = new Set();
    for (const s of pb.sentences) s.concepts.forEach((c) => set!.add(c));
  }
  return set;
}

/** Source offset of a position in a block's prose text. */
export function sourceOffset(pb: PlacedBlock, proseIndex: number): number {
  const map = pb.block.map;
  return map[Math.min(proseIndex, map.length - 1)]! + pb.delta;
}

/** Source range [start, end) of prose range [ps, pe) of a block. */
export function sourceRange(pb: PlacedBlock, ps: number, pe: number): { start: number; end: number } {
  const start = sourceOffset(pb, ps);
  const lastChar = Math.max(ps, pe - 1);
  const end = pe > ps ? sourceOffset(pb, lastChar) + 1 : start;
  return { start, end: Math.max(start, end) };
}
