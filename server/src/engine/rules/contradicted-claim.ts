// contradicted-claim: the sentence asserts what the evidence refutes.
import type { Claim } from '../../db/schema.js';
import { Level, type ClaimHit, type RuleContext, type SentenceRef } from '../context.js';
import { claimSources, lowerFirst, replaceSpanFix } from '../fixes.js';
import { negativeStatement, UNKNOWN } from '../claim-statements.js';
import { aboutSubject, onlyCompared, wordCount } from '../pipeline/recognition.js';
import { blockConcepts, rowCells } from '../pipeline/document-model.js';
import { allQuoted, clip, reportedNotAsserted, GRADE_LABEL, reportsResult, RESEARCH_AIM, RULES_OUT } from './shared.js';
import type { Draft, Rule } from './rule.js';

const CLAUSE_BREAK = /\b(?:but|whereas|while|although|though|yet|however|unlike)\b|[;:]/gi;

/** Are the contradiction's concepts (each at least once) all inside one clause of the sentence? */
function oneClause(text: string, x: { concepts: string[]; anyOf?: string[] }, hits: Array<{ concept: string; start: number }>, subject: readonly string[] = []): boolean {
  const cuts = [0];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) cuts.push(m.index);
  cuts.push(text.length + 1);
  // The subject ("Ketamine is fast but unsafe") may stand before the clause that says the rest.
  const present = x.concepts.filter((c) => !subject.includes(c) && hits.some((h) => h.concept === c));
  for (let i = 0; i + 1 < cuts.length; i++) {
    const inClause = (c: string) => hits.some((h) => h.concept === c && h.start >= cuts[i]! && h.start < cuts[i + 1]!);
    if (present.every(inClause) && (!x.anyOf?.length || x.anyOf.some(inClause) || !x.anyOf.some((c) => hits.some((h) => h.concept === c)))) return true;
  }
  return false;
}


/** A table row speaks of what its first cell names: in "SSRIs/SNRIs | First-line, continue during
 *  ketamine" the second cell says the SSRIs are first-line. True when the sentence is in a later cell
 *  and the first cell names something the database knows, but not `subject`. */
function rowSpeaksOfOther(ctx: RuleContext, ref: SentenceRef, subject: string): boolean {
  if (ref.placed.block.row === undefined) return false;
  const head = rowCells(ctx.model.blocks, ref.placed)[0]!;
  if (head === ref.placed) return false;
  const named = blockConcepts(head);
  return named.size > 0 && !named.has(subject);
}

/** Does the recogniser read the sentence as being about the claim? */
function aboutClaim(ctx: RuleContext, ref: SentenceRef, claimId: string): boolean {
  return (ctx.recognition(ref)?.topic(claimId) ?? 0) >= ABOUT_MIN;
}
const ABOUT_MIN = 0.5;

/** Is every hit after the comma that closes a leading "if …" clause? "If you switch to Spravato,
 *  the pharmacy can post it to you" asserts its main clause. */
function inMainClause(ref: SentenceRef, hits: Array<{ start: number }>): boolean {
  const a = ref.sentence.analysis;
  const cond = a.cues.find((c) => c.kind === 'conditional' && /^(?:if|when|once)$/i.test(c.text));
  if (!cond || a.question) return false;
  const comma = ref.sentence.text.indexOf(',', cond.end);
  return comma > 0 && hits.every((h) => h.start > comma);
}

