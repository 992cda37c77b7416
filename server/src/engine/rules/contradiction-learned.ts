// contradicted-claim's learned paths: where the recogniser, not the concept lists, reads the
// sentence as contradicting a claim — a denial of a finding, an affirmed contradiction, or what a
// recorded contradiction says in words of its own. Each finding covers the sentence, with no fix.
import type { Claim } from '../../db/schema.js';
import { Level, type ClaimHit, type RuleContext, type SentenceRef } from '../context.js';
import { claimSources, lowerFirst } from '../fixes.js';
import { negativeStatement, UNKNOWN } from '../claim-statements.js';
import { aboutSubject, namedOnlyAsCompared, wordCount } from '../pipeline/recognition.js';
import { mainClauseNegation, negationText } from './negation.js';
import { clip, conditioned, GRADE_LABEL, inLaterClause, reportedNotAsserted, reportsResult } from './shared.js';
import type { Draft } from './rule.js';
import type { Recognition } from '../recognition/recognizer.js';

/**
 * The learned path, for denials: the sentence makes a claim (the concepts and the recogniser agree,
 * with high confidence), the recogniser reads it as contradicting the claim, and a negation in the
 * main clause says so ("benzodiazepines make no difference to the response", "it won't touch your
 * memory"). Affirmative contradictions ("the trip is what heals") need more: the recorded
 * contradictions' concepts, or (learnedAffirmation) both models near certain.
 */
export function learnedDenial(ctx: RuleContext, ref: SentenceRef, hits: ClaimHit[]): Draft | undefined {
  const h = hits[0];
  if (!h?.learned || h.learned.p < (h.learned.concepts ? SURE : SURE_ALONE) || ref.placed.block.kind === 'heading') return undefined;
  // The cheap tests first: this runs for every sentence that makes a claim. A claim that is itself a
  // negative ("is not well understood") turns a denial into agreement or into overstatement; neither
  // is this path's business.
  if (wordCount(ref.sentence.text) < 6 || !mainClauseNegation(ref.sentence.text) || negativeStatement(h.claim)) return undefined;
  const r = ctx.recognition(ref);
  if (!r) return undefined;
  const a = ref.sentence.analysis;
  if (a.question || a.cues.some((c) => c.kind === 'conditional' && /^(?:if|whether|unless|suppos|assum|in case|were)/i.test(c.text))) return undefined;
  if (!plainWording(r)) return undefined;
  // Someone else's words, a label, or a study's report of its own observation ("none of the patients
  // suffered memory problems") is not the writer denying the finding.
  if ((a.attributed && !a.boosted) || ref.placed.block.quoted || (reportsResult(ref.sentence.text) && !a.boosted)) return undefined;
  if (a.cues.some((c) => c.kind === 'hedge' && UNKNOWN.test(c.text))) return undefined;
  const claim = h.claim;
  const p = r.contradicts(claim.id);
  if (p < ORIENT_MIN) return undefined;
  const xs = claim.contradictions ?? [];
  // The recorded contradiction closest to the sentence, by the concepts it names (negated ones first).
  const score = (x: { concepts: string[]; anyOf?: string[]; polarity?: string }) => [...x.concepts, ...(x.anyOf ?? [])].filter((c) => ref.sentence.concepts.has(c)).length + (x.polarity === 'negated' ? 0.5 : 0);
  const x = xs.slice().sort((u, v) => score(v) - score(u))[0];
  const message = x && score(x) >= 1.5 ? contradictsMessage(x) : clip(`Denies a ${GRADE_LABEL[claim.grade]} finding: ${claim.relation}`);
  return learnedFinding(ctx, ref, h, message, { kind: 'negation', text: negationText(ref.sentence.text) });
}

export const contradictsMessage = (x: { statement: string }) => clip(`Contradicts the evidence: ${lowerFirst(x.statement.replace(/\.$/, ''))}`);

/** A finding of a learned path: the whole sentence, no fix (the sentence names no recorded correction). */
function learnedFinding(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit, message: string, cue: { kind: string; text: string }): Draft {
  const r = ctx.range(ref);
  return {
    code: 'contradicted-claim',
    message,
    start: r.start,
    end: r.end,
    claimId: hit.claim.id,
    sources: claimSources(ctx, hit.claim).map((s) => s.id),
    fixes: [],
    reason: ctx.reason(ref, hit, cue),
  };
}

