// Claim strength on Yu et al.'s scheme, as an ordinal: 0 no relation, 1 correlational, 2 conditional
// causal, 3 direct causal. Rule-based over the RELATIONS lexicon: a relation word counts only where
// it makes a claim (a predicate, not a noun-phrase mention or a non-claim context such as "whether").
import type { Scan } from './scan.js';
import type { Match } from './phrases.js';
import { inflect } from './phrases.js';
import { CAUSAL_VERB_BASES, PHRASAL_HEADS } from './cue-lists.js';
import { WordList } from './vocab.js';

export interface RelationCue {
  i: number;
  j: number;
  kind: 'causal' | 'correlational';
  group: string;
  hedged: boolean;
}

export interface StrengthResult {
  strength: 0 | 1 | 2 | 3;
  cues: RelationCue[];
  /** Counts of claim-bearing cues, for the certainty model. */
  causalVerbs: number;
  causalAdj: number;
  causalNouns: number;
  correlational: number;
  comparative: number;
}

const VERB_FORMS = new WordList([...CAUSAL_VERB_BASES, ...PHRASAL_HEADS].flatMap((v) => inflect(v)));
const DEMONSTRATIVE = new WordList(['this', 'these', 'those', 'that']);
const DET = new WordList(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'your', 'any', 'no', 'each', 'every', 'some', 'another', 'such', 'greater', 'overall', 'mean', 'average', 'net', 'slight', 'small', 'large', 'modest', 'marked', 'substantial', 'significant', 'dramatic', 'sharp', 'steady', 'rapid', 'major', 'minor', 'little', 'much', 'similar', 'relative', 'absolute', 'initial', 'subsequent', 'early', 'late', 'higher', 'lower', 'clinical', 'potential', 'possible', 'considerable', 'notable', 'meaningful', 'positive', 'negative', 'beneficial', 'protective', 'direct', 'indirect', 'main', 'primary', 'total', 'long-term', 'short-term', 'own', 'more', 'less', 'greatest', 'largest', 'biggest', 'smallest', 'first', 'second', 'third', 'other', 'same', 'either', 'both', 'all', 'many', 'several', 'few', 'of', 'in', 'for', 'on', 'at', 'from', 'with']);
const PREP = new WordList(['of', 'in', 'for', 'with', 'by', 'on', 'at', 'from', 'to', 'into', 'about', 'among', 'between', 'after', 'before', 'during', 'without', 'within', 'than', 'via', 'per', 'upon', 'under', 'as', 'toward', 'towards', 'despite', 'including', 'over', 'until', 'since', 'across', 'throughout', 'following', 'compared', 'versus', 'vs', 'when', 'while', 'whereas', 'if', 'but', 'and', 'or', 'because', 'so', 'although', 'relative', 'up', 'down', 'only', 'more', 'less', 'most', 'least', 'again', 'too', 'further', 'still', 'even', 'thereafter', 'afterwards', 'later', 'earlier', 'overall', 'substantially', 'significantly', 'slightly', 'markedly', 'considerably', 'dramatically', 'rapidly', 'steadily', 'gradually', 'somewhat', 'then']);
const BE = new WordList(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"]);
const HAVE = new WordList(['has', 'have', 'had', 'having', "hasn't", "haven't", "hadn't"]);
const GET = new WordList(['get', 'gets', 'got', 'getting', 'become', 'becomes', 'became', 'remain', 'remains', 'remained', 'seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);
/** Adverbs and particles that may sit between a subject/auxiliary and its verb. */
const SKIP = new WordList(['not', "n't", 'also', 'further', 'significantly', 'markedly', 'substantially', 'greatly', 'dramatically', 'strongly', 'directly', 'effectively', 'possibly', 'probably', 'potentially', 'likely', 'indeed', 'actually', 'really', 'consistently', 'independently', 'both', 'all', 'often', 'usually', 'always', 'never', 'partly', 'partially', 'largely', 'slightly', 'modestly', 'reliably', 'accurately', 'rapidly', 'quickly', 'moderately', 'considerably', 'profoundly', 'selectively', 'specifically', 'still', 'thereby', 'thus', 'hence', 'therefore', 'then', 'only', 'even', 'already', 'ultimately', 'eventually', 'subsequently', 'clearly', 'generally', 'frequently', 'sometimes', 'typically', 'commonly', 'somewhat', 'nevertheless', 'however', 'conversely', 'may', 'might', 'could', 'can', 'will', 'would', 'should', 'must', 'do', 'does', 'did', "don't", "doesn't", "didn't", 'cannot', "can't", 'statistically', 'clinically', 'meaningfully', 'positively', 'negatively', 'adversely', 'favorably', 'favourably', 'safely', 'differentially', 'additionally', 'simultaneously', 'concomitantly', 'jointly', 'mainly', 'primarily', 'predominantly', 'mostly', 'essentially']);
/** Words before "to <verb>" that make the infinitive a claim, not a purpose ("appears to reduce", "able to reduce"). */
const CLAIM_BEFORE_TO = new WordList(['able', 'unable', 'appear', 'appears', 'appeared', 'seem', 'seems', 'seemed', 'tend', 'tends', 'tended', 'likely', 'unlikely', 'shown', 'found', 'demonstrated', 'proven', 'proved', 'reported', 'help', 'helps', 'helped', 'helping', 'known', 'thought', 'believed', 'suggested', 'expected', 'said', 'continue', 'continues', 'continued', 'fail', 'fails', 'failed', 'serve', 'serves', 'served', 'appearing', 'seeming', 'predicted', 'estimated', 'sufficient', 'enough', 'ability', 'capacity', 'power', 'potential', 'claimed', 'alleged', 'observed', 'noted', 'confirmed', 'established', 'worked', 'works', 'work', 'effective', 'sufficiently', 'necessary', 'critical', 'essential', 'crucial', 'vital', 'key', 'instrumental', 'began', 'begins', 'started', 'starts', 'going', 'tending', 'considered', 'hypothesized', 'hypothesised', 'proposed', 'speculated', 'assumed', 'presumed', 'suspected']);
/** "effective in reducing", "critical to improving": an -ing verb that is a claim after these. */
const CLAIM_BEFORE_ING = new WordList(['effective', 'efficient', 'successful', 'useful', 'helpful', 'beneficial', 'instrumental', 'critical', 'important', 'key', 'crucial', 'essential', 'vital', 'superior', 'inferior', 'efficacious', 'safe', 'effectiveness', 'efficacy', 'role', 'success', 'benefit', 'benefits', 'help', 'helps', 'helped', 'led', 'lead', 'leads', 'contributes', 'contributed', 'contribute', 'better', 'worse', 'capable']);
/** Verbs used as nouns before "in"/"of" ("an increase in", "a change of"). */
const NOUNABLE = new WordList(['increase', 'increases', 'decrease', 'decreases', 'rise', 'rises', 'decline', 'declines', 'change', 'changes', 'benefit', 'benefits', 'cut', 'cuts', 'cure', 'cures', 'delay', 'delays', 'damage', 'harm', 'harms', 'impact', 'impacts', 'influence', 'influences', 'boost', 'boosts', 'block', 'blocks', 'repair', 'lift', 'aid', 'help', 'fight', 'double', 'halt', 'stop', 'trigger', 'triggers', 'drive', 'slow', 'ease', 'spur', 'fuel', 'shield', 'treat', 'remedy', 'result', 'results', 'lead', 'leads', 'account', 'play', 'contribute']);
/** Study-design verbs: "the effect of X on Y was examined" is a method, not a claim. */
const METHOD_VERBS = new WordList(['examined', 'investigated', 'evaluated', 'assessed', 'studied', 'explored', 'tested', 'analysed', 'analyzed', 'measured', 'compared', 'quantified', 'reviewed', 'summarized', 'summarised', 'described', 'characterized', 'characterised', 'addressed', 'discussed', 'elucidated', 'clarified', 'validated', 'monitored', 'determined']);
const PURPOSE_VERBS = new WordList(['determine', 'assess', 'evaluate', 'investigate', 'examine', 'explore', 'test', 'compare', 'study', 'understand', 'clarify', 'elucidate', 'identify', 'confirm', 'establish', 'verify', 'measure', 'quantify', 'estimate', 'characterize', 'characterise', 'describe', 'address', 'validate', 'define', 'learn', 'see', 'know', 'find', 'explain', 'analyse', 'analyze', 'detect', 'document', 'demonstrate', 'show', 'prove', 'evaluated', 'inform', 'guide', 'assessing', 'evaluating', 'examining', 'investigating', 'exploring', 'determining', 'understanding', 'elucidating', 'clarifying', 'identifying', 'confirming', 'testing', 'studying', 'comparing']);
/** "a potent inhibitor of X": a mechanistic causal role. */
const INHIBITOR = /^(inhibitor|activator|regulator|suppressor|mediator|modulator|blocker|enhancer|promoter|inducer)s?$/;
/** Verbs of coming about: "arises as a result of", "occurred due to". */
const ARISE = new WordList(['arise', 'arises', 'arose', 'arisen', 'occur', 'occurs', 'occurred', 'develop', 'develops', 'developed', 'happen', 'happens', 'happened', 'emerge', 'emerges', 'emerged', 'result', 'results', 'resulted', 'die', 'dies', 'died', 'fail', 'fails', 'failed', 'persist', 'persists', 'persisted']);
/** Hedges that make a causal claim conditional (Yu: may / might / could / possibly / appear ...), not "suggest". */
const CONDITIONAL_GROUPS = new Set(['modal-weak', 'epistemic-adverb', 'epistemic-appear', 'epistemic-believe', 'epistemic-adjective', 'hypothetical', 'modal-would', 'negated-booster']);
const COMPARATIVES = new WordList(['higher', 'lower', 'greater', 'more', 'less', 'fewer', 'better', 'worse', 'shorter', 'longer', 'larger', 'smaller', 'faster', 'slower', 'stronger', 'weaker', 'older', 'younger', 'earlier', 'later', 'poorer', 'thicker', 'thinner', 'heavier', 'bigger', 'highest', 'lowest', 'greatest', 'best', 'worst', 'shortest', 'longest', 'largest', 'smallest', 'similar', 'different', 'comparable', 'increased', 'decreased', 'reduced', 'elevated', 'superior', 'inferior', 'lesser', 'fewest', 'most', 'least']);
/** Subjects that are research artefacts: "our findings will aid ...", "this study contributes ..." are not causal claims about health. */
const ARTEFACT = new WordList(['study', 'studies', 'findings', 'finding', 'research', 'knowledge', 'information', 'paper', 'review', 'analysis', 'analyses', 'observations', 'observation', 'article', 'survey', 'investigation', 'understanding', 'insights']);
/** Objects that are research artefacts: "could influence the generalizability of our findings". */
const OBJECT_ARTEFACT = new WordList(['findings', 'generalizability', 'generalisability', 'interpretation', 'conclusions', 'validity', 'power', 'precision', 'accuracy', 'reliability']);
/** "our results", "these data": artefacts only with a research determiner. */
const ARTEFACT_WITH_DET = new WordList(['results', 'data', 'evidence', 'work', 'report', 'trial']);
const RESEARCH_DET = new WordList(['our', 'these', 'this', 'present', 'current', 'study', 'such', 'the']);
/** Nouns that the verb lexicon also holds: when the verb reading fails, try the noun reading. */
const NOUN_FALLBACK = new WordList(['impact', 'impacts', 'effect', 'effects', 'benefit', 'benefits', 'harm', 'harms', 'influence', 'influences', 'damage', 'help', 'aid', 'relief']);
/** Verbs that naturally take no object ("levels increased"): without object they describe a change. */
const ERGATIVE = new Set(['increase', 'decrease', 'improve', 'reduce', 'worsen', 'change', 'rise', 'decline', 'drop', 'fall', 'slow', 'stabilize', 'stabilise', 'normalize', 'normalise', 'shrink', 'double', 'triple', 'halve', 'accelerate', 'diminish', 'weaken', 'strengthen', 'ease', 'lessen', 'resolve', 'lower', 'raise', 'elevate', 'deteriorate', 'persist', 'lengthen', 'shorten', 'extend', 'alter', 'impact', 'affect', 'influence', 'benefit', 'relax', 'heal', 'recover', 'vary', 'differ']);
const ERGATIVE_FORMS = new WordList([...ERGATIVE].flatMap((v) => inflect(v)));
/** Causal verbs that claim an effect without an object ("calmodulin protects", "the approach works", "helps"). */
const INTRANSITIVE_CAUSAL = new WordList(['protect', 'protects', 'protected', 'help', 'helps', 'helped', 'work', 'works', 'worked']);
const QUANTITY = new WordList(['half', 'a', 'one', 'two', 'three', 'four', 'five', 'ten', 'twice', 'double', 'triple', 'expected', 'ever', 'usual', 'previously']);
const GROUP_INTRO = new WordList(['in', 'among', 'for', 'between', 'across', 'than', 'with', 'within']);
const ED_IRREGULAR = new WordList(['led', 'shown', 'drove', 'driven', 'shrank', 'shrunk', 'fought', 'held', 'made', 'gave', 'given', 'brought', 'cut', 'set', 'put']);

type Form = 'base' | 's' | 'ed' | 'ing';
function formOf(w: string): Form {
  if (w.endsWith('ing')) return 'ing';
  if (w.endsWith('ed') || ED_IRREGULAR.hasWord(w)) return 'ed';
  if (w.endsWith('s') && !w.endsWith('ss')) return 's';
  return 'base';
}

/** The nearest token before k that is not a skippable adverb / modal / negation. */
function prevContent(s: Scan, k: number): number {
  let q = k - 1;
  while (q >= 0 && s.t.word[q] && (SKIP.has(s.t.id[q]) || isAdverb(s.t.norm[q]) || ((s.t.norm[q] === 'and' || s.t.norm[q] === 'or') && q > 0 && isAdverb(s.t.norm[q - 1])))) q--;
  return q;
}

/** After a noun, these show it is the subject ("social influences appear", "the survival benefit suggests"). */
const NOUN_CUE_NEXT = new WordList(['will', 'may', 'can', 'should', 'could', 'might', 'must', 'would', 'appear', 'appears', 'seem', 'seems', 'suggests', 'suggest', 'shows', 'indicates', 'remains', 'remain', 'occurs', 'occurred', 'observed', 'seen']);
const MODAL_DO = new WordList(['may', 'might', 'could', 'can', 'will', 'would', 'should', 'must', 'do', 'does', 'did', 'not', "don't", "doesn't", "didn't", 'cannot', "can't", 'to']);

/** "contributes directly to", "contributed in a negative manner to". */
function contributesTo(s: Scan, m: Match): boolean {
  if (!s.t.norm[m.i].startsWith('contribut')) return false;
  for (let k = m.j; k < Math.min(s.t.n, m.j + 6); k++) if (s.t.norm[k] === 'to' || s.t.norm[k] === 'towards') return true;
  return false;
}

/** A finite verb after token j in its clause ("increased body size is associated"). */
function finiteVerbAfter(s: Scan, j: number): boolean {
  for (let q = j; q < s.clauseEnd[s.clauseOf[Math.min(j, s.t.n - 1)]]; q++) {
    const id = s.t.id[q];
    if (BE.has(id) || HAVE.has(id) || MODAL_DO.has(id)) return true;
  }
  return false;
}

/** A finite verb earlier in the clause than token k ("was feasible and improved ...", "slowed X, induced Y"). */
function finiteVerbBefore(s: Scan, k: number, pastToo = false): boolean {
  for (let q = s.clauseStart[s.clauseOf[k]]; q < k; q++) {
    const w = s.t.norm[q];
    const id = s.t.id[q];
    if (BE.has(id) || HAVE.has(id) || MODAL_DO.has(id)) return true;
    if (pastToo && q > s.clauseStart[s.clauseOf[k]] && w.endsWith('ed') && VERB_FORMS.has(id) && hasObject(s, q + 1)) return true;
  }
  return false;
}

/** Adjectives that end in -ly (not adverbs). */
const ADJ_LY = new WordList(['early', 'only', 'likely', 'unlikely', 'elderly', 'daily', 'weekly', 'monthly', 'yearly', 'costly', 'family', 'friendly', 'lonely', 'deadly', 'holy', 'ugly', 'timely', 'orderly', 'hourly', 'nightly', 'quarterly', 'lovely', 'italy', 'july', 'assembly', 'supply', 'apply', 'reply', 'rely', 'anomaly', 'belly', 'jelly', 'bully', 'ally', 'rally', 'ply', 'fly', 'sly']);
const isAdverb = (w: string) => w.length > 3 && w.endsWith('ly') && !ADJ_LY.hasWord(w);

/** Does a noun phrase object follow the verb ending at token j? */
function hasObject(s: Scan, j: number): boolean {
  const t = s.t;
  let q = j;
  while (q < t.n && t.word[q] && isAdverb(t.norm[q])) q++;
  if (q >= t.n || !t.word[q]) return false;
  const w = t.norm[q];
  const id = t.id[q];
  if (w === 'that' || w === 'whether' || w === 'how' || w === 'if' || w === 'what' || w === 'which' || w === 'who') return false;
  if (PREP.has(id) || BE.has(id) || HAVE.has(id)) return w === 'more' || w === 'less' || w === 'both' || w === 'only' || w === 'up';
  if (t.num[q]) return !(q + 1 < t.n && (t.norm[q + 1] === '%' || t.norm[q + 1] === 'percent' || t.norm[q + 1] === 'fold' || t.norm[q + 1] === 'times'));
  return true;
}

type VerbUse = 'causal' | 'weak' | 'change' | 'adjective' | null;

/** Is the clause subject (first word of the clause, after determiners) a group of people? */
function subjectIsGroup(s: Scan, i: number): boolean {
  const from = s.clauseStart[s.clauseOf[i]];
  for (let q = from; q < i && q < from + 6; q++) if (GROUP_NOUNS.has(s.t.id[q])) return true;
  return false;
}

/** A "to <verb>" earlier in the clause whose verb is not a claim ("required to improve X and promote Y"). */
function infinitiveBefore(s: Scan, i: number): boolean {
  const from = Math.max(s.clauseStart[s.clauseOf[i]], i - 12);
  for (let q = i - 2; q >= from; q--) {
    if (s.t.norm[q] === 'to' && q + 1 < s.t.n && VERB_FORMS.has(s.t.id[q + 1])) {
      const b = prevContent(s, q);
      return !(b >= 0 && CLAIM_BEFORE_TO.has(s.t.id[b]));
    }
  }
  return false;
}

/** How a causal verb (or the head of a causal phrase) at m is used. */
function verbUse(s: Scan, m: Match, phrasal: boolean): VerbUse {
  const t = s.t;
  const w = t.norm[m.i];
  const id = t.id[m.i];
  if (t.hyph[m.i] && !(m.i > 0 && (t.norm[m.i - 1] === 'down' || t.norm[m.i - 1] === 'up' || t.norm[m.i - 1] === 'co'))) return null; // "hyperglycemia-induced", "all-cause"
  const form = formOf(w);
  const p = m.i - 1;
  const prev = p >= 0 ? t.norm[p] : '';
  const next = m.j < t.n ? t.norm[m.j] : '';
  if (m.j < t.n && t.hyph[m.j]) return null; // "triple-negative"
  const q = prevContent(s, m.i);
  const pw = q >= 0 ? t.norm[q] : '';
  if (ARTEFACT.hasWord(pw) || (ARTEFACT_WITH_DET.hasWord(pw) && q > 0 && RESEARCH_DET.has(t.id[q - 1]))) return null;
  // "could influence the generalizability of our findings": the object is a research artefact.
  for (let k = m.j; k < Math.min(t.n, m.j + 5); k++) if (OBJECT_ARTEFACT.has(t.id[k])) return null;
  const discriminate = w.startsWith('distinguish') || w.startsWith('discriminat') || w.startsWith('differentiat');
  const obj = phrasal || hasObject(s, m.j) || (discriminate && next === 'between');
  const ergative = ERGATIVE_FORMS.has(id);
  // "displayed lower levels", "had increased risk": an adjective after a verb.
  if (!phrasal && (w === 'lower' || w === 'higher' || ((form === 'ed') && HAVE.hasWord(pw) && subjectIsGroup(s, m.i))) && (HAVE.hasWord(pw) || PRED_VERBS.hasWord(pw) || BE.hasWord(pw) || (pw.endsWith('ed') && pw !== 'need'))) return 'adjective';
  // Coordinated with an earlier infinitive of purpose: "needed to improve X and promote Y".
  if ((prev === 'and' || prev === 'or') && form === 'base' && infinitiveBefore(s, m.i)) return null;
  if (form === 'base') {
    if (prev === 'to' || pw === 'to') {
      const tq = prev === 'to' ? p : q;
      const before = prevContent(s, tq);
      const b = before >= 0 ? t.norm[before] : '';
      if (CLAIM_BEFORE_TO.hasWord(b)) return 'causal';
      if (tq - 1 >= 0 && CLAIM_BEFORE_TO.has(t.id[tq - 1])) return 'causal';
      return null;
    }
  }
  if (form === 'base' || form === 's') {
    // "this leads to", "these reduce", "genes that affect": a pronoun subject; "this increase", "these increases": a noun.
    if (DEMONSTRATIVE.hasWord(prev)) {
      const pronounSubject = prev === 'that' || (form === 's' ? prev === 'this' : prev === 'these' || prev === 'those');
      if (!pronounSubject) return null;
    } else if (DET.hasWord(prev) || (t.num[p] === true && !t.hyph[p])) return null;
    if (BE.hasWord(next) || HAVE.hasWord(next) || NOUN_CUE_NEXT.hasWord(next)) return null;
    if ((next === 'in' || next === 'of' || next === 'on' || next === 'for') && NOUNABLE.has(id) && !phrasal && !MODAL_DO.hasWord(prev)) return null;
    if ((q < 0 || pw === ',' || pw === ';' || pw === ':' || pw === '(') && !MODAL_DO.hasWord(prev)) return form === 's' && obj ? 'causal' : null;
    if (obj || INTRANSITIVE_CAUSAL.has(id) || contributesTo(s, m)) return 'causal';
    if (next === 'that' || next === 'which' || next === 'of') return null;
    // A bare base form is usually a noun ("change from baseline") unless a modal, "do" or a plural subject precedes.
    if (form === 'base' && !(MODAL_DO.hasWord(prev) || (pw.endsWith('s') && !pw.endsWith('ss')))) return null;
    return ergative || phrasal ? 'change' : null;
  }
  if (form === 'ed') {
    const byAmount = next === 'by' && m.j + 1 < t.n && (t.num[m.j + 1] || t.norm[m.j + 1] === 'one' || t.norm[m.j + 1] === 'half' || t.norm[m.j + 1] === 'a' || t.norm[m.j + 1] === 'about' || t.norm[m.j + 1] === 'approximately' || t.norm[m.j + 1] === 'up' || t.norm[m.j + 1] === 'nearly' || t.norm[m.j + 1] === 'almost');
    if (next === 'by' && !phrasal && !byAmount) return 'causal';
    if (BE.hasWord(pw) || GET.hasWord(pw)) return phrasal ? 'causal' : 'change';
    if (HAVE.hasWord(pw)) return obj ? 'causal' : 'change';
    if ((pw === 'and' || pw === 'or') && obj && finiteVerbBefore(s, q)) return 'causal';
    if (phrasal && pw === ',') return 'causal';
    // ", slowed conduction, induced ..." (a coordinated predicate), unless a verb follows: ", increased body size is ...".
    if ((pw === ',' || pw === 'and') && obj && finiteVerbBefore(s, q, true) && !finiteVerbAfter(s, m.j)) return 'causal';
    if (DET.hasWord(pw) || PREP.hasWord(pw) || q < 0 || pw === ',' || pw === ';' || pw === ':' || pw === '(') return null;
    if (w === 'treated' && (next === 'with' || next === 'by' || next === 'for')) return null;
    if (obj || INTRANSITIVE_CAUSAL.has(id) || contributesTo(s, m)) return 'causal';
    return ergative || phrasal ? 'change' : null;
  }
  // -ing
  if (BE.hasWord(prev)) return obj ? 'causal' : 'change';
  // A gerund subject: "reducing salt intake could lower ...", "Optimizing X may be critical".
  if (m.i === s.clauseStart[s.clauseOf[m.i]] || (prev === ',' && m.i - 1 === s.clauseStart[s.clauseOf[m.i]])) {
    for (let k = m.j; k < s.clauseEnd[s.clauseOf[m.i]]; k++) if (MODAL_DO.has(t.id[k]) || BE.has(t.id[k])) return null;
  }
  if (prev === ',' || pw === ',' || prev === 'thereby' || prev === 'thus' || prev === 'hence' || prev === 'potentially' || prev === 'possibly' || prev === 'so' || prev === 'further') return 'causal';
  if (prev === 'to' || prev === 'in' || prev === 'for' || prev === 'at' || prev === 'by') {
    const b = p - 1 >= 0 ? t.norm[p - 1] : '';
    const b2 = p - 2 >= 0 ? t.norm[p - 2] : '';
    if (CLAIM_BEFORE_ING.hasWord(b) || ((b.endsWith('ly') || b === 'more' || b === 'most') && CLAIM_BEFORE_ING.hasWord(b2))) return 'causal';
    return null;
  }
  // "a threat leading to DKA", "neurons modulating appetite": a participle after a noun.
  if ((phrasal || obj) && q >= 0 && t.word[q] && !DET.hasWord(pw) && !PREP.hasWord(pw) && !BE.hasWord(pw) && !HAVE.hasWord(pw)) return 'weak';
  return null;
}

/** A relation cue inside a non-claim context: "whether X reduces Y", "further studies to test ...", "should ...". */
function nonClaim(s: Scan, i: number): boolean {
  const c = s.clauseOf[i];
  const from = s.clauseStart[c];
  const to = s.clauseEnd[c];
  const t = s.t;
  for (const cue of s.cues) {
    if (cue.i < from || cue.i >= to) continue;
    const before = cue.i < i;
    if (cue.kind === 'limitation' && cue.group === 'limitation' && isResearchNeed(t.norm, cue.i, cue.j)) return true;
    if (!before) continue;
    if (cue.kind === 'conditional' && (cue.group === 'future' || t.norm[cue.i] === 'whether' || t.norm[cue.i] === 'if' || t.norm[cue.i] === 'unless')) return true;
    if (cue.kind === 'hedge' && (cue.group === 'open-question' || (cue.group === 'unclear' && /\b(whether|if|unclear|unknown|not known|uncertain)\b/.test(t.norm.slice(cue.i, cue.j).join(' '))))) return true;
    if (cue.kind === 'modal' && cue.group === 'modal-should' && !subordinatorBetween(t.id, cue.j, i)) return true;
  }
  for (let q = from; q < i; q++) {
    const w = t.norm[q];
    if ((w === 'to' || w === 'for') && q + 1 < i && PURPOSE_VERBS.has(t.id[q + 1])) return true;
    // "those who may benefit from": a relative clause that only identifies people.
    if (w === 'who' && i - q <= 3) return true;
    if (w === 'whether' || w === 'recommend' || w === 'recommended' || w === 'recommendation' || w === 'recommendations') return true;
    // "The aim of this study was to ...", "We aimed to ..." (not "interventions aimed at improving").
    if ((w === 'aim' || w === 'aimed' || w === 'aims' || w === 'objective' || w === 'objectives' || w === 'purpose' || w === 'goal') && (q - from <= 2 || (q > 0 && (t.norm[q - 1] === 'we' || t.norm[q - 1] === 'study')))) return true;
  }
  // A method or research-need predicate after the relation: "the effect of X on Y was examined".
  for (let q = i + 1; q < to; q++) {
    if (SUBORDINATORS.has(t.id[q])) break;
    if (METHOD_VERBS.has(t.id[q]) && q > 0 && (BE.has(t.id[q - 1]) || HAVE.has(t.id[q - 1]) || t.norm[q - 1] === 'further' || t.norm[q - 1] === 'been')) return true;
  }
  return false;
}

const SUBORDINATORS = new WordList(['as', 'because', 'since', 'which', 'that', 'who', 'given', 'when', 'where']);
function subordinatorBetween(ids: number[], from: number, to: number): boolean {
  for (let q = from; q < to; q++) if (SUBORDINATORS.has(ids[q])) return true;
  return false;
}

const RESEARCH_WORD = /^(research|stud(y|ies)|trials?|work|investigations?|evaluation|data|evidence|analyses|replication|confirmation|validation|experiments|testing|consideration|exploration|examination|follow-up|confirmed|replicated|validated|verified|tested|studied|investigated|explored|examined|evaluated|clarified|investigation)$/;
const NEED_WORD = /^(needs?|needed|required?|requires|warrant(s|ed)?|necessary|essential|recommended|planned|underway|ongoing|should|must|will|would|could|may|might|future|deserves?|merits?|awaits?|awaiting|remains?|to)$/;
/** "further studies are needed", "should be confirmed by larger trials" — not "provides further evidence". */
function isResearchNeed(norm: string[], i: number, j: number): boolean {
  let research = false, need = false;
  for (let q = i; q < j; q++) {
    if (RESEARCH_WORD.test(norm[q])) research = true;
    if (NEED_WORD.test(norm[q])) need = true;
  }
  if (research && !need && j < norm.length) need = NEED_WORD.test(norm[j]) || (j + 1 < norm.length && /^(is|are)$/.test(norm[j]) && NEED_WORD.test(norm[j + 1]));
  return research && need;
}

const ASSESSMENT = new WordList(['assessing', 'assessment', 'identifying', 'identification', 'detecting', 'detection', 'diagnosis', 'diagnosing', 'diagnostic', 'predicting', 'prediction', 'screening', 'monitoring', 'evaluating', 'evaluation', 'stratification', 'stratifying', 'measuring', 'measurement', 'identify', 'assess', 'detect', 'predict', 'screen', 'monitor', 'evaluate', 'measure', 'diagnose', 'estimate', 'estimating', 'research', 'risk', 'future', 'decision', 'decisions', 'selection', 'select', 'selecting', 'reference', 'guiding', 'guide']);
/** "useful for assessing", "a helpful pointer to diagnosis": usefulness for assessment, not an effect. */
function forAssessment(s: Scan, j: number): boolean {
  for (let k = j; k < Math.min(s.t.n, j + 5); k++) {
    const w = s.t.norm[k];
    if ((w === 'for' || w === 'to' || w === 'in') && k + 1 < s.t.n && ASSESSMENT.has(s.t.id[k + 1])) return true;
    if (w === 'pointer' || w === 'instrument' || w === 'marker' || w === 'indicator' || w === 'predictor') return true;
  }
  return false;
}

/** Is the relation cue at token i governed by a conditional hedge earlier in its clause? */
function conditionallyHedged(s: Scan, i: number): boolean {
  const c = s.clauseOf[i];
  const from = Math.max(s.clauseStart[c], i - 16);
  for (const cue of s.cues) {
    if (cue.i >= i || cue.i < from) continue;
    if (CONDITIONAL_GROUPS.has(cue.group)) return true;
  }
  return false;
}

const PRED_VERBS = new WordList(['face', 'faces', 'faced', 'facing', 'put', 'puts', 'putting', 'carry', 'carries', 'carried', 'run', 'runs', 'prove', 'proves', 'proved', 'proven', 'showed', 'show', 'shows', 'shown', 'exhibited', 'exhibit', 'exhibits', 'displayed', 'display', 'displays', 'experienced', 'experience', 'experiences', 'demonstrated', 'demonstrate', 'demonstrates', 'serve', 'serves', 'served', 'identified', 'emerged', 'found', 'find', 'finds', 'observed', 'there', 'as', 'no']);
/** Evidential verbs that assert their object ("confirms the benefit of", "found no effect of"). */
const EVIDENTIAL = new WordList(['confirm', 'confirms', 'confirmed', 'reveal', 'reveals', 'revealed', 'support', 'supports', 'supported', 'suggest', 'suggests', 'suggested', 'highlight', 'highlights', 'highlighted', 'highlighting', 'reinforce', 'reinforces', 'reinforced', 'provide', 'provides', 'provided', 'report', 'reports', 'reported', 'indicate', 'indicates', 'indicated', 'establish', 'established', 'establishes', 'prove', 'proves', 'proved', 'document', 'documented', 'documents', 'underscore', 'underscores', 'emphasize', 'emphasizes', 'evidence', 'saw', 'see', 'noted', 'detected']);
/** A copula or "have"-type verb shortly before token i ("is a risk factor", "had higher rates"). */
function predicative(s: Scan, i: number, window: number, evidential = false): boolean {
  const from = Math.max(s.clauseStart[s.clauseOf[i]], i - window);
  for (let q = i - 1; q >= from; q--) {
    const w = s.t.norm[q];
    const id = s.t.id[q];
    if (BE.has(id) || HAVE.has(id) || GET.has(id) || PRED_VERBS.has(id)) return true;
    if (evidential && EVIDENTIAL.has(id)) return true;
    if (w === ';') return false;
  }
  return false;
}

const AFTER_PRED = new WordList(['observed', 'seen', 'found', 'noted', 'demonstrated', 'shown', 'evident', 'apparent', 'significant', 'detected', 'confirmed', 'achieved', 'present', 'identified', 'reported', 'similar', 'greater', 'higher', 'lower', 'larger', 'smaller', 'strong', 'stronger', 'weak', 'weaker', 'modest', 'substantial', 'small', 'large', 'limited', 'consistent', 'maintained', 'sustained', 'noticed', 'documented', 'established', 'evidenced', 'positive', 'negative', 'inverse', 'independent', 'robust', 'marked', 'minimal', 'comparable', 'attenuated', 'lost', 'absent', 'persisted', 'persists', 'disappeared', 'disappear', 'disappears', 'remained', 'remains', 'exists', 'existed', 'emerged', 'occurred', 'were', 'was', 'are', 'is']);
/** A noun subject followed by its predicate: "the best predictors of X are ...", "effects were observed". */
function predicatedAfter(s: Scan, i: number, j: number): boolean {
  const c = s.clauseOf[i];
  const to = Math.min(s.clauseEnd[c], j + 14);
  const subject = i - s.clauseStart[c] <= 4;
  for (let q = j; q < to; q++) {
    const w = s.t.norm[q];
    const id = s.t.id[q];
    if (BE.has(id) || HAVE.has(id)) {
      if (subject) return true;
      const nx = q + 1 < s.t.n ? s.t.norm[q + 1] : '';
      const nx2 = q + 2 < s.t.n ? s.t.norm[q + 2] : '';
      return AFTER_PRED.hasWord(nx) || AFTER_PRED.hasWord(nx2);
    }
    if (w === 'occur' || w === 'occurs' || w === 'occurred') return true;
    if (subject && (w === 'persisted' || w === 'disappeared' || w === 'disappear' || w === 'disappears' || w === 'remained' || w === 'emerged' || w === 'occurred' || w === 'exists' || w === 'existed')) return true;
  }
  return false;
}

const GROUP_NOUNS = new WordList(['patients', 'people', 'persons', 'adults', 'participants', 'individuals', 'subjects', 'women', 'men', 'children', 'adolescents', 'infants', 'those', 'cases', 'mothers', 'girls', 'boys', 'users', 'smokers', 'survivors', 'eyes', 'youth', 'pregnancies', 'veterans', 'students', 'neonates', 'newborns', 'elderly', 'residents', 'workers', 'group', 'groups', 'cohort', 'population', 'populations']);
const GROUP_LINK = new WordList(['with', 'without', 'who', 'receiving', 'treated', 'taking', 'undergoing', 'on', 'from', 'having', 'exposed', 'born', 'living', 'aged', 'using', 'carrying', 'harbouring', 'harboring']);
/** "Patients with X are/have Y": an exposure-defined group is given a property, an association. */
function groupWith(s: Scan): number {
  const t = s.t;
  for (let k = 0; k + 1 < t.n; k++) {
    if (!GROUP_NOUNS.has(t.id[k]) || !GROUP_LINK.has(t.id[k + 1])) continue;
    const c = s.clauseOf[k];
    if (c !== s.mainClause && s.clauseType[c] !== 'main') continue;
    // Only as the clause subject: "Patients with X have Y" (not "... in patients with X", mostly descriptive).
    const atStart = k - s.clauseStart[c] <= 2;
    if (!atStart) continue;
    if (nonClaim(s, k)) continue;
    // Needs a predicate in the clause: a copula / have / a finite -ed verb.
    for (let q = s.clauseStart[c]; q < s.clauseEnd[c]; q++) {
      const w = t.norm[q];
      const id = t.id[q];
      if (q !== k + 1 && (BE.has(id) || HAVE.has(id) || (atStart && q > k + 2 && w.endsWith('ed')))) return k;
    }
  }
  return -1;
}

const LITERATURE = new WordList(['reported', 'published', 'literature', 'previous', 'previously', 'expected', 'recommended', 'recommendations', 'guidelines', 'described', 'obtained', 'estimated', 'predicted', 'anticipated', 'thought', 'assumed', 'believed']);
/** "similar to what has been reported", "lower than previously thought": a comparison with other work, not a relation. */
function literatureComparison(s: Scan, j: number): boolean {
  for (let k = j; k < Math.min(s.clauseEnd[s.clauseOf[Math.min(j, s.t.n - 1)]], j + 8); k++) if (LITERATURE.has(s.t.id[k])) return true;
  return false;
}

function thanAhead(norm: string[], k: number, window: number): boolean {
  for (let q = k + 1; q < Math.min(norm.length, k + 1 + window); q++) if (norm[q] === 'than') return true;
  return false;
}

/** A comparison between groups without an explicit "than": "was higher in the treated group", "similar in both groups". */
function groupComparison(s: Scan, k: number): boolean {
  const t = s.t;
  const end = Math.min(s.clauseEnd[s.clauseOf[k]], k + 7);
  const similarity = t.norm[k] === 'similar' || t.norm[k] === 'different' || t.norm[k] === 'comparable';
  for (let q = k + 1; q < end; q++) {
    if (GROUP_INTRO.has(t.id[q]) || (similarity && (t.norm[q] === 'to' || t.norm[q] === 'from'))) return q > k + 1 || t.norm[q] === 'than' || t.norm[q] === 'between' || t.norm[q] === 'among' || t.norm[q] === 'in' || t.norm[q] === 'to' || t.norm[q] === 'from';
  }
  return false;
}

const byStart = (a: RelationCue, b: RelationCue) => a.i - b.i;

type Counter = 'causalVerbs' | 'causalAdj' | 'causalNouns' | 'correlational' | 'comparative';

/** The relation cues of a sentence as they are found, with the counts the certainty model reads. */
class Relations {
  readonly cues: RelationCue[] = [];
  readonly counts: Record<Counter, number> = { causalVerbs: 0, causalAdj: 0, causalNouns: 0, correlational: 0, comparative: 0 };
  /** The sentence's causal claim: the main clause's wins over one in a subordinate clause. */
  causal: RelationCue | null = null;
  /** The first causal participle ("mutations leading to disease"). */
  weakCausal: RelationCue | null = null;
  /** Whether there is association language. */
  corr = false;
  /** Tokens inside a cue. */
  readonly covered: Uint8Array;
  constructor(private readonly s: Scan) {
    this.covered = new Uint8Array(s.t.n);
  }

  add(m: { i: number; j: number }, kind: 'causal' | 'correlational', group: string, hedged: boolean, counter: Counter): void {
    const s = this.s;
    const rc: RelationCue = { i: m.i, j: m.j, kind, group, hedged };
    this.cues.push(rc);
    for (let q = m.i; q < m.j; q++) this.covered[q] = 1;
    if (kind === 'causal') {
      // The main clause's causal claim wins over one in a subordinate clause.
      const causal = this.causal;
      if (!causal || (s.clauseOf[m.i] === s.mainClause && s.clauseOf[causal.i] !== s.mainClause) || (causal.hedged && !hedged && s.clauseOf[m.i] === s.clauseOf[causal.i])) this.causal = rc;
    } else this.corr = true;
    this.counts[counter]++;
  }

  /** "mutations leading to disease": causal, unless the sentence's claim is an association. */
  addWeak(m: { i: number; j: number }, group: string, hedged: boolean): void {
    const rc: RelationCue = { i: m.i, j: m.j, kind: 'causal', group, hedged };
    this.cues.push(rc);
    if (!this.weakCausal) this.weakCausal = rc;
    this.counts.causalVerbs++;
  }
}

export function classifyStrength(s: Scan): StrengthResult {
  const found = new Relations(s);
  for (const m of s.relations) {
    if (nonClaim(s, m.i)) continue;
    const g = m.entry.group;
    if (Object.hasOwn(RELATION_GROUPS, g)) RELATION_GROUPS[g]!(s, m, found);
  }
  unlistedComparisons(s, found);
  if (!found.corr && !found.causal) {
    const k = groupWith(s);
    if (k >= 0) found.add({ i: k, j: k + 2 }, 'correlational', 'group-comparison', false, 'comparative');
  }
  // A finite causal claim wins; then association language; then a causal participle ("genes driving X").
  const direct = found.causal;
  const participle = found.weakCausal;
  let strength: 0 | 1 | 2 | 3 = 0;
  if (direct) strength = direct.hedged ? 2 : 3;
  else if (found.corr) strength = 1;
  else if (participle) strength = participle.hedged ? 2 : 3;
  const cues = found.cues;
  // Usually in order already; the sort is stable, so skipping it then changes nothing.
  for (let k = 1; k < cues.length; k++) if (cues[k - 1].i > cues[k].i) { cues.sort(byStart); break; }
  return { strength, cues, ...found.counts };
}

/** Comparisons between groups that the phrase lexicon does not spell out ("was higher in the X group"). */
function unlistedComparisons(s: Scan, found: Relations): void {
  const t = s.t;
  for (let k = 0; k < t.n; k++) {
    if (found.covered[k] || !COMPARATIVES.has(t.id[k])) continue;
    // "more than 50%", "more than half" are quantities.
    if (k + 2 < t.n && t.norm[k + 1] === 'than' && (t.num[k + 2] || QUANTITY.has(t.id[k + 2]))) continue;
    if (!predicative(s, k, 3) && !thanAhead(t.norm, k, 4)) continue;
    if (!groupComparison(s, k) || nonClaim(s, k) || literatureComparison(s, k + 1)) continue;
    found.add({ i: k, j: k + 1 }, 'correlational', 'comparative', false, 'comparative');
  }
}

/** Per relation-lexicon group: when a match of it is a claim, and what kind. */
const RELATION_GROUPS: Record<string, (s: Scan, m: Match, found: Relations) => void> = {
  'causal-verb': causalVerb,
  'causal-phrase': causalVerb,
  'causal-link'(s, m, found) {
    const t = s.t;
    if (t.hyph[m.i]) return;
    // "X is due to Y", ", because of Y": a claim; "mortality due to violence" only names a category.
    const q = prevContent(s, m.i);
    const pw = q >= 0 ? t.norm[q] : '';
    const w = t.norm[m.i];
    const free = INHIBITOR.test(w) || w === 'causal' || w === 'causally' || w === 'causative' || w === 'responsible' || w === 'key' || w === 'the' || w === 'a' || w === 'root' || w === 'cause' || w === 'causes' || w === 'cause-and-effect' || w.startsWith('contributor') || w.startsWith('driver') || w.startsWith('reason') || w.startsWith('trigger');
    if (free ? predicative(s, m.i, 4) || w === 'causally' : BE.hasWord(pw) || GET.hasWord(pw) || ARISE.hasWord(pw) || pw === ',' || q < s.clauseStart[s.clauseOf[m.i]] || pw === 'not' || pw === 'and') {
      found.add(m, 'causal', 'causal-link', conditionallyHedged(s, m.i), 'causalAdj');
    }
  },
  'causal-adj'(s, m, found) {
    const t = s.t;
    // After a copula ("is effective", "is an effective treatment", "proved beneficial") or "effective in reducing";
    // not a bare noun-phrase modifier ("the development of effective therapies").
    const next = m.j < t.n ? t.norm[m.j] : '';
    if (predicative(s, m.i, 5) || next === 'in' || next === 'at' || next === 'for' || next === 'against' || t.norm[m.i] === 'effectively') {
      found.add(m, 'causal', 'causal-adj', conditionallyHedged(s, m.i), 'causalAdj');
    }
  },
  importance(s, m, found) {
    const t = s.t;
    // "is crucial for a good outcome", "was essential to recovery" (predicative, not "necessary to determine").
    const dummy = m.i >= 2 && t.norm[m.i - 2] === 'it';
    if (predicative(s, m.i, 3) && !dummy && !(m.j < t.n && (PURPOSE_VERBS.has(t.id[m.j]) || t.norm[m.j] === 'exclude'))) {
      found.add(m, 'causal', 'importance', conditionallyHedged(s, m.i), 'causalAdj');
    }
  },
  usefulness(s, m, found) {
    const t = s.t;
    // "may be useful", "appears to be a promising treatment": conditional causal language (only when hedged),
    // unless it is usefulness for assessment ("may be a useful tool for assessing ...").
    if ((predicative(s, m.i, 5) || t.norm[m.i - 1] === 'prove' || t.norm[m.i - 1] === 'proves') && conditionallyHedged(s, m.i) && !forAssessment(s, m.j)) {
      found.add(m, 'causal', 'usefulness', true, 'causalAdj');
    }
  },
  'causal-noun'(s, m, found) {
    // "had no effect on", "showed a benefit", "confirms the benefit of", "effects were observed".
    if (predicative(s, m.i, 6, true) || predicatedAfter(s, m.i, m.j)) found.add(m, 'causal', 'causal-noun', conditionallyHedged(s, m.i), 'causalNouns');
  },
  'change-noun'(s, m, found) {
    if (predicative(s, m.i, 6, true) || predicatedAfter(s, m.i, m.j)) found.add(m, 'correlational', 'change-noun', false, 'correlational');
  },
  'correlational-verb'(s, m, found) {
    const t = s.t;
    const q = prevContent(s, m.i);
    const pw = q >= 0 ? t.norm[q] : '';
    // "factors associated with X" is a noun phrase; "X was associated with Y", "X correlated with Y" claim.
    const w = t.norm[m.i];
    const participle = w === 'associated' || w === 'linked' || w === 'related' || w === 'connected' || w === 'tied' || w === 'accompanied';
    if (!participle || BE.hasWord(pw) || HAVE.hasWord(pw) || GET.hasWord(pw) || pw === 'not' || q < 0 || clauseHasNoVerbBefore(s, m.i)) {
      found.add(m, 'correlational', 'correlational-verb', false, 'correlational');
    }
  },
  'correlational-noun'(s, m, found) {
    if (predicative(s, m.i, 8, true) || predicatedAfter(s, m.i, m.j)) found.add(m, 'correlational', 'correlational-noun', false, 'correlational');
  },
  predictor(s, m, found) {
    const t = s.t;
    const w = t.norm[m.i];
    if ((w === 'predict' || w === 'predicts' || w === 'predicted') && (verbUse(s, m, false) !== null || MODAL_DO.has(t.id[m.i - 1]))) found.add(m, 'correlational', 'predictor', false, 'correlational');
    else if (predicative(s, m.i, 5) || predicatedAfter(s, m.i, m.j)) found.add(m, 'correlational', 'predictor', false, 'correlational');
  },
  risk(s, m, found) {
    const t = s.t;
    if (t.norm[m.i] === 'at' || predicative(s, m.i, 4) || predicatedAfter(s, m.i, m.j) || t.norm[m.i] === 'more' || t.norm[m.i] === 'less' || t.norm[m.i] === 'most' || t.norm[m.i] === 'least' || t.norm[m.i] === 'equally' || t.norm[m.i] === 'as' || t.norm[m.i] === 'twice' || t.norm[m.i] === 'times') {
      found.add(m, 'correlational', 'risk', false, 'correlational');
    }
  },
  comparative(s, m, found) {
    if (literatureComparison(s, m.j)) return;
    found.add(m, 'correlational', 'comparative', false, 'comparative');
  },
};

/** A causal verb or phrase ("causes", "leads to"), by how the sentence uses it. */
function causalVerb(s: Scan, m: Match, found: Relations): void {
  const t = s.t;
  const g = m.entry.group;
  const use = verbUse(s, m, g === 'causal-phrase');
  if (use === null && NOUN_FALLBACK.has(t.id[m.i]) && (predicative(s, m.i, 6, true) || predicatedAfter(s, m.i, m.j))) {
    found.add(m, 'causal', 'causal-noun', conditionallyHedged(s, m.i), 'causalNouns');
  } else if (use === 'causal') found.add(m, 'causal', g, conditionallyHedged(s, m.i), 'causalVerbs');
  else if (use === 'adjective') found.add(m, 'correlational', 'comparative', false, 'comparative');
  else if (use === 'weak') found.addWeak(m, g, conditionallyHedged(s, m.i));
  else if (use === 'change') found.add(m, 'correlational', 'change-verb', false, 'correlational');
}

const FINDING_VERBS = new WordList(['find', 'finds', 'found', 'identify', 'identifies', 'identified', 'reveal', 'reveals', 'revealed', 'show', 'shows', 'showed', 'shown', 'discover', 'discovers', 'discovered', 'describe', 'describes', 'described', 'report', 'reports', 'reported', 'uncover', 'uncovers', 'uncovered', 'pinpoint', 'pinpoints', 'pinpointed', 'spot', 'spots', 'spotted']);
/** "Coffee linked to lower risk" (a headline), "study finds variants linked to disease": the participle is the claim. */
function clauseHasNoVerbBefore(s: Scan, i: number): boolean {
  const from = s.clauseStart[s.clauseOf[i]];
  for (let q = from; q < i; q++) {
    const w = s.t.norm[q];
    const id = s.t.id[q];
    if (FINDING_VERBS.has(id)) return true;
    if (BE.has(id) || HAVE.has(id) || w.endsWith('ed') || (s.t.norm[q].endsWith('s') && VERB_FORMS.has(id)) || MODAL_DO.has(id)) return false;
  }
  return true;
}
