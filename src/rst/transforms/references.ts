/**
 * Resolving references (docutils.transforms.references): target propagation,
 * anonymous and indirect hyperlinks, external and internal targets,
 * footnote numbering, substitutions, target notes and dangling references.
 */
import type { Document } from '../document.js';
import { Element, Node, Text, element, kindMayExist, type Pending } from '../nodes.js';
import { codePointLength, lstrip, rstrip } from '../python-text.js';
import {
  TransformCrash,
  findallLive,
  firstId,
  problematic,
  replaceSelf,
  replaceWithProblematic,
  text,
  truthy,
  walk,
  type TransformContext,
  type TransformDefinition,
  type UnknownReferenceResolver,
} from './transform.js';

const MODULE = 'docutils.transforms.references';

// ---- PropagateTargets --------------------------------------------------------

/**
 * Moves the ids and names of an empty block-level target (`.. _name:`) to
 * the element that follows it; the target keeps a `refid` to it.
 */
export const PropagateTargets: TransformDefinition = {
  name: `${MODULE}.PropagateTargets`,
  defaultPriority: 260,
  apply({ document }) {
    for (const node of findallLive(document, 'target')) {
      const target = node as Element;
      if (target.parent?.isTextElement || target.has('refid') || target.has('refuri') || target.has('refname')) {
        continue;
      }
      if (target.children.length > 0) {
        throw new TransformCrash('AssertionError', 'error: block-level target has children', PropagateTargets.name);
      }
      let next = target.nextNode(undefined, { ascend: true });
      // System messages may yet be removed by FilterMessages; skip them.
      while (next && next.is('system_message')) next = next.nextNode(undefined, { ascend: true, descend: false });
      if (next === null || ((next.is('Invisible') || next.is('Targetable')) && !next.is('target'))) continue;
      const receiver = next as Element;
      receiver.ids.push(...target.ids);
      receiver.names.push(...target.names);
      receiver.expectReferencedByName ??= new Map();
      receiver.expectReferencedById ??= new Map();
      for (const id of target.ids) {
        document.idMap.set(id, receiver);
        receiver.expectReferencedById.set(id, target);
      }
      for (const name of target.names) receiver.expectReferencedByName.set(name, target);
      for (const [name, value] of target.expectReferencedByName ?? []) receiver.expectReferencedByName.set(name, value);
      for (const [id, value] of target.expectReferencedById ?? []) receiver.expectReferencedById.set(id, value);
      target.set('refid', firstId(target));
      target.set('ids', []);
      target.set('names', []);
      document.noteRefid(target);
    }
  },
};

// ---- AnonymousHyperlinks -----------------------------------------------------

/** Pairs anonymous references with anonymous targets, in document order. */
export const AnonymousHyperlinks: TransformDefinition = {
  name: `${MODULE}.AnonymousHyperlinks`,
  defaultPriority: 440,
  apply({ document }) {
    const references: Element[] = [];
    const targets: Element[] = [];
    for (const node of findallLive(document, 'reference')) {
      if (truthy((node as Element).get('anonymous'))) references.push(node as Element);
    }
    for (const node of findallLive(document, 'target')) {
      if (truthy((node as Element).get('anonymous'))) targets.push(node as Element);
    }
    if (references.length !== targets.length) {
      const message = document.reporter.error(
        `Anonymous hyperlink mismatch: ${references.length} references but ${targets.length} targets.\n` +
          'See "backrefs" attribute for IDs.',
      );
      const messageId = document.setId(message);
      for (const ref of references) replaceWithProblematic(document, message, messageId, ref);
      return;
    }
    references.forEach((ref, index) => {
      let target = targets[index]!;
      target.referenced = true;
      for (;;) {
        if (target.has('refuri')) {
          ref.set('refuri', target.get('refuri')!);
          ref.resolved = true;
          break;
        }
        if (target.ids.length === 0) {
          // A propagated target: follow it to the element that took its id.
          target = lookupId(document, target.get('refid') as string);
          continue;
        }
        ref.set('refid', firstId(target));
        document.noteRefid(ref);
        break;
      }
    });
  },
};

function lookupId(document: Document, id: string): Element {
  const node = document.idMap.get(id);
  if (!node) throw new TransformCrash('KeyError', `'${id}'`, 'docutils.transforms.references');
  return node;
}

