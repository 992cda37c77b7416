// A fast path for common Markdown: a top-level chunk made only of constructs this scanner fully
// understands becomes prose without remark (fastProse returns undefined otherwise). Its output
// deep-equals extractProse on the same chunk; test/engine/fastpath.test.ts checks it differentially.
import { emptyProse, FOOTNOTE_REF, pandocCitations, sectionEnds, sortFrom, type BlockKind, type CitationRef, type ProseBlock, type ProseDocument } from './markdown.js';

/** Prose for the chunk `src` (which starts at `base`), or undefined when remark must parse it. */
export function fastProse(src: string, base: number): ProseDocument | undefined {
  if (src.indexOf('\r') >= 0) return undefined; // CRLF and lone CR: line endings map differently
  return new FastScanner(src, base).run();
}

// ASCII character classes in prose: plain text; never handled (control characters, emphasis,
// code, strikethrough, escapes, pipes outside table rows); text only in some contexts (CHECK).
const OK = 0, BAIL = 1, CHECK = 2;
const CLASS = new Uint8Array(128).fill(BAIL);
for (let c = 32; c < 127; c++) CLASS[c] = OK;
for (const ch of '*`~\\|') CLASS[ch.charCodeAt(0)] = BAIL;
for (const ch of '_@![]<&:.') CLASS[ch.charCodeAt(0)] = CHECK;