/**
 * The learned path, for affirmative contradictions ("the dissociation IS the therapy"): the recogniser
 * is near certain the sentence is about a claim and asserts the opposite of it, and the sentence names
 * what one of the claim's recorded contradictions is about (beyond the claim's subject), with none of
 * its exceptions. The recorded contradiction gives the message and the correction. Needs no concept
 * match for the claim itself: its subject ("naltrexone") need not be named when the contradiction's is.
 */
export function learnedAffirmation(ctx: RuleContext, ref: SentenceRef): Draft | undefined {
  const models = ctx.db.recognizer;
  // The sentence must name a contradiction's concept: the cheap test first, before any recognition.
  const text = ref.sentence.text;
  if (!models || ref.sentence.concepts.size === 0 || ref.placed.block.kind === 'heading' || ref.placed.block.quoted || wordCount(text) < 6) return undefined;
  const r = ctx.recognition(ref);
  // Topics are scored at once; orientation and modality only when asked: ask them last.
  const sure = r?.topics.filter((t) => t.p >= AFFIRM_TOPIC_NAMED && models.knownClasses.has(t.cls) && ctx.db.db.claims.has(t.cls));
  if (!r || !sure?.length || mainClauseNegation(text)) return undefined;
  if (!statedPlainly(ref)) return undefined;
  for (const t of sure) {
    if (r.contradicts(t.cls) < AFFIRM_ORIENT) continue;
    if (!plainWording(r)) return undefined;
    const claim = ctx.db.db.claims.get(t.cls)!;
    const x = nearestContradiction(ctx, ref, claim);
    if (x === null) continue;
    // Below near-certainty about the topic, the sentence must name all but one of one recorded
    // contradiction's concepts ("It works for every single patient": everyone, from the topic ketamine).
    // (Not for evidence from animals or a subgroup: said of patients, that is extrapolated-evidence's to report.)
    if (t.p < AFFIRM_TOPIC && !(x && missingOf(ctx, ref, x) <= 1 && claim.population === 'humans')) continue;
    const hit: ClaimHit = { claim, score: t.p, specificity: 0, fromTopic: [], learned: { p: t.p, concepts: false } };
    const message = x ? contradictsMessage(x) : clip(`Contradicts ${GRADE_LABEL[claim.grade]} evidence: ${claim.relation}`);
    return learnedFinding(ctx, ref, hit, message, { kind: 'contradiction (recogniser)', text: x?.id ?? claim.id });
  }
  return undefined;
}
type Contradiction = NonNullable<Claim['contradictions']>[number];

/** The writer states the sentence as fact in their own voice: no question, condition, hedge, someone
 *  else's words, or report of one study's result (the affirmative paths). */
function statedPlainly(ref: SentenceRef, ofContent = false): boolean {
  const a = ref.sentence.analysis, text = ref.sentence.text;
  // Read for what a contradiction says (ofContent), a theory it overturns is its subject, not a hedge
  // ("the opioid result killed off the glutamate theory"), and "Told him…" or "I explained that…" is
  // the writer's own word.
  const hedged = a.hedged && (!ofContent || a.cues.some((c) => c.kind === 'hedge' && !NOUN_HEDGE.test(c.text)));
  // A condition or a reporting verb only in a later clause ("…, so I'll use the term if she explains
  // the mechanism"; "… at home once your doctor shows you how") leaves the first clause stated.
  const laterOnly = (kind: string) => a.cues.some((c) => c.kind === kind) && a.cues.every((c) => c.kind !== kind || inLaterClause(text, c.start));
  const othersWords = a.attributed && !a.boosted && !(ofContent && OWN_REPORT.test(text)) && !(ofContent && laterOnly('attribution'));
  const condition = conditioned(a, text) && !(ofContent && laterOnly('conditional'));
  return !a.question && !condition && !hedged && !othersWords && !reportsResult(text);
}
const HARD_TO_KNOW = /\b(?:(?:difficult|hard|impossible|tricky|too early)\s+to\s+(?:understand|know|say|tell|explain|determine|pin\s+down|work\s+out)|unclear|not\s+(?:yet\s+)?clear)\b/i;
const DENIES_WITHIN = /\b(?:no|not|never|without|none)\b|n't\b/i;
const NOUN_HEDGE = /^(?:theory|theories|hypothesis|hypotheses)$/i;
const OWN_REPORT = /^\W*(?:(?:I|we)\s+)?(?:told|explained|assured|reassured|advised|reminded)\s+(?:him|her|them|the\s+\w+|caller|patient|family|that)\b/i;
const SCARCE_EVIDENCE = /\b(?:little|few|scant|scarce|sparse|limited|thin|no good|lack of|lacks|lacking|absence of)\s+(?:\w+\s+){0,2}(?:evidence|data|studies|research|trials)\b/i;

