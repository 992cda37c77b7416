// Word stems (Porter2), remembered: a document repeats its words, and stemming is the costliest
// step of featurising a sentence.
import porter2 from 'wink-porter2-stemmer';

const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

export function stemOf(word: string): string {
  let s = memo.get(word);
  if (s === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    s = /^[a-z]+(?:'[a-z]+)?$/.test(word) ? porter2(word) : word;
    memo.set(word, s);
  }
  return s;
}
