// What a claim's own statement says, read once per claim object (the database outlives analyses).
import { analyzeSentence } from './analyzer/index.js';

/** A hedge that says something is not known ("not well understood", "remains unclear"). */
export const UNKNOWN = /(?:(?:\bnot|n[\u2019']t|\bnever)\s+(?:yet\s+)?(?:fully\s+|well\s+|completely\s+|entirely\s+|really\s+|clearly\s+)?(?:known|clear|established|proven|understood|certain)|\bunknown|\bunclear|\buncertain|\bopen question|\bremains to be|\bpoorly understood)/i;

const negativeStatements = new WeakMap<object, boolean>();
/** Does the claim itself state a negative or an unknown ("has not been shown", "poorly understood")? */
export function negativeStatement(claim: { statement: string }): boolean {
  let v = negativeStatements.get(claim);
  if (v === undefined) {
    const a = analyzeSentence(claim.statement);
    v = a.negated || a.cues.some((c) => c.kind === 'hedge' && UNKNOWN.test(c.text)) || /\b(?:poorly|not well|has not been|have not been|unknown|uncertain|unclear)\b/i.test(claim.statement);
    negativeStatements.set(claim, v);
  }
  return v;
}
