// Inline directives: <!-- claimlint-disable-next-line CODE -- reason -->, <!-- claimlint-disable CODE -- reason -->
// … <!-- claimlint-enable CODE -->. A directive with an unknown code or without a reason is itself reported.
import { LineIndex } from './lines.js';
import type { Directive } from './markdown.js';
import { CODES, type Code, type Finding } from './types.js';

const KNOWN = new Set<string>(CODES);

interface Suppression { codes: Set<string> | 'all'; from: number; to: number }

export function applyDirectives(text: string, directives: Directive[], findings: Finding[], lines = new LineIndex(text)): { kept: Finding[]; problems: Array<Omit<Finding, 'severity'>> } {
  const problems: Array<Omit<Finding, 'severity'>> = [];
  const suppressions: Suppression[] = [];
  const open = new Map<string, number>(); // code or '*' → offset where disabling began
  const sorted = [...directives].sort((a, b) => a.start - b.start);
  for (const d of sorted) {
    const unknown = d.codes.filter((c) => !KNOWN.has(c));
    if (unknown.length) {
      problems.push({
        code: 'invalid-directive',
        message: `Unknown rule ${unknown.map((u) => `'${u}'`).join(', ')} in claimlint directive; known rules: ${CODES.join(', ')}.`,
        start: d.start, end: d.end, sources: [], fixes: [],
      });
    }
    if (d.kind !== 'enable' && !d.reason?.trim()) {
      problems.push({
        code: 'invalid-directive',
        message: `claimlint directive needs a reason after '--' (e.g. <!-- claimlint-${d.kind} ${d.codes[0] ?? 'CODE'} -- quoting the paper -->).`,
        start: d.start, end: d.end, sources: [], fixes: [],
      });
    }
    const codes: Set<string> | 'all' = d.codes.length ? new Set(d.codes.filter((c) => KNOWN.has(c))) : 'all';
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
  const kept = findings.filter((f) => !suppressions.some((s) => f.start >= s.from && f.start <= s.to && (s.codes === 'all' || s.codes.has(f.code))));
  return { kept, problems };
}

export type { Code };
