import { trailingWhitespace } from '../../../src/lint/rules/trailing-whitespace.js';
import { testRule } from '../rule-tester.js';

testRule(trailingWhitespace, {
  valid: ['', 'abc\n', 'abc\r\n', 'abc\r', '\n\n', 'a b\tc\n', 'x'],
  invalid: [
    { code: 'abc  \n', errors: [{ messageId: 'trailing', line: 1, column: 4, endColumn: 6 }], output: 'abc\n' },
    { code: 'abc\t\n', errors: [{ messageId: 'trailing', line: 1, column: 4 }], output: 'abc\n' },
    { name: 'no-break space', code: 'a\u00a0\n', errors: [{ messageId: 'trailing', line: 1, column: 2 }], output: 'a\n' },
    { name: 'form feed', code: 'abc\f\nx\n', errors: [{ messageId: 'trailing', line: 1, column: 4 }], output: 'abc\nx\n' },
    { name: 'before CRLF (doc8 counts it)', code: 'abc \r\n', errors: [{ messageId: 'trailing', line: 1, column: 4 }], output: 'abc\r\n' },
    { name: 'before a lone CR', code: 'a \rb\n', errors: [{ messageId: 'trailing', line: 1, column: 2 }], output: 'a\rb\n' },
    { name: 'last line without newline', code: 'x\ny ', errors: [{ messageId: 'trailing', line: 2, column: 2 }], output: 'x\ny' },
    { name: 'whitespace-only line', code: 'a\n   \nb\n', errors: [{ messageId: 'trailing', line: 2, column: 1, endColumn: 4 }], output: 'a\n\nb\n' },
    {
      name: 'columns count code points',
      code: '😀😀 \n',
      errors: [{ messageId: 'trailing', line: 1, column: 3, endColumn: 4 }],
      output: '😀😀\n',
    },
    {
      name: 'several lines',
      code: 'a \nb\nc  \n',
      errors: [
        { messageId: 'trailing', line: 1 },
        { messageId: 'trailing', line: 3 },
      ],
      output: 'a\nb\nc\n',
    },
  ],
});
