// Markdown → prose blocks with an exact offset map back into the source: one remark parse and one
// mdast walk; every prose character keeps its UTF-16 source offset (inline code is one U+FFFC).
// Records citations, footnotes, link definitions, sections and claimlint directives on the way.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Nodes, Root, Parents, PhrasingContent } from 'mdast';

export type BlockKind = 'paragraph' | 'heading' | 'tableCell' | 'footnoteDefinition';

export interface ProseBlock {
  kind: BlockKind;
  /** Plain prose the sentence splitter sees. */
  text: string;
  /** map[i] = source offset of text[i]; length text.length + 1 (last = offset just after the final char). */
  map: Int32Array;
  /** Source range of the block (the mdast node). */
  start: number;
  end: number;
  /** Inside a blockquote (quoted text counts as attributed). */
  quoted: boolean;
  /** Inside a list item. */
  listItem: boolean;
  headingDepth?: number;
  /** Index into doc.sections of the section this block is under; -1 before the first heading. */
  section: number;
  /** Running index of the paragraph-level unit (heading, paragraph, table cell, list item, footnote). */
  paragraph: number;
  /** For a table cell: where its row starts, shared by the row's cells (a row reads as one statement:
   *  "Benzodiazepines | Hold on the day | May blunt the effect"). */
  row?: number;
}

/** A root-level heading and the range it governs (until the next heading of the same or a higher level). */
export interface Section {
  heading: string;
  depth: number;
  start: number;
  end: number;
  headingBlock: number;
}

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** A `<!-- claimlint-KIND codes -- reason -->` comment. Validation (unknown codes, missing reason) is the engine's job. */
export interface Directive {
  kind: DirectiveKind;
  codes: string[];
  reason?: string;
  start: number;
  end: number;
  raw: string;
}

/**
 * A citation in the prose. Ranges: pandoc → the `@key` token (without brackets, prefix or
 * locator), footnote → the whole `[^key]`, link → the whole link node; `key` is the URL for links.
 */
export interface CitationRef {
  key: string;
  start: number;
  end: number;
  kind: 'pandoc' | 'footnote' | 'link';
}

export interface FootnoteDef {
  key: string;
  start: number;
  end: number;
  /** The prose of the definition's blocks, joined by a space. */
  text: string;
}

export interface LinkDefinition {
  label: string;
  url: string;
  start: number;
  end: number;
}

export interface ProseDocument {
  /** Source range this result covers: [baseOffset, baseOffset + source.length). */
  start: number;
  end: number;
  blocks: ProseBlock[];
  sections: Section[];
  directives: Directive[];
  citations: CitationRef[];
  footnotes: FootnoteDef[];
  linkDefinitions: LinkDefinition[];
  frontmatter?: { start: number; end: number };
  /** Not parsed: too deeply nested or too dense for the parser (guard.ts); the range is unchecked. */
  skipped?: boolean;
}

/** The placeholder emitted for an inline code span. */
export const INLINE_CODE = '\uFFFC';

/** A prose document for source range [start, end) with nothing in it yet. */
export function emptyProse(start: number, end: number): ProseDocument {
  return { start, end, blocks: [], sections: [], directives: [], citations: [], footnotes: [], linkDefinitions: [] };
}

// Built once: constructing the processor and its micromark extensions per call is measurable.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
// micromark-extension-frontmatter 2.x: a failed front matter attempt (an opening `---` with no
// closing fence) breaks every later blockquote and list in the document. Such documents have no
// front matter, so they are parsed without the extension.
const noFrontmatter = unified().use(remarkParse).use(remarkGfm).freeze();

const FRONTMATTER_OPEN = /^(---|\+\+\+)[ \t]*(?:\r\n|\n|\r)/;
const FRONTMATTER_CLOSE = { '---': /(?:\r\n|\n|\r)---[ \t]*(?:\r\n|\n|\r|$)/g, '+++': /(?:\r\n|\n|\r)\+\+\+[ \t]*(?:\r\n|\n|\r|$)/g };

/**
 * End of the front matter block at the start of `source` (after its closing fence's line
 * ending), or -1 when there is none. Same rules as micromark-extension-frontmatter: `---` (YAML)
 * or `+++` (TOML) alone on the first line, closed by the same fence alone on a later line.
 */
