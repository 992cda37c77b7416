// The engine: Markdown text + claims database + configuration → findings with exact UTF-16
// offsets and fix data. Pure: no file system, no editor API. The CLI and the language server
// only adapt it.
import type { Database } from '../db/schema.js';
import { compile, type CompiledDatabase } from './compiled.js';
import { Level, RuleContext, type ClaimHit, type SentenceRef } from './context.js';
import { applyDirectives } from './directives.js';
import { AnalysisCache, buildModel, Sentence } from './document.js';
import { tokenize } from './lexicon.js';
import { LineIndex } from './lines.js';
import { contradictedClaim } from './rules/contradicted-claim.js';
import { extrapolatedEvidence } from './rules/extrapolated-evidence.js';
import { figureMismatch } from './rules/figure-mismatch.js';
import { missingCaveat } from './rules/missing-caveat.js';
import { overstatedCertainty } from './rules/overstated-certainty.js';
import { uncitedClaim } from './rules/uncited-claim.js';
import { unknownCitation } from './rules/unknown-citation.js';
import {
  CancelledError, DEFAULT_CONFIG, DEFAULT_SEVERITY, type AnalysisResult, type CancellationToken, type ClaimMatch, type Code,
  type EngineConfig, type Finding, type Severity,
} from './types.js';

export { AnalysisCache };
export const createAnalysisCache = (): AnalysisCache => new AnalysisCache();

export interface AnalyzeOptions {
  token?: CancellationToken;
  /** Per-document cache: pass the same object for successive versions of one document. */
  cache?: AnalysisCache;
}

type Draft = Omit<Finding, 'severity'>;

function severityOf(config: EngineConfig, code: Code): Severity | undefined {
  const s = config.rules[code] ?? DEFAULT_SEVERITY[code];
  return s === 'off' ? undefined : s;
}

/** The sentence-level codes, most specific first: a sentence gets at most one of them. */
const EXCLUSIVE: Code[] = ['contradicted-claim', 'figure-mismatch', 'extrapolated-evidence', 'overstated-certainty'];

function sentenceFindings(ctx: RuleContext, ref: SentenceRef, hits: ClaimHit[]): Draft[] {
  const out: Draft[] = [];
  const enabled = (c: Code) => severityOf(ctx.config, c) !== undefined;
  const primary = hits[0];
  for (const code of EXCLUSIVE) {
    if (!enabled(code)) continue;
    let f: Draft | undefined;
    if (code === 'contradicted-claim') f = contradictedClaim(ctx, ref);
    else if (code === 'figure-mismatch') f = ref.s.numbers.length ? figureMismatch(ctx, ref, [...ctx.claims(ref, Level.Document), ...ctx.topicClaims(ref)]) : undefined;
    else if (code === 'extrapolated-evidence') {
      // Any matched claim whose evidence is narrower than the sentence's population.
      for (const h of hits) if ((f = extrapolatedEvidence(ctx, ref, h))) break;
    }
    else if (primary) f = overstatedCertainty(ctx, ref, primary);
    if (f) { out.push(f); break; }
  }
  if (primary && enabled('uncited-claim')) {
    const f = uncitedClaim(ctx, ref, primary);
    if (f) out.push(f);
  }
  return out;
}

/** Sentence-rule results of one unit with offsets relative to the unit (`-1` marks the document end). */
interface UnitResults { drafts: Draft[]; matches: ClaimMatch[] }

const END = -1;
function unitResults(ctx: RuleContext, refs: SentenceRef[], delta: number, docEnd: number): UnitResults {
  const drafts: Draft[] = [];
  const matches: ClaimMatch[] = [];
  for (const ref of refs) {
    if (ref.s.concepts.size === 0 || ctx.inReferenceList(ref)) continue;
    const hits = ctx.claims(ref);
    if (hits.length) {
      const r = ctx.range(ref);
      for (const h of hits) matches.push({ claimId: h.claim.id, score: h.score, start: r.start - delta, end: r.end - delta });
    }
    for (const d of sentenceFindings(ctx, ref, hits)) drafts.push(shiftDraft(d, -delta, docEnd, true));
  }
  return { drafts, matches };
}

/** Move a draft by `by`; edits at the document's end stay there (they append footnote definitions). */
function shiftDraft(d: Draft, by: number, docEnd: number, toRelative = false): Draft {
  const pos = (x: number) => (toRelative ? (x === docEnd ? END : x + by) : x === END ? docEnd : x + by);
  return {
    ...d,
    start: d.start + by,
    end: d.end + by,
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: pos(e.start), end: pos(e.end) })) })),
  };
}

