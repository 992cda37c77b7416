// The rule registry: every diagnostic code is one rule object (rules/<code>.ts) listed here. The
// engine iterates this list; the CLI's SARIF metadata, the settings schemas, package.json's
// settings enum and the README's code table are derived from it (a test keeps the last two in step).
import { contradictedClaim } from './contradicted-claim.js';
import { extrapolatedEvidence } from './extrapolated-evidence.js';
import { figureMismatch } from './figure-mismatch.js';
import { invalidDirective } from './invalid-directive.js';
import { missingCaveat } from './missing-caveat.js';
import { overstatedCertainty } from './overstated-certainty.js';
import { uncitedClaim } from './uncited-claim.js';
import { unknownCitation } from './unknown-citation.js';
import type { Severity } from '../types.js';
import type { Rule } from './rule.js';

/** In documentation order (README table, SARIF rule index). */
export const RULES = [
  overstatedCertainty,
  extrapolatedEvidence,
  contradictedClaim,
  missingCaveat,
  figureMismatch,
  uncitedClaim,
  unknownCitation,
  invalidDirective,
] as const;

export type Code = (typeof RULES)[number]['code'];

export const CODES: readonly Code[] = RULES.map((r) => r.code);

export const DEFAULT_SEVERITY = Object.fromEntries(RULES.map((r) => [r.code, r.defaultSeverity])) as Record<Code, Severity>;

/** Where each rule is documented: the README's section for the code. */
export const DOCS_URL = 'https://github.com/claimlint/claimlint/blob/main/README.md';
export const docsUrl = (rule: Rule): string => `${DOCS_URL}#${rule.docsAnchor}`;

export function ruleFor(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

export type { Rule, RuleTarget, Draft } from './rule.js';
