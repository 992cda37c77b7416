// figure-mismatch: a number tied to a known finding differs from what the source reports.
import type { Figure } from '../../db/schema.js';
import { Level, type ClaimHit, type RuleContext, type SentenceRef } from '../context.js';
import { claimSources, replaceSpanFix } from '../fixes.js';
import { agrees, comparable, mayHaveNumbers, type NumberMention } from '../figures.js';
import { claimSubject, figureClaimInReach } from '../pipeline/recognition.js';
import { clip } from './shared.js';
import { escapeRegExp } from '../regexp.js';
import { claimsOfNamedSource, identity, otherJournal, otherProtocol, otherStudyBefore, otherSubject } from './figure-identity.js';
import type { Draft, Rule } from './rule.js';

/** Characters either side of a number in which a figure's cue word ties the number to it. */
const CUE_WINDOW = 70;


const GENERIC_CUES = new Set(['patients', 'patient', 'participants', 'participant', 'people', 'adults', 'subjects', 'total', 'individuals']);
const GENERIC_PENALTY = 60;
const NONE: ReadonlySet<string> = new Set();

const cueExpressions = new Map<string, RegExp>();
/** A cue word at a word start (compiled once per cue). */
function cueRegExp(cue: string): RegExp {
  let re = cueExpressions.get(cue);
  if (!re) cueExpressions.set(cue, (re = new RegExp(`(?<![\\p{L}])${escapeRegExp(cue.toLowerCase())}`, 'gu')));
  return re;
}

/** The nearest of the figure's cue words within the window, with its distance in characters from
 *  the number (a generic cue counts as farther), or undefined: the nearest cue decides which figure a
 *  number is about. */
function nearestCue(text: string, m: NumberMention, f: Figure, windowOf: () => CueWindow): { d: number; cue: string; generic: boolean } | undefined {
  if (!f.cues?.length) return undefined;
  const { lo, near } = windowOf();
  let best: { d: number; cue: string; generic: boolean } | undefined;
  for (const c of f.cues) {
    // Nouns that any count takes ("12 patients") tie a number to a figure more weakly than its own words.
    const generic = GENERIC_CUES.has(c.toLowerCase());
    const re = cueRegExp(c);
    re.lastIndex = 0;
    for (let x = re.exec(near); x; x = re.exec(near)) {
      const at = lo + x.index;
      // "the last infusion", "at last": an adjective, not the verb "last".
      if (/^last$/i.test(c) && /\b(?:the|a|his|her|their|its|this|that|your|my|our|at)\s+$/i.test(text.slice(Math.max(0, at - 8), at))) continue;
      const d = Math.max(0, at >= m.end ? at - m.end : m.start - (at + x[0].length)) + (generic ? GENERIC_PENALTY : 0);
      // The whole word for the reason ("infus" → "infused").
      if (!best || d < best.d) best = { d, cue: text.slice(at, at + x[0].length) + (/^[\p{L}-]*/u.exec(text.slice(at + x[0].length))?.[0] ?? ''), generic };
    }
  }
  return best;
}

/** The text around a number in which cue words count, lower-cased, and where it starts. */
interface CueWindow { lo: number; near: string }
function cueWindow(text: string, m: NumberMention): CueWindow {
  // The window stays inside the number's clause: "twelve patients …; spectroscopy in four of them".
  let lo = Math.max(0, m.start - CUE_WINDOW), hi = Math.min(text.length, m.end + CUE_WINDOW);
  const before = text.lastIndexOf(';', m.start), after = text.indexOf(';', m.end);
  if (before >= lo) lo = before + 1;
  if (after >= 0 && after < hi) hi = after;
  return { lo, near: text.slice(lo, hi).toLowerCase() };
}

/** One of the concepts named inside the number's clause, in a sentence of contrasting clauses (split
 *  at "but", "while", "whereas", "although"): that clause is about the other thing. A list joined by
 *  ";" is not a contrast ("naltrexone 25 mg … blocked the response; 12 completers"). */