export function frontmatterEnd(source: string): number {
  const c = source.charCodeAt(0);
  if (c !== 45 && c !== 43) return -1;
  const open = FRONTMATTER_OPEN.exec(source);
  if (!open) return -1;
  const close = FRONTMATTER_CLOSE[open[1] as '---' | '+++'];
  close.lastIndex = open[0].length - 1; // the opening line's ending may precede the closing fence
  const m = close.exec(source);
  return m ? m.index + m[0].length : -1;
}

/** Parses `source` (which starts at `baseOffset` in the full document) into prose blocks. */
export function extractProse(source: string, baseOffset = 0): ProseDocument {
  const c = source.charCodeAt(0);
  const parser = (c === 45 || c === 43) && FRONTMATTER_OPEN.test(source) && frontmatterEnd(source) < 0 ? noFrontmatter : processor;
  const tree = parser.parse(source) as Root;
  return new Extractor(source, baseOffset).run(tree);
}

/**
 * Source range of block.text[start, end): from the first character's offset to just after the
 * last character's source (an escape, a character reference, a CRLF or a whole inline code span).
 * `source` is the text the block's offsets index (the full document).
 */
export function sourceSpan(block: ProseBlock, start: number, end: number, source: string): { start: number; end: number } {
  if (end <= start) {
    const at = block.map[Math.min(start, block.text.length)];
    return { start: at, end: at };
  }
  return { start: block.map[start], end: charSourceEnd(source, 0, block.text, block.map, end - 1) };
}

/** Offset just after the source of text[k]; `source` starts at offset `shift`. */
function charSourceEnd(source: string, shift: number, text: string, map: Int32Array, k: number): number {
  const end = shift + localEnd(source, map[k] - shift, text.charCodeAt(k));
  // Never past the next character's start (a verbatim backslash or '&' is one character).
  const next = map[k + 1];
  return next > map[k] && next < end ? next : end;
}

const AUTOLINK_END = /[\s<]/;
function localEnd(source: string, o: number, t: number): number {
  const s = source.charCodeAt(o);
  if (s === BACKSLASH) return isAsciiPunct(source.charCodeAt(o + 1)) ? o + 2 : o + 1;
  if (s === AMP) {
    const ref = charRefAt(source, o, source.length);
    return ref ? o + ref.length : o + 1;
  }
  if (s === CR) return source.charCodeAt(o + 1) === LF ? o + 2 : o + 1; // a line break shown as a space
  if (t === 0xfffc) {
    if (s === BACKTICK) return codeSpanEnd(source, o);
    // An autolink: `<…>`, or a literal address up to the next space or '<' (the caller stops it at
    // the next character's start, so trailing punctuation GFM leaves outside stays outside).
    if (s === LT) { const close = source.indexOf('>', o); return close < 0 ? o + 1 : close + 1; }
    let j = o + 1;
    while (j < source.length && !AUTOLINK_END.test(source[j]!)) j++;
    return j;
  }
  return o + 1;
}

/** End of the code span opening at `o` (a run of backticks closed by a run of the same length). */
function codeSpanEnd(source: string, o: number): number {
  let n = 0;
  while (source.charCodeAt(o + n) === BACKTICK) n++;
  let i = o + n;
  for (;;) {
    const at = source.indexOf('`', i);
    if (at < 0) return o + n;
    let m = 0;
    while (source.charCodeAt(at + m) === BACKTICK) m++;
    if (m === n) return at + m;
    i = at + m;
  }
}

/** A section ends where the next heading of the same or a higher level starts, else at `docEnd`. */
export function sectionEnds(sections: Section[], docEnd: number): void {
  // One pass with a stack of open sections (depths strictly increasing).
  const open: number[] = [];
  for (let i = 0; i < sections.length; i++) {
    const depth = sections[i].depth;
    while (open.length > 0 && sections[open[open.length - 1]].depth >= depth) sections[open.pop()!].end = sections[i].start;
    open.push(i);
  }
  for (const i of open) sections[i].end = docEnd;
}

const LF = 10, CR = 13, TAB = 9, SPACE = 32, GT = 62, LT = 60, BACKSLASH = 92, AMP = 38, BACKTICK = 96;