const SPACE = 32, AT = 64, HASH = 35, LPAREN = 40, RPAREN = 41, DQUOTE = 34, GT = 62, LBRACKET = 91, RBRACKET = 93, CARET = 94, PIPE = 124, NL = 10, BOM = 0xfeff;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Characters of a GFM email autolink's local part: an '@' after one may be an e-mail address. */
const isEmailChar = (c: number) => isAlnum(c) || c === 95 || c === 46 || c === 43 || c === 45;
/** Characters allowed in a link destination (ASCII, no space, brackets, quotes, escapes or angle brackets). */
const isDestChar = (c: number) => c > 32 && c < 127 && c !== LPAREN && c !== RPAREN && c !== 60 && c !== GT && c !== 92 && c !== DQUOTE && c !== 39 && c !== 96 && c !== LBRACKET && c !== RBRACKET;
const CHARREF_LIKE = /&(?:#\d|#[xX][\da-fA-F]|[A-Za-z][A-Za-z\d]*;)/y;

const ATX = /^#{1,6}(?: |$)/;
const BULLET = /^[-+*] +/;
const ORDERED = /^(\d{1,9})([.)]) +/;
const ORDERED_LIKE = /^\d{1,9}[.)](?: +|$)/;
const DEFINITION_LIKE = /^\[[^\]]*\]:/;
const FENCE = /^(`{3,}|~{3,})/;
const DELIMITER_CELL = /^ *:?-+:? *$/;

const enum Open { None, Para, Item, Quote, Table }

/** What a non-blank line starts, read at its first non-space character. */
const enum Line { Text, Heading, Quote, Bullet, Ordered, Pipe, Fence, Other }

let scratch = new Int32Array(4096);

class FastScanner {
  /** The open paragraph: its lines as (content start, trimmed end, line end) triples. */
  private readonly lines: number[] = [];
  private section = -1;
  private paragraphs = 0;
  // The block under construction: its prose, map length, source end and first citation.
  private text = '';
  private n = 0;
  private lastEnd = 0;
  private firstCitation = 0;

  constructor(private readonly src: string, private readonly base: number, private readonly doc = emptyProse(base, base + src.length)) {}

  run(): ProseDocument | undefined {
    const src = this.src, len = src.length;
    let open = Open.None;
    let itemContent = 0; // content column of the open list item
    let marker = 0; // its bullet character or ordered delimiter
    let afterBlank = true; // the previous line is blank (or there is none)
    let pos = 0;
    while (pos < len) {
      let eol = src.indexOf('\n', pos);
      if (eol < 0) eol = len;
      const next = eol + 1;
      let i = pos;
      while (i < eol && src.charCodeAt(i) === SPACE) i++;
      if (i === eol) { // blank: ends any open block
        if (!this.close(open)) return undefined;
        open = Open.None;
        afterBlank = true;
        pos = next;
        continue;
      }
      let te = eol;
      while (src.charCodeAt(te - 1) === SPACE) te--;
      const indent = i - pos;
      const kind = classify(src, i, te);
      // Continuation lines of the open block.
      if (open === Open.Para && kind === Line.Text) { this.lines.push(i, te, eol); pos = next; continue; }
      if (open === Open.Item && indent > 0) {
        if (indent < itemContent || kind !== Line.Text) return undefined; // lazy line or nested block
        this.lines.push(i, te, eol);
        pos = next;
        continue;
      }
      if (open === Open.Quote && indent === 0 && kind === Line.Quote) {
        const c = quoteContent(src, i, te);
        if (c < 0) return undefined;
        this.lines.push(c, te, eol);
        pos = next;
        continue;
      }
      if (open === Open.Table) {
        if (kind !== Line.Pipe || indent > 0 || !this.row(i, te, eol, 0)) return undefined;
        pos = next;
        continue;
      }
      // A new block. Indented block starts (code, or a paragraph's second paragraph in an item) are not handled.
      if (indent > 0) return undefined;
      // A quote, heading or list item may interrupt a paragraph; nothing may interrupt an item or a quote
      // here except a sibling item (otherwise: lazy continuation lines, or blocks ending a container).
      if (open === Open.Item && !((kind === Line.Bullet || kind === Line.Ordered) && sameList(src, i, marker))) return undefined;
      if (open === Open.Quote) return undefined;
      if (open === Open.Para && !(kind === Line.Heading || kind === Line.Quote || kind === Line.Bullet || (kind === Line.Ordered && firstItem(src, i)))) return undefined;
      if (!this.close(open)) return undefined;
      open = Open.None;
      switch (kind) {
        case Line.Text:
          this.lines.push(i, te, eol);
          open = Open.Para;
          break;
        case Line.Heading:
          if (!this.heading(i, te, eol)) return undefined;
          break;
        case Line.Quote: {
          const c = quoteContent(src, i, te);
          if (c < 0) return undefined;
          this.lines.push(c, te, eol);
          open = Open.Quote;
          break;
        }
        case Line.Bullet:
        case Line.Ordered: {
          const m = (kind === Line.Bullet ? BULLET : ORDERED).exec(src.slice(i, te));
          if (!m) return undefined; // empty item
          const content = i + m[0].length;
          // Five or more spaces after the marker start indented code; the content must be a plain line.
          if (m[0].length - (m[1]?.length ?? 0) - 1 > 4 || classify(src, content, te) !== Line.Text) return undefined;
          itemContent = content - pos;
          marker = src.charCodeAt(content - m[0].length + (m[1]?.length ?? 0));
          this.lines.push(content, te, eol);
          open = Open.Item;
          break;
        }
        case Line.Pipe: {
          // A table starts after a blank line; its delimiter row must match the header's cell count.
          if (!afterBlank || next >= len) return undefined;
          let eol2 = src.indexOf('\n', next);
          if (eol2 < 0) eol2 = len;
          let te2 = eol2;
          while (src.charCodeAt(te2 - 1) === SPACE) te2--;
          const cols = delimiterRow(src, next, te2);
          if (cols < 1 || !this.row(i, te, eol, cols)) return undefined;
          open = Open.Table;
          pos = eol2 + 1;
          afterBlank = false;
          continue;
        }
        case Line.Fence: {
          if (!afterBlank) return undefined;
          const end = fenceEnd(src, i, te, eol);
          if (end < 0) return undefined;
          pos = end;
          afterBlank = false;
          continue;
        }
        default:
          return undefined;
      }
      afterBlank = false;
      pos = next;
    }
    if (!this.close(open)) return undefined;
    sectionEnds(this.doc.sections, this.doc.end);
    return this.doc;
  }

  /** Emits the open paragraph (of a list item, a quote or the root), if any; false to give up. */
  private close(open: Open): boolean {
    const lines = this.lines;
    if (lines.length === 0) return true;
    this.begin(lines[0]);
    for (let k = 0; k < lines.length; k += 3) {
      if (k > 0) this.softBreak(lines[k - 1]);
      if (!this.inline(lines[k], lines[k + 1])) return false;
    }
    const start = lines[0], end = lines[lines.length - 1];
    lines.length = 0;
    if (this.n === 0) return false; // no prose (cannot happen: empty link text is left to remark)
    this.emitAt('paragraph', start, end, open === Open.Quote, open === Open.Item);
    return true;
  }

  /** `# Heading #`: always a block (sections point at it), even when empty. */
  private heading(i: number, te: number, eol: number): boolean {
    const src = this.src;
    let depth = 0;
    while (src.charCodeAt(i + depth) === HASH) depth++;
    let cs = i + depth;
    while (cs < te && src.charCodeAt(cs) === SPACE) cs++;
    // A closing sequence of '#'s (after a space, or the whole content) is not content.
    let ce = te;
    let k = ce;
    while (k > cs && src.charCodeAt(k - 1) === HASH) k--;
    if (k === cs) ce = cs;
    else if (k < ce && src.charCodeAt(k - 1) === SPACE) {
      ce = k;
      while (src.charCodeAt(ce - 1) === SPACE) ce--;
    }
    this.begin(i);
    if (cs < ce && !this.inline(cs, ce)) return false;
    this.section = this.doc.sections.length;
    this.doc.sections.push({ heading: this.text, depth, start: this.base + i, end: this.base + eol, headingBlock: this.doc.blocks.length });
    this.emitAt('heading', i, eol, false, false).headingDepth = depth;
    return true;
  }

  /**
   * A table row `| a | b |` from `i` to `te` (trailing spaces excluded): one block per non-empty
   * cell, from its opening pipe to the next (the last cell to the end of the line). `cols` > 0:
   * the header, whose delimiter row has that many cells.
   */
  private row(i: number, te: number, eol: number, cols: number): boolean {
    const src = this.src;
    if (te - i < 2 || src.charCodeAt(te - 1) !== PIPE) return false;
    let count = 0;
    let p = i;
    while (p < te - 1) {
      const q = src.indexOf('|', p + 1);
      count++;
      let cs = p + 1, ce = q;
      while (cs < ce && src.charCodeAt(cs) === SPACE) cs++;
      while (ce > cs && src.charCodeAt(ce - 1) === SPACE) ce--;
      if (cs < ce) {
        this.begin(p);
        if (!this.inline(cs, ce)) return false;
        if (this.n > 0) this.emitAt('tableCell', p, q === te - 1 ? eol : q, false, false).row = this.base + i;
      }
      p = q;
    }
    return cols === 0 || count === cols;
  }

  private begin(start: number): void {
    this.text = '';
    this.n = 0;
    this.lastEnd = this.base + start;
    this.firstCitation = this.doc.citations.length;
  }

  private emitAt(kind: BlockKind, start: number, end: number, quoted: boolean, listItem: boolean): ProseBlock {
    const n = this.n, base = this.base;
    reserve(n + 1);
    scratch[n] = this.lastEnd;
    const block: ProseBlock = {
      kind,
      text: this.text,
      map: scratch.slice(0, n + 1),
      start: base + start,
      end: base + end,
      quoted,
      listItem,
      section: this.section,
      paragraph: this.paragraphs++,
    };
    this.doc.blocks.push(block);
    this.citations(block);
    return block;
  }

  /** One space for a line break, mapped to the line ending at `eol`. */
  private softBreak(eol: number): void {
    reserve(this.n + 1);
    scratch[this.n++] = this.base + eol;
    this.text += ' ';
    this.lastEnd = this.base + eol + 1;
  }

  /** Appends src[s, e) as it is, one to one. */
  private verbatim(s: number, e: number): void {
    if (e <= s) return;
    const base = this.base;
    reserve(this.n + (e - s));
    let n = this.n;
    for (let j = s; j < e; j++) scratch[n++] = base + j;
    this.n = n;
    this.text += this.src.slice(s, e);
    this.lastEnd = base + e;
  }

  /**
   * Appends the inline content of src[s, e) (one line, no surrounding spaces) as prose; false
   * when it holds anything but plain text, literal citation brackets and simple inline links.
   */
  private inline(s: number, e: number): boolean {
    const src = this.src;
    let run = s; // start of the pending verbatim text
    let i = s;
    while (i < e) {
      const c = src.charCodeAt(i);
      if (c < 128 ? CLASS[c] === OK : c !== BOM) { i++; continue; }
      if (c !== LBRACKET) {
        if (!this.harmless(c, i, e)) return false;
        i++;
        continue;
      }
      // Brackets: a literal `[…@…]` or `[^id]` (no definitions in the chunk, so never a reference),
      // or an inline link. Nothing nested, nothing across lines.
      const close = src.indexOf(']', i + 1);
      if (close < 0 || close >= e || !this.plain(i + 1, close)) return false;
      const after = src.charCodeAt(close + 1);
      if (after === LPAREN) {
        const end = linkEnd(src, close + 2, e);
        if (end < 0 || close === i + 1) return false;
        this.verbatim(run, i);
        this.doc.citations.push({ key: src.slice(close + 2, destEnd(src, close + 2)), start: this.base + i, end: this.base + end, kind: 'link' });
        this.verbatim(i + 1, close);
        i = run = end;
        continue;
      }
      if (after === LBRACKET) return false; // a reference `[text][ref]`
      const footnote = src.charCodeAt(i + 1) === CARET && close > i + 2 && !holds(src, SPACE, i + 2, close);
      if (!footnote && !holds(src, AT, i + 1, close)) return false; // `[text]`: leave it to remark
      i = close + 1;
    }
    this.verbatim(run, e);
    return true;
  }

  /** Whether src[s, e) is plain text (no brackets, nothing that could be syntax). */
  private plain(s: number, e: number): boolean {
    const src = this.src;
    for (let i = s; i < e; i++) {
      const c = src.charCodeAt(i);
      if (c < 128 ? CLASS[c] === OK : c !== BOM) continue;
      if (c === LBRACKET || c === RBRACKET || !this.harmless(c, i, e)) return false;
    }
    return true;
  }

  /** Whether the CHECK-class (or BAIL-class) character `c` at `i` is plain text here. */
  private harmless(c: number, i: number, e: number): boolean {
    const src = this.src;
    switch (c) {
      case 95: // '_' between two letters or digits can neither open nor close emphasis
        return isAlnum(src.charCodeAt(i - 1)) && isAlnum(src.charCodeAt(i + 1));
      case 64: // '@' after an e-mail local part may be a GFM e-mail autolink
        return !isEmailChar(src.charCodeAt(i - 1));
      case 33: // '!' before '[' is an image
        return src.charCodeAt(i + 1) !== LBRACKET;
      case 60: { // '<' before a space, digit or '=' opens neither a tag nor an autolink
        const d = src.charCodeAt(i + 1);
        return d === SPACE || d === 61 || (d >= 48 && d <= 57);
      }
      case 38: // '&' before a space or at the end is no character reference
        return i + 1 === e || src.charCodeAt(i + 1) === SPACE;
      case 58: // ':' of a URL scheme (GFM autolink literal)
        return !(src.charCodeAt(i + 1) === 47 && src.charCodeAt(i + 2) === 47);
      case 46: // '.' after "www" (GFM autolink literal)
        return !(i >= 3 && (src.charCodeAt(i - 1) | 32) === 119 && (src.charCodeAt(i - 2) | 32) === 119 && (src.charCodeAt(i - 3) | 32) === 119);
      default:
        return false;
    }
  }

  /**
   * Records the block's citations as extractProse does: links (already pushed, in order), then
   * footnote references and pandoc keys found in the prose, then one stable sort if needed.
   */
  private citations(block: ProseBlock): void {
    const { text, map } = block;
    const citations = this.doc.citations;
    const first = this.firstCitation;
    // Every bracket in fast-path prose is verbatim source, so each match is a real `[^key]`.
    if (text.indexOf('[^') >= 0) {
      FOOTNOTE_REF.lastIndex = 0;
      for (let m; (m = FOOTNOTE_REF.exec(text)); ) citations.push({ key: m[1], start: map[m.index], end: map[m.index] + m[0].length, kind: 'footnote' });
    }
    if (text.indexOf('@') >= 0) this.pandoc(text, map, citations);
    for (let k = Math.max(first, 1); k < citations.length; k++) {
      if (citations[k - 1].start > citations[k].start) { sortFrom(citations, first); break; }
    }
    this.firstCitation = citations.length;
  }

  /** Pandoc keys: a key stops where the prose stops being one contiguous copy of the source (a link's end). */
  private pandoc(text: string, map: Int32Array, out: CitationRef[]): void {
    pandocCitations(text, map, this.src, this.base, out);
  }
}

