// Shared types of the pure engine. Offsets are UTF-16 code-unit offsets into the source text
// (what JavaScript strings index and what LSP positions count); ranges are half-open [start, end).

import type { Code } from './rules/index.js';

/** The diagnostic codes: one rule each, listed in rules/index.ts. */
export type { Code };

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export type CitationStyle = 'pandoc' | 'footnote' | 'link';

/** Engine configuration after discovery and merging (adapters build it). */
export interface EngineConfig {
  rules: Partial<Record<Code, SeveritySetting>>;
  citationStyle: CitationStyle;
}

export const DEFAULT_CONFIG: EngineConfig = { rules: {}, citationStyle: 'pandoc' };

/** A replacement of source[start, end) by newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export type FixKind = 'insert-citation' | 'soften' | 'insert-caution' | 'correct-figure' | 'disable-line';

export interface Fix {
  kind: FixKind;
  title: string;
  /** Non-overlapping edits, applied together. */
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix` and source.fixAll: they cannot change what a sentence claims. */
  safe: boolean;
}

/** Why a finding was reported: what tied the sentence to the claim, and what made it a problem.
 *  In JSON output, `claimlint explain` and the hover; never part of the message. */
export interface FindingReason {
  /** The claim the finding is about, with its evidence grade. */
  claim?: { id: string; grade: string };
  caution?: string;
  /** The sentence's words that named the claim's concepts (concept ids and the words), and the
   *  learned recogniser's match probability and strongest features, when it took part. */
  matched?: { concepts: Array<{ id: string; words: string }>; recogniser?: { p: number; features: string[] } };
  /** The words that made it a finding (a booster, a generaliser, a negation, a number, a trigger). */
  cue?: { kind: string; text: string };
  /** How firmly the sentence commits (proof, plain, hedged, reported, question, conditional) and the
   *  recogniser's probability that it contradicts the claim. */
  stance?: { modality: string; contradicts?: number };
  /** figure-mismatch: what shows the number is the figure it is compared with (its source named, the
   *  figure's own word beside it in a sentence stating the claim, or its kind). */
  identity?: string;
}

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  claimId?: string;
  cautionId?: string;
  /** Source ids (citation keys) backing the finding. */
  sources: string[];
  reason?: FindingReason;
  fixes: Fix[];
}

/** A sentence the engine matched to a claim (for hover, the evidence view and `analyze`). */
export interface ClaimMatch {
  claimId: string;
  score: number;
  start: number;
  end: number;
}

/** A citation found in the text. */
export interface Citation {
  key: string;
  start: number;
  end: number;
  kind: 'pandoc' | 'footnote' | 'link' | 'author-year';
}

export interface AnalysisResult {
  findings: Finding[];
  matches: ClaimMatch[];
  citations: Citation[];
  /** Number of sentences examined. */
  sentences: number;
}

/** Cooperative cancellation: checked between blocks. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'CancelledError';
  }
}
