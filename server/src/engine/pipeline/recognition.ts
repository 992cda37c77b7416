// Claim recognition: which claims a sentence asserts, from the concepts it and its topic name
// (the concept matcher) and the learned recogniser (recognition/), weighed by the stacked match
// model. RuleContext asks these once per sentence and keeps the answers.
import type { Claim } from '../../db/schema.js';
import type { ClaimHit, RuleContext, SentenceRef } from '../context.js';
import { recognise, type Recognition } from '../recognition/recognizer.js';
import { opensWithMarks } from '../sentences.js';
import { analyzeSentence } from '../analyzer/index.js';
import type { SentenceAnalysis } from '../analyzer/analysis-types.js';

/** Where a concept was found, nearest first. */
export enum Level { Sentence = 0, Paragraph = 1, Heading = 2, Document = 3, None = 9 }

/** Match probability (recognition/match.ts) from which a candidate counts as a claim the sentence makes. */
export const MATCH_MIN = 0.5;
/** …for a claim the concepts also found. */
export const CONCEPT_MATCH_MIN = 0.3;

/** A subject named only as a point of comparison ("similar to ketamine"). */
const COMPARED = /\b(?:similar to|like|unlike|as with|than|compared (?:with|to))\s+(?:(?:any|all|the|most)\s+)?(?:other\s+)?(?:[\w-]+\s*(?:\/|,|\bor\b|\band\b)\s*)?$/i;
/** "It is reasonable to expect…", "it's worth knowing…": an "it" that refers to nothing. */
const EXPLETIVE = /^\W*it(?:['\u2019]s|\s+(?:is|was|seems|seemed|remains|may be|might be|can be|could be|would be|will be))\s+(?:(?:not|still|also|now|very|quite|equally|especially|often|usually)\s+)*(?:reasonable|likely|unlikely|clear|unclear|important|possible|impossible|known|unknown|true|worth|easy|hard|difficult|common|uncommon|rare|normal|essential|necessary|crucial|critical|vital|key|fair|safe|wise|best|better|helpful|useful|tempting|interesting|notable|striking|surprising|fine|okay|ok|standard|typical|usual|advisable|recommended|good|bad)\b/i;
/** A sentence opening that refers back to what the paragraph is about. */
const ANAPHOR = /^(?:\W*)(?:it|its|this|these|they|their|that|the (?:drug|medication|medicine|treatment|infusion|spray|therapy|compound))\b/i;
/** The same reference inside the sentence, as the subject of a clause ("the science is settled that it
 *  kicks in", "proven that this stuff works"), or the treatment's effect named as known ("what makes
 *  the effect stick", "the lift fades"). */
const CLAUSE_ANAPHOR = /(?:[,;:\u2014]\s*|\b(?:that|and|but|so|because|since|how|why|until|once)\s+)(?:it|this stuff|that stuff|the stuff|this drug|this medicine|this medication|this treatment|the (?:drug|medication|medicine|treatment|infusions?|spray|therapy|compound))\s+(?!(?:is|was|'s|\u2019s)\s+(?:not\s+)?(?:reasonable|likely|unlikely|clear|unclear|important|possible|known|unknown|true|worth|hard|easy|fair|safe|best|better)\b)\w|\b(?:the|its|that|this) (?:antidepressant )?(?:effect|benefit|improvement|lift|boost|glow|relief|response)s?\b/i;

/**
 * Claims whose subject the sentence's section or paragraph supplies entirely ("The study planned
 * to enrol 40 adults" under "## The naltrexone trial"). Used only for figures, where a cue word
 * next to the number still has to tie the number to one of the claim's figures.
 */
export function topicClaims(ctx: RuleContext, ref: SentenceRef): ClaimHit[] {
  const hits: ClaimHit[] = [];
  for (const claim of topicalFigureClaims(ctx.db.figureClaims)) {
    const fromTopic = ctx.meets(ref, claim, claim.topical, Level.Heading, false);
    if (!fromTopic || fromTopic.length < claim.concepts.length) continue;
    hits.push({ claim, score: 0.5, specificity: claim.concepts.length, fromTopic });
  }
  return hits;
}

/** The figure claims whose concepts are all topical: only those can be supplied entirely by the topic. */
function topicalFigureClaims(claims: readonly Claim[]): readonly Claim[] {
  let out = topical.get(claims);
  if (!out) topical.set(claims, (out = claims.filter((c) => c.concepts.every((x) => c.topical?.includes(x)))));
  return out;
}
const topical = new WeakMap<readonly Claim[], readonly Claim[]>();

/** Claims the sentence asserts, best first: the concept matcher's candidates and the learned
 *  recogniser's, weighed by the stacked match model (recognition/match.ts). Claims the recogniser
 *  was not trained on (user packs) keep what the concept matcher says. */
export function sentenceClaims(ctx: RuleContext, ref: SentenceRef, maxLevel: Level): ClaimHit[] {
  const all = conceptClaims(ctx, ref, maxLevel);
  // A definition of another term ("BDNF is a protein that promotes the growth of neurons") states
  // what the term is, not what the treatment does: only claims whose subject it names itself.
  const defines = DEFINES.test(ref.sentence.text);
  const byConcepts = defines ? all.filter((h) => namesOwnSubject(ref, h.claim)) : all;
  const models = ctx.db.recognizer;
  const r = models ? ctx.recognition(ref) : null;
  if (!models || !r) return byConcepts;
  const hits: ClaimHit[] = [];
  let words = -1;
  const known = models.knownClasses;
  // The candidates: the concept matcher's (one per claim), then the model's top topics that it
  // did not find (two short lists, not a map: this runs for every sentence that names a concept).
  const fromModel: ClaimHit[] = [];
  for (let k = 0; k < r.topics.length && k < 3; k++) {
    const t = r.topics[k]!;
    const claim = ctx.db.db.claims.get(t.cls);
    // A claim the concepts did not find must be about a subject the sentence, its paragraph or
    // its headings name; a confident model may also take it from the document's topic (slides
    // and memoirs rarely repeat "ketamine").
    if (!claim || hasClaim(byConcepts, claim.id) || hasClaim(fromModel, claim.id) || !aboutSubject(ctx, ref, claim, t.p >= 0.6 ? Level.Document : Level.Heading)) continue;
    if (defines && !namesOwnSubject(ref, claim)) continue;
    fromModel.push({ claim, score: t.p, specificity: 0, fromTopic: [] });
  }
  for (let c = 0; c < byConcepts.length + fromModel.length; c++) {
    const h = c < byConcepts.length ? byConcepts[c]! : fromModel[c - byConcepts.length]!;
    if (!known.has(h.claim.id)) { hits.push(h); continue; }
    const rank = c < byConcepts.length ? c : -1;
    const evidence = rank >= 0 ? { rank, score: h.score, specificity: h.specificity, fromTopic: h.fromTopic.length, count: byConcepts.length } : undefined;
    if (words < 0) words = wordCount(ref.sentence.text);
    const p = models.matchScorer.probability(h.claim.id, r, evidence, words);
    if (p < (rank >= 0 ? CONCEPT_MATCH_MIN : MATCH_MIN)) continue;
    hits.push({ claim: h.claim, score: p, specificity: h.specificity, fromTopic: h.fromTopic, learned: { p, concepts: rank >= 0 } });
  }
  hits.sort((a, b) => b.score - a.score);
  return hits;
}

function hasClaim(hits: readonly ClaimHit[], id: string): boolean {
  for (const h of hits) if (h.claim.id === id) return true;
  return false;
}

/**
 * Might a sentence's claims at `Level.Document` (sentenceClaims, conceptClaims) or its topic claims
 * include one that states figures? Never false when they do: it asks what sentenceClaims asks of
 * its candidates (the concept matcher's `meets`, the recogniser's top topics and their subject)
 * of the figure claims only, without the match model. figure-mismatch asks it before extracting
 * a sentence's numbers, which costs more and matters only next to such a claim.
 */
export function figureClaimInReach(ctx: RuleContext, ref: SentenceRef): boolean {
  for (const claim of ctx.db.figureClaimsByConcept.candidates(ref.sentence.concepts)) {
    if (ctx.meets(ref, claim, claim.topical, Level.Document)) return true;
  }
  const r = ctx.db.recognizer ? ctx.recognition(ref) : null;
  if (r) {
    for (let k = 0; k < r.topics.length && k < 3; k++) {
      const t = r.topics[k]!;
      const claim = ctx.db.db.claims.get(t.cls);
      if (claim?.figures?.length && aboutSubject(ctx, ref, claim, t.p >= 0.6 ? Level.Document : Level.Heading)) return true;
    }
  }
  return ctx.topicClaims(ref).length > 0;
}

/** `text.split(/\s+/).length`, without the array: one more than the runs of whitespace. */
export function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text, i)) {
      n++;
      while (i + 1 < text.length && isSpace(text, i + 1)) i++;
    }
  }
  return n;
}
const SPACE = /\s/;
const isSpace = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : SPACE.test(text[i]!);
};

