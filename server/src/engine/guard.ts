// Which chunks are too deep or too dense for remark to parse in time linear in their size.
//
// micromark (under remark) is recursive in the nesting of containers and inline spans, and several
// of its inline steps cost (lines + delimiters) × (paragraph size): merging adjacent text runs,
// pairing emphasis, resolving labels. A 1,000-level nested list overflowed the stack; a 1 MB line
// of emphasis took minutes. So before a chunk goes to remark, one linear pass over its lines
// bounds what remark would face, and a chunk over any limit is not parsed: it is left unchecked
// (no prose, so no findings and no directives from it). The estimates only ever err upwards
// (they assume the worst where the block structure is unclear), so remark never sees more than
// the limits allow; ordinary documents stay far below them.
//
// - Container depth: block quotes and list items open on a line. A line that opens none is at
//   most as deep as the line before it; a line that opens some is at most as deep as its markers
//   plus half its indentation (every list level indents its content by at least two columns).
// - Definitions: micromark looks each label up in a list of the definitions seen so far, so
//   lines that may start a link or footnote definition times closing brackets.
// - Per paragraph (estimated as a run of lines up to a blank line, a heading or a list item that
//   can interrupt a paragraph; code and HTML lines count as if they were prose): lines plus inline
//   delimiter characters, and the nesting of brackets and emphasis delimiters (openers not yet
//   closed).

export interface Limits {
  /** Container levels (block quotes and list items). */
  depth: number;
  /** Lines plus inline delimiters in one paragraph. */
  inline: number;
  /** Open brackets plus open emphasis delimiters at any point of one paragraph. */
  spans: number;
  /** Lines that may be link or footnote definitions times closing brackets, in the chunk. */
  references: number;
}
/** What remark may be given. */
export const LIMITS: Readonly<Limits> = { depth: 32, inline: 4000, spans: 32, references: 2e7 };

const TAB = 9, LF = 10, CR = 13, SPACE = 32, GT = 62, BACKSLASH = 92, LBRACKET = 91, RBRACKET = 93;
const STAR = 42, UNDERSCORE = 95, TILDE = 126, BACKTICK = 96;

// Characters that start (or may start) an inline construct in micromark with GFM, each of which
// may split a run of text or take part in a pairing step.
const DELIMITER = new Uint8Array(128);
for (const ch of '*_~`[]!<&\\@') DELIMITER[ch.charCodeAt(0)] = 1;

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
/** micromark's classifyCharacter: 1 whitespace (and line ends, the text's edges), 2 punctuation, 0 other. */
function classify(src: string, i: number, start: number, end: number): number {
  if (i < start || i >= end) return 1;
  const c = src.charCodeAt(i);
  if (c === SPACE || c === TAB || c === LF || c === CR) return 1;
  if (c < 128) return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126) ? 2 : 0;
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000) return 1;
  // The whole code point (the character before a position may end with a low surrogate).
  const high = i > start ? src.charCodeAt(i - 1) : 0;
  const cp = c >= 0xdc00 && c <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? src.codePointAt(i - 1)! : src.codePointAt(i)!;
  return UNICODE_PUNCTUATION.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/** Whether `src` (one top-level chunk) exceeds a limit: remark must not parse it. */
