// Why a sentence was, or was not, flagged: what the engine made of the sentences at a position —
// the concepts it named (and the words), the claims the concept matcher and the learned recogniser
// proposed and how the stacked match weighed them, how the sentence commits (the analyzer's cues
// and the recogniser's modality and orientation), its numbers, and the findings it got with their
// reasons. `claimlint explain FILE:LINE[:COL]` prints it; it is how a miss is debugged.
import type { Database } from '../db/schema.js';
import { compile } from './compiled.js';
import { RuleContext, type SentenceRef } from './context.js';
import { buildModel } from './incremental/build.js';
import { sourceRange } from './pipeline/document-model.js';
import { analyze } from './engine.js';
import { CODES } from './rules/index.js';
import { DEFAULT_CONFIG, type EngineConfig, type Finding } from './types.js';

export interface SentenceExplanation {
  /** Source range of the sentence. */
  start: number;
  end: number;
  text: string;
  /** Database concepts the sentence names, with the words that named them. */
  concepts: Array<{ id: string; words: string }>;
  /** Claims the concept matcher found (concepts named here or supplied by the paragraph, headings or document). */
  conceptClaims: Array<{ id: string; grade: string; fromTopic: string[] }>;
  /** The learned recogniser's view (absent for a database without one). */
  recogniser?: {
    topics: Array<{ id: string; p: number }>;
    /** Recorded contradictions whose content the sentence may state, best first (at most three). */
    contradictionTopics: Array<{ id: string; p: number }>;
    modality: Array<{ modality: string; p: number }>;
    /** For each claim below: the probability that the sentence contradicts it. */
    contradicts: Record<string, number>;
  };
  /** The claims the rules checked the sentence against, as weighed by the stacked match. */
  claims: Array<{ id: string; grade: string; score: number; by: 'concepts' | 'recogniser' | 'both' }>;
  analysis: {
    certainty: number; negated: boolean; hedged: boolean; boosted: boolean; attributed: boolean;
    question: boolean; hypothetical: boolean; population: string;
    cues: Array<{ kind: string; text: string }>;
  };
  numbers: Array<{ text: string; kind: string }>;
  /** The sentence's findings, with their reasons. */
  findings: Finding[];
  /** The sentence is in a References section (its entries cite; they are not claims). */
  referenceList: boolean;
  /** Labelled as a myth ("Myth:"): named to be corrected, not checked as a claim. */
  myth: boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Explains the sentences that contain `offset` (UTF-16, into `text`), or, with `end`, every
 * sentence overlapping [offset, end) — a whole line, say.
 */
export function explain(text: string, db: Database, config: EngineConfig = DEFAULT_CONFIG, offset: number, end = offset + 1): SentenceExplanation[] {
  const compiled = compile(db);
  const model = buildModel(text, compiled);
  const ctx = new RuleContext(model, compiled, config, new Set(CODES));
  const findings = analyze(text, db, config).findings;
  const out: SentenceExplanation[] = [];
  for (const pb of model.blocks) {
    for (const ref of ctx.refsOf(pb)) {
      const r = sourceRange(pb, ref.sentence.proseStart, ref.sentence.proseEnd);
      if (r.end <= offset || r.start >= end) continue;
      out.push(describe(ctx, ref, r, findings));
    }
  }
  return out;
}

function describe(ctx: RuleContext, ref: SentenceRef, r: { start: number; end: number }, all: readonly Finding[]): SentenceExplanation {
  const s = ref.sentence;
  const a = s.analysis;
  const byConcepts = ctx.conceptClaims(ref);
  const claims = ctx.claims(ref);
  const rec = ctx.recognition(ref);
  const seen = new Set<string>();
  const concepts = s.hits.filter((h) => !seen.has(h.concept) && seen.add(h.concept)).map((h) => ({ id: h.concept, words: s.text.slice(h.start, h.end) }));
  const grade = (id: string) => ctx.db.db.claims.get(id)?.grade ?? '';
  const explanation: SentenceExplanation = {
    start: r.start,
    end: r.end,
    text: s.text,
    concepts,
    conceptClaims: byConcepts.map((h) => ({ id: h.claim.id, grade: h.claim.grade, fromTopic: h.fromTopic })),
    claims: claims.map((h) => ({
      id: h.claim.id, grade: h.claim.grade, score: round(h.score),
      by: !h.learned ? 'concepts' : h.learned.concepts ? 'both' : 'recogniser',
    })),
    analysis: {
      certainty: round(a.certainty), negated: a.negated, hedged: a.hedged, boosted: a.boosted, attributed: a.attributed,
      question: a.question, hypothetical: a.hypothetical, population: a.population.kind,
      cues: a.cues.map((c) => ({ kind: c.kind, text: c.text })),
    },
    numbers: s.numbers.map((n) => ({ text: s.text.slice(n.start, n.end), kind: n.kind })),
    findings: all.filter((f) => f.start < r.end && f.end > r.start),
    referenceList: ctx.inReferenceList(ref),
    myth: ctx.statedAsMyth(ref),
  };
  if (rec) {
    const ids = new Set([...claims.map((h) => h.claim.id), ...rec.topics.slice(0, 3).map((t) => t.cls).filter((c) => ctx.db.db.claims.has(c))]);
    explanation.recogniser = {
      topics: rec.topics.slice(0, 5).map((t) => ({ id: t.cls, p: round(t.p) })),
      contradictionTopics: rec.contradictionTopics.slice(0, 3).map((t) => ({ id: t.cls, p: round(t.p) })),
      modality: rec.modalities.slice(0, 3).map((m) => ({ modality: m.cls, p: round(m.p) })),
      // Orientation is learned per claim: only for claims the recogniser was trained on.
      contradicts: Object.fromEntries([...ids].filter((id) => grade(id) && ctx.db.recognizer?.knownClasses.has(id)).map((id) => [id, round(rec.contradicts(id))])),
    };
  }
  return explanation;
}
