/**
 * Warnings of Sphinx's own read transforms: checks Sphinx runs on every
 * document after parsing it (SphinxTransform subclasses), which docutils'
 * publish does not. `sphinx-build -W` fails on them as on any warning.
 *
 * `specwright doctree --profile sphinx` stays docutils' publish with
 * Sphinx's roles and directives (what scripts/sphinx-oracle.py prints);
 * the linter adds these warnings to rst-syntax.
 */
import { getSourceLine, type Document } from '../document.js';
import type { SphinxWarning } from './environment.js';

/**
 * sphinx.transforms.UnreferencedFootnotesDetector (Sphinx 5.3): a manually
 * numbered footnote whose label no reference names, and an auto-numbered
 * footnote when the document has no auto-numbered reference at all (Sphinx
 * compares their `auto` attributes, which are 1 for every numbered one).
 * A footnote that lost its name as a duplicate is left to the parser's
 * own message.
 */
function unreferencedFootnotes(document: Document): SphinxWarning[] {
  const warnings: SphinxWarning[] = [];
  const warn = (message: string, node: Parameters<typeof getSourceLine>[0]) => {
    const [source, line] = getSourceLine(node);
    warnings.push({ message, source, line, type: 'ref', subtype: 'footnote' });
  };
  for (const footnote of document.footnotes) {
    const names = footnote.attributes.names;
    const first = Array.isArray(names) ? names[0] : undefined;
    if (first === undefined) continue;
    if (!document.footnoteRefs.has(String(first))) warn(`Footnote [${String(first)}] is not referenced.`, footnote);
  }
  for (const footnote of document.autofootnotes) {
    const auto = footnote.attributes.auto;
    if (!document.autofootnoteRefs.some((reference) => reference.attributes.auto === auto)) warn('Footnote [#] is not referenced.', footnote);
  }
  return warnings;
}

/** The warnings Sphinx's read transforms would add for this published document, in Sphinx's order. */
export function sphinxReadWarnings(document: Document): SphinxWarning[] {
  return unreferencedFootnotes(document);
}
