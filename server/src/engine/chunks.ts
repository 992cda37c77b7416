// Splitting a document into independently parseable top-level chunks (for incremental analysis),
// and merging per-chunk prose back into one document.
//
// A chunk boundary is placed only at the start of a line that (1) follows one or more blank
// lines, (2) is not indented, and (3) cannot continue the construct before it: not inside a
// fenced code block, an HTML block or front matter; not a list item after a list; not a
// blockquote line after a blockquote. Parsing each chunk alone then yields the same prose as
// parsing the whole document.
//
// References across chunks: link reference definitions are document-global and a reference
// `[text][ref]` whose definition sits in another chunk would parse as literal text, so a document
// with any line that looks like a definition (`[label]: …`) is returned as a single chunk.
// Footnote references `[^n]` need no such care: extractProse emits and records them from their
// source text whether or not the definition is in the same chunk. Remaining known limitation:
// with a footnote definition in another chunk, `[^n]` is parsed as text, so emphasis or links
// overlapping the brackets (e.g. `*a[^n]*`) could differ; plain references are identical.
import { frontmatterEnd, sectionEnds, type ProseBlock, type ProseDocument } from './markdown.js';

export interface Chunk {
  start: number;
  end: number;
}

const DEFINITION = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*\[(?!\^)(?:[^\]\\]|\\.)+\]:/;
const FRONTMATTER_LIKE = /^(?:---|\+\+\+)[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
const BLANK = /^[ \t]*$/;
const FOOTNOTE_DEF = /^\[\^[^\]\s]+\]:/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HTML_1 = /^<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_1_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML_6 = new RegExp(
  '^</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
    'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|' +
    'nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\\s>]|/>|$)',
  'i',
);
const HTML_7 = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;

type State =
  | { kind: 'none' }
  // A fenced code block; inside a list item it also ends at a line indented less than the
  // item's content (`minIndent`), inside a blockquote at a line without '>'.
  | { kind: 'fence'; char: string; length: number; minIndent: number; quote: boolean }
  | { kind: 'html'; end: RegExp | string } // ends at the line containing `end`
  | { kind: 'html-blank' }; // ends at a blank line

/** An open list item: the column its content starts at; `empty` while it has no content yet. */
interface Item {
  content: number;
  empty: boolean;
}

const fenceOpen = (text: string): { char: string; length: number } | undefined => {
  const m = FENCE.exec(text);
  if (!m || (m[1][0] === '`' && m[2].includes('`'))) return undefined;
  return { char: m[1][0], length: m[1].length };
};