// ---- IndirectHyperlinks ------------------------------------------------------

/**
 * Resolves targets that refer to other targets by name (`.. _a: b_`) and the
 * references to them, following chains and reporting circular or missing
 * ones.
 */
export const IndirectHyperlinks: TransformDefinition = {
  name: `${MODULE}.IndirectHyperlinks`,
  defaultPriority: 460,
  apply(context) {
    const resolver = new IndirectResolver(context);
    for (const target of context.document.indirectTargets) {
      if (!target.resolved) resolver.resolveIndirectTarget(target);
      resolver.resolveIndirectReferences(target);
    }
  },
};

class IndirectResolver {
  private readonly document: Document;
  private readonly resolvers: readonly UnknownReferenceResolver[];
  /** Targets being resolved (docutils' `multiply_indirect` flag). */
  private readonly inProgress = new Set<Element>();

  constructor(context: TransformContext) {
    this.document = context.document;
    this.resolvers = context.transformer.unknownReferenceResolvers;
  }

  resolveIndirectTarget(target: Element): void {
    const document = this.document;
    const refname = target.get('refname');
    let reftargetId: string;
    if (refname === undefined || refname === null) {
      reftargetId = target.get('refid') as string;
    } else {
      const found = document.nameids.get(refname as string);
      if (!found) {
        if (!this.resolvers.some((resolve) => resolve(target))) this.nonexistentIndirectTarget(target);
        return;
      }
      reftargetId = found;
    }
    const reftarget = lookupId(document, reftargetId);
    reftarget.noteReferencedBy(undefined, reftargetId);
    if (reftarget.is('target') && !reftarget.resolved && reftarget.has('refname')) {
      if (this.inProgress.has(target)) {
        this.indirectTargetError(target, 'forming a circular reference');
        return;
      }
      this.inProgress.add(target);
      this.resolveIndirectTarget(reftarget);
      this.inProgress.delete(target);
    }
    if (reftarget.has('refuri')) {
      target.set('refuri', reftarget.get('refuri')!);
      if (target.has('refid')) target.delete('refid');
    } else if (reftarget.has('refid')) {
      target.set('refid', reftarget.get('refid')!);
      document.noteRefid(target);
    } else if (reftarget.ids.length > 0) {
      target.set('refid', reftargetId);
      document.noteRefid(target);
    } else {
      this.nonexistentIndirectTarget(target);
      return;
    }
    if (refname !== undefined && refname !== null) target.delete('refname');
    target.resolved = true;
  }

  private nonexistentIndirectTarget(target: Element): void {
    if (this.document.nameids.has(target.get('refname') as string)) {
      this.indirectTargetError(target, 'which is a duplicate, and cannot be used as a unique reference');
    } else {
      this.indirectTargetError(target, 'which does not exist');
    }
  }

  private indirectTargetError(target: Element, explanation: string): void {
    const document = this.document;
    let naming = '';
    const references: Element[] = [];
    if (target.names.length > 0) naming = `"${target.names[0]}" `;
    for (const name of target.names) references.push(...(document.refnames.get(name) ?? []));
    for (const id of target.ids) references.push(...(document.refids.get(id) ?? []));
    if (target.ids.length > 0) naming += `(id="${target.ids[0]}")`;
    const message = document.reporter.error(
      `Indirect hyperlink target ${naming} refers to target "${String(target.get('refname'))}", ${explanation}.`,
      [],
      { baseNode: target },
    );
    const messageId = document.setId(message);
    for (const ref of unique(references)) replaceWithProblematic(document, message, messageId, ref);
    target.resolved = true;
  }

  resolveIndirectReferences(target: Element): void {
    const document = this.document;
    let attribute: 'refid' | 'refuri';
    if (target.has('refid')) attribute = 'refid';
    else if (target.has('refuri')) attribute = 'refuri';
    else return;
    const value = target.get(attribute)!;
    const update = (ref: Element, removed: string): void => {
      if (ref.resolved) return;
      ref.delete(removed);
      ref.set(attribute, value);
      if (attribute === 'refid') document.noteRefid(ref);
      ref.resolved = true;
      if (ref.is('target')) this.resolveIndirectReferences(ref);
    };
    for (const name of target.names) {
      const references = document.refnames.get(name) ?? [];
      if (references.length > 0) target.noteReferencedBy(name);
      for (const ref of references) update(ref, 'refname');
    }
    for (const id of target.ids) {
      const references = document.refids.get(id) ?? [];
      if (references.length > 0) target.noteReferencedBy(undefined, id);
      for (const ref of references) update(ref, 'refid');
    }
  }
}

