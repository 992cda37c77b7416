// Hand-curated lexicons, written for claimlint (no corpus-derived lists). Each spec gives a cue kind, a
// finer group (a feature of the certainty model and the input of the flags) and phrase patterns in the
// syntax of phrases.ts. Within one index, longer phrases win over the words inside them ("not known
// whether" is a hedge, not a negation) unless `keep` lists the inner kind. Four independent indexes:
// CUES (certainty and structure), FEATURES (model-only), RELATIONS (claim strength), POPULATION.
import { hedges } from 'hedges';
import { PhraseIndex, type PhraseSpec } from './phrases.js';

const BE = 'is|are|was|were|be|been|being|am';
const NOT = "not|isn't|aren't|wasn't|weren't|doesn't|don't|didn't";
/** Human agents of reported speech or of reported findings. */
const AGENT =
  'authors|author|researchers|researcher|investigators|scientists|scientist|experts|expert|team|doctors|doctor|' +
  'clinicians|physicians|psychiatrists|professor|officials|he|she|they|others|critics|proponents|advocates|' +
  'manufacturer|company|fda|agency|guidelines|reviewers|commentators|editors|advocates';
const AGENT_ADV = 'also|now|further|previously|recently|subsequently|however|have|has|had|later|then|themselves|first|long';
const AGENT_ADV2 = 'definitively|clearly|convincingly|conclusively|repeatedly|consistently|now|also|recently|previously|already|since|independently|been|reportedly';
const REPORT_AGENT_VERB =
  '~find|~conclude|~report|~note|~observe|~argue|~claim|~believe|~suggest|~think|~propose|~hypothesize|~hypothesise|' +
  '~speculate|~show|~demonstrate|~caution|~warn|~state|~emphasize|~emphasise|~stress|~maintain|~insist|~contend|' +
  '~acknowledge|~admit|~assert|~estimate|~predict|~discover|~write|~say|~tell|~explain|~add|~point|~suspect|' +
  '~determine|~calculate|~confirm|~reveal|~establish|~prove|~recommend|~advise|~caution|~concede|~know';
export const HUMAN_NOUN =
  'patients|patient|people|persons|person|adults|adult|participants|participant|humans|human|individuals|individual|' +
  'volunteers|men|women|children|adolescents|teenagers|teens|subjects|users|sufferers|cases|mothers|infants|' +
  'smokers|veterans|students|workers|elderly|seniors|survivors|responders|completers|americans|clients|consumers';
const RESEARCH_NOUN = 'research|studies|study|trials|trial|work|investigation|investigations|evaluation|data|evidence|analyses|replication|confirmation|validation|follow-up|experiments|testing';
const RESEARCH_ADJ = 'further|more|additional|future|larger|longer|new|other|well-designed|randomized|randomised|prospective|confirmatory|independent|high-quality|rigorous|controlled|clinical|long-term|definitive|large';

