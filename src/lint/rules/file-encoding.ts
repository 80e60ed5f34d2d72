/**
 * file-encoding: a spec must be UTF-8 text. The runner checks this while
 * reading each file (nothing else can run on text it cannot decode); this
 * module carries the rule's settings and documentation.
 */
import { defineFileRule } from '../rule.js';

export const fileEncoding = defineFileRule({
  scope: 'file',
  needsDocument: false,
  meta: {
    id: 'file-encoding',
    description: 'Require UTF-8 text files',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      invalidUtf8: 'Not valid UTF-8: invalid byte 0x{{byte}} at offset {{offset}}; no other rule can check this file.',
      nulByte: 'Contains a NUL byte at offset {{offset}}: this is not a text file; no other rule can check it.',
    },
    docs: {
      whatItDoes:
        'Reports a file that is not valid UTF-8, or that contains NUL bytes (a binary file). Such a file is reported once, at the first bad byte, and no other rule checks it. A UTF-8 byte order mark is allowed.',
      why: 'docutils, Sphinx and the spec repositories\' tests read specs as UTF-8; a file in another encoding fails their builds or shows mangled characters.',
      example: 'A spec saved as Latin-1: caf\\xe9',
      useInstead: 'The same spec saved as UTF-8: caf\\xc3\\xa9',
      fixSafety: 'No automatic fix: the original encoding cannot be known for sure. Re-save the file as UTF-8 (`iconv -f latin1 -t utf-8`).',
      options: 'None. Turning the rule off skips such files silently.',
    },
  },
  create() {
    return {};
  },
});