function unique<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out;
}

// ---- ExternalTargets / InternalTargets ----------------------------------------

/** References by name to a target with a URI get the URI. */
export const ExternalTargets: TransformDefinition = {
  name: `${MODULE}.ExternalTargets`,
  defaultPriority: 640,
  apply({ document }) {
    for (const node of findallLive(document, 'target')) {
      const target = node as Element;
      if (!target.has('refuri')) continue;
      const refuri = target.get('refuri')!;
      for (const name of target.names) {
        const references = document.refnames.get(name) ?? [];
        if (references.length > 0) target.noteReferencedBy(name);
        for (const ref of references) {
          if (ref.resolved) continue;
          ref.delete('refname');
          ref.set('refuri', refuri);
          ref.resolved = true;
        }
      }
    }
  },
};

/** References by name to an internal target get its id. */
export const InternalTargets: TransformDefinition = {
  name: `${MODULE}.InternalTargets`,
  defaultPriority: 660,
  apply({ document }) {
    for (const node of findallLive(document, 'target')) {
      const target = node as Element;
      if (target.has('refuri') || target.has('refid')) continue;
      for (const name of target.names) {
        const refid = document.nameids.get(name);
        const references = document.refnames.get(name) ?? [];
        if (references.length > 0) target.noteReferencedBy(name);
        for (const ref of references) {
          if (ref.resolved) continue;
          if (refid) {
            ref.delete('refname');
            ref.set('refid', refid);
          }
          ref.resolved = true;
        }
      }
    }
  },
};

// ---- Footnotes ---------------------------------------------------------------

/** docutils' footnote symbols: Chicago Manual of Style order, then card suits. */
export const FOOTNOTE_SYMBOLS: readonly string[] = [
  '*',
  '\u2020',
  '\u2021',
  '\u00a7',
  '\u00b6',
  '#',
  '\u2660',
  '\u2665',
  '\u2666',
  '\u2663',
];

/**
 * Numbers auto-numbered footnotes, gives symbol footnotes their symbols and
 * links footnotes and citations with their references.
 */
export const Footnotes: TransformDefinition = {
  name: `${MODULE}.Footnotes`,
  defaultPriority: 620,
  apply({ document }) {
    const autofootnoteLabels: string[] = [];
    const start = document.autofootnoteStart;
    document.autofootnoteStart = numberFootnotes(document, start, autofootnoteLabels);
    numberFootnoteReferences(document, autofootnoteLabels);
    symbolizeFootnotes(document);
    resolveFootnotesAndCitations(document);
  },
};

function numberFootnotes(document: Document, start: number, labels: string[]): number {
  let number = start;
  for (const footnote of document.autofootnotes) {
    let label: string;
    do {
      label = String(number);
      number += 1;
    } while (document.nameids.has(label));
    footnote.insert(0, element('label', '', label));
    for (const name of footnote.names) {
      for (const ref of document.footnoteRefs.get(name) ?? []) {
        ref.append(text(label));
        ref.delete('refname');
        ref.set('refid', firstId(footnote));
        footnote.backrefs.push(firstId(ref));
        document.noteRefid(ref);
        ref.resolved = true;
      }
    }
    if (footnote.names.length === 0 && footnote.dupnames.length === 0) {
      footnote.names.push(label);
      document.noteExplicitTarget(footnote, footnote);
      labels.push(label);
    }
  }
  return number;
}

function numberFootnoteReferences(document: Document, labels: readonly string[]): void {
  let index = 0;
  const references = document.autofootnoteRefs;
  for (const ref of references) {
    if (ref.resolved || ref.has('refid')) continue;
    const label = labels[index];
    if (label === undefined) {
      const message = document.reporter.error(
        `Too many autonumbered footnote references: only ${labels.length} corresponding footnotes available.`,
        [],
        { baseNode: ref },
      );
      const messageId = document.setId(message);
      for (const rest of references.slice(index)) {
        if (rest.resolved || rest.has('refname')) continue;
        replaceWithProblematic(document, message, messageId, rest);
      }
      break;
    }
    ref.append(text(label));
    const id = document.nameids.get(label) as string;
    const footnote = lookupId(document, id);
    ref.set('refid', id);
    document.noteRefid(ref);
    footnote.backrefs.push(firstId(ref));
    ref.resolved = true;
    index += 1;
  }
}

