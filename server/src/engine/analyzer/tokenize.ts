// One-pass tokenizer with exact UTF-16 offsets. Words keep internal apostrophes and decimal points
// ("don't", "0.05"); an intra-word hyphen is dropped so "well-established" matches "well established"
// and "μ-opioid" gives "μ", "opioid". Every other non-space character is its own token.
//
// A hand-written scanner, equivalent to the regex
//   /[\p{L}\p{M}\p{N}]+(?:(?:['’](?=\p{L})|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*|\S/gu
// with character classes from a per-code-unit table (ASCII filled at load, the rest on first sight), and
// lower-casing only the tokens that need it.
import { hashStep, idOf, idOfAscii } from './vocab.js';

export interface Tokens {
  n: number;
  /** Lower-cased form, curly apostrophes folded to "'". */
  norm: string[];
  /** Vocabulary id of `norm` (vocab.ts), 0 for a word no table names. */
  id: number[];
  start: number[];
  end: number[];
  /** true for words and numbers, false for punctuation. */
  word: boolean[];
  /** Starts with a digit. */
  num: boolean[];
  /** Joined to the previous word by a hyphen ("hyperglycemia-induced", "all-cause"). */
  hyph: boolean[];
}

// Class bits of a code point; KNOWN marks a computed table entry.
const L = 1, M = 2, N = 4, SPACE = 8, KNOWN = 16;
const WORD = L | M | N;
const RE_L = /^\p{L}$/u, RE_M = /^\p{M}$/u, RE_N = /^\p{N}$/u, RE_SPACE = /^\s$/u;

function classify(ch: string): number {
  return KNOWN | (RE_L.test(ch) ? L : 0) | (RE_M.test(ch) ? M : 0) | (RE_N.test(ch) ? N : 0) | (RE_SPACE.test(ch) ? SPACE : 0);
}

/** Classes of the BMP code units, filled lazily (a lone surrogate classifies as nothing, as in the regex). */
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP[c] = classify(String.fromCharCode(c));
const ASTRAL = new Map<number, number>();

function unitClass(c: number): number {
  const k = BMP[c];
  return k !== 0 ? k : (BMP[c] = classify(String.fromCharCode(c)));
}

function astralClass(cp: number): number {
  let k = ASTRAL.get(cp);
  if (k === undefined) ASTRAL.set(cp, (k = classify(String.fromCodePoint(cp))));
  return k;
}

// The code point at a position: its class and its length in code units, left in these two variables
// (avoids returning a pair per character).
let cpClass = 0;
let cpLen = 1;
function readCodePoint(text: string, i: number): void {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      cpClass = astralClass((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
      cpLen = 2;
      return;
    }
  }
  cpClass = c < 128 ? BMP[c] : unitClass(c);
  cpLen = 1;
}

const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011;
const wordUnit = (text: string, k: number) => (unitClass(text.charCodeAt(k)) & WORD) !== 0;

export function tokenize(text: string): Tokens {
  const norm: string[] = [];
  const id: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const word: boolean[] = [];
  const num: boolean[] = [];
  const hyph: boolean[] = [];
  const len = text.length;
  let joined = false;
  let i = 0;
  while (i < len) {
    readCodePoint(text, i);
    if (cpClass & SPACE) { i += cpLen; continue; }
    const s = i;
    if (cpClass & WORD) {
      const first = cpClass;
      // Plain lower-case ASCII needs no toLowerCase; note anything else. `h` hashes the lower-cased
      // ASCII token for its id.
      let ascii = true, upper = false, h = 0;
      for (;;) {
        // The run of letters, marks and digits.
        let last = 0;
        while (i < len) {
          const c = text.charCodeAt(i);
          if (c < 128) {
            const k = BMP[c];
            if (!(k & WORD)) break;
            if (c <= 90 && c >= 65) {
              upper = true;
              h = hashStep(h, c + 32);
            } else h = hashStep(h, c);
            last = k;
            i++;
          } else {
            readCodePoint(text, i);
            if (!(cpClass & WORD)) break;
            ascii = false;
            last = cpClass;
            i += cpLen;
          }
        }
        if (i >= len) break;
        // An apostrophe before a letter, or a decimal point / thousands separator between digits, continues the word.
        const c = text.charCodeAt(i);
        if (c === 0x27 || c === 0x2019) {
          if (i + 1 >= len) break;
          readCodePoint(text, i + 1);
          if (!(cpClass & L)) break;
          if (c !== 0x27) ascii = false;
          h = hashStep(h, c);
          i++;
        } else if ((c === 0x2e || c === 0x2c) && (last & N)) {
          if (i + 1 >= len) break;
          readCodePoint(text, i + 1);
          if (!(cpClass & N)) break;
          h = hashStep(h, c);
          i++;
        } else break;
      }
      const t = text.slice(s, i);
      let lower = ascii ? (upper ? t.toLowerCase() : t) : t.toLowerCase();
      if (!ascii && lower.includes('\u2019')) lower = lower.replace(/\u2019/g, "'");
      norm.push(lower);
      id.push(ascii ? idOfAscii(lower, h) : idOf(lower));
      start.push(s);
      end.push(i);
      word.push(true);
      num.push((first & N) !== 0);
      hyph.push(joined && s > 0 && isHyphen(text.charCodeAt(s - 1)));
      joined = false;
      continue;
    }
    // Any other character is a token, except a hyphen between two word characters, which joins them.
    i += cpLen;
    const c = text.charCodeAt(s);
    if (cpLen === 1 && isHyphen(c) && s > 0 && wordUnit(text, s - 1) && s + 1 < len && wordUnit(text, s + 1)) {
      joined = true;
      continue;
    }
    let lower = c < 128 ? text[s] : text.slice(s, i).toLowerCase();
    if (lower === '’') lower = "'";
    norm.push(lower);
    id.push(c < 128 ? idOfAscii(lower, c) : idOf(lower));
    start.push(s);
    end.push(i);
    word.push(false);
    num.push(false);
    hyph.push(false);
    joined = false;
  }
  return { n: norm.length, norm, id, start, end, word, num, hyph };
}
