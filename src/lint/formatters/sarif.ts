/**
 * `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other
 * static-analysis dashboards. Columns count Unicode code points
 * (`columnKind: unicodeCodePoints`); every rule is described in the
 * driver, with its documentation as help text.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../registry.js';
import { SPECWRIGHT_NAME, SPECWRIGHT_VERSION } from '../../util/version.js';
import type { FormatterInput } from './formatter.js';
import { ruleDocumentation } from '../rule-docs.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SARIF_VERSION = '2.1.0';
const SOURCE_ROOT = '%SRCROOT%';

function toUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/** A relative path is resolved against %SRCROOT% (the current directory); an absolute one becomes a file: URI. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: toUri(path), uriBaseId: SOURCE_ROOT };
}

export function formatSarif({ report }: FormatterInput): string {
  const rules = RULES.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id,
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.docs.whatItDoes },
    help: { text: ruleDocumentation(rule), markdown: ruleDocumentation(rule) },
    defaultConfiguration: { level: rule.meta.defaultSeverity === 'off' ? 'none' : rule.meta.defaultSeverity },
  }));
  const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.id, index]));
  const results = report.diagnostics.map((diagnostic) => ({
    ruleId: diagnostic.rule,
    ruleIndex: ruleIndex.get(diagnostic.rule) ?? -1,
    level: diagnostic.severity,
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(diagnostic.file),
          region: {
            startLine: diagnostic.range.start.line,
            startColumn: diagnostic.range.start.column,
            endLine: diagnostic.range.end.line,
            endColumn: Math.max(diagnostic.range.end.column, 1),
          },
        },
      },
    ],
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: SPECWRIGHT_NAME,
            version: SPECWRIGHT_VERSION,
            semanticVersion: SPECWRIGHT_VERSION,
            rules,
          },
        },
        columnKind: 'unicodeCodePoints',
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: `${pathToFileURL(process.cwd()).href}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