/** Whether source[j…] reads like v[i…] (escapes and references decoded) up to the end of the line or 16 characters. */
function sameText(src: string, j: number, e: number, v: string, i: number): boolean {
  for (let k = 0; k < 16; k++) {
    if (i >= v.length) return true;
    const c = v.charCodeAt(i);
    if (c === LF || c === CR) return true;
    if (j >= e) return false;
    const sc = src.charCodeAt(j);
    if (sc === BACKSLASH && isAsciiPunct(src.charCodeAt(j + 1)) && src.charCodeAt(j + 1) === c) { i++; j += 2; continue; }
    if (sc === AMP) {
      const ref = charRefAt(src, j, e);
      if (ref && v.startsWith(ref.text, i)) { i += ref.text.length; j += ref.length; continue; }
    }
    if (sc !== c) return false;
    i++; j++;
  }
  return true;
}

const isSpaceCode = (c: number) => c === SPACE || c === TAB || c === LF || c === CR;

function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

const CHARREF = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}));/y;

/** The decoded text and source length of a character reference at `at`, or undefined. */
function charRefAt(source: string, at: number, end: number): { text: string; length: number } | undefined {
  CHARREF.lastIndex = at;
  const m = CHARREF.exec(source);
  if (!m || at + m[0].length > end) return undefined;
  let text: string | false;
  if (m[1] !== undefined) text = decodeNumeric(parseInt(m[1], 10));
  else if (m[2] !== undefined) text = decodeNumeric(parseInt(m[2], 16));
  else text = decodeNamedCharacterReference(m[3]);
  return text === false ? undefined : { text, length: m[0].length };
}

// Same replacement rules as micromark (control characters, surrogates, noncharacters → U+FFFD).
function decodeNumeric(code: number): string {
  if (
    code < 9 || code === 11 || (code > 13 && code < 32) || (code > 126 && code < 160) ||
    (code > 55295 && code < 57344) || (code > 64975 && code < 65008) ||
    (code & 65535) === 65535 || (code & 65535) === 65534 || code > 1114111
  ) return '\uFFFD';
  return String.fromCodePoint(code);
}

/** The start of a directive comment, up to its kind (matched at each `<!--`). */
const DIRECTIVE = /<!--\s*claimlint-(disable-next-line|disable-line|disable|enable)(?![\w-])/y;

export const FOOTNOTE_REF = /\[\^([^\s[\]]+)\]/g;

// A scratch map shared by all blocks of all calls; each block copies out its slice.
let scratch = new Int32Array(4096);

interface Container {
  /** Shared paragraph index of a list item's or footnote's direct paragraphs; -1 until assigned. */
  paragraph: number;
}

class Extractor {
  private readonly doc: ProseDocument;
  private section = -1;
  private paragraphs = 0;
  private quoteDepth = 0;
  private listDepth = 0;
  private footnote: { blocks: string[] } | undefined;
  private readonly pendingRefs: Array<{ citation: CitationRef; identifier: string }> = [];
  private readonly definitions = new Map<string, string>();
  // Current block under construction.
  private text = '';
  private n = 0;
  /** Index in doc.citations of the current block's first citation. */
  private blockCitations = 0;
  private lastEnd = 0;

  constructor(private readonly source: string, private readonly base: number) {
    this.doc = emptyProse(base, base + source.length);
  }

  run(tree: Root): ProseDocument {
    const doc = this.doc;
    this.children(tree, undefined, true);
    for (const { citation, identifier } of this.pendingRefs) {
      const url = this.definitions.get(identifier);
      if (url !== undefined) {
        citation.key = url;
        doc.citations.push(citation);
      }
    }
    if (this.pendingRefs.length > 0) doc.citations.sort((a, b) => a.start - b.start);
    sectionEnds(doc.sections, doc.end);
    return doc;
  }

  private children(node: Parents, container: Container | undefined, root: boolean): void {
    for (const child of node.children as Nodes[]) this.block(child, container, root);
  }

