// overstated-certainty: the sentence states a claim more strongly than its evidence grade allows.
import type { ClaimHit, RuleContext, SentenceRef } from '../context.js';
import { claimSources, lowerFirst, replaceSpanFix } from '../fixes.js';
import type { Finding, Fix } from '../types.js';
import { evidencePhrase, supported, WEAK_GRADES } from './evidence.js';

/** Certainty (Pei & Jurgens scale) at or above which an unhedged sentence reads as fact. */
export const FACT_CERTAINTY = 4.2;

/** Replacements that keep the sentence's grammar while lowering its certainty. */
const SOFTER: Array<[RegExp, string]> = [
  [/^(definitively|conclusively|clearly|undeniably|unquestionably|certainly|undoubtedly|definitely|absolutely|categorically|indisputably|irrefutably)\s*$/i, ''],
  [/^proves?$/i, 'suggests'], [/^proven$/i, 'suggested'], [/^proved$/i, 'suggested'],
  [/^(shown|demonstrated|established|confirmed)$/i, 'suggested'],
  [/^(shows|demonstrates|establishes|confirms)$/i, 'suggests'],
  [/^(showed|demonstrated|established|confirmed)$/i, 'suggested'],
];

function softenFix(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit, cue?: { start: number; end: number; text: string }): Fix | undefined {
  if (cue) {
    for (const [re, repl] of SOFTER) {
      if (!re.test(cue.text)) continue;
      // Deleting an adverb takes one neighbouring space with it.
      let { start, end } = cue;
      if (repl === '' && ref.s.text[end] === ' ') end++;
      return replaceSpanFix(ctx, ref, start, end, repl, repl ? `Soften '${cue.text}' to '${repl}'` : `Remove '${cue.text}'`, 'soften', false);
    }
  }
  // No single word to soften: lead the sentence with the wording the evidence supports.
  const lead = hit.claim.supportedWording.replace(/[.…]+$/, '').trim();
  const t = ref.s.text;
  const first = /^\S+/.exec(t)?.[0] ?? '';
  const fix = replaceSpanFix(ctx, ref, 0, first.length, `${lead[0]!.toUpperCase()}${lead.slice(1)}${/\bthat$/.test(lead) ? '' : ' that'} ${lowerFirst(first)}`,
    `Rephrase as '${lead}…'`, 'soften', false);
  return fix;
}

export function overstatedCertainty(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): Omit<Finding, 'severity'> | undefined {
  const a = ref.s.analysis;
  const claim = hit.claim;
  if (a.question || a.hypothetical) return undefined;
  if (a.negated && !a.boosted) return undefined;
  const booster = a.cues.find((c) => c.kind === 'booster');
  const general = a.cues.find((c) => c.kind === 'generaliser');
  let what: string | undefined;
  let cue = booster ?? general;
  if (a.boosted && claim.grade !== 'established') {
    what = `Presents ${claim.relation} as settled${booster ? ` ('${booster.text}')` : ''}`;
  } else if (a.generalised && claim.grade !== 'established') {
    what = `Generalises ${claim.relation}${general ? ` ('${general.text}')` : ''}`;
    cue = general;
  } else if (WEAK_GRADES.has(claim.grade) && !a.hedged && !a.attributed && !ref.pb.block.quoted && a.certainty >= FACT_CERTAINTY
    && !(claim.grade === 'preclinical-only' && (a.population.kind === 'animals' || a.population.kind === 'cells'))) {
    // A preclinical finding stated with its population ("in stressed rats, …") says what the evidence says.
    what = `States ${claim.relation} as fact`;
    cue = undefined;
  }
  if (!what) return undefined;
  const r = cue ? ctx.range(ref, cue.start, cue.end) : ctx.range(ref);
  const fix = softenFix(ctx, ref, hit, cue);
  return {
    code: 'overstated-certainty',
    message: `${what}; ${evidencePhrase(ctx, claim)}. ${supported(claim)}`,
    start: r.start,
    end: r.end,
    claimId: claim.id,
    sources: claimSources(ctx, claim).map((s) => s.id),
    fixes: fix ? [fix] : [],
  };
}
