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

const WORD = /[\p{L}\p{N}]+/gu;
const APOSTROPHES = new Set(["'", '\u2019', '\u2018']);

/** Splits text into word tokens with exact UTF-16 offsets. Possessive "'s" is dropped. */
export function tokenize(text: string, base = 0): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = m[0];
    const start = m.index;
    if ((raw === 's' || raw === 'S') && start > 0 && APOSTROPHES.has(text[start - 1]!)) continue;
    // Split Greek prefixes glued to Latin words ("μopioid" is rare; "μ-opioid" already splits on the hyphen).
    tokens.push({ norm: normalizeWord(raw), start: base + start, end: base + start + raw.length });
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
