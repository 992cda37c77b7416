// unknown-citation: a citation key that neither the claims database nor the document defines.
import type { RuleContext } from '../context.js';
import type { Finding } from '../types.js';

export function unknownCitation(ctx: RuleContext): Array<Omit<Finding, 'severity'>> {
  const out: Array<Omit<Finding, 'severity'>> = [];
  const defined = new Set(ctx.model.footnotes.map((f) => f.key.toLowerCase()));
  for (const c of ctx.model.citations) {
    if (c.kind === 'link') continue;
    if (c.kind === 'footnote' && defined.has(c.key.toLowerCase())) continue;
    if (ctx.db.source(c.key)) continue;
    // A bare @name outside brackets is usually a handle ("@drthema"), not a Pandoc citation: only [@key] is checked.
    if (c.kind === 'pandoc' && !insideBrackets(ctx.model.text, c.start)) continue;
    const known = [...ctx.db.db.sources.keys()];
    const near = known.find((k) => k.toLowerCase() === c.key.toLowerCase() || k.replace(/\d+$/, '') === c.key.replace(/\d+$/, ''));
    out.push({
      code: 'unknown-citation',
      message: c.kind === 'footnote'
        ? `Footnote [^${c.key}] has no definition in this document and is not a source in the claims database${near ? ` (did you mean ${near}?)` : ''}.`
        : `Citation key @${c.key} is not a source in the claims database${near ? ` (did you mean @${near}?)` : ''}.`,
      start: c.start,
      end: c.end,
      sources: near ? [near] : [],
      fixes: near ? renameFix(ctx.model.text, c, near) : [],
    });
  }
  return out;
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
