// unknown-citation: a citation key that neither the claims database nor the document defines.
import type { RuleContext } from '../context.js';
import { moveFinding } from '../fixes.js';
import type { CitationRef } from '../markdown.js';
import type { Finding } from '../types.js';
import type { Draft, Rule } from './rule.js';

/** What a citation record last gave (with the language server's cache, records live across
 *  versions and move with their unit): its finding, or null, for one database and one answer to
 *  "is there a footnote definition of this key". Reusing the finding object keeps its identity, so
 *  the server reuses its diagnostic too. */
interface Verdict { db: object; defined: boolean; draft: Draft | null }
const VERDICT = Symbol('claimlint.unknownCitation');

function unknownCitations(ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  const defined = new Set(ctx.model.footnotes.map((f) => f.key.toLowerCase()));
  for (const c of ctx.model.citations) {
    if (c.kind === 'link') continue;
    const isDefined = c.kind === 'footnote' && defined.has(c.key.toLowerCase());
    const memo = (c as CitationRef & { [VERDICT]?: Verdict })[VERDICT];
    let draft: Draft | null;
    if (memo && memo.db === ctx.db && memo.defined === isDefined) {
      draft = memo.draft;
      if (draft && draft.start !== c.start) moveFinding(draft, c.start - draft.start);
    } else {
      draft = isDefined ? null : verdict(ctx, c);
      if (!memo) Object.defineProperty(c, VERDICT, { value: { db: ctx.db, defined: isDefined, draft }, writable: true });
      else (c as CitationRef & { [VERDICT]: Verdict })[VERDICT] = { db: ctx.db, defined: isDefined, draft };
    }
    if (draft) out.push(draft);
  }
  return out;
}

function verdict(ctx: RuleContext, c: CitationRef): Draft | null {
  if (ctx.db.source(c.key)) return null;
  // A bare @name outside brackets is usually a handle ("@drthema"), not a Pandoc citation: only
  // [@key] is checked. (The line before the citation belongs to its chunk, which the record
  // belongs to: the answer holds as long as the record.)
  if (c.kind === 'pandoc' && !insideBrackets(ctx.model.text, c.start)) return null;
  const known = [...ctx.db.db.sources.keys()];
  const near = known.find((k) => k.toLowerCase() === c.key.toLowerCase() || k.replace(/\d+$/, '') === c.key.replace(/\d+$/, ''));
  return {
    code: 'unknown-citation',
    message: c.kind === 'footnote'
      ? `Footnote [^${c.key}] has no definition in this document and is not a source in the claims database${near ? ` (did you mean ${near}?)` : ''}.`
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

/** Is the offset inside a [...] citation group on its line? A link's text ("[Dr X (@handle)](url)") is not one. */
function insideBrackets(text: string, at: number): boolean {
  let open = -1;
  for (let i = at - 1; i >= 0 && text[i] !== '\n'; i--) {
    if (text[i] === ']') return false;
    if (text[i] === '[') { open = i; break; }
  }
  if (open < 0) return false;
  const close = text.indexOf(']', at);
  const eol = text.indexOf('\n', at);
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
