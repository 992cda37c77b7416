// What the rules share, computed once per analysis: where a concept comes from (the sentence itself,
// the paragraph so far, the section headings, the document), the claims a sentence asserts
// (pipeline/recognition.ts), per-block facts, and the mapping from sentence offsets to the source.
import type { Claim } from '../db/schema.js';
import type { CompiledDatabase } from './compiled.js';
import type { ConceptHit } from './concepts.js';
import { blockConcepts, sourceRange, type DocModel, type PlacedBlock, type Sentence } from './pipeline/document-model.js';
import type { CitationRef } from './markdown.js';
import type { EngineConfig, FindingReason } from './types.js';
import { cautionBits } from './cautions.js';
import { blockHasCitation, isReferenceEntry } from './citing.js';
import { lineEnding, moveFinding } from './fixes.js';
import { labelLength } from './sentences.js';
import type { Draft } from './rules/rule.js';
import type { Recognition } from './recognition/recognizer.js';
import { aboutSubject, conceptClaims, Level, namesSubject, recognizeSentence, sentenceClaims, subjectOnlyCompared, topicClaims } from './pipeline/recognition.js';

/** Words that call what follows false, or put it up to be judged true or false (a quiz's "True or false:"). */
const MYTH = String.raw`(?:myths?|misconceptions?|misbeliefs?|fictions?|falsehoods?|rumou?rs?|false|untrue|busted|(?:true|fact|myth|truth)\s+or\s+(?:false|fiction|myth|fact|truth))`;
/** A label made of one: "Myth:", "Common misconception #3:", "FALSE:", "True or false:". */
const MYTH_LABEL = new RegExp(String.raw`^\W*(?:(?:a|the|another|common|popular|persistent|big|biggest|top)\s+){0,2}${MYTH}(?:\s*(?:#\s*)?\d{1,2})?\W*:\s*$`, 'i');
const MYTH_WORD = new RegExp(String.raw`\b${MYTH}\b`, 'i');
const BRACKETED_NOTE = /^\s*\[[^[\]\n]*\]\s*$/;
const NONE: readonly string[] = [];
/** What `meets` returns when the sentence names every concept itself (shared: never modified). */
const NONE_FROM_TOPIC: string[] = [];

export { Level };

/** A sentence where it occurs: identical chunks share Sentence objects, each occurrence has its own ref. */
export interface SentenceRef {
  /** The placed block the sentence is in. */
  placed: PlacedBlock;
  sentence: Sentence;
  /** Index of the sentence in its block. */
  index: number;
}

export interface ClaimHit {
  claim: Claim;
  score: number;
  /** Set when the learned recogniser (not the claim's concepts) matched the claim: its probability
   *  and the sentence features that pointed to it. */
  learned?: { p: number; concepts: boolean };
  /** How many concepts the claim needs: more specific claims win ties. */
  specificity: number;
  /** Concepts supplied by the topic rather than the sentence. */
  fromTopic: string[];
}

/** Concept requirements shared by claims, contradictions and cautions. */
export interface Requirement {
  concepts: string[];
  anyOf?: string[];
  unless?: string[];
}

/** What a citation record last gave unknown-citation: its finding, or null, for one database and
 *  one answer to "is there a footnote definition of this key". */
export interface CitationVerdict { db: object; defined: boolean; draft: Draft | null }

/** What the cache layer (incremental/) keeps for the rule context across versions of a document. */
export interface ContextReuse {
  /** Per citation record (records live across versions and move with their unit): its verdict.
   *  Reusing the finding object keeps its identity, so the server reuses its diagnostic too. */
  readonly citationVerdicts: WeakMap<CitationRef, CitationVerdict>;
}

export class RuleContext {

  private readonly headingCache = new Map<number, Set<string>>();
  // Keyed by sentence reference, not by sentence: identical chunks share their Sentence objects,
  // and each occurrence has its own context (the paragraph before it, its list).
  private readonly claimCache = new Map<SentenceRef, ClaimHit[]>();
  private readonly claimCacheDoc = new Map<SentenceRef, ClaimHit[]>();

