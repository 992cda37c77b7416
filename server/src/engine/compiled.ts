// The database prepared for fast matching: built once per Database object and cached.
import type { Caution, Claim, Contradiction, Database, Source } from '../db/schema.js';
import { ConceptIndex } from './concepts.js';

export interface CompiledContradiction extends Contradiction {
  claim: Claim;
  /** The claim's vetoes added to the contradiction's own: a contradiction lives inside its claim's topic. */
  allUnless: string[];
}

export interface CompiledDatabase {
  db: Database;
  index: ConceptIndex;
  claims: Claim[];
  contradictions: CompiledContradiction[];
  claimsByConcept: Map<string, Claim[]>;
  contradictionsByConcept: Map<string, CompiledContradiction[]>;
  cautions: Caution[];
  /** Concepts any claim, contradiction or caution needs: a document naming none of them is skipped. */
  anchorConcepts: Set<string>;
  /** Lower-cased DOIs and URLs of sources → source id, to recognise links as citations. */
  sourceByLink: Map<string, string>;
  source(id: string): Source | undefined;
}

const cache = new WeakMap<Database, CompiledDatabase>();

export function compile(db: Database): CompiledDatabase {
  let c = cache.get(db);
  if (c) return c;
  const claims = [...db.claims.values()];
  const contradictions = claims.flatMap((claim) => (claim.contradictions ?? []).map((x) => ({ ...x, claim, allUnless: [...(x.unless ?? []), ...(claim.unless ?? [])] })));
  // Claims and contradictions by the concepts that can anchor them in a sentence: a sentence is
  // checked only against records that share a concept with it.
  const claimsByConcept = new Map<string, Claim[]>();
  const contradictionsByConcept = new Map<string, CompiledContradiction[]>();
  const add = <T>(map: Map<string, T[]>, key: string, v: T) => { const l = map.get(key); if (!l) map.set(key, [v]); else if (!l.includes(v)) l.push(v); };
  for (const cl of claims) for (const k of [...cl.concepts, ...(cl.anyOf ?? [])]) add(claimsByConcept, k, cl);
  for (const x of contradictions) for (const k of [...x.concepts, ...(x.anyOf ?? [])]) add(contradictionsByConcept, k, x);
  const cautions = [...db.cautions.values()];
  const anchorConcepts = new Set<string>();
  for (const cl of claims) cl.concepts.forEach((x) => anchorConcepts.add(x));
  for (const x of contradictions) x.concepts.forEach((y) => anchorConcepts.add(y));
  for (const ca of cautions) ca.requiredWhen.forEach((w) => w.concepts.forEach((y) => anchorConcepts.add(y)));
  const sourceByLink = new Map<string, string>();
  for (const s of db.sources.values()) {
    if (s.DOI) sourceByLink.set(s.DOI.toLowerCase(), s.id);
    if (s.URL) sourceByLink.set(s.URL.toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, ''), s.id);
  }
  c = {
    db,
    index: new ConceptIndex(db.concepts.values()),
    claims,
    contradictions,
    claimsByConcept,
    contradictionsByConcept,
    cautions,
    anchorConcepts,
    sourceByLink,
    source: (id) => db.sources.get(id),
  };
  cache.set(db, c);
  return c;
}

/** The source id a link URL points to, if it is one of the database's sources. */
export function sourceForLink(c: CompiledDatabase, url: string): string | undefined {
  const u = url.toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, '');
  const doi = /(?:doi\.org\/|doi:)(10\.\S+)/.exec(u)?.[1] ?? (/(10\.\d{4,9}\/\S+)/.exec(u)?.[1]);
  if (doi && c.sourceByLink.has(doi)) return c.sourceByLink.get(doi);
  return c.sourceByLink.get(u);
}

/** Records sharing at least one concept with the sentence, in database order. */
export function candidates<T>(byConcept: Map<string, T[]>, all: T[], concepts: Set<string>): T[] {
  const set = new Set<T>();
  for (const c of concepts) for (const r of byConcept.get(c) ?? []) set.add(r);
  return set.size === all.length ? all : all.filter((r) => set.has(r));
}
