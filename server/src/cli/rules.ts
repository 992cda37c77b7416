// Rule metadata for reports (SARIF rule descriptors, help links). One entry per diagnostic code.
import { CODES, DEFAULT_SEVERITY, type Code, type Severity } from '../engine/types.js';
import { homepage } from './version.js';

/** Where the README's diagnostic-code sections live; each code is a heading there (anchor = code).
 *  package.json's "homepage" wins when it has one. */
export const DOCS_URL = homepage() ?? 'https://github.com/claimlint/claimlint/blob/main/README.md';
export const INFORMATION_URI = homepage() ?? 'https://github.com/claimlint/claimlint';

export interface RuleMeta {
  code: Code;
  name: string;
  short: string;
  full: string;
  defaultSeverity: Severity;
  helpUri: string;
}

const TEXT: Record<Code, [name: string, short: string, full: string]> = {
  'overstated-certainty': ['OverstatedCertainty', 'A claim is stated more strongly than its evidence supports.',
    'The sentence asserts a claim from the database with more certainty than its evidence grade supports (e.g. a preliminary finding stated as fact, "proven", "settled", or generalised to every patient). Hedged, negated, attributed, questioned or conditional statements are not flagged.'],
  'extrapolated-evidence': ['ExtrapolatedEvidence', 'Evidence from animals, a small subgroup or post-mortem tissue is presented as established in patients.',
    'The claim rests on evidence from animals, cells, post-mortem tissue or a tiny subgroup, but the sentence presents it as established in patients.'],
  'contradicted-claim': ['ContradictedClaim', 'The sentence asserts what the evidence refutes.',
    'The sentence asserts a statement that the evidence in the claims database contradicts; the message explains why and, where possible, offers the corrected wording.'],
  'missing-caveat': ['MissingCaveat', 'A caution the evidence requires is missing from its scope.',
    'The paragraph, section or document discusses something that requires a caution (e.g. ketamine together with benzodiazepines) but no sentence in scope states it. The finding sits on the first sentence that makes the caution necessary.'],
  'figure-mismatch': ['FigureMismatch', 'A number tied to a known finding differs from the source.',
    'A dose, count, percentage, year or other figure quoted with a matched claim differs from the value its source reports.'],
  'uncited-claim': ['UncitedClaim', 'A sentence that makes a known claim has no citation.',
    'The sentence matches a claim in the database but neither it nor its paragraph cites a source (a [@key] citation, a footnote, a link to the source\'s DOI/URL, or an author–year reference).'],
  'unknown-citation': ['UnknownCitation', 'A citation key is not in the database.',
    'A citation key ([@key] or [^key]) does not name a source in the embedded database or the configured claim packs.'],
  'invalid-directive': ['InvalidDirective', 'A claimlint directive is malformed.',
    'A claimlint-disable/enable directive names an unknown code or lacks the required "-- reason".'],
};

export const RULES: RuleMeta[] = CODES.map((code) => ({
  code,
  name: TEXT[code][0],
  short: TEXT[code][1],
  full: TEXT[code][2],
  defaultSeverity: DEFAULT_SEVERITY[code],
  helpUri: `${DOCS_URL}#${code}`,
}));

export const ruleMeta = (code: string): RuleMeta | undefined => RULES.find((r) => r.code === code);
