// unknown-citation: a citation key that neither the claims database nor the document defines.
import type { RuleContext } from '../context.js';
import type { CitationRef } from '../markdown.js';
import type { Finding } from '../types.js';
import type { Draft, Rule } from './rule.js';

function unknownCitations(ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  const defined = new Set(ctx.model.footnotes.map((f) => f.key.toLowerCase()));
  const brackets = new Brackets(ctx.model.text);
  for (const c of ctx.model.citations) {
    if (c.kind === 'link') continue;
    const isDefined = c.kind === 'footnote' && defined.has(c.key.toLowerCase());
    const draft = ctx.citationVerdict(c, isDefined, () => (isDefined ? null : verdict(ctx, c, brackets)));
    if (draft) out.push(draft);
  }
  return out;
}

function verdict(ctx: RuleContext, c: CitationRef, brackets: Brackets): Draft | null {
  if (ctx.db.source(c.key)) return null;
  // A bare @name outside brackets is usually a handle ("@drthema"), not a Pandoc citation: only
  // [@key] is checked. (The line before the citation belongs to its chunk, which the record
  // belongs to: the answer holds as long as the record.)
  if (c.kind === 'pandoc' && !insideBrackets(brackets, c.start)) return null;
  const known = [...ctx.db.db.sources.keys()];
  const stem = withoutDigits(c.key);
  const near = known.find((k) => k.toLowerCase() === c.key.toLowerCase() || withoutDigits(k) === stem);
  return {
    code: 'unknown-citation',
    message: c.kind === 'footnote'
      ? `Footnote [^${c.key}] is defined neither here nor in the claims database${near ? ` (did you mean ${near}?)` : ''}.`
      : `Citation key @${c.key} is not a source in the claims database${near ? ` (did you mean @${near}?)` : ''}.`,
    start: c.start,
    end: c.end,
    sources: near ? [near] : [],
    fixes: near ? renameFix(ctx.model.text, c, near) : [],
  };
}


/** Replace the key inside the citation's own span (the parser gave us the span; the key sits inside it). */
function renameFix(text: string, c: { key: string; start: number; end: number }, to: string): Finding['fixes'] {
  const at = text.slice(c.start, c.end).indexOf(c.key);
  if (at < 0) return [];
  return [{ kind: 'insert-citation', title: `Change to ${to}`, edits: [{ start: c.start + at, end: c.start + at + c.key.length, newText: to }], safe: false }];
}

/** `key` without its trailing digits (a scan, not /\d+$/: that is quadratic in a long run of digits). */
function withoutDigits(key: string): string {
  let e = key.length;
  while (e > 0 && key.charCodeAt(e - 1) >= 48 && key.charCodeAt(e - 1) <= 57) e--;
  return key.slice(0, e);
}

/**
 * Where the brackets and line ends of a text are, for offsets asked in increasing order (the
 * citations, in document order): each query moves a cursor forward, so a line of many citations
 * is scanned once, not once per citation.
 */
class Brackets {
  private at = 0;
  /** The last '[', ']' or '\n' before `at`, or -1. */
  private last = -1;
  constructor(readonly text: string) {}
  /** The last '[', ']' or '\n' before `pos`. */
  before(pos: number): number {
    if (pos < this.at) { this.at = 0; this.last = -1; }
    const text = this.text;
    for (; this.at < pos; this.at++) {
      const c = text.charCodeAt(this.at);
      if (c === 91 || c === 93 || c === 10) this.last = this.at;
    }
    return this.last;
  }
  private from = -1;
  private close = -1;
  private eol = -1;
  /** The first ']' and the first '\n' at or after `pos` (-1 when there is none). */
  after(pos: number): { close: number; eol: number } {
    const text = this.text;
    const again = pos < this.from || this.from < 0;
    if (again || (this.close >= 0 && this.close < pos)) this.close = text.indexOf(']', pos);
    if (again || (this.eol >= 0 && this.eol < pos)) this.eol = text.indexOf('\n', pos);
    this.from = pos;
    return { close: this.close, eol: this.eol };
  }
}

/** Is the offset inside a [...] citation group on its line? A link's text ("[Dr X (@handle)](url)") is not one. */
function insideBrackets(b: Brackets, at: number): boolean {
  const text = b.text;
  const open = b.before(at);
  if (open < 0 || text.charCodeAt(open) !== 91) return false;
  const { close, eol } = b.after(at);
  if (close < 0 || (eol >= 0 && close > eol)) return false;
  return text[close + 1] !== '(' && text[close + 1] !== '[';
}

export const unknownCitation: Rule<'unknown-citation'> = {
  code: 'unknown-citation',
  name: 'UnknownCitation',
  defaultSeverity: 'warning',
  description: 'A citation key is not in the database.',
  details: 'A citation key ([@key] or [^key]) does not name a source in the embedded database or the configured claim packs.',
  when: '`[@key]` or `[^key]` that neither the database nor the document defines',
  docsAnchor: 'unknown-citation',
  scope: 'document',
  check: (ctx, t) => (t.kind === 'document' ? unknownCitations(ctx) : []),
};
