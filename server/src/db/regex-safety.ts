// Static check that a concept pattern cannot make matching super-linear (ReDoS). Pure: no fs.
//
// The engine runs patterns with V8's backtracking engine over text a document controls, so a
// pattern such as `(a+)+$` on a line of 40 "a"s would run for minutes. Patterns are checked when a
// pack is loaded and rejected when any of these finds a way to make them slow:
//   1. scslre (the analysis behind eslint-plugin-regexp's super-linear checks) on the pattern as
//      written: nested or adjacent quantifiers that share a repeatable character, and quantifiers
//      that make the search retry from every position (polynomial);
//   2. the same on the pattern with every bounded quantifier widened to unbounded (`{1,30}` → `{1,}`),
//      since `(?:a{1,30}){1,30}` is as slow as `(?:a+)+` on short lines;
//   3. an ambiguity check on the pattern's automaton (built with refa): a state with two different
//      loops over the same text means exponentially many ways to match it (`(?:ab|abab)*`), which
//      scslre, looking at one repeated character, does not see;
//   4. backreferences are refused (matching them is not regular and can be exponential).
// It is a static check, not a proof: a slow pattern it does not recognise stays possible (see
// docs/claim-packs.md); every shape above is covered by tests.
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Regexpp from '@eslint-community/regexpp';
import type { AST } from '@eslint-community/regexpp';
import type * as Scslre from 'scslre';
import type { Report } from 'scslre';
import type * as Refa from 'refa';
import type { CharSet, NFA } from 'refa';

interface Analysers { regexpp: typeof Regexpp; scslre: typeof Scslre; refa: typeof Refa }
let analysers: Analysers | undefined;

/** Set by the build (scripts/bundle.mjs) in every bundle: the analysers are then in their own file. */
declare const __CLAIMLINT_BUNDLED__: boolean | undefined;

/** The analysis libraries, loaded on first use, so that a run without user patterns does not pay
 *  for them: in a bundle from dist/regex-analysers.cjs (built from regex-analysers.ts; the bundles
 *  do not contain them), unbundled (the tests) from node_modules. */
function load(): Analysers {
  if (analysers) return analysers;
  const req = createRequire(import.meta.url);
  if (typeof __CLAIMLINT_BUNDLED__ !== 'undefined' && __CLAIMLINT_BUNDLED__) {
    analysers = req(join(distDir(fileURLToPath(import.meta.url)), 'regex-analysers.cjs')) as Analysers;
  } else {
    analysers = { regexpp: req('@eslint-community/regexpp'), scslre: req('scslre'), refa: req('refa') };
  }
  return analysers;
}

/** The dist/ folder above a bundle (dist/server.cjs, dist/cli/main.js, dist/chunks/…). */
function distDir(file: string): string {
  for (let d = dirname(file); ; d = dirname(d)) {
    if (basename(d) === 'dist' || dirname(d) === d) return d;
  }
}

/** Flags the engine matches patterns with (plus `g`, which does not change the analysis). */
const FLAGS = 'iu';
export const MAX_PATTERN_LENGTH = 1000;
/** Automaton size past which a pattern is refused as too complex to check (the check is quadratic in it). */
const MAX_STATES = 400;

const cache = new Map<string, string | undefined>();

/**
 * Why `pattern` could make matching super-linear, in plain words, or undefined when it is safe.
 * A pattern that is not a valid regular expression is not this check's business (undefined).
 */
export function patternHazard(pattern: string): string | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  const result = computeHazard(pattern);
  if (cache.size > 5000) cache.clear();
  cache.set(pattern, result);
  return result;
}