/** Whether src[from, to) holds the character `c` (a scan bounded by the brackets, not the line). */
function holds(src: string, c: number, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (src.charCodeAt(k) === c) return true;
  return false;
}

function reserve(size: number): void {
  if (size > scratch.length) {
    const next = new Int32Array(Math.max(size, scratch.length * 2));
    next.set(scratch);
    scratch = next;
  }
}

/** What the line whose first non-space character is at `i` (trimmed end `te`) starts. */
function classify(src: string, i: number, te: number): Line {
  const c = src.charCodeAt(i);
  switch (c) {
    case HASH: return ATX.test(src.slice(i, Math.min(te, i + 8))) ? Line.Heading : Line.Other;
    case GT: return Line.Quote;
    case 45: case 43: case 42: // - + *
      return src.charCodeAt(i + 1) === SPACE && i + 2 < te ? Line.Bullet : Line.Other;
    case PIPE: return Line.Pipe;
    case 96: case 126: return FENCE.test(src.slice(i, i + 3)) ? Line.Fence : Line.Other; // ` ~
    case LBRACKET: return DEFINITION_LIKE.test(src.slice(i, te)) ? Line.Other : Line.Text;
    case 61: case 95: case 60: return Line.Other; // '=' (setext), '_' (thematic break), '<' (HTML)
    default:
      if (c >= 48 && c <= 57) {
        const m = ORDERED_LIKE.exec(src.slice(i, Math.min(te, i + 12)));
        // An ordered item needs content after its marker (an empty item cannot be mirrored).
        if (m) return i + m[0].length < te ? Line.Ordered : Line.Other;
      }
      return Line.Text;
  }
}

