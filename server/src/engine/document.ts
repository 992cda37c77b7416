// The document model the rules work on: prose blocks and their sentences, each with the concepts
// it names, built chunk by chunk so that a per-document cache can reuse the work for every chunk
// an edit did not touch.
import { analyzeSentence, type SentenceAnalysis } from './analyzer/index.js';
import { chunkText, resplitChunks, splitTopLevelChunks, type ChunkedText } from './chunks.js';
import type { CompiledDatabase } from './compiled.js';
import type { ConceptHit } from './concepts.js';
import type { CitationVerdict, SentenceRef } from './context.js';
import { fastProse } from './fastpath.js';
import { tooComplex } from './guard.js';
import { hash64 } from './hash.js';
import { extractNumbers, type NumberMention } from './figures.js';
import { tokenize } from './lexicon.js';
import { emptyProse, extractProse, sectionEnds, type CitationRef, type Directive, type FootnoteDef, type ProseBlock, type ProseDocument } from './markdown.js';
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
  /** How many times the current model (the cache's last) places the unit. */
  uses?: number;
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
  /** The cautions the block matters to (set by RuleContext.cautionBits). */
  cautions?: readonly number[];
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
  /** The parse units, in document order. */
  units: UnitRec[];
  /** Numbers the models (buildModel calls). */
  run: number;
  /** Set when the model continues model `from`: its first `prefix` and last `suffix` units are that
   *  model's, unchanged apart from moving. */
  continued?: { from: number; prefix: number; suffix: number };
}

