// The database prepared for fast matching: built once per Database object and cached.
import type { Caution, Claim, Contradiction, Database, Source } from '../db/schema.js';
import { ConceptIndex } from './concepts.js';

export interface CompiledContradiction extends Contradiction {
  claim: Claim;
}

export interface CompiledDatabase {
  db: Database;
  index: ConceptIndex;
  claims: Claim[];
  contradictions: CompiledContradiction[];
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
  const contradictions = claims.flatMap((claim) => (claim.contradictions ?? []).map((x) => ({ ...x, claim })));
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
