// Which claims a sentence makes: the concept matcher and the learned topic model each propose
// candidates, and a small stacked model (trained on the wording bank, on out-of-fold topic
// predictions) weighs what each says about each candidate. On independent wordings the concept
// matcher alone names the wrong claim about a third of the time it names one, and the topic
// model alone fires on near misses; together they do better than either.
import type { Features } from './features.js';
import { RowBuffer, type LinearModel } from './linear.js';
import type { Recognition } from './recognizer.js';

/** What the concept matcher says about a candidate claim (undefined: it did not match it). */
export interface ConceptEvidence {
  /** Position among the concept matcher's hits (0 = its primary claim). */
  rank: number;
  score: number;
  specificity: number;
  /** Concepts supplied by the paragraph or headings rather than the sentence. */
  fromTopic: number;
  /** How many claims the concept matcher found. */
  count: number;
}

/** The names of the rank and count features, by (capped) value. */
const MODEL_RANK = ['modelRank:0', 'modelRank:1', 'modelRank:2', 'modelRank:3'];
const CONCEPT_RANK = ['conceptRank:0', 'conceptRank:1', 'conceptRank:2'];
const CONCEPT_COUNT = ['conceptCount:0', 'conceptCount:1', 'conceptCount:2', 'conceptCount:3'];

/** A candidate's features, one name at a time (each name once). */
function candidateOccurrences(claimId: string, r: Recognition, concept: ConceptEvidence | undefined, words: number, set: (name: string, v: number) => void): void {
  let i = -1;
  for (let j = 0; j < r.topics.length; j++) if (r.topics[j]!.cls === claimId) { i = j; break; }
  const p = i >= 0 ? r.topics[i]!.p : 0;
  const top = r.topics[0]?.p ?? 0;
  set('p', p);
  set('logit', Math.log((p + 1e-4) / (1 - p + 1e-4)) / 5);
  set('margin', top - p);
  set(i < 0 ? 'modelRank:none' : MODEL_RANK[Math.min(i, 3)]!, 1);
  set('modelTop', top);
  if (concept) {
    set('concept', 1);
    set(CONCEPT_RANK[Math.min(concept.rank, 2)] ?? `conceptRank:${Math.min(concept.rank, 2)}`, 1);
    set('conceptScore', concept.score);
    set('conceptSpecificity', concept.specificity / 4);
    set('conceptFromTopic', concept.fromTopic);
    set(CONCEPT_COUNT[Math.min(concept.count, 3)] ?? `conceptCount:${Math.min(concept.count, 3)}`, 1);
    if (i === 0) set('agree', 1);
    if (i < 0) set('conceptOnly', 1);
  } else set('modelOnly', 1);
  set(words < 5 ? 'words:short' : words < 12 ? 'words:mid' : 'words:long', 1);
  set('bias', 1);
}

/** The match model's features by name (training, tests). */
export function candidateFeatures(claimId: string, r: Recognition, concept: ConceptEvidence | undefined, words: number): Features {
  const f: Features = new Map();
  candidateOccurrences(claimId, r, concept, words, (k, v) => f.set(k, v));
  return f;
}

/** The match model's probability for a candidate, its features resolved to rows as they come
 *  (no map per candidate). A test compares it with candidateFeatures. */
export class MatchScorer {
  private readonly buffer = new RowBuffer();
  private readonly set = (name: string, v: number): void => {
    const row = this.model.rowOf(name);
    if (row !== undefined) this.buffer.push(row, v);
  };

  constructor(private readonly model: LinearModel) {}

  probability(claimId: string, r: Recognition, concept: ConceptEvidence | undefined, words: number): number {
    this.buffer.clear();
    candidateOccurrences(claimId, r, concept, words, this.set);
    return this.model.probabilityOfRows(this.buffer);
  }
}