  /**
   * @param codes the diagnostic codes that exist (directives naming others are invalid)
   */
  constructor(
    readonly model: DocModel, readonly db: CompiledDatabase, readonly config: EngineConfig, readonly codes: ReadonlySet<string> = new Set(),
    /** With a per-document cache: what earlier versions' contexts left to reuse. */
    private readonly reuse?: ContextReuse,
  ) {}

  private _anchored?: boolean;
  /** Does the document name a concept some claim, contradiction or caution needs? If not, no
   *  sentence can match anything. */
  get anchored(): boolean {
    return (this._anchored ??= [...this.db.anchorConcepts].some((c) => this.model.concepts.has(c)));
  }

  /** References to a block's sentences. A placed block outlives one run when its unit is reused:
   *  so do its references. */
  refsOf(pb: PlacedBlock): SentenceRef[] {
    return (pb.refs ??= pb.sentences.map((sentence, index) => ({ placed: pb, sentence, index })));
  }

  private _dominant?: Set<string>;
  /** Concepts the document is about: named in its first heading or in at least two blocks. A concept
   *  mentioned once in passing does not become the topic of every sentence. */
  dominant(): Set<string> {
    if (this._dominant) return this._dominant;
    const set = new Set<string>([...this.model.blockCounts].filter(([, n]) => n >= 2).map(([c]) => c));
    const first = this.model.blocks.find((b) => b.block.kind === 'heading');
    first?.sentences.forEach((s) => s.concepts.forEach((c) => set.add(c)));
    return (this._dominant = set);
  }

  /** Concepts of a section's heading and the headings above it. */
  headingConcepts(section: number): Set<string> {
    return section < 0 ? new Set() : this.headings(section);
  }

  private headings(section: number): Set<string> {
    let set = this.headingCache.get(section);
    if (set) return set;
    set = new Set<string>();
    for (let k = section; k >= 0; k = this.model.sections[k]!.parent) {
      const hb = this.model.blocks[this.model.sections[k]!.headingBlock];
      if (hb) for (const s of hb.sentences) s.concepts.forEach((c) => set!.add(c));
    }
    this.headingCache.set(section, set);
    return set;
  }

  /** Nearest level at which `concept` is available to this sentence. */
  level(ref: SentenceRef, concept: string): Level {
    if (ref.sentence.concepts.has(concept)) return Level.Sentence;
    if (this.inParagraph(ref, concept)) return Level.Paragraph;
    if (ref.placed.section >= 0 && this.headings(ref.placed.section).has(concept)) return Level.Heading;
    if (this.dominant().has(concept)) return Level.Document;
    return Level.None;
  }

  /** Per block's sentences: each concept and the first sentence that names it. */
  private readonly firstNamed = new Map<Sentence[], Map<string, number>>();
  private readonly blockContext = new Map<PlacedBlock, Set<string>>();
  /**
   * Whether the sentence's paragraph supplies `concept`: an earlier sentence of its block; for a
   * table cell, up to six earlier cells (the row's first cell usually names the subject); for a
   * list item, the earlier items of its list and the paragraph that leads into it. Answered from
   * where each concept is first named, so that a block of many sentences costs one pass.
   */
  private inParagraph(ref: SentenceRef, concept: string): boolean {
    const k = this.firstNamedIn(ref.placed).get(concept);
    return (k !== undefined && k < ref.index) || this.contextOf(ref.placed).has(concept);
  }

  /** The concepts the sentence's paragraph supplies (see inParagraph), as a set: bounded by the
   *  database's concepts, so a block of many sentences stays linear. Sentences of a block after
   *  the same concepts share one set (read-only). */
  paragraphConcepts(ref: SentenceRef): ReadonlySet<string> {
    const first = this.firstNamedIn(ref.placed);
    // Concepts are recorded in the order they are first named: those named before the sentence come first.
    let n = 0;
    for (const k of first.values()) {
      if (k >= ref.index) break;
      n++;
    }
    let sets = this.paragraphSets.get(ref.placed);
    if (!sets) this.paragraphSets.set(ref.placed, (sets = new Map()));
    let out = sets.get(n);
    if (!out) {
      const set = new Set(this.contextOf(ref.placed));
      let i = 0;
      for (const c of first.keys()) {
        if (i++ >= n) break;
        set.add(c);
      }
      sets.set(n, (out = set));
    }
    return out;
  }
  private readonly paragraphSets = new Map<PlacedBlock, Map<number, ReadonlySet<string>>>();