/** Splits `source` into contiguous chunks covering it entirely, at safe top-level boundaries. */
export function splitTopLevelChunks(source: string): Chunk[] {
  const chunks: Chunk[] = [];
  const len = source.length;
  let chunkStart = 0;
  let pos = 0;
  let state: State = { kind: 'none' };
  let prevBlank = false;
  let listOpen = false;
  let quoteOpen = false;
  let para = false; // the previous line is (probably) paragraph text
  const items: Item[] = [];

  // Front matter is part of the first chunk, up to its closing fence.
  const fm = frontmatterEnd(source);
  if (fm > 0) pos = fm;

  while (pos < len) {
    // The line [pos, eol) and the next line's start.
    let eol = pos;
    while (eol < len) {
      const c = source.charCodeAt(eol);
      if (c === 10 || c === 13) break;
      eol++;
    }
    const next = eol < len ? (source.charCodeAt(eol) === 13 && source.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : len;
    const line = source.slice(pos, eol);
    const lineStart = pos;
    pos = next;
    const blank = BLANK.test(line);

    if (state.kind === 'fence') {
      if (blank) { prevBlank = true; continue; }
      const { indent, rest } = indentOf(line);
      let inside: string | undefined = rest;
      if (state.quote) inside = rest.charCodeAt(0) === 62 && indent <= 3 ? indentOf(rest.slice(1)).rest : undefined;
      else if (indent < state.minIndent) inside = undefined;
      if (inside !== undefined) {
        const m = FENCE_CLOSE.exec(inside);
        if (m && m[1][0] === state.char && m[1].length >= state.length && (state.quote || indent <= state.minIndent + 3)) state = { kind: 'none' };
        prevBlank = false;
        para = false;
        continue;
      }
      // The container ended, and the fence with it: this line is read normally.
      state = { kind: 'none' };
      while (items.length > 0 && items[items.length - 1].content > indent) items.pop();
    }
    if (state.kind === 'html') {
      const end = state.end;
      if (typeof end === 'string' ? line.includes(end) : end.test(line)) state = { kind: 'none' };
      prevBlank = false;
      para = false;
      continue;
    }
    para = para && state.kind === 'none';
    if (blank) {
      para = false;
      if (state.kind === 'html-blank') state = { kind: 'none' };
      // A list item can start with at most one blank line: an empty item followed by one is over.
      if (items.length > 0 && items[items.length - 1].empty) items.pop();
      prevBlank = true;
      continue;
    }
    if (state.kind === 'html-blank') continue;

    // Link reference definitions are document-global: a document that has any is one chunk.
    if (DEFINITION.test(line)) return [{ start: 0, end: len }];
    const { indent, rest } = indentOf(line);
    // After a blank line, a line indented less than an item's content is outside that item.
    if (prevBlank) while (items.length > 0 && indent < items[items.length - 1].content) items.pop();
    // Without one, such a line is a lazy continuation of the item's paragraph, unless there is
    // no paragraph to continue or the line starts a block; then the items end.
    else if (items.length > 0 && indent < items[items.length - 1].content && (!para || interrupts(rest))) {
      while (items.length > 0 && items[items.length - 1].content > indent) items.pop();
    }
    const container = items.length > 0 ? items[items.length - 1].content : 0;
    let marker = (indent - container <= 3 || indent < container) && !THEMATIC_BREAK.test(rest) ? LIST_MARKER.exec(rest) : null;
    // An empty item ("-" is then a setext underline) or an ordered item not starting at 1 cannot interrupt a paragraph.
    if (marker && para && indent >= container && (BLANK.test(rest.slice(marker[0].length)) || (/^\d/.test(marker[1]) && parseInt(marker[1], 10) !== 1))) marker = null;
    const isQuote = indent <= 3 && rest.charCodeAt(0) === 62;

    if (prevBlank && indent === 0 && lineStart > chunkStart && canStartChunk(line, rest, marker, listOpen, isQuote && quoteOpen)) {
      chunks.push({ start: chunkStart, end: lineStart });
      chunkStart = lineStart;
      listOpen = false;
      quoteOpen = false;
      items.length = 0;
    }
    prevBlank = false;
    if (items.length > 0) items[items.length - 1].empty = false;

    const footnote = !marker && indent - container <= 3 && indent >= container ? FOOTNOTE_DEF.exec(rest) : null;
    if (marker || footnote) {
      // A list item: siblings and deeper items end; its content column is after the marker and
      // 1–4 spaces (one when the item is empty or starts with indented code). A GFM footnote
      // definition is a container whose later lines are indented by 4.
      while (items.length > 0 && items[items.length - 1].content > indent) items.pop();
      let m: RegExpExecArray | null = marker ?? footnote;
      let col = indent, spaces = 0, content = rest, empty = false, column = 0;
      // "- - item" opens two items on one line.
      while (m) {
        const after = indentOf(content.slice(m[0].length));
        spaces = after.indent;
        empty = after.rest.length === 0;
        column = m === footnote ? col + 4 : col + m[1].length + (empty || spaces > 4 ? 1 : spaces);
        items.push({ content: column, empty });
        col = column;
        content = after.rest;
        m = spaces <= 4 && !THEMATIC_BREAK.test(content) ? LIST_MARKER.exec(content) : null;
      }
      if (marker) listOpen = true;
      const f = spaces <= 4 ? fenceOpen(content) : undefined;
      if (f) state = { kind: 'fence', ...f, minIndent: column, quote: false };
      para = !empty && !f && !interrupts(content);
      continue;
    }
    if (isQuote) {
      quoteOpen = true;
      const inner = indentOf(rest.slice(1)).rest;
      const f = fenceOpen(inner);
      if (f) state = { kind: 'fence', ...f, minIndent: 0, quote: true };
      para = !f && inner.length > 0;
      continue;
    }
    if (indent - container > 3) continue; // indented code, or a paragraph's continuation
    const f = fenceOpen(rest);
    if (f) {
      state = { kind: 'fence', ...f, minIndent: indent >= container ? container : 0, quote: false };
      para = false;
      continue;
    }
    const wasPara = para;
    // Headings, thematic breaks and setext underlines end a paragraph.
    para = !(ATX_HEADING.test(rest) || THEMATIC_BREAK.test(rest) || (para && SETEXT_UNDERLINE.test(rest)));
    // HTML blocks: only at the top level (inside a list item they end with the item).
    if (container > 0 || rest.charCodeAt(0) !== 60) continue;
    let end: RegExp | string | undefined;
    if (HTML_1.test(rest)) end = HTML_1_END;
    else if (rest.startsWith('<!--')) end = '-->';
    else if (rest.startsWith('<?')) end = '?>';
    else if (rest.startsWith('<![CDATA[')) end = ']]>';
    else if (/^<![A-Za-z]/.test(rest)) end = '>';
    if (end !== undefined) {
      // The end marker may sit on the opening line (after the opener itself).
      const after = typeof end === 'string' ? rest.slice(end === '-->' ? 4 : 2) : rest;
      const closed = typeof end === 'string' ? after.includes(end) : end.test(after);
      if (!closed) state = { kind: 'html', end };
      para = false;
      continue;
    }
    // Type 7 cannot interrupt a paragraph.
    if (HTML_6.test(rest) || (!wasPara && HTML_7.test(rest))) {
      state = { kind: 'html-blank' };
      para = false;
    }
  }
  if (chunkStart < len || chunks.length === 0) chunks.push({ start: chunkStart, end: len });
  return chunks;
}

/** Whether `rest` (a line without its indentation) starts a block that can interrupt a paragraph. */
function interrupts(rest: string): boolean {
  const c = rest.charCodeAt(0);
  if (c === 91) return FOOTNOTE_DEF.test(rest);
  if (c === 62 || c === 35 || LIST_MARKER.test(rest) || THEMATIC_BREAK.test(rest) || fenceOpen(rest)) return c !== 35 || /^#{1,6}(?:[ \t]|$)/.test(rest);
  if (c !== 60) return false;
  return HTML_1.test(rest) || HTML_6.test(rest) || rest.startsWith('<!--') || rest.startsWith('<?') || /^<![A-Za-z[]/.test(rest);
}

/**
 * Whether an unindented line after a blank line may start a chunk: not a list item continuing a
 * list, not a blockquote after a blockquote, not a line that could open front matter; and not an
 * ordered item other than 1 or an empty item (micromark reads those as a paragraph after an
 * indented code block, so their meaning depends on what precedes them).
 */
function canStartChunk(line: string, rest: string, marker: RegExpExecArray | null, listOpen: boolean, quoteAfterQuote: boolean): boolean {
  if (quoteAfterQuote || FRONTMATTER_LIKE.test(line)) return false;
  if (marker) {
    if (listOpen) return false;
    if (BLANK.test(rest.slice(marker[0].length))) return false;
    if (/^\d/.test(marker[1]) && parseInt(marker[1], 10) !== 1) return false;
  }
  return true;
}

/** Indentation in columns (tabs to the next multiple of 4) and the rest of the line. */
function indentOf(line: string): { indent: number; rest: string } {
  let col = 0, i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return { indent: col, rest: i === 0 ? line : line.slice(i) };
}

/**
 * Concatenates per-chunk results (in document order, offsets already absolute) and renumbers
 * sections, paragraphs and heading blocks, recomputing section ends across chunks.
 */
export function mergeProse(parts: ProseDocument[]): ProseDocument {
  const doc: ProseDocument = {
    start: parts.length > 0 ? parts[0].start : 0,
    end: parts.length > 0 ? parts[parts.length - 1].end : 0,
    blocks: [],
    sections: [],
    directives: [],
    citations: [],
    footnotes: [],
    linkDefinitions: [],
  };
  let paragraphBase = 0;
  for (const part of parts) {
    const sectionBase = doc.sections.length;
    const blockBase = doc.blocks.length;
    for (const s of part.sections) doc.sections.push({ ...s, headingBlock: s.headingBlock + blockBase });
    let maxParagraph = -1;
    for (const b of part.blocks) {
      if (b.paragraph > maxParagraph) maxParagraph = b.paragraph;
      const block: ProseBlock = { ...b, section: b.section >= 0 ? b.section + sectionBase : sectionBase - 1, paragraph: b.paragraph + paragraphBase };
      doc.blocks.push(block);
    }
    paragraphBase += maxParagraph + 1;
    doc.directives.push(...part.directives);
    doc.citations.push(...part.citations);
    doc.footnotes.push(...part.footnotes);
    doc.linkDefinitions.push(...part.linkDefinitions);
    if (part.frontmatter && !doc.frontmatter) doc.frontmatter = part.frontmatter;
  }
  sectionEnds(doc.sections, doc.end);
  return doc;
}
