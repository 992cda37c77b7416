// Sentence-rule results kept per unit occurrence: drafts relative to the unit (so they survive a
// move), placed at the unit's offset for one version, and moved in place when only the offset changed.
import type { RuleContext, SentenceRef } from '../context.js';
import { moveFinding } from '../fixes.js';
import { byPosition, sentenceFindings, severityOf } from '../pipeline/findings.js';
import type { Draft } from '../rules/index.js';
import type { ClaimMatch, EngineConfig, Finding, Fix, Severity, TextEdit } from '../types.js';
import { rememberDraft } from './identity.js';

/** Sentence-rule results of one unit with offsets relative to the unit (`-1` marks the document end). */
export interface UnitResults { drafts: Draft[]; matches: ClaimMatch[]; endEdits: boolean }

/** A unit's results placed in one version of the document: reused while the unit's results, its
 *  offset and (for edits at the document's end) the document's length are unchanged. */
export interface Placed { results: UnitResults; delta: number; docEnd: number; findings: Finding[]; matches: ClaimMatch[] }

/** The unit loop's output for one model, kept in the cache for the model that continues it. */
export interface UnitLoopOutput {
  run: number;
  docKey: string;
  found: Finding[];
  matches: ClaimMatch[];
  /** Whether any unit's fixes edit at the document's end, and that end. */
  endEdits: boolean;
  docEnd: number;
}

const END = -1;
export function unitResults(ctx: RuleContext, refs: SentenceRef[], delta: number, docEnd: number): UnitResults {
  const drafts: Draft[] = [];
  const matches: ClaimMatch[] = [];
  for (const ref of refs) {
    if (ref.sentence.concepts.size === 0 || ctx.inReferenceList(ref) || ctx.inBracketedNote(ref) || ctx.statedAsMyth(ref)) continue;
    const hits = ctx.claims(ref);
    if (hits.length) {
      const r = ctx.range(ref);
      for (const h of hits) matches.push({ claimId: h.claim.id, score: h.score, start: r.start - delta, end: r.end - delta });
    }
    for (const d of sentenceFindings(ctx, ref, hits)) drafts.push(relativeDraft(d, delta, docEnd));
  }
  drafts.sort(byPosition);
  const endEdits = drafts.some((d) => d.fixes.some((f) => f.edits.some((e) => e.start === END || e.end === END)));
  return { drafts, matches, endEdits };
}

export function place(results: UnitResults, delta: number, docEnd: number, config: EngineConfig, remember: boolean): Placed {
  return {
    results, delta, docEnd,
    findings: results.drafts.map((d) => {
      const f = placeDraft(d, delta, docEnd, severityOf(config, d.code)!);
      if (remember) rememberDraft(f, d);
      return f;
    }),
    matches: results.matches.map((m) => ({ claimId: m.claimId, score: m.score, start: m.start + delta, end: m.end + delta })),
  };
}

/** Moves a unit's placed findings and matches to `delta` in place: the unit moved, its results did
 *  not change (an edit earlier in the document), and new objects for half the findings of a long
 *  document on every keystroke were most of the engine's garbage. Not for units whose fixes edit at
 *  the document's end (those are placed again). */
export function movePlaced(placed: Placed, delta: number): void {
  const by = delta - placed.delta;
  placed.delta = delta;
  for (const f of placed.findings) moveFinding(f, by);
  for (const m of placed.matches) { m.start += by; m.end += by; }
}

/** A unit-relative draft placed at `delta`, built field by field: an edit moves every finding after
 *  it, so this runs for about half of a long document's findings on each keystroke. */
export function placeDraft(d: Draft, delta: number, docEnd: number, severity: Severity): Finding {
  const fixes: Fix[] = new Array(d.fixes.length);
  for (let i = 0; i < fixes.length; i++) {
    const x = d.fixes[i]!;
    const edits: TextEdit[] = new Array(x.edits.length);
    for (let k = 0; k < edits.length; k++) {
      const e = x.edits[k]!;
      edits[k] = { start: e.start === END ? docEnd : e.start + delta, end: e.end === END ? docEnd : e.end + delta, newText: e.newText };
    }
    fixes[i] = { kind: x.kind, title: x.title, edits, safe: x.safe };
  }
  const f: Finding = { code: d.code, severity, message: d.message, start: d.start + delta, end: d.end + delta, sources: d.sources, fixes };
  if (d.claimId !== undefined) f.claimId = d.claimId;
  if (d.cautionId !== undefined) f.cautionId = d.cautionId;
  if (d.reason !== undefined) f.reason = d.reason;
  return f;
}

/** A draft at document offsets made relative to its unit at `delta` (placeDraft undoes it); edits
 *  at the document's end become END, so they stay there (they append footnote definitions). */
export function relativeDraft(d: Draft, delta: number, docEnd: number): Draft {
  const pos = (x: number) => (x === docEnd ? END : x - delta);
  return {
    ...d,
    start: d.start - delta,
    end: d.end - delta,
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: pos(e.start), end: pos(e.end) })) })),
  };
}

