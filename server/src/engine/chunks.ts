// Splitting a document into top-level chunks that parse the same apart as together (for parse
// units and incremental analysis), and merging per-chunk prose back into one document. A document
// with a link reference definition is one chunk; test/markdown/chunks.test.ts pins the guarantee.
import { emptyProse, frontmatterEnd, sectionEnds, type ProseBlock, type ProseDocument } from './markdown.js';
export { commonPrefix, resplitChunks } from './incremental/resplit.js';

export interface Chunk {
  start: number;
  end: number;
  /** A hash of the chunk's text, set with a cache (incremental/units.ts); kept when the chunk shifts. */
  key?: string;
  /** Set with a cache (incremental/units.ts): the chunk's prose when the fast path reads it, null when
   *  it does not; kept when the chunk shifts. */
  plain?: ProseDocument | null;
}

// Lines are tested by scanning functions, not regexes with repeated groups: those backtrack
// exponentially or overflow the regex stack on a line of millions of markers.
const FRONTMATTER_LIKE = /^(?:---|\+\+\+)[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})([^]*)$/;
const LIST_MARKER = /^([-+*]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE_CLOSE = /^(`{3,}|~{3,})[ \t]*$/;
const BLANK = /^[ \t]*$/;
const DELIMITER_CELL = /^[ \t]*:?-+:?[ \t]*$/;
const FOOTNOTE_DEF = /^\[\^[^\]\s]+\]:/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
const HTML_1 = /^<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_1_END = /<\/(?:script|pre|style|textarea)>/i;
const HTML_6 = new RegExp(
  '^</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|' +
    'fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|' +
    'nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\\s>]|/>|$)',
  'i',
);

type State =
  | { kind: 'none' }
  // A fenced code block; inside a list item it also ends at a line indented less than the
  // item's content (`minIndent`), inside a blockquote at a line without '>'.
  | { kind: 'fence'; char: string; length: number; minIndent: number; quote: number }
  // HTML blocks: ending at the line containing `end`, or at a blank line; inside a list item
  // also at a line indented less than the item's content.
  | { kind: 'html'; end: RegExp | string; minIndent: number }
  | { kind: 'html-blank'; minIndent: number };

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

/**
 * Splits `source` into contiguous chunks covering it entirely, at safe top-level boundaries.
 * `references: false` splits a document with link reference definitions too (references whose
 * definition is in another chunk are then not resolved).
 */
export function splitTopLevelChunks(source: string, options: { references?: boolean } = {}): Chunk[] {
  return scanChunks(source, 0, undefined, options.references !== false).chunks;
}

/**
 * The chunks of `source` scanned from `from` (0, or a chunk start of `source`) to the end, or
 * until `stop` accepts a chunk start. Restarting at a chunk start is exact: at every chunk start
 * the scanner's state is the same (no open container, fence, HTML block or paragraph), so the
 * scan from there depends only on the text that follows.
 */
export function scanChunks(source: string, from: number, stop?: (start: number) => boolean, references = true): ScanResult {
  return new ChunkScanner(source, from, stop, references).scan();
}

interface ScanResult { chunks: Chunk[]; stoppedAt?: number; single?: boolean }

/** The scanner's state between lines: the open fence or HTML block, the open list items, and what
 *  the previous lines were. At a chunk start it is always the initial state. */
class ChunkScanner {
  private readonly chunks: Chunk[] = [];
  private chunkStart: number;
  private state: State = { kind: 'none' };
  private prevBlank: boolean;
  private listOpen = false;
  private quoteOpen = false;
  /** The previous line is (probably) paragraph text. */
  private para = false;
  /** …or a table row. */
  private table = false;
  /** The last non-blank line was indented code. */
  private codeBefore = false;
  private readonly items: Item[] = [];

  constructor(private readonly source: string, private readonly from: number, private readonly stop: ((start: number) => boolean) | undefined, private readonly references: boolean) {
    this.chunkStart = from;
    this.prevBlank = from > 0;
  }

  scan(): ScanResult {
    const source = this.source;
    const len = source.length;
    let pos = this.from;
    // Front matter is part of the first chunk, up to its closing fence.
    const fm = this.from === 0 ? frontmatterEnd(source) : 0;
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
      const done = this.line(line, lineStart);
      if (done) return done;
    }
    if (this.chunkStart < len || this.chunks.length === 0) this.chunks.push({ start: this.chunkStart, end: len });
    return { chunks: this.chunks };
  }

  /** Reads one line; returns the scan's result when the scan ends at it. */
  private line(line: string, lineStart: number): ScanResult | undefined {
    const blank = BLANK.test(line);
    const afterCode = this.codeBefore;
    if (!blank) this.codeBefore = false;

    if (this.state.kind === 'fence' && this.inFence(line, blank)) return undefined;
    if (this.inHtml(line, blank)) return undefined;
    this.para = this.para && this.state.kind === 'none';
    if (blank) {
      this.para = this.table = false;
      if (this.state.kind === 'html-blank') this.state = { kind: 'none' };
      // A list item can start with at most one blank line: an empty item followed by one is over.
      if (this.items.length > 0 && this.items[this.items.length - 1].empty) this.items.pop();
      this.prevBlank = true;
      return undefined;
    }
    if (this.state.kind === 'html-blank') return undefined;

    // Link reference definitions are document-global: a document that has any is one chunk.
    if (this.references && isDefinitionStart(line)) return { chunks: [{ start: 0, end: this.source.length }], single: true };
    const { indent, rest } = indentOf(line);
    const within = this.closeItems(indent, rest);
    if (within === 'tag') return undefined;
    const lazy = within === 'lazy';
    const items = this.items;
    const container = items.length > 0 ? items[items.length - 1].content : 0;
    const listLike = indent <= 3 && !isThematicBreak(rest) ? LIST_MARKER.exec(rest) : null;
    let marker = (indent - container <= 3 || indent < container) && !isThematicBreak(rest) ? LIST_MARKER.exec(rest) : null;
    // An empty item ("-" is then a setext underline) or an ordered item not starting at 1 cannot interrupt a paragraph.
    // micromark applies the same rule after an indented code block.
    if (marker && (this.para || afterCode) && indent >= container && (BLANK.test(rest.slice(marker[0].length)) || (/^\d/.test(marker[1]) && parseInt(marker[1], 10) !== 1))) marker = null;
    const isQuote = indent <= 3 && rest.charCodeAt(0) === 62;

    if (this.prevBlank && indent === 0 && lineStart > this.chunkStart && canStartChunk(line, rest, listLike, this.listOpen, isQuote && this.quoteOpen)) {
      this.chunks.push({ start: this.chunkStart, end: lineStart });
      this.chunkStart = lineStart;
      if (this.stop?.(lineStart)) return { chunks: this.chunks, stoppedAt: lineStart };
      this.listOpen = false;
      this.quoteOpen = false;
      items.length = 0;
    }
    this.prevBlank = false;
    if (items.length > 0) items[items.length - 1].empty = false;

    const footnote = !marker && indent - container <= 3 && indent >= container ? FOOTNOTE_DEF.exec(rest) : null;
    if (marker || footnote) this.listItem(line, indent, rest, marker, footnote);
    else if (isQuote) this.quote(rest, indent);
    else if (indent - container > 3) { // indented code, or a paragraph's continuation
      if (!this.para) this.codeBefore = true;
    } else this.leaf(rest, indent, container, lazy);
    return undefined;
  }

  /** A line inside a fenced code block: whether the fence (still) holds it. */
  private inFence(line: string, blank: boolean): boolean {
    const state = this.state as Extract<State, { kind: 'fence' }>;
    if (blank) { this.prevBlank = true; return true; }
    const { indent, rest } = indentOf(line);
    let inside: string | undefined = rest;
    if (state.quote > 0) {
      const q = stripQuotes(rest, indent);
      inside = q.depth >= state.quote ? q.rest : undefined;
    } else if (indent < state.minIndent) inside = undefined;
    if (inside !== undefined) {
      const m = FENCE_CLOSE.exec(inside);
      if (m && m[1][0] === state.char && m[1].length >= state.length && (state.quote > 0 || indent <= state.minIndent + 3)) this.state = { kind: 'none' };
      this.prevBlank = false;
      this.para = false;
      return true;
    }
    // The container ended, and the fence with it: this line is read normally.
    this.state = { kind: 'none' };
    while (this.items.length > 0 && this.items[this.items.length - 1].content > indent) this.items.pop();
    return false;
  }

  /** A line inside an HTML block: whether the block holds it. */
  private inHtml(line: string, blank: boolean): boolean {
    const state = this.state;
    if ((state.kind === 'html' || state.kind === 'html-blank') && !blank && state.minIndent > 0 && indentOf(line).indent < state.minIndent) {
      // The list item ended, and the HTML block with it: this line is read normally.
      const indent = indentOf(line).indent;
      this.state = { kind: 'none' };
      while (this.items.length > 0 && this.items[this.items.length - 1].content > indent) this.items.pop();
    }
    const html = this.state;
    if (html.kind !== 'html') return false;
    const end = html.end;
    if (typeof end === 'string' ? line.includes(end) : end.test(line)) this.state = { kind: 'none' };
    if (blank) this.prevBlank = true;
    else this.prevBlank = false;
    this.para = false;
    return true;
  }

  /** Closes the list items a line indented less than their content ends; 'lazy' for a lazy
   *  continuation line of an item's paragraph, 'tag' for a lazy line micromark reads as HTML. */
  private closeItems(indent: number, rest: string): 'lazy' | 'tag' | 'none' {
    const items = this.items;
    // After a blank line, a line indented less than an item's content is outside that item.
    if (this.prevBlank) while (items.length > 0 && indent < items[items.length - 1].content) items.pop();
    // Without one, such a line is a lazy continuation of the item's paragraph, unless there is
    // no paragraph to continue or the line starts a block; then the items end.
    else if (items.length > 0 && indent < items[items.length - 1].content) {
      if (!this.para || interrupts(rest)) {
        while (items.length > 0 && items[items.length - 1].content > indent) items.pop();
        this.para = false; // the line starts a new block
      } else if (isLoneTag(rest)) {
        // micromark reads a lazy line holding a lone tag as a one-line HTML block inside the item.
        this.prevBlank = false;
        this.para = false;
        return 'tag';
      } else {
        return 'lazy';
      }
    }
    return 'none';
  }

  /**
   * A list item: siblings and deeper items end; its content column is after the marker and 1–4
   * spaces (one when the item is empty or starts with indented code). A GFM footnote definition
   * is a container whose later lines are indented by 4.
   */
  private listItem(line: string, indent: number, rest: string, marker: RegExpExecArray | null, footnote: RegExpExecArray | null): void {
    const items = this.items;
    while (items.length > 0 && items[items.length - 1].content > indent) items.pop();
    let m: RegExpExecArray | null = marker ?? footnote;
    let col = indent, spaces = 0, content = rest, empty = false, column = 0;
    // "- - item" opens two items on one line (and "- - -" ends in a thematic break, found once
    // per line: testing each marker's rest would be quadratic in the markers).
    const breakFrom = thematicBreakFrom(line);
    while (m) {
      const after = indentOf(content.slice(m[0].length));
      spaces = after.indent;
      empty = after.rest.length === 0;
      column = m === footnote ? col + 4 : col + m[1].length + (empty || spaces > 4 ? 1 : spaces);
      items.push({ content: column, empty });
      col = column;
      content = after.rest;
      m = spaces <= 4 && !(line.length - content.length >= breakFrom.start && line.length - content.length <= breakFrom.last) ? LIST_MARKER.exec(content) : null;
    }
    if (marker) this.listOpen = true;
    this.table = false;
    const f = spaces <= 4 ? fenceOpen(content) : undefined;
    if (f) this.state = { kind: 'fence', ...f, minIndent: column, quote: 0 };
    else if (spaces <= 4) this.state = htmlStart(content, false, column) ?? this.state;
    this.para = !empty && !f && !interrupts(content);
  }

  private quote(rest: string, indent: number): void {
    this.quoteOpen = true;
    const { rest: inner, depth } = stripQuotes(rest, indent);
    const f = fenceOpen(inner);
    if (f) this.state = { kind: 'fence', ...f, minIndent: 0, quote: depth };
    this.para = !f && inner.length > 0;
  }

  /** A line outside containers' markers: a fence, an HTML block, or paragraph, table or heading text. */
  private leaf(rest: string, indent: number, container: number, lazy: boolean): void {
    const f = fenceOpen(rest);
    if (f) {
      this.state = { kind: 'fence', ...f, minIndent: indent >= container ? container : 0, quote: 0 };
      this.para = false;
      return;
    }
    // A lone tag (HTML type 7) cannot interrupt a paragraph, but micromark lets it end a table.
    const html = rest.charCodeAt(0) === 60 ? htmlStart(rest, this.para && !this.table, indent >= container ? container : 0) : undefined;
    if (html !== undefined) {
      if (html) this.state = html;
      this.para = this.table = false;
      return;
    }
    if (lazy) return; // a lazy continuation line is paragraph text whatever it looks like
    // A delimiter row under a paragraph line makes a table, whose rows run to a blank line.
    if (this.para && isDelimiterRow(rest)) this.table = true;
    // Headings, thematic breaks and setext underlines end a paragraph.
    this.para = !(ATX_HEADING.test(rest) || isThematicBreak(rest) || (this.para && SETEXT_UNDERLINE.test(rest)));
    if (!this.para) this.table = false;
  }
}

/** The previous version of a document and its chunks, for re-splitting after an edit. */
export interface ChunkedText {
  text: string;
  chunks: Chunk[];
  /** The document has a link reference definition and is one chunk. */
  single: boolean;
}

/** Splits `source`; returns the result together with what `resplitChunks` needs next time. */
export function chunkText(source: string): ChunkedText {
  const r = scanChunks(source, 0);
  return { text: source, chunks: r.chunks, single: !!r.single };
}

const isSpaceTab = (c: number) => c === 32 || c === 9;
/** JavaScript's \s. */
const isJsSpace = (c: number) => (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** `---`, `* * *`, `___`: one of -*_ at least three times, with spaces and tabs only. */
function isThematicBreak(rest: string): boolean {
  const c = rest.charCodeAt(0);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let n = 0;
  for (let i = 0; i < rest.length; i++) {
    const d = rest.charCodeAt(i);
    if (d === c) n++;
    else if (!isSpaceTab(d)) return false;
  }
  return n >= 3;
}

/**
 * Whether the line may start a link reference definition: container markers ('>' and list
 * markers, each followed by a space or tab), then `[label]:` with a label that is not a footnote.
 */
function isDefinitionStart(line: string): boolean {
  let i = 0;
  const n = line.length;
  while (i < n && (isSpaceTab(line.charCodeAt(i)) || line.charCodeAt(i) === 62)) i++;
  for (;;) {
    const c = line.charCodeAt(i);
    let m = 0;
    if (c === 45 || c === 43 || c === 42) m = 1;
    else if (isDigit(c)) {
      while (m < 9 && isDigit(line.charCodeAt(i + m))) m++;
      const d = line.charCodeAt(i + m);
      m = d === 46 || d === 41 ? m + 1 : 0;
    }
    if (m === 0 || !isSpaceTab(line.charCodeAt(i + m))) break;
    i += m + 1;
    while (i < n && (isSpaceTab(line.charCodeAt(i)) || line.charCodeAt(i) === 62)) i++;
  }
  if (line.charCodeAt(i) !== 91 || line.charCodeAt(i + 1) === 94) return false;
  let j = i + 1;
  for (; j < n; j++) {
    const c = line.charCodeAt(j);
    if (c === 92) { const e = line.charCodeAt(j + 1); if (j + 1 >= n || e === 0x2028 || e === 0x2029) return false; j++; continue; }
    if (c === 93) break;
  }
  return j > i + 1 && j < n && line.charCodeAt(j + 1) === 58;
}

/**
 * An HTML block of type 7 on its own: one complete open tag (attributes allowed) or closing tag,
 * then only whitespace (CommonMark; a scan rather than a regex with repeated groups).
 */
function isLoneTag(rest: string): boolean {
  const n = rest.length;
  if (rest.charCodeAt(0) !== 60) return false;
  let i = 1;
  const closing = rest.charCodeAt(1) === 47;
  if (closing) i++;
  if (!isAsciiLetter(rest.charCodeAt(i))) return false;
  while (i < n && (isAsciiLetter(rest.charCodeAt(i)) || isDigit(rest.charCodeAt(i)) || rest.charCodeAt(i) === 45)) i++;
  if (!closing) {
    // Attributes: whitespace, a name, optionally = and a value.
    for (;;) {
      let k = i;
      while (k < n && isJsSpace(rest.charCodeAt(k))) k++;
      const c = rest.charCodeAt(k);
      if (k === i || !(isAsciiLetter(c) || c === 95 || c === 58)) break;
      k++;
      while (k < n && (isAsciiLetter(rest.charCodeAt(k)) || isDigit(rest.charCodeAt(k)) || /[_.:-]/.test(rest[k]!))) k++;
      i = k;
      while (k < n && isJsSpace(rest.charCodeAt(k))) k++;
      if (rest.charCodeAt(k) !== 61) continue;
      k++;
      while (k < n && isJsSpace(rest.charCodeAt(k))) k++;
      const q = rest.charCodeAt(k);
      if (q === 34 || q === 39) {
        const end = rest.indexOf(q === 34 ? '"' : "'", k + 1);
        if (end < 0) return false;
        k = end + 1;
      } else {
        const s = k;
        while (k < n && !isJsSpace(rest.charCodeAt(k)) && !'"\'=<>`'.includes(rest[k]!)) k++;
        if (k === s) return false;
      }
      i = k;
    }
  }
  while (i < n && isJsSpace(rest.charCodeAt(i))) i++;
  if (!closing && rest.charCodeAt(i) === 47) i++;
  if (rest.charCodeAt(i) !== 62) return false;
  for (i++; i < n; i++) if (!isJsSpace(rest.charCodeAt(i))) return false;
  return true;
}

