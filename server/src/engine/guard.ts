// Which chunks are too deep or too dense for remark to parse in time linear in their size: one
// linear pass bounds container depth, definitions and per-paragraph delimiters, erring upwards.
// A chunk over a limit is left unchecked (no prose, no findings, no directives from it).

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
export const LIMITS: Readonly<Limits> = { depth: 32, inline: 4000, spans: 64, references: 2e7 };

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
  // Open brackets, '*', '_' and '~' openers in it, and runs that may both open and close. Closers
  // are subtracted only while nothing could hide them from the parser (code, HTML, a link
  // destination): after that the count only grows, until the paragraph ends.
  const open = [0, 0, 0, 0];
  let both = 0, sure = true;
  let paraCol = -1; // column where the current paragraph's first line starts (-1: none yet)
  let paraQuotes = 0; // '>' markers in the prefix of the paragraph's first line
  let hold = -1; // the end of the last plain link destination: nothing before it subtracts
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
    let i = pos, col = 0, markers = 0, quotes = 0, white = 0, indent = 0, interrupt = false;
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
        markers++; quotes++; i++; col++;
        if (i < eol && src.charCodeAt(i) === SPACE) { i++; col++; }
        continue;
      }
      const m = listMarker(src, i, eol);
      if (m === 0) break;
      markers++;
      // A bullet, or an item numbered 1, with content interrupts a paragraph unless indented as
      // its text: certainly when at most 3 columns in, or not right of the paragraph's first line.
      // Only the line's first marker can: after one that cannot ("2) * *a**" inside a paragraph)
      // the rest of the line is the paragraph's text, and its open spans stay counted. Columns
      // compare only while the line repeats the paragraph's '>' markers: a line with fewer may be
      // a lazy continuation, where four columns of indent are text ("> > ~a\n\t* b~").
      const c = src.charCodeAt(i);
      if (markers === 1 && (ws <= 3 || (col <= paraCol && quotes >= paraQuotes)) && (c === 45 || c === 42 || c === 43 || (m === 2 && c === 49)) && !blankAfter(src, i + m, eol)) interrupt = true;
      i += m;
      col += m;
    }
    // A line continues at most the containers open before it (list items only where indented)
    // and opens one per marker; a line without markers may be a lazy continuation: all stay open.
    if (markers > 0) {
      depth = Math.max(depth, markers + Math.min(white >> 1, depth));
      if (depth > limits.depth) return true;
    }
    if (i >= eol) { inline = both = open[0] = open[1] = open[2] = open[3] = 0; sure = true; paraCol = -1; pos = next; continue; } // a blank line (inside its containers)
    const heading = indent <= 3 && isAtxHeading(src, i, eol);
    if (interrupt || heading) { inline = both = open[0] = open[1] = open[2] = open[3] = 0; sure = true; paraCol = -1; }
    if (paraCol < 0) { paraCol = heading ? -1 : col; paraQuotes = quotes; }
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
      if (c === LBRACKET) open[0]++;
      else if (c === RBRACKET) {
        closes++;
        if (sure && j >= hold && open[0]! > 0) open[0]--;
        // A link destination holds what closes nothing: "(plain)" is passed over by what closes
        // (what may open still counts); anything else (a title, spaces, '<', parentheses,
        // escapes, a line break) ends subtraction for the paragraph.
        if (src.charCodeAt(j + 1) === 40) {
          let k = j + 2;
          while (k < eol && isDestinationChar(src.charCodeAt(k))) k++;
          if (k < eol && src.charCodeAt(k) === 41) hold = Math.max(hold, k);
          else sure = false;
        }
      }
      else if (c === STAR || c === UNDERSCORE || c === TILDE) {
        const n = runLength(src, j, eol, c);
        inline += n - 1;
        const d = delimiter(src, j, n, i, eol);
        const k = c === STAR ? 1 : c === UNDERSCORE ? 2 : 3;
        // A run that can only close ends at most n levels of its own marker. One that can both
        // open and close stays counted: the rule of three may leave it open.
        if (d === OPENS) open[k] += n;
        else if (d === (OPENS | CLOSES)) both += n;
        else if (d === CLOSES && sure && j >= hold) open[k] = Math.max(0, open[k]! - n);
        j += n - 1;
      }
      else if (c === BACKTICK) {
        // A code span closed on this line holds nothing that counts; one that may close on a
        // later line hides what follows from the parser.
        // (Once unsure, spans are only counted: no need to find where code ends.)
        const n = runLength(src, j, eol, c);
        const close = sure ? closingRun(src, j + n, eol, n) : -1;
        inline += n - 1;
        if (close < 0) { sure = false; j += n - 1; } else j = close + n - 1;
      }
      else if (c === 60) { const d = src.charCodeAt(j + 1); if (!(d === SPACE || d === 61 || d === 60 || (d >= 48 && d <= 57) || j + 1 >= eol)) sure = false; } // so may HTML and autolinks
      if (both + open[0]! + open[1]! + open[2]! + open[3]! > limits.spans) return true;
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

/** A character of a plain link destination: not space, control, '(', ')', '<', quotes or '\\'. */
function isDestinationChar(c: number): boolean {
  return c > 32 && c !== 40 && c !== 41 && c !== 60 && c !== 34 && c !== 39 && c !== BACKSLASH && c !== 127;
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

/** Start of the first run of exactly `n` backticks in src[from, eol), or -1. */
function closingRun(src: string, from: number, eol: number, n: number): number {
  for (let k = src.indexOf('`', from); k >= 0 && k < eol; k = src.indexOf('`', k)) {
    const m = runLength(src, k, eol, BACKTICK);
    if (m === n) return k;
    k += m;
  }
  return -1;
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
