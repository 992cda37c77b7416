// Applies fixes to a text (pure). Used by `claimlint --fix` and the language server's fix-all.
// Fixes are taken in document order; a fix whose edits overlap an edit already accepted (or
// are malformed) is skipped and reported, so a second lint pass can offer it again on the new text.
import type { Fix, TextEdit } from './types.js';

export interface ApplyFixesOptions {
  /** Also apply fixes marked unsafe (the language server, when the user picked them). Default false. */
  unsafe?: boolean;
}

export interface ApplyFixesResult {
  /** The text with the accepted fixes applied. */
  output: string;
  /** Fixes applied, in document order. */
  applied: Fix[];
  /** Fixes eligible but not applied (overlapping an applied fix, or malformed): they remain. */
  skipped: Fix[];
}

const overlaps = (a: TextEdit, b: TextEdit): boolean => {
  // Two insertions at one offset are ambiguous (which goes first?), so they conflict too.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
};

const firstStart = (f: Fix) => Math.min(...f.edits.map((e) => e.start));

export function applyFixes(text: string, fixes: readonly Fix[], opts: ApplyFixesOptions = {}): ApplyFixesResult {
  const eligible = fixes
    .map((fix, i) => ({ fix, i }))
    .filter(({ fix }) => fix.edits.length > 0 && (fix.safe || opts.unsafe))
    .sort((a, b) => firstStart(a.fix) - firstStart(b.fix) || a.i - b.i);
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const { fix } of eligible) {
    const valid = fix.edits.every((e) => Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= text.length);
    const selfOverlap = fix.edits.some((e, i) => fix.edits.some((f, j) => i < j && overlaps(e, f)));
    if (!valid || selfOverlap || fix.edits.some((e) => accepted.some((a) => overlaps(a, e)))) {
      skipped.push(fix);
      continue;
    }
    accepted.push(...fix.edits);
    applied.push(fix);
  }
  // Edits are disjoint now; building the output front to back gives the same text as applying
  // them back to front, in one pass. At one offset, an insertion precedes a replacement starting there.
  accepted.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start));
  const parts: string[] = [];
  let pos = 0;
  for (const e of accepted) {
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return { output: accepted.length ? parts.join('') : text, applied, skipped };
}
