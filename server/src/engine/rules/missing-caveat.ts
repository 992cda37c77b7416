// missing-caveat: a caution the evidence requires is absent from its scope. The finding sits on
// the first sentence in scope that makes the caution necessary.
import type { Caution, Source } from '../../db/schema.js';
import { Level, type RuleContext, type SentenceRef } from '../context.js';
import { needed } from '../cautions.js';
import { blockConcepts, type PlacedBlock } from '../pipeline/document-model.js';
import { citationEdits } from '../fixes.js';
import { clip, STUDY_DESIGN } from './shared.js';
import type { Fix } from '../types.js';
import type { Draft, Rule } from './rule.js';

/** The scope unit a block belongs to, as a key. */
function scopeKey(ctx: RuleContext, pb: PlacedBlock, caution: Caution): number {
  if (caution.scope === 'document') return 0;
  if (caution.scope === 'paragraph') return pb.index;
  // Sections: the top-level (h1/h2) section, so subsections share one caution.
  let s = pb.section;
  while (s >= 0 && ctx.model.sections[s]!.parent >= 0 && ctx.model.sections[ctx.model.sections[s]!.parent]!.depth >= 2) s = ctx.model.sections[s]!.parent;
  return s;
}

/** Concepts named in a scope unit: used for topical requirements ("ketamine" said elsewhere in the section). */
function scopeConcepts(ctx: RuleContext, blocks: PlacedBlock[], caution: Caution): Set<string> {
  if (caution.scope === 'document') return ctx.model.concepts;
  const set = new Set<string>();
  for (const pb of blocks) blockConcepts(pb).forEach((c) => set.add(c));
  return set;
}

/** Does this sentence make the caution necessary? */
function triggers(ctx: RuleContext, ref: SentenceRef, caution: Caution, inScope: Set<string>): boolean {
  // A question ("Can I take Xanax before my infusion?") needs the caution in its answer as much as a statement does.
  // A trial's arms ("randomised to ketamine or midazolam") are a design, not a combination of treatments.
  if (STUDY_DESIGN.test(ref.sentence.text)) return false;
  return caution.requiredWhen.some((w) => {
    if (w.unless?.some((u) => ref.sentence.concepts.has(u))) return false;
    // The relation ("keep taking", "alongside") belongs to the sentence or its paragraph: a "plus"
    // anywhere in a document does not turn "ketamine, a horse tranquilliser" into co-medication.
    if (w.anyOf?.length && !w.anyOf.some((c) => ctx.level(ref, c) <= Level.Paragraph)) return false;
    // Topical concepts (e.g. ketamine) may be named anywhere in scope; the others (the trigger) in the sentence itself.
    const topical = w.topical ?? [];
    return w.concepts.every((c) => ref.sentence.concepts.has(c)
      || (topical.includes(c) && (inScope.has(c) || (caution.scope !== 'paragraph' && ctx.level(ref, c) <= Level.Heading))));
  });
}

function missingCaveats(ctx: RuleContext): Draft[] {
  const findings: Draft[] = [];
  const cautions = ctx.db.cautions;
  // A trigger needs each of its non-topical concepts in one sentence: if the document lacks one
  // of them for every trigger, nothing can require the caution.
  const live = cautions.map((caution) => needed(caution).some((cs) => cs.every((c) => ctx.model.concepts.has(c))));
  if (!live.some(Boolean)) return findings;
  // One pass over the blocks: those that may hold a trigger, and the scope units already satisfied.
  const candidates: PlacedBlock[][] = cautions.map(() => []);
  const satisfied: Array<Set<number>> = cautions.map(() => new Set());
  for (const pb of ctx.model.blocks) {
    if (pb.sentences.length === 0) continue;
    for (const entry of ctx.cautionBits(pb)) {
      const i = entry >> 2;
      if (!live[i]) continue;
      if (entry & 1) candidates[i]!.push(pb);
      if (entry & 2) satisfied[i]!.add(scopeKey(ctx, pb, cautions[i]!));
    }
  }
  cautions.forEach((caution, i) => {
    // The blocks (with sentences) of each scope unit, grouped in one pass when first needed.
    let scopes: Map<number, PlacedBlock[]> | undefined;
    const blocksOf = (k: number): PlacedBlock[] => {
      if (!scopes) {
        scopes = new Map();
        for (const pb of ctx.model.blocks) {
          if (pb.sentences.length === 0) continue;
          const key = scopeKey(ctx, pb, caution);
          const list = scopes.get(key);
          if (list) list.push(pb);
          else scopes.set(key, [pb]);
        }
      }
      return scopes.get(k) ?? [];
    };
    // The candidate blocks of each unsatisfied scope unit, in document order.
    const units = new Map<number, PlacedBlock[]>();
    for (const pb of candidates[i]!) {
      const k = scopeKey(ctx, pb, caution);
      if (satisfied[i]!.has(k)) continue;
      const list = units.get(k);
      if (list) list.push(pb);
      else units.set(k, [pb]);
    }
    for (const [k, blocks] of units) {
      const inScope = caution.scope === 'document' ? ctx.model.concepts
        : scopeConcepts(ctx, caution.scope === 'paragraph' ? blocks : blocksOf(k), caution);
      const trigger = firstTrigger(ctx, blocks, caution, inScope);
      if (trigger) findings.push(finding(ctx, caution, trigger));
    }
  });
  return findings;
}

