// The learned claim recogniser: which claim a sentence is about (or which caution it gives or
// needs), whether it contradicts that claim, and how firmly it commits to what it says. The
// weights come from the wording bank (scripts/train-recognizer.mjs); they know the embedded
// database's claims only, so claims of user packs are recognised by their concepts alone.
import type { SentenceAnalysis } from '../analyzer/index.js';
import { ModalityScorer, OrientationScorer, orientationFeatures, TopicScorer, type OrientationSummary, type SentenceView } from './features.js';
import type { RecognizerWeights } from '../../db/schema.js';
import { LinearModel, type Rows, type Scored } from './linear.js';
import { MatchScorer } from './match.js';
import { TextMemo } from '../text-memo.js';

export type { RecognizerWeights };
import { CONTRADICTION_CLASS, type Modality } from './targets.js';

/** The models, decoded. */
export interface Recognizer {
  topic: LinearModel;
  orientation: LinearModel;
  modality: LinearModel;
  match: LinearModel;
  sureStems: ReadonlySet<string>;
  topicScorer: TopicScorer;
  orientationScorer: OrientationScorer;
  modalityScorer: ModalityScorer;
  matchScorer: MatchScorer;
  /** The claim ids (and caution:/trigger: classes) the topic model was trained on. */
  knownClasses: ReadonlySet<string>;
  /** What depends on a sentence's text alone (its modality, its orientation to each claim), by text. */
  byText: TextMemo<TextScores>;
}

/** A sentence text's modality and orientations, filled in as they are asked for (shared, read-only once set). */
interface TextScores {
  modalities?: Scored[];
  readonly orientation: Map<string, number>;
}

const decoded = new WeakMap<RecognizerWeights, Recognizer>();
export function recognizerOf(weights: RecognizerWeights): Recognizer {
  let r = decoded.get(weights);
  if (!r) {
    const topic = new LinearModel(weights.topic), orientation = new LinearModel(weights.orientation);
    const modality = new LinearModel(weights.modality), match = new LinearModel(weights.match);
    r = {
      topic, orientation, modality, match, sureStems: new Set(weights.sureStems), knownClasses: new Set(topic.classes),
      topicScorer: new TopicScorer((name) => topic.rowOf(name), topic.featureNames()),
      orientationScorer: new OrientationScorer(orientation), modalityScorer: new ModalityScorer(modality), matchScorer: new MatchScorer(match),
      byText: new TextMemo((): TextScores => ({ orientation: new Map() }), 2048),
    };
    decoded.set(weights, r);
  }
  return r;
}

export interface Recognition {
  /** Topic classes (claim ids, caution:<id>, trigger:<id>) with their probability, best first. */
  topics: Scored[];
  /** Recorded contradictions whose content the sentence states (their ids, without the class
   *  prefix), with their probability, best first; empty for models trained without them. */
  contradictionTopics: Scored[];
  /** The probability of one topic class, or 0 when it is below the floor (not in `topics`). */
  topic(cls: string): number;
  modality: Modality;
  /** Probability of each modality, in MODALITIES order of the model. */
  modalities: Scored[];
  /** Probability that the sentence contradicts `claimId` (rather than agrees with it). */
  contradicts(claimId: string): number;
  /** The sentence's features that pointed most to a topic class (for explanations). */
  evidenceFor(cls: string): string[];
}

const NO_SCORES: Scored[] = [];

/** Topic classes below this probability are not reported at all. */
const FLOOR = 0.05;

/** @param analysis the sentence analysis, asked for only when the modality or orientation is. */
export function recognise(models: Recognizer, sentence: SentenceView, analysis: () => SentenceAnalysis): Recognition {
  return new SentenceRecognition(models, sentence, analysis);
}

/** A sentence's recognition: the topics at once, the rest when asked (most sentences are asked
 *  for their topics only). It keeps no tokens (the scorers read the words of the text): a
 *  document's recognitions live as long as its analysis. */
class SentenceRecognition implements Recognition {
  readonly topics: Scored[];
  readonly contradictionTopics: Scored[];
  private orientationOf?: OrientationSummary;
  private scores?: TextScores;

  constructor(private readonly models: Recognizer, private readonly sentence: SentenceView, private readonly analysis: () => SentenceAnalysis) {
    const all = models.topic.scoresOfRows(models.topicScorer.features(sentence, models.sureStems), FLOOR);
    // One scoring pass for both kinds of class; most sentences have no contradiction class above the floor.
    if (all.some((t) => t.cls.startsWith(CONTRADICTION_CLASS))) {
      this.topics = all.filter((t) => !t.cls.startsWith(CONTRADICTION_CLASS));
      this.contradictionTopics = all.filter((t) => t.cls.startsWith(CONTRADICTION_CLASS)).map((t) => ({ cls: t.cls.slice(CONTRADICTION_CLASS.length), p: t.p }));
    } else {
      this.topics = all;
      this.contradictionTopics = NO_SCORES;
    }
  }

  topic(cls: string): number {
    for (const t of this.topics) if (t.cls === cls) return t.p;
    return 0;
  }

  get modality(): Modality {
    return this.modalities[0]!.cls as Modality;
  }

  /** The modality and orientations depend on the words and the analysis, both the text's alone. */
  private get byText(): TextScores {
    return (this.scores ??= this.models.byText.get(this.sentence.text));
  }

  get modalities(): Scored[] {
    const t = this.byText;
    return (t.modalities ??= this.models.modality.scoresOfRows(this.models.modalityScorer.features(this.sentence, this.analysis(), this.models.sureStems)));
  }

  contradicts(claimId: string): number {
    const orientation = this.byText.orientation;
    let p = orientation.get(claimId);
    if (p === undefined) {
      const models = this.models;
      p = OrientationScorer.scores(claimId)
        ? models.orientationScorer.probability((this.orientationOf ??= models.orientationScorer.summarise(this.sentence, this.analysis())), claimId)
        : models.orientation.probability(orientationFeatures(this.sentence, claimId, this.analysis()));
      orientation.set(claimId, p);
    }
    return p;
  }

  evidenceFor(cls: string): string[] {
    // The scorer reuses its buffers: featurise the sentence again, once (only findings ask).
    this.evidence ??= this.models.topicScorer.features(this.sentence, this.models.sureStems).copy();
    return this.models.topic.contributionsOfRows(this.evidence, cls);
  }
  private evidence?: Rows;
}
