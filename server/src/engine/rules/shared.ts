// How each evidence grade reads in a message, and what the evidence allows a sentence to say.
import type { Claim, Grade } from '../../db/schema.js';
import type { SentenceRef } from '../context.js';
import { claimSubject } from '../pipeline/recognition.js';

export const GRADE_LABEL: Record<Grade, string> = {
  established: 'established',
  supported: 'supported',
  preliminary: 'preliminary',
  'preclinical-only': 'preclinical only',
  contested: 'contested',
};

/** Grades whose findings must not be stated as plain fact. */
export const WEAK_GRADES: ReadonlySet<Grade> = new Set(['preliminary', 'preclinical-only', 'contested']);


/** Does the sentence name the narrow population the evidence comes from? */
export function statesPopulation(claimPop: string, sentencePop: string): boolean {
  if (claimPop === 'animals' || claimPop === 'cells') return sentencePop === 'animals' || sentencePop === 'cells';
  return claimPop !== 'humans' && claimPop === sentencePop;
}

const PRESENT = /\b(?:is|are|has|have|does|do|can|will|works?|acts?|causes?|depends?|requires?|produces?|leads?|makes?|helps?|means?|gets?|gives?|keeps?|stays?|remains?|seems?|becomes?|goes|fix(?:es)?|heals?|cures?|treats?)\b/i;
const PAST = /\b(?:was|were|had|did|found|showed|reported|observed|responded|completed|received|rose|fell|saw|led)\b/i;
/** Is the -ed word at `at` a participle that opens the sentence, its phrase ending at a comma
 *  ("Dissolved under the tongue, they…")? A bold label ("Enhanced synaptic plasticity.") is not. */
function openingParticiple(text: string, at: number): boolean {
  return /^\W*$/.test(text.slice(0, at)) && /^\w+ed\b[^,.;:]{0,60},/.test(text.slice(at));
}
/** -ed words that are usually adjectives, not past-tense verbs ("depressed patients", "mushroom-shaped"). */
const ED_ADJECTIVE = /^(?:depressed|based|related|shaped|detailed|limited|advanced|skilled|trained|licensed|certified|supervised|unsupervised|repeated|prolonged|increased|reduced|decreased|elevated|impaired|sustained|combined|established|approved|untreated|treated|dedicated|concerned|interested|needed|used|called|named)$/i;
/** A present-tense verb after the treatment as subject ("Ketamine regrows…", "it restores…"). */
const TREATMENT_PRESENT = /(?:^\W*|[,;:]\s+|\b(?:that|and|but|so|because)\s+)(?:it|ketamine|esketamine|the (?:drug|medication|medicine|treatment|spray|infusion))\s+(?:\w+ly\s+)?(?!(?:was|has|does|plus|versus|thus|its|this)\b)[a-z]{2,}[^s\W]s\b/i;
/** "you're worried", "is approved", "feel relieved": after a present form of be (or feel, get, seem), an
 *  -ed word describes a state now, not what happened. */
