// Sentence splitting with exact spans, tuned for scientific prose.
//
// A boundary candidate is a run of terminators (. ? ! …) followed by closers (quotes, brackets,
// superscript digits, citation brackets such as [@key], [^1], [3]) and then whitespace or the end.
// Whether it is a boundary depends on the word before the terminator (abbreviations, initials,
// list numbers) and the word after it (a lower-case word continues the sentence). A citation
// bracket after the period, with or without a space, belongs to the sentence before it.

export interface SentenceSpan {
  /** Offset of the first non-space character. */
  start: number;
  /** Offset just after the last non-space character. */
  end: number;
}

// Never end a sentence (case-insensitive): followed by an example, a number or a name.
const ALWAYS = new Set(['e.g', 'i.e', 'cf', 'vs', 'viz', 'approx', 'ca', 'incl', 'esp', 'resp', 'w.r.t', 'a.k.a', 'c.f', 'n.b', 'ex']);
// Titles before a name (case-sensitive).
const TITLES = new Set(['Dr', 'Drs', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'St', 'Sr', 'Mt', 'Rev', 'Hon', 'Gen', 'Col', 'Capt', 'Lt', 'Sgt', 'Gov', 'Sen', 'Rep', 'Pres', 'Messrs']);
// Not a boundary when a number (or a figure label like S2, or a roman numeral) follows (case-insensitive).
const NUMBERED = new Set([
  'fig', 'figs', 'no', 'nos', 'vol', 'vols', 'eq', 'eqs', 'ref', 'refs', 'tab', 'tbl', 'sec', 'secs', 'ch', 'chap',
  'p', 'pp', 'para', 'art', 'suppl', 'ed', 'pt', 'app', 'n', 'nr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
// Abbreviations that may end a sentence: a boundary only before a word that usually starts one.
const ENDABLE = new Set(['inc', 'ltd', 'co', 'corp', 'jr', 'bros', 'dept', 'univ', 'assn', 'est']);
// Words that commonly start a sentence; decide ambiguous cases (U.S. The / U.S. Food).
const STARTERS = new Set(
  ('The This These Those That There Their They Then Thus Therefore Hence However Moreover Furthermore Also ' +
    'In On At By For From To With Within Without After Before During Since Because Although Though While When ' +
    'Where Whether If Unless A An As But And Or So Yet We Our Us I It Its He She His Her You Your Such Some Many ' +
    'Most Few All Both Each Every Other Another One Two Three Several Nevertheless Nonetheless Instead Indeed ' +
    'Finally First Second Third Overall Notably Importantly Similarly Conversely Consequently Accordingly ' +
    'Meanwhile Here Who What Which Why How Is Are Was Were Do Does Did Can Could May Might Should Would Will ' +
    'Not No Yes Only Neither Nor Despite Given Further Additionally Still Patients Participants Researchers ' +
    'Results Data Studies Evidence Treatment Subjects Animals Our Among Until Unlike Like Compared Taken').split(' '),
);
// Lower-case words that often precede an initial that is part of a name ("by J. Phelps").
const NAME_PRECEDERS = new Set(['by', 'and', 'with', 'from', 'of', 'to', 'for', 'per', 'said', 'wrote', 'see', 'dear', '&']);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isTerm = (c: number) => c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026 || c === 0x203c || c === 0x2049 || c === 0x3002 || c === 0xff1f || c === 0xff01;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// Directly after a terminator: closing quotes and brackets, superscript footnote digits.
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a ||
    c === 0xb9 || c === 0xb2 || c === 0xb3 || (c >= 0x2070 && c <= 0x207e) || c === 0x2a || c === 0x5f;
}

// Opening punctuation skipped to reach the next word.
function isOpener(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x28 || c === 0x5b || c === 0x7b || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2039 ||
    c === 0xbf || c === 0xa1 || c === 0x2a || c === 0x5f;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const CITATION_BODY = /^(?:\^[^\s\]]+|[^\]]*?(?:^|[\s;,-])@[\p{L}\p{N}_{][^\]]*|\d+(?:\s*[-\u2013,]\s*\d+)*)$/u;

