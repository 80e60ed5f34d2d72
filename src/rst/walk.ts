/**
 * Walking a document tree with enter/exit visitors keyed by node kind.
 */
import type { Element, Node } from './nodes.js';

export interface Visitor {
  /** Called for every node before its children; return false to skip the children. */
  enter?: (node: Node, ancestors: readonly Element[]) => void | boolean;
  /** Called for every node after its children. */
  exit?: (node: Node, ancestors: readonly Element[]) => void;
}

/** Visitors by tag name ("paragraph", "#text", ...); "*" receives every node. */
export type KindVisitors = Record<string, Visitor>;

/** Depth-first, document order. */
export function walk(root: Node, visitor: Visitor | KindVisitors): void {
  const ancestors: Element[] = [];
  const isKinded = !('enter' in visitor || 'exit' in visitor);
  const visitorsFor = (node: Node): Visitor[] => {
    if (!isKinded) return [visitor as Visitor];
    const kinded = visitor as KindVisitors;
    const list: Visitor[] = [];
    const own = kinded[node.tagname];
    if (own) list.push(own);
    const any = kinded['*'];
    if (any) list.push(any);
    return list;
  };
  const visit = (node: Node): void => {
    const visitors = visitorsFor(node);
    let descend = true;
    for (const current of visitors) if (current.enter?.(node, ancestors) === false) descend = false;
    if (descend && node.isElement()) {
      ancestors.push(node);
      for (const child of [...node.children]) visit(child);
      ancestors.pop();
    }
    for (const current of visitors) current.exit?.(node, ancestors);
  };
  visit(root);
}
