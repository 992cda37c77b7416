// invalid-directive: a <!-- claimlint-… --> directive with an unknown code or without a reason
// (a placeholder or a word or two counts as none).
import { directiveProblems } from '../directives.js';
import type { Rule } from './rule.js';

export const invalidDirective: Rule<'invalid-directive'> = {
  code: 'invalid-directive',
  name: 'InvalidDirective',
  defaultSeverity: 'warning',
  description: 'A claimlint directive is malformed.',
  details: 'A claimlint-disable/enable directive names an unknown code or lacks the required "-- reason" (a placeholder such as "TODO reason", or fewer than three words, is no reason).',
  when: 'a `claimlint-disable` comment with an unknown code or no reason',
  docsAnchor: 'invalid-directive',
  scope: 'document',
  // A directive that disables everything must not hide the problems of the directives after it.
  suppressible: false,
  check: (ctx, t) => (t.kind === 'document' && ctx.model.directives.length ? directiveProblems(ctx.model.directives, ctx.codes) : []),
};
