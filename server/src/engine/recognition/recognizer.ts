// The learned claim recogniser: which claim a sentence is about (or which caution it gives or
// needs), whether it contradicts that claim, and how firmly it commits to what it says. The
// weights come from the wording bank (scripts/train-recognizer.mjs); they know the embedded
// database's claims only, so claims of user packs are recognised by their concepts alone.
import type { SentenceAnalysis } from '../analyzer/index.js';
import { modalityFeatures, orientationFeatures, topicFeatures, type Features, type SentenceView } from './features.js';
import { LinearModel, type PackedModel, type Scored } from './linear.js';
import type { Modality } from './targets.js';

export interface RecognizerWeights {
  version: 1;
  trainedOn: { writers: string[]; entries: number };
  evaluation: unknown;
  topic: PackedModel;
  orientation: PackedModel;
  modality: PackedModel;
  /** The stacked candidate model (recognition/match.ts): one class, 'match'. */
  match: PackedModel;
}

/** The models, decoded. */
export interface Recognizer {
  topic: LinearModel;
  orientation: LinearModel;
  modality: LinearModel;
  match: LinearModel;
}

const decoded = new WeakMap<RecognizerWeights, Recognizer>();
export function recognizerOf(weights: RecognizerWeights): Recognizer {
  let r = decoded.get(weights);
  if (!r) {
    r = { topic: new LinearModel(weights.topic), orientation: new LinearModel(weights.orientation), modality: new LinearModel(weights.modality), match: new LinearModel(weights.match) };
    decoded.set(weights, r);
  }
  return r;
}

export interface Recognition {
  /** Topic classes (claim ids, caution:<id>, trigger:<id>) with their probability, best first. */
  topics: Scored[];
  modality: Modality;
  /** Probability of each modality, in MODALITIES order of the model. */
  modalities: Scored[];
  /** Probability that the sentence contradicts `claimId` (rather than agrees with it). */
  contradicts(claimId: string): number;
  /** The sentence's features that pointed most to a topic class (for explanations). */
  evidenceFor(cls: string): string[];
}

/** Topic classes below this probability are not reported at all. */
const FLOOR = 0.05;

export function recognise(models: Recognizer, view: SentenceView, analysis: SentenceAnalysis): Recognition {
  const xt: Features = topicFeatures(view, analysis);
  const topics = models.topic.scores(xt).filter((s) => s.p >= FLOOR);
  const modalities = models.modality.scores(modalityFeatures(view, analysis));
  const orientation = new Map<string, number>();
  return {
    topics,
    modality: modalities[0]!.cls as Modality,
    modalities,
    contradicts(claimId) {
      let p = orientation.get(claimId);
      if (p === undefined) orientation.set(claimId, (p = models.orientation.scores(orientationFeatures(view, claimId, analysis))[0]!.p));
      return p;
    },
    evidenceFor: (cls) => models.topic.contributions(xt, cls).map((c) => c.feature),
  };
}
