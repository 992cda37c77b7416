// The sentence rules run unit by unit. With a cache, a unit whose text and key did not change
// reuses its last results, and a unit that did not move either reuses its placed findings; a model
// continued from the last one (splice.ts) keeps the output of its unchanged units.
import type { RuleContext } from '../context.js';
import type { DocModel } from '../pipeline/document-model.js';
import { CancelledError, type CancellationToken, type ClaimMatch, type EngineConfig, type Finding } from '../types.js';
import type { AnalysisCache, UnitRec, UnitSlot } from './analysis-cache.js';
import { inherits, UnitKeys } from './keys.js';
import { movePlaced, place, unitResults, type UnitLoopOutput, type UnitResults } from './placement.js';

/** Sentence-rule findings and claim matches of the model's units, in document order. */
export function runSentenceRules(
  text: string, model: DocModel, ctx: RuleContext, config: EngineConfig, cache?: AnalysisCache, token?: CancellationToken,
): { found: Finding[]; matches: ClaimMatch[] } {
  const loop = new UnitLoop(text, model, ctx, config, cache);
  const last = cache?.lastFound;
  const cont = model.continued;
  if (cont && last && last.run === cont.from && last.docKey === loop.docKey && !(last.endEdits && last.docEnd !== text.length)) loop.continueFrom(last, cont, token);
  else loop.runAll(token);
  // Copies: the arrays returned belong to the caller.
  if (cache) cache.lastFound = { run: model.run, docKey: loop.docKey, found: loop.found.slice(), matches: loop.matches.slice(), endEdits: loop.endEdits, docEnd: text.length } satisfies UnitLoopOutput;
  return { found: loop.found, matches: loop.matches };
}

class UnitLoop {
  found: Finding[] = [];
  readonly matches: ClaimMatch[] = [];
  /** Whether some unit's fixes edit at the document's end. */
  endEdits = false;
  private readonly keys?: UnitKeys;

  constructor(private readonly text: string, private readonly model: DocModel, private readonly ctx: RuleContext, private readonly config: EngineConfig, private readonly cache?: AnalysisCache) {
    if (cache) this.keys = new UnitKeys(ctx, cache, config);
  }

  get docKey(): string {
    return this.keys?.docKey ?? '';
  }

  runAll(token?: CancellationToken): void {
    for (const rec of this.model.units) {
      if (token?.isCancellationRequested) throw new CancelledError();
      if (rec.blockCount > 0) this.runUnit(rec);
      else this.addNothing(rec);
    }
  }

  /**
   * A model continued from the last one keeps the results of its unchanged units: those before the
   * change as they were, those after it moved. Only the context must not have changed (topic,
   * configuration, footnotes) nor, when fixes append at the document end, its length (the caller checks).
   */
  continueFrom(last: UnitLoopOutput, cont: { prefix: number; suffix: number }, token?: CancellationToken): void {
    const units = this.model.units;
    const before = cont.prefix > 0 ? units[cont.prefix - 1]! : undefined;
    this.found = last.found.slice(0, before ? before.foundFrom + before.foundCount : 0);
    const matchesEnd = before ? before.matchesFrom + before.matchesCount : 0;
    for (let i = 0; i < matchesEnd; i++) this.matches.push(last.matches[i]!);
    this.endEdits = last.endEdits;
    for (let i = cont.prefix; i < units.length - cont.suffix; i++) {
      if (token?.isCancellationRequested) throw new CancelledError();
      if (units[i]!.blockCount > 0) this.runUnit(units[i]!);
      else this.addNothing(units[i]!);
    }
    // The units right after the change that start with a list item or table cell (units without
    // prose in between do not count) may take context from it: their keys are checked again.
    let inheriting = true;
    for (let i = units.length - cont.suffix; i < units.length; i++) {
      const rec = units[i]!;
      if (rec.blockCount === 0) { this.addNothing(rec); continue; }
      inheriting &&= inherits(this.model.blocks, rec);
      if (inheriting) this.runUnit(rec);
      else this.addPlaced(rec, rec.slot, rec.slot!.placed!.results, rec.layout.delta);
    }
  }

  private runUnit(rec: UnitRec): void {
    const slot = rec.slot;
    const delta = rec.layout.delta;
    const key = this.keys && slot ? this.keys.keyOf(rec) : undefined;
    const saved = key !== undefined && slot?.rules?.key === key ? slot.rules.value : undefined;
    const results = saved ?? unitResults(this.ctx, this.refsOf(rec), delta, this.text.length);
    if (key !== undefined && slot && !saved) slot.rules = { key, value: results };
    this.addPlaced(rec, slot, results, delta);
  }

  private refsOf(rec: UnitRec) {
    return this.model.blocks.slice(rec.blocksFrom, rec.blocksFrom + rec.blockCount).flatMap((pb) => this.ctx.refsOf(pb));
  }

  /** A unit without prose blocks has no results; it still records where it sits in the output. */
  private addNothing(rec: UnitRec): void {
    rec.foundFrom = this.found.length;
    rec.foundCount = 0;
    rec.matchesFrom = this.matches.length;
    rec.matchesCount = 0;
  }

  private addPlaced(rec: UnitRec, slot: UnitSlot | undefined, results: UnitResults, delta: number): void {
    const text = this.text;
    let placed = slot?.placed;
    if (!placed || placed.results !== results || (results.endEdits && placed.docEnd !== text.length)) {
      placed = place(results, delta, text.length, this.config, !!this.cache);
      if (this.cache && slot) slot.placed = placed;
    } else if (placed.delta !== delta) {
      movePlaced(placed, delta);
    }
    if (results.endEdits) this.endEdits = true;
    rec.foundFrom = this.found.length;
    rec.foundCount = placed.findings.length;
    rec.matchesFrom = this.matches.length;
    rec.matchesCount = placed.matches.length;
    for (const f of placed.findings) this.found.push(f);
    for (const m of placed.matches) this.matches.push(m);
  }
}
