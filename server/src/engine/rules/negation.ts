// Negation in a sentence, read by clause: does one govern the main clause (a denial), or a given
// word ("no chemical dependence")? Shared by contradicted-claim's paths.

/** The first negation of the main clause, for explanations. */
export function negationText(text: string): string {
  for (const m of text.matchAll(NEGATOR_G)) {
    const before = text.slice(0, m.index);
    const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
    if (!SUBORDINATE.test(before.slice(clauseStart + 1))) return m[0];
  }
  return '';
}

/** A negation that governs the sentence, not one inside a relative or subordinate clause ("patients
 *  who were not responding", "if it does not work"). */
export function mainClauseNegation(text: string): boolean {
  for (const m of text.matchAll(NEGATOR_G)) {
    if (COMPARATIVE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
    const before = text.slice(0, m.index);
    const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('\u2014'));
    if (!SUBORDINATE.test(before.slice(clauseStart + 1))) return true;
  }
  return false;
}
/** "no worse than", "not only": a comparison or an addition, not a denial. */
const COMPARATIVE_AFTER = /^\s+(?:worse|better|more|less|greater|higher|lower|riskier|safer|different|only)\b/i;
const NEGATOR_G = /\b(?:not|no|never|none|nothing|nobody|neither|nor|without|cannot|zero)\b|n[\u2019']t\b/gi;
export const NEGATOR_1 = new RegExp(NEGATOR_G.source, 'i');
const SUBORDINATE = /\b(?:who|whom|whose|which|if|when|whenever|unless|whether|because|although|though|while|once|until|where)\b/i;


/** Words that, between a negation and a concept, show the negation is about something else: "no
 *  purity guarantee with recreational use", "worthless for recreational purposes", "don't consider
 *  any of these to be unexpected side effects". */
const DETACHES = /[,;:()]|\b(?:with|for|of|in|on|at|to|from|by|about|as|than|that|which|who|whose|because|although|but|if|when|unless|whether|after|before|during)\b/i;
const RELATION_NOUN = /^\s*(?:\w+\s+)?(?:effects?|impact|risks?|harm|damage|danger|problems?|influence|difference|change|need|sign|evidence|link|issues?)\s+(?:on|to|for|of|in|with|from)\b/i;
const NEGATION_BEFORE = /(?:\b(?:not|no|never|none|nothing|nobody|without|cannot|zero|free of|free from|absence of|lack of|lacks?|lacking)|n[\u2019']t)\b(?![\s\S]*\b(?:not|no|never|none|nothing|nobody|without|cannot|zero)\b)/i;

/** Does a negation directly govern the word at `at`: at most five words before it, with nothing in
 *  between that starts another phrase or clause ("no chemical dependence", "won't touch her memory")? */
const AFFIRMING_NEGATION = /^(?:without|free of|free from|absence of|lack of|lacks?|lacking)$/i;
export function governedByNegation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const m = NEGATION_BEFORE.exec(before);
  if (!m) return false;
  // "not without side effects", "never free of risk": two negations that affirm.
  if (AFFIRMING_NEGATION.test(m[0]) && /(?:\b(?:not|never)|n[\u2019']t)\s+$/i.test(before.slice(0, m.index))) return false;
  const between = before.slice(m.index + m[0].length);
  if (between.split(/\s+/).filter(Boolean).length > 5) return false;
  // "no effect on memory", "no risk to the bladder", "no need to be observed": the negated noun is
  // the relation itself, and the phrase after it says what it is about.
  return !DETACHES.test(between) || RELATION_NOUN.test(between);
}