function exceptionInClause(ref: SentenceRef, m: NumberMention, concepts: readonly string[] | undefined): boolean {
  if (!concepts?.length) return false;
  const text = ref.sentence.text;
  const breaks = [...text.matchAll(CLAUSE_BREAK)].map((b) => b.index!);
  // A single clause names the exception beside the claim ("5 mg/kg, well below anaesthetic doses").
  if (!breaks.length) return false;
  const lo = Math.max(0, ...breaks.filter((b) => b < m.start));
  const hi = Math.min(text.length, ...breaks.filter((b) => b >= m.end));
  return ref.sentence.hits.some((h) => h.start >= lo && h.start < hi && concepts.includes(h.concept));
}
const CLAUSE_BREAK = /,?\s+(?:but|while|whereas|although|though)\s+/gi;

/** Kinds specific enough that a number of that kind in a sentence that names the claim itself is about
 *  the figure even without a cue word ("up to 80% of people with depression have TRD"). */
const SELF_EVIDENT = new Set(['percent', 'ratio']);

/** "Fava et al. (2020) found…", "[@fava2020]": numbers attributed to another study are about that study. */
// A surname with "et al." or a co-author, then a year; or a surname with the year in parentheses
// or after a comma. "The 2022 study" or "In 2019" name no author.
const AUTHOR_YEAR = /\b(?!(?:The|In|A|An|This|That|These|Our|By|Since|From|Until|Of|Its|Their|Before|After|During|Between|And)\b)\p{Lu}[\p{L}'\u2019-]+(?:(?:\s+et al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'\u2019-]+),?\s*\(?(?:19|20)\d\d\)?|\s*\((?:19|20)\d\d\)|,\s*(?:19|20)\d\d\b)/u;
const SOME_PATIENTS = /\b(?:\d+(?:\.\d+)?\s*(?:%|per ?cent|percent)|some|a few|a minority|a quarter|a third|one in \w+)\s+(?:of (?:the |these |those )?(?:patients|participants|people)\s+)?(?:\w+\s+){0,3}?(?:benefit|benefited|benefitted|showed|improved|responded|stayed|remained|felt|had)\b/i;
/** "a recent study by Larkin et al." names its authors without a year. */
const AUTHORS_ET_AL = /\b\p{Lu}[\p{L}'\u2019-]+\s+et\s+al\b/u;
/** A calendar date ("Dec 23, 2023", "23 December 2023"): a dateline or a publication date, not the
 *  year of an event the database records. */
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE_BEFORE_YEAR = new RegExp(`\\b(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?)\\s*$`);
/** An anaesthetic (not subanaesthetic) dose is another quantity than the antidepressant dose. */
const ANAESTHETIC_DOSE = /\b(?:an(?:a|ae)?esthetic\s+doses?|doses?\s+(?:for|used in|used for)\s+(?:general\s+)?an(?:a|ae)?esthesia)\b/i;
/** "well below anaesthetic doses" compares with the anaesthetic dose; it does not give one. */
function anaestheticDose(text: string): boolean {
  const m = ANAESTHETIC_DOSE.exec(text);
  return !!m && !/\b(?:below|under|than|sub)[-\s]*$/i.test(text.slice(Math.max(0, m.index - 12), m.index));
}
/** The number is about other treatments ("existing drugs take about three weeks"). */
const OTHER_TREATMENTS = /(?:\b(?:existing|conventional|standard|traditional|older|current|typical|regular|usual|other|oral)\s+(?:anti-?depressants?|drugs?|medications?|medicines?|treatments?|therapies)|\bS[SN]RIs?)\s+(?:\w+\s+){0,2}?(?:take|takes|took|need|needs|require|requires|start|starts|begin|begins)\b/i;
/** A number that names its own quantity ("a 30% probability", "12% discount rate", "5% market share"):
 *  a forecast or a price, not the finding's figure. */
const OWN_QUANTITY = /^\s*(?:[\w-]+\s+){0,2}?(?:probability|chance|likelihood|odds|discount|margin|market|share of|growth|return on|returns|interest|tax|premium|royalt(?:y|ies)|penetration|CAGR|price|cost|revenue|sales|valuation|upside|downside)\b/i;
/** The writer's own projection ("we model a 30% probability…", "we assume 40% uptake"). */
const OWN_PROJECTION = /\b(?:we|I|our (?:model|base case|forecast))\s+(?:\w+\s+)?(?:model|models|modell?ed|estimate|assume|project|forecast|assign|expect|predict|anticipate|price in|bake in)\b[^.;:]{0,40}$/i;
/** An author-year citation ("(Green 2011)", "[Murrough et al., 2013]"): its year dates the paper. */
const CITATION_YEAR = /[([]\s*\p{Lu}[\p{L}'\u2019-]+(?:\s+et al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'\u2019-]+)?,?\s+((?:19|20)\d\d)[a-z]?\s*[)\]]/gu;
/** A design other than a randomised one ("an open-label study was the first…"): not the first
 *  randomised trial's year. */
