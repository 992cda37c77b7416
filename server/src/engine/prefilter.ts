// A cheap pre-filter for regular expressions run on every sentence: the set of lower-case
// literals of which every match must contain at least one ("azepam" or "azolam" or …). A few
// `includes` calls then let most sentences skip the expression. The analysis reads the pattern's
// source with a small recursive parser and is conservative: any construct it does not model
// (classes, \w, back-references) simply contributes no literal, and optional or repeated parts
// never do.

/** What a sub-expression guarantees: `exact` when it always matches that one string; otherwise
 *  `anyOf`, literals one of which each match contains (undefined: no guarantee). */
interface Need {
  exact?: string;
  anyOf?: string[];
  /** Every match contains a digit. */
  digit?: boolean;
}

const MIN_LITERAL = 3;
const NOTHING: Need = {};

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  get done(): boolean { return this.i >= this.s.length; }
  peek(k = 0): string { return this.s[this.i + k] ?? ''; }
}

/** The better of two guarantees for a sequence: the one whose shortest literal is longest. */
function better(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  const score = (x: string[] | undefined) => (x ? Math.min(...x.map((l) => l.length)) * 100 - x.length : -1);
  return score(b) > score(a) ? b : a;
}

function alternation(r: Reader): Need {
  const alternatives: Need[] = [sequence(r)];
  while (r.peek() === '|') { r.i++; alternatives.push(sequence(r)); }
  if (alternatives.length === 1) return alternatives[0]!;
  const digit = alternatives.every((a) => a.digit || /\d/.test(a.exact ?? ''));
  const all: string[] = [];
  for (const a of alternatives) {
    const set = a.exact !== undefined ? [a.exact] : a.anyOf;
    if (!set || set.some((l) => l.length === 0)) return { digit };
    all.push(...set);
  }
  return { anyOf: [...new Set(all)], digit };
}

function sequence(r: Reader): Need {
  let run = '';       // the current run of exactly-known text
  let exact = true;   // every item so far matched one fixed string
  let digit = false;  // a mandatory item needs a digit
  let best: string[] | undefined;
  const flush = () => { if (run.length > 0) best = better(best, [run]); run = ''; };
  while (!r.done && r.peek() !== '|' && r.peek() !== ')') {
    const item = atom(r);
    const q = quantifier(r);
    if (q !== 'optional' && (item.digit || /\d/.test(item.exact ?? ''))) digit = true;
    if (q === 'once') {
      if (item.exact !== undefined) { run += item.exact; continue; }
      exact = false;
      flush();
      best = better(best, item.anyOf);
    } else {
      exact = false;
      flush();
      // At least once: what one repetition guarantees still holds; optional parts guarantee nothing.
      if (q === 'some') best = better(best, item.exact !== undefined && item.exact.length > 0 ? [item.exact] : item.anyOf);
    }
  }
  if (exact) return { exact: run, digit };
  flush();
  return { anyOf: best, digit };
}

/** 'once', 'some' (one or more), or 'optional' (may be absent). */
function quantifier(r: Reader): 'once' | 'some' | 'optional' {
  const c = r.peek();
  let kind: 'once' | 'some' | 'optional' = 'once';
  if (c === '?' || c === '*') { r.i++; kind = 'optional'; }
  else if (c === '+') { r.i++; kind = 'some'; }
  else if (c === '{') {
    const m = /^\{(\d*)(,?)(\d*)\}/.exec(r.s.slice(r.i));
    if (!m) return 'once'; // a literal brace
    r.i += m[0].length;
    const min = Number(m[1] || 0);
    kind = min === 0 ? 'optional' : min === 1 && !m[2] && (m[3] === '' ) ? 'once' : 'some';
  }
  if (kind !== 'once' && r.peek() === '?') r.i++; // lazy
  return kind;
}

