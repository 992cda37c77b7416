// missing-caveat: a caution the evidence requires is absent from its scope. The finding sits on
// the first sentence in scope that makes the caution necessary.
import type { Caution, Source } from '../../db/schema.js';
import { Level, type RuleContext, type SentenceRef } from '../context.js';
import { blockConcepts, type PlacedBlock } from '../document.js';
import { citationEdits, citeList } from '../fixes.js';
import type { Finding, Fix } from '../types.js';

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

/** Does `named` hold every concept of at least one of the lists? (Loops: this runs for every block.) */
function namesAllOfOne(named: Set<string>, lists: string[][]): boolean {
  outer: for (const list of lists) {
    for (const c of list) if (!named.has(c)) continue outer;
    return true;
  }
  return false;
}

/** A caution may span two sentences of one paragraph ("If you take lorazepam, tell us. It may weaken…"). */
function satisfied(caution: Caution, blocks: PlacedBlock[]): boolean {
  const { concepts, anyOf } = caution.satisfiedBy;
  for (const pb of blocks) {
    const set = blockConcepts(pb);
    if (concepts.every((c) => set.has(c)) && (!anyOf?.length || anyOf.some((c) => set.has(c)))) return true;
  }
  return false;
}

/** Does this sentence make the caution necessary? */
function triggers(ctx: RuleContext, ref: SentenceRef, caution: Caution, inScope: Set<string>): boolean {
  // A question ("Can I take Xanax before my infusion?") needs the caution in its answer as much as a statement does.
  return caution.requiredWhen.some((w) => {
    if (w.unless?.some((u) => ref.s.concepts.has(u))) return false;
    if (w.anyOf?.length && !w.anyOf.some((c) => ref.s.concepts.has(c) || inScope.has(c))) return false;
    // Topical concepts (e.g. ketamine) may be named anywhere in scope; the others (the trigger) in the sentence itself.
    const topical = w.topical ?? [];
    return w.concepts.every((c) => ref.s.concepts.has(c)
      || (topical.includes(c) && (inScope.has(c) || (caution.scope !== 'paragraph' && ctx.level(ref, c) <= Level.Heading))));
  });
}

export function missingCaveat(ctx: RuleContext): Array<Omit<Finding, 'severity'>> {
  const findings: Array<Omit<Finding, 'severity'>> = [];
  for (const caution of ctx.db.cautions) {
    // A trigger needs each of its non-topical concepts in one sentence: if the document lacks one
    // of them for every trigger, nothing can require the caution.
    if (!caution.requiredWhen.some((w) => w.concepts.every((c) => (w.topical ?? []).includes(c) || ctx.model.concepts.has(c)))) continue;
    // A trigger sentence names every non-topical concept of one of the caution's conditions, so
    // only scope units with a block naming them all can need the caution. Long drafts have
    // thousands of units and few such blocks: find those first.
    const needed = caution.requiredWhen.map((w) => w.concepts.filter((c) => !(w.topical ?? []).includes(c)));
    const candidateKeys = new Set<number>();
    for (const pb of ctx.model.blocks) {
      if (pb.sentences.length === 0) continue;
      if (namesAllOfOne(blockConcepts(pb), needed)) candidateKeys.add(scopeKey(ctx, pb, caution));
    }
    if (candidateKeys.size === 0) continue;
    // Scope units are made of whole blocks: group blocks, and visit sentences only to find a trigger.
    const units = new Map<number, PlacedBlock[]>();
    for (const pb of ctx.model.blocks) {
      if (pb.sentences.length === 0) continue;
      const k = scopeKey(ctx, pb, caution);
      if (!candidateKeys.has(k)) continue;
      let list = units.get(k);
      if (!list) units.set(k, (list = []));
      list.push(pb);
    }
    for (const blocks of units.values()) {
      if (satisfied(caution, blocks)) continue;
      const inScope = scopeConcepts(ctx, blocks, caution);
      let trigger: SentenceRef | undefined;
      for (const pb of blocks) {
        for (let i = 0; i < pb.sentences.length && !trigger; i++) {
          const ref = { pb, s: pb.sentences[i]!, i };
          if (triggers(ctx, ref, caution, inScope)) trigger = ref;
        }
        if (trigger) break;
      }
      if (!trigger) continue;
      const hit = ctx.firstHit(trigger, caution.requiredWhen.flatMap((w) => w.concepts.filter((c) => !(w.topical ?? []).includes(c))));
      const r = hit ? ctx.range(trigger, hit.start, hit.end) : ctx.range(trigger);
      const sources = caution.sources.map((s) => ctx.db.source(s.id)).filter((s): s is Source => !!s);
      findings.push({
        code: 'missing-caveat',
        message: `Discusses ${hit ? `'${trigger.s.text.slice(hit.start, hit.end)}'` : 'this'} without the required caution: ${caution.text.replace(/\.$/, '')} (${citeList(sources)}). Add it to this ${caution.scope}.`,
        start: r.start,
        end: r.end,
        cautionId: caution.id,
        sources: sources.map((s) => s.id),
        fixes: [cautionFix(ctx, trigger, caution, sources)],
      });
    }
  }
  return findings;
}

/** Insert the caution with its citation after the triggering paragraph (as a sentence of it inside lists and tables). */
function cautionFix(ctx: RuleContext, ref: SentenceRef, caution: Caution, sources: Source[]): Fix {
  const pb = ref.pb;
  const end = pb.block.end + pb.delta;
  const text = ctx.model.text;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const body = caution.text.replace(/[.\s]+$/, '');
  const cite = sources[0] ? citationEdits(ctx, sources[0], end) : [];
  const citeText = cite[0]?.newText ?? '';
  const sentence = `${body}${citeText}.`;
  const inline = pb.block.listItem || pb.block.kind === 'tableCell' || pb.block.kind === 'heading';
  const edits = [{ start: end, end, newText: inline ? ` ${sentence}` : `${nl}${nl}${sentence}` }, ...cite.slice(1)];
  return { kind: 'insert-caution', title: `Add the caution: ${body.slice(0, 60)}${body.length > 60 ? '…' : ''}`, edits, safe: false };
}