/**
 * Where the line ends in a thematic break: a thematic break starts at any position p with
 * `start <= p <= last` that holds its character (the run of one of -*_ with spaces and tabs
 * that ends the line, with at least three of the character from p on).
 */
function thematicBreakFrom(line: string): { start: number; last: number } {
  let i = line.length;
  while (i > 0 && (line.charCodeAt(i - 1) === 32 || line.charCodeAt(i - 1) === 9)) i--;
  const c = line.charCodeAt(i - 1);
  if (c !== 45 && c !== 42 && c !== 95) return { start: 1, last: 0 };
  let count = 0, last = -1;
  for (; i > 0; i--) {
    const d = line.charCodeAt(i - 1);
    if (d === c) { if (++count === 3) last = i - 1; }
    else if (d !== 32 && d !== 9) break;
  }
  return { start: i, last };
}

/** A GFM table delimiter row (`| --- | :-: |`, pipes at the ends optional), `rest` without its indentation. */
function isDelimiterRow(rest: string): boolean {
  let e = rest.length;
  while (e > 0 && (rest.charCodeAt(e - 1) === 32 || rest.charCodeAt(e - 1) === 9)) e--;
  const b = rest.charCodeAt(0) === 124 ? 1 : 0;
  if (e > b && rest.charCodeAt(e - 1) === 124) e--;
  if (e <= b) return false;
  for (const cell of rest.slice(b, e).split('|')) if (!DELIMITER_CELL.test(cell)) return false;
  return true;
}

