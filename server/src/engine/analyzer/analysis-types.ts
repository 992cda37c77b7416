// Public types of the sentence analyzer. Offsets are UTF-16 code units into the analysed sentence.

export type CueKind =
  | 'hedge'
  | 'booster'
  | 'modal'
  | 'negation'
  | 'attribution'
  | 'conditional'
  | 'question'
  | 'generaliser'
  | 'causal'
  | 'correlational'
  | 'population'
  | 'limitation';

export type PopulationKind = 'humans' | 'animals' | 'cells' | 'post-mortem' | 'subgroup' | 'unspecified';

export interface Cue {
  text: string;
  start: number;
  end: number;
  kind: CueKind;
  /** Finer lexicon class, e.g. 'modal-weak', 'epistemic-verb', 'booster-strong', 'animals'. */
  group: string;
}

export interface Span {
  start: number;
  end: number;
}

/** What the scan decides about a sentence as a whole. */
export interface SentenceFlags {
  /** The main assertion is negated. */
  negated: boolean;
  attributed: boolean;
  hypothetical: boolean;
  question: boolean;
  hedged: boolean;
  boosted: boolean;
  generalised: boolean;
}

export interface SentenceAnalysis extends SentenceFlags {
  /** 1..6 on Pei & Jurgens' scale, 6 = most certain. */
  certainty: number;
  /** 0 none / 1 correlational / 2 conditional causal / 3 direct causal (ordinal, Wright & Augenstein). */
  strength: 0 | 1 | 2 | 3;
  cues: Cue[];
  /** Spans under a negation cue (NegEx-style), ended by scope breakers. */
  negationScopes: Span[];
  population: { kind: PopulationKind; cues: Cue[] };
}