export const CUE_SPECS: readonly PhraseSpec[] = [
  // ---------- pseudo entries: block a reading of the words inside them ----------
  { kind: 'pseudo', group: 'pseudo', patterns: [
    'not only', 'not just', "isn't|aren't|wasn't|weren't just|only|simply|merely", 'is|are|was|were not just|only|simply|merely',
    'not for profit', 'not-for-profit', 'not least', 'not to mention', 'nothing but', 'no sooner', 'not unlike', 'no less than',
    'in may', 'of may', 'since may', 'until may', 'by may', 'may #NUM', 'no matter how|what|whether|who|which',
    'if any', 'even if', 'as if', 'if so', 'if not', 'data not shown', 'results not shown',
    'more|less|least|as|equally|twice|times|similarly likely', 'not possible', 'where possible',
    'whenever possible', 'as soon as possible', 'if possible', 'possible to', 'make possible', 'made possible',
    'makes possible', 'no|not more than', 'no|not less than', 'no later than', 'no earlier than',
  ] },

  // ---------- modals ----------
  { kind: 'modal', group: 'modal-weak', patterns: ['may', 'might', 'could', 'may well', 'might well', 'could well', "mightn't"] },
  { kind: 'modal', group: 'modal-can', patterns: ['can', 'able to'] },
  { kind: 'modal', group: 'modal-would', patterns: ['would', "wouldn't"] },
  { kind: 'modal', group: 'modal-should', patterns: ['should', "shouldn't", 'ought to', 'need to', 'needs to', 'have to', 'has to'] },
  { kind: 'modal', group: 'modal-must', patterns: ['must', "mustn't"] },
  { kind: 'modal', group: 'modal-will', patterns: ['will', "won't", 'going to'] },

  // ---------- hedges ----------
  { kind: 'hedge', group: 'epistemic-suggest', patterns: [
    '~suggest', 'suggestive of', 'suggestion', 'suggestions', '~imply', '~hint', 'hint', 'hints',
    'raise|raises|raised|raising the possibility', 'point|points|pointed to',
    'support|supports|supported the hypothesis|idea|notion|view|possibility',
  ] },
  { kind: 'hedge', group: 'epistemic-consistent', patterns: ['consistent with', 'in line with', 'compatible with', 'in keeping with'] },
  { kind: 'hedge', group: 'epistemic-indicate', patterns: ['indicate|indicates|indicated|indicating that', 'indicative of'] },
  { kind: 'hedge', group: 'epistemic-appear', patterns: [
    '~appear', '~seem', 'apparently', 'seemingly', '~tend to', 'tendency',
  ] },
  { kind: 'hedge', group: 'epistemic-believe', patterns: [
    `${BE} thought|believed|suspected|presumed|hypothesized|hypothesised|assumed|proposed|speculated|postulated|supposed|likely to`,
    `${BE} considered to`, `${BE} expected|predicted to`,
    '~speculate', '~hypothesize', '~hypothesise', '~postulate', '~propose', '~suspect', '~presume', '~assume',
    'i think', 'we think', 'i believe', 'we believe', 'we suspect', 'it is possible that', "it's possible that",
    'hypothesis', 'hypotheses', 'speculation', 'speculative', 'assumption', 'theory', 'theorized', 'theorised',
    'in theory', 'theoretically', 'in principle', 'conjecture', 'thought to', 'believed to',
  ] },
  { kind: 'hedge', group: 'epistemic-adverb', patterns: [
    'possibly', 'probably', 'perhaps', 'maybe', 'potentially', 'presumably', 'plausibly', 'conceivably',
    'arguably', 'supposedly', 'putatively', 'ostensibly', 'likely', 'unlikely', 'most likely', 'very likely',
    'highly likely', 'more than likely', 'in all likelihood', 'presumptive',
  ] },
  { kind: 'hedge', group: 'epistemic-adjective', patterns: [
    'possible', 'potential', 'putative', 'plausible', 'probable', 'conceivable', 'hypothetical', 'tentative',
    'tentatively', 'possibility', 'possibilities', 'promising', 'promise', 'hope', 'hopes', 'hoped',
  ] },
  { kind: 'hedge', group: 'open-question', keep: ['conditional'], patterns: [
    'it is|remains still? unclear|unknown|uncertain|undetermined|unresolved|debated whether|if|how|why|what|which',
    "it's still? unclear|unknown|uncertain|undetermined|unresolved|debated whether|if|how|why|what|which",
    `it is|remains still? ${NOT} known|clear|certain|established|understood whether|if|how|why|what|which`,
    `it's still? not known|clear|certain|established|understood whether|if|how|why|what|which`,
    'it is|remains still? unclear|unknown|uncertain to what extent', "it's still? unclear|unknown|uncertain to what extent",
    `${NOT} yet known|clear|established whether|if|how|why|what`, 'little is known about', 'nobody knows whether|if|how|why',
    'no one knows whether|if|how|why', 'remains|remain|remained to be seen|determined|established|proven|shown|tested',
    'open question', 'open questions', 'an open question', 'unanswered question|questions', 'whether or not',
    'the question of whether', 'the jury is still out', 'too early to say|tell|know',
  ] },
  { kind: 'hedge', group: 'unclear', keep: ['conditional'], patterns: [
    'unclear', 'uncertain', 'uncertainty', 'uncertainties', 'unknown', 'unsure', 'unresolved', 'unproven', 'untested',
    `${NOT} known`, `${NOT} clear`, `${NOT} certain`, `${NOT} yet known|clear|understood|established`,
    `${NOT} fully|well|completely|entirely|totally understood|known|clear|established`, 'poorly understood',
    'little is known', 'less is known', 'much remains', 'still much to learn', 'a mystery', 'mysterious',
    'remains|remain|remained to be seen|determined|established|confirmed|elucidated|clarified|proven|shown|understood|explored',
    'remains|remain|remained unclear|uncertain|unknown|elusive|controversial|debated|open|unexplained|speculative|unanswered|unproven',
    'remains|remain|remained a mystery',
    'open question', 'open questions', 'unanswered', 'controversial', 'controversy', 'debated', 'debatable',
    'under debate', 'questionable', 'inconclusive', 'inconsistent', 'conflicting', 'mixed results|evidence|findings',
    'is|are|was|were mixed', 'equivocal', 'not necessarily', "not always", 'not proven', 'not yet proven',
    'no consensus', 'lack of consensus', 'doubt', 'doubts', 'doubtful', 'in doubt', 'not sure',
    "isn't sure", 'not established', 'has|have|had not been established|proven|shown|confirmed|demonstrated|replicated|tested',
    "hasn't|haven't|hadn't been established|proven|shown|confirmed|demonstrated|replicated|tested",
    'insufficient evidence', 'not enough evidence', 'no clear evidence', 'no good evidence', 'no strong evidence',
    'no conclusive evidence', 'lack of evidence', 'limited evidence', 'little evidence', 'little support', 'scant evidence', 'weak evidence', 'low quality evidence',
    'low-quality evidence', 'low certainty', 'very low certainty', 'cannot be excluded', "can't be excluded",
    'cannot be ruled out', "can't be ruled out", 'could not be ruled out|excluded', 'not be ruled out|excluded',
    'cannot say', "can't say", 'cannot tell', 'hard to say|tell|know', 'difficult to say|tell|know|determine',
    'too early to say|tell|know', 'far from clear|certain|settled|proven', 'does not prove|establish',
    'do not prove|establish', 'did not prove|establish', "doesn't prove", "don't prove", 'cannot prove|establish',
    'not clear-cut', 'anyone\'s guess', 'not definitive', 'not conclusive', 'no proof',
    "cannot|can't actually|really|yet|fully|reliably say|tell|know|predict|determine|conclude",
    "cannot|can't conclude", 'not so simple|clear|straightforward|clear-cut|simple', 'more complicated|complex than',
    'gaps in our|the knowledge|understanding', 'knowledge gap', 'knowledge gaps', 'much to learn', 'more to learn',
    'limited understanding|knowledge', 'still limited', 'not enough evidence|data|information',
    'not sufficient evidence|data|information', 'not have enough|sufficient evidence|data|information', 'lack of data', 'scant', 'scarce evidence|data',
    'sparse evidence|data', 'remains|remain poorly', 'understanding is limited', 'not well characterized|characterised',
    'is|are|was|were unknown', 'unexplained', 'it remains to be', 'only partly|partially understood|explained',
  ] },
  { kind: 'hedge', group: 'approximator', patterns: [
    'about #NUM', 'around #NUM', 'approximately', 'roughly', 'nearly', 'almost', 'some #NUM', 'or so', 'approximate',
    'ca', 'circa', 'up to', 'as much as', 'as many as',
  ] },
  { kind: 'hedge', group: 'degree', patterns: [
    'somewhat', 'partly', 'partially', 'in part', 'to some extent', 'to some degree', 'to a certain extent',
    'to a certain degree', 'more or less', 'relatively', 'fairly', 'slightly', 'modest', 'modestly', 'marginal',
    'marginally', 'borderline', 'kind of', 'sort of', 'at least partly', 'at least in part', 'hardly', 'scarcely', 'barely',
  ] },
  { kind: 'hedge', group: 'frequency', patterns: [
    'usually', 'often', 'sometimes', 'occasionally', 'frequently', 'generally', 'typically', 'commonly',
    'mostly', 'mainly', 'largely', 'in general', 'in some cases', 'in many cases', 'in most cases', 'rarely',
    'seldom', 'in some patients|people|people', 'for some patients|people',
  ] },
  { kind: 'limitation', group: 'limitation', keep: ['conditional'], patterns: [
    `(${RESEARCH_ADJ})? ${RESEARCH_NOUN} (is|are)? needed|required|warranted|necessary|essential|recommended|planned|underway|ongoing|needs|deserves`,
    `(${RESEARCH_ADJ}) ${RESEARCH_NOUN} should|must|will|would|could|may|might|is|are|can`,
    `further|additional ${RESEARCH_NOUN}`, 'more research|studies|trials|data|work|evidence|investigation',
    'larger studies|trials|samples|cohorts', 'large-scale studies|trials', 'more work', 'more investigation',
    'need|needs|needed to be confirmed|replicated|validated|verified|tested|studied|investigated|explored|examined|evaluated|established|clarified',
    '~warrant further|more|additional', '~warrant investigation|study|confirmation', '~require further',
    '~require confirmation|replication|validation', '~need replication|confirmation|validation',
    '~need further|more|additional|careful', '~deserve further|more|additional', '~merit further|more|additional',
    'should be confirmed|replicated|validated|verified|interpreted|tested|explored|investigated|studied',
    'should be considered preliminary', 'with caution', 'caution', 'cautious', 'cautiously', 'interpreted carefully',
    'preliminary', 'pilot', 'exploratory', 'proof of concept', 'proof-of-concept', 'anecdotal', 'anecdotally',
    'small trial|study|sample|samples|studies|trials|number|numbers|cohort|series|subgroup|subset', 'small sample size',
    'a single trial|study|case|report', 'one small trial|study', 'only one trial|study', 'case report',
    'case reports', 'uncontrolled', 'open-label', 'open label', 'not yet', 'has|have|had yet to', 'yet to be',
    'early evidence|results|data|findings|stage|stages|days|work|research', 'emerging evidence|data|research',
    'limitation', 'limitations', 'limited by', 'limited data', 'was|were|is|are limited',
    'interim analysis', 'stopped early', 'underpowered', 'not replicated', "hasn't been replicated",
    'awaits|await|awaiting confirmation|replication', 'in its infancy', 'a handful of studies', 'too early',
    'to be determined', 'to be confirmed', 'remains to be tested', 'in need of', 'needs more study|research|work',
  ] },

  // ---------- boosters ----------
  { kind: 'booster', group: 'booster-strong', patterns: [
    '~prove', 'proof that|of', 'definitively', 'definitive', 'definitely', 'definite', 'conclusively', 'conclusive',
    'undeniably', 'undeniable', 'undoubtedly', 'indisputably', 'indisputable', 'unquestionably', 'unquestionable',
    'unequivocally', 'unequivocal', 'irrefutable', 'irrefutably', 'incontrovertible', 'incontrovertibly',
    'certainly', 'for certain', 'for sure', 'surely', 'without doubt', 'without a doubt', 'no doubt',
    'beyond doubt', 'beyond any doubt', 'beyond a doubt', 'beyond question', 'without question', 'no question',
    'beyond dispute', 'obviously', 'clearly', 'it is clear', "it's clear", 'it is evident', 'it is certain',
    'is|are|was|were|be certain', 'certain that', 'settled', 'well established', 'firmly established',
    'well known', 'well documented', 'well understood', 'well proven', 'has|have|had been established',
    'has|have|had established', 'is|are established', 'established that', 'established fact', 'a fact',
    'is a fact', 'known to', 'it is known', "it's known", 'we know', 'we now know', 'is|are|was|were known',
    'everyone knows', 'clear evidence', 'strong evidence', 'overwhelming evidence', 'compelling evidence',
    'conclusive evidence', 'decisively', 'unambiguously', 'unambiguous', 'demonstrably', 'there is no question',
    'no longer in doubt', 'scientifically proven', 'science is settled', 'no two ways about it',
  ] },
  { kind: 'booster', group: 'booster-emphatic', patterns: [
    'indeed', 'in fact', 'of course', 'actually', 'really', 'truly', 'absolutely', 'evidently', 'evident', 'clear',
    'convincing', 'convincingly', 'compelling', 'robust evidence', 'must be', 'the key', 'always will',
    'will certainly', 'will always', 'confirms|confirmed|confirm that',
  ] },
  { kind: 'booster', group: 'evidential', patterns: [
    '~show', '~demonstrate', '~reveal', '~confirm', '~establish', 'shown to', 'demonstrated to',
  ] },

  // ---------- negation (NegEx-style pre-negation triggers; the scope logic is in negation.ts) ----------
  { kind: 'negation', group: 'negation', keep: ['generaliser'], patterns: [
    'not', 'no', 'never', 'none', 'nor', 'neither', 'cannot', "can't", 'nobody', 'nothing', 'no one', 'nowhere',
    'without', 'absence of', 'absent', 'lack of', 'lacks', 'lacked', 'lacking', 'lack', 'could not', "couldn't",
    'fail|fails|failed|failing to', 'failure to', 'free of', 'free from', 'no longer',
    "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "didn't", "hasn't", "haven't",
    "hadn't", "won't", "wouldn't", "shouldn't", "mustn't", "needn't", "ain't",
    'rather than', 'instead of', 'ruled out', 'rules out', 'denied', 'denies', 'refuted', 'refutes', 'disproved',
    'disproven', 'unrelated to', 'independent of',
  ] },
  { kind: 'negation', group: 'null-result', patterns: [
    'no|not significant|significantly|statistically|meaningful|meaningfully|clinically',
    'no difference|differences|effect|effects|association|associations|change|changes|increase|decrease|benefit|improvement|reduction|relationship|correlation|link|impact|evidence|advantage|harm',
    'no significant difference|differences|effect|effects|association|change|changes|benefit|improvement',
    'non-significant', 'nonsignificant', 'not statistically significant',
  ] },

  // ---------- attribution ----------
  { kind: 'attribution', group: 'reported-speech', keep: ['hedge', 'booster', 'modal', 'negation', 'conditional', 'generaliser', 'limitation'], patterns: [
    'said', 'says', 'told', 'tells', 'according to', 'as reported by', 'in the words of', 'explained', 'explains',
    'stated', 'states that', 'wrote', 'writes', 'commented', 'comments', 'remarked', 'argued', 'argues',
    'claimed', 'claims', 'contends', 'contended', 'insisted', 'insists', 'warned', 'warns', 'cautioned',
    'cautions', 'pointed out', 'points out', 'adds', 'noted', 'notes that', 'reportedly', 'allegedly',
    'purportedly', 'so-called', 'so called', 'is|are said to', 'is|are reported to', 'is|are claimed to',
    'it has|had been reported|suggested|claimed|proposed|argued|hypothesized|hypothesised|speculated|said|shown|found|established|demonstrated',
    'it is|was reported|claimed|said|argued|believed|thought|suggested|assumed', 'in an interview', 'in a statement',
    'spokesperson', 'spokesman', 'spokeswoman', 'quoted',
  ] },
  { kind: 'attribution', group: 'agent-report', keep: ['hedge', 'booster', 'modal', 'negation', 'conditional', 'generaliser', 'limitation'], patterns: [
    `(the|these|some|other|many|several|most|their|his|her|study|lead|senior|trial|its)? ${AGENT} (${AGENT_ADV})? (${AGENT_ADV2})? (${REPORT_AGENT_VERB})`,
    `et al .? (${AGENT_ADV})? (${REPORT_AGENT_VERB})`,
    `(${AGENT}) (${BE}|has|have|had) (convinced|confident|sure|certain|adamant) that`,
  ] },

  // ---------- conditionals, hypotheticals, future plans ----------
  { kind: 'conditional', group: 'conditional', patterns: [
    'if', 'unless', 'whether', 'provided that', 'providing that', 'assuming', 'assuming that', 'in case',
    'in the event', 'suppose', 'supposing', 'as long as', 'so long as', 'on condition that', 'only when', 'only if',
  ] },
  { kind: 'conditional', group: 'hypothetical', keep: ['modal'], patterns: [
    'could be', 'could have', 'would be', 'would have',
    'hypothetically', 'imagine', 'could one day', 'could eventually', 'could potentially', 'if confirmed',
    'if replicated', 'if validated', 'in the future', 'one day', 'someday',
  ] },
  { kind: 'conditional', group: 'future', keep: ['modal'], patterns: [
    'will be tested|studied|investigated|assessed|examined|evaluated|explored|needed|required|conducted|launched|compared|developed',
    '(we|they|researchers|investigators|scientists|team|authors) (plan|plans|planned|intend|intends|aim|aims|hope|hopes|hoped|want|wants) to',
    'future studies|research|trials|work|investigations', 'ongoing trial|trials|study|studies|research|investigation',
    'is|are|was|were being tested|studied|investigated|assessed|examined|evaluated|explored|developed|trialled|trialed',
    'is|are expected to', 'next step', 'next steps', 'to test whether|if', 'to determine whether|if',
    'to investigate whether|if', 'to examine whether|if', 'to assess whether|if', 'to evaluate whether|if',
    'to see whether|if', 'to explore whether|if', 'to find out', 'to learn whether|if', 'to confirm whether|if',
    'we will', 'will need', 'plan to', 'plans to', 'aims to', 'aim to',
  ] },

  // ---------- generalisers ----------
  { kind: 'generaliser', group: 'generaliser', patterns: [
    'always', 'everyone', 'everybody', 'each and every', `all ${HUMAN_NOUN}`, 'all of them', 'all of us',
    `every ${HUMAN_NOUN}`, 'every single', 'every case', 'every time', 'every one', 'in all cases', 'in every case',
    'in everyone', 'for everyone', 'never fails', 'never fail', 'never failed', 'never', 'guaranteed', 'guarantee',
    'guarantees', 'universally', 'universal', 'invariably', 'without exception', `any ${HUMAN_NOUN}`, 'anyone',
    'anybody', 'no matter', 'regardless of', '100 %', 'no one', 'nobody', 'forever', 'permanently',
    'once and for all', 'across the board', 'everywhere', 'all types', 'all forms', 'all kinds', 'sole', 'solely',
    'the only', 'entirely', 'completely', 'totally', 'whatever',
  ] },
];