const OTHER_DESIGN = /\b(?:open[- ]label|uncontrolled|observational|case (?:series|reports?)|retrospective|non-?randomi[sz]ed|pilot|naturalistic)\b/i;
/** Eligibility ("the episode had to have lasted at least four weeks"): a criterion, not a result. */
const ELIGIBILITY = /\b(?:had to (?:have )?|must have|were required to|was required to|eligible|eligibility|inclusion criteri|exclusion criteri|to qualify|to be included)/i;
/** A number of treatments given over a period ("six infusions over", "a series of sessions across the next"). */
const COURSE_LENGTH = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|multiple|a (?:series|course|set) of)(?:\s*(?:[-\u2013\u2014]|to|or)\s*\w+)?\s+(?:infusions|sessions|treatments|doses|visits|appointments)\s+(?:given\s+|spread\s+)?(?:over|across|in|within|during)\s+(?:the\s+)?(?:next\s+|first\s+)?(?:(?:about|around|roughly|approximately|up to)\s+)?$/i;
const NUMBERED_REFERENCE = /\[\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*\]|<sup\b/;
const STUDY_SIZE = /\b(?:study|trial|review|analysis|experiment|cohort|sample)\s+(?:of|in|with|involving|among|including)\s+(\d{1,5})\s+(?:\w+\s+)?(?:patients|participants|people|adults|subjects|volunteers|individuals|women|men)\b/i;

/** Does the sentence itself name the claim's subject (e.g. ketamine)? */
const subjectNamed = (ref: SentenceRef, claim: ClaimHit['claim']) => claimSubject(claim).some((c) => ref.sentence.concepts.has(c));

function citesAnotherStudy(ctx: RuleContext, ref: SentenceRef, hit: ClaimHit): boolean {
  const own = new Set(hit.claim.sources.map((s) => s.id));
  for (const f of hit.claim.figures ?? []) if (f.source) own.add(f.source.id);
  const r = ctx.range(ref);
  for (const c of ctx.citationsIn(r.start, r.end)) {
    if (c.kind !== 'link' && !own.has(c.key)) return true;
  }
  // A numbered reference ("[29]") or a superscript cites a work the database cannot identify:
  // the sentence's numbers are that work's.
  if (NUMBERED_REFERENCE.test(ctx.model.text.slice(r.start, Math.min(ctx.model.text.length, r.end + 12)))) return true;
  // A study introduced with its own size ("a trial of 73 patients") that none of the claim's counts
  // matches is another study.
  const n = STUDY_SIZE.exec(ref.sentence.text);
  if (n) {
    const size = Number(n[1]);
    const counts = (hit.claim.figures ?? []).filter((f) => f.kind === 'count' || f.kind === 'ratio').flatMap((f) => [f.value, f.of]).filter((v): v is number => v !== undefined);
    if (counts.length && !counts.includes(size)) return true;
  }
  const m = AUTHOR_YEAR.exec(ref.sentence.text) ?? AUTHORS_ET_AL.exec(ref.sentence.text);
  if (m) {
    const named = m[0].toLowerCase();
    const ownNames = [...own].map((id) => ctx.db.source(id)).flatMap((s) => (s?.author ?? []).map((a) => (a.family ?? a.literal ?? '').toLowerCase())).filter(Boolean);
    if (!ownNames.some((n) => named.includes(n))) return true;
  }
  return false;
}

/** The corrected text for the mention's span: the figure's number in the writer's own form
 *  ("86 percent" → "85 percent", "10 of 12" → "7 of 12"), or the figure's words ("80 percent" → "one-third"). */
