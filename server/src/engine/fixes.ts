// Fix data the adapters turn into quick fixes and `--fix` edits. Every edit is computed from
// source offsets the parser reported; nothing is re-found by searching the text.
import { formatReference, shortCitation } from '../db/bibliography.js';
import type { Claim, Source } from '../db/schema.js';
import type { RuleContext, SentenceRef } from './context.js';
import { sourceOffset, sourceRange } from './pipeline/document-model.js';
import type { CitationStyle, Fix, TextEdit } from './types.js';

const TERMINAL = /[.!?\u2026]["'\u201d\u2019)\]]*$/;

/** Source offset where an in-sentence citation goes: before the final punctuation. */
export function citationPoint(ctx: RuleContext, ref: SentenceRef): number {
  const t = ref.sentence.text;
  const m = TERMINAL.exec(t);
  const at = m ? m.index : t.length;
  // Insert right after the last character that precedes the punctuation.
  return at > 0 ? sourceRange(ref.placed, ref.sentence.proseStart, ref.sentence.proseStart + at).end : sourceOffset(ref.placed, ref.sentence.proseStart);
}

/** Moves a finding and its fixes' edits by `by` characters, in place. */
export function moveFinding(f: { start: number; end: number; fixes: Fix[] }, by: number): void {
  f.start += by;
  f.end += by;
  for (const fix of f.fixes) for (const e of fix.edits) { e.start += by; e.end += by; }
}

export function doiUrl(s: Source): string | undefined {
  return s.DOI ? `https://doi.org/${s.DOI}` : s.URL;
}

/**
 * The line ending a fix inserts: the document's own (CRLF if it has any, else the first line
 * ending it has, so a CR-only document gets CR), LF in a document of one line. Asked once per
 * analysis (RuleContext.lineEnding): a scan of the text per finding would make fixes quadratic.
 */
export function lineEnding(text: string): string {
  const first = /\r\n?|\n/.exec(text)?.[0];
  return first === undefined ? '\n' : first === '\r\n' || text.includes('\r\n') ? '\r\n' : first;
}

/** The footnote definition line for a source ("[^key]: reference"), shared with citation completion. */
export function footnoteDefinition(source: Source, nl = '\n'): string {
  return `[^${source.id}]: ${formatReference(source)}${nl}`;
}

/** The edits that cite `source` at `at` in the configured style. */
export function citationEdits(ctx: RuleContext, source: Source, at: number, style: CitationStyle = ctx.config.citationStyle): TextEdit[] {
  switch (style) {
    case 'footnote': {
      const edits: TextEdit[] = [{ start: at, end: at, newText: `[^${source.id}]` }];
      if (!ctx.footnoteKeys.has(source.id)) {
        const text = ctx.model.text;
        const nl = ctx.lineEnding;
        const sep = text.endsWith(nl + nl) ? '' : text.endsWith(nl) ? nl : nl + nl;
        edits.push({ start: text.length, end: text.length, newText: sep + footnoteDefinition(source, nl) });
      }
      return edits;
    }
    case 'link': {
      const url = doiUrl(source);
      return [{ start: at, end: at, newText: url ? ` ([${shortCitation(source)}](${url}))` : ` (${shortCitation(source)})` }];
    }
    default:
      return [{ start: at, end: at, newText: ` [@${source.id}]` }];
  }
}

/** Cite `source` after the sentence; `safe` (applied by --fix) only when the caller is sure the source says what the sentence says. */
export function citationFix(ctx: RuleContext, ref: SentenceRef, source: Source, safe: boolean): Fix {
  return {
    kind: 'insert-citation',
    title: `Cite ${shortCitation(source)}`,
    edits: citationEdits(ctx, source, citationPoint(ctx, ref)),
    safe,
  };
}

/** Primary sources of a claim (the underlying studies first, then reports). */
export function claimSources(ctx: RuleContext, claim: Claim): Source[] {
  return claim.sources.map((r) => ctx.db.source(r.id)).filter((s): s is Source => !!s);
}

export function citeList(sources: Source[]): string {
  return sources.map((s) => shortCitation(s)).join('; ');
}

/** Replace a span of the sentence when the source under it is plain text (no markup inside). */
export function replaceSpanFix(ctx: RuleContext, ref: SentenceRef, start: number, end: number, newText: string, title: string, kind: Fix['kind'], safe: boolean): Fix | undefined {
  const r = ctx.range(ref, start, end);
  if (ctx.model.text.slice(r.start, r.end) !== ref.sentence.text.slice(start, end)) return undefined;
  return { kind, title, edits: [{ start: r.start, end: r.end, newText }], safe };
}

/** Lower-case the first letter unless the first word looks like a name or abbreviation. */
export function lowerFirst(s: string): string {
  // The first word without its possessive or punctuation ("Ketamine's" → "Ketamine").
  // A capitalised compound ("Brain-Derived") is a name: it keeps its capitals.
  const first = /^[\p{L}]+(?:-[\p{L}]+)*/u.exec(s)?.[0] ?? '';
  // "I" stays a capital.
  if (/^[A-Z][a-z]*(?:-[a-z]+)*$/.test(first) && first !== 'I' && !/^(FDA|NMDA|AMPA|GABA|BDNF|TRD|MDD|ECT)$/.test(first)) return s[0]!.toLowerCase() + s.slice(1);
  return s;
}
