/**
 * Running transforms in docutils' order (docutils.transforms.Transformer).
 *
 * Every transform waiting to run gets a key "PPP-SSS" (priority, then a
 * serial number in the order it was added), and the smallest key runs next.
 * Pending nodes noted while parsing were added first, so at equal priority
 * they run before the reader's and writer's transforms; transforms added
 * while transforms run (a transform noting a pending node) are sorted in
 * before the next one is taken, as in docutils.
 */
import type { Document } from '../document.js';
import { PythonNodeError, type Element, type Pending } from '../nodes.js';
import * as components from './components.js';
import * as frontmatter from './frontmatter.js';
import * as misc from './misc.js';
import * as parts from './parts.js';
import * as references from './references.js';
import * as universal from './universal.js';
import * as smartquotes from './smartquotes.js';
import {
  TransformCrash,
  languageOf,
  type TransformDefinition,
  type TransformerLike,
  type UnknownReferenceResolver,
} from './transform.js';

/** Every transform docutils defines for the standard components, by dotted name. */
export const STANDARD_TRANSFORMS: ReadonlyMap<string, TransformDefinition> = new Map(
  [
    ...components.transforms,
    ...frontmatter.transforms,
    ...misc.transforms,
    ...parts.transforms,
    ...references.transforms,
    ...universal.transforms,
    smartquotes.SmartQuotes,
  ].map((transform) => [transform.name, transform]),
);

/** A docutils component's contribution to the transforms (docutils' TransformSpec plus Component.supports). */
export interface Component {
  /** "reader", "parser", "writer", ... */
  readonly componentType: string;
  /** The transforms it adds, in docutils' get_transforms() order. */
  readonly transforms: readonly TransformDefinition[];
  /** Formats it supports; "all" for writers that support everything (pseudoxml). */
  readonly supported: readonly string[] | 'all';
  readonly unknownReferenceResolvers?: readonly UnknownReferenceResolver[];
}

/** docutils.readers.standalone.Reader. */
export const STANDALONE_READER: Component = {
  componentType: 'reader',
  transforms: [
    universal.Decorations,
    universal.ExposeInternals,
    universal.StripComments,
    references.Substitutions,
    references.PropagateTargets,
    frontmatter.DocTitle,
    frontmatter.SectionSubTitle,
    frontmatter.DocInfo,
    references.AnonymousHyperlinks,
    references.IndirectHyperlinks,
    references.Footnotes,
    references.ExternalTargets,
    references.InternalTargets,
    references.DanglingReferences,
    misc.Transitions,
  ],
  supported: ['standalone'],
};

/** docutils.parsers.rst.Parser. */
export const RST_PARSER: Component = {
  componentType: 'parser',
  transforms: [smartquotes.SmartQuotes],
  supported: ['restructuredtext', 'rst', 'rest', 'restx', 'rtxt', 'rstx'],
};

/** docutils.writers.pseudoxml.Writer. */
export const PSEUDOXML_WRITER: Component = {
  componentType: 'writer',
  transforms: [universal.Messages, universal.FilterMessages, universal.StripClassesAndElements],
  supported: 'all',
};

/** What `publish_string(writer_name='pseudoxml')` uses: standalone reader, rST parser, pseudo-XML writer. */
export const STANDARD_COMPONENTS: readonly Component[] = [STANDALONE_READER, RST_PARSER, PSEUDOXML_WRITER];

export interface ScheduledTransform {
  /** docutils' priority string, "PPP-SSS". */
  readonly key: string;
  readonly transform: TransformDefinition;
  readonly pending: Pending | null;
}

export interface TransformerOptions {
  /** Transforms pending nodes may name, beyond docutils' own (e.g. a Sphinx profile's). */
  extraTransforms?: readonly TransformDefinition[];
}

export class Transformer implements TransformerLike {
  /** Transforms waiting to run. */
  readonly transforms: ScheduledTransform[] = [];
  /** Transforms already run, in order. */
  readonly applied: ScheduledTransform[] = [];
  /** Where docutils 0.19 would have raised: each is also reported as a severe system message. */
  readonly crashes: TransformCrash[] = [];
  readonly unknownReferenceResolvers: UnknownReferenceResolver[] = [];
  readonly components = new Map<string, Component>();
  private readonly known: Map<string, TransformDefinition>;
  private serialNumber = 0;
  private sorted = false;
  /** How many of document.pendingTransforms have been scheduled. */
  private pendingSeen = 0;

