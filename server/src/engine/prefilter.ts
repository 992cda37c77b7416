// A cheap pre-filter for regular expressions run on every sentence: sets of lower-case literals
// of which every match must contain at least one each ("reduc" or "lower" or …, and "effect" or
// "benefit" or …), and whether every match needs a digit. One scan of a sentence for all the patterns' literals at once
// (LiteralScanner) then lets most sentences skip most expressions. The analysis reads the pattern's
// source with a small recursive parser and is conservative: any construct it does not model
// (classes, \w, back-references) simply contributes no literal, and optional or repeated parts
// never do.

/** What a sub-expression guarantees: `exact` when it always matches that one string; otherwise
 *  `anyOf`, literals one of which each match contains (undefined: no guarantee). */
interface Need {
  exact?: string;
  anyOf?: string[];
  /** Every set of literals of which each match contains one (`anyOf` is the best of them). */
  allOf?: string[][];
  /** Every match contains a digit. */
  digit?: boolean;
}

/** Short literals are still worth it: a '%' or '0s' is rarer than the digit alone. */
const MIN_LITERAL = 1;
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
  const sets: string[][] = [];
  const need = (set: string[] | undefined) => { if (set) { best = better(best, set); sets.push(set); } };
  const needAll = (item: Need) => { if (item.allOf) for (const set of item.allOf) need(set); else need(item.anyOf); };
  const flush = () => { if (run.length > 0) need([run]); run = ''; };
  while (!r.done && r.peek() !== '|' && r.peek() !== ')') {
    const item = atom(r);
    const q = quantifier(r);
    if (q !== 'optional' && (item.digit || /\d/.test(item.exact ?? ''))) digit = true;
    if (q === 'once') {
      if (item.exact !== undefined) { run += item.exact; continue; }
      exact = false;
      flush();
      needAll(item);
    } else {
      exact = false;
      flush();
      // At least once: what one repetition guarantees still holds; optional parts guarantee nothing.
      if (q === 'some') {
        if (item.exact !== undefined) need(item.exact.length > 0 ? [item.exact] : undefined);
        else needAll(item);
      }
    }
  }
  if (exact) return { exact: run, digit };
  flush();
  return { anyOf: best, allOf: sets, digit };
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