/** Whether the list item starting at `i` continues the list whose marker character is `marker`. */
function sameList(src: string, i: number, marker: number): boolean {
  const c = src.charCodeAt(i);
  if (c === 45 || c === 43 || c === 42) return c === marker;
  const m = ORDERED.exec(src.slice(i, i + 12));
  return !!m && m[2].charCodeAt(0) === marker;
}

/** Whether the ordered item at `i` is numbered 1 (only such an item may interrupt a paragraph). */
function firstItem(src: string, i: number): boolean {
  const m = ORDERED.exec(src.slice(i, i + 12));
  return !!m && parseInt(m[1], 10) === 1;
}

/** Content start of the quote line `>…` at `i`: after '>' and one optional space; -1 unless plain text follows. */
function quoteContent(src: string, i: number, te: number): number {
  let c = i + 1;
  if (src.charCodeAt(c) === SPACE) c++;
  if (c >= te || src.charCodeAt(c) === SPACE || classify(src, c, te) !== Line.Text) return -1;
  return c;
}

/** Cell count of a delimiter row `| --- | :-: |` at [s, te), or 0 when it is not one. */
function delimiterRow(src: string, s: number, te: number): number {
  if (src.charCodeAt(s) !== PIPE || te - s < 3 || src.charCodeAt(te - 1) !== PIPE) return 0;
  const cells = src.slice(s + 1, te - 1).split('|');
  for (const cell of cells) if (!DELIMITER_CELL.test(cell)) return 0;
  return cells.length;
}

