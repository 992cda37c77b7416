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
  const all: string[] = [];
  for (const a of alternatives) {
    const set = a.exact !== undefined ? [a.exact] : a.anyOf;
    if (!set || set.some((l) => l.length === 0)) return NOTHING;
    all.push(...set);
  }
  return { anyOf: [...new Set(all)] };
}

function sequence(r: Reader): Need {
  let run = '';       // the current run of exactly-known text
  let exact = true;   // every item so far matched one fixed string
  let best: string[] | undefined;
  const flush = () => { if (run.length > 0) best = better(best, [run]); run = ''; };
  while (!r.done && r.peek() !== '|' && r.peek() !== ')') {
    const item = atom(r);
    const q = quantifier(r);
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
  if (exact) return { exact: run };
  flush();
  return { anyOf: best };
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
    while (!r.done && r.peek() !== ']') r.i += r.peek() === '\\' ? 2 : 1;
    r.i++;
    return NOTHING;
  }
  if (c === '\\') {
    const e = r.peek();
    r.i++;
    if (e === 'b' || e === 'B') return { exact: '' };
    if (e === 'p' || e === 'P') { if (r.peek() === '{') while (!r.done && r.peek() !== '}') r.i++; r.i++; return NOTHING; }
    if (/[A-Za-z0-9]/.test(e)) return NOTHING; // \w \d \s \n \u…, back-references
    return { exact: e.toLowerCase() };       // an escaped punctuation character
  }
  if (c === '^' || c === '$') return { exact: '' };
  if (c === '.') return NOTHING;
  return { exact: c.toLowerCase() };
}

/**
 * Literals (lower case) one of which every match of `source` must contain, or undefined when no
 * such set of literals of at least three characters can be proved.
 */
export function requiredLiterals(source: string): string[] | undefined {
  let need: Need;
  try {
    const r = new Reader(source);
    need = alternation(r);
    if (!r.done) return undefined;
  } catch {
    return undefined;
  }
  const set = need.exact !== undefined ? [need.exact] : need.anyOf;
  if (!set || set.some((l) => l.length < MIN_LITERAL)) return undefined;
  return set;
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
}

export function prepare(lower: string): PreparedText {
  if (++stamp === 0xffffffff) { pairs.fill(0); stamp = 1; }
  for (let i = 1; i < lower.length; i++) pairs[pairKey(lower.charCodeAt(i - 1), lower.charCodeAt(i))] = stamp;
  return { lower, stamp };
}

/** Might the text match a pattern with these required literals? `text` must be the most recently prepared one. */
export function mayMatch(text: PreparedText, literals: string[] | undefined): boolean {
  if (!literals) return true;
  if (text.stamp !== stamp) return mayMatch(prepare(text.lower), literals);
  for (const l of literals) {
    if (pairs[pairKey(l.charCodeAt(0), l.charCodeAt(1))] === stamp && text.lower.includes(l)) return true;
  }
  return false;
}

/** Does `lower` contain one of the literals (or are there none to require)? */
export function containsAny(lower: string, literals: string[] | undefined): boolean {
  if (!literals) return true;
  for (const l of literals) if (lower.includes(l)) return true;
  return false;
}