function symbolizeFootnotes(document: Document): void {
  const labels: string[] = [];
  for (const footnote of document.symbolFootnotes) {
    const repetitions = Math.floor(document.symbolFootnoteStart / FOOTNOTE_SYMBOLS.length);
    const index = document.symbolFootnoteStart % FOOTNOTE_SYMBOLS.length;
    const label = FOOTNOTE_SYMBOLS[index]!.repeat(repetitions + 1);
    labels.push(label);
    footnote.insert(0, element('label', '', label));
    document.symbolFootnoteStart += 1;
    document.setId(footnote);
  }
  const references = document.symbolFootnoteRefs;
  for (let index = 0; index < references.length; index++) {
    const ref = references[index]!;
    const label = labels[index];
    if (label === undefined) {
      const message = document.reporter.error(
        `Too many symbol footnote references: only ${labels.length} corresponding footnotes available.`,
        [],
        { baseNode: ref },
      );
      const messageId = document.setId(message);
      for (const rest of references.slice(index)) {
        if (rest.resolved || rest.has('refid')) continue;
        replaceWithProblematic(document, message, messageId, rest);
      }
      break;
    }
    ref.append(text(label));
    const footnote = document.symbolFootnotes[index]!;
    if (footnote.ids.length !== 1) {
      throw new TransformCrash('AssertionError', 'a symbol footnote without exactly one id', Footnotes.name);
    }
    ref.set('refid', footnote.ids[0]!);
    document.noteRefid(ref);
    footnote.backrefs.push(firstId(ref));
  }
}

function resolveFootnotesAndCitations(document: Document): void {
  for (const footnote of document.footnotes) {
    for (const label of footnote.names) {
      const references = document.footnoteRefs.get(label);
      if (references) resolveReferences(footnote, references);
    }
  }
  for (const citation of document.citations) {
    for (const label of citation.names) {
      const references = document.citationRefs.get(label);
      if (references) resolveReferences(citation, references);
    }
  }
}

function resolveReferences(note: Element, references: readonly Element[]): void {
  const id = firstId(note);
  for (const ref of references) {
    if (ref.resolved) continue;
    ref.delete('refname');
    ref.set('refid', id);
    note.backrefs.push(firstId(ref));
    ref.resolved = true;
  }
  note.resolved = true;
}

// ---- Substitutions -----------------------------------------------------------

class CircularSubstitutionDefinitionError extends Error {}

