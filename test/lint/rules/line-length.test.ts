import { lineLength } from '../../../src/lint/rules/line-length.js';
import { testRule } from '../rule-tester.js';

const words = (length: number): string => {
  // "word word word..." of exactly `length` characters.
  let text = '';
  while (text.length < length) text += text.length === 0 ? 'w' : text.length % 5 === 4 ? ' ' : 'w';
  return text.slice(0, length).replace(/ $/, 'w');
};

testRule(lineLength, {
  valid: [
    { name: 'short lines', code: 'Title\n=====\n\nSome text.\n' },
    { name: '79 characters', code: `${words(79)}\n` },
    { name: 'a URL', code: `${words(70)} see https://example.org/a/very/long/path\n` },
    { name: 'plain http URL', code: `${words(90)} http://x\n` },
    { name: 'one long word', code: `    ${'a'.repeat(120)}\n` },
    { name: 'one long word after unicode whitespace indentation', code: `\u3000${'a'.repeat(120)}\n` },
    { name: 'zero-width space is not whitespace (one word)', code: `${'a'.repeat(50)}\u200b${'b'.repeat(50)}\n` },
    { name: 'literal block after ::', code: `Example::\n\n    ${words(100)}\n\n    ${words(100)}\nafter\n` },
    { name: 'code-block directive body', code: `.. code-block:: json\n\n  ${words(100)}\n` },
    { name: 'image directive line', code: `.. image:: ${'images/'.repeat(5)} with spaces ${words(60)}\n` },
    { name: 'wide characters count one each', code: `${'漢'.repeat(40)} ${'字'.repeat(38)}\n` },
    { name: 'a higher max', code: `${words(100)}\n`, options: { max: 100 } },
    { name: 'urls mode: a URL', code: `${words(90)} http://x\n`, options: { mode: 'urls' } },
    { name: 'doc8 mode: a long definition term', code: `${words(90)}\n  The definition.\n`, options: { mode: 'doc8' } },
    { name: 'doc8 mode: a long title, allowed', code: `${words(90)}\n${'='.repeat(90)}\n\ntext\n`, options: { mode: 'doc8', 'allow-long-titles': true } },
    { name: 'doc8 mode: a directive body', code: `.. note::\n\n   ${words(90)}\n`, options: { mode: 'doc8' } },
  ],
  invalid: [
    {
      name: '80 characters',
      code: `${words(80)}\n`,
      errors: [{ messageId: 'tooLong', line: 1, column: 80, endColumn: 81 }],
    },
    {
      name: 'the line with :: itself is checked',
      code: `${words(90)}::\n\n    code\n`,
      errors: [{ messageId: 'tooLong', line: 1, column: 80 }],
    },
    {
      name: 'the literal block ends at an unindented line',
      code: `Example::\n\n    ${words(100)}\n${words(85)}\n`,
      errors: [{ messageId: 'tooLong', line: 4 }],
    },
    {
      name: '.. image:: exemption needs the line to start with ..',
      code: `  .. image:: a ${words(90)}\n`,
      errors: [{ messageId: 'tooLong', line: 1 }],
    },
    {
      name: 'no-break space separates words (Python whitespace)',
      code: `${'a'.repeat(50)}\u00a0${'b'.repeat(50)}\n`,
      errors: [{ messageId: 'tooLong', line: 1, column: 80 }],
    },
    {
      name: 'a CR before the LF counts, as in the repository tests',
      code: `${words(79)}\r\nok\r\n`,
      errors: [{ messageId: 'tooLong', line: 1, column: 80, endColumn: 80 }],
    },
    {
      name: 'code points, not UTF-16 units',
      code: `${'😀'.repeat(40)} ${'😀'.repeat(39)}\n`,
      errors: [{ messageId: 'tooLong', line: 1, column: 80, endColumn: 81 }],
    },
    {
      name: 'several lines',
      code: `ok\n${words(81)}\nok\n${words(120)}\n`,
      errors: [
        { messageId: 'tooLong', line: 2 },
        { messageId: 'tooLong', line: 4 },
      ],
    },
    {
      name: 'doc8 mode: a long definition term is reported in openstack mode',
      code: `${words(90)}\n  The definition.\n`,
      errors: [{ messageId: 'tooLong', line: 1 }],
    },
    {
      name: 'urls mode (cinder-specs\' test): literal blocks, image lines and single words are checked too',
      code: `Example::\n\n    ${words(100)}\n\n.. image:: ${'images/'.repeat(5)} with spaces ${words(60)}\n\n    ${'a'.repeat(120)}\n`,
      options: { mode: 'urls' },
      errors: [
        { messageId: 'tooLong', line: 3 },
        { messageId: 'tooLong', line: 5 },
        { messageId: 'tooLong', line: 7 },
      ],
    },
    {
      name: 'doc8 mode: a long title',
      code: `${words(90)}\n${'='.repeat(90)}\n\ntext\n`,
      options: { mode: 'doc8' },
      errors: [{ messageId: 'tooLong', line: 1, column: 80 }],
    },
    {
      name: 'doc8 mode: a long paragraph line',
      code: `Intro.\n\n${words(85)}\n`,
      options: { mode: 'doc8' },
      errors: [{ messageId: 'tooLong', line: 3 }],
    },
    {
      name: 'a lower max',
      code: `${words(41)}\n`,
      options: { max: 40 },
      errors: [{ messageId: 'tooLong', line: 1, column: 41 }],
    },
  ],
});