  constructor(
    readonly document: Document,
    options: TransformerOptions = {},
  ) {
    this.known = new Map(STANDARD_TRANSFORMS);
    for (const transform of options.extraTransforms ?? []) this.known.set(transform.name, transform);
    this.schedulePendingNodes();
  }

  /** Makes a transform known by name, for pending nodes that name it. */
  register(transform: TransformDefinition): void {
    this.known.set(transform.name, transform);
  }

  /** docutils' Transformer.add_transform. */
  addTransform(transform: TransformDefinition, priority?: number): void {
    this.schedulePendingNodes();
    this.schedule(transform, priority ?? transform.defaultPriority, null);
  }

  /** docutils' Transformer.add_transforms. */
  addTransforms(transforms: readonly TransformDefinition[]): void {
    for (const transform of transforms) this.addTransform(transform);
  }

  /** docutils' Transformer.add_pending (document.notePending does the same through the document). */
  addPending(pending: Pending, priority?: number): void {
    this.document.notePending(pending, priority);
    this.schedulePendingNodes();
  }

  /** docutils' Transformer.populate_from_components. */
  populateFromComponents(list: readonly Component[] = STANDARD_COMPONENTS): void {
    for (const component of list) {
      this.addTransforms(component.transforms);
      this.components.set(component.componentType, component);
    }
    const resolvers = list.flatMap((component) => [...(component.unknownReferenceResolvers ?? [])]);
    // A stable sort by priority, as Python's sorted() on (priority, function) pairs mostly is.
    resolvers.sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
    this.unknownReferenceResolvers.push(...resolvers);
  }

  supports(componentType: string, format: string): boolean {
    const component = this.components.get(componentType);
    if (!component) throw new TransformCrash('KeyError', `'${componentType}'`, 'docutils.transforms.components.Filter');
    return component.supported === 'all' || component.supported.includes(format);
  }

  /** docutils' Transformer.apply_transforms: run everything, smallest key first. */
  applyTransforms(): void {
    const document = this.document;
    document.reporter.attachObserver(document);
    for (;;) {
      this.schedulePendingNodes();
      if (this.transforms.length === 0) break;
      if (!this.sorted) {
        this.transforms.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        this.sorted = true;
      }
      const next = this.transforms.shift()!;
      try {
        next.transform.apply({
          document,
          startnode: next.pending,
          transformer: this,
          language: languageOf(document),
        });
      } catch (error) {
        // docutils 0.19 raises here and publishes nothing; we report it and go on.
        let crash: TransformCrash;
        if (error instanceof TransformCrash) crash = error;
        else if (error instanceof PythonNodeError) crash = new TransformCrash(error.pythonType, error.message, next.transform.name);
        else throw error;
        this.crashes.push(crash);
        document.reporter.severe(`Transform failed: ${crash.message}.`);
      }
      this.applied.push(next);
    }
  }

  /** Schedules pending nodes the document noted since the last look. */
  private schedulePendingNodes(): void {
    const noted = this.document.pendingTransforms;
    while (this.pendingSeen < noted.length) {
      const entry = noted[this.pendingSeen++]!;
      const transform = this.known.get(entry.name);
      if (!transform) throw new Error(`unknown transform "${entry.name}" in a pending node`);
      const priority = entry.priority >= 0 ? entry.priority : transform.defaultPriority;
      this.schedule(transform, priority, entry.pending ?? null);
    }
  }

  private schedule(transform: TransformDefinition, priority: number, pending: Pending | null): void {
    this.serialNumber += 1;
    const key = `${String(priority).padStart(3, '0')}-${String(this.serialNumber).padStart(3, '0')}`;
    this.transforms.push({ key, transform, pending });
    this.sorted = false;
  }
}

/**
 * Applies the transforms `publish_string(writer_name='pseudoxml')` applies:
 * pending nodes noted by directives, then the standalone reader's, the rST
 * parser's and the pseudo-XML writer's transforms.
 */
export function applyStandardTransforms(
  document: Document,
  options: TransformerOptions & { components?: readonly Component[] } = {},
): Transformer {
  const transformer = new Transformer(document, options);
  transformer.populateFromComponents(options.components ?? STANDARD_COMPONENTS);
  transformer.applyTransforms();
  return transformer;
}
