// The claim-pack format. One zod schema is the single source of truth: the loader validates
// packs with it and the build emits claims/schema.json from it for editor validation.
import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'ids use letters, digits, dot, dash or underscore');

/** Evidence grades, strongest first. The README's "Evidence grading" section defines each. */
export const GRADES = ['established', 'supported', 'preliminary', 'preclinical-only', 'contested'] as const;
export const Grade = z.enum(GRADES).describe('Evidence grade, strongest first: established, supported, preliminary, preclinical-only, contested.');
export type Grade = z.infer<typeof Grade>;

export const POPULATIONS = ['humans', 'animals', 'cells', 'post-mortem', 'subgroup'] as const;
export const Population = z.enum(POPULATIONS);
export type Population = z.infer<typeof Population>;

export const SOURCE_KINDS = [
  'peer-reviewed-review', 'trial-report', 'study', 'expert-commentary', 'conference-report',
  'newsletter', 'forum-article', 'health-news', 'regulatory',
] as const;

const cslName = z.object({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() }).strict();
const cslDate = z.object({
  'date-parts': z.array(z.array(z.union([z.number().int(), z.string()])).min(1).max(3)).min(1).max(2).optional(),
  literal: z.string().optional(),
}).strict();

/** A CSL-JSON item (the subset we use) plus claimlint's own fields. */
export const Source = z.object({
  id,
  type: z.enum(['article-journal', 'article-magazine', 'article-newspaper', 'post-weblog', 'post', 'webpage', 'paper-conference', 'speech', 'report', 'book', 'chapter', 'dataset', 'legislation']),
  title: z.string().min(1),
  author: z.array(cslName).optional(),
  editor: z.array(cslName).optional(),
  issued: cslDate.optional(),
  'container-title': z.string().optional(),
  /** Abbreviated journal title ("Am J Psychiatry"), used in short references. */
  'container-title-short': z.string().optional(),
  publisher: z.string().optional(),
  'event-title': z.string().optional(),
  volume: z.union([z.string(), z.number()]).optional(),
  issue: z.union([z.string(), z.number()]).optional(),
  page: z.string().optional(),
  DOI: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1234/abc (no https://doi.org/ prefix)').optional(),
  URL: z.string().url().optional(),
  ISSN: z.string().optional(),
  note: z.string().optional(),
  /** claimlint: what kind of document this is; drives how much weight it can carry. */
  kind: z.enum(SOURCE_KINDS),
  /** claimlint: the seed document (file name prefix, e.g. "002") this record was curated from. */
  seed: z.string().optional(),
  /** claimlint: for a report about another study, the id of the underlying study's record. */
  reports: z.array(id).optional(),
}).strict().describe('A source: a CSL-JSON item (id is the citation key) plus claimlint\'s kind, seed and reports.');
export type Source = z.infer<typeof Source>;

/** A concept and the words that name it. Variants are matched case- and accent-insensitively,
 *  with hyphens/spaces and Greek letters normalised and regular English inflection allowed. */
export const Concept = z.object({
  id,
  label: z.string().min(1),
  /** Surface forms: words or phrases. */
  variants: z.array(z.string().min(1)).min(1),
  /** Extra JavaScript regular expressions (matched on the normalised, lower-cased text) for open classes, e.g. "\\b\\w+azepam\\b".
   *  The loader checks that each compiles with the `u` flag and does not match the empty string. */
  patterns: z.array(z.string()).optional(),
  /** Broader concepts this one implies (lorazepam → benzodiazepine). */
  broader: z.array(id).optional(),
  /** Case-sensitive variants (short abbreviations such as "TRD" that collide with words when lower-cased). */
  caseSensitive: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
}).strict().describe('A concept and the words that name it (variants, patterns, case-sensitive abbreviations).');
export type Concept = z.infer<typeof Concept>;

export const SourceRef = z.object({ id, locator: z.string().optional() }).strict();
export type SourceRef = z.infer<typeof SourceRef>;

export const FIGURE_KINDS = ['dose', 'count', 'ratio', 'percent', 'year', 'duration', 'fraction', 'age'] as const;

/** A number the evidence states. A sentence that matches the claim and quotes a number of the
 *  same kind near one of the figure's cues must agree with it. */
export const Figure = z.object({
  id,
  /** What is counted or measured, in words ("responders on ketamine + placebo"). */
  quantity: z.string().min(1),
  kind: z.enum(FIGURE_KINDS),
  /** Exact value, or a range via min/max; for ratio figures ("7 of 12") value is the numerator and `of` the
   *  denominator; for fraction figures ("one-third") value is the proportion between 0 and 1 (0.333). */
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  of: z.number().optional(),
  unit: z.string().optional(),
  /** "exact" (default), "upper" (the source says "up to"), "lower" ("at least"), "approx" (±10%). */
  bound: z.enum(['exact', 'upper', 'lower', 'approx']).optional(),
  /** Words near the number that tie it to this figure (e.g. "responded", "responders"). */
  cues: z.array(z.string()).optional(),
  /** How to write the figure correctly in a fix ("0.5 mg/kg"). */
  display: z.string().min(1),
  source: SourceRef.optional(),
}).strict()
  .refine((f) => f.value !== undefined || f.min !== undefined || f.max !== undefined, { message: 'a figure needs value, or min and/or max' })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, { message: 'a figure\'s min must not be greater than its max' });
