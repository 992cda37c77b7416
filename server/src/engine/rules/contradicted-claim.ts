// contradicted-claim: the sentence asserts what the evidence refutes.
import { Level, type ClaimHit, type RuleContext, type SentenceRef } from '../context.js';
import { claimSources, lowerFirst, replaceSpanFix } from '../fixes.js';
import { evidencePhrase } from './evidence.js';
import type { Draft, Rule } from './rule.js';

const CLAUSE_BREAK = /\b(?:but|whereas|while|although|though|yet|however|unlike)\b|[;:]/gi;

/** Are the contradiction's concepts (each at least once) all inside one clause of the sentence? */
function oneClause(text: string, x: { concepts: string[]; anyOf?: string[] }, hits: Array<{ concept: string; start: number }>): boolean {
  const cuts = [0];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) cuts.push(m.index);
  cuts.push(text.length + 1);
  const present = x.concepts.filter((c) => hits.some((h) => h.concept === c));
  for (let i = 0; i + 1 < cuts.length; i++) {
    const inClause = (c: string) => hits.some((h) => h.concept === c && h.start >= cuts[i]! && h.start < cuts[i + 1]!);
    if (present.every(inClause) && (!x.anyOf?.length || x.anyOf.some(inClause) || !x.anyOf.some((c) => hits.some((h) => h.concept === c)))) return true;
  }
  return false;
}

const UNKNOWN = /\b(?:not (?:yet )?(?:known|clear|established|proven|understood|certain)|unknown|unclear|uncertain|open question|remains to be)/i;

/** Is every hit after the comma that closes a leading "if …" clause? "If you switch to Spravato,
 *  the pharmacy can post it to you" asserts its main clause. */
function inMainClause(ref: SentenceRef, hits: Array<{ start: number }>): boolean {
  const a = ref.s.analysis;
  const cond = a.cues.find((c) => c.kind === 'conditional' && /^(?:if|when|once)$/i.test(c.text));
  if (!cond || a.question) return false;
  const comma = ref.s.text.indexOf(',', cond.end);
  return comma > 0 && hits.every((h) => h.start > comma);
}

