// uncited-claim: a sentence that asserts a database claim has no citation in it or its paragraph.
import type { Source } from '../../db/schema.js';
import type { ClaimHit, RuleContext, SentenceRef } from '../context.js';
import { citationFix, citeList, claimSources } from '../fixes.js';
import { agrees, comparable } from '../figures.js';
import { wordCount } from '../pipeline/recognition.js';
import { otherStudyBefore } from './figure-identity.js';
import type { Draft, Rule } from './rule.js';
import { clip, RESEARCH_AIM, SHORT, STUDY_DESIGN, titleCase } from './shared.js';

/** A sentence in quotation marks, or mostly a quotation, is someone else's words. */
const QUOTED = /^["\u201c\u2018'].*["\u201d\u2019']\W*$|^[^"\u201c]*["\u201c][^"\u201d]{40,}["\u201d]/su;

const LABEL = /^\W{0,3}[\p{L}][^.:!?]{0,40}:\s*(?:\*\*|__)?\s*\S/u;

/** Modalities in which a sentence states something in the writer's own voice. */
const OWN_VOICE = new Set(['plain', 'proof', 'hedged']);

function uncited(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): Draft | undefined {
  if (hit.score < 0.75) return undefined;
  // Headings, list labels and reference or footnote definitions name or cite; only sentences assert claims that need a source.
  const block = ref.placed.block;
  if (block.kind === 'heading' || block.kind === 'footnoteDefinition' || wordCount(ref.sentence.text) < 6) return undefined;
  // Established background ("ketamine is an NMDA receptor antagonist") needs no citation in a draft;
  // findings do when the sentence states them (a relation, or a figure).
  if (hit.claim.grade === 'established') return undefined;
  const a = ref.sentence.analysis;
  if (!hit.learned && a.strength === 0 && !hit.claim.anyOf?.length && ref.sentence.numbers.length === 0) return undefined;
  if (a.question || a.hypothetical) return undefined;
  // The writer's own assertion only: not a study reporting its own result, not someone quoted.
  const rec = ctx.recognition(ref);
  if (block.quoted || QUOTED.test(ref.sentence.text) || (a.attributed && !a.boosted)) return undefined;
  if (rec && !OWN_VOICE.has(rec.modality)) return undefined;
  if (rec && ctx.db.recognizer?.knownClasses.has(hit.claim.id) && rec.contradicts(hit.claim.id) >= 0.5) return undefined;
  // A label ("Dosage: 0.5 mg/kg", "**Monitoring:** vital signs…") specifies; it does not argue.
  if (LABEL.test(ref.sentence.text) || titleCase(ref.sentence.text)) return undefined;
  // A study describing its own design ("99 patients were randomised to five arms") asserts no finding.
  if (STUDY_DESIGN.test(ref.sentence.text) || RESEARCH_AIM.test(ref.sentence.text)) return undefined;
  // A claim only the recogniser found needs a sentence that speaks of its subject itself.
  if (hit.learned && !hit.learned.concepts && !ctx.namesSubject(ref, hit.claim)) return undefined;
  if (ctx.blockCited(ref.placed)) return undefined;
  // A passage about another researcher's study or a meta-analysis reports that work's results: the
  // claim's own sources would misattribute them.
  if (otherStudyBefore(ctx, ref, hit.claim) !== undefined) return undefined;
  // A number the claim's evidence records differently ("ten patients" where the study scanned four):
  // citing its source would make a misquote look sourced.
  if (misquotesOwnFigure(ref, hit)) return undefined;
  // Once per claim per paragraph or list (asked last: it records the note).
  if (!ctx.noteOnce(ref, hit.claim.id)) return undefined;
  const sources = claimSources(ctx, hit.claim);
  const primary: Source | undefined = sources[0];
  const safe = primary !== undefined && citationSafe(ctx, ref, hit);
  const r = ctx.range(ref);
  return {
    code: 'uncited-claim',
    // Short: long drafts have hundreds of these, and the hover shows the claim's statement and evidence.
    message: uncitedMessage(hit.claim.relation, sources.length > 2 ? `${citeList(sources.slice(0, 1))} or ${sources.length - 1} more` : citeList(sources)),
    start: r.start,
    end: r.end,
    claimId: hit.claim.id,
    sources: sources.map((s) => s.id),
    fixes: primary ? sources.map((s) => citationFix(ctx, ref, s, safe)) : [],
    reason: ctx.reason(ref, hit, { kind: 'no citation in the paragraph', text: '' }),
  };
}

/**
 * May --fix cite the claim's sources without a look? Only when the sentence itself names the claim
 * (its subject not lent by the topic, the concept matcher and the recogniser agreeing, the sentence
 * not leaning towards denying it) and every number it quotes agrees with a figure the evidence
 * records: a copay range or another study's year would be attributed to a source that never gave
 * it. The fix is still offered; the writer decides.
 */
function citationSafe(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): boolean {
  if (hit.fromTopic.length > 0 || hit.learned?.concepts === false) return false;
  // Nor when the recogniser leans towards reading the sentence as denying the claim.
  const rec = ctx.recognition(ref);
  if (rec && ctx.db.recognizer?.knownClasses.has(hit.claim.id) && rec.contradicts(hit.claim.id) >= CONTRADICTS_UNSAFE) return false;
  const figures = hit.claim.figures ?? [];
  return ref.sentence.numbers.every((n) => figures.some((f) => comparable(n, f) && agrees(n, f)));
}

const CONTRADICTS_UNSAFE = 0.2;

/** Does the sentence quote, for one of the claim's recorded figures, a comparable number that disagrees with it? */
function misquotesOwnFigure(ref: SentenceRef, hit: ClaimHit): boolean {
  const figures = hit.claim.figures ?? [];
  return figures.length > 0 && ref.sentence.numbers.some((n) => figures.some((f) => comparable(n, f) && !agrees(n, f)));
}

export const uncitedClaim: Rule<'uncited-claim'> = {
  code: 'uncited-claim',
  name: 'UncitedClaim',
  // A hint: faint dots, not underlines, and not in the Problems panel (long drafts have hundreds).
  defaultSeverity: 'hint',
  description: 'A sentence that makes a known claim has no citation.',
  details: 'The sentence matches a claim in the database but neither it nor its paragraph cites a source (a [@key] citation, a footnote, a link to the source\'s DOI/URL, or an author\u2013year reference).',
  when: 'a sentence making a database claim has no citation in it or its paragraph',
  docsAnchor: 'uncited-claim',
  scope: 'sentence',
  check(ctx, t) {
    if (t.kind !== 'sentence' || !t.hits[0] || t.flagged?.has(t.hits[0].claim.id)) return [];
    const f = uncited(ctx, t.ref, t.hits[0]);
    return f ? [f] : [];
  },
};

/** One line: what to cite in full, the claim cut to fit ("Uncited: <claim>; cite <source>."). */
function uncitedMessage(relation: string, cite: string): string {
  const tail = `; cite ${cite}.`;
  return clip(`Uncited: ${relation}`, Math.max(40, SHORT - tail.length)) + tail;
}