function analyzePattern(source: string): Need | undefined {
  try {
    const r = new Reader(source);
    const need = alternation(r);
    return r.done ? need : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Literals (lower case, none empty) one of which every match of `source` must contain, or
 * undefined when no such set can be proved.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const need = analyzePattern(source);
  if (!need) return undefined;
  const set = need.exact !== undefined ? [need.exact] : need.anyOf;
  if (!set || set.some((l) => l.length < MIN_LITERAL)) return undefined;
  return set;
}

/** What every match of a pattern contains: one of `literals` (when known), one of each set of
 *  `all` (when known: `literals` is one of them), and a digit if `digit`. */
export interface Requirement {
  literals?: string[];
  all?: string[][];
  digit: boolean;
}

export function requirementOf(source: string): Requirement {
  const need = analyzePattern(source);
  const sets = need?.exact !== undefined ? [[need.exact]] : need?.allOf ?? (need?.anyOf ? [need.anyOf] : []);
  const all = sets.filter((set) => set.length > 0 && set.every((l) => l.length >= MIN_LITERAL));
  return { literals: requiredLiterals(source), ...(all.length ? { all } : {}), digit: !!need?.digit };
}

/**
 * Which of many patterns might match a text, in one pass over it: an Aho–Corasick automaton over
 * the required literals of all the patterns (each literal marks the sets it belongs to), plus the
 * digit flag; a pattern passes when each of its sets was marked. Patterns without literals are
 * always candidates. Characters outside ASCII share 128 classes, which can only let an extra
 * pattern through, never hide one.
 */
export class LiteralScanner {
  private static readonly CLASSES = 256;
  /** Goto function completed with failure transitions: state × class → state. */
  private readonly delta: Int32Array;
  /** Per state, the sets (bit set, `setWords` words) with a literal that ends here or at a suffix state. */
  private readonly out: Uint32Array;
  /** Per state, whether any literal ends there (most states: none). */
  private readonly emits: Uint8Array;
  private readonly setWords: number;
  /** Pattern p's sets are numbers firstSet[p] … firstSet[p + 1] - 1 (none: always a candidate). */
  private readonly firstSet: Int32Array;
  private readonly digit: Uint8Array;
  /** The sets a scan found, and the bit set over patterns it returns, both reused. */
  private readonly seen: Uint32Array;
  private readonly found: Uint32Array;
  readonly words: number;

  constructor(reqs: readonly Requirement[]) {
    this.words = Math.ceil(reqs.length / 32) || 1;
    const C = LiteralScanner.CLASSES;
    // The trie of all literals.
    const next: Array<Map<number, number>> = [new Map()];
    const outSets: Array<Set<number>> = [new Set()];
    this.firstSet = new Int32Array(reqs.length + 1);
    this.digit = Uint8Array.from(reqs, (r) => (r.digit ? 1 : 0));
    let sets = 0;
    reqs.forEach((req, p) => {
      this.firstSet[p] = sets;
      for (const set of req.all ?? (req.literals ? [req.literals] : [])) {
        for (const literal of set) {
          let s = 0;
          for (let i = 0; i < literal.length; i++) {
            const c = classOf(literal.charCodeAt(i));
            let t = next[s]!.get(c);
            if (t === undefined) { t = next.length; next.push(new Map()); outSets.push(new Set()); next[s]!.set(c, t); }
            s = t;
          }
          outSets[s]!.add(sets);
        }
        sets++;
      }
    });
    this.firstSet[reqs.length] = sets;
    const W = (this.setWords = Math.ceil(sets / 32) || 1);
    this.seen = new Uint32Array(W);
    this.found = new Uint32Array(this.words);
    // Breadth-first: failure links, outputs inherited along them, and the complete transition table.
    const n = next.length;
    this.delta = new Int32Array(n * C);
    this.out = new Uint32Array(n * W);
    this.emits = new Uint8Array(n);
    const fail = new Int32Array(n);
    const queue: number[] = [];
    for (let c = 0; c < C; c++) {
      const t = next[0]!.get(c);
      this.delta[c] = t ?? 0;
      if (t !== undefined) { fail[t] = 0; queue.push(t); }
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (const x of outSets[s]!) this.out[s * W + (x >>> 5)]! |= 1 << (x & 31);
      for (let w = 0; w < W; w++) {
        this.out[s * W + w]! |= this.out[fail[s]! * W + w]!;
        if (this.out[s * W + w]) this.emits[s] = 1;
      }
      for (let c = 0; c < C; c++) {
        const t = next[s]!.get(c);
        if (t === undefined) this.delta[s * C + c] = this.delta[fail[s]! * C + c]!;
        else {
          fail[t] = this.delta[fail[s]! * C + c]!;
          this.delta[s * C + c] = t;
          queue.push(t);
        }
      }
    }
  }

  /** The patterns that might match `lower` (a lower-cased text): a bit set over the patterns' order,
   *  valid until the next scan. */
  scan(lower: string): Uint32Array {
    const W = this.setWords, C = LiteralScanner.CLASSES, delta = this.delta, out = this.out, emits = this.emits;
    const seen = this.seen, found = this.found, firstSet = this.firstSet;
    seen.fill(0);
    found.fill(0);
    let s = 0, digit = false;
    for (let i = 0; i < lower.length; i++) {
      const code = lower.charCodeAt(i);
      if (code >= 48 && code <= 57) digit = true;
      s = delta[s * C + (code < 128 ? code : 128 + (code % 128))]!;
      if (emits[s]) for (let w = 0; w < W; w++) seen[w]! |= out[s * W + w]!;
    }
    for (let p = 0; p < this.digit.length; p++) {
      if (this.digit[p] && !digit) continue;
      let all = true;
      for (let x = firstSet[p]!, e = firstSet[p + 1]!; x < e && all; x++) all = (seen[x >>> 5]! & (1 << (x & 31))) !== 0;
      if (all) found[p >>> 5]! |= 1 << (p & 31);
    }
    return found;
  }
}

/** ASCII characters are their own class; others share the upper 128. */
const classOf = (code: number) => (code < 128 ? code : 128 + (code % 128));
