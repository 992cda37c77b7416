// Study identity for figure-mismatch: what shows that a number in a sentence is the figure it is
// compared with, and what shows that it belongs to another subject or another protocol. A number
// is compared only with positive evidence; the evidence is said in the finding's reason.
import type { Claim, Figure } from '../../db/schema.js';
import type { CompiledDatabase } from '../compiled.js';
import { Level, type ClaimHit, type RuleContext, type SentenceRef } from '../context.js';
import type { Sentence } from '../pipeline/document-model.js';
import { agrees, comparable, type NumberMention } from '../figures.js';
import { claimSubject, namesSubject } from '../pipeline/recognition.js';
import { escapeRegExp } from '../regexp.js';

/** How a number was tied to a figure: `strong` evidence reports an error; the words say why. */
/** `named`: the sentence itself names the figure's source or study. */
export interface Identity { strong: boolean; evidence: string; named?: boolean }

/** Concepts that are some claim's subject (ketamine, esketamine): things a number can belong to. */
const subjectsOf = new WeakMap<CompiledDatabase, Set<string>>();
function subjects(db: CompiledDatabase): Set<string> {
  let s = subjectsOf.get(db);
  if (!s) subjectsOf.set(db, (s = new Set(db.claims.flatMap((c) => claimSubject(c)))));
  return s;
}

/** Concepts that name one study ("the naltrexone trial", "the Abdallah study"): by their label. */
const STUDY_LABEL = /\b(?:study|trial|review)\b/i;
/** Words a study concept matches that any trial's protocol uses ("in crossover fashion", "both arms"):
 *  they do not name that study. */
const DESIGN_WORDS = /^(?:(?:a|the|this|our)\s+)?(?:cross-?over|both)\b/i;
const isStudy = (ctx: RuleContext, concept: string) => STUDY_LABEL.test(ctx.db.db.concepts.get(concept)?.label ?? '');

/**
 * Another subject the sentence's number belongs to, in words ("esketamine"), or undefined. The
 * sentence names the claim's subject only through a narrower subject ("esketamine … since 1997"
 * for ketamine's anaesthetic history), or the claim's subject comes from the topic and the sentence
 * names a related one itself ("ketamine … approved in 1970" under an esketamine heading).
 */
export function otherSubject(ctx: RuleContext, ref: SentenceRef, claim: Claim): string | undefined {
  const all = subjects(ctx.db), own = new Set([...claim.concepts, ...(claim.anyOf ?? [])]);
  const hits = ref.sentence.hits, text = ref.sentence.text;
  for (const c of claimSubject(claim)) {
    if (hits.some((h) => h.concept === c && !h.implied)) continue;
    const related = (x: string) => ctx.db.db.concepts.get(x)?.broader?.includes(c) || ctx.db.db.concepts.get(c)?.broader?.includes(x);
    const other = hits.find((h) => !h.implied && h.concept !== c && !own.has(h.concept) && all.has(h.concept) && related(h.concept));
    if (other) return text.slice(other.start, other.end);
  }
  return undefined;
}

/**
 * Another protocol: a second quantity of the same claim (a dose, a duration) in the sentence
 * differs too ("0.25 mg/kg … over 1–2 minutes" against 0.5 mg/kg over 40 minutes). One misquote
 * beside a right figure is a misquote; two beside none describe another study's protocol.
 */
export function otherProtocol(ref: SentenceRef, claim: Claim, m: NumberMention, f: Figure): boolean {
  let differs = false;
  for (const n of ref.sentence.numbers) {
    if (n === m || (n.kind !== 'dose' && n.kind !== 'duration')) continue;
    for (const g of claim.figures ?? []) {
      if (g === f || g.kind === f.kind || !comparable(n, g)) continue;
      // "over 40 minutes" gives the duration, not a lower bound on it.
      if (agrees({ ...n, bound: undefined }, g)) return false;
      differs = true;
    }
  }
  return differs;
}

/** Journals a sentence may name as where a study appeared: the database's sources' journals, and the
 *  general medical journals writers cite by name. */