  private block(node: Nodes, container: Container | undefined, root: boolean): void {
    const pos = node.position;
    if (!pos) return;
    const start = pos.start.offset! + this.base;
    const end = pos.end.offset! + this.base;
    switch (node.type) {
      case 'paragraph': {
        if (!this.beginInline(node)) return;
        let paragraph: number;
        if (container) {
          if (container.paragraph < 0) container.paragraph = this.paragraphs++;
          paragraph = container.paragraph;
        } else {
          paragraph = this.paragraphs++;
        }
        this.emitBlock(this.footnote ? 'footnoteDefinition' : 'paragraph', start, end, paragraph);
        return;
      }
      case 'heading': {
        // Headings always get a block (sections point at it), even when empty.
        this.beginInline(node);
        if (root) {
          this.section = this.doc.sections.length;
          this.doc.sections.push({ heading: this.text, depth: node.depth, start, end, headingBlock: this.doc.blocks.length });
        }
        const block = this.emitBlock('heading', start, end, this.paragraphs++);
        block.headingDepth = node.depth;
        return;
      }
      case 'blockquote':
        this.quoteDepth++;
        this.children(node, undefined, false);
        this.quoteDepth--;
        return;
      case 'list':
        this.children(node, undefined, false);
        return;
      case 'listItem':
        this.listDepth++;
        this.children(node, { paragraph: -1 }, false);
        this.listDepth--;
        return;
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) {
            if (!cell.position || !this.beginInline(cell)) continue;
            const block = this.emitBlock('tableCell', cell.position.start.offset! + this.base, cell.position.end.offset! + this.base, this.paragraphs++);
            if (row.position) block.row = row.position.start.offset! + this.base;
          }
        }
        return;
      case 'footnoteDefinition': {
        const outer = this.footnote;
        const fn = (this.footnote = { blocks: [] as string[] });
        this.children(node, { paragraph: -1 }, false);
        this.footnote = outer;
        // Trailing blank lines are part of the node only at the end of a parse; leave them out.
        let last = end;
        while (last > start && isSpaceCode(this.source.charCodeAt(last - 1 - this.base))) last--;
        this.doc.footnotes.push({ key: node.label ?? node.identifier, start, end: last, text: fn.blocks.join(' ') });
        if (outer) for (const b of fn.blocks) outer.blocks.push(b);
        return;
      }
      case 'html':
        this.directives(start, end);
        return;
      case 'definition':
        if (!this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node.url);
        this.doc.linkDefinitions.push({ label: node.label ?? node.identifier, url: node.url, start, end });
        return;
      case 'yaml':
        this.doc.frontmatter = { start, end };
        return;
      default:
        // toml front matter (not in the mdast types); code, thematicBreak, anything unknown: not prose.
        if ((node.type as string) === 'toml') this.doc.frontmatter = { start, end };
        return;
    }
  }

  /** Resets the block buffer and emits the inline content of `node`; false when it has no text. */
  private beginInline(node: Parents): boolean {
    this.blockCitations = this.doc.citations.length;
    this.text = '';
    this.n = 0;
    this.lastEnd = node.position!.start.offset! + this.base;
    this.inlines(node.children as PhrasingContent[]);
    return this.n > 0;
  }

  private emitBlock(kind: BlockKind, start: number, end: number, paragraph: number): ProseBlock {
    const n = this.n;
    this.reserve(n + 1);
    scratch[n] = this.lastEnd;
    const text = this.text;
    const block: ProseBlock = {
      kind,
      text,
      map: scratch.slice(0, n + 1),
      start,
      end,
      quoted: this.quoteDepth > 0,
      listItem: this.listDepth > 0,
      section: this.section,
      paragraph,
    };
    const blocks = this.doc.blocks;
    blocks.push(block);
    const citations = this.doc.citations;
    const first = this.blockCitations;
    if (text.indexOf('[^') >= 0) this.footnoteRefs(block);
    if (text.indexOf('@') >= 0) this.pandoc(block);
    // Links were recorded during the walk; keep document order within the block.
    for (let k = Math.max(first, 1); k < citations.length; k++) {
      if (citations[k - 1].start > citations[k].start) { sortFrom(citations, first); break; }
    }
    this.blockCitations = citations.length;
    this.footnote?.blocks.push(text);
    return block;
  }

  private reserve(size: number): void {
    if (size > scratch.length) {
      const next = new Int32Array(Math.max(size, scratch.length * 2));
      next.set(scratch);
      scratch = next;
    }
  }

  /** Source text [s, e) stands in the text as one object character (inline code, an autolink). */
  private object(s: number, e: number): void {
    this.reserve(this.n + 1);
    scratch[this.n++] = s + this.base;
    this.text += INLINE_CODE;
    this.lastEnd = e + this.base;
  }

  private inlines(nodes: PhrasingContent[]): void {
    for (const node of nodes) {
      const pos = node.position;
      if (!pos) continue;
      const s = pos.start.offset!, e = pos.end.offset!;
      switch (node.type) {
        case 'text':
          this.align(node.value, s, e);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          this.inlines(node.children);
          break;
        case 'link': {
          this.doc.citations.push({ key: node.url, start: s + this.base, end: e + this.base, kind: 'link' });
          // An autolink (www.…, https://…, a@b.c, <https://…>) is an address, not prose: like inline
          // code it stands as one object character, so a year or a word in its path is never read as
          // a claim or a figure (and no fix can edit inside it).
          const open = this.source.charCodeAt(s);
          if (open !== 0x5b && node.children.length === 1 && node.children[0].type === 'text') this.object(s, e);
          else this.inlines(node.children);
          break;
        }
        case 'linkReference': {
          const citation: CitationRef = { key: '', start: s + this.base, end: e + this.base, kind: 'link' };
          this.pendingRefs.push({ citation, identifier: node.identifier });
          this.inlines(node.children);
          break;
        }
        case 'inlineCode':
          this.object(s, e);
          break;
        case 'footnoteReference':
          // Emit the source text `[^key]` itself; it is recorded by the text scan in emitBlock (so a
          // reference whose definition is in another chunk is recorded the same way).
          this.verbatim(s, e);
          break;
        case 'break': {
          // A space mapped to the line ending (hard break: trailing spaces or a backslash, then EOL).
          const src = this.source;
          let j = s;
          while (j < e && src.charCodeAt(j) !== LF && src.charCodeAt(j) !== CR) j++;
          this.reserve(this.n + 1);
          scratch[this.n++] = (j < e ? j : s) + this.base;
          this.text += ' ';
          this.lastEnd = (j >= e ? e : src.charCodeAt(j) === CR && src.charCodeAt(j + 1) === LF ? j + 2 : j + 1) + this.base;
          break;
        }
        case 'html':
          this.directives(s + this.base, e + this.base);
          break;
        default:
          // image, imageReference (alt text is not prose) and anything unknown.
          break;
      }
    }
  }

  /** Appends source[s, e) as it is, one to one. */
  private verbatim(s: number, e: number): void {
    const base = this.base;
    this.reserve(this.n + (e - s));
    for (let j = s; j < e; j++) scratch[this.n++] = j + base;
    this.text += this.source.slice(s, e);
    this.lastEnd = e + base;
  }

  /**
   * Appends a text node's value, mapping each character to its source offset. The value is the
   * source range with container prefixes, trailing spaces and escapes removed and references
   * decoded; walk both in step.
   */
  private align(v: string, s: number, e: number): void {
    const src = this.source;
    const base = this.base;
    const vlen = v.length;
    this.reserve(this.n + vlen);
    const map = scratch;
    let n = this.n;
    let i = 0, j = s, seg = 0;
    let last = -1; // source end of the last character emitted
    let out = '';
    while (i < vlen && j < e) {
      const c = v.charCodeAt(i);
      const sc = src.charCodeAt(j);
      if (sc === c && c !== LF && c !== CR && c !== AMP && c !== BACKSLASH) {
        map[n++] = j + base; i++; last = ++j;
        continue;
      }
      if (sc === BACKSLASH && j + 1 < e && isAsciiPunct(src.charCodeAt(j + 1)) && src.charCodeAt(j + 1) === c) {
        map[n++] = j + base; i++; last = j += 2;
        continue;
      }
      if (sc === AMP) {
        const ref = charRefAt(src, j, e);
        if (ref && v.startsWith(ref.text, i)) {
          for (let k = 0; k < ref.text.length; k++) map[n++] = j + base;
          i += ref.text.length; last = j += ref.length;
          continue;
        }
      }
      if (sc === c && c !== LF && c !== CR) { // a literal '&' or '\'
        map[n++] = j + base; i++; last = ++j;
        continue;
      }
      if (c === LF || c === CR) {
        if (sc !== LF && sc !== CR) { j++; continue; } // trailing whitespace the value dropped
        // A line ending: one space mapped to its first character.
        out += v.slice(seg, i) + ' ';
        map[n++] = j + base;
        if (c === CR && v.charCodeAt(i + 1) === LF) i += 2; else i++;
        if (sc === CR && src.charCodeAt(j + 1) === LF) j += 2; else j++;
        last = j;
        seg = i;
        // Skip the next line's container prefix: indentation and up to quoteDepth '>' markers.
        let quotes = this.quoteDepth;
        let markers: number[] | undefined;
        while (j < e) {
          const p = src.charCodeAt(j);
          if (p === SPACE || p === TAB) j++;
          else if (p === GT && quotes > 0) { (markers ??= []).push(j); quotes--; j++; }
          else break;
        }
        // A lazy line may begin with a literal '>' (after 4+ spaces): when the prose continues
        // with '>', back up to the marker from which the source reads like the prose.
        if (markers && i < vlen && v.charCodeAt(i) === GT && !sameText(src, j, e, v, i)) {
          for (let k = markers.length - 1; k >= 0; k--) {
            if (sameText(src, markers[k], e, v, i)) { j = markers[k]; break; }
          }
        }
        continue;
      }
      if ((c === SPACE || c === TAB) && (sc === SPACE || sc === TAB)) { // tab/space from a split tab
        map[n++] = j + base; i++; last = ++j;
        continue;
      }
      j++; // a source character the value does not carry
    }
    // Defensive: never leave characters unmapped.
    while (i < vlen) { map[n++] = (j < e ? j : e - 1) + base; i++; last = Math.min(j + 1, e); }
    this.text += seg === 0 ? v : out + v.slice(seg);
    this.n = n;
    if (last >= 0) this.lastEnd = last + base;
  }

  /** Records claimlint directives in the html node at [start, end). */
  private directives(start: number, end: number): void {
    const raw = this.source.slice(start - this.base, end - this.base);
    if (raw.indexOf('claimlint-') < 0) return;
    // Each `<!--` in turn, each directive up to the first `-->` after it (a lazy regex over the
    // whole node would rescan to its end from every unclosed opener).
    for (let from = 0; ; ) {
      const open = raw.indexOf('<!--', from);
      if (open < 0) break;
      DIRECTIVE.lastIndex = open;
      const m = DIRECTIVE.exec(raw);
      if (!m) { from = open + 1; continue; }
      const close = raw.indexOf('-->', DIRECTIVE.lastIndex);
      if (close < 0) break; // nothing later is closed either
      const inner = raw.slice(DIRECTIVE.lastIndex, close);
      from = close + 3;
      // Inside a blockquote, later lines of the comment carry '>' prefixes.
      const body = this.quoteDepth > 0 ? inner.replace(/(\r\n|\r|\n)[ \t>]*/g, ' ') : inner;
      const sep = body.indexOf('--');
      const codes = (sep < 0 ? body : body.slice(0, sep)).split(/[\s,]+/).filter(Boolean);
      const reason = sep < 0 ? undefined : body.slice(sep + 2).trim() || undefined;
      const directive: Directive = { kind: m[1] as DirectiveKind, codes, start: start + open, end: start + from, raw: raw.slice(open, from) };
      if (reason !== undefined) directive.reason = reason;
      this.doc.directives.push(directive);
    }
  }

  /** Records pandoc citations (`[@key]`, `[see @a, p. 3; @b]`, bare `@key`) found in a block's prose. */
  private pandoc(block: ProseBlock): void {
    pandocCitations(block.text, block.map, this.source, this.base, this.doc.citations);
  }

  /** Records footnote references `[^key]` in a block's prose (emitted from footnoteReference nodes or literal). */
  private footnoteRefs(block: ProseBlock): void {
    FOOTNOTE_REF.lastIndex = 0;
    let m: RegExpExecArray | null;
    const { text, map } = block;
    while ((m = FOOTNOTE_REF.exec(text))) {
      const at = m.index, len = m[0].length;
      // Only a verbatim `[^key]` (an escaped `\[^key]` is not a reference).
      let n = 0;
      while (n < len && map[at + n] === map[at] + n && this.source.charCodeAt(map[at + n] - this.base) === text.charCodeAt(at + n)) n++;
      if (n === len) this.doc.citations.push({ key: m[1], start: map[at], end: map[at] + len, kind: 'footnote' });
    }
  }
}