  /** Each concept of a block's sentences and the first sentence that names it. */
  private firstNamedIn(pb: PlacedBlock): Map<string, number> {
    const sentences = pb.sentences;
    let first = this.firstNamed.get(sentences);
    if (!first) {
      first = new Map();
      for (let k = 0; k < sentences.length; k++) for (const c of sentences[k]!.concepts) if (!first.has(c)) first.set(c, k);
      this.firstNamed.set(sentences, first);
    }
    return first;
  }

  /** What a block takes from the blocks before it: earlier table cells, or its list's items and lead-in. */
  private contextOf(pb: PlacedBlock): Set<string> {
    let set = this.blockContext.get(pb);
    if (!set) {
      set = new Set<string>();
      if (pb.block.kind === 'tableCell') {
        for (let b = pb.index - 1, n = 0; b >= 0 && n < 6; b--, n++) {
          const prev = this.model.blocks[b]!;
          if (prev.block.kind !== 'tableCell') break;
          blockConcepts(prev).forEach((c) => set!.add(c));
        }
      }
      if (pb.block.listItem) this.listContext(pb).forEach((c) => set!.add(c));
      this.blockContext.set(pb, set);
    }
    return set;
  }

  /**
   * What a block takes from the blocks before it, as one string: for a list item, its list's
   * earlier items and lead-in; for a table cell, the earlier cells. A unit that starts with such a
   * block depends on the unit before it, so this is part of its cache key.
   */
  inheritedConcepts(pb: PlacedBlock): string {
    if (pb.block.listItem) return [...this.listContext(pb)].sort().join(',');
    if (pb.block.kind !== 'tableCell') return '';
    const set = new Set<string>();
    for (let b = pb.index - 1, n = 0; b >= 0 && n < 6; b--, n++) {
      const prev = this.model.blocks[b]!;
      if (prev.block.kind !== 'tableCell') break;
      blockConcepts(prev).forEach((c) => set.add(c));
    }
    return [...set].sort().join(',');
  }

  private readonly listCache = new Map<PlacedBlock, Set<string>>();
  /** Concepts of the blocks before a list item that belong to its list: the earlier items and the
   *  lead-in paragraph, within its section. Built from the nearest item already known, so a long
   *  list costs one pass. */
  private listContext(pb: PlacedBlock): Set<string> {
    const known = this.listCache.get(pb);
    if (known) return known;
    // Walk back to the start of the list context (or to an item already done), then forward.
    const chain: PlacedBlock[] = [pb];
    let base = new Set<string>();
    for (let cur = pb; ; ) {
      const prev = cur.index > 0 ? this.model.blocks[cur.index - 1]! : undefined;
      if (!prev || prev.section !== cur.section || prev.block.kind === 'heading') break;
      if (!prev.block.listItem) { base = new Set(blockConcepts(prev)); break; }
      const done = this.listCache.get(prev);
      if (done) { base = new Set([...done, ...blockConcepts(prev)]); break; }
      chain.push(prev);
      cur = prev;
    }
    // chain[last] is the earliest item: its context is `base`; each later item adds the one before it.
    let ctx = base;
    for (let i = chain.length - 1; i >= 0; i--) {
      if (i < chain.length - 1) {
        ctx = new Set(ctx);
        blockConcepts(chain[i + 1]!).forEach((c) => ctx.add(c));
      }
      this.listCache.set(chain[i]!, ctx);
    }
    return this.listCache.get(pb)!;
  }

