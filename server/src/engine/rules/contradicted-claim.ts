// contradicted-claim: the sentence asserts what the evidence refutes. This file holds the concept
// path (a recorded contradiction's concepts asserted within one clause) and the rule; the learned
// paths are in contradiction-learned.ts, the reading of negation in negation.ts.
import { Level, type RuleContext, type SentenceRef } from '../context.js';
import { claimSources, replaceSpanFix } from '../fixes.js';
import { UNKNOWN } from '../claim-statements.js';
import { namedOnlyAsCompared } from '../pipeline/recognition.js';
import { blockConcepts, rowCells } from '../pipeline/document-model.js';
import { allQuoted, conditioned, reportedNotAsserted, reportsResult, RESEARCH_AIM, RULES_OUT } from './shared.js';
import type { Draft, Rule } from './rule.js';
import { contradictsMessage, learnedAffirmation, learnedContent, learnedDenial } from './contradiction-learned.js';
import { governedByNegation, NEGATOR_1 } from './negation.js';

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
    if (namedOnlyAsCompared(ref, x.concepts[0]!)) continue;
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
    // A condition on the reader ("If you're worried about addiction, don't be: …") suspends nothing.
    const conditional = conditioned(a, ref.sentence.text) && a.cues.some((c) => c.kind === 'conditional' && !/^(?:may|might|could|can)\b/i.test(c.text) && (c.start < first || /^(?:if|whether|unless)\b/i.test(c.text))
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

/** Below this probability of contradicting, the recogniser vetoes a contradiction found by concepts. */
const CONCEPT_ORIENT_MIN = 0.2;

/** "we cannot tell how much was due to ketamine", "there is no way to know", "it has been difficult to
 *  understand exactly how it works": the writer declines to judge, or says it cannot be judged. */
const DECLINES = /\b(?:cannot|can[\u2019']?t|can not|could not|couldn[\u2019']t|impossible to|no way to|too early to|(?:hard|difficult|not easy|a challenge|a struggle) to)\s+(?:yet\s+)?(?:tell|say|know|be sure|determine|conclude|judge|distinguish|separate|untangle|understand|explain|pin down|work out|figure out)\b/i;
