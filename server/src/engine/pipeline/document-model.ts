// The document model the rules read: prose blocks placed at their offsets, their sentences with
// the concepts each names, the sections, and the records (citations, footnotes, directives).
import { analyzeSentence, type SentenceAnalysis } from '../analyzer/index.js';
import type { ConceptHit } from '../concepts.js';
import type { SentenceRef } from '../context.js';
import { extractNumbers, type NumberMention } from '../figures.js';
import type { UnitRec, UnitSlot } from '../incremental/analysis-cache.js';
import type { WordSpan } from '../words.js';
import { TextMemo } from '../text-memo.js';
import type { CitationRef, Directive, FootnoteDef, ProseBlock } from '../markdown.js';

/** Sentence analyses and number mentions by text (each a pure function of it), shared by the
 *  documents of a run; bounded (2,048 to 4,096 distinct sentences, a few MB). */
const analyses = new TextMemo(analyzeSentence, 2048);
const numberMentions = new TextMemo((text: string) => extractNumbers(text), 2048);

/** One sentence. Offsets `proseStart`/`proseEnd` index its block's prose text; `text` is that slice. */
export class Sentence {
  private _analysis?: SentenceAnalysis;
  private _numbers?: NumberMention[];
  /** Concept ids named in the sentence itself. */
  readonly concepts: ReadonlySet<string>;
  /** Its words by number, shared with the recogniser (set by readUnit; absent if some word was left unnumbered). */
  words?: WordSpan;
  constructor(
    readonly text: string,
    readonly proseStart: number,
    readonly proseEnd: number,
    /** Concept hits, offsets relative to `text`. */
    readonly hits: ConceptHit[],
    /** The concepts of `hits`, if known already (shared, read-only). */
    concepts?: ReadonlySet<string>,
  ) {
    this.concepts = concepts ?? new Set(hits.map((h) => h.concept));
  }
  get analysis(): SentenceAnalysis {
    return (this._analysis ??= analyses.get(this.text));
  }
  get numbers(): NumberMention[] {
    return (this._numbers ??= numberMentions.get(this.text));
  }
  hitsOf(concept: string): ConceptHit[] {
    return this.hits.filter((h) => h.concept === concept);
  }
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

/** Concepts named anywhere in a block, memoised on the (cached, reused) placed block. */
export function blockConcepts(pb: PlacedBlock): Set<string> {
  let set = pb.concepts;
  if (!set) {
    set = pb.concepts = new Set();
    for (const s of pb.sentences) s.concepts.forEach((c) => set!.add(c));
  }
  return set;
}

/** The cells of a table cell's row, in order (rows are short: at most MAX_ROW cells each way). */
export function rowCells(blocks: readonly PlacedBlock[], pb: PlacedBlock): PlacedBlock[] {
  if (pb.block.row === undefined) return [pb];
  const same = (b: PlacedBlock | undefined): b is PlacedBlock => b !== undefined && b.block.kind === 'tableCell' && b.block.row === pb.block.row && b.slot === pb.slot;
  let first = pb.index, last = pb.index;
  while (first > 0 && pb.index - first < MAX_ROW && same(blocks[first - 1])) first--;
  while (last - pb.index < MAX_ROW && same(blocks[last + 1])) last++;
  return blocks.slice(first, last + 1);
}
const MAX_ROW = 32;

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