/**
 * Pandoc citations in prose `text` whose characters map to `source` offsets through `map` (source
 * positions are relative to `base`), appended to `out`. The key ends where the prose stops being a
 * verbatim copy of the source (markup, an escape or a reference in between: `@a*b*` cites `a`),
 * then drops trailing punctuation. Shared with the fast path, which must record the same keys.
 */
export function pandocCitations(text: string, map: Int32Array, source: string, base: number, out: CitationRef[]): void {
  for (let from = 0, m: PandocMatch | undefined; (m = nextPandoc(text, from)); ) {
    const at = m.index, len = m.length;
    from = at + len;
    let n = 1;
    while (n < len && map[at + n] === map[at] + n && source.charCodeAt(map[at + n] - base) === text.charCodeAt(at + n)) n++;
    let raw = text.slice(at, at + n);
    if (m.braced === undefined) { let e = raw.length; while (e > 0 && KEY_PUNCT.includes(raw[e - 1]!)) e--; raw = raw.slice(0, e); }
    else if (n < len) continue; // @{…} interrupted by markup
    if (raw.length < 2) continue;
    out.push({ key: m.braced ?? raw.slice(1), start: map[at], end: map[at] + raw.length, kind: 'pandoc' });
    from = at + raw.length;
  }
}

interface PandocMatch { index: number; length: number; braced?: string }
const KEY_CHAR = /[\p{L}\p{N}_]/u;
const KEY_PUNCT = ':.#$%&-+?<>~/';
/** UTF-16 length of the key character (letter, number, '_') at `i`, or 0. */
function keyChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0;
  if (c !== c) return 0; // past the end
  const cp = text.codePointAt(i)!;
  return KEY_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}