function contradicted(ctx: RuleContext, ref: SentenceRef): Draft | undefined {
  for (const x of ctx.db.contradictionsByConcept.candidates(ref.s.concepts)) {
    // A contradiction is asserted by the sentence: its subject may come from the paragraph, no further.
    const fromTopic = ctx.meets(ref, { concepts: x.concepts, anyOf: x.anyOf, unless: x.allUnless }, x.topical ?? x.claim.topical ?? [], Level.Paragraph);
    if (!fromTopic) continue;
    const named = new Set([...x.concepts, ...(x.anyOf ?? [])]);
    const hits = ref.s.hits.filter((h) => named.has(h.concept));
    // The refuted statement must be made within one clause: "blocked the antidepressant effect but
    // left the dissociative effect intact" does not say naltrexone blocked dissociation.
    if (!oneClause(ref.s.text, x, hits)) continue;
    if (x.polarity === 'affirmed') {
      if (hits.some((h) => ctx.negated(ref, h))) continue;
    } else if (!ref.s.hitsOf(x.negatedConcept!).some((h) => ctx.negated(ref, h))) continue;
    const a = ref.s.analysis;
    // A genuine condition ("if", "whether", "would") suspends the assertion; a modal ("may be taken
    // at home") still asserts what is possible or allowed.
    const conditional = a.hypothetical && a.cues.some((c) => c.kind === 'conditional' && !/^(?:may|might|could|can)\b/i.test(c.text));
    if (a.question || (conditional && !inMainClause(ref, hits))) continue;
    // "It is not known whether…", "it remains unclear that…": the sentence declines to assert anything.
    if (a.cues.some((c) => c.kind === 'hedge' && UNKNOWN.test(c.text))) continue;
    const fixes = [];
    const replacement = (x.correction && /^\p{Lu}/u.test(x.correction) ? x.correction : x.claim.statement).replace(/[.\s]+$/, '');
    const body = /^(.*?)(\s*(?:\[[^\]]*\]\s*)*[.!?\u2026]*["'\u201d\u2019)\]]*)$/su.exec(ref.s.text);
    const fix = body ? replaceSpanFix(ctx, ref, 0, body[1]!.length, replacement, `Replace with what the evidence supports: ${replacement.slice(0, 70)}${replacement.length > 70 ? '…' : ''}`, 'soften', false) : undefined;
    if (fix) fixes.push(fix);
    const r = ctx.range(ref);
    return {
      code: 'contradicted-claim',
      message: `Asserts that ${lowerFirst(x.statement.replace(/\.$/, ''))}, which the evidence contradicts: ${x.explanation.replace(/\.$/, '')}. Claim '${x.claim.id}': ${evidencePhrase(ctx, x.claim)}.`,
      start: r.start,
      end: r.end,
      claimId: x.claim.id,
      sources: claimSources(ctx, x.claim).map((s) => s.id),
      fixes,
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
    const f = contradicted(ctx, t.ref) ?? learnedContradiction(ctx, t.ref, t.hits);
    return f ? [f] : [];
  },
};

const WEAK = new Set(['preliminary', 'preclinical-only', 'contested']);
const NARROW = new Set(['animals', 'cells', 'post-mortem', 'subgroup']);
const NEGATOR = /\b(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot|zero)\b|n[\u2019']t\b/i;
const ORIENT_MIN = Number(globalThis.process?.env?.CL_ORIENT_MIN ?? 0.7);

/**
 * The learned path: the recogniser says the sentence is about a claim and contradicts it (denies a
 * finding, or states one of the claim's recorded contradictions in other words), and the sentence
 * commits to it (plain or proof wording: not hedged, reported, asked or conditional).
 */
function learnedContradiction(ctx: RuleContext, ref: SentenceRef, hits: ClaimHit[]): Draft | undefined {
  const r = ctx.recognition(ref);
  if (!r || !hits.length || ref.pb.block.kind === 'heading') return undefined;
  const a = ref.s.analysis;
  const denial = a.negated || a.negationScopes.length > 0 || NEGATOR.test(ref.s.text);
  // A genuine condition suspends the assertion ("if", "whether"); "would" in a consequence clause does not.
  if (a.question || a.cues.some((c) => c.kind === 'conditional' && /^(?:if|whether|unless|suppos|assum|in case|were)/i.test(c.text))) return undefined;
  if (r.modality !== 'plain' && r.modality !== 'proof') return undefined;
  // A study's report of its own result is not the writer asserting anything; nor is a label.
  if ((a.attributed && !a.boosted) || ref.s.text.split(/\s+/).length < 5) return undefined;
  if (a.cues.some((c) => c.kind === 'hedge' && UNKNOWN.test(c.text))) return undefined;
  // The sentence's main claim only: "definitively shown that it works through the opioid system"
  // overstates the opioid finding; it is not read as denying that the mechanism is uncertain.
  for (const h of hits.slice(0, 1)) {
    if (!r.topics.some((t) => t.cls === h.claim.id)) continue;
    const p = r.contradicts(h.claim.id);
    if (globalThis.process?.env?.CL_DEBUG) console.error(`[contra] p=${p.toFixed(2)} topic=${h.claim.id} ${h.learned ? 'learned ' + h.learned.p.toFixed(2) : 'concepts'} mod=${r.modality} denial=${denial} | ${ref.s.text.slice(0, 80)}`);
    if (p < ORIENT_MIN) continue;
    const claim = h.claim;
    // Saying more than weak evidence allows ("shown in patients", "proven") is overstatement or
    // extrapolation, reported by those rules; contradicting it takes a denial.
    if (WEAK.has(claim.grade) && !denial && (r.modality === 'proof' || NARROW.has(claim.population))) continue;
    // "Definitively shown that it works through the opioid system" contradicts "the mechanism is
    // not understood" only by overstating a weak finding it agrees with: that is overstatement.
    if ((r.modality === 'proof' || a.boosted) && hits.some((o) => o !== h && WEAK.has(o.claim.grade) && r.contradicts(o.claim.id) < 0.5)) continue;
    // The recorded contradiction the sentence is closest to, by the concepts it names.
    const xs = claim.contradictions ?? [];
    const score = (x: { concepts: string[]; anyOf?: string[] }) => [...x.concepts, ...(x.anyOf ?? [])].filter((c) => ref.s.concepts.has(c)).length;
    const x = xs.slice().sort((u, v) => score(v) - score(u))[0];
    const r0 = ctx.range(ref);
    const what = x ? lowerFirst(x.statement.replace(/\.$/, '')) : `the opposite of what the evidence shows (${lowerFirst(claim.statement.replace(/\.$/, ''))})`;
    const why = x ? x.explanation.replace(/\.$/, '') : claim.rationale.replace(/\.$/, '');
    return {
      code: 'contradicted-claim',
      message: `Asserts that ${what}, which the evidence contradicts: ${why}. Claim '${claim.id}': ${evidencePhrase(ctx, claim)}.`,
      start: r0.start,
      end: r0.end,
      claimId: claim.id,
      sources: claimSources(ctx, claim).map((s) => s.id),
      fixes: [],
    };
  }
  return undefined;
}
