// The claim-pack format. One zod schema is the single source of truth: the loader validates
// packs with it and the build emits claims/schema.json from it for editor validation.
import { z } from 'zod';

// Spelled out in both cases (no `i` flag): the JSON Schema emitted from this carries no flags.
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, dot, dash or underscore');
/** A reference to a record: its id in this pack (or an imported one), or `namespace/id`
 *  (`claimlint/ketamine` for the embedded database, `PACK/id` for another pack). */
const ref = z.string().regex(/^(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/, 'references are an id, or namespace/id (claimlint/ketamine)')
  .describe('An id of this pack (or imported in pack.imports), or namespace/id: claimlint/ID for the embedded database, PACK/ID for another pack.');
const refs = (what: string) => z.array(ref).describe(what);

/** Evidence grades, strongest first. The README's "Evidence grading" section defines each. */
export const GRADES = ['established', 'supported', 'preliminary', 'preclinical-only', 'contested'] as const;
export const Grade = z.enum(GRADES).describe('Evidence grade, strongest first: established, supported, preliminary, preclinical-only, contested.');
export type Grade = z.infer<typeof Grade>;

export const POPULATIONS = ['humans', 'animals', 'cells', 'post-mortem', 'subgroup'] as const;
export const Population = z.enum(POPULATIONS).describe('Where the evidence comes from: humans, animals, cells, post-mortem tissue, or a small subgroup of patients.');
export type Population = z.infer<typeof Population>;

export const SOURCE_KINDS = [
  'peer-reviewed-review', 'trial-report', 'study', 'expert-commentary', 'conference-report',
  'newsletter', 'forum-article', 'health-news', 'regulatory',
] as const;

const cslName = z.object({
  family: z.string().optional().describe('Family name.'),
  given: z.string().optional().describe('Given names.'),
  literal: z.string().optional().describe('A name written as is (an organisation).'),
}).strict().describe('A person or organisation (CSL-JSON name).');
const cslDate = z.object({
  'date-parts': z.array(z.array(z.union([z.number().int(), z.string()])).min(1).max(3)).min(1).max(2).optional()
    .describe('[[year, month?, day?]], or two such parts for a range.'),
  literal: z.string().optional().describe('A date written as is ("Spring 2021").'),
}).strict().describe('A date (CSL-JSON).');

/** A CSL-JSON item (the subset we use) plus claimlint's own fields. */
export const Source = z.object({
  id: id.describe('The citation key documents cite ([@id], [^id]). Citation keys are global: not namespaced by pack.'),
  type: z.enum(['article-journal', 'article-magazine', 'article-newspaper', 'post-weblog', 'post', 'webpage', 'paper-conference', 'speech', 'report', 'book', 'chapter', 'dataset', 'legislation'])
    .describe('CSL item type.'),
  title: z.string().min(1).describe('Title of the item.'),
  author: z.array(cslName).optional().describe('Authors.'),
  editor: z.array(cslName).optional().describe('Editors.'),
  issued: cslDate.optional().describe('Publication date.'),
  'container-title': z.string().optional().describe('Journal, magazine, site or book the item appeared in.'),
  /** Abbreviated journal title ("Am J Psychiatry"), used in short references. */
  'container-title-short': z.string().optional().describe('Abbreviated container title ("Am J Psychiatry"), used in short references.'),
  publisher: z.string().optional().describe('Publisher.'),
  'event-title': z.string().optional().describe('Conference or event (for talks and conference reports).'),
  volume: z.union([z.string(), z.number()]).optional().describe('Volume.'),
  issue: z.union([z.string(), z.number()]).optional().describe('Issue.'),
  page: z.string().optional().describe('Pages ("101-109").'),
  DOI: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI looks like 10.1234/abc (no https://doi.org/ prefix)').optional().describe('Bare DOI, 10.1234/abc (no https://doi.org/ prefix).'),
  URL: z.string().url().optional().describe('A full URL.'),
  ISSN: z.string().optional().describe('ISSN of the container.'),
  note: z.string().optional().describe('A curator\'s remark; not exported.'),
  /** claimlint: what kind of document this is; drives how much weight it can carry. */
  kind: z.enum(SOURCE_KINDS).describe('claimlint: what kind of document this is, which decides how much weight it can carry.'),
  /** claimlint: the seed document (file name prefix, e.g. "002") this record was curated from. */
  seed: z.string().optional().describe('claimlint: the seed document this record was curated from.'),
  /** claimlint: for a report about another study, the id of the underlying study's record. */
  reports: z.array(id).optional().describe('claimlint: for a report about other studies, their source ids.'),
}).strict().describe('A source: a CSL-JSON item (id is the citation key) plus claimlint\'s kind, seed and reports.');
export type Source = z.infer<typeof Source>;

/** A concept and the words that name it. Variants are matched case- and accent-insensitively,
 *  with hyphens/spaces and Greek letters normalised and regular English inflection allowed. */
export const Concept = z.object({
  id: id.describe('The concept\'s id, local to its pack (others refer to it as PACK/id).'),
  label: z.string().min(1).describe('A short name for messages.'),
  /** Surface forms: words or phrases. */
  variants: z.array(z.string().min(1)).min(1).describe('Words or phrases that name it, in base form; matched ignoring case and accents, with regular inflections of the first and last word.'),
  /** Extra JavaScript regular expressions (matched on the normalised, lower-cased text) for open classes, e.g. "\\b\\w+azepam\\b".
   *  The loader checks that each compiles with the `u` flag and does not match the empty string. */
  patterns: z.array(z.string()).optional().describe('JavaScript regular expressions run on the lower-cased text with the u flag, for open classes ("\\b[a-z]+azepam\\b"); patterns that could make matching slow are rejected.'),
  /** Broader concepts this one implies (lorazepam → benzodiazepine). */
  broader: refs('Broader concepts this one implies (lorazepam → benzodiazepine).').optional(),
  /** Case-sensitive variants (short abbreviations such as "TRD" that collide with words when lower-cased). */
  caseSensitive: z.array(z.string().min(1)).optional().describe('Abbreviations matched with their case ("TRD", "ECT"); a trailing s is allowed.'),
  description: z.string().optional().describe('What the concept covers (for curators).'),
}).strict().describe('A concept and the words that name it (variants, patterns, case-sensitive abbreviations).');
export type Concept = z.infer<typeof Concept>;

export const SourceRef = z.object({
  id: id.describe('A source id (citation key).'),
  locator: z.string().optional().describe('Where in the source ("p. 4", "Table 2", "abstract").'),
}).strict().describe('A source, and where in it the evidence is.');
export type SourceRef = z.infer<typeof SourceRef>;

export const FIGURE_KINDS = ['dose', 'count', 'ratio', 'percent', 'year', 'duration', 'fraction', 'age'] as const;

/** A number the evidence states. A sentence that matches the claim and quotes a number of the
 *  same kind near one of the figure's cues must agree with it. */
export const Figure = z.object({
  id: id.describe('The figure\'s id, unique within its claim.'),
  /** What is counted or measured, in words ("responders on ketamine + placebo"). */
  quantity: z.string().min(1).describe('What is counted or measured, in words ("responders on ketamine + placebo").'),
  kind: z.enum(FIGURE_KINDS).describe('What sort of number it is.'),
  /** Exact value, or a range via min/max; for ratio figures ("7 of 12") value is the numerator and `of` the
   *  denominator; for fraction figures ("one-third") value is the proportion between 0 and 1 (0.333). */
  value: z.number().optional().describe('The exact value; for a ratio ("7 of 12") the numerator; for a fraction the proportion between 0 and 1.'),
  min: z.number().optional().describe('Lower end of a range.'),
  max: z.number().optional().describe('Upper end of a range.'),
  of: z.number().optional().describe('For a ratio: the denominator.'),
  unit: z.string().optional().describe('Unit ("mg/kg", "minutes", "days").'),
  /** "exact" (default), "upper" (the source says "up to"), "lower" ("at least"), "approx" (±10%). */
  bound: z.enum(['exact', 'upper', 'lower', 'approx']).optional().describe('"exact" (default), "upper" (the source says "up to"), "lower" ("at least"), "approx" (±10%).'),
  /** Words near the number that tie it to this figure (e.g. "responded", "responders"). */
  cues: z.array(z.string()).optional().describe('Words near the number that tie it to this figure ("responded", "responders").'),
  /** How to write the figure correctly in a fix ("0.5 mg/kg"). */
  display: z.string().min(1).describe('How a fix writes the figure ("0.5 mg/kg").'),
  source: SourceRef.optional().describe('Where the figure is stated; one of the claim\'s sources.'),
  /** Concepts whose presence in the sentence means its numbers are about something else (a course of
   *  infusions, against how long one dose lasts). */
  unless: refs('Concepts whose presence in the sentence means its numbers are about something else ("treatment-course" against how long one dose lasts).').optional(),
}).strict()
  .refine((f) => f.value !== undefined || f.min !== undefined || f.max !== undefined, { message: 'a figure needs value, or min and/or max' })
  .refine((f) => f.min === undefined || f.max === undefined || f.min <= f.max, { message: 'a figure\'s min must not be greater than its max' })
  .describe('A number the evidence states: a sentence that matches the claim and quotes a number of the same kind near a cue must agree with it.');
export type Figure = z.infer<typeof Figure>;

/** A statement the evidence refutes. It is recognised when all `concepts` occur in the
 *  sentence (or its topic) with the given polarity. */
export const Contradiction = z.object({
  id: id.describe('The contradiction\'s id.'),
  statement: z.string().min(1).describe('The refuted statement, in words.'),
  /** Concepts that must all be present. */
  concepts: refs('Concepts that must all be present.').min(1),
  /** Concepts of which at least one must be present (optional). */
  anyOf: refs('Concepts of which at least one must be present.').optional(),
  /** "affirmed": none of the concepts is negated; "negated": the `negatedConcept` is negated. */
  polarity: z.enum(['affirmed', 'negated']).default('affirmed').describe('"affirmed" (default): asserted without negation; "negated": negatedConcept is negated ("there is no interaction…").'),
  negatedConcept: ref.optional().describe('For a negated contradiction: the concept that is negated; one of concepts or anyOf.'),
  /** Concepts whose presence means the sentence is not this contradiction (e.g. "animals"). */
  unless: refs('Concepts whose presence means the sentence is not this contradiction ("animals").').optional(),
  /** Optional: concepts (of `concepts`/`anyOf`) that may be supplied by the paragraph/section topic; the others
   *  must occur in the sentence itself. Without it, the engine decides (typically: only the main entity is topical). */
  topical: refs('Which of concepts/anyOf may come from the paragraph or section topic; the others must be in the sentence.').optional(),
  /** Why the evidence refutes it, for the message. */
  explanation: z.string().min(1).describe('Why the evidence refutes it (for the message).'),
  /** Replacement wording for a fix, if any. */
  correction: z.string().optional().describe('Replacement wording offered as a fix.'),
}).strict().refine((c) => c.polarity !== 'negated' || c.negatedConcept !== undefined, { message: 'a negated contradiction names its negatedConcept' })
  .describe('A statement the evidence refutes, recognised when all its concepts occur with the given polarity.');
export type Contradiction = z.infer<typeof Contradiction>;

/** A sentence that must (invalid) or must not (valid) be reported about the claim; `claimlint db test` runs them. */
const InvalidExample = z.union([
  z.string().min(1),
  z.object({
    text: z.string().min(1).describe('The Markdown text.'),
    code: z.enum(['overstated-certainty', 'extrapolated-evidence', 'contradicted-claim', 'figure-mismatch', 'uncited-claim']).optional()
      .describe('The finding it must get (default: any finding about the claim).'),
  }).strict(),
]).describe('A text that must get a finding about this claim: the text, or { text, code }.');

export const Examples = z.object({
  valid: z.array(z.string().min(1)).optional().describe('Texts that must get no finding about this claim (uncited-claim aside).'),
  invalid: z.array(InvalidExample).optional().describe('Texts that must get a finding about this claim (of the given code).'),
}).strict().describe('Example texts for `claimlint db test`: the claim must be reported on each invalid one and stay quiet on each valid one.');
export type Examples = z.infer<typeof Examples>;

export const Claim = z.object({
  id: id.describe('The claim\'s id, local to its pack (shown in findings).'),
  statement: z.string().min(1).describe('What the evidence says, paraphrased.'),
  /** Concepts that must all be present in the sentence or its topic for a match. */
  concepts: refs('Concepts that must all be present in the sentence (or, for those in topical, its topic).').min(1),
  /** Concepts of which at least one must be present (the relation words: "mediates", "blocks"…). */
  anyOf: refs('Concepts of which at least one must be in the sentence itself: typically the relation words ("mediates", "blocks").').optional(),
  /** Concepts that may be supplied by the paragraph/section topic instead of the sentence itself. */
  topical: refs('Which concepts may come from the paragraph, section heading or document topic (usually the drug).').optional(),
  /** Concepts whose presence vetoes the match (e.g. a different drug the claim is not about). */
  unless: refs('Concepts whose presence in the sentence vetoes the match ("animals" for a human claim).').optional(),
  relation: z.string().min(1).describe('A short phrase naming the claim in messages ("naltrexone leaves dissociation unchanged").'),
  grade: Grade,
  rationale: z.string().min(1).describe('One line: design, size, status of the evidence.'),
  population: Population,
  /** The strongest wording the evidence supports, e.g. "a small trial suggests". */
  supportedWording: z.string().min(1).describe('The strongest wording the evidence supports ("a small trial suggests").'),
  sources: z.array(SourceRef).min(1).describe('The evidence: at least one source, with locators.'),
  figures: z.array(Figure).optional().describe('Numbers the evidence states.'),
  contradictions: z.array(Contradiction).optional().describe('Statements the evidence refutes.'),
  /** Cautions related to this claim (for hover cards and the evidence view). When a caution is *required* is
   *  decided by the caution's own `requiredWhen`, not by a claim match, so linking never causes a false alarm. */
  cautions: refs('Related cautions (shown with the claim); when a caution is required is decided by its own requiredWhen.').optional(),
  examples: Examples.optional(),
}).strict().describe('A finding with its evidence grade, supported wording, sources, figures and refuted statements.');
export type Claim = z.infer<typeof Claim>;

export const Caution = z.object({
  id: id.describe('The caution\'s id, local to its pack.'),
  /** Optional short name for messages ("benzodiazepine interaction"). */
  label: z.string().min(1).optional().describe('A short name for messages ("benzodiazepine interaction").'),
  /** Optional: why an editor should insist on this caution (one line, for the message/hover). */
  rationale: z.string().min(1).optional().describe('Why an editor should insist on it (one line).'),
  /** The sentence to insert (paraphrased), without its citation; the citation is added in the configured style. */
  text: z.string().min(1).describe('The sentence the fix inserts, without its citation (added in the configured style).'),
  /** The caution is required when a sentence names all of `concepts` (those listed in `topical` may instead be
   *  named anywhere in scope) and one of `anyOf`; `unless` concepts in the sentence exempt it… */
  requiredWhen: z.array(z.object({
    concepts: refs('Concepts a sentence must name (those in topical may be named anywhere in scope).').min(1),
    anyOf: refs('Concepts of which the sentence must name one.').optional(),
    unless: refs('Concepts that exempt the sentence.').optional(),
    /** Optional: which of `concepts`/`anyOf` may come from the scope's topic (heading, earlier sentences) rather than
     *  the triggering sentence; the engine anchors the finding on a sentence that has the others itself. */
    topical: refs('Which of concepts/anyOf may come from the scope\'s topic rather than the sentence.').optional(),
  }).strict().describe('One situation that makes the caution necessary.')).min(1).describe('When the caution is required: any one of these.'),
  /** …and it is satisfied by a sentence in scope that has all of these concepts (and one of anyOf). */
  satisfiedBy: z.object({
    concepts: refs('Concepts a sentence in scope must all name.').min(1),
    anyOf: refs('Concepts of which that sentence must name one.').optional(),
  }).strict().describe('What satisfies it: a sentence in scope naming these concepts.'),
  scope: z.enum(['paragraph', 'section', 'document']).describe('Where the caution must appear.'),
  sources: z.array(SourceRef).min(1).describe('The evidence for the caution.'),
}).strict().describe('A required caveat: when it is required, what satisfies it, its scope and text.');
export type Caution = z.infer<typeof Caution>;

/** One pack file may carry any of the four record kinds. */
export const PackFile = z.object({
  $schema: z.string().optional().describe('Optional JSON Schema reference, ignored by claimlint.'),
  pack: z.object({
    name: id.describe('The pack\'s name and namespace: its records are PACK/id to other packs.'),
    version: z.string().optional().describe('The pack\'s version.'),
    description: z.string().optional().describe('What the pack covers.'),
    imports: z.array(ref).optional().describe('Records of other namespaces this pack uses by their bare id: ["claimlint/ketamine", "other-pack/x"].'),
  }).strict().optional().describe('Metadata; its name is the pack\'s namespace (default: the file or folder name).'),
  sources: z.array(Source).optional().describe('Bibliography records (CSL-JSON items).'),
  concepts: z.array(Concept).optional().describe('The words that name ideas.'),
  claims: z.array(Claim).optional().describe('Findings with their evidence grade.'),
  cautions: z.array(Caution).optional().describe('Caveats a document must contain.'),
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