export type Figure = z.infer<typeof Figure>;

/** A statement the evidence refutes. It is recognised when all `concepts` occur in the
 *  sentence (or its topic) with the given polarity. */
export const Contradiction = z.object({
  id,
  statement: z.string().min(1),
  /** Concepts that must all be present. */
  concepts: z.array(id).min(1),
  /** Concepts of which at least one must be present (optional). */
  anyOf: z.array(id).optional(),
  /** "affirmed": none of the concepts is negated; "negated": the `negatedConcept` is negated. */
  polarity: z.enum(['affirmed', 'negated']).default('affirmed'),
  negatedConcept: id.optional(),
  /** Concepts whose presence means the sentence is not this contradiction (e.g. "animals"). */
  unless: z.array(id).optional(),
  /** Optional: concepts (of `concepts`/`anyOf`) that may be supplied by the paragraph/section topic; the others
   *  must occur in the sentence itself. Without it, the engine decides (typically: only the main entity is topical). */
  topical: z.array(id).optional(),
  /** Why the evidence refutes it, for the message. */
  explanation: z.string().min(1),
  /** Replacement wording for a fix, if any. */
  correction: z.string().optional(),
}).strict().refine((c) => c.polarity !== 'negated' || c.negatedConcept !== undefined, { message: 'a negated contradiction names its negatedConcept' });
export type Contradiction = z.infer<typeof Contradiction>;

export const Claim = z.object({
  id,
  statement: z.string().min(1),
  /** Concepts that must all be present in the sentence or its topic for a match. */
  concepts: z.array(id).min(1),
  /** Concepts of which at least one must be present (the relation words: "mediates", "blocks"…). */
  anyOf: z.array(id).optional(),
  /** Concepts that may be supplied by the paragraph/section topic instead of the sentence itself. */
  topical: z.array(id).optional(),
  /** Concepts whose presence vetoes the match (e.g. a different drug the claim is not about). */
  unless: z.array(id).optional(),
  relation: z.string().min(1),
  grade: Grade,
  rationale: z.string().min(1),
  population: Population,
  /** The strongest wording the evidence supports, e.g. "a small trial suggests". */
  supportedWording: z.string().min(1),
  sources: z.array(SourceRef).min(1),
  figures: z.array(Figure).optional(),
  contradictions: z.array(Contradiction).optional(),
  /** Cautions related to this claim (for hover cards and the evidence view). When a caution is *required* is
   *  decided by the caution's own `requiredWhen`, not by a claim match, so linking never causes a false alarm. */
  cautions: z.array(id).optional(),
}).strict().describe('A finding with its evidence grade, supported wording, sources, figures and refuted statements.');
export type Claim = z.infer<typeof Claim>;