const AFTER_PRESENT_BE = /\b(?:am|is|are|be|being|feel|feels|get|gets|seem|seems|become|becomes|stay|stays|remain|remains)\s+(?:(?:\w+ly|not|so|very|too)\s+)?$|[\u2019'](?:re|m|s)\s+(?:(?:\w+ly|not|so|very|too)\s+)?$/i;
/** A past-tense report of a result with no present-tense generalisation ("the improvement was smaller"). */
export function reportsResult(text: string): boolean {
  if (PRESENT.test(text) || TREATMENT_PRESENT.test(text)) return false;
  if (PAST.test(text)) return true;
  // A regular past-tense verb: an -ed word that is not part of a compound and not a common adjective.
  // Not a participle that opens the sentence ("Dissolved under the tongue, they…").
  for (const m of text.matchAll(/(?<![-\w])(\w{3,}ed)\b/g)) if (!ED_ADJECTIVE.test(m[1]!) && !openingParticiple(text, m.index!) && !AFTER_PRESENT_BE.test(text.slice(Math.max(0, m.index! - 24), m.index!))) return true;
  return false;
}

/** A message is at most about this long (one line in the Problems panel); the hover card holds the evidence. */
export const SHORT = 110;

/** `text` cut at a word boundary to `max` characters, with "..." (ASCII: see evidencePhrase). */
export function clip(text: string, max = SHORT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 3);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}...`;
}


/** "leaps to the claim that…", "the myth that…", "his idea that…": the proposition after it is named
 *  as someone's, for discussion, not asserted by the writer. */
const NAMED_PROPOSITION = /\b(?:the|this|that|his|her|their|its|a|an|one|our|your)\s+(?:(?:\w+\s+)?(?:claim|claims|idea|notion|assertion|belief|suggestion|myth|promise|contention|hypothesis|theory|view|narrative|talking point|slogan|pitch))\s+that\b/i;
export function namesProposition(text: string): boolean {
  return NAMED_PROPOSITION.test(text);
}

/** "This rules ketamine out as a miracle drug that cures everybody": what follows is denied. */
export const RULES_OUT = /\b(?:rul(?:e|es|ed|ing)|count(?:s|ed)?|write|writes|wrote)\s+(?:\S+\s+){0,3}?out\b/i;

/** Match probability from which concepts and recogniser together stand in for a verb the analyzer
 *  does not know as causal (overstated-certainty, extrapolated-evidence). */
export const SURE_MATCH = 0.9;

/** A study's or a writer's aim ("we wanted to check that…", "The purpose of this study is to
 *  determine the efficacy of…"): it names what will be tested and asserts none of it. */
export const RESEARCH_AIM = /\b(?:(?:wanted|aim(?:ed|s)?|set out|sought|seeks?|tried|plan(?:ned|s)?|hoped|designed|intends?|intended)\s+to\s+(?:check|see|test|find out|know|learn|assess|examine|determine|establish|confirm|show|understand|evaluate|investigate|compare|explore|measure)|(?:purpose|aim|goal|objective)s?\s+of\s+(?:this|the|our|that)\s+(?:(?:pilot|clinical|research|proposed)\s+)?(?:study|trial|research|project|protocol|proposal)\s+(?:is|was|are|were|will be)\s+to)\b/i;

/** A trial's own design: its arms and how patients were allocated to them ("randomised to ketamine or
 *  midazolam"). It describes research; it asserts no finding and combines no treatments. */
export const STUDY_DESIGN = /\b(?:randomi[sz]ed|randomly assigned|were assigned|allocated)\s+(?:\w+\s+){0,3}?(?:to|into|between)\b/i;

const QUOTE_PAIRS = /\u201c[^\u201c\u201d]*\u201d|"[^"]*"/g;
/** Is every span inside a quotation within the sentence ('the motion "This House would make ketamine a
 *  first-line treatment"')? Quoted words are someone else's: the writer names them, not asserts them. */
export function allQuoted(text: string, spans: ReadonlyArray<{ start: number }>): boolean {
  if (spans.length === 0 || (!text.includes('"') && !text.includes('\u201c'))) return false;
  const quoted = [...text.matchAll(QUOTE_PAIRS)].map((m) => [m.index!, m.index! + m[0].length] as const);
  return spans.every((h) => quoted.some(([s, e]) => h.start > s && h.start < e));
}

/** "wrongly described it as approved", "falsely claims that…": the writer names a statement to reject it. */
const REJECTED_REPORT = /\b(?:wrongly|falsely|incorrectly|mistakenly|erroneously|misleadingly)\s+(?:\w+\s+){0,2}?(?:said|says|say|stated|states|state|described|describes|describing|describe|called|calls|calling|call|claimed|claims|claiming|claim|reported|reports|suggested|suggests|implied|implies|labell?ed|presented|presents|listed|lists|referred|refers|gave|gives|printed|wrote|writes|identified)\b/i;
/** "calling the question \"essentially solved\"", "what some clinics label \"a cure\"", "the listing
 *  used to say the kit helps ketamine \"rebuild your brain\"": a quotation the sentence names someone
 *  else's words with. */
const NAMING_QUOTE = /\b(?:call(?:s|ed|ing)?|describ(?:es|ed|ing)|label(?:s|led|ling)?|term(?:s|ed|ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|hail(?:s|ed|ing)?|tout(?:s|ed|ing)?|say|says|said|claim(?:s|ed|ing)?|promis(?:e|es|ed|ing)|advertis(?:e|es|ed|ing))\b[^"\u201c.;]{0,40}$/i;

/** Does the sentence name the statement its hits make as someone else's, to reject or quote it? Every
 *  hit after a rejecting report ("wrongly described … as"), or some hit inside a quotation introduced
 *  by a naming verb ("calling the question \"essentially solved\""). */
export function reportedNotAsserted(text: string, spans: ReadonlyArray<{ start: number }>): boolean {
  if (spans.length === 0) return false;
  const rejected = REJECTED_REPORT.exec(text);
  if (rejected && spans.every((h) => h.start >= rejected.index + rejected[0].length)) return true;
  if (!text.includes('"') && !text.includes('\u201c')) return false;
  for (const m of text.matchAll(QUOTE_PAIRS)) {
    const s = m.index!, e = s + m[0].length;
    if (NAMING_QUOTE.test(text.slice(Math.max(0, s - 60), s)) && spans.some((h) => h.start > s && h.start < e)) return true;
  }
  return false;
}

/** Does the sentence only name the claim's words — every hit of the claim's concepts inside quotation
 *  marks, or the statement quoted or reported to be rejected — instead of asserting them? */
export function namesOnly(text: string, claim: Claim, hits: ReadonlyArray<{ concept: string; start: number }>): boolean {
  const named = new Set([...claim.concepts, ...(claim.anyOf ?? [])]);
  const own = hits.filter((h) => named.has(h.concept));
  if (own.length === 0) return false;
  if (allQuoted(text, own)) return true;
  // Quoted or rejected: what the claim says of its subject ("helps ketamine \"rebuild your brain\""),
  // not merely one of its words quoted in another clause ("texts call them \"mushroom-shaped\"").
  const subject = new Set(claimSubject(claim));
  const relation = own.filter((h) => !subject.has(h.concept));
  return relation.length > 0 && relation.every((h) => reportedNotAsserted(text, [h]));
}

/** A title ("The Use of Ketamine as an Anaesthetic During Electroconvulsive Therapy."): most of its
 *  longer words capitalised. It names a subject; it asserts nothing. */
export function titleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu);
  if (!words || words.length < 3 || words.length > 16) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised >= 3 && capitalised / words.length >= 0.75;
}

/** "If speed matters most, …", "If you ask me, …", "If anything, …" (meaning "rather"), "If you're
 *  having suicidal thoughts, …": a condition on the reader's wishes, state or the writer's voice, not
 *  on the finding; the clause after it still asserts. */
const PSEUDO_CONDITION = /^\W*(?:(?:so|and|but|now|then|plus|look|honestly)\s*,?\s+)?(?:if,?\s+anything\b|(?:if|when)\s+(?:(?:you(?:['\u2019]re| are)|they(?:['\u2019]re| are))\s+)?(?:asked|questioned|challenged|pressed)\b[^,:;]{0,60}[,:;]\s|(?:if|when)\s+you(?:['\u2019]re|['\u2019]ve|['\u2019]d| are| have| take| feel| struggle| suffer| live| read| would| prefer)\b[^,:;]{0,60}[,:;]\s|(?:if|when)\s+(?:(?:\w+\s+){0,3}?(?:matters?|is what (?:you|matters))|you(?:'re| are)? (?:ask(?:ing)? me|want|need|wonder|are looking|look for|care)|(?:you|we) (?:are|'re) honest|I(?:'m| am) honest|I(?:'m| am) being honest)\b[^,:;]{0,60}[,:;]\s)/i;

/** Does a condition suspend what the sentence says? The analyzer's hypothetical, unless the condition
 *  is only on the reader or the writer's voice (PSEUDO_CONDITION). */
export function conditioned(a: { hypothetical: boolean }, text: string): boolean {
  return a.hypothetical && !PSEUDO_CONDITION.test(text);
}

/** A clause coordinated after the first ("…, so I'll use the term if she explains it", "…; ask if you
 *  want more"), or a time clause ("once your doctor shows you how"): a condition or a reporting verb
 *  there bears on that clause, not on what the sentence's first clause states. */
const LATER_CLAUSE = /(?:;|,\s*(?:so|and|but|then)\b|\b(?:once|after|until|before|as soon as)\b)/i;
export function inLaterClause(text: string, at: number): boolean {
  return at > 0 && LATER_CLAUSE.test(text.slice(0, at));
}

const STRONG_MODAL = /^(?:will|would|must|shall|have to|has to|had to|need to|needs to|['\u2019]ll)$/i;
/** A clause boundary: punctuation, a coordinator or a relative pronoun. */
const CLAUSE_BREAK = /[,;:\u2014]|\b(?:and|but|while|whereas|which|who|that)\b/i;

/** Is every cue of `kind` (a negation, a hedge) in another clause than the claim's own words, within
 *  the first `limit` characters? "clinics are entirely unregulated … and routinely fail to provide
 *  follow-up", "the proven answer that nothing else has touched" (negations), "helps the brain form new
 *  connections, potentially providing long-term relief" (a hedge): the cue bears on something else.
 *  False when the claim has no words of its own in the sentence (the recogniser's alone), when there is
 *  no such cue, or when a contracted negation ("won't") has no cue to place it. */
export function onlyInOtherClauses(ref: SentenceRef, claim: Claim, kind: 'negation' | 'hedge', limit = Infinity): boolean {
  const text = ref.sentence.text;
  // Hedging includes the modals that soften ("may", "might", "could", "can"); not "will" or "must".
  const cues = ref.sentence.analysis.cues.filter((c) => c.start < limit && (c.kind === kind || (kind === 'hedge' && c.kind === 'modal' && !STRONG_MODAL.test(c.text))));
  if (cues.length === 0) return false;
  if (kind === 'negation' && /n['\u2019]t\b/i.test(text.slice(0, limit)) && !cues.some((c) => /n['\u2019]t\b/i.test(c.text))) return false;
  let first = Infinity, last = -1;
  for (const h of ref.sentence.hits) {
    if (!claim.concepts.includes(h.concept) && !claim.anyOf?.includes(h.concept)) continue;
    first = Math.min(first, h.start);
    last = Math.max(last, h.end);
  }
  if (last < 0) return false;
  return cues.every((c) => (c.start >= last && CLAUSE_BREAK.test(text.slice(last, c.start)))
    || (c.end <= first && CLAUSE_BREAK.test(text.slice(c.end, first))));
}
