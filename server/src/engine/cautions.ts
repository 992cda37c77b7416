// Which cautions a block matters to: the block-level half of caution recognition, computed once
// per placed block (RuleContext.cautionBits) and read by missing-caveat.
import type { Caution } from '../db/schema.js';
import type { RuleContext } from './context.js';
import { blockConcepts, rowCells, type PlacedBlock } from './pipeline/document-model.js';

/** Does `named` hold every concept of at least one of the lists? (Loops: this runs for every block.) */
function namesAllOfOne(named: Set<string>, lists: string[][]): boolean {
  outer: for (const list of lists) {
    for (const c of list) if (!named.has(c)) continue outer;
    return true;
  }
  return false;
}

/** Does some block of the unit name the caution's satisfying concepts? A caution may span two
 *  sentences of one paragraph ("If you take lorazepam, tell us. It may weaken..."). */
function satisfiedBy(caution: Caution, named: Set<string>): boolean {
  const { concepts, anyOf } = caution.satisfiedBy;
  return concepts.every((c) => named.has(c)) && (!anyOf?.length || anyOf.some((c) => named.has(c)));
}

/** Per caution (a database object), the non-topical concepts of each trigger: a trigger sentence
 *  names all of one list. Derived from the database alone, so kept as long as the caution. */
const neededCache = new WeakMap<Caution, string[][]>();
export function needed(caution: Caution): string[][] {
  let lists = neededCache.get(caution);
  if (!lists) neededCache.set(caution, (lists = caution.requiredWhen.map((w) => w.concepts.filter((c) => !(w.topical ?? []).includes(c)))));
  return lists;
}

export const NO_CAUTIONS: readonly number[] = [];
/** The cautions a block matters to, each as (position in the database << 2 | bits): bit 1, the
 *  block names every non-topical concept of one of its triggers, so it may hold a trigger
 *  sentence; bit 2, the block satisfies it. Most blocks matter to none. */
export function cautionBits(ctx: RuleContext, pb: PlacedBlock, cautions: readonly Caution[]): readonly number[] {
  const named = blockConcepts(pb);
  // A table row states its caution across cells ("Benzodiazepines | Hold on the day | May blunt the effect").
  const row = pb.block.row === undefined ? named : rowConcepts(ctx, pb);
  let found: number[] | undefined;
  for (let i = 0; i < cautions.length; i++) {
    const bits = (namesAllOfOne(named, needed(cautions[i]!)) ? 1 : 0) | (satisfiedBy(cautions[i]!, row) || givesCaution(ctx, pb, cautions[i]!) ? 2 : 0);
    if (bits) (found ??= []).push((i << 2) | bits);
  }
  return found ?? NO_CAUTIONS;
}

/** Concepts named in the cells of a table cell's row. */
function rowConcepts(ctx: RuleContext, pb: PlacedBlock): Set<string> {
  const set = new Set<string>();
  for (const cell of rowCells(ctx.model.blocks, pb)) blockConcepts(cell).forEach((c) => set.add(c));
  return set;
}

/** Does a sentence of the block give the caution in other words ("tell us about your clonazepam:
 *  it can take the edge off the treatment"), as the recogniser reads it? Only for blocks that name
 *  something the caution is about (a benzodiazepine, a sedative), which keeps this to few blocks. */
function givesCaution(ctx: RuleContext, pb: PlacedBlock, caution: Caution): boolean {
  if (!ctx.db.recognizer || !caution.satisfiedBy.concepts.some((c) => blockConcepts(pb).has(c))) return false;
  const cls = `caution:${caution.id}`;
  return ctx.refsOf(pb).some((ref) => (ctx.recognition(ref)?.topic(cls) ?? 0) >= GIVES_MIN);
}
const GIVES_MIN = 0.4;
