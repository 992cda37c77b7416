// A fast path for the commonest Markdown block: a paragraph of plain text. Parser set-up costs
// about as much as parsing a short paragraph, so a chunk that provably contains no Markdown syntax
// is turned into prose directly: its text with soft line breaks as spaces, every character at its
// own offset — exactly what remark yields for it (test/engine/fastpath.test.ts checks this
// against extractProse over a generated corpus). Anything that might be syntax goes to remark.
import { emptyProse, type ProseDocument } from './markdown.js';

/** Characters and sequences that might start inline or block syntax (GFM included). */
const MAYBE_SYNTAX = /[`*_[\]<>&\\|~@\t\r\u0000]|https?:|www\.|(?:^|\n) | (?:\n|$)/;
/** Line starts that might open a block: headings, quotes, lists, setext underlines, thematic breaks, definitions. */
const BLOCK_START = /(?:^|\n)(?:[#>=+:-]|\d{1,9}[.)](?: |$))/;

export function plainParagraph(src: string, base: number): ProseDocument | undefined {
  let end = src.length;
  while (end > 0 && src.charCodeAt(end - 1) === 10) end--;
  if (end === 0) return undefined;
  const body = end === src.length ? src : src.slice(0, end);
  if (body.includes('\n\n') || MAYBE_SYNTAX.test(body) || BLOCK_START.test(body)) return undefined;
  const text = body.replace(/\n/g, ' ');
  const map = new Int32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = base + i;
  const doc = emptyProse(base, base + src.length);
  doc.blocks.push({ kind: 'paragraph', text, map, start: base, end: base + end, quoted: false, listItem: false, section: -1, paragraph: 0 });
  return doc;
}