export function analyze(text: string, db: Database, config: EngineConfig = DEFAULT_CONFIG, options: AnalyzeOptions = {}): AnalysisResult {
  const compiled = compile(db);
  // A document that names no database concept and has no citation or directive cannot have a
  // finding: skip the parse (a word scan is far cheaper than remark).
  if (!/\[[@^]|@\w|<!--/.test(text) && !compiled.index.mayName(text, compiled.anchorConcepts)) {
    return { findings: [], matches: [], citations: [], sentences: 0 };
  }
  const model = buildModel(text, compiled, options.cache, options.token);
  const ctx = new RuleContext(model, compiled, config);
  const drafts: Draft[] = [];
  const matches: ClaimMatch[] = [];
  const anchored = [...compiled.anchorConcepts].some((c) => model.concepts.has(c));
  if (anchored) {
    // Sentence rules run unit by unit. With a cache, a unit whose text and context (section
    // headings, document topic, configuration) did not change reuses its last results, shifted.
    const docKey = options.cache ? `${JSON.stringify(config)}|${[...ctx.dominant()].sort().join(',')}|${config.citationStyle === 'footnote' ? model.footnotes.map((f) => f.key).join(',') : ''}` : '';
    let i = 0;
    while (i < ctx.refs.length) {
      if (options.token?.isCancellationRequested) throw new CancelledError();
      const unit = ctx.refs[i]!.pb.unit;
      const delta = ctx.refs[i]!.pb.delta;
      let j = i;
      while (j < ctx.refs.length && ctx.refs[j]!.pb.unit === unit) j++;
      const refs = ctx.refs.slice(i, j);
      i = j;
      const key = options.cache && unit ? `${docKey}|${[...new Set(refs.map((r) => r.pb.section))].map((sec) => [...ctx.headingConcepts(sec)].sort().join(',')).join(';')}` : undefined;
      const saved = key !== undefined && unit?.rules?.key === key ? (unit.rules.value as UnitResults) : undefined;
      const results = saved ?? unitResults(ctx, refs, delta, text.length);
      if (key !== undefined && unit && !saved) unit.rules = { key, value: results };
      drafts.push(...results.drafts.map((d) => shiftDraft(d, delta, text.length)));
      for (const m of results.matches) matches.push({ ...m, start: m.start + delta, end: m.end + delta });
    }
    if (severityOf(config, 'missing-caveat')) drafts.push(...missingCaveat(ctx));
  }
  if (severityOf(config, 'unknown-citation')) drafts.push(...unknownCitation(ctx));
  const withSeverity = drafts
    .map((d) => ({ ...d, severity: severityOf(config, d.code)! }))
    .filter((f) => f.severity !== undefined);
  // Directives are rare: the line index they need is built only when there is one.
  const { kept, problems } = model.directives.length ? applyDirectives(text, model.directives, withSeverity, new LineIndex(text)) : { kept: withSeverity, problems: [] };
  const invalid = severityOf(config, 'invalid-directive');
  const findings = invalid ? kept.concat(problems.map((p) => ({ ...p, severity: invalid }))) : kept;
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  return {
    findings,
    matches,
    citations: model.citations.map((c) => ({ key: c.key, start: c.start, end: c.end, kind: c.kind })),
    sentences: model.sentenceCount,
  };
}

/** Claims a single sentence (no Markdown, no context) asserts, best first: for `claimlint analyze`. */
export function matchSentence(sentence: string, db: Database): Array<{ claimId: string; score: number }> {
  const compiled: CompiledDatabase = compile(db);
  const s = new Sentence(sentence, 0, sentence.length, compiled.index.find(sentence, 0, tokenize(sentence)));
  const block = { kind: 'paragraph', text: sentence, map: new Int32Array(sentence.length + 1).map((_, i) => i), start: 0, end: sentence.length, quoted: false, listItem: false, section: -1, paragraph: 0 } as const;
  const pb = { block, delta: 0, sentences: [s], section: -1, paragraph: 0, index: 0 };
  const model = { text: sentence, blocks: [pb], sections: [], directives: [], citations: [], footnotes: [], linkDefinitions: [], concepts: s.concepts, sentenceCount: 1 };
  const ctx = new RuleContext(model, compiled, DEFAULT_CONFIG);
  return ctx.claims({ pb, s, i: 0 }).map((h) => ({ claimId: h.claim.id, score: Math.round(h.score * 100) / 100 }));
}
