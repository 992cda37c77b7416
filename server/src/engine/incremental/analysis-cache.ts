// The per-document cache: analysed units by hash, their occurrences (slots) with layouts and rule
// results, and the last model for the next version to continue from.
import type { CompiledDatabase } from '../compiled.js';
import type { CitationVerdict } from '../context.js';
import type { ChunkedText } from '../chunks.js';
import type { CitationRef, Directive, FootnoteDef, ProseDocument } from '../markdown.js';
import type { UnitProse } from '../pipeline/blocks.js';
import type { DocModel, PlacedBlock } from '../pipeline/document-model.js';
import type { Placed, UnitLoopOutput, UnitResults } from './placement.js';

/** What a chunk yields, independent of where the chunk sits in the document. */
export interface ChunkData extends UnitProse {
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
  rules?: { key: string; value: UnitResults };
  /** Those results placed at the occurrence's offset in the last version (set by the engine). */
  placed?: Placed;
}

/** A unit placed in a document: its blocks, and its directives, citations, footnotes and link
 *  definitions at absolute offsets (those are valid while `delta` is unchanged). */
export interface UnitLayout {
  delta: number;
  blocks: PlacedBlock[];
  directives: Directive[];
  citations: CitationRef[];
  footnotes: FootnoteDef[];
  linkDefinitions: Array<{ label: string; url: string; start: number; end: number }>;
}

/** The last model built with a cache, for the next version to continue from. */
export interface LastModel {
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
  /** The engine's unit-loop output for the last model (incremental/unit-loop.ts). */
  lastFound?: UnitLoopOutput;
  /** unknown-citation's verdicts on the cached citation records (RuleContext.citationVerdict). */
  readonly citationVerdicts = new WeakMap<CitationRef, CitationVerdict>();
}

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

/** A parse unit of one version (units.ts): its range, its prose when the fast path read it (null:
 *  remark must parse it), and with a cache its hash. */
export interface Unit { start: number; end: number; plain?: ProseDocument | null; key?: string }
