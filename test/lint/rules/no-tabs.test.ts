import { noTabs } from '../../../src/lint/rules/no-tabs.js';
import { testRule } from '../rule-tester.js';

testRule(noTabs, {
  valid: ['  indented\n', 'a\tb\n', '', { name: 'a tab after text, anywhere off', code: '* item\twith tab\n' }],
  invalid: [
    { code: '\tindented\n', errors: [{ messageId: 'indentation', line: 1, column: 1, endColumn: 2 }], output: '        indented\n' },
    { name: 'spaces then a tab: to the next multiple of 8', code: '  \tx\n', errors: [{ messageId: 'indentation', line: 1, column: 3 }], output: '        x\n' },
    { name: 'two tabs', code: '\t\tx\n', errors: [{ messageId: 'indentation', line: 1, column: 1 }], output: '                x\n' },
    {
      name: 'only the indentation is expanded',
      code: '\tx\ty\n',
      errors: [{ messageId: 'indentation', line: 1, column: 1 }],
      output: '        x\ty\n',
    },
    {
      name: 'anywhere',
      code: 'a\tb\n',
      options: { anywhere: true },
      errors: [{ messageId: 'inText', line: 1, column: 2, endColumn: 3 }],
      output: 'a       b\n',
    },
    {
      name: 'anywhere expands the whole line as docutils does',
      code: '\tx\ty\n',
      options: { anywhere: true },
      errors: [{ messageId: 'indentation', line: 1, column: 1 }],
      output: '        x       y\n',
    },
    {
      name: 'several lines',
      code: 'a\n\tb\n  c\n\td\n',
      errors: [
        { messageId: 'indentation', line: 2 },
        { messageId: 'indentation', line: 4 },
      ],
      output: 'a\n        b\n  c\n        d\n',
    },
  ],
});