export const Caution = z.object({
  id,
  /** Optional short name for messages ("benzodiazepine interaction"). */
  label: z.string().min(1).optional(),
  /** Optional: why an editor should insist on this caution (one line, for the message/hover). */
  rationale: z.string().min(1).optional(),
  /** The sentence to insert (paraphrased), without its citation; the citation is added in the configured style. */
  text: z.string().min(1),
  /** The caution is required when a sentence names all of `concepts` (those listed in `topical` may instead be
   *  named anywhere in scope) and one of `anyOf`; `unless` concepts in the sentence exempt it… */
  requiredWhen: z.array(z.object({
    concepts: z.array(id).min(1),
    anyOf: z.array(id).optional(),
    unless: z.array(id).optional(),
    /** Optional: which of `concepts`/`anyOf` may come from the scope's topic (heading, earlier sentences) rather than
     *  the triggering sentence; the engine anchors the finding on a sentence that has the others itself. */
    topical: z.array(id).optional(),
  }).strict()).min(1),
  /** …and it is satisfied by a sentence in scope that has all of these concepts (and one of anyOf). */
  satisfiedBy: z.object({ concepts: z.array(id).min(1), anyOf: z.array(id).optional() }).strict(),
  scope: z.enum(['paragraph', 'section', 'document']),
  sources: z.array(SourceRef).min(1),
}).strict().describe('A required caveat: when it is required, what satisfies it, its scope and text.');
export type Caution = z.infer<typeof Caution>;

/** One pack file may carry any of the four record kinds. */
export const PackFile = z.object({
  $schema: z.string().optional(),
  pack: z.object({ name: z.string(), version: z.string().optional(), description: z.string().optional() }).strict().optional(),
  sources: z.array(Source).optional(),
  concepts: z.array(Concept).optional(),
  claims: z.array(Claim).optional(),
  cautions: z.array(Caution).optional(),
}).strict();
export type PackFile = z.infer<typeof PackFile>;

/** Where a record came from, for errors and go-to-definition. */
export interface Origin { file: string; line: number; column: number }

/** The merged, validated database the engine works on. */
/** A sparse one-vs-rest logistic model, packed (engine/recognition/linear.ts reads it). */
export interface PackedModel {
  classes: string[];
  bias: number[];
  /** Feature names, '\n'-separated, in the order of `offsets`. */
  features: string;
  /** base64 of a Uint32Array: where each feature's entries start (one more than features). */
  offsets: string;
  /** base64 of a Uint8Array: the class of each entry. */
  classIndex: string;
  /** base64 of an Int16Array: each entry's weight times `scale`. */
  weight: string;
  scale: number;
}

/** The learned claim recogniser's weights (scripts/train-recognizer.mjs), trained on the wording
 *  bank of the embedded database's claims. */
export interface RecognizerWeights {
  version: 1;
  trainedOn: { writers: string[]; entries: number };
  evaluation: unknown;
  topic: PackedModel;
  orientation: PackedModel;
  modality: PackedModel;
  /** The stacked candidate model (recognition/match.ts): one class, 'match'. */
  match: PackedModel;
  /** Stems that say how sure a sentence is, not what it is about (features.ts, topicFeatures). */
  sureStems: string[];
}

export interface Database {
  /** The learned recogniser for this database's claims, when it has one. */
  recognizer?: RecognizerWeights;
  sources: Map<string, Source>;
  concepts: Map<string, Concept>;
  claims: Map<string, Claim>;
  cautions: Map<string, Caution>;
  /** Record id → where it is defined (0-based line/column). Keys: "source:ID", "concept:ID", "claim:ID", "caution:ID". */
  origins: Map<string, Origin>;
}
