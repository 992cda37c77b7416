// The engine: Markdown text + claims database + configuration → findings with exact UTF-16
// offsets and fix data. Pure: no file system, no editor API. The CLI and the language server
// only adapt it.
import type { Database } from '../db/schema.js';
import { compile, type CompiledDatabase } from './compiled.js';
import { Level, RuleContext, type ClaimHit, type SentenceRef } from './context.js';
import { applyDirectives } from './directives.js';
import { moveFinding } from './fixes.js';
import { findingIdentity, rememberDraft } from './incremental/identity.js';
import { AnalysisCache, buildModel, PlacedBlock, Sentence, type UnitRec, type UnitSlot } from './document.js';
import { tokenize } from './lexicon.js';
import { LineIndex } from './lines.js';
import { CODES, DEFAULT_SEVERITY, RULES, type Draft, type Rule, type RuleTarget } from './rules/index.js';
import {
  CancelledError, DEFAULT_CONFIG, type AnalysisResult, type CancellationToken, type ClaimMatch, type Code,
  type EngineConfig, type Finding, type Fix, type Severity, type TextEdit,
} from './types.js';

export { AnalysisCache, findingIdentity };
export const createAnalysisCache = (): AnalysisCache => new AnalysisCache();

export interface AnalyzeOptions {
  token?: CancellationToken;
  /**
   * Per-document cache: pass the same object for successive versions of one document. Findings
   * and matches of units that only moved are moved in place, so a result from an earlier call
   * with the same cache may change: copy what must outlive the next call.
   */
  cache?: AnalysisCache;
}

function severityOf(config: EngineConfig, code: Code): Severity | undefined {
  const s = config.rules[code] ?? DEFAULT_SEVERITY[code];
  return s === 'off' ? undefined : s;
}

const KNOWN_CODES: ReadonlySet<string> = new Set(CODES);
/** Sentence rules that exclude each other, most specific first: a sentence gets at most one of them. */
const EXCLUSIVE: readonly Rule[] = RULES.filter((r) => r.scope === 'sentence' && r.precedence !== undefined).sort((a, b) => a.precedence! - b.precedence!);
/** Sentence rules that report independently of the others. */
const ADDITIVE: readonly Rule[] = RULES.filter((r) => r.scope === 'sentence' && r.precedence === undefined);
const DOCUMENT_RULES: readonly Rule[] = RULES.filter((r) => r.scope === 'document');

function sentenceFindings(ctx: RuleContext, ref: SentenceRef, hits: ClaimHit[]): Draft[] {
  const out: Draft[] = [];
  const target: RuleTarget = { kind: 'sentence', ref, hits };
  for (const rule of EXCLUSIVE) {
    if (severityOf(ctx.config, rule.code as Code) === undefined) continue;
    const found = rule.check(ctx, target);
    if (found.length) { out.push(...found); break; }
  }
  // The rules after them know which claims the sentence was already flagged for: a sentence with a
  // finding about a claim gets no note about the same claim (its fix is the rewording, and a
  // citation added to a false sentence would make it look sourced).
  const after: RuleTarget = { kind: 'sentence', ref, hits, flagged: new Set(out.flatMap((f) => (f.claimId ? [f.claimId] : []))) };
  for (const rule of ADDITIVE) if (severityOf(ctx.config, rule.code as Code) !== undefined) out.push(...rule.check(ctx, after));
  return out;
}

/** Sentence-rule results of one unit with offsets relative to the unit (`-1` marks the document end). */
interface UnitResults { drafts: Draft[]; matches: ClaimMatch[]; endEdits: boolean }

/** A unit's results placed in one version of the document: reused while the unit's results, its
 *  offset and (for edits at the document's end) the document's length are unchanged. */
interface Placed { results: UnitResults; delta: number; docEnd: number; findings: Finding[]; matches: ClaimMatch[] }