  /**
   * Does the sentence meet a requirement? Concepts in `topical` may come from the topic up to
   * `maxLevel`; anyOf must be in the sentence; unless vetoes. Returns the topic-supplied concepts.
   */
  meets(ref: SentenceRef, req: Requirement, topical: readonly string[] = NONE, maxLevel: Level = Level.Document, anchored = true): string[] | null {
    // Loops, not closures: this runs for every candidate claim of every sentence.
    const concepts = ref.sentence.concepts;
    if (req.unless) for (const u of req.unless) if (concepts.has(u)) return null;
    // Unanchored (figures only): relation words may also come from the paragraph or headings.
    if (req.anyOf && req.anyOf.length) {
      let any = false;
      for (const a of req.anyOf) if (concepts.has(a) || (!anchored && this.level(ref, a) <= Level.Heading)) { any = true; break; }
      if (!any) return null;
    }
    let fromTopic: string[] | undefined;
    for (const c of req.concepts) {
      if (concepts.has(c)) continue;
      if (topical.includes(c) && this.level(ref, c) <= maxLevel) { (fromTopic ??= []).push(c); continue; }
      return null;
    }
    // The sentence itself must name something the requirement is about, not only relation words.
    if (anchored && (fromTopic?.length ?? 0) === req.concepts.length) return null;
    return fromTopic ?? NONE_FROM_TOPIC;
  }

  private readonly topicClaimCache = new Map<SentenceRef, ClaimHit[]>();
  /** Claims whose subject the sentence's section or paragraph supplies entirely (pipeline/recognition.ts). */
  topicClaims(ref: SentenceRef): ClaimHit[] {
    let hits = this.topicClaimCache.get(ref);
    if (!hits) this.topicClaimCache.set(ref, (hits = topicClaims(this, ref)));
    return hits;
  }

  /** Claims the sentence asserts, best first (pipeline/recognition.ts). Topical concepts come from
   *  the paragraph and the section headings; `Level.Document` also accepts the document's dominant topic. */
  claims(ref: SentenceRef, maxLevel: Level = Level.Heading): ClaimHit[] {
    const cache = maxLevel === Level.Heading ? this.claimCache : this.claimCacheDoc;
    let hits = cache.get(ref);
    if (!hits) cache.set(ref, (hits = sentenceClaims(this, ref, maxLevel)));
    return hits;
  }

  /** The concept matcher alone: claims whose concepts the sentence (or its topic) names. */
  conceptClaims(ref: SentenceRef, maxLevel: Level = Level.Heading): ClaimHit[] {
    return conceptClaims(this, ref, maxLevel);
  }

  /** Is the claim's subject named in the sentence only as a point of comparison? */
  subjectOnlyCompared(ref: SentenceRef, claim: Claim): boolean {
    return subjectOnlyCompared(ref, claim);
  }

  /** Does the sentence itself name the claim's subject, or refer back to it ("It", "The drug")? */
  namesSubject(ref: SentenceRef, claim: Claim): boolean {
    return namesSubject(this, ref, claim);
  }

  /** Is the sentence about the claim's subject: named in the sentence, its paragraph or headings? */
  aboutSubject(ref: SentenceRef, claim: Claim, maxLevel: Level = Level.Heading): boolean {
    return aboutSubject(this, ref, claim, maxLevel);
  }

  private readonly recognitions = new Map<SentenceRef, Recognition | null>();
  /** What the learned recogniser makes of the sentence (null without a recogniser for this database). */
  recognition(ref: SentenceRef): Recognition | null {
    let r = this.recognitions.get(ref);
    if (r === undefined) this.recognitions.set(ref, (r = recognizeSentence(this, ref)));
    return r;
  }

  private readonly noted = new Map<number, Set<string>>();
  /**
   * Records that a sentence gets the note about `claimId` for its paragraph or list, unless an
   * earlier sentence of that group already got it (sentences are checked in document order): one
   * note per claim per argument, on the first sentence that qualifies for it.
   */
  noteOnce(ref: SentenceRef, claimId: string): boolean {
    const group = this.groupStart(ref.placed);
    let set = this.noted.get(group);
    if (!set) this.noted.set(group, (set = new Set()));
    if (set.has(claimId)) return false;
    set.add(claimId);
    return true;
  }