function atom(r: Reader): Need {
  const c = r.peek();
  r.i++;
  if (c === '(') {
    let lookaround = false;
    if (r.peek() === '?') {
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)/.exec(r.s.slice(r.i));
      if (!m) throw new Error('unsupported group');
      lookaround = m[0] !== '?:' && !m[0].startsWith('?<') || m[0] === '?<=' || m[0] === '?<!';
      r.i += m[0].length;
    }
    const inner = alternation(r);
    if (r.peek() !== ')') throw new Error('unbalanced group');
    r.i++;
    // A lookaround consumes nothing: it neither breaks nor extends a run of text.
    return lookaround ? { exact: '' } : inner;
  }
  if (c === '[') {
    const from = r.i;
    while (!r.done && r.peek() !== ']') r.i += r.peek() === '\\' ? 2 : 1;
    const body = r.s.slice(from, r.i);
    r.i++;
    // A class of digits only ([0-9], [\d], [5-9]) needs a digit.
    return { digit: /^(?:\\d|[0-9](?:-[0-9])?)+$/.test(body) };
  }
  if (c === '\\') {
    const e = r.peek();
    r.i++;
    if (e === 'b' || e === 'B') return { exact: '' };
    if (e === 'p' || e === 'P') { if (r.peek() === '{') while (!r.done && r.peek() !== '}') r.i++; r.i++; return NOTHING; }
    if (e === 'd') return { digit: true };
    if (/[A-Za-z0-9]/.test(e)) return NOTHING; // \w \s \n \u…, back-references
    return { exact: e.toLowerCase() };       // an escaped punctuation character
  }
  if (c === '^' || c === '$') return { exact: '' };
  if (c === '.') return NOTHING;
  return { exact: c.toLowerCase() };
}

function analyse(source: string): Need | undefined {
  try {
    const r = new Reader(source);
    const need = alternation(r);
    return r.done ? need : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Literals (lower case) one of which every match of `source` must contain, or undefined when no
 * such set of literals of at least three characters can be proved.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const need = analyse(source);
  if (!need) return undefined;
  const set = need.exact !== undefined ? [need.exact] : need.anyOf;
  if (!set || set.some((l) => l.length < MIN_LITERAL)) return undefined;
  return set;
}

/** What every match of a pattern contains: one of `literals` (when known), and a digit if `digit`. */
export interface Requirement {
  literals?: string[];
  digit: boolean;
  /** Per literal, the keys of its character pairs (see prepare): all must be present. */
  pairKeys?: Uint16Array[];
}

export function requirementOf(source: string): Requirement {
  const literals = requiredLiterals(source);
  return { literals, digit: !!analyse(source)?.digit, pairKeys: literals?.map(pairsOf) };
}

function pairsOf(literal: string): Uint16Array {
  const keys = new Uint16Array(literal.length - 1);
  for (let i = 1; i < literal.length; i++) keys[i - 1] = pairKey(literal.charCodeAt(i - 1), literal.charCodeAt(i));
  return keys;
}

/**
 * The character pairs present in a text, so that most literal checks are one array read instead
 * of a substring search. Pairs are folded to 16 bits (collisions only let a check through to the
 * substring search); `stamp` marks the pairs of the current text without clearing the table.
 */
const pairs = new Uint32Array(1 << 16);
let stamp = 0;
const pairKey = (a: number, b: number) => ((a & 0xff) << 8) | (b & 0xff);

/** A text prepared for literal checks (see mayMatch). */
export interface PreparedText {
  lower: string;
  stamp: number;
  /** The text contains an ASCII digit. */
  digit: boolean;
}

export function prepare(lower: string): PreparedText {
  if (++stamp === 0xffffffff) { pairs.fill(0); stamp = 1; }
  let digit = false;
  let prev = lower.charCodeAt(0);
  if (prev >= 48 && prev <= 57) digit = true;
  for (let i = 1; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    pairs[pairKey(prev, c)] = stamp;
    prev = c;
  }
  return { lower, stamp, digit };
}

/** Might the text match a pattern with this requirement? `text` must be the most recently prepared one. */
export function mayMatch(text: PreparedText, req: Requirement): boolean {
  if (req.digit && !text.digit) return false;
  const literals = req.literals;
  if (!literals) return true;
  if (text.stamp !== stamp) return mayMatch(prepare(text.lower), req);
  const keys = req.pairKeys ?? literals.map(pairsOf);
  for (let i = 0; i < literals.length; i++) {
    // Every pair of the literal must occur in the text before a substring search is worth it.
    const k = keys[i]!;
    let all = true;
    for (let j = 0; j < k.length && all; j++) all = pairs[k[j]!] === stamp;
    if (all && text.lower.includes(literals[i]!)) return true;
  }
  return false;
}

/** The same check with plain substring searches, for a short text checked against few patterns. */
export function containsAny(lower: string, req: Requirement): boolean {
  if (req.digit && !/\d/.test(lower)) return false;
  if (!req.literals) return true;
  for (const l of req.literals) if (lower.includes(l)) return true;
  return false;
}