/** Replaces each substitution reference with a copy of its definition's contents. */
export const Substitutions: TransformDefinition = {
  name: `${MODULE}.Substitutions`,
  defaultPriority: 220,
  apply({ document }) {
    const definitions = document.substitutionDefs;
    const normalized = document.substitutionNames;
    const nested = new Map<string, string[]>();
    const lineLengthLimit = document.settings.lineLengthLimit;
    // docutils keeps the originating reference in a 'ref-origin' attribute.
    const origins = new Map<Element, Element>();
    const references = [...findallLive(document, 'substitution_reference')] as Element[];
    for (let position = 0; position < references.length; position++) {
      const ref = references[position]!;
      let message: Element | null = null;
      const refname = ref.get('refname') as string;
      let key: string | undefined;
      if (definitions.has(refname)) key = refname;
      else key = normalized.get(refname.toLowerCase());
      let definition: Element | undefined;
      if (key === undefined) {
        message = document.reporter.error(`Undefined substitution referenced: "${refname}".`, [], { baseNode: ref });
      } else {
        definition = definitions.get(key)!;
        if (codePointLength(definition.astext()) > lineLengthLimit) {
          message = document.reporter.error(`Substitution definition "${key}" exceeds the line-length-limit.`);
        }
      }
      if (message) {
        replaceWithProblematic(document, message, document.setId(message), ref);
        continue;
      }
      const parent = ref.parent!;
      const index = parent.index(ref);
      if (definition!.has('ltrim') || definition!.has('trim')) {
        const before = parent.children[index - 1];
        if (index > 0 && before instanceof Text) parent.setChild(index - 1, new Text(rstrip(before.data)));
      }
      if (definition!.has('rtrim') || definition!.has('trim')) {
        const after = parent.children[index + 1];
        if (after instanceof Text) parent.setChild(index + 1, new Text(lstrip(after.data)));
      }
      const copy = definition!.deepcopy();
      try {
        for (const node of findallLive(copy, 'substitution_reference')) {
          const nestedRef = node as Element;
          const nestedName = normalized.get((nestedRef.get('refname') as string).toLowerCase());
          if (nestedName === undefined) {
            // docutils raises KeyError here; the publish fails.
            throw new TransformCrash('KeyError', `'${(nestedRef.get('refname') as string).toLowerCase()}'`, Substitutions.name);
          }
          let users = nested.get(nestedName);
          if (!users) nested.set(nestedName, (users = []));
          if (users.includes(nestedName)) throw new CircularSubstitutionDefinitionError();
          users.push(key!);
          origins.set(nestedRef, ref);
          references.push(nestedRef);
        }
      } catch (error) {
        if (!(error instanceof CircularSubstitutionDefinitionError)) throw error;
        const refParent = ref.parent!;
        if (refParent.is('substitution_definition')) {
          const circular = document.reporter.error(
            'Circular substitution definition detected:',
            [element('literal_block', refParent.rawsource, refParent.rawsource)],
            { line: refParent.line, baseNode: refParent },
          );
          refParent.replaceSelf(circular);
        } else {
          let origin = ref;
          while (origins.has(origin)) origin = origins.get(origin)!;
          const circular = document.reporter.error(`Circular substitution definition referenced: "${refname}".`, [], {
            baseNode: origin,
          });
          replaceWithProblematic(document, circular, document.setId(circular), ref);
        }
        continue;
      }
      const replacement = [...copy.children];
      replaceSelf(ref, replacement, Substitutions.name);
      // Register refnames of the replacement nodes, so references resolve.
      for (const node of replacement) {
        if (node.is('Referential') && (node as Element).has('refname')) document.noteRefname(node as Element);
      }
    }
  },
};

// ---- TargetNotes -------------------------------------------------------------

/** Creates a footnote for each external target and a reference to it after each use. */
export const TargetNotes: TransformDefinition = {
  name: `${MODULE}.TargetNotes`,
  defaultPriority: 540,
  apply({ document, startnode }) {
    const pending = startnode!;
    const classes = (pending.details['class'] as string[] | undefined) ?? [];
    const notes = new Map<string, Element>();
    const nodelist: Element[] = [];
    for (const node of findallLive(document, 'target')) {
      const target = node as Element;
      if (!target.has('refuri')) continue;
      const references: Element[] = [];
      for (const name of target.names) references.push(...(document.refnames.get(name) ?? []));
      if (references.length === 0) continue;
      const refuri = target.get('refuri') as string;
      const footnote = makeTargetFootnote(document, refuri, references, notes, classes);
      if (!notes.has(refuri)) {
        notes.set(refuri, footnote);
        nodelist.push(footnote);
      }
    }
    for (const node of findallLive(document, 'reference')) {
      const ref = node as Element;
      if (!truthy(ref.get('anonymous'))) continue;
      if (ref.has('refuri')) {
        const refuri = ref.get('refuri') as string;
        const footnote = makeTargetFootnote(document, refuri, [ref], notes, classes);
        if (!notes.has(refuri)) {
          notes.set(refuri, footnote);
          nodelist.push(footnote);
        }
      }
    }
    replaceSelf(pending, nodelist, TargetNotes.name);
  },
};

