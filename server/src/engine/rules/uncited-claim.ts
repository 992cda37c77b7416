// uncited-claim: a sentence that asserts a database claim has no citation in it or its paragraph.
import type { Source } from '../../db/schema.js';
import { sourceForLink } from '../compiled.js';
import type { ClaimHit, RuleContext, SentenceRef } from '../context.js';
import type { PlacedBlock } from '../document.js';
import { citationFix, citeList, claimSources } from '../fixes.js';
import type { Finding } from '../types.js';

/** "Williams et al. (2018)", "(Williams et al., 2018)", "Irwin and VandenBerg 2021" */
const AUTHOR_YEAR = /\b\p{Lu}[\p{L}'\u2019-]+(?:\s+(?:et al\.?|and|&)\s*(?:\p{Lu}[\p{L}'\u2019-]+)?)?,?\s*\(?(?:19|20)\d\d[a-z]?\)?/u;

/** Per run (rule context), each block's answer: a block of many claims is scanned once. */
const cited = new WeakMap<RuleContext, Map<PlacedBlock, boolean>>();

export function hasCitation(ctx: RuleContext, ref: SentenceRef): boolean {
  let known = cited.get(ctx);
  if (!known) cited.set(ctx, (known = new Map()));
  let answer = known.get(ref.pb);
  if (answer === undefined) known.set(ref.pb, (answer = blockHasCitation(ctx, ref.pb)));
  return answer;
}

function blockHasCitation(ctx: RuleContext, pb: PlacedBlock): boolean {
  const start = pb.block.start + pb.delta, end = pb.block.end + pb.delta;
  if (ctx.citationsIn(start, end).some((c) => c.kind !== 'link' || sourceForLink(ctx.db, c.key) || /doi|pubmed|ncbi|\.gov|journal/i.test(c.key))) return true;
  return pb.sentences.some((s) => AUTHOR_YEAR.test(s.text) && /et al|\(\s*(?:19|20)\d\d|,\s*(?:19|20)\d\d/.test(s.text));
}

export function uncitedClaim(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): Omit<Finding, 'severity'> | undefined {
  if (hit.score < 0.75) return undefined;
  // Headings and list labels name topics; only sentences assert claims that need a source.
  if (ref.pb.block.kind === 'heading' || ref.s.text.split(/\s+/).length < 6) return undefined;
  // Established background ("ketamine is an NMDA receptor antagonist") needs no citation in a draft;
  // findings do when the sentence states them (a relation, or a figure).
  if (hit.claim.grade === 'established') return undefined;
  const a0 = ref.s.analysis;
  if (a0.strength === 0 && !hit.claim.anyOf?.length && ref.s.numbers.length === 0) return undefined;
  const a = ref.s.analysis;
  if (a.question || a.hypothetical) return undefined;
  if (hasCitation(ctx, ref)) return undefined;
  const sources = claimSources(ctx, hit.claim);
  const primary: Source | undefined = sources[0];
  const r = ctx.range(ref);
  return {
    code: 'uncited-claim',
    // Short: long drafts have hundreds of these, and the hover shows the claim's statement and evidence.
    message: `No citation for this claim (${hit.claim.relation}); cite ${citeList(sources)}.`,
    start: r.start,
    end: r.end,
    claimId: hit.claim.id,
    sources: sources.map((s) => s.id),
    fixes: primary ? sources.map((s) => citationFix(ctx, ref, s)) : [],
  };
}
