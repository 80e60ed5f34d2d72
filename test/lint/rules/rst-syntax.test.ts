import { rstSyntax } from '../../../src/lint/rules/rst-syntax.js';
import { testRule } from '../rule-tester.js';

testRule(rstSyntax, {
  valid: [
    'Title\n=====\n\nSome *emphasis* and ``code``.\n',
    { name: 'Sphinx roles and directives are known in the sphinx profile', code: 'See :ref:`x` and :term:`y`.\n\n.. note::\n\n   A note.\n\n.. code-block:: console\n\n   $ ls\n\n.. todo:: Later.\n' },
    { name: 'a warning is not reported at level error', code: 'Title\n===\n', options: { level: 'error' } },
    { name: 'info messages are never reported', code: '.. _unused:\n\nText.\n' },
    { name: 'a footnote nothing refers to is Sphinx\'s warning: not in the docutils profile', code: 'Text.\n\n.. [2] two\n', options: { profile: 'docutils' } },
    { name: 'referenced footnotes, and symbol footnotes (Sphinx does not check them)', code: 'See [1]_ and [#]_.\n\n.. [1] one\n.. [#] auto\n.. [#b] auto b\n.. [*] symbol\n' },
  ],
  invalid: [
    {
      name: 'title underline too short (reported once, not twice as docutils emits it)',
      code: 'Para.\n\nA long title\n=====\n\nText.\n',
      errors: [{ messageId: 'message', line: 4 }],
      output: 'Para.\n\nA long title\n============\n\nText.\n',
    },
    {
      name: 'overline too short: both adornments lengthened',
      code: 'Para.\n\n=====\n A long title\n=====\n\nText.\n',
      errors: [{ messageId: 'message', line: 3 }],
      output: 'Para.\n\n=============\n A long title\n=============\n\nText.\n',
    },
    {
      name: 'wide characters count two columns',
      code: 'Para.\n\n漢字漢字\n-----\n\nText.\n',
      errors: [{ messageId: 'message', line: 4 }],
      output: 'Para.\n\n漢字漢字\n--------\n\nText.\n',
    },
    {
      name: 'unclosed inline markup',
      code: 'The *scheduler ignores the hint.\n',
      errors: [{ messageId: 'message', line: 1, column: 1, endColumn: 33 }],
    },
    {
      name: 'unknown role in the docutils profile',
      code: 'See :ref:`x`.\n',
      options: { profile: 'docutils' },
      errors: [{ messageId: 'message', line: 1 }],
    },
    {
      name: 'Sphinx\'s own warnings (a toctree entry naming a missing document)',
      code: '.. toctree::\n\n   missing-document\n',
      errors: [{ messageId: 'sphinx', line: 1 }],
    },
    {
      name: 'an unknown role is reported in the sphinx profile too',
      code: 'See :bogusrole:`x`.\n',
      errors: [{ messageId: 'message', line: 1 }],
    },
    {
      name: 'unknown directive in the docutils profile',
      code: '.. toctree::\n\n   a\n',
      options: { profile: 'docutils' },
      errors: [{ messageId: 'message', line: 1 }],
    },
    {
      name: 'inconsistent title level (severe) does not stop the check',
      code: 'Intro.\n\nA\n=\n\nB\n-\n\nC\n~\n\nD\n=\n\nE\n~\n\ntext *open\n',
      errors: [
        { messageId: 'message', line: 15 },
        { messageId: 'message', line: 18 },
      ],
    },
    {
      // What sphinx-build 5.3 prints for this text: its read transform UnreferencedFootnotesDetector.
      name: 'a footnote nothing refers to (Sphinx warns, so sphinx-build -W fails)',
      code: 'Text [1]_ and [#named]_.\n\n.. [1] one\n.. [2] two\n.. [#named] named auto\n.. [#other] other auto\n.. [*] symbol\n',
      errors: [{ messageId: 'sphinx', line: 4, message: 'Footnote [2] is not referenced.' }],
    },
    {
      name: 'a json block Sphinx cannot highlight (sphinx-build -W fails)',
      code: 'Text.\n\n.. code-block:: json\n\n   {\'python\': True}\n',
      errors: [{ messageId: 'sphinx', line: 3, message: 'Could not lex literal_block as "json". Highlighting skipped.' }],
    },
    {
      name: 'auto-numbered footnotes without any auto-numbered reference',
      code: 'No references.\n\n.. [#] auto one\n.. [#x] auto x\n',
      errors: [
        { messageId: 'sphinx', line: 3, message: 'Footnote [#] is not referenced.' },
        { messageId: 'sphinx', line: 4, message: 'Footnote [#] is not referenced.' },
      ],
    },
  ],
});
