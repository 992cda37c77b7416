// The analyzer's tokenizer is a hand-written scanner; this checks it against the regex it replaces (the
// definition in its header comment), on tricky strings and on every BMP code unit in word contexts.
import assert from 'node:assert/strict';
import { tokenize } from '../../server/src/engine/analyzer/tokenize.js';
import { idOf } from '../../server/src/engine/analyzer/vocab.js';
import '../../server/src/engine/analyzer/index.js';

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?:['’](?=[\p{L}])|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*|\S/gu;
const HYPHENS = new Set(['-', '‐', '‑']);
const WORDCHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /^\p{N}/u;

/** The regex tokenizer the scanner replaced. */
function reference(text: string) {
  const norm: string[] = [], start: number[] = [], end: number[] = [], word: boolean[] = [], num: boolean[] = [], hyph: boolean[] = [];
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
    norm.push(t.toLowerCase().replace(/’/g, "'"));
    start.push(s);
    end.push(s + t.length);
    word.push(isWord);
    num.push(isWord && DIGIT.test(t));
    hyph.push(joined && isWord && s > 0 && HYPHENS.has(text[s - 1]));
    joined = false;
  }
  return { n: norm.length, norm, start, end, word, num, hyph };
}

function check(text: string): void {
  const got = tokenize(text);
  const want = reference(text);
  for (const k of ['n', 'norm', 'start', 'end', 'word', 'num', 'hyph'] as const) assert.deepEqual(got[k], want[k], `${k} of ${JSON.stringify(text)}`);
  for (let k = 0; k < got.n; k++) assert.equal(got.id[k], idOf(got.norm[k]), `id of ${JSON.stringify(got.norm[k])}`);
}

describe('analyzer: tokenizer', () => {
  it('matches the regex tokenizer on tricky strings', () => {
    for (const s of [
      '', ' ', 'a', 'A', "Don't", 'DON’T', 'it’s', "x'", "'x", "a''b", '0.05', '1,000,000', '3.', '.5', '1.a', 'a.1', '٣.٤',
      'well-established', 'μ-opioid', 'a - b', 'a--b', '-a', 'a-', 'a‐b', 'a‑b', 'a–b', 'co-occur', '𝐀-𝐁', 'x-𝟙',
      'ΟΔΟΣ ΣΑΣ', 'İstanbul', 'Straße', 'ﬁne', 'Ⓐ', 'ǅemal', 'e\u0301t\u0301', '\u0301a', 'a\u200bb', 'a\u00a0b', 'a\u3000b',
      '😀😀 may', '\ud800', 'a\udc00b', '\ud83d', '𝟙st', 'Ⅻ', '½', 'n = 12', 'p<0.05', '“quoted words here”', 'x’y’z',
      'Tab\tseparated\r\nlines', 'ALL-CAPS WORDS', 'x'.repeat(300),
    ]) check(s);
  });

  it('matches the regex tokenizer for every BMP code unit between words and digits', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      check('a' + ch + 'b');
      check('1' + ch + '2');
    }
  });
});
