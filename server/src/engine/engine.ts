// The engine: Markdown text + claims database + configuration → findings with exact UTF-16
// offsets and fix data. Pure: no file system, no editor API. The CLI and the language server
// only adapt it. The stages are in pipeline/, the per-document cache around them in incremental/.
import type { Database } from '../db/schema.js';
import { compile, type CompiledDatabase } from './compiled.js';
import { RuleContext } from './context.js';
import { AnalysisCache } from './incremental/analysis-cache.js';
import { findingIdentity, rememberDraft } from './incremental/identity.js';
import { buildModel } from './incremental/build.js';
import { runSentenceRules } from './incremental/unit-loop.js';
import { documentFindings, KNOWN_CODES, mergeFindings, severityOf } from './pipeline/findings.js';
import { PlacedBlock, Sentence } from './pipeline/document-model.js';
import { DEFAULT_CONFIG, type AnalysisResult, type CancellationToken, type ClaimMatch, type EngineConfig, type Finding } from './types.js';

export { AnalysisCache, findingIdentity };
export const createAnalysisCache = (): AnalysisCache => new AnalysisCache();

export interface AnalyzeOptions {
  token?: CancellationToken;
  /**
   * Per-document cache: pass the same object for successive versions of one document. Findings
   * and matches of units that only moved are moved in place, so a result from an earlier call
   * with the same cache may change: copy what must outlive the next call. Findings and matches
   * equal a fresh run's; `sentences` and `citations` may not (a fresh run skips the parse of a
   * document that names nothing the database knows; see api.md).
   */
  cache?: AnalysisCache;
}

export function analyze(text: string, db: Database, config: EngineConfig = DEFAULT_CONFIG, options: AnalyzeOptions = {}): AnalysisResult {
  const compiled = compile(db);
  // A document that names no database concept and has no citation or directive cannot have a
  // finding: skip the parse (a word scan is far cheaper than remark). With a cache (the language
  // server) an edit re-parses little, and the scan of the whole text would cost more than it saves.
  if (!options.cache && !/\[[@^]|@\w|<!--/.test(text) && !compiled.index.mayName(text, compiled.anchorConcepts)) {
    return { findings: [], matches: [], citations: [], sentences: 0 };
  }
  const model = buildModel(text, compiled, options.cache, options.token);
  const ctx = new RuleContext(model, compiled, config, KNOWN_CODES, options.cache);
  // Sentence rules only where the document names something a claim, contradiction or caution needs.
  const { found, matches } = ctx.anchored ? runSentenceRules(text, model, ctx, config, options.cache, options.token) : { found: [] as Finding[], matches: [] as ClaimMatch[] };
  const { drafts, unsuppressible } = documentFindings(ctx);
  // Unit results are in document order; the document-level findings are merged in.
  const extra: Finding[] = [];
  for (const d of drafts) {
    const severity = severityOf(config, d.code);
    if (severity === undefined) continue;
    const f: Finding = { ...d, severity };
    // A document-level rule may return the same draft again (unknown-citation does for a citation
    // that only moved): the finding keeps its identity.
    if (options.cache) rememberDraft(f, d);
    extra.push(f);
  }
  return {
    findings: mergeFindings(text, model, config, found, extra, unsuppressible),
    matches,
    // The model's own records (with a cache, moved in place by later edits like the findings).
    citations: model.citations,
    sentences: model.sentenceCount,
  };
}

/** Claims a single sentence (no Markdown, no context) asserts, best first: for `claimlint analyze`. */
export function matchSentence(sentence: string, db: Database): Array<{ claimId: string; score: number }> {
  const compiled: CompiledDatabase = compile(db);
  const s = new Sentence(sentence, 0, sentence.length, compiled.index.find(sentence));
  const block = { kind: 'paragraph', text: sentence, map: new Int32Array(sentence.length + 1).map((_, i) => i), start: 0, end: sentence.length, quoted: false, listItem: false, section: -1, paragraph: 0 } as const;
  const pb = new PlacedBlock(block, [s], { delta: 0 });
  const model = { text: sentence, blocks: [pb], sections: [], directives: [], citations: [], footnotes: [], linkDefinitions: [], concepts: new Set(s.concepts), blockCounts: new Map([...s.concepts].map((c) => [c, 1])), sentenceCount: 1, units: [], run: 0 };
  const ctx = new RuleContext(model, compiled, DEFAULT_CONFIG);
  return ctx.claims({ placed: pb, sentence: s, index: 0 }).map((h) => ({ claimId: h.claim.id, score: Math.round(h.score * 100) / 100 }));
}