function displayFor(m: NumberMention, f: Figure, said: string): string {
  const lead = /^\d+(?:[.,]\d+)?/.exec(said);
  const value = f.kind === 'fraction' ? undefined : f.value;
  const sameKind = m.kind === f.kind || (m.kind === 'count' && f.kind === 'ratio') || (m.kind === 'ratio' && f.kind === 'count');
  const bounded = f.bound !== undefined && f.bound !== 'exact';
  // "7 of 14" → "7 of 12", "9/12" → "7/12": both numbers of a ratio, in the writer's form.
  const ratio = /^(\d+)(\s*(?:of|out of|\/)\s*(?:the\s+)?)(\d+)/i.exec(said);
  if (ratio && f.kind === 'ratio' && value !== undefined && f.of !== undefined && !bounded) return `${value}${ratio[2]}${f.of}${said.slice(ratio[0].length)}`;
  // "aged 18 to 55" → "aged 18 to 65": both ends of an age range, in the writer's words.
  if (m.kind === 'age' && f.kind === 'age' && m.max !== undefined && f.min !== undefined && f.max !== undefined) {
    const ends = [f.min, f.max];
    let k = 0;
    return said.replace(/\d+/g, (d) => (k < 2 ? String(ends[k++]) : d));
  }
  if (lead && value !== undefined && sameKind && m.max === undefined && !bounded) return String(value) + said.slice(lead[0].length);
  // The figure's own words; its bound ("up to") only when the sentence has none of its own.
  const display = f.display.replace(/\s*\(.*\)$/, '');
  return m.bound || m.approx ? display.replace(/^(?:(?:up to|about|around|approximately|roughly|at least|as many as|nearly)\s+)+/i, '') : display;
}

/** "infused over two hours" against a 40-minute infusion: hours and minutes are too far apart to
 *  compare in general ("relief within two hours of the infusion" is another quantity), but a duration
 *  the infusion runs "over" is the infusion time. */
function infusedOver(text: string, m: NumberMention, f: Figure): boolean {
  return m.kind === 'duration' && f.kind === 'duration' && m.unit === 'hour' && /^min/i.test(f.unit ?? '')
    && /\b(?:infused|given|run|runs|delivered|administered|drip(?:ped)?)?\s*over\s+(?:(?:about|roughly|around|approximately|nearly|almost|some|a full|up to)\s+)?$/i.test(text.slice(Math.max(0, m.start - 40), m.start));
}

/** Two or more option markers ("(a) … (b) …", "A) … B) …"): where the first starts, else the text's end. */
const OPTION = /(?:^|\s)\(?[a-eA-E]\)\s/g;
function optionsStart(text: string): number {
  OPTION.lastIndex = 0;
  const first = OPTION.exec(text);
  if (!first) return text.length;
  return OPTION.exec(text) ? first.index : text.length;
}

/** @param byName claims found only because the sentence names their source's author and year: their
 *  numbers need the figure's own cue word ("nine patients" is any count; "nine completed" is this one). */