function computeHazard(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters, too long to check for slow matching`;
  const { regexpp: { RegExpParser, visitRegExpAST }, scslre: { analyse } } = load();
  let ast: AST.Pattern;
  try {
    ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern, 0, pattern.length, { unicode: true });
  } catch {
    return undefined; // the loader reports the syntax error
  }
  const quantifiers: AST.Quantifier[] = [];
  let backreference: AST.Backreference | undefined;
  visitRegExpAST(ast, {
    onQuantifierEnter: (q) => void quantifiers.push(q),
    onBackreferenceEnter: (b) => void (backreference ??= b),
  });
  if (backreference) return `uses the backreference ${backreference.raw}, which can take exponential time; backreferences are not allowed in patterns`;
  if (quantifiers.length === 0) return undefined;

  const widened = widen(pattern, quantifiers);
  for (const source of widened === pattern ? [pattern] : [pattern, widened]) {
    let reports: Report[];
    try {
      reports = analyse({ source, flags: FLAGS }, { maxReports: 1 }).reports;
    } catch {
      return 'could not be checked for slow matching';
    }
    if (reports.length) return describe(reports[0]!, source === pattern);
  }
  return ambiguity(widened);
}

/** The pattern with every bounded quantifier whose maximum is 2 or more made unbounded. */
function widen(pattern: string, quantifiers: AST.Quantifier[]): string {
  const edits = quantifiers
    .filter((q) => q.max !== Infinity && q.max >= 2)
    .map((q) => ({ from: q.element.end, to: q.end, text: `{${q.min},}${q.greedy ? '' : '?'}` }))
    .sort((a, b) => b.from - a.from);
  let out = pattern;
  for (const e of edits) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

function describe(r: Report, asWritten: boolean): string {
  const time = r.exponential ? 'exponential' : 'polynomial';
  const pick = r.character.pick.length === 1 ? r.character.pick.toLowerCase() : r.character.pick; // text is lower-cased
  const run = `a run of '${pick}'`;
  const bounded = asWritten ? '' : ' (bounded repeats count as unbounded here: `{1,30}` nested in `{1,30}` is as slow)';
  switch (r.type) {
    case 'Self':
      return `can take ${time} time: \`${r.quant.raw}\` repeats inside \`${r.parentQuant.raw}\`, so ${run} can be matched in many ways${bounded}; make the inner and outer repeat unable to match the same text`;
    case 'Trade':
      return `can take ${time} time: \`${r.startQuant.raw}\` and \`${r.endQuant.raw}\` can both match ${run}, which can be split between them in many ways${bounded}; make them unable to match the same characters`;
    case 'Move':
      return `can take ${time} time: \`${r.quant.raw}\` lets the search retry ${run} from every position${bounded}; anchor the repeat (e.g. start with \\b or a literal word) so that each match attempt starts at most once in a run`;
  }
}

/** Exponential ambiguity in the automaton of `source`: some state loops back to itself over the same text along two different paths. */
function ambiguity(source: string): string | undefined {
  const { JS, NFA } = load().refa;
  let nfa: NFA;
  try {
    const { expression, maxCharacter } = JS.Parser.fromLiteral({ source, flags: FLAGS }).parse({ assertions: 'ignore', backreferences: 'disable', simplify: false });
    nfa = NFA.fromRegex(expression, { maxCharacter }, { assertions: 'ignore', unknowns: 'disable' }, new NFA.LimitedNodeFactory(MAX_STATES));
  } catch {
    return `is too complex to check for slow matching (more than ${MAX_STATES} states); split it into simpler patterns`;
  }
  const nodes = [...nfa.nodes()];
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node, i]));
  // Transitions carry an index into the distinct character sets; whether two sets overlap is computed once per pair.
  const sets: CharSet[] = [];
  const setIndex = (chars: CharSet) => {
    let i = sets.findIndex((x) => x.equals(chars));
    if (i === -1) i = sets.push(chars) - 1;
    return i;
  };
  const out = nodes.map((node) => [...node.out].map(([to, chars]) => ({ to: index.get(to)!, set: setIndex(chars) })));
  const k = sets.length;
  const overlap = new Uint8Array(k * k);
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) overlap[a * k + b] = overlap[b * k + a] = sets[a]!.isDisjointWith(sets[b]!) ? 0 : 1;
  // The product automaton: a pair (p, q) steps on a character both p and q can step on. Two
  // different loops over the same text through p exist exactly when a strongly connected component
  // of the product holds the pair (p, p) and a pair of two different states.
  const successors = (v: number): number[] => {
    const p = Math.floor(v / n);
    const q = v % n;
    const next: number[] = [];
    for (const a of out[p]!) for (const b of out[q]!) if (overlap[a.set * k + b.set]) next.push(a.to * n + b.to);
    return next;
  };
  const component = stronglyConnected(n * n, Array.from({ length: n }, (_, p) => p * n + p), successors);
  const diagonal = new Set<number>();
  const offDiagonal = new Set<number>();
  component.forEach((c, v) => {
    if (c >= 0) (Math.floor(v / n) === v % n ? diagonal : offDiagonal).add(c);
  });
  for (const c of diagonal) {
    if (offDiagonal.has(c)) {
      return 'can take exponential time: a repeated part can match the same text in more than one way (as in `(?:ab|abab)*`); make the alternatives inside each repeat unable to match the same text';
    }
  }
  return undefined;
}

/** Tarjan's algorithm, iterative, over the part of a graph reachable from `roots`; -1 for unreached vertices. */
function stronglyConnected(size: number, roots: number[], successors: (v: number) => number[]): Int32Array {
  const order = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const component = new Int32Array(size).fill(-1);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  for (const root of roots) {
    if (order[root] !== -1) continue;
    const work: Array<{ v: number; next: number[]; i: number }> = [];
    const enter = (v: number) => {
      order[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      work.push({ v, next: successors(v), i: 0 });
    };
    enter(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.next.length) {
        const w = top.next[top.i++]!;
        if (order[w] === -1) enter(w);
        else if (onStack[w]) low[top.v] = Math.min(low[top.v]!, order[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[top.v]!);
      }
      if (low[top.v] === order[top.v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== top.v);
        components++;
      }
    }
  }
  return component;
}
