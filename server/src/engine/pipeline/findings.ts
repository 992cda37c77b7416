// Rule findings: which rules run (the registry in rules/index.ts, filtered by the configuration),
// in what order on a sentence, and how the document-level findings and directives are merged in.
import type { ClaimHit, RuleContext, SentenceRef } from '../context.js';
import { applyDirectives } from '../directives.js';
import type { DocModel } from './document-model.js';
import { LineIndex } from '../lines.js';
import { CODES, RULES, DEFAULT_SEVERITY, type Draft, type Rule, type RuleTarget } from '../rules/index.js';
import type { Code, EngineConfig, Finding, Severity } from '../types.js';

export function severityOf(config: EngineConfig, code: Code): Severity | undefined {
  const s = config.rules[code] ?? DEFAULT_SEVERITY[code];
  return s === 'off' ? undefined : s;
}

export const KNOWN_CODES: ReadonlySet<string> = new Set(CODES);
/** Sentence rules that exclude each other, most specific first: a sentence gets at most one of them. */
const EXCLUSIVE: readonly Rule[] = RULES.filter((r) => r.scope === 'sentence' && r.precedence !== undefined).sort((a, b) => a.precedence! - b.precedence!);
/** Sentence rules that report independently of the others. */
const ADDITIVE: readonly Rule[] = RULES.filter((r) => r.scope === 'sentence' && r.precedence === undefined);
const DOCUMENT_RULES: readonly Rule[] = RULES.filter((r) => r.scope === 'document');

export function sentenceFindings(ctx: RuleContext, ref: SentenceRef, hits: ClaimHit[]): Draft[] {
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

export const byPosition = (a: Draft, b: Draft) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code);

/** Merges two lists sorted by position; on ties the first list's element comes first (as a stable sort of a.concat(b) would). */
export function mergeSorted(a: Finding[], b: Finding[]): Finding[] {
  const out: Finding[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** The document rules' drafts: `drafts` for the suppressible ones (directives may disable them),
 *  `unsuppressible` for directive problems. */
export function documentFindings(ctx: RuleContext): { drafts: Draft[]; unsuppressible: Draft[] } {
  const config = ctx.config;
  const drafts: Draft[] = [];
  const unsuppressible: Draft[] = [];
  for (const rule of DOCUMENT_RULES) {
    if (severityOf(config, rule.code as Code) === undefined) continue;
    // Loops, not push(...all): a document may have more findings than a call takes arguments.
    const into = rule.suppressible === false ? unsuppressible : drafts;
    for (const d of rule.check(ctx, { kind: 'document' })) into.push(d);
  }
  return { drafts, unsuppressible };
}

/**
 * The document's findings: the sentence findings (`found`, in document order) with the document
 * rules' findings (`extra`, severities given) merged in, directives applied, and the directive
 * problems added.
 */
export function mergeFindings(text: string, model: DocModel, config: EngineConfig, found: Finding[], extra: Finding[], unsuppressible: Draft[]): Finding[] {
  if (extra.length) found = mergeSorted(found, extra.sort(byPosition));
  // Directives are rare: the line index they need is built only when there is one.
  const kept = model.directives.length ? applyDirectives(text, model.directives, found, KNOWN_CODES, new LineIndex(text)) : found;
  const findings = unsuppressible.length ? kept.concat(unsuppressible.map((p) => ({ ...p, severity: severityOf(config, p.code)! }))) : kept;
  // In order already unless directives reported problems.
  for (let k = 1; k < findings.length; k++) if (byPosition(findings[k - 1]!, findings[k]!) > 0) { findings.sort(byPosition); break; }
  return findings;
}