function mismatch(ctx: RuleContext, ref: SentenceRef, hits: ClaimHit[], byName: ReadonlySet<string> = NONE): Draft | undefined {
  const text = ref.sentence.text;
  const seen = new Set<string>();
  // A number in the lead ("@jo_k · 8 days ago", "[12/03/25, 19:09] Tom:") frames the sentence; it states nothing.
  const lead = ctx.leadLength(ref);
  // Numbers among a multiple-choice question's options ("(a) one in ten (b) one in three") are offered
  // to choose from, not stated.
  const options = optionsStart(text);
  for (const m of ref.sentence.numbers) {
    if (m.start < lead || m.start >= options) continue;
    // Every figure of every matched claim that this number could be about, with how near its cue is.
    const candidates: Array<{ hit: ClaimHit; f: Figure; d: number; cue?: { cue: string; generic: boolean } }> = [];
    // The cue window is the number's, the same for every figure: made once, when a figure has cues.
    let win: CueWindow | undefined;
    const windowOf = () => (win ??= cueWindow(text, m));
    for (const hit of hits) {
      // A claim without figures gives no candidates (and needs no test of what the sentence cites).
      if (!hit.claim.figures?.length) continue;
      if (seen.has(hit.claim.id + '|' + m.start) || citesAnotherStudy(ctx, ref, hit)) continue;
      seen.add(hit.claim.id + '|' + m.start);
      const named = hit.fromTopic.length === 0;
      for (const f of hit.claim.figures ?? []) {
        if (!comparable(m, f) && !infusedOver(text, m, f)) continue;
        // The sentence is about something else the figure names (a course of infusions, not one dose).
        if (f.unless?.some((c) => ref.sentence.concepts.has(c))) continue;
        // A claim the recogniser placed (the concepts, which honour its exceptions, did not): the number's
        // own clause must not name one of them ("…, but ECT is at least 50% effective" is not the share
        // of depression that is treatment-resistant).
        if (hit.learned && !hit.learned.concepts && exceptionInClause(ref, m, hit.claim.unless)) continue;
        const cue = nearestCue(text, m, f, windowOf);
        if (byName.has(hit.claim.id) && (!cue || cue.generic)) continue;
        // Without a cue, only a self-evident kind in a sentence that names the claim itself.
        if (!cue && !(named && !f.cues?.length && SELF_EVIDENT.has(f.kind === 'fraction' ? 'percent' : f.kind))) continue;
        candidates.push({ hit, f, d: cue?.d ?? Infinity, ...(cue ? { cue } : {}) });
      }
    }
    if (!candidates.length) continue;
    // Figures of the number's own kind first ("eight of the 12" is a ratio: the responders, not the
    // count of completers), then the nearest cue; the number is right if it agrees with any of those.
    const ownKind = candidates.filter((c) => c.f.kind === m.kind || (c.f.kind === 'fraction' && m.kind === 'percent'));
    const pool0 = ownKind.length ? ownKind : candidates;
    const nearest = Math.min(...pool0.map((c) => c.d));
    const pool = pool0.filter((c) => c.d === nearest);
    if (pool.some((c) => agrees(m, c.f))) continue;
    // A number that is right for another figure in play ("anaesthetic since the 1960s, first trial in
    // 2000") is that figure, said correctly.
    if (candidates.some((c) => c.d < GENERIC_PENALTY && c.f.kind === pool[0]!.f.kind && agrees(m, c.f))) continue;
    // In a list of years each names an event: one that is right for any event in the database
    // ("anaesthetic since the 1960s, first trial in 2000") is that event's year.
    if (m.kind === 'year' && ref.sentence.numbers.filter((n) => n.kind === 'year').length > 1 && ctx.db.figureClaims.some((c) => c.figures!.some((f) => comparable(m, f) && agrees(m, f)))) continue;
    // "30 per cent benefit for at least three weeks": how long some patients' benefit lasted, not the
    // typical effect.
    if (pool[0]!.f.kind === 'duration' && SOME_PATIENTS.test(text)) continue;
    // "a top-up every three or four weeks" is a frequency, not how long something lasts.
    if (pool[0]!.f.kind === 'duration' && /\b(?:every|each|per|a)\s+(?:\S+\s+(?:or|to)\s+)?$/i.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
    // "6–8 infusions over 2–3 weeks": how long a course of treatments runs, not how long an effect lasts.
    if (pool[0]!.f.kind === 'duration' && COURSE_LENGTH.test(text.slice(Math.max(0, m.start - 60), m.start))) continue;
    // "a 2018 Stanford crossover trial": the year names a study, it does not date an event.
    if (m.kind === 'year' && /\b(?:a|an|the|this|that|one)\s+$/i.test(text.slice(Math.max(0, m.start - 8), m.start))
      && /^\s+(?:[\w-]+\s+){0,3}?(?:stud(?:y|ies)|trials?|RCTs?|reviews?|meta-analys[ie]s|papers?|reports?|surveys?|experiments?)\b/i.test(text.slice(m.end, m.end + 60))) continue;
    // A dateline or publication date is not an event's year.
    if (m.kind === 'year' && DATE_BEFORE_YEAR.test(text.slice(Math.max(0, m.start - 24), m.start))) continue;
    // The year of a cited paper, a study of another design, an eligibility criterion.
    if (m.kind === 'year' && [...text.matchAll(CITATION_YEAR)].some((c) => m.start >= c.index! && m.end <= c.index! + c[0].length)) continue;
    if (/randomi[sz]ed|controlled/i.test(pool[0]!.f.quantity) && OTHER_DESIGN.test(text)) continue;
    if (pool[0]!.f.kind === 'duration' && ELIGIBILITY.test(text)) continue;
    // A forecast, a price or a probability the writer gives is not the finding's figure.
    if (OWN_QUANTITY.test(text.slice(m.end, m.end + 40)) || OWN_PROJECTION.test(text.slice(0, m.start))) continue;
    // An anaesthetic dose is not the antidepressant dose.
    if (pool[0]!.f.kind === 'dose' && anaestheticDose(text)) continue;
    // How long other treatments take, in a sentence that does not name the claim's own treatment.
    if (OTHER_TREATMENTS.test(text) && !subjectNamed(ref, pool[0]!.hit.claim)) continue;
    // Several uncued candidates: the number may be about something else.
    if (nearest === Infinity && pool.length > 1) continue;
    // A question or a hypothetical states no figure (checked last: it needs the sentence analysis).
    const a = ref.sentence.analysis;
    if (a.question || a.hypothetical) return undefined;
    const { hit, f, cue } = pool[0]!;
    // Study identity: the number belongs to another subject, protocol or journal, or nothing shows
    // it is this figure.
    if (otherSubject(ctx, ref, hit.claim) !== undefined || otherProtocol(ref, hit.claim, m, f) || otherJournal(ctx, ref, hit.claim, f) !== undefined) continue;
    const id = identity(ctx, ref, hit, f, cue?.cue, cue?.generic ?? false);
    if (!id.strong) continue;
    // A passage about another study (its researcher, journal or pooled analysis named before the
    // number, the figure's own study not named) gives that study's numbers.
    if (!id.named && otherStudyBefore(ctx, ref, hit.claim, f) !== undefined) continue;
    const said = text.slice(m.start, m.end);
    // "in the 1970s" → "in the 1960s", not "in the the 1960s": the writer's article stays.
    const display = displayFor(m, f, said);
    const shown = /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start)) ? display.replace(/^the\s+/i, '') : display;
    const fix = replaceSpanFix(ctx, ref, m.start, m.end, shown, `Correct to ${f.display}`, 'correct-figure', true);
    const r = ctx.range(ref, m.start, m.end);
    return {
      code: 'figure-mismatch',
      message: clip(`'${said}' does not match the source (${f.display}): ${f.quantity}`),
      start: r.start,
      end: r.end,
      claimId: hit.claim.id,
      sources: (f.source ? [f.source.id] : claimSources(ctx, hit.claim).map((s) => s.id)),
      fixes: fix ? [fix] : [],
      reason: { ...ctx.reason(ref, hit, { kind: `number (${f.quantity})`, text: said }), identity: id.evidence },
    };
  }
  return undefined;
}

