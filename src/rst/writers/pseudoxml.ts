/**
 * docutils' pseudo-XML writer: the document's pformat(), an indented
 * tag-per-line rendering used by docutils' own tests.
 */
import type { Node } from '../nodes.js';

export function toPseudoXml(node: Node): string {
  return node.pformat();
}
