// The database prepared for fast matching: built once per Database object and cached.
import type { Caution, Claim, Contradiction, Database, Source } from '../db/schema.js';
import { ConceptIndex } from './concepts.js';
import { recognizerOf, type Recognizer } from './recognition/recognizer.js';

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
  claimsByConcept: ByConcept<Claim>;
  contradictionsByConcept: ByConcept<CompiledContradiction>;
  /** Contradictions by id (the recogniser names them by id). */
  contradictionById: Map<string, CompiledContradiction>;
  /** Every concept id, and each one's position in that list (for counting in arrays). */
  conceptNames: string[];
  conceptNumber: Map<string, number>;
  /** Claims that state figures (checked by figure-mismatch). */
  figureClaims: Claim[];
  /** The figure claims indexed as claimsByConcept indexes them: its candidates that state figures. */
  figureClaimsByConcept: ByConcept<Claim>;
  cautions: Caution[];
  /** Concepts any claim, contradiction or caution needs: a document naming none of them is skipped. */
  anchorConcepts: Set<string>;
  /** Lower-cased DOIs and URLs of sources → source id, to recognise links as citations. */
  sourceByLink: Map<string, string>;
  source(id: string): Source | undefined;
  /** The learned recogniser, when the database holds the claims it was trained on (decoded on first use). */
  readonly recognizer: Recognizer | undefined;
}

const cache = new WeakMap<Database, CompiledDatabase>();

export function compile(db: Database): CompiledDatabase {
  let c = cache.get(db);
  if (c) return c;
  const claims = [...db.claims.values()];
  const contradictions = claims.flatMap((claim) => (claim.contradictions ?? []).map((x) => ({ ...x, claim, allUnless: [...(x.unless ?? []), ...(claim.unless ?? [])] })));
  // Claims and contradictions by a concept the sentence itself must name for them to apply: a
  // sentence is checked only against records it could meet.
  const claimKeys = anchorKeys(claims, (cl) => cl.topical ?? []);
  const claimsByConcept = new ByConcept(claims, claimKeys);
  const figureClaims = claims.filter((cl) => cl.figures?.length);
  const contradictionsByConcept = new ByConcept(contradictions, anchorKeys(contradictions, (x) => x.topical ?? x.claim.topical ?? []));
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
    contradictionById: new Map(contradictions.map((x) => [x.id, x])),
    figureClaims,
    figureClaimsByConcept: new ByConcept(figureClaims, claimKeys),
    conceptNames: [...db.concepts.keys()],
    conceptNumber: new Map([...db.concepts.keys()].map((id, i) => [id, i])),
    cautions,
    anchorConcepts,
    sourceByLink,
    source: (id) => db.sources.get(id),
    get recognizer() {
      // Trained on the embedded claims: used when the database has them (user packs may add others).
      const w = db.recognizer;
      const value = w && w.topic.classes.some((k) => db.claims.has(k)) ? recognizerOf(w) : undefined;
      Object.defineProperty(this, 'recognizer', { value });
      return value;
    },
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

/**
 * The concepts of which a sentence must name at least one for a record to apply (RuleContext.meets,
 * anchored): every concept the topic cannot supply is required, so one of them suffices as the key
 * (the one fewest records share keeps candidate lists short); when the topic may supply them all,
 * the sentence must still name one of the anyOf concepts, or else one of the concepts.
 */
function anchorKeys<T extends { concepts: string[]; anyOf?: string[] }>(records: readonly T[], topicalOf: (r: T) => readonly string[]): (r: T) => string[] {
  const shared = new Map<string, number>();
  for (const r of records) for (const c of r.concepts) shared.set(c, (shared.get(c) ?? 0) + 1);
  return (r) => {
    const topical = topicalOf(r);
    const required = r.concepts.filter((c) => !topical.includes(c));
    if (required.length) return [required.reduce((a, b) => (shared.get(b)! < shared.get(a)! ? b : a))];
    return r.anyOf?.length ? r.anyOf : r.concepts;
  };
}

/** Records indexed by the concepts that can anchor them, as bit sets over the records' order. */
export class ByConcept<T> {
  private readonly masks = new Map<string, Uint32Array>();
  private readonly words: number;
  constructor(readonly all: readonly T[], keys: (record: T) => string[]) {
    this.words = Math.ceil(all.length / 32) || 1;
    all.forEach((record, i) => {
      for (const k of keys(record)) {
        let m = this.masks.get(k);
        if (!m) this.masks.set(k, (m = new Uint32Array(this.words)));
        m[i >>> 5]! |= 1 << (i & 31);
      }
    });
  }

  /** Records sharing at least one concept with `concepts`, in database order. */
  candidates(concepts: ReadonlySet<string>): T[] {
    let union: Uint32Array | undefined;
    for (const c of concepts) {
      const m = this.masks.get(c);
      if (!m) continue;
      if (!union) union = m.slice();
      else for (let w = 0; w < this.words; w++) union[w]! |= m[w]!;
    }
    const out: T[] = [];
    if (!union) return out;
    for (let w = 0; w < this.words; w++) {
      for (let bits = union[w]!; bits !== 0; bits &= bits - 1) out.push(this.all[(w << 5) + 31 - Math.clz32(bits & -bits)]!);
    }
    return out;
  }
}