export const figureMismatch: Rule<'figure-mismatch'> = {
  code: 'figure-mismatch',
  name: 'FigureMismatch',
  defaultSeverity: 'error',
  description: 'A number tied to a known finding differs from the source.',
  details: 'A dose, count, percentage, year or other figure quoted with a matched claim differs from the value its source reports.',
  when: 'a number tied to a known finding differs from the source',
  docsAnchor: 'figure-mismatch',
  scope: 'sentence',
  precedence: 2,
  check(ctx, t) {
    if (t.kind !== 'sentence') return [];
    // Numbers matter only next to a claim that states figures: asking whether one is in reach is
    // cheaper than extracting them, and most sentences have none.
    if (!mayHaveNumbers(t.ref.sentence.text)) return [];
    // A study named by its author and year ("Berman et al. (2000)") brings its claims' figures.
    const named = claimsOfNamedSource(ctx, t.ref);
    if ((!named.length && !figureClaimInReach(ctx, t.ref)) || t.ref.sentence.numbers.length === 0) return [];
    // A figure may belong to a claim whose subject only the document or the section names.
    // The concept matcher's claims too: a figure is tied to its claim by a cue word next to the
    // number, which the concepts' claims need and the recogniser's do not.
    const claims = ctx.claims(t.ref, Level.Document);
    const extra = ctx.conceptClaims(t.ref, Level.Document).filter((h) => !claims.some((c) => c.claim.id === h.claim.id));
    const all = [...claims, ...extra, ...ctx.topicClaims(t.ref)];
    const byName = named.filter((c) => !all.some((h) => h.claim.id === c.id));
    for (const claim of byName) all.push({ claim, score: 0.5, specificity: 0, fromTopic: [] });
    const f = mismatch(ctx, t.ref, all, new Set(byName.map((c) => c.id)));
    return f ? [f] : [];
  },
};