/** The concept matcher alone: claims whose concepts the sentence (or its topic) names. */
export function conceptClaims(ctx: RuleContext, ref: SentenceRef, maxLevel: Level): ClaimHit[] {
  const hits: ClaimHit[] = [];
  for (const claim of ctx.db.claimsByConcept.candidates(ref.sentence.concepts)) {
    const fromTopic = ctx.meets(ref, claim, claim.topical, maxLevel);
    if (!fromTopic) continue;
    const n = claim.concepts.length + (claim.anyOf?.length ? 1 : 0);
    const score = (n - fromTopic.length * 0.5) / n;
    hits.push({ claim, score, specificity: n - fromTopic.length * 0.25, fromTopic });
  }
  return hits.sort((a, b) => b.specificity - a.specificity || b.score - a.score);
}

/** The concepts that name what a claim is about (e.g. ketamine): its topical concepts, else its first. */
export function claimSubject(claim: Claim): string[] {
  return claim.topical?.length ? claim.topical : claim.concepts.slice(0, 1);
}

/** Is the claim's subject named in the sentence only as a point of comparison ("a glutamate burst
 *  similar to ketamine")? Then the sentence is about something else. */
export function subjectOnlyCompared(ref: SentenceRef, claim: Claim): boolean {
  return claimSubject(claim).some((c) => namedOnlyAsCompared(ref, c));
}