  /** Index of the first block of a block's paragraph group: itself, or the first item of its list
   *  (list items of one list in one section follow each other). */
  private groupStart(pb: PlacedBlock): number {
    let i = pb.index;
    if (!pb.block.listItem) return i;
    while (i > 0) {
      const prev = this.model.blocks[i - 1]!;
      if (!prev.block.listItem || prev.section !== pb.section) break;
      i--;
    }
    return i;
  }

  private readonly referenceSections = new Map<number, boolean>();
  /** Is the sentence in a References / Bibliography / Further reading section, or in a block shaped like a
   *  bibliography entry? Entries cite, they do not claim. */
  inReferenceList(ref: SentenceRef): boolean {
    return this.isReferenceSection(ref.placed.section) || isReferenceEntry(ref.placed.block.text);
  }

  /** Is the sentence in a bracketed production or editorial note ("[B-ROLL: spines regrowing]",
   *  "[Music]")? A direction to someone, not a statement to the reader. */
  inBracketedNote(ref: SentenceRef): boolean {
    return BRACKETED_NOTE.test(ref.placed.block.text);
  }

  /** Is the sentence labelled as a myth ("**Myth:** Ketamine has no side effects.", "Misconception #2:")
   *  or put to the reader to judge ("True or false: …")? A myth-versus-fact card names the false
   *  statement in order to correct it; a quiz names it in order to ask. */
  statedAsMyth(ref: SentenceRef): boolean {
    // The cheap test first: this runs for every sentence that names a concept.
    if (!MYTH_WORD.test(ref.sentence.text.slice(0, 60))) return false;
    const n = labelLength(ref.sentence.text);
    return n > 0 && MYTH_LABEL.test(ref.sentence.text.slice(0, n));
  }

  /** Is section `sec` (or one it is under) a References / Bibliography / Further reading section? */
  isReferenceSection(sec: number): boolean {
    if (sec < 0) return false;
    let v = this.referenceSections.get(sec);
    if (v === undefined) {
      v = false;
      for (let k = sec; k >= 0; k = this.model.sections[k]!.parent) {
        if (/^\W*(references?|bibliography|sources|works cited|further reading|citations|literature|reading list)\b/i.test(this.model.sections[k]!.heading)) { v = true; break; }
      }
      this.referenceSections.set(sec, v);
    }
    return v;
  }

  /** Citations lying within source range [start, end). */
  private sortedCitations?: CitationRef[];
  citationsIn(start: number, end: number): CitationRef[] {
    const list = (this.sortedCitations ??= [...this.model.citations].sort((a, b) => a.start - b.start));
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: CitationRef[] = [];
    for (let i = lo; i < list.length && list[i]!.start < end; i++) if (list[i]!.end <= end) out.push(list[i]!);
    return out;
  }

  /** Is a concept hit (offsets relative to the sentence) inside one of the sentence's negation scopes? */
  negated(ref: SentenceRef, hit: { start: number; end: number }): boolean {
    return ref.sentence.analysis.negationScopes.some((sc) => hit.start >= sc.start && hit.end <= sc.end);
  }

  /** Why a sentence finding is about `claim`: the words of its concepts, the recogniser's view,
   *  and the cue that made it a finding. */
  reason(ref: SentenceRef, hit: ClaimHit | undefined, cue?: { kind: string; text: string }): FindingReason {
    const out: FindingReason = {};
    if (hit) {
      const claim = hit.claim;
      out.claim = { id: claim.id, grade: claim.grade };
      const named = new Set([...claim.concepts, ...(claim.anyOf ?? [])]);
      const concepts: Array<{ id: string; words: string }> = [];
      for (const h of ref.sentence.hits) {
        if (!named.has(h.concept) || concepts.some((c) => c.id === h.concept)) continue;
        concepts.push({ id: h.concept, words: ref.sentence.text.slice(h.start, h.end) });
      }
      for (const c of hit.fromTopic) concepts.push({ id: c, words: '(from the topic)' });
      out.matched = { concepts };
      const r = this.recognition(ref);
      if (hit.learned) out.matched.recogniser = { p: Math.round(hit.learned.p * 100) / 100, features: r ? r.evidenceFor(claim.id).slice(0, 5) : [] };
      if (r) out.stance = { modality: r.modality, contradicts: Math.round(r.contradicts(claim.id) * 100) / 100 };
    }
    if (cue) out.cue = cue;
    return out;
  }