const JOURNAL_NAMES = /\b(?:JAMA(?: Psychiatry)?|(?:The )?Lancet(?: Psychiatry)?|New England Journal of Medicine|NEJM|BMJ|Nature(?: Medicine| Neuroscience)?|Molecular Psychiatry|Biological Psychiatry|(?:American |British )?Journal of (?:Clinical )?(?:Psychiatry|Psychopharmacology|Affective Disorders))\b/g;
const journalsOf = new WeakMap<CompiledDatabase, string[]>();
function databaseJournals(ctx: RuleContext): string[] {
  let j = journalsOf.get(ctx.db);
  if (!j) {
    j = [];
    for (const s of ctx.db.db.sources.values()) for (const t of [s['container-title'], s['container-title-short']]) if (t && s.type === 'article-journal') j.push(t);
    journalsOf.set(ctx.db, j);
  }
  return j;
}
const sameJournal = (a: string, b: string) => a.replace(/^the\s+/i, '').toLowerCase() === b.replace(/^the\s+/i, '').toLowerCase();

/**
 * Another study, by the journal the sentence says it appeared in ("a 2018 study in The American
 * Journal of Psychiatry" against the first trial, published in Biological Psychiatry), or undefined.
 */
export function otherJournal(ctx: RuleContext, ref: SentenceRef, claim: Claim, f: Figure): string | undefined {
  const text = ref.sentence.text;
  const named = [...text.matchAll(JOURNAL_NAMES)].map((m) => m[0]);
  for (const j of databaseJournals(ctx)) if (text.toLowerCase().includes(j.toLowerCase())) named.push(j);
  if (named.length === 0) return undefined;
  const own = ownSourceIds(claim, f).flatMap((id) => { const s = ctx.db.source(id); return [s?.['container-title'], s?.['container-title-short']]; }).filter((t): t is string => !!t);
  // A sentence that names the claim's own journal too may be comparing the two studies: not decided here.
  if (named.some((n) => own.some((o) => sameJournal(n, o)))) return undefined;
  return named[0];
}

/** The figure's source and the claim's sources, each once. */
function ownSourceIds(claim: Claim, f?: Figure): string[] {
  return [...new Set([...(f?.source ? [f.source.id] : []), ...claim.sources.map((s) => s.id)])];
}

/** Family names of the figure's source and the claim's sources ("Williams", "Berman"). */
function authorNames(ctx: RuleContext, claim: Claim, f?: Figure): string[] {
  return ownSourceIds(claim, f).flatMap((id) => (ctx.db.source(id)?.author ?? []).map((a) => a.family ?? '')).filter((n) => n.length > 2);
}

/**
 * The positive evidence that the number is the figure: the sentence names the figure's source or the
 * claim's study; or the figure's own cue word is next to the number and the sentence itself states the
 * claim (its subject named, referred back to, or given by the paragraph or a heading); or its kind is
 * self-evident for a claim the sentence names. A cue word that any count takes, or a claim whose
 * subject only the document's topic supplies, is partial evidence.
 */
export function identity(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit, f: Figure, cue: string | undefined, generic: boolean): Identity {
  const text = ref.sentence.text;
  const author = authorNames(ctx, hit.claim, f).find((n) => new RegExp(`\\b${escapeRegExp(n)}\\b`).test(text));
  if (author) return { strong: true, named: true, evidence: `the sentence names its source (${author})` };
  const design = (h: { start: number; end: number }) => DESIGN_WORDS.test(text.slice(h.start, h.end));
  const study = ref.sentence.hits.find((h) => !h.implied && hit.claim.concepts.includes(h.concept) && isStudy(ctx, h.concept) && !design(h));
  if (study) return { strong: true, named: true, evidence: `the sentence names the study ('${text.slice(study.start, study.end)}')` };
  const subject = claimSubject(hit.claim);
  // A study as the subject is named by its name, not by design words another protocol shares.
  const onlyDesign = subject.some((c) => {
    const own = ref.sentence.hits.filter((h) => h.concept === c && !h.implied);
    // …unless the paragraph before it or a heading has named the study ("13 of them finished both arms").
    return isStudy(ctx, c) && own.length > 0 && own.every(design) && !ctx.paragraphConcepts(ref).has(c) && !ctx.headingConcepts(ref.placed.section).has(c);
  });
  const stated = !onlyDesign && (namesSubject(ctx, ref, hit.claim) || subject.every((c) => ctx.level(ref, c) <= Level.Heading));
  const about = stated ? 'the sentence states the claim' : 'the claim comes from the document\'s topic';
  if (cue === undefined) return { strong: hit.fromTopic.length === 0, evidence: `its kind, in a sentence that names the claim` };
  return { strong: !generic && stated, evidence: `the figure's word '${cue}' beside it${generic ? ' (a word any count takes)' : ''}; ${about}` };
}

