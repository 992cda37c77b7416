// extrapolated-evidence: evidence from animals, cells, post-mortem tissue or a tiny subgroup
// presented as established in patients.
import type { ClaimHit, RuleContext, SentenceRef } from '../context.js';
import { claimSources, lowerFirst, replaceSpanFix } from '../fixes.js';
import { wordCount } from '../pipeline/recognition.js';
import { clip, namesOnly, namesProposition, onlyInOtherClauses, reportsResult, RESEARCH_AIM, SURE_MATCH, titleCase } from './shared.js';
import type { Draft, Rule } from './rule.js';

const STUDY_REPORT = /\b(?:in (?:that|this|the|one|a) (?:study|trial|subgroup|experiment|report)|the (?:study|trial|researchers|authors|investigators)|(?:19|20)\d\d\)|et al)|\b\p{Lu}[\p{L}'\u2019-]+,? (?:19|20)\d\d\b/iu;
/** A group named by its size ("4 of the patients", "twelve participants"): the sentence says how narrow the evidence is. */
const COUNTED_GROUP = /\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:of\s+(?:the|these|those|them)\s+)?(?:patients|participants|people|adults|subjects|volunteers)\b/i;
const NARROW = new Set(['animals', 'cells', 'post-mortem', 'subgroup']);
const WHERE: Record<string, string> = {
  animals: 'animal studies', cells: 'cell studies', 'post-mortem': 'post-mortem tissue', subgroup: 'a small subgroup',
};

/** A full sentence in the writer's plain words that concepts and recogniser both surely read as the claim. */
function surelyStated(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): boolean {
  if (!hit.learned?.concepts || hit.learned.p < SURE_MATCH || wordCount(ref.sentence.text) < 6) return false;
  const m = ctx.recognition(ref)?.modalities[0];
  return !!m && m.cls === 'plain' && m.p >= 0.5;
}

function extrapolated(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): Draft | undefined {
  const claim = hit.claim;
  if (!NARROW.has(claim.population)) return undefined;
  const a = ref.sentence.analysis;
  if (a.question || a.hypothetical || a.negated) return undefined;
  // A hedge in another clause ("…, potentially providing long-term relief") leaves the claim's own clause
  // stated, unless that clause reports what was observed ("their GABA climbed…; the editor suggested…").
  if (a.hedged && !a.boosted && !(onlyInOtherClauses(ref, claim, 'hedge') && !reportsResult(ref.sentence.text))) return undefined;
  if (RESEARCH_AIM.test(ref.sentence.text)) return undefined;
  // "the listing says it helps ketamine \"rebuild your brain\"", a list of phrases to avoid: named, not asserted.
  if (namesProposition(ref.sentence.text) || namesOnly(ref.sentence.text, claim, ref.sentence.hits)) return undefined;
  if (titleCase(ref.sentence.text)) return undefined;
  const pop = a.population.kind;
  // The sentence already says where the evidence comes from.
  if (pop === claim.population || pop === 'animals' || pop === 'cells') return undefined;
  if (claim.population === 'subgroup' && (pop === 'subgroup' || COUNTED_GROUP.test(ref.sentence.text))) return undefined;
  // "Abdallah (2011): twelve patients given…": describing the study that produced the evidence.
  if (STUDY_REPORT.test(ref.sentence.text) && reportsResult(ref.sentence.text)) return undefined;
  if (pop !== 'humans') {
    // No population named: only a direct, present-tense causal statement presents the finding as general fact;
    // post-mortem evidence is extrapolated only when the sentence speaks of living patients.
    if (claim.population === 'post-mortem' || reportsResult(ref.sentence.text) || ref.placed.block.kind === 'heading') return undefined;
    // …or a full sentence in the writer's plain words that concepts and recogniser both, surely, read as
    // the claim ("Ketamine regrows the connections that depression damaged": no causal verb the analyzer knows).
    if (!claim.anyOf?.length && a.strength !== 3 && !surelyStated(ctx, ref, hit)) return undefined;
  }
  const cue = a.population.cues.find((c) => c.kind === 'population');
  const r = cue && pop === 'humans' ? ctx.range(ref, cue.start, cue.end) : ctx.range(ref);
  const t = ref.sentence.text;
  const at = ctx.leadLength(ref);
  const first = /^\S+/.exec(t.slice(at))?.[0] ?? '';
  const lead = claim.population === 'animals' ? 'In animal studies,' : claim.population === 'post-mortem' ? 'In post-mortem studies,' : claim.population === 'subgroup' ? 'In a small subgroup,' : 'In laboratory studies,';
  // Only where the sentence names no population of its own: "In animal studies, ketamine rebuilds
  // the spines of depressed patients" would be false in a new way.
  // People named anywhere ("…and ketamine reverses that loss in patients"): a lead "In animal
  // studies," would then be false in a new way.
  const namesPeople = a.population.cues.some((c) => c.group === 'humans');
  const fix = pop === 'humans' || namesPeople ? undefined : replaceSpanFix(ctx, ref, at, at + first.length, `${lead} ${lowerFirst(first)}`, `Say the evidence comes from ${WHERE[claim.population]}`, 'soften', false);
  return {
    code: 'extrapolated-evidence',
    message: clip(`Extends evidence from ${WHERE[claim.population]} to ${pop === 'humans' ? 'patients' : 'people in general'}: ${claim.relation}`),
    start: r.start,
    end: r.end,
    claimId: claim.id,
    sources: claimSources(ctx, claim).map((s) => s.id),
    fixes: fix ? [fix] : [],
    reason: ctx.reason(ref, hit, { kind: 'population', text: cue ? ref.sentence.text.slice(cue.start, cue.end) : `${claim.population} evidence stated without its population` }),
  };
}

export const extrapolatedEvidence: Rule<'extrapolated-evidence'> = {
  code: 'extrapolated-evidence',
  name: 'ExtrapolatedEvidence',
  defaultSeverity: 'warning',
  description: 'Evidence from animals, a small subgroup or post-mortem tissue is presented as established in patients.',
  details: 'The claim rests on evidence from animals, cells, post-mortem tissue or a tiny subgroup, but the sentence presents it as established in patients.',
  when: 'evidence from animals, a tiny subgroup or post-mortem tissue presented as established in patients',
  docsAnchor: 'extrapolated-evidence',
  scope: 'sentence',
  precedence: 3,
  check(ctx, t) {
    if (t.kind !== 'sentence') return [];
    // Any matched claim whose evidence is narrower than the sentence's population.
    for (const h of t.hits) {
      const f = extrapolated(ctx, t.ref, h);
      if (f) return [f];
    }
    return [];
  },
};
