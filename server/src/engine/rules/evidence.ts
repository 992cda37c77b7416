// How each evidence grade reads in a message, and what the evidence allows a sentence to say.
import type { Claim, Grade } from '../../db/schema.js';
import type { RuleContext } from '../context.js';
import { citeList, claimSources } from '../fixes.js';

export const GRADE_LABEL: Record<Grade, string> = {
  established: 'established',
  supported: 'supported',
  preliminary: 'preliminary',
  'preclinical-only': 'preclinical only',
  contested: 'contested',
};

/** Grades whose findings must not be stated as plain fact. */
export const WEAK_GRADES: ReadonlySet<Grade> = new Set(['preliminary', 'preclinical-only', 'contested']);

/** "the evidence is preliminary: one crossover trial… (Williams et al. 2018)". Plain ASCII
 *  punctuation: one character beyond Latin-1 in any message makes V8 store a whole publish of a
 *  long document's diagnostics as a two-byte string. */
export function evidencePhrase(ctx: RuleContext, claim: Claim): string {
  const cites = citeList(claimSources(ctx, claim));
  return `the evidence is ${GRADE_LABEL[claim.grade]}: ${claim.rationale.replace(/\.$/, '')}${cites ? ` (${cites})` : ''}`;
}

export function supported(claim: Claim): string {
  return `Supported wording: '${claim.supportedWording}'.`;
}

export const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
