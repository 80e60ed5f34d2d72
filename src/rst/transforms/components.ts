/**
 * Component-dependent content (docutils.transforms.components): a pending
 * node whose nodes are kept only when a component supports a format.
 */
import { Node } from '../nodes.js';
import { replaceSelf, type TransformDefinition } from './transform.js';

/**
 * Replaces the pending node by `details.nodes` when the component named by
 * `details.component` supports one of the comma-separated `details.format`
 * values; removes it otherwise.
 */
export const Filter: TransformDefinition = {
  name: 'docutils.transforms.components.Filter',
  defaultPriority: 780,
  apply({ startnode, transformer }) {
    const pending = startnode!;
    const componentType = String(pending.details['component']);
    const formats = String(pending.details['format']).split(',');
    const detailNodes = pending.details['nodes'];
    const nodes: Node[] = detailNodes instanceof Node ? [detailNodes] : Array.isArray(detailNodes) ? (detailNodes as Node[]) : [];
    if (formats.some((format) => transformer.supports(componentType, format))) replaceSelf(pending, nodes, Filter.name);
    else pending.parent!.remove(pending);
  },
};

export const transforms: readonly TransformDefinition[] = [Filter];
