// Work done ahead of the writer so that the first real request runs compiled code: a short
// sample at start-up, and a rehearsed keystroke after the first analysis of a large document.
import type { Database } from '../db/schema.js';
import { analyze, type createAnalysisCache } from '../engine/index.js';
import { spanIndex } from './analysed.js';
import { citationMd, citedSource, claimMd, findingMd, mdToPlain } from './cards.js';
import type { DocContext } from './workspace.js';

/** A few sentences that exercise the rules: analysed once at start-up to load and compile the database. */
const WARM_UP_TEXT = '# Ketamine\n\nScientists have proven that ketamine works through the opioid system. Patients may take lorazepam before each infusion. A single infusion of 5 mg/kg helps within 24 hours [@williams2018].\n';

/** The engine and the hover path run once on a short sample at start-up: the first hover in a
 *  large draft took 10-17 ms (card code running for the first time), then ~0.3. */
export function warmUp(db: Database): void {
  const result = analyze(WARM_UP_TEXT, db, undefined, {});
  const spans = spanIndex(result);
  for (const h of spans.at(result.findings[0]?.start ?? 0)) {
    if (h.kind === 'finding') findingMd(h.finding);
    else { const claim = db.claims.get(h.match.claimId); if (claim) mdToPlain(claimMd(db, claim)); }
  }
  for (const c of result.citations) citationMd(db, c.key, citedSource(db, c) ?? undefined);
}

/** Documents from this size on rehearse a keystroke after their first analysis. */
export const REHEARSAL_MIN_LENGTH = 256 * 1024;

/**
 * After the first (cold) analysis of a large document: one keystroke in the middle of it and its
 * undo, through the engine with the document's cache. The incremental path then runs compiled
 * code when the writer starts typing: in a 1 MB draft the first keystrokes took 20-35 ms of
 * analysis each instead of ~6 while V8 compiled it. Costs about two of those keystrokes, before
 * the first diagnostics are published; afterwards the cache is as the first analysis left it (the
 * undo finds every unit cached, and findings moved by the keystroke are moved back).
 */
export function rehearseTyping(text: string, ctx: DocContext, cache: ReturnType<typeof createAnalysisCache>): void {
  const at = text.indexOf(' ', text.length >> 1);
  if (at < 0) return;
  analyze(text.slice(0, at) + '  ' + text.slice(at + 1), ctx.db, ctx.engine, { cache });
  analyze(text, ctx.db, ctx.engine, { cache });
}