/** Phrases that inform the certainty model but are not reported as cues. */
export const FEATURE_SPECS: readonly PhraseSpec[] = [
  { kind: 'feature', group: 'f-weak-epistemic', patterns: ['~indicate', 'candidate', 'candidates', 'likelihood'] },
  { kind: 'feature', group: 'f-finding', patterns: ['~find', '~observe', '~discover', '~document', '~verify', '~determine', '~identify', '~detect', 'we report', '~report'] },
  { kind: 'feature', group: 'f-framing', patterns: [
    'our data|results|findings|study|analysis|work', 'these results|findings|data|observations', 'this study',
    'the present study', 'results', 'findings', 'data', 'conclusion', 'conclusions', 'in conclusion', 'to conclude',
    'we conclude', 'concluded', 'conclude', 'in summary', 'overall', 'taken together', 'collectively',
  ] },
  { kind: 'feature', group: 'f-we', patterns: ['we', 'our', 'us', 'i', 'my'] },
  { kind: 'feature', group: 'f-intensifier', patterns: [
    'significantly', 'significant', 'strongly', 'strong', 'highly', 'substantially', 'substantial', 'markedly',
    'marked', 'dramatically', 'dramatic', 'greatly', 'considerably', 'considerable', 'very', 'major', 'key',
    'crucial', 'critical', 'critically', 'essential', 'vital', 'fundamental', 'important', 'importantly',
    'powerful', 'powerfully', 'profound', 'profoundly', 'robust', 'robustly', 'consistently', 'consistent',
    'remarkable', 'remarkably', 'striking', 'strikingly', 'extremely', 'particularly', 'especially', 'far',
    'huge', 'massive', 'massively', 'exceptionally', 'unique', 'uniquely', 'only', 'the first', 'main',
    'primary', 'principal', 'predominantly', 'exclusively', 'directly', 'independently', 'much', 'more', 'most',
  ] },
  { kind: 'feature', group: 'f-vague', patterns: ['some', 'several', 'many', 'few', 'certain', 'a number of', 'various', 'numerous', 'a lot', 'lots'] },
  { kind: 'feature', group: 'f-all', patterns: ['all', 'each', 'every', 'both', 'any'] },
  { kind: 'feature', group: 'f-similar', patterns: ['similar', 'similarly', 'comparable', 'same', 'equal', 'equally', 'identical', 'unchanged', 'did not differ', 'do not differ'] },
  { kind: 'feature', group: 'f-condition', patterns: ['when', 'depending on', 'depends on', 'dependent on', 'contingent on', 'in those who', 'among those', 'only in', 'in the presence of', 'in the absence of', 'under', 'during'] },
  { kind: 'feature', group: 'f-recommend', patterns: ['~recommend', '~advise', '~consider', 'important to', 'necessary to', 'essential to', 'needed', 'required', 'warranted', 'necessary'] },
  { kind: 'feature', group: 'f-past-aux', patterns: ['was', 'were', 'had', 'did'] },
  { kind: 'feature', group: 'f-present-aux', patterns: ['is', 'are', 'has', 'have', 'does', 'do'] },
  { kind: 'feature', group: 'f-perfect', patterns: ['has|have been'] },
  { kind: 'feature', group: 'f-or', patterns: ['or', 'either', 'and/or'] },
  { kind: 'feature', group: 'f-stat', patterns: [
    'p', 'ci', 'confidence interval', 'odds ratio', 'hazard ratio', 'relative risk', 'hr', 'rr', 'sd',
    'percent', 'per cent', '%', 'times', 'fold', 'mg', 'kg', 'ml', 'n', 'mean', 'median', 'versus', 'vs',
  ] },
  { kind: 'feature', group: 'f-researchers', patterns: ['researchers', 'scientists', 'investigators', 'authors', 'experts', 'team', 'university', 'professor', 'dr', 'journal', 'published'] },
  { kind: 'feature', group: 'f-news', patterns: ['new', 'study', 'according', 'said', 'says', 'people', 'you', 'your'] },
];