/** End (after ']') of a citation bracket opening at `k` — [@key…], [^note], [12], [1–3, 5] — or -1. */
function citationBracketEnd(text: string, k: number): number {
  if (text.charCodeAt(k) !== 0x5b) return -1;
  const close = text.indexOf(']', k + 1);
  if (close < 0 || close - k > 300) return -1;
  const body = text.slice(k + 1, close);
  // An empty "[]" is what remains of a stripped reference marker.
  if (body.length === 0) return close + 1;
  if (body.indexOf('[') >= 0 || !CITATION_BODY.test(body)) return -1;
  return close + 1;
}

/** Splits `text` into sentences; spans are trimmed and together cover all non-space text. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const len = text.length;
  let start = skipSpace(text, 0);
  let i = start;
  // A writer who starts the block in lower case (a zine, a chat, a note to self) starts sentences in
  // lower case: then a lower-case word after a full stop begins a new one.
  const casual = LOWER.test(/\p{L}/u.exec(text)?.[0] ?? '');
  while (i < len) {
    const c = text.charCodeAt(i);
    // A blank line always separates sentences.
    if (c === 10 || c === 13) {
      const after = blankLineEnd(text, i);
      if (after > 0) {
        push(out, text, start, i);
        start = i = skipSpace(text, after);
        continue;
      }
      i++;
      continue;
    }
    // An inline bullet (" • ", a list pasted into one line) starts a new item, and so a new sentence.
    if (c === 0x2022 && i > start && isSpace(text.charCodeAt(i - 1))) {
      push(out, text, start, i);
      start = i++;
      continue;
    }
    if (!isTerm(c)) { i++; continue; }
    let k = i + 1;
    while (k < len && isTerm(text.charCodeAt(k))) k++;
    // A spaced ellipsis ". . ." is one terminator.
    if (c === 0x2e) while (k + 1 < len && text.charCodeAt(k) === 32 && text.charCodeAt(k + 1) === 0x2e && (k + 2 >= len || !isDigit(text.charCodeAt(k + 2)))) k += 2;
    const termEnd = k;
    // An omission mark "[…]", "[...]", "(. . .)" is not a terminator.
    const opened = i > 0 && (text.charCodeAt(i - 1) === 0x5b || text.charCodeAt(i - 1) === 0x28);
    const closed = text.charCodeAt(k) === 0x5d || text.charCodeAt(k) === 0x29;
    if (opened && closed && (k - i > 1 || c === 0x2026)) { i = k; continue; }
    k = closers(text, k);
    if (k < len && !isSpace(text.charCodeAt(k))) { i = termEnd; continue; }
    // A citation bracket after the space still belongs to this sentence.
    const afterSpace = skipSpace(text, k);
    const cite = citationBracketEnd(text, afterSpace);
    if (cite > 0) {
      const k2 = closers(text, cite);
      if (k2 >= len || isSpace(text.charCodeAt(k2))) k = k2;
    }
    const next = skipSpace(text, k);
    if (next >= len) break;
    if (isBoundary(text, start, i, termEnd, next, casual)) {
      push(out, text, start, k);
      start = i = next;
      continue;
    }
    i = Math.max(termEnd, i + 1);
  }
  push(out, text, start, len);
  return out;
}

function closers(text: string, k: number): number {
  const len = text.length;
  for (;;) {
    if (k >= len) return k;
    const c = text.charCodeAt(k);
    if (isCloser(c)) { k++; continue; }
    const cite = citationBracketEnd(text, k);
    if (cite > 0) { k = cite; continue; }
    return k;
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** If a line break at `i` starts a blank line, the offset after it; else -1. */
function blankLineEnd(text: string, i: number): number {
  let j = i + (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1);
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return j;
    if (c !== 32 && c !== 9) return -1;
    j++;
  }
  return -1;
}