function contradicted(ctx: RuleContext, ref: SentenceRef): Draft | undefined {
  for (const x of ctx.db.contradictionsByConcept.candidates(ref.sentence.concepts)) {
    // A contradiction is asserted by the sentence: its subject may come from the paragraph, no
    // further, unless the recogniser also reads the sentence as about the claim (a memoir or a
    // script names "ketamine" once and then says "the spray").
    const req = { concepts: x.concepts, anyOf: x.anyOf, unless: x.allUnless };
    const topical = x.topical ?? x.claim.topical ?? [];
    const fromTopic = ctx.meets(ref, req, topical, Level.Paragraph)
      ?? (aboutClaim(ctx, ref, x.claim.id) ? ctx.meets(ref, req, topical, Level.Document) : null);
    if (!fromTopic) continue;
    const named = new Set([...x.concepts, ...(x.anyOf ?? [])]);
    const hits = ref.sentence.hits.filter((h) => named.has(h.concept));
    // The refuted statement must be made within one clause: "blocked the antidepressant effect but
    // left the dissociative effect intact" does not say naltrexone blocked dissociation.
    if (!oneClause(ref.sentence.text, x, hits, topical)) continue;
    // Its subject (listed first) must be what the sentence speaks of, not only what it is compared
    // with ("it is more likely to be covered than other ketamine formulations").
    const subject = hits.filter((h) => h.concept === x.concepts[0]);
    if (subject.length > 0 && subject.every((h) => onlyCompared(ref.sentence.text, h.start))) continue;
    if (rowSpeaksOfOther(ctx, ref, x.concepts[0]!)) continue;
    // A motion, a title or a slogan in quotation marks is named, not asserted; so is a statement the
    // sentence quotes or reports in order to reject it ("wrongly described IV ketamine as approved").
    if (allQuoted(ref.sentence.text, hits) || reportedNotAsserted(ref.sentence.text, hits)) continue;
    if (x.polarity === 'affirmed') {
      if (hits.some((h) => ctx.negated(ref, h))) continue;
      // "This rules ketamine out as a miracle drug that cures everybody."
      if (RULES_OUT.test(ref.sentence.text.slice(0, Math.max(...hits.map((h) => h.start))))) continue;
    } else if (!ref.sentence.hitsOf(x.negatedConcept!).some((h) => ctx.negated(ref, h) && (governedByNegation(ref.sentence.text, h.start) || NEGATOR_1.test(ref.sentence.text.slice(h.start, h.end))))) continue;
    const a = ref.sentence.analysis;
    // A genuine condition ("if", "whether", "would") suspends the assertion; a modal ("may be taken
    // at home") still asserts what is possible or allowed.
    // Only a condition before the claim governs it: "Oral ketamine reaches levels comparable to IV,
    // so a tablet protocol would be cheaper" asserts its first clause.
    const first = Math.min(...hits.map((h) => h.start));
    // "if anything" means "rather": it sets no condition.
    const conditional = a.hypothetical && a.cues.some((c) => c.kind === 'conditional' && !/^(?:may|might|could|can)\b/i.test(c.text) && (c.start < first || /^(?:if|whether|unless)\b/i.test(c.text))
      && !/^if,?\s+anything\b/i.test(ref.sentence.text.slice(c.start, c.start + 14)));
    if (a.question || (conditional && !inMainClause(ref, hits))) continue;
    // A hedge that governs the statement ("This suggests the infrequent use of ketamine does not…") offers
    // a reading of some evidence; it does not assert the refuted statement.
    if (a.hedged && !a.boosted && a.cues.some((c) => c.kind === 'hedge' && c.start < first)) continue;
    // "It is not known whether…", "it remains unclear that…": the sentence declines to assert anything.
    if (a.cues.some((c) => c.kind === 'hedge' && UNKNOWN.test(c.text)) || DECLINES.test(ref.sentence.text)) continue;
    // Stating an aim ("we wanted to check that infusions didn't cause cognitive problems") asserts nothing.
    if (RESEARCH_AIM.test(ref.sentence.text)) continue;
    // A past-tense report of what happened in one setting ("there were no adverse events", "the
    // patients required no additional monitoring") is an observation, not a general denial.
    if (x.polarity === 'negated' && reportsResult(ref.sentence.text) && !a.boosted && !a.generalised) continue;
    // The recogniser, which has read many wordings of this claim, must not read the sentence as
    // agreeing with it: the concepts and a nearby negation are not enough on their own ("no purity
    // guarantee", "worthless for recreational purposes").
    // Nor may it leave the claim out of its topics altogether (it lists every topic above a floor of
    // 5%): concepts scattered over a title and a definition ("acting through NMDA … a dissociative
    // anesthetic") assemble a contradiction nobody made.
    const rec = ctx.recognition(ref);
    if (rec && ctx.db.recognizer?.knownClasses.has(x.claim.id) && (rec.contradicts(x.claim.id) < CONCEPT_ORIENT_MIN || rec.topic(x.claim.id) === 0)) continue;
    const fixes = [];
    const replacement = (x.correction && /^\p{Lu}/u.test(x.correction) ? x.correction : x.claim.statement).replace(/[.\s]+$/, '');
    const body = /^(.*?)(\s*(?:\[[^\]]*\]\s*)*[.!?\u2026]*["'\u201d\u2019)\]]*)$/su.exec(ref.sentence.text);
    // A leading label stays ("Answer:", a chat speaker), unless the replacement restates it
    // ("Oral and sublingual: …" replaced by "Oral and sublingual ketamine …").
    const lead = ctx.leadLength(ref);
    const label = ref.sentence.text.slice(0, lead).replace(/:\s*$/, '').toLowerCase();
    const at = label && !replacement.toLowerCase().startsWith(label) ? lead : 0;
    const fix = body && body[1]!.length > at ? replaceSpanFix(ctx, ref, at, body[1]!.length, replacement, `Replace with what the evidence supports: ${replacement.slice(0, 70)}${replacement.length > 70 ? '…' : ''}`, 'soften', false) : undefined;
    if (fix) fixes.push(fix);
    const r = ctx.range(ref);
    return {
      code: 'contradicted-claim',
      // One short line; the hover card shows why (the recorded explanation) and the evidence.
      message: contradictsMessage(x),
      start: r.start,
      end: r.end,
      claimId: x.claim.id,
      sources: claimSources(ctx, x.claim).map((s) => s.id),
      fixes,
      reason: { ...ctx.reason(ref, ctx.claims(ref).find((h) => h.claim.id === x.claim.id) ?? { claim: x.claim, score: 1, specificity: 0, fromTopic }, { kind: 'contradiction', text: x.id }), matched: { concepts: hits.map((h) => ({ id: h.concept, words: ref.sentence.text.slice(h.start, h.end) })) } },
    };
  }
  return undefined;
}

export const contradictedClaim: Rule<'contradicted-claim'> = {
  code: 'contradicted-claim',
  name: 'ContradictedClaim',
  defaultSeverity: 'error',
  description: 'The sentence asserts what the evidence refutes.',
  details: 'The sentence asserts a statement that the evidence in the claims database contradicts; the message explains why and, where possible, offers the corrected wording.',
  when: 'the sentence asserts what the evidence refutes',
  docsAnchor: 'contradicted-claim',
  scope: 'sentence',
  precedence: 1,
  check(ctx, t) {
    if (t.kind !== 'sentence') return [];
    const f = contradicted(ctx, t.ref) ?? learnedDenial(ctx, t.ref, t.hits) ?? learnedAffirmation(ctx, t.ref) ?? learnedContent(ctx, t.ref);
    return f ? [f] : [];
  },
};


/**
 * The learned path, for denials: the sentence makes a claim (the concepts and the recogniser agree,
 * with high confidence), the recogniser reads it as contradicting the claim, and a negation in the
 * main clause says so ("benzodiazepines make no difference to the response", "it won't touch your
 * memory"). Affirmative contradictions ("the trip is what heals") need more: the recorded
 * contradictions' concepts, or (learnedAffirmation) both models near certain.
 */
function learnedDenial(ctx: RuleContext, ref: SentenceRef, hits: ClaimHit[]): Draft | undefined {
  const h = hits[0];
  if (!h?.learned || h.learned.p < (h.learned.concepts ? SURE : SURE_ALONE) || ref.placed.block.kind === 'heading') return undefined;
  // The cheap tests first: this runs for every sentence that makes a claim.
  if (wordCount(ref.sentence.text) < 6 || !mainClauseNegation(ref.sentence.text) || negativeStatement(h.claim)) return undefined;
  const r = ctx.recognition(ref);
  if (!r) return undefined;
  const a = ref.sentence.analysis;
  if (a.question || a.cues.some((c) => c.kind === 'conditional' && /^(?:if|whether|unless|suppos|assum|in case|were)/i.test(c.text))) return undefined;
  if (r.modality !== 'plain' && r.modality !== 'proof') return undefined;
  // Someone else's words, a label, or a study's report of its own observation ("none of the patients
  // suffered memory problems") is not the writer denying the finding.
  if ((a.attributed && !a.boosted) || ref.placed.block.quoted || wordCount(ref.sentence.text) < 6 || (reportsResult(ref.sentence.text) && !a.boosted)) return undefined;
  if (a.cues.some((c) => c.kind === 'hedge' && UNKNOWN.test(c.text))) return undefined;
  const claim = h.claim;
  // A claim that is itself a negative ("is not well understood") turns a denial into agreement or
  // into overstatement; neither is this path's business.
  if (negativeStatement(claim)) return undefined;
  if (!mainClauseNegation(ref.sentence.text)) return undefined;
  const p = r.contradicts(claim.id);
  if (p < ORIENT_MIN) return undefined;
  const xs = claim.contradictions ?? [];
  // The recorded contradiction closest to the sentence, by the concepts it names (negated ones first).
  const score = (x: { concepts: string[]; anyOf?: string[]; polarity?: string }) => [...x.concepts, ...(x.anyOf ?? [])].filter((c) => ref.sentence.concepts.has(c)).length + (x.polarity === 'negated' ? 0.5 : 0);
  const x = xs.slice().sort((u, v) => score(v) - score(u))[0];
  const message = x && score(x) >= 1.5 ? contradictsMessage(x) : clip(`Denies a ${GRADE_LABEL[claim.grade]} finding: ${claim.relation}`);
  return learnedFinding(ctx, ref, h, message, { kind: 'negation', text: negationText(ref.sentence.text) });
}

const contradictsMessage = (x: { statement: string }) => clip(`Contradicts the evidence: ${lowerFirst(x.statement.replace(/\.$/, ''))}`);

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
function learnedAffirmation(ctx: RuleContext, ref: SentenceRef): Draft | undefined {
  const models = ctx.db.recognizer;
  // The sentence must name a contradiction's concept: the cheap test first, before any recognition.
  const text = ref.sentence.text;
  if (!models || ref.sentence.concepts.size === 0 || ref.placed.block.kind === 'heading' || ref.placed.block.quoted || wordCount(text) < 6) return undefined;
  const r = ctx.recognition(ref);
  // Topics are scored at once; orientation and modality only when asked: ask them last.
  const sure = r?.topics.filter((t) => t.p >= AFFIRM_TOPIC_NAMED && models.knownClasses.has(t.cls) && ctx.db.db.claims.has(t.cls));
  if (!r || !sure?.length || mainClauseNegation(text)) return undefined;
  const a = ref.sentence.analysis;
  if (a.question || a.hypothetical || a.hedged || (a.attributed && !a.boosted) || reportsResult(text)) return undefined;
  for (const t of sure) {
    if (r.contradicts(t.cls) < AFFIRM_ORIENT) continue;
    if (r.modality !== 'plain' && r.modality !== 'proof') return undefined;
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

/**
 * The learned path for what a recorded contradiction says, in words of its own ("the trip is what's
 * actually treating the depression"): the recogniser's contradiction classes name it (their best,
 * above a low floor) and its orientation model reads the sentence as contradicting that claim; the
 * sentence states it plainly, in the writer's voice, about a subject the document names.
 */
function learnedContent(ctx: RuleContext, ref: SentenceRef): Draft | undefined {
  const models = ctx.db.recognizer;
  const text = ref.sentence.text;
  if (!models || ref.placed.block.kind === 'heading' || ref.placed.block.quoted || wordCount(text) < 5) return undefined;
  const r = ctx.recognition(ref);
  const best = r?.contradictionTopics[0];
  if (!r || !best || best.p < CONTENT_MIN || mainClauseNegation(text)) return undefined;
  const x = ctx.db.contradictionById.get(best.cls);
  if (!x || x.polarity === 'negated') return undefined;
  const a = ref.sentence.analysis;
  if (a.question || a.hypothetical || a.hedged || (a.attributed && !a.boosted) || reportsResult(text)) return undefined;
  // A question without its mark ("can i just get the nasal spray and do it at home"); a label's
  // specification ("Time Horizon: 10 years (120 months)").
  const said = text.slice(ctx.leadLength(ref));
  if (ASKS.test(said) || wordCount(said) < 5) return undefined;
  const claim = x.claim;
  // Animal or subgroup evidence said of patients is extrapolated-evidence's to report.
  if (claim.population !== 'humans') return undefined;
  const has = (c: string) => ref.sentence.concepts.has(c);
  if (x.allUnless.some(has)) return undefined;
  if (!x.concepts.some(has) && !aboutSubject(ctx, ref, claim, Level.Document)) return undefined;
  // Below an even chance the sentence must also name what the contradiction says beyond its subject
  // ("Spravato is a nasal spray" names esketamine, not unsupervised use).
  const subject = x.topical ?? claim.topical ?? [];
  if (best.p < CONTENT_SURE && !x.concepts.some((c) => !subject.includes(c) && has(c))) return undefined;
  // What it names only as the point of comparison ("More predictable absorption than oral") it does not speak of.
  if (x.concepts.some((c) => { const named = ref.sentence.hits.filter((h) => h.concept === c); return named.length > 0 && named.every((h) => onlyCompared(text, h.start)); })) return undefined;
  // Quotations are someone else's words, however they are introduced.
  if (/["\u201c\u201d]/.test(text) || reportedNotAsserted(text, ref.sentence.hits)) return undefined;
  if (r.contradicts(claim.id) < CONTENT_ORIENT || (r.modality !== 'plain' && r.modality !== 'proof')) return undefined;
  const hit: ClaimHit = { claim, score: best.p, specificity: 0, fromTopic: [], learned: { p: best.p, concepts: false } };
  return learnedFinding(ctx, ref, hit, contradictsMessage(x), { kind: 'contradiction (recogniser, its content)', text: x.id });
}
const ASKS = /^\W*(?:can|could|should|would|will|do|does|did|is|are|am|may|might|shall)\s+(?:i|we|you|they|it|he|she|this|that|there|my|our|your|ketamine)\b/i;
/** The contradiction class's floor and the orientation the content path needs. */
const CONTENT_MIN = 0.22;
const CONTENT_SURE = 0.5;
const CONTENT_ORIENT = 0.85;
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

/** Below this probability of contradicting, the recogniser vetoes a contradiction found by concepts. */
const CONCEPT_ORIENT_MIN = 0.2;

/** Match probability the denial path needs (the concepts must also have found the claim). */
const SURE = 0.85;
/** …and when the concepts did not find it. */
const SURE_ALONE = 0.95;


/** The first negation of the main clause, for explanations. */
function negationText(text: string): string {
  for (const m of text.matchAll(NEGATOR_G)) {
    const before = text.slice(0, m.index);
    const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
    if (!SUBORDINATE.test(before.slice(clauseStart + 1))) return m[0];
  }
  return '';
}

/** A negation that governs the sentence, not one inside a relative or subordinate clause ("patients
 *  who were not responding", "if it does not work"). */
export function mainClauseNegation(text: string): boolean {
  for (const m of text.matchAll(NEGATOR_G)) {
    if (COMPARATIVE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
    const before = text.slice(0, m.index);
    const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('\u2014'));
    if (!SUBORDINATE.test(before.slice(clauseStart + 1))) return true;
  }
  return false;
}
/** "we cannot tell how much was due to ketamine", "there is no way to know": the writer declines to judge. */
const DECLINES = /\b(?:cannot|can[\u2019']?t|can not|could not|couldn[\u2019']t|impossible to|no way to|too early to|hard to)\s+(?:yet\s+)?(?:tell|say|know|be sure|determine|conclude|judge|distinguish|separate|untangle)\b/i;
/** "no worse than", "not only": a comparison or an addition, not a denial. */
const COMPARATIVE_AFTER = /^\s+(?:worse|better|more|less|greater|higher|lower|riskier|safer|different|only)\b/i;
const NEGATOR_G = /\b(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot|zero)\b|n[\u2019']t\b/gi;
const NEGATOR_1 = new RegExp(NEGATOR_G.source, 'i');
const SUBORDINATE = /\b(?:who|whom|whose|which|if|when|whenever|unless|whether|because|although|though|while|once|until|where)\b/i;

/** Probability of contradicting from which a denial counts (denial path). */
const ORIENT_MIN = 0.7;

/** Words that, between a negation and a concept, show the negation is about something else: "no
 *  purity guarantee with recreational use", "worthless for recreational purposes", "don't consider
 *  any of these to be unexpected side effects". */
const DETACHES = /[,;:()]|\b(?:with|for|of|in|on|at|to|from|by|about|as|than|that|which|who|whose|because|although|but|if|when|unless|whether|after|before|during)\b/i;
const RELATION_NOUN = /^\s*(?:\w+\s+)?(?:effects?|impact|risks?|harm|damage|danger|problems?|influence|difference|change|need|sign|evidence|link|issues?)\s+(?:on|to|for|of|in|with|from)\b/i;
const NEGATION_BEFORE = /(?:\b(?:not|no|never|none|nothing|nobody|without|cannot|zero|free of|free from|absence of|lack of|lacks?|lacking)|n[\u2019']t)\b(?![\s\S]*\b(?:not|no|never|none|nothing|nobody|without|cannot|zero)\b)/i;

/** Does a negation directly govern the word at `at`: at most five words before it, with nothing in
 *  between that starts another phrase or clause ("no chemical dependence", "won't touch her memory")? */
export function governedByNegation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const m = NEGATION_BEFORE.exec(before);
  if (!m) return false;
  const between = before.slice(m.index + m[0].length);
  if (between.split(/\s+/).filter(Boolean).length > 5) return false;
  // "no effect on memory", "no risk to the bladder", "no need to be observed": the negated noun is
  // the relation itself, and the phrase after it says what it is about.
  return !DETACHES.test(between) || RELATION_NOUN.test(between);
}
