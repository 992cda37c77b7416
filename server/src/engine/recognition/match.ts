// Which claims a sentence makes: the concept matcher and the learned topic model each propose
// candidates, and a small stacked model (trained on the wording bank, on out-of-fold topic
// predictions) weighs what each says about each candidate. On independent wordings the concept
// matcher alone names the wrong claim about a third of the time it names one, and the topic
// model alone fires on near misses; together they do better than either.
import type { Features } from './features.js';
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

export function candidateFeatures(claimId: string, r: Recognition, concept: ConceptEvidence | undefined, words: number): Features {
  const f: Features = new Map();
  const i = r.topics.findIndex((t) => t.cls === claimId);
  const p = i >= 0 ? r.topics[i]!.p : 0;
  const top = r.topics[0]?.p ?? 0;
  f.set('p', p);
  f.set('logit', Math.log((p + 1e-4) / (1 - p + 1e-4)) / 5);
  f.set('margin', top - p);
  f.set(`modelRank:${i < 0 ? 'none' : Math.min(i, 3)}`, 1);
  f.set('modelTop', top);
  if (concept) {
    f.set('concept', 1);
    f.set(`conceptRank:${Math.min(concept.rank, 2)}`, 1);
    f.set('conceptScore', concept.score);
    f.set('conceptSpecificity', concept.specificity / 4);
    f.set('conceptFromTopic', concept.fromTopic);
    f.set(`conceptCount:${Math.min(concept.count, 3)}`, 1);
    if (i === 0) f.set('agree', 1);
    if (i < 0) f.set('conceptOnly', 1);
  } else f.set('modelOnly', 1);
  f.set(`words:${words < 5 ? 'short' : words < 12 ? 'mid' : 'long'}`, 1);
  f.set('bias', 1);
  return f;
}