// ---------- claim strength (Yu et al.'s scheme): causal verbs, causal links, correlational language ----------
const CAUSAL_VERBS = [
  'cause', 'increase', 'reduce', 'decrease', 'improve', 'prevent', 'induce', 'promote', 'protect', 'treat', 'block',
  'enhance', 'inhibit', 'suppress', 'lower', 'raise', 'boost', 'worsen', 'exacerbate', 'alleviate', 'relieve',
  'attenuate', 'diminish', 'elevate', 'impair', 'trigger', 'produce', 'affect', 'influence', 'impact', 'drive',
  'mediate', 'modulate', 'alter', 'restore', 'reverse', 'cure', 'benefit', 'eliminate', 'stimulate', 'activate',
  'regulate', 'facilitate', 'accelerate', 'delay', 'slow', 'stop', 'halt', 'damage', 'harm', 'kill', 'strengthen',
  'weaken', 'cut', 'shrink', 'prolong', 'shorten', 'counteract', 'ameliorate', 'mitigate', 'minimize', 'minimise',
  'hinder', 'disrupt', 'abolish', 'ease', 'lessen', 'normalize', 'normalise', 'augment', 'amplify', 'potentiate',
  'antagonize', 'antagonise', 'curb', 'combat', 'fight', 'rescue', 'repair', 'heal', 'deplete', 'elicit', 'evoke',
  'provoke', 'generate', 'optimize', 'optimise', 'preserve', 'enable', 'save', 'confer', 'extend', 'halve', 'spur',
  'fuel', 'foster', 'hamper', 'undermine', 'aggravate', 'intensify', 'heighten', 'deter', 'discourage', 'encourage',
  'modify', 'destroy', 'shield', 'stabilize', 'stabilise', 'lengthen', 'retard', 'resolve', 'relax', 'soothe',
  'lift', 'overcome', 'remedy', 'neutralize', 'neutralise', 'upregulate', 'downregulate', 'sensitize', 'sensitise',
  'desensitize', 'blunt', 'dampen', 'abrogate', 'ablate', 'impede', 'obstruct', 'interrupt', 'slash', 'double',
  'triple', 'transform', 'rewire', 'exert', 'kickstart', 'jumpstart', 'hasten', 'expedite',
  'change', 'predispose', 'precipitate', 'contribute', 'attenuate', 'abolish', 'create', 'determine', 'maintain',
  'distinguish', 'discriminate', 'differentiate', 'help', 'aid', 'impart', 'avert', 'derive', 'control', 'repel', 'work', 'treble', 'quadruple', 'render', 'underlie',
];
export const CAUSAL_VERB_BASES: readonly string[] = CAUSAL_VERBS;
const CAUSAL_VERB_FORMS = CAUSAL_VERBS.map((v) => '~' + v).join('|');
/** Heads of phrasal causal predicates ("leads to", "resulted in"). */
export const PHRASAL_HEADS: readonly string[] = ['lead', 'contribute', 'result', 'give', 'bring', 'play', 'account', 'translate', 'make', 'interfere', 'protect', 'benefit', 'stem', 'explain', 'derive', 'offer', 'provide', 'confer', 'yield', 'deliver'];

