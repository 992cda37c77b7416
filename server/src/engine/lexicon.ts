// Tokens and word forms. Concept variants are expanded into their inflected forms once, when the
// database is compiled, so that recognising concepts in a sentence is a Map lookup per token
// instead of stemming every word of every document.

/** A word of a sentence: `norm` is the lower-cased, accent-free, Greek-transliterated form. */
export interface Token {
  norm: string;
  start: number;
  end: number;
}

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', κ: 'kappa', λ: 'lambda',
  μ: 'mu', µ: 'mu', σ: 'sigma', τ: 'tau', ω: 'omega', θ: 'theta', π: 'pi',
};

/** Lower-case, strip accents, transliterate Greek letters. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  // Fast path: plain ASCII words need nothing else.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  let out = '';
  for (const ch of lower.normalize('NFKD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += GREEK[ch] ?? ch;
  }
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
export const APOSTROPHES: ReadonlySet<string> = new Set(["'", '\u2019', '\u2018']);

/** Length in code units of the letter or digit (any script) at `i`, or 0: what /[\p{L}\p{N}]/u
 *  matches, with ASCII decided without a regular expression. */
export function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = text.codePointAt(i)!;
  const n = cp > 0xffff ? 2 : 1;
  return WORD_CHAR.test(text.slice(i, i + n)) ? n : 0;
}

/** Splits text into word tokens (runs of letters and digits of any script) with exact UTF-16
 *  offsets. Possessive "'s" is dropped. */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  const len = text.length;
  for (let i = 0; i < len; ) {
    let n = wordCharAt(text, i);
    if (n === 0) { i++; continue; }
    const start = i;
    let ascii = text.charCodeAt(i) < 128;
    while (i < len && n > 0) {
      i += n;
      if (i < len) { n = wordCharAt(text, i); if (n > 0 && text.charCodeAt(i) >= 128) ascii = false; }
    }
    if (i - start === 1 && (text[start] === 's' || text[start] === 'S') && start > 0 && APOSTROPHES.has(text[start - 1]!)) continue;
    const raw = text.slice(start, i);
    // Split Greek prefixes glued to Latin words ("μopioid" is rare; "μ-opioid" already splits on the hyphen).
    tokens.push({ norm: ascii ? raw.toLowerCase() : normalizeWord(raw), start: base + start, end: base + i });
  }
  return tokens;
}

const VOWEL = /[aeiou]/;

/** Regular English inflections of one word (nouns and verbs): block → blocks, blocked, blocking. */
export function inflections(word: string): string[] {
  const forms = new Set([word]);
  if (word.length < 3 || /\d/.test(word)) return [...forms];
  const last = word[word.length - 1]!;
  const prev = word[word.length - 2]!;
  // Plural / 3rd person.
  if (/(s|x|z|ch|sh)$/.test(word)) forms.add(word + 'es');
  else if (last === 'y' && !VOWEL.test(prev)) forms.add(word.slice(0, -1) + 'ies');
  else forms.add(word + 's');
  // Past / participle / gerund.
  if (last === 'e') {
    forms.add(word + 'd');
    forms.add(word.slice(0, -1) + 'ing');
  } else if (last === 'y' && !VOWEL.test(prev)) {
    forms.add(word.slice(0, -1) + 'ied');
    forms.add(word + 'ing');
  } else {
    forms.add(word + 'ed');
    forms.add(word + 'ing');
    // Consonant doubling for short CVC words: stop → stopped, block stays blocked.
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word) && word.length <= 5) {
      forms.add(word + last + 'ed');
      forms.add(word + last + 'ing');
    }
  }
  return [...forms];
}

/** Articles and fillers that may appear inside a multi-word phrase without breaking it. */
export const SKIPPABLE = new Set(['the', 'a', 'an', 'its', 'their', 'of']);