/** A researcher the text names as doing a study: "Dr. Luke Jelen's team found", "Samuel Wilkinson and
 *  colleagues", "led by Jelen", "Larkin et al.". The capture is the family name. A doctor is a
 *  researcher only with research words in the same clause (not the letter's writer, a chat's speaker). */
const RESEARCHER = /\b(?:(?:Dr|Prof|Professor)\.?\s+(?:\p{Lu}[\p{L}'\u2019-]+\s+){0,2}(\p{Lu}[\p{L}'\u2019-]+)(?=[^.!?;:\n]{0,60}?\b(?:stud(?:y|ies|ied)|trials?|research|team|lab|group|published|found|reported|showed|analy[sz]|examined|looked at|tested|ran)\b)|(\p{Lu}[\p{L}'\u2019-]+)\s+(?:and|&)\s+(?:colleagues|co-?workers|co-?authors|(?:his|her|their) (?:team|group|colleagues))|led by\s+(?:(?:Dr|Prof)\.?\s+)?(?:\p{Lu}[\p{L}'\u2019-]+\s+){0,2}(\p{Lu}[\p{L}'\u2019-]+)|(\p{Lu}[\p{L}'\u2019-]+)\s+et\s+al\b)/gu;
/** Pooled evidence: its numbers are the pool's, not one trial's. */
const POOLED = /\b(?:meta-?analys[ie]s|pooled analys[ie]s|pooled data)\b/i;
/** Prose paragraphs looked back over for another study (a news story introduces its trial, then reports it). */
const LOOK_BACK = 3;

/**
 * Another study the passage before the number introduces, in words ("Dr. Luke Jelen", "the American
 * Journal of Psychiatry", "a meta-analysis"), or undefined: the sentence's own paragraph, list item
 * or cell, and for a prose paragraph up to LOOK_BACK prose paragraphs before it in its section, name a
 * researcher who is not an author of the figure's sources, a journal
 * that is not theirs, or pooled evidence when the figure is not from pooled evidence, and name none
 * of the sources' own authors or journals. A web page about a later trial ("In this trial, 26
 * adults…") gives that trial's numbers without naming it again in each sentence.
 */
export function otherStudyBefore(ctx: RuleContext, ref: SentenceRef, claim: Claim, f?: Figure): string | undefined {
  const passage = passageBefore(ctx, ref);
  // The cheap test first (uncited-claim asks this of every note): no word that can introduce a study.
  if (!passage.some(mayIntroduceStudy)) return undefined;
  const authors = authorNames(ctx, claim, f).map((n) => n.toLowerCase());
  const ownNamed = authors.length ? wordsRegExp(authors) : undefined;
  const ownSources = ownSourceIds(claim, f).map((id) => ctx.db.source(id));
  const journals = ownSources.flatMap((s) => [s?.['container-title'], s?.['container-title-short']]).filter((t): t is string => !!t);
  const quantity = f?.quantity ?? claim.statement;
  const pooledOwn = POOLED.test(quantity) || /\breview\b/i.test(quantity) || ownSources.some((s) => POOLED.test(s?.title ?? ''));
  let other: string | undefined;
  for (const s of passage) {
    const text = s.text, lower = text.toLowerCase();
    // The sources' own study named in the passage: the numbers may be theirs.
    if (ownNamed?.test(lower) || journals.some((j) => lower.includes(j.toLowerCase()))) return undefined;
    if (other) continue;
    RESEARCHER.lastIndex = 0;
    for (let m = RESEARCHER.exec(text); m && !other; m = RESEARCHER.exec(text)) {
      const family = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
      if (!authors.includes(family.toLowerCase())) other = m[0];
    }
    other ??= [...text.matchAll(JOURNAL_NAMES)].map((j) => j[0]).find((j) => !journals.some((o) => sameJournal(j, o)));
    if (!other && !pooledOwn) other = POOLED.exec(text)?.[0];
    other ??= NEW_STUDY.exec(text)?.[0];
  }
  return other;
}

/** The sentences of the passage a sentence belongs to, up to it: its own paragraph, list item or
 *  cell, and for a prose paragraph up to LOOK_BACK prose paragraphs before it in its section. */