/** The recogniser reads the wording as plain or as proof, not hedged, reported, asked or conditional. */
function plainWording(r: Recognition): boolean {
  return r.modality === 'plain' || r.modality === 'proof';
}

/**
 * The learned path for what a recorded contradiction says, in words of its own ("the trip is what's
 * actually treating the depression"): the recogniser's contradiction classes name it (their best,
 * above a low floor) and its orientation model reads the sentence as contradicting that claim; the
 * sentence states it plainly, in the writer's voice, about a subject the document names.
 */
export function learnedContent(ctx: RuleContext, ref: SentenceRef): Draft | undefined {
  const models = ctx.db.recognizer;
  const text = ref.sentence.text;
  if (!models || ref.placed.block.kind === 'heading' || ref.placed.block.quoted || wordCount(text) < 5) return undefined;
  const r = ctx.recognition(ref);
  const best = r?.contradictionTopics[0];
  if (!r || !best || best.p < CONTENT_MIN) return undefined;
  const x = ctx.db.contradictionById.get(best.cls);
  // An affirmed contradiction is said without a denial; a negated one ("no side effects at all") with one.
  // (One whose own words deny something, "proven to carry no cognitive risk", may be said with one.)
  if (!x || (x.polarity === 'negated' ? !mainClauseNegation(text) : mainClauseNegation(text) && !DENIES_WITHIN.test(x.statement))) return undefined;
  // "There is very little evidence about its long-term safety", "it has been difficult to understand
  // how it works": scarce evidence or a struggle to know affirms nothing.
  if (x.polarity !== 'negated' && (SCARCE_EVIDENCE.test(text) || HARD_TO_KNOW.test(text))) return undefined;
  if (!statedPlainly(ref, true)) return undefined;
  // A question without its mark ("can i just get the nasal spray and do it at home"); a label's
  // specification ("Time Horizon: 10 years (120 months)").
  const said = text.slice(ctx.leadLength(ref));
  if (ASKS.test(said) || wordCount(said) < 5) return undefined;
  const claim = x.claim;
  // Animal or subgroup evidence said of patients is extrapolated-evidence's to report.
  if (claim.population !== 'humans') return undefined;
  const has = (c: string) => ref.sentence.concepts.has(c);
  // The recorded exceptions (the evidence's own words, a setting) veto a likely reading only when it
  // says it does not know; a less likely one, any of them.
  if (x.allUnless.some((c) => has(c) && (best.p < CONTENT_SURE || c === 'unknown'))) return undefined;
  if (!x.concepts.some(has) && !aboutSubject(ctx, ref, claim, Level.Document)) return undefined;
  // Unless the classes are near sure, the sentence must also name what the contradiction says beyond
  // its subject ("Spravato is a nasal spray" names esketamine, not unsupervised use).
  const subject = x.topical ?? claim.topical ?? [];
  if (best.p < CONTENT_NAMED && !x.concepts.some((c) => !subject.includes(c) && has(c))) return undefined;
  // Nor is saying what a thing is ("Spravato (esketamine) is a nasal spray", "There is also a nose spray
  // called Spravato", "Naltrexone being the opioid blocker") saying anything the contradiction says.
  if (best.p < CONTENT_SURE_NAMED && NAMES_A_THING.test(said)) return undefined;
  // What it names only as the point of comparison ("More predictable absorption than oral") it does not speak of.
  if (x.concepts.some((c) => namedOnlyAsCompared(ref, c))) return undefined;
  // Quotations are someone else's words, however they are introduced; a quoted term outside what the
  // contradiction names ('so I'll use "sistema opioide"') is only a word mentioned.
  if (quotesContent(ref, x) || reportedNotAsserted(text, ref.sentence.hits)) return undefined;
  // The orientation model may be less sure when the classes find the contradiction likely.
  if (r.contradicts(claim.id) < (best.p >= CONTENT_LIKELY ? CONTENT_ORIENT_LIKELY : CONTENT_ORIENT) || !plainWording(r)) return undefined;
  const hit: ClaimHit = { claim, score: best.p, specificity: 0, fromTopic: [], learned: { p: best.p, concepts: false } };
  return learnedFinding(ctx, ref, hit, contradictsMessage(x), { kind: 'contradiction (recogniser, its content)', text: x.id });
}
/** Is there a quotation that may hold what the sentence says? Not one in a later clause, away from
 *  every word the contradiction names ('…, so I'll use "sistema opioide" if she explains it'). */