function makeTargetFootnote(
  document: Document,
  refuri: string,
  references: readonly Element[],
  notes: ReadonlyMap<string, Element>,
  classes: readonly string[],
): Element {
  let footnote = notes.get(refuri);
  let footnoteName: string;
  if (footnote) {
    footnoteName = footnote.names[0]!;
  } else {
    footnote = new Element('footnote');
    const footnoteId = document.setId(footnote);
    // Upper case and a colon: the parser cannot produce such a name.
    footnoteName = `TARGET_NOTE: ${footnoteId}`;
    footnote.set('auto', 1);
    footnote.set('names', [footnoteName]);
    const paragraph = new Element('paragraph');
    paragraph.append(element('reference', '', refuri, [], { refuri }));
    footnote.append(paragraph);
    document.noteAutofootnote(footnote);
    document.noteExplicitTarget(footnote, footnote);
  }
  for (const ref of references) {
    if (ref.is('target')) continue;
    const refnode = new Element('footnote_reference', '', [], { refname: footnoteName, auto: 1 });
    refnode.classes.push(...classes);
    document.noteAutofootnoteRef(refnode);
    document.noteFootnoteRef(refnode);
    const index = ref.parent!.index(ref) + 1;
    const inserted: Node[] = [refnode];
    if (!trimFootnoteReferenceSpace(document)) {
      if (classes.length > 0) inserted.unshift(element('inline', '', ' ', [], { classes: [...classes] }));
      else inserted.unshift(text(' '));
    }
    ref.parent!.insert(index, inserted);
  }
  return footnote;
}

/** docutils.utils.get_trim_footnote_ref_space (no writer here uses superscript references). */
function trimFootnoteReferenceSpace(document: Document): boolean {
  const setting = (document.settings as { trimFootnoteReferenceSpace?: boolean | null }).trimFootnoteReferenceSpace;
  if (setting === undefined || setting === null) {
    return (document.settings as { footnoteReferences?: string }).footnoteReferences === 'superscript';
  }
  return setting;
}

// ---- DanglingReferences ------------------------------------------------------

const REFERENCE_KINDS: readonly string[] = ['reference', 'footnote_reference', 'citation_reference'];

/** Reports references no target matched and targets nothing references. */
export const DanglingReferences: TransformDefinition = {
  name: `${MODULE}.DanglingReferences`,
  defaultPriority: 850,
  apply({ document, transformer }) {
    const resolvers = transformer.unknownReferenceResolvers;
    // The walk only acts on references: without any, it would do nothing.
    if (REFERENCE_KINDS.some(kindMayExist)) {
      walk(document, (node) => {
        if (node instanceof Element && REFERENCE_KINDS.includes(node.tagname)) visitReference(document, node, resolvers);
      });
    }
    for (const node of findallLive(document, 'target')) {
      const target = node as Element;
      if (target.referenced) continue;
      // An unreferenced anonymous target already has a mismatch message.
      if (truthy(target.get('anonymous'))) continue;
      let naming: string;
      if (target.names.length > 0) naming = target.names[0]!;
      else if (target.ids.length > 0) naming = target.ids[0]!;
      else naming = target.get('refid') as string; // propagated targets keep a refid
      document.reporter.info(`Hyperlink target "${naming}" is not referenced.`, [], { baseNode: target });
    }
  },
};

function visitReference(document: Document, node: Element, resolvers: readonly UnknownReferenceResolver[]): void {
  // Python's tagname dispatch: only exact kinds (a subclass would dispatch on its own name).
  if (!['reference', 'footnote_reference', 'citation_reference'].includes(node.tagname)) return;
  if (node.resolved || !node.has('refname')) return;
  const refname = node.get('refname') as string;
  const id = document.nameids.get(refname);
  if (id === undefined || id === null) {
    if (resolvers.some((resolve) => resolve(node))) return;
    const message = document.nameids.has(refname)
      ? document.reporter.error(`Duplicate target name, cannot be used as a unique reference: "${refname}".`, [], {
          baseNode: node,
        })
      : document.reporter.error(`Unknown target name: "${refname}".`, [], { baseNode: node });
    const messageId = document.setId(message);
    const replacement = problematic(node.rawsource, messageId);
    const replacementId = node.ids[0] ?? document.setId(replacement);
    message.backrefs.push(replacementId);
    node.replaceSelf(replacement);
  } else {
    node.delete('refname');
    node.set('refid', id);
    lookupId(document, id).noteReferencedBy(undefined, id);
    node.resolved = true;
  }
}

export const transforms: readonly TransformDefinition[] = [
  PropagateTargets,
  AnonymousHyperlinks,
  IndirectHyperlinks,
  ExternalTargets,
  InternalTargets,
  Footnotes,
  Substitutions,
  TargetNotes,
  DanglingReferences,
];

export type { Pending };
