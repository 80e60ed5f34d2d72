/**
 * The output formats of `specwright lint --format NAME`.
 */
import type { Formatter } from './formatter.js';
import type { FormatName } from './names.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatRdjson } from './rdjson.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  rdjson: formatRdjson,
} as const satisfies Record<FormatName, Formatter>;

export { FORMAT_NAMES, isFormatName, type FormatName } from './names.js';

export type { Formatter, FormatterInput } from './formatter.js';
