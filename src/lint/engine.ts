/**
 * The reStructuredText engine as the linter uses it: docutils' defaults
 * (standalone reader, title promotion), so that rules see the tree the spec
 * repositories' tests see — except that nothing halts: a severe message
 * (e.g. an inconsistent title level) is reported, not thrown, as the
 * parity harness publishes with halt_level 5.
 */
import type { Document } from '../rst/document.js';
import '../rst/profiles/index.js';
import { publish } from '../rst/publish.js';
import type { TreeGuard } from './fix.js';
import type { PublishFunction } from './runner.js';

/** Never stop on a system message. */
const NEVER_HALT = 5;

/** docutils drops a byte order mark when it reads a file (Sphinx too); the linter publishes text, so it drops it here. */
const BYTE_ORDER_MARK = '\ufeff';

export const publishForLint: PublishFunction = (text, options) => {
  const result = publish(text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text, {
    sourcePath: options.sourcePath,
    settings: {
      haltLevel: NEVER_HALT,
      // No lexer lookups: their warnings depend on the Pygments installed, and Sphinx highlights on its own.
      syntaxHighlight: 'none',
      ...(options.root !== undefined ? { root: options.root } : {}),
    },
  });
  return { document: result.document as Document, messages: result.messages };
};

/**
 * The `--fix` guard: the fixed text must publish to the same document
 * tree as the original. Trees are compared as docutils' pseudo-XML, which
 * carries every node and attribute but not the engine's source positions
 * (fixes may shift columns; none of the fixes moves a line).
 */
export function treeGuard(): TreeGuard {
  return (original, fixed, path, root) => {
    const options = { sourcePath: path, extensions: [], ...(root !== undefined ? { root } : {}) };
    const before = publishForLint(original, options).document.pformat();
    const after = publishForLint(fixed, options).document.pformat();
    if (before === after) return { equal: true };
    const beforeLines = before.split('\n');
    const afterLines = after.split('\n');
    let index = 0;
    while (index < beforeLines.length && beforeLines[index] === afterLines[index]) index++;
    return {
      equal: false,
      reason: `the fixed text publishes to a different document tree (first difference at pseudo-XML line ${index + 1}: ${JSON.stringify((afterLines[index] ?? '').trim()).slice(0, 80)})`,
    };
  };
}