/** Offset after the fenced code block opening at `i` (line end `eol`), or -1 when it is not closed in the chunk. */
function fenceEnd(src: string, i: number, te: number, eol: number): number {
  const ch = src.charCodeAt(i);
  let size = 0;
  while (src.charCodeAt(i + size) === ch) size++;
  if (ch === 96 && src.slice(i + size, te).includes('`')) return -1; // not a fence
  let pos = eol + 1;
  while (pos < src.length) {
    let end = src.indexOf('\n', pos);
    if (end < 0) end = src.length;
    let j = pos;
    while (j < end && j - pos < 4 && src.charCodeAt(j) === SPACE) j++;
    let k = j;
    while (src.charCodeAt(k) === ch) k++;
    if (j - pos < 4 && k - j >= size) {
      while (k < end && src.charCodeAt(k) === SPACE) k++;
      if (k === end) return end + 1;
    }
    pos = end + 1;
  }
  return -1;
}

/** End of the link destination starting at `s`. */
function destEnd(src: string, s: number): number {
  while (isDestChar(src.charCodeAt(s))) s++;
  return s;
}

/**
 * Offset after `(dest)` or `(dest "title")` whose destination starts at `s` (after the '('),
 * or -1 unless it is that simple.
 */
function linkEnd(src: string, s: number, e: number): number {
  let j = destEnd(src, s);
  for (let k = s; k < j; k++) {
    if (src.charCodeAt(k) === 38) {
      CHARREF_LIKE.lastIndex = k;
      if (CHARREF_LIKE.test(src)) return -1; // a character reference would be decoded
    }
  }
  if (src.charCodeAt(j) === SPACE) {
    while (src.charCodeAt(j) === SPACE) j++;
    if (src.charCodeAt(j) === DQUOTE && j > s) {
      const q = src.indexOf('"', j + 1);
      if (q < 0 || q >= e) return -1;
      for (let k = j + 1; k < q; k++) {
        const c = src.charCodeAt(k);
        if (c === 92 || c === 38 || c === NL) return -1;
      }
      j = q + 1;
      while (src.charCodeAt(j) === SPACE) j++;
    }
  }
  return j < e && src.charCodeAt(j) === RPAREN ? j + 1 : -1;
}
