// The shape every diagnostic rule has: one object per code, with its metadata and one `check`.
// The registry (rules/index.ts) lists them; the engine, the CLI's reports, the settings schema and
// the README table all read this one description.
import type { ClaimHit, RuleContext, SentenceRef } from '../context.js';
import type { Finding, Severity } from '../types.js';

/** A finding before the configuration gives it a severity. */
export type Draft = Omit<Finding, 'severity'>;

/** What a rule is asked to check: one sentence with the claims it matched, or the whole document. */
export type RuleTarget =
  | {
    kind: 'sentence'; ref: SentenceRef; hits: ClaimHit[];
    /** Claims an exclusive rule already reported on this sentence (set for the rules after them). */
    flagged?: ReadonlySet<string>;
  }
  | { kind: 'document' };

export interface Rule<C extends string = string> {
  code: C;
  /** PascalCase name for SARIF rule descriptors. */
  name: string;
  defaultSeverity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** A paragraph for rule documentation (SARIF fullDescription). */
  details: string;
  /** When the README table says it fires (short). */
  when: string;
  /** Anchor of the rule's section in README.md. */
  docsAnchor: string;
  /** `sentence` rules are asked once per sentence that names a database concept; `document` rules once. */
  scope: 'sentence' | 'document';
  /**
   * Sentence rules with a precedence are exclusive: a sentence gets the finding of the first of them
   * (lowest precedence) that reports anything. Rules without one add their findings independently.
   */
  precedence?: number;
  /** Directive problems are reported even inside a region that disables every rule. */
  suppressible?: false;
  check(ctx: RuleContext, target: RuleTarget): Draft[];
}
