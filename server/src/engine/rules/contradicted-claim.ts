// contradicted-claim: the sentence asserts what the evidence refutes.
import { Level, type RuleContext, type SentenceRef } from '../context.js';
import { claimSources, replaceSpanFix } from '../fixes.js';
import type { Finding } from '../types.js';
import { evidencePhrase } from './evidence.js';

const UNKNOWN = /\b(?:not (?:yet )?(?:known|clear|established|proven|understood|certain)|unknown|unclear|uncertain|open question|remains to be)/i;

export function contradictedClaim(ctx: RuleContext, ref: SentenceRef): Omit<Finding, 'severity'> | undefined {
  const a = ref.s.analysis;
  if (a.question || a.hypothetical) return undefined;
  // "It is not known whether…", "it remains unclear that…": the sentence declines to assert anything.
  if (a.cues.some((c) => c.kind === 'hedge' && UNKNOWN.test(c.text))) return undefined;
  for (const x of ctx.db.contradictions) {
    // A contradiction lives inside its claim's topic: the claim's vetoes apply to it as well.
    const req = x.claim.unless?.length ? { ...x, unless: [...(x.unless ?? []), ...x.claim.unless] } : x;
    // A contradiction is asserted by the sentence: its subject may come from the paragraph, no further.
    const fromTopic = ctx.meets(ref, req, x.topical ?? x.claim.topical ?? [], Level.Paragraph);
    if (!fromTopic) continue;
    const named = new Set([...x.concepts, ...(x.anyOf ?? [])]);
    const hits = ref.s.hits.filter((h) => named.has(h.concept));
    if (x.polarity === 'affirmed') {
      if (hits.some((h) => ctx.negated(ref, h))) continue;
    } else {
      const neg = ref.s.hitsOf(x.negatedConcept!);
      if (!neg.some((h) => ctx.negated(ref, h))) continue;
    }
    const fixes = [];
    if (x.correction) {
      const fix = replaceSpanFix(ctx, ref, 0, ref.s.text.length, x.correction, `Replace with: ${x.correction}`, 'soften', false);
      if (fix) fixes.push(fix);
    }
    const r = ctx.range(ref);
    return {
      code: 'contradicted-claim',
      message: `Asserts that ${x.statement.replace(/\.$/, '')}, which the evidence contradicts: ${x.explanation.replace(/\.$/, '')}. Claim '${x.claim.id}': ${evidencePhrase(ctx, x.claim)}.`,
      start: r.start,
      end: r.end,
      claimId: x.claim.id,
      sources: claimSources(ctx, x.claim).map((s) => s.id),
      fixes,
    };
  }
  return undefined;
}
