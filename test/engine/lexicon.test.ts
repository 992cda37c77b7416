// The concept tokenizer is a hand-written scanner; the regular expression it replaced is the oracle.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeWord, tokenize, type Token } from '../../server/src/engine/lexicon.js';
import { WordBuffer, WordScan, WORDS, type WordSpan } from '../../server/src/engine/words.js';
import { fixtures, repoRoot } from '../helpers.js';

function oracle(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const raw = m[0];
    if ((raw === 's' || raw === 'S') && m.index > 0 && ["'", '\u2019', '\u2018'].includes(text[m.index - 1]!)) continue;
    tokens.push({ norm: normalizeWord(raw), start: base + m.index, end: base + m.index + raw.length });
  }
  return tokens;
}

/** The repository's drafts, and random strings over an alphabet of the awkward: combining marks,
 *  surrogate pairs and lone halves, Greek, digits of other scripts, apostrophes, punctuation. */
function awkwardTexts(): string[] {
  const texts: string[] = [];
  for (const dir of [fixtures('markdown'), fixtures('eval-heldout'), join(repoRoot, 'examples')]) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) texts.push(readFileSync(join(dir, f), 'utf8'));
  }
  const alphabet = ['a', 'Z', '9', ' ', "'", '\u2019', 's', 'S', '-', '.', 'é', 'e\u0301', 'μ', 'µ', 'Σ', 'ß', 'İ', '٣', '𝒜', '😀', '\ud835', '\udc9c', 'ﬁ', '中', '\u00a0', '_', 'ǅ', 'K', '\u212a'];
  let seed = 5;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
  return texts;
}

describe('concept tokenizer', () => {
  it('splits words of any script, keeps offsets, drops possessive s', () => {
    assert.deepEqual(tokenize("Ketamine's μ-opioid effect (Ökonomie, 2019)", 10).map((t) => `${t.norm}@${t.start}`),
      ['ketamine@10', 'mu@21', 'opioid@23', 'effect@30', 'okonomie@38', '2019@48']);
  });
  it('agrees with the regular expression it replaced on the repository\'s drafts and on random text', () => {
    for (const t of awkwardTexts()) assert.deepEqual(tokenize(t, 3), oracle(t, 3), JSON.stringify(t.slice(0, 80)));
  });
  it('numbers words as tokenize splits them: the same words, offsets and numbers, whether scanned or kept', () => {
    const texts = awkwardTexts();
    const scan = new WordScan(), again = new WordScan();
    for (const t of texts) {
      const tokens = tokenize(t);
      scan.scan(t);
      const words = Array.from({ length: scan.to }, (_, k) => ({ norm: scan.norm(k), start: scan.starts[k]!, end: scan.ends[k]! }));
      assert.deepEqual(words, tokens, JSON.stringify(t.slice(0, 80)));
      // One number per distinct word.
      tokens.forEach((tok, k) => assert.equal(scan.ids[k], WORDS.id(tok.norm), tok.norm));
      // A unit's buffer gives back the same numbers.
      const owner: { text: string; words?: WordSpan } = { text: t };
      const buffer = new WordBuffer();
      buffer.add(owner, scan);
      buffer.finish();
      again.read(owner);
      assert.deepEqual([...again.ids.subarray(again.from, again.to)], [...scan.ids.subarray(0, scan.to)]);
    }
  });
});
