// overstated-certainty: the sentence states a claim more strongly than its evidence grade allows.
import { Level, type ClaimHit, type RuleContext, type SentenceRef } from '../context.js';
import { claimSources, lowerFirst, replaceSpanFix } from '../fixes.js';
import { claimSubject, wordCount } from '../pipeline/recognition.js';
import type { Fix } from '../types.js';
import { allQuoted, clip, conditioned, GRADE_LABEL, namesOnly, namesProposition, onlyInOtherClauses, reportedNotAsserted, reportsResult, RESEARCH_AIM, RULES_OUT, statesPopulation, SURE_MATCH, titleCase, WEAK_GRADES } from './shared.js';
import type { Draft, Rule } from './rule.js';

/** Certainty (Pei & Jurgens scale) at or above which an unhedged sentence reads as fact. */
const FACT_CERTAINTY = 4.2;

/** Replacements that keep the sentence's grammar while lowering its certainty. */
const SOFTER: Array<[RegExp, string]> = [
  [/^(definitively|conclusively|clearly|undeniably|unquestionably|certainly|undoubtedly|definitely|absolutely|categorically|indisputably|irrefutably)\s*$/i, ''],
  [/^proves?$/i, 'suggests'], [/^proven$/i, 'suggested'], [/^proved$/i, 'suggested'],
  [/^(shown|demonstrated|established|confirmed)$/i, 'suggested'],
  [/^(shows|demonstrates|establishes|confirms)$/i, 'suggests'],
  [/^(showed|demonstrated|established|confirmed)$/i, 'suggested'],
  [/^(showing|demonstrating|establishing|confirming|proving)$/i, 'suggesting'],
  [/^(show|demonstrate|establish|confirm|prove)$/i, 'suggest'],
];

function softenFix(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit, cue?: { start: number; end: number; text: string }): Fix | undefined {
  if (cue) {
    for (const [re, repl] of SOFTER) {
      if (!re.test(cue.text)) continue;
      // Deleting an adverb takes one neighbouring space with it.
      const { start } = cue;
      let { end } = cue;
      if (repl === '') {
        // An adverb beside a proof verb ("showed conclusively", "clearly demonstrates"): soften the
        // verb and drop the adverb, or the verb alone would still claim proof.
        const t = ref.sentence.text;
        const before = /(\b\w+)\s+$/.exec(t.slice(Math.max(0, start - 20), start));
        const after = /^\s+(\w+)\b/.exec(t.slice(end, end + 20));
        const beside: Array<[string, number, number]> = [];
        if (before) beside.push([before[1]!, start - before[0].length, start]);
        if (after) beside.push([after[1]!, end, end + after[0].length]);
        for (const [verb, vs, ve] of beside) {
          const softer = SOFTER.find(([r, x]) => x !== '' && r.test(verb))?.[1];
          if (!softer) continue;
          const s0 = Math.min(start, vs), e0 = Math.max(end, ve);
          return replaceSpanFix(ctx, ref, s0, e0, softer, `Soften '${t.slice(s0, e0).trim()}' to '${softer}'`, 'soften', false);
        }
        if (t[end] === ' ') end++;
      }
      return replaceSpanFix(ctx, ref, start, end, repl, repl ? `Soften '${cue.text}' to '${repl}'` : `Remove '${cue.text}'`, 'soften', false);
    }
  }
  // A booster or generaliser that no word swap softens stays whatever leads the sentence.
  if (cue) return undefined;
  // No single word to soften: say how strong the evidence is before the sentence. (The claim's
  // supported wording is shown in the hover: it is a phrase for the writer, not a sentence to splice.)
  const lead = HEDGE_LEAD[hit.claim.grade];
  const t = ref.sentence.text;
  // "Early evidence suggests that I agree with…" says nothing: an endorsement is the writer's to reword.
  if (ENDORSED.test(t)) return undefined;
  const at = ctx.leadLength(ref);
  const first = /^\S+/.exec(t.slice(at))?.[0] ?? '';
  if (!lead || !first || ref.placed.block.kind === 'heading') return undefined;
  // "This study found that…": the report is what claims too much; "Early evidence suggests that this
  // study found…" would garble it (real-world set 12). Soften the reporting verb instead.
  const report = STUDY_FOUND.exec(t.slice(at));
  if (report) {
    const verb = report[2]!, vs = at + report[1]!.length;
    const softer = /(?:ed|ound)$/i.test(verb) ? 'suggested' : /s$/i.test(verb) ? 'suggests' : 'suggest';
    return replaceSpanFix(ctx, ref, vs, vs + verb.length, softer, `Soften '${verb}' to '${softer}'`, 'soften', false);
  }
  return replaceSpanFix(ctx, ref, at, at + first.length, `${lead} ${lowerFirst(first)}`, `Hedge: '${lead}...'`, 'soften', false);
}

