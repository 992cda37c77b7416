// invalid-directive (server/src/engine/rules/invalid-directive.ts, server/src/engine/directives.ts): a
// claimlint-disable/enable comment naming an unknown code (with a suggestion when one is near), or
// without a reason, or with a placeholder or a reason of a word or two. The finding covers the whole
// comment; there is no fix. Reported even inside a region that disables every rule.
import { ruleTester } from './tester.js';

ruleTester('invalid-directive', {
  valid: [
    '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -- quoting an error -->\nThe FDA approved esketamine in 2020.\n',
    '# Ketamine notes\n\n<!-- claimlint-disable figure-mismatch -- historical quotes below -->\n\nThe FDA approved esketamine in 2021.\n\n<!-- claimlint-enable figure-mismatch -->\n',
    // not a directive
    '# Ketamine notes\n\n<!-- ordinary comment -->\nText.\n',
  ],
  invalid: [
    {
      name: 'an unknown code without a reason: two findings',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line no-such-rule -->\nText.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line no-such-rule -->',
          message: "Unknown rule 'no-such-rule' in claimlint directive; known rules: overstated-certainty, extrapolated-evidence, contradicted-claim, missing-caveat, figure-mismatch, uncited-claim, unknown-citation, invalid-directive.",
          output: null,
        },
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line no-such-rule -->',
          message: "claimlint directive needs a reason after '--' (e.g. <!-- claimlint-disable-next-line no-such-rule -- quoting the paper -->).",
          output: null,
        },
      ],
    },
    {
      name: 'a misspelt code: the near one suggested',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mizmatch -- quoting an error -->\nText.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mizmatch -- quoting an error -->',
          message: "Unknown rule 'figure-mizmatch' in claimlint directive (did you mean 'figure-mismatch'?); known rules: overstated-certainty, extrapolated-evidence, contradicted-claim, missing-caveat, figure-mismatch, uncited-claim, unknown-citation, invalid-directive.",
          output: null,
        },
      ],
    },
    {
      name: 'no reason',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -->\nThe FDA approved esketamine in 2020.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mismatch -->',
          message: "claimlint directive needs a reason after '--' (e.g. <!-- claimlint-disable-next-line figure-mismatch -- quoting the paper -->).",
          output: null,
        },
      ],
    },
    {
      name: 'a placeholder the editor inserts',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -- TODO reason -->\nThe FDA approved esketamine in 2020.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mismatch -- TODO reason -->',
          message: "Directive reason 'TODO reason' is a placeholder; say why in 3 words or more.",
          output: null,
        },
      ],
    },
    {
      name: 'a placeholder word',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -- reason -->\nThe FDA approved esketamine in 2020.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mismatch -- reason -->',
          message: "Directive reason 'reason' is a placeholder; say why in 3 words or more.",
          output: null,
        },
      ],
    },
    {
      name: 'a reason of a word',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -- ok -->\nThe FDA approved esketamine in 2020.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mismatch -- ok -->',
          message: "Directive reason 'ok' is a placeholder; say why in 3 words or more.",
          output: null,
        },
      ],
    },
    {
      name: 'a reason of two words',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -- see above -->\nThe FDA approved esketamine in 2020.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mismatch -- see above -->',
          message: "Directive reason 'see above' is a placeholder; say why in 3 words or more.",
          output: null,
        },
      ],
    },
    {
      name: 'an ellipsis',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -- … -->\nThe FDA approved esketamine in 2020.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mismatch -- … -->',
          message: "Directive reason '…' is a placeholder; say why in 3 words or more.",
          output: null,
        },
      ],
    },
    {
      name: 'a placeholder with a colon',
      text: '# Ketamine notes\n\n<!-- claimlint-disable-next-line figure-mismatch -- todo: fill in later -->\nThe FDA approved esketamine in 2020.\n',
      errors: [
        {
          line: 3, column: 1, text: '<!-- claimlint-disable-next-line figure-mismatch -- todo: fill in later -->',
          message: "Directive reason 'todo: fill in later' is a placeholder; say why in 3 words or more.",
          output: null,
        },
      ],
    },
    {
      name: 'reported inside a region that disables every rule',
      text: '# Ketamine notes\n\n<!-- claimlint-disable -- whole file is a quotation -->\n\n<!-- claimlint-disable-next-line nope -- quoting an error here -->\nText.\n',
      errors: [
        {
          line: 5, column: 1, text: '<!-- claimlint-disable-next-line nope -- quoting an error here -->',
          message: "Unknown rule 'nope' in claimlint directive; known rules: overstated-certainty, extrapolated-evidence, contradicted-claim, missing-caveat, figure-mismatch, uncited-claim, unknown-citation, invalid-directive.",
          output: null,
        },
      ],
    },
  ],
});