/** The unit loop's output for one model, kept in the cache for the model that continues it. */
interface UnitLoopOutput {
  run: number;
  docKey: string;
  found: Finding[];
  matches: ClaimMatch[];
  /** Whether any unit's fixes edit at the document's end, and that end. */
  endEdits: boolean;
  docEnd: number;
}

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
    for (const d of sentenceFindings(ctx, ref, hits)) drafts.push(relativeDraft(d, delta, docEnd));
  }
  drafts.sort(byPosition);
  const endEdits = drafts.some((d) => d.fixes.some((f) => f.edits.some((e) => e.start === END || e.end === END)));
  return { drafts, matches, endEdits };
}

function place(results: UnitResults, delta: number, docEnd: number, config: EngineConfig, remember: boolean): Placed {
  return {
    results, delta, docEnd,
    findings: results.drafts.map((d) => {
      const f = placeDraft(d, delta, docEnd, severityOf(config, d.code)!);
      if (remember) rememberDraft(f, d);
      return f;
    }),
    matches: results.matches.map((m) => ({ claimId: m.claimId, score: m.score, start: m.start + delta, end: m.end + delta })),
  };
}

/** Moves a unit's placed findings and matches to `delta` in place: the unit moved, its results did
 *  not change (an edit earlier in the document), and new objects for half the findings of a long
 *  document on every keystroke were most of the engine's garbage. Not for units whose fixes edit at
 *  the document's end (those are placed again). */
function movePlaced(placed: Placed, delta: number): void {
  const by = delta - placed.delta;
  placed.delta = delta;
  for (const f of placed.findings) moveFinding(f, by);
  for (const m of placed.matches) { m.start += by; m.end += by; }
}

const byPosition = (a: Draft, b: Draft) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);