/** The first sentence of prose that makes the caution necessary; a heading only when no sentence
 *  under it does (a title announces the topic; the sentence that needs the caution is where the
 *  writer adds it). */
function firstTrigger(ctx: RuleContext, blocks: PlacedBlock[], caution: Caution, inScope: Set<string>): SentenceRef | undefined {
  let heading: SentenceRef | undefined;
  for (const pb of blocks) {
    if (heading && pb.block.kind === 'heading') continue;
    for (let i = 0; i < pb.sentences.length; i++) {
      const ref = { placed: pb, sentence: pb.sentences[i]!, index: i };
      if (!triggers(ctx, ref, caution, inScope)) continue;
      if (pb.block.kind !== 'heading') return ref;
      heading = ref;
      break;
    }
  }
  return heading;
}

function finding(ctx: RuleContext, caution: Caution, trigger: SentenceRef): Draft {
  const hit = ctx.firstHit(trigger, needed(caution).flat());
  const r = hit ? ctx.range(trigger, hit.start, hit.end) : ctx.range(trigger);
  const sources = caution.sources.map((s) => ctx.db.source(s.id)).filter((s): s is Source => !!s);
  return {
    code: 'missing-caveat',
    message: clip(`Mentions ${hit ? `'${trigger.sentence.text.slice(hit.start, hit.end)}'` : 'this'} without the caution on ${caution.label}`),
    start: r.start,
    end: r.end,
    cautionId: caution.id,
    sources: sources.map((s) => s.id),
    fixes: [cautionFix(ctx, trigger, caution, sources)],
    reason: { caution: caution.id, cue: { kind: `trigger (no caution in this ${caution.scope})`, text: hit ? trigger.sentence.text.slice(hit.start, hit.end) : trigger.sentence.text.slice(0, 60) } },
  };
}

/** Insert the caution with its citation after the triggering paragraph (as a sentence of it inside lists and tables). */
function cautionFix(ctx: RuleContext, ref: SentenceRef, caution: Caution, sources: Source[]): Fix {
  const pb = ref.placed;
  let end = pb.block.end + pb.delta;
  // A table cell's range may take in its closing pipe and padding: the caution goes after its text.
  if (pb.block.kind === 'tableCell') while (end > pb.block.start + pb.delta && /[\s|]/.test(ctx.model.text[end - 1]!)) end--;
  const nl = ctx.lineEnding;
  const body = caution.text.replace(/[.\s]+$/, '');
  const cite = sources[0] ? citationEdits(ctx, sources[0], end) : [];
  const citeText = cite[0]?.newText ?? '';
  const sentence = `${body}${citeText}.`;
  const inline = pb.block.listItem || pb.block.kind === 'tableCell' || pb.block.kind === 'heading';
  const edits = [{ start: end, end, newText: inline ? ` ${sentence}` : `${nl}${nl}${sentence}` }, ...cite.slice(1)];
  return { kind: 'insert-caution', title: `Add the caution: ${body.slice(0, 60)}${body.length > 60 ? '…' : ''}`, edits, safe: false };
}

export const missingCaveat: Rule<'missing-caveat'> = {
  code: 'missing-caveat',
  name: 'MissingCaveat',
  defaultSeverity: 'warning',
  description: 'A caution the evidence requires is missing from its scope.',
  details: 'The paragraph, section or document discusses something that requires a caution (e.g. ketamine together with benzodiazepines) but no sentence in scope states it. The finding sits on the first sentence that makes the caution necessary.',
  when: 'a required caution is absent from its scope',
  docsAnchor: 'missing-caveat',
  scope: 'document',
  // Only documents that name something the database is about.
  check: (ctx, t) => (t.kind === 'document' && ctx.anchored ? missingCaveats(ctx) : []),
};
