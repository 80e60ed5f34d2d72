import { finalNewline } from '../../../src/lint/rules/final-newline.js';
import { testRule } from '../rule-tester.js';

testRule(finalNewline, {
  valid: ['', 'a\n', 'a\r\n', 'a\r', 'a\n\n'],
  invalid: [
    { code: 'a', errors: [{ messageId: 'missing', line: 1, column: 2 }], output: 'a\n' },
    { code: 'a\nbc', errors: [{ messageId: 'missing', line: 2, column: 3 }], output: 'a\nbc\n' },
    { name: 'a whitespace-only last line', code: 'a\n  ', errors: [{ messageId: 'missing', line: 2, column: 3 }], output: 'a\n  \n' },
  ],
});
