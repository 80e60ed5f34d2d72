import { noZeroWidthSpace } from '../../../src/lint/rules/no-zero-width-space.js';
import { testRule } from '../rule-tester.js';

testRule(noZeroWidthSpace, {
  valid: ['a b\n', { name: 'zero-width non-joiner is another character', code: 'a\u200cb\n' }, ''],
  invalid: [
    { code: 'a\u200bb\n', errors: [{ messageId: 'found', line: 1, column: 2, endColumn: 3 }] },
    {
      name: 'each occurrence',
      code: 'x\n\u200ba\u200b\n',
      errors: [
        { messageId: 'found', line: 2, column: 1 },
        { messageId: 'found', line: 2, column: 3 },
      ],
    },
    { name: 'columns count code points', code: '😀\u200b\n', errors: [{ messageId: 'found', line: 1, column: 2 }] },
  ],
});