  /** Length of the sentence's lead label ("Maya (3:14 PM):", "Answer:", "**mTOR Pathway
   *  Activation**:", ":: "), which findings start after and fixes keep. A lead in sentence case that
   *  names two things the database knows ("Ketamine stops suicidal thoughts: …") is the claim's
   *  headline, not a label. */
  leadLength(ref: SentenceRef): number {
    const n = labelLength(ref.sentence.text);
    if (n === 0) return 0;
    // Words of the label that name concepts ("Response" names two concepts, but is one word).
    const named = new Set(ref.sentence.hits.filter((h) => h.start < n).map((h) => h.start));
    const titleCase = !/\s\p{Ll}[\p{L}-]{3,}/u.test(ref.sentence.text.slice(0, n));
    return named.size >= 2 && !titleCase ? 0 : n;
  }

  /** Source range of a span of the sentence (offsets relative to the sentence text). The whole
   *  sentence starts after a lead label ("**Maya (3:14 PM):**", "Answer:"): the claim is what follows. */
  range(ref: SentenceRef, start = this.leadLength(ref), end = ref.sentence.text.length): { start: number; end: number } {
    return sourceRange(ref.placed, ref.sentence.proseStart + start, ref.sentence.proseStart + end);
  }

  /** First hit, in the sentence, of any of the concepts. */
  firstHit(ref: SentenceRef, concepts: Iterable<string>): ConceptHit | undefined {
    const want = new Set(concepts);
    return ref.sentence.hits.filter((h) => want.has(h.concept)).sort((a, b) => a.start - b.start)[0];
  }

  private _footnoteKeys?: Set<string>;
  /** The keys of the document's footnote definitions. */
  get footnoteKeys(): Set<string> {
    return (this._footnoteKeys ??= new Set(this.model.footnotes.map((f) => f.key)));
  }

  private _lineEnding?: string;
  /** The line ending fixes insert (fixes.ts lineEnding). */
  get lineEnding(): string {
    return (this._lineEnding ??= lineEnding(this.model.text));
  }

  /**
   * The cautions a block matters to (cautions.ts), kept on the placed block: it lives as long as its
   * unit's analysis, so an edit does not re-examine the blocks of units it did not touch.
   */
  cautionBits(pb: PlacedBlock): readonly number[] {
    return (pb.cautions ??= cautionBits(this, pb, this.db.cautions));
  }

  /** Per block, whether it cites a source in any form (citing.ts): a block of many claims is scanned once. */
  private readonly cited = new Map<PlacedBlock, boolean>();
  blockCited(pb: PlacedBlock): boolean {
    let answer = this.cited.get(pb);
    if (answer === undefined) this.cited.set(pb, (answer = blockHasCitation(this, pb)));
    return answer;
  }

  /**
   * unknown-citation's finding for a citation record (`judge` makes it): with a cache, the last
   * verdict on the same record is reused while the database and `defined` are the same, moved to
   * where the record now is.
   */
  citationVerdict(c: CitationRef, defined: boolean, judge: () => Draft | null): Draft | null {
    const verdicts = this.reuse?.citationVerdicts;
    if (!verdicts) return judge();
    const memo = verdicts.get(c);
    if (memo && memo.db === this.db && memo.defined === defined) {
      const draft = memo.draft;
      if (draft && draft.start !== c.start) moveFinding(draft, c.start - draft.start);
      return draft;
    }
    const draft = judge();
    verdicts.set(c, { db: this.db, defined, draft });
    return draft;
  }
}