function quotesContent(ref: SentenceRef, x: { concepts: string[]; anyOf?: string[] }): boolean {
  const text = ref.sentence.text;
  const firstQuote = text.search(/["\u201c\u201d]/);
  if (firstQuote < 0) return false;
  const own = ref.sentence.hits.filter((h) => x.concepts.includes(h.concept) || x.anyOf?.includes(h.concept));
  return !inLaterClause(text, firstQuote) || own.length === 0 || own.some((h) => h.start >= firstQuote);
}
const ASKS = /^\W*(?:can|could|should|would|will|do|does|did|is|are|am|may|might|shall)\s+(?:i|we|you|they|it|he|she|this|that|there|my|our|your|ketamine)\b/i;
/** The contradiction class's floor; from CONTENT_LIKELY the orientation model may be less sure
 *  (CONTENT_ORIENT_LIKELY instead of CONTENT_ORIENT); from CONTENT_SURE only "unknown" among the recorded
 *  exceptions vetoes; from CONTENT_NAMED the sentence need not name more than the subject. Set on the
 *  dev pool (rounds 3-17; CONTENT_NAMED on rounds 3-20) with the classes trained on writers i, j and k. */
const CONTENT_MIN = 0.25;
const CONTENT_LIKELY = 0.35;
const CONTENT_SURE = 0.5;
const CONTENT_NAMED = 0.5;
/** …and from CONTENT_SURE_NAMED a sentence that only says what something is may still say it. */
const CONTENT_SURE_NAMED = 0.7;
/** A sentence that only names or defines a thing: "X is a Y", "X being the Y", "there is a Y called X". */
const NAMES_A_THING = /^\W*(?:(?:there\s+is|there['\u2019]s)\s+(?:also\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,4}(?:called|named)\s+[\w-]+|(?:[\w()-]+\s+){1,4}(?:is|are|being)\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,4}[\w-]+)\W*$/i;
const CONTENT_ORIENT = 0.85;
const CONTENT_ORIENT_LIKELY = 0.68;
/** The claim's affirmed contradiction the sentence speaks of: it names one of the contradiction's own
 *  concepts (beyond the claim's subject) and none of its exceptions. The one that leaves the fewest of its
 *  concepts unnamed by the sentence or its paragraph; `undefined` when two tie (the finding then names
 *  the claim, not a contradiction it may not make); `null` when none qualifies. */
function nearestContradiction(ctx: RuleContext, ref: SentenceRef, claim: Claim): Contradiction | undefined | null {
  const subject = new Set(claim.topical ?? []);
  const has = (c: string) => ref.sentence.concepts.has(c);
  let best: Contradiction | null = null, bestMissing = Infinity, tie = false;
  for (const x of claim.contradictions ?? []) {
    if (x.polarity === 'negated' || [...(x.unless ?? []), ...(claim.unless ?? [])].some(has)) continue;
    if (![...x.concepts, ...(x.anyOf ?? [])].some((c) => !subject.has(c) && has(c))) continue;
    const missing = missingOf(ctx, ref, x);
    if (missing < bestMissing) { best = x; bestMissing = missing; tie = false; } else if (missing === bestMissing) tie = true;
  }
  return best && tie ? undefined : best;
}

/** How many of a contradiction's concepts (counting anyOf as one) neither the sentence nor its paragraph names. */
function missingOf(ctx: RuleContext, ref: SentenceRef, x: Contradiction): number {
  const near = (c: string) => ref.sentence.concepts.has(c) || ctx.level(ref, c) <= Level.Paragraph;
  return x.concepts.filter((c) => !near(c)).length + (x.anyOf?.length && !x.anyOf.some(near) ? 1 : 0);
}

/** Topic and contradiction probabilities the affirmative learned path needs; the topic may be less
 *  sure when the sentence names the contradiction's concepts. */
const AFFIRM_TOPIC = 0.9;
const AFFIRM_TOPIC_NAMED = 0.6;
const AFFIRM_ORIENT = 0.95;

/** Match probability the denial path needs (the concepts must also have found the claim). */
const SURE = 0.85;
/** …and when the concepts did not find it. */
const SURE_ALONE = 0.95;

/** Probability of contradicting from which a denial counts (denial path). */
const ORIENT_MIN = 0.7;