/** The last model built with a cache, for the next version to continue from. */
interface LastModel {
  run: number;
  textLength: number;
  model: DocModel;
  /** Per concept number, how many blocks name it. */
  counts: Int32Array;
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
  /** The last model, unless the run that built it was cut short. */
  last?: LastModel;
  /** Units that continued models dropped: evicted in batches unless used again. */
  orphans: Array<{ key: string; data: ChunkData }> = [];
  /** How many distinct cached units the last model uses. */
  live = 0;
  /** The engine's unit-loop output for the last model (see engine.ts). */
  lastFound?: unknown;
  /** unknown-citation's verdicts on the cached citation records (RuleContext.citationVerdict). */
  readonly citationVerdicts = new WeakMap<CitationRef, CitationVerdict>();
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

/**
 * One occurrence of a parse unit in a model, in document order (units without prose blocks too),
 * with where its contributions sit in the model's arrays. A model continued from the last one
 * (spliceModel) keeps the records of its unchanged units, updated in place.
 */
export interface UnitRec {
  key?: string;
  data: ChunkData;
  layout: UnitLayout;
  slot?: UnitSlot;
  start: number;
  blocksFrom: number;
  blockCount: number;
  sectionFrom: number;
  paragraphFrom: number;
  paragraphs: number;
  directivesFrom: number;
  citationsFrom: number;
  footnotesFrom: number;
  linksFrom: number;
  sentences: number;
  /** Where the unit's findings and claim matches sit in the engine's unit-loop output (set by the engine). */
  foundFrom: number;
  foundCount: number;
  matchesFrom: number;
  matchesCount: number;
}

/** Appends units to a model's arrays, numbering blocks, sections and paragraphs as it goes. */
class ModelAppender {
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
function linkSections(secs: PlacedSection[], docEnd: number): void {
  sectionEnds(secs, docEnd);
  const open: number[] = [];
  for (let i = 0; i < secs.length; i++) {
    while (open.length > 0 && secs[open[open.length - 1]!]!.depth >= secs[i]!.depth) open.pop();
    secs[i]!.parent = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(i);
  }
}

/** Concepts named in the document and their block counts, from per-concept-number counts. */
function conceptTotals(counts: Int32Array, c: CompiledDatabase): { concepts: Set<string>; blockCounts: Map<string, number> } {
  const concepts = new Set<string>();
  const blockCounts = new Map<string, number>();
  counts.forEach((n, k) => {
    if (n === 0) return;
    concepts.add(c.conceptNames[k]!);
    blockCounts.set(c.conceptNames[k]!, n);
  });
  return { concepts, blockCounts };
}

function addCounts(counts: Int32Array, pairs: Int32Array, sign: 1 | -1): void {
  for (let k = 0; k < pairs.length; k += 2) counts[pairs[k]!]! += sign * pairs[k + 1]!;
}

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
      data = analyseChunk(cache ? detachedSlice(text, ch.start, ch.end) : text.slice(ch.start, ch.end), c, ch.plain ?? undefined);
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
function spliceModel(text: string, c: CompiledDatabase, cache: AnalysisCache, units: Unit[], run: number, generation: number, token?: CancellationToken): DocModel | undefined {
  const last = cache.last!;
  const prev = last.model;
  const recs = prev.units;
  const delta = text.length - last.textLength;
  const nu = units.length, nr = recs.length;
  let p = 0;
  while (p < nu && p < nr && units[p]!.key === recs[p]!.key && units[p]!.start === recs[p]!.start) p++;
  let s = 0;
  while (s < nu - p && s < nr - p && units[nu - 1 - s]!.key === recs[nr - 1 - s]!.key && units[nu - 1 - s]!.start === recs[nr - 1 - s]!.start + delta) s++;
  const gone = recs.slice(p, nr - s);
  const added = units.slice(p, nu - s);
  if (gone.length > MAX_SPLICED_UNITS || added.length > MAX_SPLICED_UNITS) return undefined;
  const datas: ChunkData[] = [];
  for (const u of added) {
    if (token?.isCancellationRequested) throw new CancelledError();
    let data = cache.chunks.get(u.key!);
    if (!data) {
      data = analyseChunk(detachedSlice(text, u.start, u.end), c, u.plain ?? undefined);
      cache.chunks.set(u.key!, data);
    }
    datas.push(data);
  }
  if (headingSignature(gone.map((r) => r.data)) !== headingSignature(datas)) return undefined;

  // From here on the last model is changed in place: nothing below may be interrupted.
  const before = p > 0 ? recs[p - 1] : undefined;
  const base = before
    ? {
      blocks: before.blocksFrom + before.blockCount, sections: before.sectionFrom + before.data.prose.sections.length,
      paragraphs: before.paragraphFrom + before.paragraphs, directives: before.directivesFrom + before.layout.directives.length,
      citations: before.citationsFrom + before.layout.citations.length, footnotes: before.footnotesFrom + before.layout.footnotes.length,
      links: before.linksFrom + before.layout.linkDefinitions.length,
    }
    : { blocks: 0, sections: 0, paragraphs: 0, directives: 0, citations: 0, footnotes: 0, links: 0 };
  const start = { ...base };
  const after = s > 0 ? recs[nr - s] : undefined;
  const end = after
    ? { blocks: after.blocksFrom, paragraphs: after.paragraphFrom, directives: after.directivesFrom, citations: after.citationsFrom, footnotes: after.footnotesFrom, links: after.linksFrom }
    : { blocks: prev.blocks.length, paragraphs: -1, directives: prev.directives.length, citations: prev.citations.length, footnotes: prev.footnotes.length, links: prev.linkDefinitions.length };
  const out = new ModelAppender(base);
  const counts = last.counts;
  let sentences = prev.sentenceCount;
  // Occurrences out: a unit placed nowhere else any more waits among the orphans (an undo finds
  // it); one still placed elsewhere gives up this occurrence's slot.
  for (const r of gone) {
    addCounts(counts, unitBlockCounts(r.data, r.layout.blocks, c), -1);
    sentences -= r.sentences;
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
  // Occurrences in: a unit placed elsewhere too gets a slot of its own.
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
  sentences += out.sentences;

  // The units after the change: moved by `delta`, renumbered by what the change added or removed.
  const dBlocks = start.blocks + out.blocks.length - end.blocks;
  const dParagraphs = after ? base.paragraphs - end.paragraphs : 0;
  const dDirectives = start.directives + out.directives.length - end.directives;
  const dCitations = start.citations + out.citations.length - end.citations;
  const dFootnotes = start.footnotes + out.footnotes.length - end.footnotes;
  const dLinks = start.links + out.linkDefinitions.length - end.links;
  for (let i = nr - s; i < nr; i++) {
    const r = recs[i]!;
    if (delta !== 0) { moveLayout(r.layout, r.layout.delta + delta); r.start += delta; }
    r.blocksFrom += dBlocks;
    r.paragraphFrom += dParagraphs;
    r.directivesFrom += dDirectives;
    r.citationsFrom += dCitations;
    r.footnotesFrom += dFootnotes;
    r.linksFrom += dLinks;
    if (dBlocks !== 0 || dParagraphs !== 0) {
      for (const pb of r.layout.blocks) { pb.index += dBlocks; pb.paragraph += dParagraphs; }
    }
  }
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
  // Units the edits took out stay cached for a while (an undo finds them), then go in a batch: at
  // most 32 units the model does not use are kept, as after a full build.
  if (cache.chunks.size > cache.live + 32) {
    for (const o of cache.orphans) if (o.data.uses === 0 && cache.chunks.get(o.key) === o.data) cache.chunks.delete(o.key);
    cache.orphans = [];
  }
  if (cache.plainChunks.size > 4 * nu + 1000) cache.plainChunks.clear();
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
    // The layout belongs to the unit and the previous model is done with it: move it in place.
    if (last.delta !== delta) moveLayout(last, delta);
    return last;
  }
  const slot = newSlot(data, delta);
  slots[k] = slot;
  return slot.layout;
}

/** A new occurrence of a unit that is placed elsewhere too, with a slot of its own. */
function addSlot(data: ChunkData, delta: number): UnitLayout {
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

/** The units' headings (level and text) as one string: what the units under them depend on. */
function headingSignature(datas: ChunkData[]): string {
  let sig = '';
  for (const data of datas) for (const s of data.prose.sections) sig += `${s.depth}:${s.heading}\n`;
  return sig;
}

/** Moves a layout (and so its blocks) to `delta`, with its directives, citations, footnotes and link definitions. */
function moveLayout(layout: UnitLayout, delta: number): void {
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
/** Characters per parse unit without a cache: remark keeps per-parse lists of the definitions it
 *  has seen and searches them for every label, so one parse of a long run would be quadratic. */
const RUN_SIZE = 16384;

interface Unit { start: number; end: number; plain?: ProseDocument | null; key?: string }

/**
 * The regions parsed separately: a top-level chunk the fast path understands (fastpath.ts) is a unit
 * of its own; the runs of other chunks between them are parsed by remark in units of about
 * RUN_SIZE characters (without a cache, the CLI) or UNIT_SIZE characters (with a cache, the
 * language server, so an edit re-parses one unit). A chunk too deep or too dense for remark (guard.ts) is a unit of its
 * own, left unchecked.
 */
function parseUnits(text: string, cache?: AnalysisCache): Unit[] {
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

/** The prose of a chunk read without remark: by the fast path, or none (`skipped`) when remark
 *  must not be given it; null when remark must parse it. */
function withoutRemark(src: string): ProseDocument | null {
  const fast = fastProse(src, 0);
  if (fast) return fast;
  if (!tooComplex(src)) return null;
  const skipped = emptyProse(0, src.length);
  skipped.skipped = true;
  return skipped;
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
