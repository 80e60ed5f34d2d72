import { noCarriageReturn } from '../../../src/lint/rules/no-carriage-return.js';
import { testRule } from '../rule-tester.js';

testRule(noCarriageReturn, {
  valid: ['a\nb\n', '', 'no newline at all'],
  invalid: [
    {
      name: 'CRLF',
      code: 'a\r\nbc\r\n',
      errors: [
        { messageId: 'carriageReturn', line: 1, column: 2, endColumn: 3 },
        { messageId: 'carriageReturn', line: 2, column: 3 },
      ],
      output: 'a\nbc\n',
    },
    {
      name: 'lone CR line ends',
      code: 'a\rb\r',
      errors: [
        { messageId: 'carriageReturn', line: 1 },
        { messageId: 'carriageReturn', line: 2 },
      ],
      output: 'a\nb\n',
    },
    {
      name: 'mixed',
      code: 'a\nb\r\nc\n',
      errors: [{ messageId: 'carriageReturn', line: 2 }],
      output: 'a\nb\nc\n',
    },
    {
      name: 'CR CR LF is two line ends',
      code: 'a\r\r\n',
      errors: [
        { messageId: 'carriageReturn', line: 1 },
        { messageId: 'carriageReturn', line: 2 },
      ],
      output: 'a\n\n',
    },
  ],
});