/** Merges two lists sorted by position; on ties the first list's element comes first (as a stable sort of a.concat(b) would). */
function mergeSorted(a: Finding[], b: Finding[]): Finding[] {
  const out: Finding[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** A unit-relative draft placed at `delta`, built field by field: an edit moves every finding after
 *  it, so this runs for about half of a long document's findings on each keystroke. */
function placeDraft(d: Draft, delta: number, docEnd: number, severity: Severity): Finding {
  const fixes: Fix[] = new Array(d.fixes.length);
  for (let i = 0; i < fixes.length; i++) {
    const x = d.fixes[i]!;
    const edits: TextEdit[] = new Array(x.edits.length);
    for (let k = 0; k < edits.length; k++) {
      const e = x.edits[k]!;
      edits[k] = { start: e.start === END ? docEnd : e.start + delta, end: e.end === END ? docEnd : e.end + delta, newText: e.newText };
    }
    fixes[i] = { kind: x.kind, title: x.title, edits, safe: x.safe };
  }
  const f: Finding = { code: d.code, severity, message: d.message, start: d.start + delta, end: d.end + delta, sources: d.sources, fixes };
  if (d.claimId !== undefined) f.claimId = d.claimId;
  if (d.cautionId !== undefined) f.cautionId = d.cautionId;
  if (d.reason !== undefined) f.reason = d.reason;
  return f;
}

/** A draft at document offsets made relative to its unit at `delta` (placeDraft undoes it); edits
 *  at the document's end become END, so they stay there (they append footnote definitions). */
function relativeDraft(d: Draft, delta: number, docEnd: number): Draft {
  const pos = (x: number) => (x === docEnd ? END : x - delta);
  return {
    ...d,
    start: d.start - delta,
    end: d.end - delta,
    fixes: d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, start: pos(e.start), end: pos(e.end) })) })),
  };
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
  let found: Finding[] = [];
  const drafts: Draft[] = [];
  const matches: ClaimMatch[] = [];
  if (ctx.anchored) {
    // Sentence rules run unit by unit. With a cache, a unit whose text and context (section
    // headings, document topic, configuration) did not change reuses its last results, and a unit
    // that did not move either reuses its placed findings as they were.
    const cache = options.cache;
    // Contexts become small numbers: a unit's key is then a short string, cheap to compare.
    const contextId = (context: string) => {
      let id = cache!.contexts.get(context);
      if (id === undefined) {
        if (cache!.contexts.size > 10000) cache!.contexts.clear();
        cache!.contexts.set(context, (id = cache!.nextContext++));
      }
      return id;
    };
    const docKey = cache ? String(contextId(`${JSON.stringify(config)}|${[...ctx.dominant()].sort().join(',')}|${config.citationStyle === 'footnote' ? model.footnotes.map((f) => f.key).join(',') : ''}`)) : '';
    const sectionKeys = new Map<number, number>();
    const sectionKey = (sec: number) => {
      let k = sectionKeys.get(sec);
      // What a unit's results depend on in its section: the concepts its headings name, and whether
      // it is a reference list (whose entries are not claims).
      if (k === undefined) sectionKeys.set(sec, (k = contextId(`headings:${[...ctx.headingConcepts(sec)].sort().join(',')}${ctx.isReferenceSection(sec) ? '|references' : ''}`)));
      return k;
    };
    const blocks = model.blocks;
    let endEdits = false;
    // A unit that starts with a list item or a table cell also takes context from the unit before it.
    const inherits = (rec: UnitRec) => rec.blockCount > 0 && (blocks[rec.blocksFrom]!.block.listItem || blocks[rec.blocksFrom]!.block.kind === 'tableCell');
    const runUnit = (rec: UnitRec) => {
      const slot = rec.slot;
      const delta = rec.layout.delta;
      let key = cache && slot ? docKey : undefined;
      let lastSection: number | undefined;
      const e = rec.blocksFrom + rec.blockCount;
      for (let b = rec.blocksFrom; b < e; b++) {
        const sec = blocks[b]!.section;
        if (key !== undefined && sec !== lastSection && blocks[b]!.sentences.length) { key += `|${sectionKey(sec)}`; lastSection = sec; }
      }
      if (key !== undefined && inherits(rec)) key += `|lead:${contextId(ctx.inheritedConcepts(blocks[rec.blocksFrom]!))}`;
      const saved = key !== undefined && slot?.rules?.key === key ? (slot.rules.value as UnitResults) : undefined;
      const results = saved ?? unitResults(ctx, blocks.slice(rec.blocksFrom, e).flatMap((pb) => ctx.refsOf(pb)), delta, text.length);
      if (key !== undefined && slot && !saved) slot.rules = { key, value: results };
      addPlaced(rec, slot, results, delta);
    };
    // A unit without prose blocks has no results; it still records where it sits in the output.
    const addNothing = (rec: UnitRec) => {
      rec.foundFrom = found.length;
      rec.foundCount = 0;
      rec.matchesFrom = matches.length;
      rec.matchesCount = 0;
    };
    const addPlaced = (rec: UnitRec, slot: UnitSlot | undefined, results: UnitResults, delta: number) => {
      let placed = slot?.placed as Placed | undefined;
      if (!placed || placed.results !== results || (results.endEdits && placed.docEnd !== text.length)) {
        placed = place(results, delta, text.length, config, !!cache);
        if (cache && slot) slot.placed = placed;
      } else if (placed.delta !== delta) {
        movePlaced(placed, delta);
      }
      if (results.endEdits) endEdits = true;
      rec.foundFrom = found.length;
      rec.foundCount = placed.findings.length;
      rec.matchesFrom = matches.length;
      rec.matchesCount = placed.matches.length;
      for (const f of placed.findings) found.push(f);
      for (const m of placed.matches) matches.push(m);
    };
    const units = model.units;
    // A model continued from the last one (buildModel) keeps the results of its unchanged units:
    // those before the change as they were, those after it moved. Only the context must not have
    // changed (topic, configuration, footnotes) nor, when fixes append at the document end, its length.
    const last = cache?.lastFound as UnitLoopOutput | undefined;
    const cont = model.continued;
    if (cont && last && last.run === cont.from && last.docKey === docKey && !(last.endEdits && last.docEnd !== text.length)) {
      const before = cont.prefix > 0 ? units[cont.prefix - 1]! : undefined;
      found = last.found.slice(0, before ? before.foundFrom + before.foundCount : 0);
      const matchesEnd = before ? before.matchesFrom + before.matchesCount : 0;
      for (let i = 0; i < matchesEnd; i++) matches.push(last.matches[i]!);
      endEdits = last.endEdits;
      for (let i = cont.prefix; i < units.length - cont.suffix; i++) {
        if (options.token?.isCancellationRequested) throw new CancelledError();
        if (units[i]!.blockCount > 0) runUnit(units[i]!);
        else addNothing(units[i]!);
      }
      // The units right after the change that start with a list item or table cell (units without
      // prose in between do not count) may take context from it: their keys are checked again.
      let inheriting = true;
      for (let i = units.length - cont.suffix; i < units.length; i++) {
        const rec = units[i]!;
        if (rec.blockCount === 0) { addNothing(rec); continue; }
        inheriting &&= inherits(rec);
        if (inheriting) runUnit(rec);
        else addPlaced(rec, rec.slot, (rec.slot!.placed as Placed).results, rec.layout.delta);
      }
    } else {
      for (const rec of units) {
        if (options.token?.isCancellationRequested) throw new CancelledError();
        if (rec.blockCount > 0) runUnit(rec);
        else addNothing(rec);
      }
    }
    // Copies: the arrays returned belong to the caller.
    if (cache) cache.lastFound = { run: model.run, docKey, found: found.slice(), matches: matches.slice(), endEdits, docEnd: text.length } satisfies UnitLoopOutput;
  }
  const unsuppressible: Draft[] = [];
  for (const rule of DOCUMENT_RULES) {
    if (severityOf(config, rule.code as Code) === undefined) continue;
    // Loops, not push(...all): a document may have more findings than a call takes arguments.
    const into = rule.suppressible === false ? unsuppressible : drafts;
    for (const d of rule.check(ctx, { kind: 'document' })) into.push(d);
  }
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
  if (extra.length) found = mergeSorted(found, extra.sort(byPosition));
  // Directives are rare: the line index they need is built only when there is one.
  const kept = model.directives.length ? applyDirectives(text, model.directives, found, KNOWN_CODES, new LineIndex(text)) : found;
  const findings = unsuppressible.length ? kept.concat(unsuppressible.map((p) => ({ ...p, severity: severityOf(config, p.code)! }))) : kept;
  // In order already unless directives reported problems.
  for (let k = 1; k < findings.length; k++) if (byPosition(findings[k - 1]!, findings[k]!) > 0) { findings.sort(byPosition); break; }
  return {
    findings,
    matches,
    // The model's own records (with a cache, moved in place by later edits like the findings).
    citations: model.citations,
    sentences: model.sentenceCount,
  };
}

/** Claims a single sentence (no Markdown, no context) asserts, best first: for `claimlint analyze`. */
export function matchSentence(sentence: string, db: Database): Array<{ claimId: string; score: number }> {
  const compiled: CompiledDatabase = compile(db);
  const s = new Sentence(sentence, 0, sentence.length, compiled.index.find(sentence, 0, tokenize(sentence)));
  const block = { kind: 'paragraph', text: sentence, map: new Int32Array(sentence.length + 1).map((_, i) => i), start: 0, end: sentence.length, quoted: false, listItem: false, section: -1, paragraph: 0 } as const;
  const pb = new PlacedBlock(block, [s], { delta: 0 });
  const model = { text: sentence, blocks: [pb], sections: [], directives: [], citations: [], footnotes: [], linkDefinitions: [], concepts: s.concepts, blockCounts: new Map([...s.concepts].map((c) => [c, 1])), sentenceCount: 1, units: [], run: 0 };
  const ctx = new RuleContext(model, compiled, DEFAULT_CONFIG);
  return ctx.claims({ pb, s, i: 0 }).map((h) => ({ claimId: h.claim.id, score: Math.round(h.score * 100) / 100 }));
}
