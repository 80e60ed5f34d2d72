/**
 * Every rule, in the order findings are documented and listed. Rule ids
 * are public API: renaming one breaks users' configuration.
 */
import type { AnyRule } from './rule.js';
import { directoryLayout } from './rules/directory-layout.js';
import { fileEncoding } from './rules/file-encoding.js';
import { finalNewline } from './rules/final-newline.js';
import { lineLength } from './rules/line-length.js';
import { noCarriageReturn } from './rules/no-carriage-return.js';
import { noTabs } from './rules/no-tabs.js';
import { noZeroWidthSpace } from './rules/no-zero-width-space.js';
import { templateSections } from './rules/template-sections.js';
import { rstSyntax } from './rules/rst-syntax.js';
import { filenameMatchesBlueprint } from './rules/filename-matches-blueprint.js';
import { emptySection } from './rules/empty-section.js';
import { templateText } from './rules/template-text.js';
import { asciiDiagrams } from './rules/ascii-diagrams.js';
import { assignee } from './rules/assignee.js';
import { specTitle } from './rules/spec-title.js';
import { restApi } from './rules/rest-api.js';
import { trailingWhitespace } from './rules/trailing-whitespace.js';

export const RULES = [
  directoryLayout,
  templateSections,
  rstSyntax,
  lineLength,
  trailingWhitespace,
  noTabs,
  noCarriageReturn,
  finalNewline,
  noZeroWidthSpace,
  specTitle,
  filenameMatchesBlueprint,
  emptySection,
  templateText,
  assignee,
  asciiDiagrams,
  restApi,
  fileEncoding,
] as const;

export type RuleId = (typeof RULES)[number]['meta']['id'];

const BY_ID: ReadonlyMap<string, AnyRule> = new Map(RULES.map((rule) => [rule.meta.id, rule as AnyRule]));

export function getRule(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}

export function ruleIds(): RuleId[] {
  return RULES.map((rule) => rule.meta.id);
}

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}