/** `rest` without its leading blockquote markers (each after at most 3 spaces), and how many there were. */
function stripQuotes(rest: string, indent: number): { rest: string; depth: number } {
  let depth = 0;
  while (indent <= 3 && rest.charCodeAt(0) === 62) {
    depth++;
    const r = indentOf(rest.slice(1));
    rest = r.rest;
    indent = r.indent - 1; // the optional space after '>' belongs to the marker
  }
  return { rest, depth };
}

/**
 * The HTML block `rest` starts (a state, or null for one that ends on this line), or undefined
 * when it starts none. `inParagraph`: type 7 cannot interrupt a paragraph.
 */
function htmlStart(rest: string, inParagraph: boolean, minIndent: number): State | null | undefined {
  if (rest.charCodeAt(0) !== 60) return undefined;
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
    return closed ? null : { kind: 'html', end, minIndent };
  }
  if (HTML_6.test(rest) || (!inParagraph && isLoneTag(rest))) return { kind: 'html-blank', minIndent };
  return undefined;
}

/** Whether `rest` (a line without its indentation) starts a block that ends a list item's lazy paragraph. */
function interrupts(rest: string): boolean {
  switch (rest.charCodeAt(0)) {
    case 91: return FOOTNOTE_DEF.test(rest); // '['
    case 62: return true; // '>'
    case 35: return ATX_HEADING.test(rest); // '#'
    case 60: // '<'
      return HTML_1.test(rest) || HTML_6.test(rest) || rest.startsWith('<!--') || rest.startsWith('<?') || /^<![A-Za-z[]/.test(rest);
    default:
      return LIST_MARKER.test(rest) || isThematicBreak(rest) || fenceOpen(rest) !== undefined;
  }
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
  const doc = emptyProse(parts.length > 0 ? parts[0].start : 0, parts.length > 0 ? parts[parts.length - 1].end : 0);
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
    // Loops, not push(...all): a chunk may hold more than a call takes arguments.
    for (const x of part.directives) doc.directives.push(x);
    for (const x of part.citations) doc.citations.push(x);
    for (const x of part.footnotes) doc.footnotes.push(x);
    for (const x of part.linkDefinitions) doc.linkDefinitions.push(x);
    if (part.frontmatter && !doc.frontmatter) doc.frontmatter = part.frontmatter;
  }
  sectionEnds(doc.sections, doc.end);
  return doc;
}