/** A sentence that opens by reporting what a study found ("This study found that", "The researchers showed that"). */
const STUDY_FOUND = /^(\W*(?:this|the|that|one|a|an|our|their|his|her)\s+(?:[\w-]+\s+){0,2}?(?:study|trial|research|paper|report|analysis|experiment|review|researchers|scientists|authors|team|investigators)\s+)(found|finds|find|showed|shows|show|demonstrated|demonstrates|demonstrate|proved|proves|prove|established|establishes|confirmed|confirms|revealed|reveals)\s+that\b/i;

/** A lead that says what the evidence of a grade allows ("early evidence suggests that..."). */
const HEDGE_LEAD: Partial<Record<string, string>> = {
  preliminary: 'Early evidence suggests that',
  'preclinical-only': 'Animal studies suggest that',
  contested: 'Some studies suggest that',
};

/** Boosters that claim proof: too strong even for well-supported (not established) findings. */
const PROOF = /prov|proof|definitiv|conclusiv|undeniab|indisputab|unquestionab|unequivocal|irrefutab|incontrovertib|beyond (?:any |a )?(?:doubt|question|dispute)|without (?:a )?(?:doubt|question)|no doubt|no question|settled|establish|a fact|overwhelming|decisive|once and for all/i;
/** Idioms that close a question ("full stop", "beyond debate", "case closed", "down to a science", "the
 *  research is unanimous"): proof in everyday words, which the analyzer's booster list (it feeds the
 *  trained certainty model) leaves out. */