export const RELATION_SPECS: readonly PhraseSpec[] = [
  { kind: 'pseudo', group: 'pseudo', patterns: [
    'help|helps|helped to understand|explain|identify|inform|guide|clarify', 'make|makes|made sure|sense|up|it|use|up',
    'made by', 'double blind', 'triple blind', 'single blind', 'cut off', 'change over time',
    'raise|raises|raised|raising the|a|an|new|important|serious possibility|question|questions|concern|concerns|awareness',
    'treated group|groups|patients|mice|rats|animals|arm|arms|cohort|eyes', 'treatment group|groups|arm|arms',
    'extend|extends|extended to', 'extended release', 'aid in', 'first aid', 'hearing aid|aids', 'determine whether|if|the|how|what|which|why|to',
    'to determine', 'more|less|fewer than #NUM', 'controlled trial|trials|study|studies|design|designs|conditions|setting|settings|manner|release|environment',
    'control group|groups|arm|arms|condition|conditions|subjects|participants|patients|animals|mice|rats|cohort|population|sample|strategy|strategies|measures|programme|programs|program|design',
    'in control', 'glucose|glycemic|glycaemic|metabolic|lipid|blood|pressure|weight|infection|quality|disease|symptom|pain|asthma|diabetes|case|self|impulse|motor|postural|seizure control',
    'under control', 'out of control', 'control of', 'work up', 'at work', 'work out', 'worked out', 'work-up', 'more|less than half|a|one|two|three|twice', 'more than ever',
    'no more than', 'more or less', 'at least',
  ] },
  { kind: 'causal', group: 'causal-verb', patterns: [CAUSAL_VERB_FORMS] },
  { kind: 'causal', group: 'causal-phrase', patterns: [
    '~lead to', '~contribute to|towards', '~result in', 'give|gives|gave|given|giving rise to', 'bring|brings|brought|bringing about',
    '~play a|an|no role', '~play a|an part', '~play a|an key|major|important|critical|crucial|central|significant|big|small|minor part', '~ward off', '~play a|an key|major|important|critical|crucial|central|significant|causal|pivotal|vital|minor|limited|modest role',
    '~account for', 'translate|translates|translated|translating into', '~make a difference', '~interfere with',
    'protect|protects|protected|protecting against|from', 'benefit|benefits|benefited|benefitted|benefiting from',
    'translate|translates|translated|translating to', 'results|resulted|result|resulting from', 'stems|stemmed|stem|stemming from',
    'leads', 'explains', 'explain', 'explained', '~derive from', 'derived from',
    '~make (it|them|us|you|people|patients|her|him|women|men|children|cells|mice|rats)? more|less|better|worse|easier|harder|vulnerable|susceptible|resistant|prone|immune|sick|ill|healthier|happier|sicker|stronger|weaker',
    '~offer|provide|confer|yield|deliver (a|an|any|no|some|the|additional|added|significant|substantial|clinical|particular|important|greater|further|modest|small|long-term|meaningful)? advantage|advantages|benefit|benefits|protection|relief|improvement|improvements|hope',
  ] },
  { kind: 'causal', group: 'causal-link', patterns: [
    'due to', 'because of', 'owing to', 'attributable to', 'attributed to', 'as a result of', 'thanks to', 'caused by',
    'induced by', 'mediated by', 'driven by', 'responsible for', 'involved in', 'consequence of', 'consequences of',
    'secondary to', 'the cause of', 'a cause of', 'the reason for', 'root cause', 'causal', 'causally', 'causative',
    'cause-and-effect', 'cause and effect', 'key to', 'to blame for', 'at the root of', 'explained by', 'the result of',
    'a result of', 'the consequence of', 'a consequence of', 'reason for', 'reasons for', 'trigger for', 'triggers for',
    'inhibitor|inhibitors|activator|activators|regulator|regulators|suppressor|suppressors|mediator|mediators|modulator|modulators|blocker|blockers|enhancer|enhancers|promoter|promoters|inducer|inducers of', 'contributor|contributors|driver|drivers to|of', 'cause of', 'causes of',
  ] },
  { kind: 'causal', group: 'causal-adj', patterns: [
    'effective', 'efficacious', 'beneficial', 'harmful', 'protective', 'detrimental', 'deleterious', 'ineffective', 'safe and effective', 'curative', 'therapeutic effect|effects|benefit|value',
  ] },
  { kind: 'causal', group: 'importance', patterns: [
    'critical|crucial|essential|vital|instrumental|fundamental|central for|to|in',
  ] },
  { kind: 'causal', group: 'usefulness', patterns: [
    'useful', 'helpful', 'favorable', 'favourable', 'promising', 'valuable', 'advantageous', 'an option', 'a treatment',
    'a therapy', 'a therapeutic', 'a means', 'an approach', 'a strategy', 'a tool', 'a target', 'targets', 'a candidate',
  ] },
  { kind: 'causal', group: 'causal-noun', patterns: [
    'effect|effects|impact|impacts|influence on', 'effect|effects|impact|impacts of', 'effect', 'effects', 'impact',
    'benefit', 'benefits', 'harm', 'harms', 'role in', 'role of', 'role for', 'roles in|of|for', 'effectiveness',
    'efficacy', 'contribution|contributions to|of',
  ] },
  { kind: 'correlational', group: 'change-noun', patterns: [
    'increase|increases|decrease|decreases|reduction|reductions|improvement|improvements|rise|decline|gain|gains|loss|losses|deterioration|worsening in|of',
    'improvement', 'improvements', 'reduction', 'reductions',
  ] },
  { kind: 'correlational', group: 'correlational-verb', patterns: [
    'associated', 'associate|associates with', 'correlated', 'correlate', 'correlates', 'correlating', 'linked',
    'related to', 'unrelated to', 'connected to|with', 'tied to', '~coincide with', 'accompanied by', 'in parallel with',
    'paralleled', 'covary', 'covaried', 'co-occur', 'co-occurred', 'vary|varies|varied|varying with|by|across|according|depending',
    'increase|increases|increased|increasing|decrease|decreases|decreased|decreasing|decline|declines|declined|rise|rises|rose|fell|falls|improve|improves|improved|worsen|worsens|worsened with',
    'differ|differs|differed|differing', 'dependent on', 'depends on', 'depend on', 'depending on',
    'as a function of', 'prone to', 'susceptible to', 'mirrored', 'tracked with', 'clustered', 'coexist', 'coexisted',
    'vary', 'varies', 'varied',
  ] },
  { kind: 'correlational', group: 'correlational-noun', patterns: [
    'association', 'associations', 'correlation', 'correlations', 'relationship', 'relationships', 'relation to|with|between',
    'relations between', 'link between|to|with', 'links between|to|with', 'linking', 'connection between', 'difference',
    'differences', 'dose-dependent', 'dose-response', 'dose dependent', 'linear trend', 'inverse', 'inversely',
    'positively', 'negatively', 'u-shaped', 'j-shaped', 'concomitant', 'correlational', 'gradient',
  ] },
  { kind: 'correlational', group: 'predictor', patterns: [
    '~predict', 'predictor', 'predictors', 'predictive', 'prognostic', 'risk factor', 'risk factors', 'marker', 'markers',
    'biomarker', 'biomarkers', 'indicator', 'indicators', 'determinant', 'determinants', 'predisposing', 'signature',
    'sign of', 'signs of', 'warning sign', 'hallmark of', 'red flag',
  ] },
  { kind: 'correlational', group: 'risk', patterns: [
    'more|less|most|least|equally|as likely', 'twice as likely', 'times more|as likely', 'more|less|equally prone|susceptible',
    'at risk', 'at higher|increased|greater|lower|reduced|elevated|high|low|decreased|heightened|excess|greatest|highest|lowest|significant|substantial risk',
    'higher|lower|greater|increased|reduced|elevated|decreased|excess|heightened|high|low|highest|lowest|greatest risk|risks|odds|rates|rate|incidence|prevalence|likelihood|chance|chances|mortality|probability|hazard',
    'odds', 'hazard', 'hazards', 'risk of', 'risk for',
  ] },
  { kind: 'correlational', group: 'comparative', patterns: [
    'higher|lower|greater|more|less|fewer|better|worse|smaller|larger|shorter|longer|faster|slower|bigger|stronger|weaker|older|younger|poorer|earlier|later|thicker|thinner|heavier|lighter|superior|inferior than|to',
    'compared with|to', 'in comparison with|to', 'relative to', 'versus', 'vs', 'outperformed', 'outperforms',
    'similar to|in|between|across|among', 'comparable to|in|between|across|among|with', 'same as', 'different to|from',
  ] },
];

