// One-pass tokenizer with exact UTF-16 offsets. Words keep internal apostrophes and decimal points
// ("don't", "0.05"); an intra-word hyphen is dropped so "well-established" matches "well established"
// and "μ-opioid" gives "μ", "opioid". Every other non-space character is its own token.

export interface Tokens {
  n: number;
  /** Lower-cased form, curly apostrophes folded to "'". */
  norm: string[];
  start: number[];
  end: number[];
  /** true for words and numbers, false for punctuation. */
  word: boolean[];
  /** Starts with a digit. */
  num: boolean[];
  /** Joined to the previous word by a hyphen ("hyperglycemia-induced", "all-cause"). */
  hyph: boolean[];
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?:['’](?=[\p{L}])|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*|\S/gu;
const HYPHENS = new Set(['-', '‐', '‑']);
const WORDCHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /^\p{N}/u;

export function tokenize(text: string): Tokens {
  const norm: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const word: boolean[] = [];
  const num: boolean[] = [];
  const hyph: boolean[] = [];
  let joined = false;
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const s = m.index;
    const t = m[0];
    const isWord = WORDCHAR.test(t);
    if (!isWord && HYPHENS.has(t) && s > 0 && WORDCHAR.test(text[s - 1]) && s + 1 < text.length && WORDCHAR.test(text[s + 1])) {
      joined = true;
      continue;
    }
    let lower = t.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    norm.push(lower);
    start.push(s);
    end.push(s + t.length);
    word.push(isWord);
    num.push(isWord && DIGIT.test(t));
    hyph.push(joined && isWord && s > 0 && HYPHENS.has(text[s - 1]));
    joined = false;
  }
  return { n: norm.length, norm, start, end, word, num, hyph };
}
