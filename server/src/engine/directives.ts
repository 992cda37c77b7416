// Inline directives: <!-- claimlint-disable-next-line CODE -- reason -->, <!-- claimlint-disable CODE -- reason -->
// … <!-- claimlint-enable CODE -->. A directive with an unknown code, or without a reason (none, a
// placeholder, or a word or two), is itself reported (rules/invalid-directive.ts); here: what each
// directive is wrong about, and suppression.
import { closest } from './closest.js';
import { LineIndex } from './lines.js';
import type { Directive } from './markdown.js';
import type { Finding } from './types.js';

interface Suppression { codes: Set<string> | 'all'; from: number; to: number }

/** What the editors' "disable for this line" action writes for the writer to replace. */
export const REASON_PLACEHOLDER = 'TODO reason';
/** A reason says why the finding is wrong here: a word or two ("ok", "see above") does not. */
export const MIN_REASON_WORDS = 3;
const PLACEHOLDER = /^(?:(?:todo|fixme|xxx|tbd)\b.*|reason|why|\.{3}|\u2026)$/i;

/** Is a directive's reason a placeholder or too short to count as one? */
export function isPlaceholderReason(reason: string): boolean {
  const r = reason.trim();
  return PLACEHOLDER.test(r) || r.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length < MIN_REASON_WORDS;
}

/** What is wrong with each directive, given the known codes. */
export function directiveProblems(directives: readonly Directive[], known: ReadonlySet<string>): Array<Omit<Finding, 'severity'>> {
  const problems: Array<Omit<Finding, 'severity'>> = [];
  for (const d of [...directives].sort((a, b) => a.start - b.start)) {
    const unknown = d.codes.filter((c) => !known.has(c));
    if (unknown.length) {
      const guesses = unknown.map((u) => closest(u, [...known])).filter((g): g is string => g !== undefined);
      const hint = guesses.length ? ` (did you mean ${guesses.map((g) => `'${g}'`).join(', ')}?)` : '';
      problems.push({
        code: 'invalid-directive',
        message: `Unknown rule ${unknown.map((u) => `'${u}'`).join(', ')} in claimlint directive${hint}; known rules: ${[...known].join(', ')}.`,
        start: d.start, end: d.end, sources: [], fixes: [],
      });
    }
    if (d.kind !== 'enable' && !d.reason?.trim()) {
      problems.push({
        code: 'invalid-directive',
        message: `claimlint directive needs a reason after '--' (e.g. <!-- claimlint-${d.kind} ${d.codes[0] ?? 'CODE'} -- quoting the paper -->).`,
        start: d.start, end: d.end, sources: [], fixes: [],
      });
    } else if (d.kind !== 'enable' && isPlaceholderReason(d.reason!)) {
      problems.push({
        code: 'invalid-directive',
        message: `Directive reason '${d.reason!.trim().slice(0, 40)}' is a placeholder; say why in ${MIN_REASON_WORDS} words or more.`,
        start: d.start, end: d.end, sources: [], fixes: [],
      });
    }
  }
  return problems;
}

/** The findings no directive disables. */
export function applyDirectives(text: string, directives: readonly Directive[], findings: Finding[], known: ReadonlySet<string>, lines = new LineIndex(text)): Finding[] {
  const suppressions: Suppression[] = [];
  const open = new Map<string, number>(); // code or '*' → offset where disabling began
  const sorted = [...directives].sort((a, b) => a.start - b.start);
  for (const d of sorted) {
    const codes: Set<string> | 'all' = d.codes.length ? new Set(d.codes.filter((c) => known.has(c))) : 'all';
    const line = lines.positionAt(d.end).line;
    if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
      const target = d.kind === 'disable-line' ? lines.positionAt(d.start).line : line + 1;
      suppressions.push({ codes, from: lines.offsetAt({ line: target, character: 0 }), to: lines.offsetAt({ line: target + 1, character: 0 }) - 1 });
    } else if (d.kind === 'disable') {
      for (const c of codes === 'all' ? ['*'] : codes) if (!open.has(c)) open.set(c, d.end);
    } else {
      const keys = codes === 'all' ? [...open.keys()] : [...codes, ...(open.has('*') ? ['*'] : [])];
      for (const c of keys) {
        const from = open.get(c);
        if (from === undefined) continue;
        open.delete(c);
        suppressions.push({ codes: c === '*' ? 'all' : new Set([c]), from, to: d.start });
      }
    }
  }
  for (const [c, from] of open) suppressions.push({ codes: c === '*' ? 'all' : new Set([c]), from, to: text.length });
  return findings.filter((f) => !suppressions.some((s) => f.start >= s.from && f.start <= s.to && (s.codes === 'all' || s.codes.has(f.code))));
}