function passageBefore(ctx: RuleContext, ref: SentenceRef): Sentence[] {
  const out: Sentence[] = [];
  const blocks = ctx.model.blocks;
  const here = ref.placed;
  const prose = (pb: typeof here) => pb.block.kind === 'paragraph' && !pb.block.listItem && pb.block.row === undefined;
  for (let k = here.index; k >= 0 && here.index - k <= LOOK_BACK; k--) {
    const pb = blocks[k]!;
    if (k < here.index && (!prose(here) || !prose(pb) || pb.section !== here.section)) break;
    out.push(...(k === here.index ? pb.sentences.slice(0, ref.index + 1) : pb.sentences));
  }
  return out;
}

/** Any of the (lower-case) words, whole (compiled once per list). */
const wordLists = new Map<string, RegExp>();
function wordsRegExp(words: string[]): RegExp {
  const key = words.join('|');
  let re = wordLists.get(key);
  if (!re) wordLists.set(key, (re = new RegExp(`\\b(?:${words.map(escapeRegExp).join('|')})\\b`)));
  return re;
}

/** "A new study suggests…", "the latest trial": a study the database does not record (its sources are
 *  not new to anyone reading about them). */
const NEW = 'new|newer|recent|latest|just-published|forthcoming|upcoming';
const NEW_STUDY = new RegExp(String.raw`\b(?:a|an|the|this|one)\s+(?:${NEW})\s+(?:\w+\s+){0,2}?(?:study|trial|paper|report|analysis|review|research)\b`, 'i');
/** Words without which a sentence introduces no researcher, journal, pooled analysis or new study (memoised). */
const INTRODUCES = new RegExp(String.raw`\b(?:${NEW}|Dr|Prof|Professor|colleagues|co-?workers|co-?authors|team|group|led by|et al|meta-?analys[ie]s|pooled|Journal|JAMA|Lancet|NEJM|BMJ|Nature|Psychiatry)\b`, 'i');
const introduces = new WeakMap<Sentence, boolean>();
function mayIntroduceStudy(s: Sentence): boolean {
  let v = introduces.get(s);
  if (v === undefined) introduces.set(s, (v = INTRODUCES.test(s.text)));
  return v;
}

/** For each source of a claim with figures: its first author's family name, what may follow it up to
 *  the year ("et al. (2000)", "and colleagues, 2000"), and the claims. */
interface NamedSource { family: string; then: RegExp; claims: Claim[] }
const namedSourcesOf = new WeakMap<CompiledDatabase, NamedSource[]>();
function namedSources(ctx: RuleContext): NamedSource[] {
  let out = namedSourcesOf.get(ctx.db);
  if (!out) {
    const byKey = new Map<string, NamedSource>();
    for (const claim of ctx.db.figureClaims) {
      const ids = new Set([...claim.sources.map((s) => s.id), ...(claim.figures ?? []).flatMap((f) => (f.source ? [f.source.id] : []))]);
      for (const id of ids) {
        const s = ctx.db.source(id);
        const family = s?.author?.[0]?.family, year = s?.issued?.['date-parts']?.[0]?.[0];
        if (!family || family.length < 3 || typeof year !== 'number') continue;
        const key = `${family.toLowerCase()}|${year}`;
        const named = byKey.get(key) ?? { family, then: new RegExp(`^(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+(?:colleagues|co-?workers|\\p{Lu}[\\p{L}'\\u2019-]+))?,?\\s*[([]?\\s*${year}\\b`, 'u'), claims: [] };
        if (!named.claims.includes(claim)) named.claims.push(claim);
        byKey.set(key, named);
      }
    }
    namedSourcesOf.set(ctx.db, (out = [...byKey.values()]));
  }
  return out;
}

/**
 * Claims whose source the sentence names by its first author and year ("Berman et al. (2000)",
 * "Berman and colleagues, 2000", "Berman 2000"): the sentence reports that study, whatever words it
 * uses for the finding, so its numbers are that study's figures.
 */
export function claimsOfNamedSource(ctx: RuleContext, ref: SentenceRef): Claim[] {
  const text = ref.sentence.text;
  const out: Claim[] = [];
  for (const s of namedSources(ctx)) {
    const at = text.indexOf(s.family);
    if (at < 0) continue;
    if (s.then.test(text.slice(at + s.family.length, at + s.family.length + 40))) {
      for (const c of s.claims) if (!out.includes(c)) out.push(c);
    }
  }
  return out;
}
