/**
 * Miscellaneous transforms (docutils.transforms.misc): the `class`
 * directive's pending attribute, callbacks and transition placement.
 */
import { Element, Node, element } from '../nodes.js';
import { TransformCrash, findallLive, type TransformDefinition } from './transform.js';
import type { Document } from '../document.js';

const MODULE = 'docutils.transforms.misc';

/** A pending node whose `details.callback` is called when the transform runs. */
export type PendingCallback = (pending: Element) => void;

/** Calls `details.callback(pending)` and removes the pending node. */
export const CallBack: TransformDefinition = {
  name: `${MODULE}.CallBack`,
  defaultPriority: 990,
  apply({ startnode }) {
    const pending = startnode!;
    const callback = (pending.details as unknown as Record<string, unknown>)['callback'];
    if (typeof callback !== 'function') throw new TransformCrash('KeyError', "'callback'", CallBack.name);
    (callback as PendingCallback)(pending);
    pending.parent!.remove(pending);
  },
};

/** Adds the `class` directive's classes to the next element that is not invisible or a message. */
export const ClassAttribute: TransformDefinition = {
  name: `${MODULE}.ClassAttribute`,
  defaultPriority: 210,
  apply({ document, startnode }) {
    const pending = startnode!;
    let parent: Element | null = pending.parent;
    let child: Node = pending;
    while (parent) {
      for (let index = parent.index(child) + 1; index < parent.children.length; index++) {
        const sibling = parent.children[index]!;
        if (sibling.is('Invisible') || sibling.is('system_message')) continue;
        (sibling as Element).classes.push(...((pending.details['class'] as string[] | undefined) ?? []));
        pending.parent!.remove(pending);
        return;
      }
      // At the end of a section or container: apply to the parent's next sibling.
      child = parent;
      parent = parent.parent;
    }
    const error = document.reporter.error(
      `No suitable element following "${String(pending.details['directive'])}" directive`,
      [element('literal_block', pending.rawsource, pending.rawsource)],
      { line: pending.line },
    );
    pending.replaceSelf(error);
  },
};

/**
 * Moves transitions at the end of a section up the tree and complains about
 * transitions at the start or end of the document or next to each other.
 */
export const Transitions: TransformDefinition = {
  name: `${MODULE}.Transitions`,
  defaultPriority: 830,
  apply({ document }) {
    for (const node of findallLive(document, 'transition')) visitTransition(document, node as Element);
  },
};

function visitTransition(document: Document, node: Element): void {
  let parent = node.parent!;
  let index = parent.index(node);
  let error: Element | null = null;
  const first = parent.children[0];
  if (
    index === 0 ||
    (first !== undefined &&
      first.is('title') &&
      (index === 1 || (parent.children[1]!.is('subtitle') && index === 2)))
  ) {
    error = document.reporter.error('Document or section may not begin with a transition.', [], {
      source: node.source ?? undefined,
      line: node.line,
    });
  } else if (parent.children[index - 1]!.is('transition')) {
    error = document.reporter.error(
      'At least one body element must separate transitions; adjacent transitions are not allowed.',
      [],
      { source: node.source ?? undefined, line: node.line },
    );
  }
  if (error) {
    parent.insert(index, error);
    index += 1;
  }
  if (index !== parent.children.length - 1) return;
  // The node after which the transition moves.
  let sibling: Element = node;
  while (index === sibling.parent!.children.length - 1) {
    sibling = sibling.parent!;
    if (sibling.parent === null) {
      // At the very end of the document: leave it there, with an error after it.
      const endError = document.reporter.error('Document may not end with a transition.', [], { line: node.line });
      parent = node.parent!;
      parent.insert(parent.index(node) + 1, endError);
      return;
    }
    index = sibling.parent.index(sibling);
  }
  node.parent!.remove(node);
  sibling.parent!.insert(index + 1, node);
}

export const transforms: readonly TransformDefinition[] = [CallBack, ClassAttribute, Transitions];