const PROOF_IDIOM = /\b(?:beyond (?:any |all )?(?:debate|argument)|not up for debate|no debate|full stop|case closed|end of story|period, end of|(?:nailed|pinned) (?:it |that |this )?down|once and for all|no ifs,? ands,? or buts|(?:a )?done deal|iron-?clad|rock[- ]solid|bullet-?proof|air-?tight|settled science|(?:proven|clear|undisputed) winner|the verdict is in|down to a (?:fine )?science|(?:the )?(?:research|evidence|science|data|studies|literature|findings|experts?|scientists|doctors) (?:is |are )?(?:unanimous|all agree|agree unanimously)|unanimous(?:ly)? (?:agree|show|find|conclude)s?|science has spoken|no two ways about it|a sure thing|sure-?fire)\b/i;
/** Adverbs that say a finding holds in every case ("reliably", "consistently"). */
const GENERAL_ADVERB = /\b(?:reliably|consistently|invariably|without fail|every (?:single )?time|in every case|across the board|no matter what)\b/i;
/** Generalisations over patients or outcomes (not degree words such as "completely"). */
const GENERAL = /\b(?:always|every|everyone|everybody|all|any|anyone|anybody|in all cases|never fails?|guarantee[sd]?|universal(?:ly)?|invariabl[ey]|without exception|100 ?%|forever|permanent(?:ly)?)\b/i;
/** A promise to the reader ("you will feel better by morning") generalises a finding to every patient. */
const PROMISE = /\byou(?:'ll| will)\b(?!\s+(?:\w+ly\s+)?(?:receive|relax|rest|help|get (?:a|an|the|your|one|two)\b|be (?:\w+ly\s+)?(?:given|asked|offered|monitored|observed|watched|seated|checked|contacted|paid|told|assigned|randomi[sz]ed|able to|free to|driven|taken)|sit|lie|stay|remain|wait|need|have (?:to|a|an|your)|fill|complete|sign|meet|come|return|go|attend|wear|bring|arrange))/i;
/** "for anyone reading this": the reader addressed, not everyone (after a generaliser). */
const ADDRESSES_READER = /^\s+(?:reading|listening|watching|who (?:reads|is reading|is listening))\b/i;

/** A proof verb whose clause is about the document's subject by a pronoun or a general noun ("proved it
 *  works", "shown that the drug acts"); not an empty "it" ("it is well established that…"). */
const REFERS_BACK = /\b(?:prov(?:ed|en|es)|show(?:ed|n|s)|establish(?:ed|es)|demonstrat(?:ed|es)|confirm(?:ed|s))\s+(?:that\s+)?(?:it|this drug|the drug|this medicine|the medicine|this treatment|the treatment)\s+(?:\w+ly\s+)?(?!is\b|was\b|has\b|had\b)\w+s\b/i;

/** …or a benefit promised to the reader or someone else ("it will lift your mood within a day", "will have
 *  you feeling better by morning", "your parent will definitely feel better"). */
const PROMISED_BENEFIT = /\b(?:will|'ll)\s+(?:\w+ly\s+)?(?:(?:lift|ease|relieve|fix|cure|end|clear|restore|heal|transform|free|rescue|reset|banish|erase|brighten|boost|turn\s+around)\s+(?:you|your)\b|(?:have|get|leave|send)\s+(?:you|them|him|her)\s+(?:feeling|back to|smiling|on (?:your|their|his|her) feet)\b)|\b(?:will|'ll)\s+(?:definitely|certainly|surely|absolutely|100%)\s+(?:feel|be feeling|start feeling|get)\s+(?:better|relief|well)\b/i;

const RESEARCH_ACTIVITY = /\beither\b[^.;]{1,120}\bor (?:a |an |the )?(?:placebo|saline|midazolam|dummy)|\b(?:randomi[sz]ed|randomly assigned|were assigned|allocated) (?:to|into|between)\b|\b(?:investigat|examin|explor|test(?:s|ed|ing)\b|assess|evaluat|set out to|looked (?:at|into)|asked whether|aimed to|designed to|used (?:\w+ )?(?:naltrexone|placebo)|studied whether|compar(?:ed|ing) (?:\w+ )?(?:with|to|against)|with the (?:aim|goal|hope|intention) of|in the hope of|intended to)/i;

/** A rule-level cue from a regular-expression match. */
function cueAt(m: RegExpExecArray | null): { text: string; start: number; end: number } | undefined {
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : undefined;
}

/** The word or idiom that claims proof: a booster `strong` accepts that the sentence does not soften, else a
 *  closing idiom ("full stop", "case closed"). */
function proofCue(ref: SentenceRef, strong: (c: { text: string; group?: string }) => boolean): { text: string; start: number; end: number } | undefined {
  const text = ref.sentence.text;
  return ref.sentence.analysis.cues.find((c) => c.kind === 'booster' && strong(c) && !softened(text, c)) ?? cueAt(PROOF_IDIOM.exec(text));
}

/** A booster right after a hedge ("almost certainly", "probably true") is not a claim of proof. */
function softened(text: string, cue: { start: number; end: number; text: string }): boolean {
  return /\b(?:almost|nearly|probably|likely|fairly|not|hardly)\s+$/i.test(text.slice(Math.max(0, cue.start - 12), cue.start))
    || (/established$/i.test(cue.text) && SET_UP.test(text.slice(cue.end, cue.end + 40)));
}
/** "has established billing codes", "established a clinic": set up, not shown. */
const SET_UP = /^\s+(?:(?:a|an|the|its|their|new|own|clear|formal|dedicated)\s+){0,2}(?:billing|codes?|clinics?|cent(?:re|er)s?|programmes?|programs?|offices?|partnerships?|networks?|services?|procedures?|pathways?|relationships?|practices?|compan(?:y|ies)|foundations?|presence|track record|reputation|registry|registries|contracts?|teams?|units?|departments?|sites?|locations?|branches?)\b/i;

/** Does the sentence assert the claim's relation? A heading or list label ("Cost barriers to IV
 *  treatment") asserts nothing. A claim with relation words (anyOf) matched only because the sentence
 *  uses one; a claim without them matches on its topic, so the sentence must make a causal statement. */
function assertive(ref: SentenceRef, claim: ClaimHit['claim']): boolean {
  // Short complete sentences ("Ketamine prevents suicide.") count; short unpunctuated list labels do not.
  const words = wordCount(ref.sentence.text);
  if (ref.placed.block.kind === 'heading' || words < 3 || (words < 5 && !/[.!]["'\u201d\u2019)]*$/.test(ref.sentence.text)) || titleCase(ref.sentence.text)) return false;
  // "A study investigated whether…", "the trial tested naltrexone": describing research is not asserting its result.
  if (RESEARCH_ACTIVITY.test(ref.sentence.text)) return false;
  return claim.anyOf?.length ? true : ref.sentence.analysis.strength === 3;
}

/** Is the word right before (at most one word between) a word of one of the claim's own non-subject concepts? */
function modifiesClaimWord(ref: SentenceRef, claim: ClaimHit['claim'], w: { end: number }): boolean {
  const subject = claimSubject(claim);
  const own = new Set([...claim.concepts, ...(claim.anyOf ?? [])].filter((c) => !subject.includes(c)));
  return ref.sentence.hits.some((h) => own.has(h.concept) && h.start >= w.end && /^\s+(?:\S+\s+)?$/.test(ref.sentence.text.slice(w.end, h.start)));
}

/** The clause of `text` around `at`, between the punctuation that separates clauses. */
function clauseOf(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(',', at), text.lastIndexOf(';', at), text.lastIndexOf(':', at)) + 1;
  const ends = [',', ';', ':'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/** A sentence that points at what another says ("… should know this.", "Read the following:"): it
 *  states nothing itself. */
const POINTS_ELSEWHERE = /\b(?:know|note|remember|read|see|consider|be aware of|keep in mind|ask about|discuss|mention|tell (?:you|them|us) about)\s+(?:this|that|these|those|the following|below|here)\s*[.!:]?["'\u201d\u2019)]*$/i;

/** The writer endorsing someone else's statement: "I agree with the authors that…", "as the review
 *  rightly notes", "correctly concludes that". */
const ENDORSED = /\b(?:I|we)\s+(?:\w+\s+)?(?:agree|concur)\s+(?:with\s+[^,.;]{1,80}?\s+)?that\b|\bas\s+[^,.;]{1,50}?\s+(?:rightly|correctly)\s+(?:notes?|noted|says?|said|points? out|pointed out|argues?|argued|observes?|observed)\b|\b(?:rightly|correctly)\s+(?:notes?|noted|points? out|pointed out|argues?|argued|observes?|observed|says?|said|concludes?|concluded)\s+that\b/i;

/** A negative claim of degree ("often not covered", "largely without regulation"). */
const NEGATIVE_DEGREE = /\b(?:often|largely|mostly|usually|generally|frequently|typically|partly|partially|sometimes)\s+(?:\w+\s+){0,2}?(?:not|without|no|never)\b/i;
/** Words that take a negative finding of degree to its limit ("never", "no … of any kind"). */
const NEGATIVE_ABSOLUTE = /\b(?:never|of any kind|any kind of|whatsoever|at all|in any form|under any circumstances)\b|(?<=^|[,;:]\s+)(?:no|not a single|not one)\s+(?!doubt|question|wonder|matter)\w+/i;

/** Words that take a finding of degree to its limit. */
const ABSOLUTE = /\b(?:entirely|essentially|completely|totally|wholly|utterly|fully|whatsoever|at all|none at all|zero|complete|total|utter)\b/i;

/** Topic probability from which the recogniser's reading stands in for a relation word. */
const RELATION_TOPIC = 0.5;

/** Probability of proof wording (the recogniser's modality) from which a sentence presents a claim as settled. */
const PROOF_MIN = 0.5;

/** How the sentence states the claim: the whole sentence, or its headline clause when the claim's
 *  subject and a relation word stand before a colon or semicolon ("Ketamine stops suicidal thoughts: in one study,
 *  85% had none within a week") — the evidence after it does not hedge, negate or report the claim.
 *  `text`: the words that state the claim (the headline, or the whole sentence), for the tense test. */
interface Stance { negated: boolean; hedged: boolean; attributed: boolean; population: string; text: string }
function stanceOf(ref: SentenceRef, claim: ClaimHit['claim']): Stance {
  const a = ref.sentence.analysis, text = ref.sentence.text;
  // "I agree with the authors that…", "as the review rightly notes": the writer adopts the words.
  const whole = { negated: a.negated, hedged: a.hedged, attributed: a.attributed && !ENDORSED.test(text), population: a.population.kind, text };
  const cut = /[:;]\s/.exec(text);
  if (!cut || cut.index < 12) return whole;
  const named = new Set([...claim.concepts, ...(claim.anyOf ?? [])]);
  const own = ref.sentence.hits.filter((h) => named.has(h.concept));
  // The head states the claim: its subject and a relation word of the claim before the cut.
  const before = new Set(own.filter((h) => h.start < cut.index).map((h) => h.concept));
  if (before.size < 2 || !claimSubject(claim).every((c) => before.has(c))) return whole;
  const inHead = (c: { start: number }) => c.start < cut.index;
  return {
    negated: a.negationScopes.some(inHead),
    hedged: a.cues.some((c) => c.kind === 'hedge' && inHead(c)),
    attributed: a.cues.some((c) => c.kind === 'attribution' && inHead(c)),
    population: a.population.cues.some(inHead) ? a.population.kind : 'unspecified',
    text: text.slice(0, cut.index),
  };
}

function overstated(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): Draft | undefined {
  const a = ref.sentence.analysis;
  const claim = hit.claim;
  if (a.question || conditioned(a, ref.sentence.text)) return undefined;
  // A study's stated aim ("The purpose of this study is to determine the efficacy of…") asserts nothing.
  if (!a.boosted && RESEARCH_AIM.test(ref.sentence.text)) return undefined;
  const st = stanceOf(ref, claim);
  // A claim of degree stated negatively ("often not covered", "largely without regulation") taken to
  // its limit by a negation ("insurers never pay", "no regulation of any kind"): the negation agrees
  // with the claim's direction, the absolute word overstates it.
  const byConcepts = !hit.learned || hit.learned.concepts;
  // (The analyzer reads "won't" as a modal, and a negation in a subordinate clause — "since there is no
  // regulation of any kind" — does not negate its sentence; here both count.)
  const negatedAnywhere = st.negated || /n['\u2019]t\b/i.test(st.text) || a.cues.some((c) => c.kind === 'negation' && c.start < st.text.length);
  const negAbsolute = negatedAnywhere && byConcepts && NEGATIVE_DEGREE.test(claim.statement) ? cueAt(NEGATIVE_ABSOLUTE.exec(st.text)) : undefined;
  // "any kind of" is no hedge ("kind of") here.
  const hedgedBesides = (x: { start: number; end: number }) => a.cues.some((c) => c.kind === 'hedge' && (c.end <= x.start || c.start >= x.end) && c.start < st.text.length);
  if (negAbsolute && !hedgedBesides(negAbsolute) && !ref.placed.block.quoted && !(st.attributed && !a.boosted) && claim.grade !== 'established' && !reportsResult(clauseOf(st.text, negAbsolute.start))) {
    return finding(ctx, ref, hit, `Overstates ${GRADE_LABEL[claim.grade]} evidence ('${negAbsolute.text}')`, negAbsolute, 'absolute word');
  }
  if (st.negated && !a.boosted && !onlyInOtherClauses(ref, claim, 'negation', st.text.length)) return undefined;
  if (namesProposition(ref.sentence.text) || namesOnly(ref.sentence.text, claim, ref.sentence.hits)) return undefined;
  if (claim.grade === 'established') return undefined;
  if (ctx.subjectOnlyCompared(ref, claim)) return undefined;
  const weak = WEAK_GRADES.has(claim.grade);
  const booster = proofCue(ref, weak ? (c) => c.group === 'booster-strong' : (c) => PROOF.test(c.text));
  // "doesn't always work": a negated generaliser generalises nothing.
  let general: { text: string; start: number; end: number } | undefined = a.cues.find((c) => c.kind === 'generaliser' && GENERAL.test(c.text)
    // A quoted phrase is mentioned, not used ('phrases such as "works for everyone"').
    && !allQuoted(ref.sentence.text, [c])
    && !ADDRESSES_READER.test(ref.sentence.text.slice(c.end, c.end + 24))
    && !softened(ref.sentence.text, c) && !/n[\u2019']t\s+$/i.test(ref.sentence.text.slice(Math.max(0, c.start - 6), c.start))
    // "though it doesn't happen for everyone": a generaliser under a negation generalises nothing.
    && !a.negationScopes.some((s) => c.start >= s.start && c.end <= s.end)
    && !RULES_OUT.test(ref.sentence.text.slice(0, c.start)))
    ?? cueAt(GENERAL_ADVERB.exec(ref.sentence.text));
  const promise = PROMISE.exec(ref.sentence.text) ?? PROMISED_BENEFIT.exec(ref.sentence.text);
  let promised = false;
  if (!general && promise && !a.hedged) {
    general = { text: promise[0], start: promise.index, end: promise.index + promise[0].length };
    promised = true;
  }
  let what: string | undefined;
  let cue: { text: string; start: number; end: number } | undefined;
  const rec = ctx.recognition(ref);
  // A sentence the recogniser reads as clearly contradicting the claim does not state it as fact
  // (it may still overstate it with a booster: "completely block" for "may weaken").
  const contradicting = !!rec && !!ctx.db.recognizer?.knownClasses.has(claim.id) && rec.contradicts(claim.id) >= 0.85;
  const modality = rec?.modalities[0];
  // The recogniser reads the wording as reported, hedged, asked or conditional ("an article reports
  // that…"): not a statement of fact, whatever the analyzer's cues missed.
  const softByModel = !!modality && modality.cls !== 'plain' && modality.cls !== 'proof' && modality.p >= 0.5
    && !(modality.cls === 'reported' && ENDORSED.test(ref.sentence.text));
  // A claim only the recogniser found is stated as fact by a full sentence about its subject, not
  // by a label ("Pre-treatment anxiety management (without benzodiazepines)") or a sentence about
  // something else that mentions it ("opioid receptors play crucial roles in mood").
  const statesWhole = () => ref.placed.block.kind !== 'heading' && !titleCase(ref.sentence.text)
    && wordCount(ref.sentence.text) >= 6 && (/[.!?]["'\u201d\u2019)\]]*$/.test(ref.sentence.text) || a.strength >= 1)
    && !RESEARCH_ACTIVITY.test(ref.sentence.text) && !POINTS_ELSEWHERE.test(ref.sentence.text) && hit.learned!.p >= 0.8 && ctx.namesSubject(ref, claim);
  // Found by the concepts: a causal statement, or a claim that is not causal ("clinics are loosely
  // regulated") put in absolute words ("entirely unregulated", "no oversight whatsoever") in a full
  // sentence the recogniser, too, is sure makes it. The claim's own degree ("many operate with little
  // regulation") states it as the evidence does.
  const causal = byConcepts && assertive(ref, claim);
  // The absolute word must be sure to bear on the claim: both models sure of the claim, or the word
  // right before one of the claim's own words ("completely unregulated").
  const absoluteWord = byConcepts && !causal && !!hit.learned ? cueAt(ABSOLUTE.exec(st.text)) : undefined;
  const absolute = absoluteWord && (hit.learned!.p >= SURE_MATCH || modifiesClaimWord(ref, claim, absoluteWord)) ? absoluteWord : undefined;
  // Found by the recogniser alone, the sentence must also say something of the claim's relation: a causal
  // word, or wording the recogniser reads as the claim itself ("Patients who also take lorazepam should know
  // this" names the drugs and states nothing about them).
  const learnedAssertive = byConcepts ? causal || (!!absolute && statesWhole()) : statesWhole() && (a.strength >= 1 || (rec?.topic(claim.id) ?? 0) >= RELATION_TOPIC);
  // The model's "proof" reading does not outvote a proof word the sentence itself softens or uses in
  // another sense ("almost certainly", "has established billing codes").
  const softenedProof = a.cues.some((c) => c.kind === 'booster' && softened(ref.sentence.text, c));
  // Nor does it outvote a hedge the sentence states ("scientists have now suggested that…").
  const proofByModel = !booster && !softenedProof && !st.hedged && modality?.cls === 'proof' && modality.p >= PROOF_MIN && rec!.contradicts(claim.id) < 0.5;
  const factByModel = weak && (modality?.cls === 'plain' || modality?.cls === 'proof') && !st.hedged && !ref.placed.block.quoted && learnedAssertive
    && !statesPopulation(claim.population, st.population) && !reportsResult(st.text) && !(st.attributed && !a.boosted);
  const grade = GRADE_LABEL[claim.grade];
  if (booster) {
    what = `Overstates ${grade} evidence ('${booster.text}')`;
    cue = booster;
  } else if (general && (promised ? ref.placed.block.kind !== 'heading' : learnedAssertive)) {
    // A promise to the reader is itself the assertion; other generalisers need the claim's relation.
    what = `Generalises ${grade} evidence ('${general.text}')`;
    cue = general;
  } else if (contradicting || softByModel) {
    return undefined;
  } else if (weak && !st.hedged && !st.attributed && !ref.placed.block.quoted && a.certainty >= FACT_CERTAINTY && learnedAssertive
    // A finding stated with its narrow population ("in stressed rats", "in that subgroup") says what the evidence says.
    && !statesPopulation(claim.population, st.population)
    // "Naltrexone blunted the response": reporting what a study found, in the past tense, is not overstating it.
    && !reportsResult(st.text)) {
    what = `States ${grade} evidence as fact`;
  } else if (proofByModel) {
    what = `Presents ${grade} evidence as settled`;
  } else if (factByModel) {
    what = `States ${grade} evidence as fact`;
  }
  if (!what) return undefined;
  // Stated as fact only through an absolute word ("entirely unregulated"): the word is the problem,
  // and no lead that hedges the sentence fixes it.
  const byAbsolute = !cue && !proofByModel && !!absolute;
  if (byAbsolute) { what = `Overstates ${grade} evidence ('${absolute.text}')`; cue = absolute; }
  return finding(ctx, ref, hit, what, cue, byAbsolute ? 'absolute word' : cue ? (booster ? 'booster' : 'generaliser') : proofByModel ? 'proof wording (recogniser)' : 'unhedged statement');
}

/**
 * A claim of proof the recogniser did not place ("the fast-acting antidepressant that decades of science
 * have confirmed beyond any doubt"): when no claim survives the match model, a proof word or idiom the
 * writer does not soften, on a claim the concept matcher finds in the sentence's own words, still
 * overstates it — unless that claim (or another the sentence names) is established. Proof words
 * inside attribution count ("a landmark trial proved…"): the proof is what overstates.
 */
function provenByConcepts(ctx: RuleContext, ref: SentenceRef): Draft | undefined {
  // The cheap test first: most sentences without a claim have no proof word, and their analysis is
  // otherwise never asked for.
  const text = ref.sentence.text;
  if (!PROOF.test(text) && !PROOF_IDIOM.test(text)) return undefined;
  const a = ref.sentence.analysis;
  if (!a.boosted || a.question || a.hedged || conditioned(a, text) || ref.placed.block.kind === 'heading' || ref.placed.block.quoted) return undefined;
  const booster = proofCue(ref, (c) => PROOF.test(c.text));
  if (!booster || wordCount(text) < 6 || namesProposition(text) || RESEARCH_ACTIVITY.test(text)) return undefined;
  // The claim in the sentence's own words; its subject may be a pronoun that refers back to the
  // document's subject ("And Stanford proved it works through the opioid system").
  const own = ctx.conceptClaims(ref, Level.Document).filter((h) => h.fromTopic.length === 0
    || (h.fromTopic.every((c) => claimSubject(h.claim).includes(c)) && REFERS_BACK.test(text)));
  if (own.length === 0 || own.some((h) => h.claim.grade === 'established')) return undefined;
  const hit = own[0]!;
  if (a.negated && !onlyInOtherClauses(ref, hit.claim, 'negation')) return undefined;
  if (reportedNotAsserted(text, ref.sentence.hits) || namesOnly(text, hit.claim, ref.sentence.hits) || ctx.subjectOnlyCompared(ref, hit.claim)) return undefined;
  // (Proof words pull the orientation model towards "contradicts": only a clear reading counts.)
  const rec = ctx.recognition(ref);
  if (rec && ctx.db.recognizer?.knownClasses.has(hit.claim.id) && rec.contradicts(hit.claim.id) >= 0.85) return undefined;
  return finding(ctx, ref, hit, `Overstates ${GRADE_LABEL[hit.claim.grade]} evidence ('${booster.text}')`, booster, 'booster');
}

/** The finding: on the cue word when there is one, else the sentence, with the soften fix that fits
 *  (none for an absolute word: no lead that hedges the sentence fixes it). */
function finding(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit, what: string, cue: { text: string; start: number; end: number } | undefined, kind: string): Draft {
  const r = cue ? ctx.range(ref, cue.start, cue.end) : ctx.range(ref);
  const fix = softenFix(ctx, ref, hit, cue);
  return {
    code: 'overstated-certainty',
    // One short line: the hover card shows the evidence, its grade and the supported wording.
    message: clip(`${what}: ${hit.claim.relation}`),
    start: r.start,
    end: r.end,
    claimId: hit.claim.id,
    sources: claimSources(ctx, hit.claim).map((s) => s.id),
    fixes: fix ? [fix] : [],
    reason: ctx.reason(ref, hit, { kind, text: cue?.text ?? '' }),
  };
}

export const overstatedCertainty: Rule<'overstated-certainty'> = {
  code: 'overstated-certainty',
  name: 'OverstatedCertainty',
  defaultSeverity: 'warning',
  description: 'A claim is stated more strongly than its evidence supports.',
  details: 'The sentence asserts a claim from the database with more certainty than its evidence grade supports (e.g. a preliminary finding stated as fact, "proven", "settled", or generalised to every patient). Hedged, negated, attributed, questioned or conditional statements are not flagged.',
  when: 'a claim asserted more strongly than its evidence grade supports',
  docsAnchor: 'overstated-certainty',
  scope: 'sentence',
  precedence: 4,
  check(ctx, t) {
    if (t.kind !== 'sentence') return [];
    // The sentence's claims in order of confidence; an established one cannot be overstated, so the
    // next may ("definitively shown that it works through the opioid system" also matches the
    // established "the mechanism is not understood").
    for (const h of t.hits) {
      if (h.claim.grade === 'established') continue;
      const f = overstated(ctx, t.ref, h);
      if (f) return [f];
    }
    // No claim placed, or only established ones the recogniser alone found: the concepts may still name
    // one that a proof word overstates ("the proven answer for depression").
    const p = t.hits.every((h) => h.claim.grade === 'established' && h.learned && !h.learned.concepts) ? provenByConcepts(ctx, t.ref) : undefined;
    return p ? [p] : [];
  },
};