/**
 * The longest sentence passed on, in UTF-16 code units. Real sentences stay far below it (the
 * longest in the evaluation data and 600 READMEs is under 800); a longer run without a sentence
 * end is cut at the last space before the limit, so that the per-sentence work of the analyzer
 * and the rules stays bounded however long a line is.
 */
export const MAX_SENTENCE = 2000;

function push(out: SentenceSpan[], text: string, s: number, e: number): void {
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e - s > MAX_SENTENCE) {
    let cut = s + MAX_SENTENCE;
    while (cut > s && !isSpace(text.charCodeAt(cut - 1))) cut--;
    if (cut === s) {
      cut = s + MAX_SENTENCE; // no space: a hard cut, not inside a surrogate pair
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
    }
    push(out, text, s, cut);
    s = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
  }
  if (e > s) out.push({ start: s, end: e });
}

/** The word starting at `at` after opening punctuation, and its first character. */
function nextWord(text: string, at: number): string {
  let i = at;
  while (i < text.length && isOpener(text.charCodeAt(i))) i++;
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

/** The token before the terminator at `i` (back to whitespace), without opening punctuation. */
function wordBefore(text: string, from: number, i: number): { word: string; start: number } {
  let s = i;
  while (s > from && !isSpace(text.charCodeAt(s - 1))) s--;
  while (s < i && isOpener(text.charCodeAt(s))) s++;
  return { word: text.slice(s, i), start: s };
}

function startsLowerSentence(word: string): boolean {
  // "mRNA", "eGFR", "iPSC": lower-case initial but a capital inside — a sentence may start with them.
  return /^\p{Ll}+\p{Lu}/u.test(word);
}

const leadingLetters = (w: string) => /^[\p{L}']+/u.exec(w)?.[0] ?? '';

function isBoundary(text: string, sentStart: number, i: number, termEnd: number, next: number, casual = false): boolean {
  const word = nextWord(text, next);
  const first = word.length > 0 ? word[0] : text[next];
  const lower = LOWER.test(first) && !startsLowerSentence(word);
  const upper = UPPER.test(first);
  const term = text.slice(i, termEnd);
  if (lower && casual) return casualBoundary(text, sentStart, i, term);
  // A lower-case continuation never starts a new sentence; nor does an attribution dash ("…" — Author).
  if (lower || first === '\u2014' || first === '\u2013') return false;
  if (term !== '.') return true; // ? ! … ... and mixed runs
  const { word: before, start: beforeStart } = wordBefore(text, sentStart, i);
  if (before.length === 0) return true;
  const key = before.toLowerCase();
  if (ALWAYS.has(key)) return false;
  if (TITLES.has(before)) return false;
  if (NUMBERED.has(key) && /^(?:\p{Lu}?\d|[IVXLC]+\b|\()/u.test(word)) return false;
  if (key === 'al' && prevWord(text, sentStart, beforeStart) === 'et') return !!upper;
  if (key === 'etc') return !!upper;
  // A run of abbreviations, as in journal names: "Am. J. Psychiatry", "Arch. Gen. Psychiatry".
  if (/^\p{Lu}\p{Ll}{0,4}$/u.test(before) && /^\p{Lu}\p{Ll}{0,5}\.$/u.test(word) && !TITLES.has(word.slice(0, -1))) return false;
  if (ENDABLE.has(key)) return STARTERS.has(leadingLetters(word));
  // Dotted abbreviations: U.S., U.K., a.m., Ph.D.
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(before)) return STARTERS.has(leadingLetters(word));
  // An initial: "J. Phelps" and "C. I. Smith" continue; "vitamin C. The…" ends.
  if (/^\p{Lu}$/u.test(before)) {
    if (/^\p{Lu}\.[,;:]?$/u.test(word)) return false;
    if (STARTERS.has(leadingLetters(word))) return true;
    const prev = prevWord(text, sentStart, beforeStart);
    return prev.length > 0 && LOWER.test(prev[0]) && !NAME_PRECEDERS.has(prev) && upper;
  }
  // "1. Item" at the start of a sentence is a list number.
  if (beforeStart === sentStart && /^(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})$/.test(before)) return false;
  return true;
}

/** In lower-case writing, a terminator before a lower-case word ends the sentence unless the word
 *  before it is an abbreviation, an initial or a list number. */
function casualBoundary(text: string, sentStart: number, i: number, term: string): boolean {
  if (term !== '.') return true;
  const { word: before } = wordBefore(text, sentStart, i);
  const key = before.toLowerCase();
  if (before.length < 2 || ALWAYS.has(key) || TITLES.has(before) || ENDABLE.has(key) || key === 'al' || key === 'etc') return false;
  // A list number ("step 2. then…") continues; a year ("back in 2000. and…") ends the sentence.
  return !/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(before) && !/^\d{1,3}$/.test(before);
}

/** The whitespace-delimited word ending before `at` (skipping the space), within the sentence. */
function prevWord(text: string, from: number, at: number): string {
  let e = at;
  while (e > from && isSpace(text.charCodeAt(e - 1))) e--;
  let s = e;
  while (s > from && !isSpace(text.charCodeAt(s - 1))) s--;
  return text.slice(s, e);
}

/** A short label that leads a sentence ("Answer:", "Maya (3:14 PM):", "The claim:"), the
 *  indentation marks of a threaded discussion (":: " on a wiki talk page), a clause number of a
 *  report or a contract ("3.3 "), a comment's handle and age ("@jo_k · 9 days ago"), a chat export's
 *  date and time ("[12/03/25, 19:09]"), or a timestamp of show notes or minutes ("14:30 — "): the
 *  writer's framing, which findings start after and fixes keep. */
const LEAD_MARKS = /^(?:[:>\u2022\u00b7\u2192]+|@[\w.]{2,30}\s*[\u00b7\u2022|-]\s*\d{1,3}\s+(?:second|minute|hour|day|week|month|year)s?\s+ago|\[\d{3,5}\]|\[\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[aApP]\.?[mM]\.?)?\]|\d{1,2}(?:\.\d{1,2})+\.?|\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s*[\u2014\u2013-])\s+(?=\S)/u;
const LEAD_LABEL = /^(?:[^\s:.!?()]+\s+){0,3}[^\s:.!?()]+(?:\s+\([^()\n]{1,24}\))?:\s+(?=\S)/u;
/** A chat or transcript speaker with a time ("Tom Becker · 14:04", "Jen [10:20]") before what they say. */
const LEAD_SPEAKER = /^(?:\p{Lu}[\p{L}'.\u2019-]*\s+){0,3}\p{L}[\p{L}'.\u2019-]*\s*(?:[\u00b7\u2022|,\u2013\u2014-]\s*|[[(])\d{1,2}:\d{2}(?:\s*[aApP]\.?[mM]\.?)?[\])]?\s+(?=[^\s:])(?![aApP]\.?[mM]\b)/u;
/** Does the sentence open with marks or a timed speaker (a timestamp, a handle, a bullet), not only a
 *  label? A label alone ("Myth:", "Authors' interpretation:") can frame what follows. */
export function opensWithMarks(text: string): boolean {
  return LEAD_MARKS.test(text) || LEAD_SPEAKER.test(text);
}
export function labelLength(text: string): number {
  const marks = LEAD_MARKS.exec(text)?.[0].length ?? LEAD_SPEAKER.exec(text)?.[0].length ?? 0;
  return marks + (LEAD_LABEL.exec(marks ? text.slice(marks) : text)?.[0].length ?? 0);
}
