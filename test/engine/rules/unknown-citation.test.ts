// unknown-citation (server/src/engine/rules/unknown-citation.ts): a [@key] or [^key] citation that
// neither the database nor the document defines. The finding covers the key (pandoc) or the whole
// footnote reference; a near key (same letters, other digits or case) is suggested and offered as an
// unsafe fix. Not flagged: known keys, footnotes defined in the document, bare @handles, @ inside a
// link's text.
import { note, ruleTester } from './tester.js';

ruleTester('unknown-citation', {
  valid: [
    note('Something happened [@trial2018].'),
    '# Ketamine notes\n\nSomething happened [^smith].\n\n[^smith]: Smith 2018.\n',
    // a handle, not a citation
    note('Follow @drsmith for updates.'),
    note('See [Dr X (@drx)](https://example.org).'),
  ],
  invalid: [
    {
      name: 'a near key: other digits',
      text: note('Something happened [@trial2019].'),
      errors: [
        {
          line: 3, column: 21, text: '@trial2019',
          message: 'Citation key @trial2019 is not a source in the claims database (did you mean @trial2018?).',
          output: note('Something happened [@trial2018].'), safe: false,
        },
      ],
    },
    {
      name: 'a near key: other case',
      text: note('Something happened [@Trial2018].'),
      errors: [
        {
          line: 3, column: 21, text: '@Trial2018',
          message: 'Citation key @Trial2018 is not a source in the claims database (did you mean @trial2018?).',
          output: note('Something happened [@trial2018].'), safe: false,
        },
      ],
    },
    {
      name: 'no near key: no fix',
      text: note('Something happened [@nosuchkey].'),
      errors: [
        {
          line: 3, column: 21, text: '@nosuchkey',
          message: 'Citation key @nosuchkey is not a source in the claims database.',
          output: null,
        },
      ],
    },
    {
      name: 'an undefined footnote',
      text: note('Something happened [^smith].'),
      errors: [
        {
          line: 3, column: 20, text: '[^smith]',
          message: 'Footnote [^smith] is defined neither here nor in the claims database.',
          output: null,
        },
      ],
    },
    {
      name: 'an undefined footnote with a near source key',
      text: note('Something happened [^trial2019].'),
      errors: [
        {
          line: 3, column: 20, text: '[^trial2019]',
          message: 'Footnote [^trial2019] is defined neither here nor in the claims database (did you mean trial2018?).',
          output: note('Something happened [^trial2018].'), safe: false,
        },
      ],
    },
    {
      name: 'each key of a group',
      text: note('Two things [@a2020; @trial2019].'),
      errors: [
        {
          line: 3, column: 13, text: '@a2020',
          message: 'Citation key @a2020 is not a source in the claims database.',
          output: null,
        },
        {
          line: 3, column: 21, text: '@trial2019',
          message: 'Citation key @trial2019 is not a source in the claims database (did you mean @trial2018?).',
          output: note('Two things [@a2020; @trial2018].'), safe: false,
        },
      ],
    },
    {
      name: 'documents without database concepts are still checked',
      text: '# Build notes\n\nSee [@nosuchkey2020].\n',
      errors: [
        {
          line: 3, column: 6, text: '@nosuchkey2020',
          message: 'Citation key @nosuchkey2020 is not a source in the claims database.',
          output: null,
        },
      ],
    },
  ],
});