const isJsSpace = (c: number) => (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/**
 * The next pandoc citation at or after `from`: '@' not after a letter, number or one of `_@.+/:`
 * (an e-mail address), then `{anything but braces and spaces}` or a key of letters, numbers and
 * '_' with single inner punctuation (`:.#$%&-+?<>~/`, each followed by a key character). A scan, not
 * a regex: a repeated group over a key of millions of characters overflows the regex stack.
 */
function nextPandoc(text: string, from: number): PandocMatch | undefined {
  for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0) {
      const p = text.charCodeAt(at - 1);
      if (p === 64 || p === 46 || p === 43 || p === 47 || p === 58 || p === 95) continue;
      const h = at > 1 ? text.charCodeAt(at - 2) : 0;
      const pcp = p >= 0xdc00 && p <= 0xdfff && h >= 0xd800 && h <= 0xdbff ? text.codePointAt(at - 2)! : p;
      if (pcp < 128 ? keyChar(text, at - 1) > 0 : KEY_CHAR.test(String.fromCodePoint(pcp))) continue;
    }
    if (text.charCodeAt(at + 1) === 123) {
      let j = at + 2;
      while (j < text.length) { const c = text.charCodeAt(j); if (c === 123 || c === 125 || isJsSpace(c)) break; j++; }
      if (j > at + 2 && text.charCodeAt(j) === 125) return { index: at, length: j + 1 - at, braced: text.slice(at + 2, j) };
      continue;
    }
    let j = at + 1;
    const first = keyChar(text, j);
    if (!first) continue;
    j += first;
    for (;;) {
      const k = keyChar(text, j);
      if (k) { j += k; continue; }
      if (j < text.length && KEY_PUNCT.includes(text[j]!) && keyChar(text, j + 1)) { j++; continue; }
      break;
    }
    return { index: at, length: j - at };
  }
  return undefined;
}

/** Sorts arr[from..] by start, in place (stable). */
export function sortFrom(arr: CitationRef[], from: number): void {
  const tail = arr.splice(from).sort((a, b) => a.start - b.start);
  for (const c of tail) arr.push(c);
}