// ---------- population ----------
export const POPULATION_SPECS: readonly PhraseSpec[] = [
  { kind: 'population', group: 'animals', patterns: [
    'rat', 'rats', 'mouse', 'mice', 'murine', 'rodent', 'rodents', 'animal', 'animals', 'animal model', 'animal models',
    'monkey', 'monkeys', 'primate', 'primates', 'non-human primates', 'nonhuman primates', 'macaque', 'macaques',
    'pig', 'pigs', 'piglets', 'sheep', 'dog', 'dogs', 'canine', 'zebrafish', 'fruit fly', 'fruit flies',
    'drosophila', 'worm', 'worms', 'c . elegans', 'rabbit', 'rabbits', 'hamster', 'hamsters', 'guinea pig',
    'guinea pigs', 'ferret', 'ferrets', 'preclinical', 'pre-clinical', 'knockout', 'transgenic', 'in rats',
    'in mice', 'rodent model', 'mouse model', 'rat model', 'lab animals', 'laboratory animals', 'animal studies',
    'animal study', 'animal research', 'in vivo',
  ] },
  { kind: 'population', group: 'cells', patterns: [
    'in vitro', 'cell culture', 'cell cultures', 'cultured', 'cell line', 'cell lines', 'in a dish', 'petri dish',
    'in the dish', 'organoid', 'organoids', 'tissue culture', 'ex vivo', 'in cells', 'cells in culture',
    'in culture', 'test tube', 'test tubes', 'brain slices', 'slice preparations', 'cell-based', 'cell model',
    'cell models', 'stem cell-derived', 'ipsc-derived', 'induced pluripotent',
  ] },
  { kind: 'population', group: 'post-mortem', patterns: [
    'post-mortem', 'postmortem', 'post mortem', 'autopsy', 'autopsies', 'cadaver', 'cadavers', 'cadaveric',
    'brain bank', 'brain banks', 'deceased', 'after death', 'donated brains', 'brain tissue from',
  ] },
  { kind: 'population', group: 'subgroup', patterns: [
    'subgroup', 'subgroups', 'sub-group', 'subset', 'subsets', 'small subset', 'a handful of', 'a few patients|people|participants|subjects|individuals',
    'case report', 'case reports', 'case series', 'a single patient|person|participant|subject|case|individual',
    'one patient|person|participant|subject|individual', 'post hoc', 'post-hoc', 'completers', 'responders',
    `#NUM ${HUMAN_NOUN}`, `only #NUM ${HUMAN_NOUN}`, `n = #NUM`, 'n=#NUM',
  ] },
  { kind: 'population', group: 'humans', patterns: [
    HUMAN_NOUN, 'you', 'your', 'we all', 'in humans', 'clinical trial', 'clinical trials', 'clinically',
    'in the clinic', 'those with', 'people with', 'anyone with', 'population', 'public', 'men and women',
    'healthy volunteers', 'human subjects', 'human participants', 'in people',
  ] },
];

