/**
 * The reStructuredText engine as the linter uses it: docutils' defaults
 * (standalone reader, title promotion), so that rules see the tree the spec
 * repositories' tests see — except that nothing halts: a severe message
 * (e.g. an inconsistent title level) is reported, not thrown, as the
 * parity harness publishes with halt_level 5.
 */
import type { Document } from '../rst/document.js';
import type { Element, Node } from '../rst/nodes.js';
import { sharedRegistry } from '../rst/profiles/index.js';
import { OPENSTACK_SPEC_EXTENSIONS } from '../rst/profiles/sphinx.js';
import { publish } from '../rst/publish.js';
import type { TreeGuard } from './fix.js';
import type { PublishFunction } from './runner.js';

/** Never stop on a system message. */
const NEVER_HALT = 5;

/** docutils drops a byte order mark when it reads a file (Sphinx too); the linter publishes text, so it drops it here. */
const BYTE_ORDER_MARK = '\ufeff';

export const publishForLint: PublishFunction = (text, options) => {
  const result = publish(text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text, {
    registry: sharedRegistry(options.profile ?? 'sphinx', { extensions: options.extensions, ...(options.root !== undefined ? { srcdir: options.root } : {}) }),
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
 * The document tree without docutils' system messages, as text: every
 * element with its attributes and every text node. Fixes exist to remove
 * warnings, so the messages themselves are left out of the comparison;
 * positions are not part of it either (fixes shift columns; none moves a
 * line).
 */
export function treeWithoutMessages(node: Node): string {
  if (node.isText()) return JSON.stringify(node.astext());
  const element = node as Element;
  if (element.tagname === 'system_message') return '';
  const classes = element.attributes.classes;
  if (element.tagname === 'section' && Array.isArray(classes) && classes.includes('system-messages')) return '';
  const attributes = Object.keys(element.attributes)
    .sort()
    .map((key) => `${key}=${JSON.stringify(element.attributes[key])}`)
    .join(' ');
  const children = element.children.map(treeWithoutMessages).filter((text) => text !== '');
  return `<${element.tagname}${attributes ? ` ${attributes}` : ''}>${children.join('')}</${element.tagname}>`;
}

/**
 * The `--fix` guard: the fixed text must publish to the same document tree
 * as the original, messages aside. Always the same function, so the runner
 * can tell that worker threads (which build their own) may use it.
 */
export function treeGuard(): TreeGuard {
  return TREE_GUARD;
}

const TREE_GUARD: TreeGuard = (original, fixed, context) => {
  const options = {
    sourcePath: context.path,
    extensions: context.extensions ?? OPENSTACK_SPEC_EXTENSIONS,
    ...(context.root !== undefined ? { root: context.root } : {}),
  };
  const before = treeWithoutMessages(publishForLint(original, options).document);
  const after = treeWithoutMessages(publishForLint(fixed, options).document);
  if (before === after) return { equal: true };
  let index = 0;
  while (index < before.length && before[index] === after[index]) index++;
  return {
    equal: false,
    reason: `the fixed text publishes to a different document tree (they differ at: ${JSON.stringify(after.slice(Math.max(0, index - 20), index + 40))})`,
  };
};
