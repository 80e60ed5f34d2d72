/**
 * A rule's documentation as text (for `specwright rules ID` and SARIF
 * help): the sections of Ruff's rule pages, in Markdown.
 */
import type { AnyRule } from './rule.js';

function indentBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `    ${line}`))
    .join('\n');
}

function fixLine(rule: AnyRule): string {
  switch (rule.meta.fix) {
    case 'safe':
      return 'Fix: safe (applied by `--fix`).';
    case 'unsafe':
      return 'Fix: unsafe (offered, never applied by `--fix`).';
    default:
      return 'Fix: none.';
  }
}

export function ruleDocumentation(rule: AnyRule): string {
  const { meta } = rule;
  const sections: string[] = [
    `# ${meta.id}`,
    '',
    `${meta.description}.`,
    '',
    `Default severity: ${meta.defaultSeverity}. ${fixLine(rule)}`,
    '',
    '## What it does',
    '',
    meta.docs.whatItDoes,
    '',
    '## Why is this bad?',
    '',
    meta.docs.why,
    '',
    '## Example',
    '',
    indentBlock(meta.docs.example),
    '',
    '## Use instead',
    '',
    indentBlock(meta.docs.useInstead),
  ];
  if (meta.docs.fixSafety) sections.push('', '## Fix safety', '', meta.docs.fixSafety);
  sections.push('', '## Options', '', meta.docs.options ?? 'None.');
  if (meta.docs.compatibility) sections.push('', '## Compatibility', '', meta.docs.compatibility);
  sections.push(
    '',
    '## Configuration',
    '',
    '    [rules]',
    `    ${meta.id} = "warning"      # or "error", "off", or a table of options`,
    '',
    'Turn it off for one block or one file with a comment:',
    '',
    `    .. specwright-disable-next: ${meta.id}`,
    `    .. specwright-disable: ${meta.id}`,
  );
  return `${sections.join('\n')}\n`;
}