/** Entries of the `hedges` list that are boosters or generalisers in claimlint's lexicons. */
const NOT_HEDGES = new Set(['certainly', 'definitely', 'clearly', 'quite clearly', 'clear', 'certain', 'be sure', 'must', 'always', 'will', 'really', 'actually', 'evidently', 'effectively']);

/**
 * The general-English hedge list of the `hedges` package (MIT, words/hedges): a broad vagueness signal for the
 * certainty model only (many entries, like "can" or "find", are not hedges in scientific prose).
 */
export const HEDGE_LIST = new PhraseIndex([
  {
    kind: 'feature',
    group: 'f-hedges-list',
    patterns: hedges
      .map((h) => h.toLowerCase().replace(/\u2019/g, "'"))
      .filter((h) => /^[\p{L}' ]+$/u.test(h) && !NOT_HEDGES.has(h)),
  },
]);

export const CUES = new PhraseIndex(CUE_SPECS);
export const FEATURE_PHRASES = new PhraseIndex(FEATURE_SPECS);
export const RELATIONS = new PhraseIndex(RELATION_SPECS);
export const POPULATION = new PhraseIndex(POPULATION_SPECS);

/** Single words that end negation scopes and clauses. */
export const SCOPE_BREAKERS: ReadonlySet<string> = new Set([
  ';', ':', '—', '–', '-', '.', '!', 'but', 'however', 'although', 'though', 'whereas', 'nevertheless', 'nonetheless',
  'yet', 'except', 'despite', 'unlike', 'while', 'whilst', 'instead', 'conversely', 'meanwhile', 'besides',
  'otherwise', '(', ')', '[', ']',
]);
/** Clause-introducing words that end a scope when they follow a comma. */
export const COMMA_BREAKERS: ReadonlySet<string> = new Set([
  'which', 'who', 'and', 'so', 'thus', 'therefore', 'hence', 'as', 'because', 'since', 'suggesting',
  'indicating', 'implying', 'meaning', 'leading', 'resulting', 'then', 'when', 'after', 'before',
  'if', 'unless', 'whether', 'where', 'says', 'said', 'according', 'she', 'he', 'they', 'researchers',
  'we', 'it', 'this', 'these', 'although', 'though', 'but', 'yet', 'while', 'whereas', 'even', 'perhaps',
]);
/** Words opening a concessive / contrastive subordinate clause (its hedges do not govern the main claim). */
export const CONCESSIVE: ReadonlySet<string> = new Set(['although', 'though', 'whereas', 'while', 'whilst', 'despite', 'unlike']);
