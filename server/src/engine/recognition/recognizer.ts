// The learned claim recogniser: which claim a sentence is about (or which caution it gives or
// needs), whether it contradicts that claim, and how firmly it commits to what it says. The
// weights come from the wording bank (scripts/train-recognizer.mjs); they know the embedded
// database's claims only, so claims of user packs are recognised by their concepts alone.
import type { SentenceAnalysis } from '../analyzer/index.js';
import { modalityFeatures, orientationFeatures, TopicScorer, type SentenceView } from './features.js';
import type { RecognizerWeights } from '../../db/schema.js';
import { LinearModel, type Scored } from './linear.js';
import { tokenize } from '../lexicon.js';

export type { RecognizerWeights };
import type { Modality } from './targets.js';

/** The models, decoded. */
export interface Recognizer {
  topic: LinearModel;
  orientation: LinearModel;
  modality: LinearModel;
  match: LinearModel;
  sureStems: ReadonlySet<string>;
  topicScorer: TopicScorer;
  /** The claim ids (and caution:/trigger: classes) the topic model was trained on. */
  knownClasses: ReadonlySet<string>;
}

const decoded = new WeakMap<RecognizerWeights, Recognizer>();
export function recognizerOf(weights: RecognizerWeights): Recognizer {
  let r = decoded.get(weights);
  if (!r) {
    const topic = new LinearModel(weights.topic);
    r = {
      topic, orientation: new LinearModel(weights.orientation), modality: new LinearModel(weights.modality),
      match: new LinearModel(weights.match), sureStems: new Set(weights.sureStems), knownClasses: new Set(topic.classes),
      topicScorer: new TopicScorer((name) => topic.rowOf(name), topic.featureNames()),
    };
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

/** @param analysis the sentence analysis, asked for only when the modality or orientation is. */
export function recognise(models: Recognizer, sentence: SentenceView, analysis: () => SentenceAnalysis): Recognition {
  // Every model reads the same words: tokenize once.
  const view: SentenceView = sentence.tokens ? sentence : { ...sentence, tokens: tokenize(sentence.text) };
  const features = models.topicScorer.features(view, models.sureStems);
  const topics = models.topic.scoresOfRows(features.rows, features.values, FLOOR);
  // The scorer reuses its buffers: keep this sentence's for explanations.
  const rows = features.rows.slice(), values = features.values.slice();
  let modalities: Scored[] | undefined;
  const modalityScores = () => (modalities ??= models.modality.scores(modalityFeatures(view, analysis(), models.sureStems)));
  const orientation = new Map<string, number>();
  return {
    topics,
    get modality() { return modalityScores()[0]!.cls as Modality; },
    get modalities() { return modalityScores(); },
    contradicts(claimId) {
      let p = orientation.get(claimId);
      if (p === undefined) orientation.set(claimId, (p = models.orientation.probability(orientationFeatures(view, claimId, analysis()))));
      return p;
    },
    evidenceFor: (cls) => models.topic.contributionsOfRows(rows, values, cls),
  };
}