/** Does the sentence name `concept` only as the point of comparison, every mention of it after
 *  "than", "similar to", "unlike"… ("than other ketamine formulations", "than oral/sublingual")? */
export function namedOnlyAsCompared(ref: SentenceRef, concept: string): boolean {
  const own = ref.sentence.hits.filter((h) => h.concept === concept);
  return own.length > 0 && own.every((h) => onlyCompared(ref.sentence.text, h.start));
}

/** Is the word at `start` the point of comparison? */
function onlyCompared(text: string, start: number): boolean {
  return COMPARED.test(text.slice(Math.max(0, start - 24), start));
}

/** Does the sentence itself speak of the claim's subject: names it (not as a comparison: "a glutamate
 *  burst similar to ketamine"), or opens with a word that refers back to it ("It", "The drug")
 *  in a paragraph, or under a heading, that names it (not an expletive "It is reasonable to…")? */
export function namesSubject(ctx: RuleContext, ref: SentenceRef, claim: Claim): boolean {
  const subject = claimSubject(claim);
  const t = ref.sentence.text;
  return subject.every((c) => {
    const own = ref.sentence.hits.filter((h) => h.concept === c);
    if (own.some((h) => !onlyCompared(t, h.start))) return true;
    if (own.length > 0 || (!ANAPHOR.test(t) && !CLAUSE_ANAPHOR.test(t)) || EXPLETIVE.test(t)) return false;
    // "It blocks NMDA receptors…" under a heading that names ketamine (lecture notes, slides) refers
    // to the heading's subject as much as to the paragraph's.
    const level = ctx.level(ref, c);
    return level === Level.Paragraph || level === Level.Heading;
  });
}

/** A sentence that defines a term: "<term> (<abbreviation>) is a protein / the brain's ability / a
 *  junction …", "<term> refers to / is defined as / means …". */
const DEFINES = /^\W*(?:(?:the|a|an)\s+)?[\p{L}\d\u2010\u2011-]+(?:\s+[\p{L}\d\u2010\u2011-]+){0,4}?\s*(?:\([^)]{1,24}\)\s*)?(?:(?:is|are)\s+(?:a|an|the|one of the)\s+(?:[\p{L}'\u2019-]+\s+){0,3}?(?:protein|molecule|chemical|receptor|enzyme|hormone|neurotransmitter|messenger|factor|compound|substance|process|term|region|area|part|structure|cell|neuron|type|class|family|measure|scale|ability|capacity|junction|gap|network|pathway|technique|method)s?\b|(?:refers to|is defined as|is the name for|is a term for|means)\b)/iu;

/** Does the sentence itself name the claim's subject (not only its paragraph or topic)? */
function namesOwnSubject(ref: SentenceRef, claim: Claim): boolean {
  return claimSubject(claim).every((c) => ref.sentence.hits.some((h) => h.concept === c));
}

/** Is the sentence about the claim's subject (e.g. ketamine): named in the sentence, its paragraph
 *  or its section headings, not only somewhere in the document? */
export function aboutSubject(ctx: RuleContext, ref: SentenceRef, claim: Claim, maxLevel: Level): boolean {
  const subject = claimSubject(claim);
  return subject.every((c) => ctx.level(ref, c) <= maxLevel);
}

/** What the learned recogniser makes of the sentence (null without a recogniser for this
 *  database). Its context is what the paragraph says before it. */
export function recognizeSentence(ctx: RuleContext, ref: SentenceRef): Recognition | null {
  const models = ctx.db.recognizer;
  if (!models) return null;
  // A chat's or a thread's lead ("[12/03/25, 19:09] Tom:", "@jo_k · 9 days ago") is not what is said:
  // the models read what follows it. (A label alone, "Myth:", may frame it, and stays.)
  // (Its own analysis too: the models' scores are kept by text, and must not depend on the lead.)
  const lead = opensWithMarks(ref.sentence.text) ? ctx.leadLength(ref) : 0;
  if (lead === 0) return recognise(models, { text: ref.sentence.text, words: ref.sentence.words, concepts: ref.sentence.concepts, context: ctx.paragraphConcepts(ref) }, () => ref.sentence.analysis);
  const said = ref.sentence.text.slice(lead);
  let analysis: SentenceAnalysis | undefined;
  return recognise(models, { text: said, concepts: new Set(ref.sentence.hits.filter((h) => h.start >= lead).map((h) => h.concept)), context: ctx.paragraphConcepts(ref) }, () => (analysis ??= analyzeSentence(said)));
}