export function tooComplex(src: string, limits: Readonly<Limits> = LIMITS): boolean {
  const len = src.length;
  let depth = 0; // containers possibly open after the line before
  let inline = 0; // lines + delimiters of the current paragraph estimate
  let spans = 0; // open brackets + open emphasis delimiters in it
  let definitions = 0, closes = 0; // lines starting with '[', and ']' characters
  let pos = 0;
  while (pos < len) {
    let eol = pos;
    while (eol < len) {
      const c = src.charCodeAt(eol);
      if (c === LF || c === CR) break;
      eol++;
    }
    const next = eol < len && src.charCodeAt(eol) === CR && src.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
    // The container prefix: '>' and list markers, with the whitespace around them.
    let i = pos, col = 0, markers = 0, white = 0, indent = 0, interrupt = false;
    for (;;) {
      let ws = 0;
      while (i < eol) {
        const c = src.charCodeAt(i);
        if (c === SPACE) { ws++; col++; } else if (c === TAB) { ws += 4 - (col % 4); col += 4 - (col % 4); } else break;
        i++;
      }
      white += ws;
      indent = ws;
      if (i >= eol) break;
      if (src.charCodeAt(i) === GT) {
        // The space after '>' belongs to the marker.
        markers++; i++; col++;
        if (i < eol && src.charCodeAt(i) === SPACE) { i++; col++; }
        continue;
      }
      const m = listMarker(src, i, eol);
      if (m === 0) break;
      markers++;
      // A bullet, or an item numbered 1, with content interrupts a paragraph (unless indented as its text).
      const c = src.charCodeAt(i);
      if (ws <= 3 && (c === 45 || c === 42 || c === 43 || (m === 2 && c === 49)) && !blankAfter(src, i + m, eol)) interrupt = true;
      i += m;
      col += m;
    }
    // A line continues at most the containers open before it (list items only where indented)
    // and opens one per marker; a line without markers may be a lazy continuation: all stay open.
    if (markers > 0) {
      depth = Math.max(depth, markers + Math.min(white >> 1, depth));
      if (depth > limits.depth) return true;
    }
    if (i >= eol) { inline = spans = 0; pos = next; continue; } // a blank line (inside its containers)
    if (interrupt || (indent <= 3 && isAtxHeading(src, i, eol))) inline = spans = 0;
    inline++;
    if (src.charCodeAt(i) === LBRACKET) definitions++;
    // The line's inline delimiters and span nesting.
    for (let j = i; j < eol; j++) {
      const c = src.charCodeAt(j);
      if (c >= 128) continue;
      if (DELIMITER[c] === 0) {
        // GFM literal autolinks: `www.` and `://`.
        if (((c | 32) === 119 && isWww(src, j, eol)) || (c === 58 && src.charCodeAt(j + 1) === 47 && src.charCodeAt(j + 2) === 47)) inline++;
        continue;
      }
      inline++;
      if (c === BACKSLASH) { j++; continue; } // an escape (or a hard break)
      if (c === LBRACKET) spans++;
      else if (c === RBRACKET) { if (spans > 0) spans--; closes++; }
      else if (c === STAR || c === UNDERSCORE || c === TILDE) {
        const n = runLength(src, j, eol, c);
        inline += n - 1;
        const d = delimiter(src, j, n, i, eol);
        if (d & OPENS) spans += n;
        else if (d & CLOSES) spans = Math.max(0, spans - n); // a run that can only close ends at most n levels
        j += n - 1;
      }
      else if (c === BACKTICK) { const n = runLength(src, j, eol, c); inline += n - 1; j += n - 1; }
      if (spans > limits.spans) return true;
    }
    if (inline > limits.inline) return true;
    pos = next;
  }
  return definitions * closes > limits.references;
}

const OPENS = 1, CLOSES = 2;
/**
 * Whether the run of `n` delimiters at `j` may open (OPENS) or close (CLOSES) emphasis or
 * strikethrough: micromark's attention rules, with '~' taken like '*'. `s` and `e` bound the line.
 */
function delimiter(src: string, j: number, n: number, s: number, e: number): number {
  const c = src.charCodeAt(j);
  const before = classify(src, j - 1, s, e), after = classify(src, j + n, s, e);
  const nextCode = j + n < e ? src.charCodeAt(j + n) : -1;
  const prevCode = j > s ? src.charCodeAt(j - 1) : -1;
  const open = after === 0 || (after === 2 && before !== 0) || nextCode === STAR || nextCode === UNDERSCORE;
  const close = before === 0 || (before === 2 && after !== 0) || prevCode === STAR || prevCode === UNDERSCORE;
  if (c !== UNDERSCORE) return (open ? OPENS : 0) | (close ? CLOSES : 0);
  return (open && (before !== 0 || !close) ? OPENS : 0) | (close && (after !== 0 || !open) ? CLOSES : 0);
}

function isWww(src: string, j: number, eol: number): boolean {
  return j + 3 < eol && (src.charCodeAt(j + 1) | 32) === 119 && (src.charCodeAt(j + 2) | 32) === 119 && src.charCodeAt(j + 3) === 46;
}

/** Length of the list marker at `i` ("-", "*", "+", "1." … "123456789)") when one starts there, else 0. */
function listMarker(src: string, i: number, eol: number): number {
  const c = src.charCodeAt(i);
  let n = 0;
  if (c === 45 || c === 42 || c === 43) n = 1;
  else {
    while (n < 9 && i + n < eol && src.charCodeAt(i + n) >= 48 && src.charCodeAt(i + n) <= 57) n++;
    if (n === 0) return 0;
    const d = src.charCodeAt(i + n);
    if (d !== 46 && d !== 41) return 0;
    n++;
  }
  if (i + n < eol) {
    const d = src.charCodeAt(i + n);
    if (d !== SPACE && d !== TAB) return 0;
  }
  return n;
}

function blankAfter(src: string, i: number, eol: number): boolean {
  for (; i < eol; i++) {
    const c = src.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

function runLength(src: string, i: number, eol: number, c: number): number {
  let n = 0;
  while (i + n < eol && src.charCodeAt(i + n) === c) n++;
  return n;
}

function isAtxHeading(src: string, i: number, eol: number): boolean {
  const n = runLength(src, i, eol, 35);
  if (n < 1 || n > 6) return false;
  return i + n === eol || src.charCodeAt(i + n) === SPACE || src.charCodeAt(i + n) === TAB;
}
