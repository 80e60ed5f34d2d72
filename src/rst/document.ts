/**
 * The document root, its settings and the reporter that makes system
 * messages (docutils.nodes.document, docutils.utils.Reporter).
 */
import {
  Element,
  Node,
  type Attributes,
  dupname,
  fullyNormalizeName,
  makeId,
  systemMessageNode,
  systemMessageText,
  whitespaceNormalizeName,
} from './nodes.js';

export interface Settings {
  reportLevel: number;
  haltLevel: number;
  idPrefix: string;
  autoIdPrefix: string;
  tabWidth: number;
  lineLengthLimit: number;
  languageCode: string;
  pepReferences: boolean;
  pepBaseUrl: string;
  pepFileUrlTemplate: string;
  rfcReferences: boolean;
  rfcBaseUrl: string;
  characterLevelInlineMarkup: boolean;
  trimFootnoteReferenceSpace: boolean;
  footnoteBacklinks: boolean;
  tocBacklinks: 'entry' | 'top' | 'none';
  sectnumXform: boolean;
  fileInsertionEnabled: boolean;
  rawEnabled: boolean;
  syntaxHighlight: 'long' | 'short' | 'none';
  /** Only include/raw/csv-table files under this directory may be read (absolute path). */
  root: string;
  /** `root_prefix`: a leading "/" in include paths means this directory. */
  rootPrefix: string;
  doctitleXform: boolean;
  docinfoXform: boolean;
  sectsubtitleXform: boolean;
  stripComments: boolean;
  stripElementsWithClasses: string[];
  stripClasses: string[];
  smartQuotes: boolean;
  title: string | null;
  /** Receives the warning stream (each report as docutils prints it, with its newline). */
  warningStream: ((text: string) => void) | null;
}

export function defaultSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    reportLevel: 2,
    haltLevel: 4,
    idPrefix: '',
    autoIdPrefix: '%',
    tabWidth: 8,
    lineLengthLimit: 10000,
    languageCode: 'en',
    pepReferences: false,
    pepBaseUrl: 'https://peps.python.org/',
    pepFileUrlTemplate: 'pep-%04d',
    rfcReferences: false,
    rfcBaseUrl: 'https://tools.ietf.org/html/',
    characterLevelInlineMarkup: false,
    trimFootnoteReferenceSpace: false,
    footnoteBacklinks: true,
    tocBacklinks: 'entry',
    sectnumXform: true,
    fileInsertionEnabled: true,
    rawEnabled: true,
    syntaxHighlight: 'long',
    root: process.cwd(),
    rootPrefix: '/',
    doctitleXform: true,
    docinfoXform: true,
    sectsubtitleXform: false,
    stripComments: false,
    stripElementsWithClasses: [],
    stripClasses: [],
    smartQuotes: false,
    title: null,
    warningStream: null,
    ...overrides,
  };
}

export const LEVEL_NAMES = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'SEVERE'] as const;
export const DEBUG_LEVEL = 0;
export const INFO_LEVEL = 1;
export const WARNING_LEVEL = 2;
export const ERROR_LEVEL = 3;
export const SEVERE_LEVEL = 4;

/** Raised when a message reaches the halt level (docutils' SystemMessage exception). */
export class SystemMessageHalt extends Error {
  constructor(
    readonly systemMessage: Element,
    readonly level: number,
  ) {
    super(systemMessageText(systemMessage));
  }
}

export interface MessageOptions {
  /** Node whose (or whose ancestor's) source and line the message takes. */
  baseNode?: Node;
  /** Absolute line number (docutils' `line=`), mapped to source and line by the state machine. */
  line?: number | null;
  source?: string;
  backrefs?: string[];
  ids?: string[];
  rawsource?: string;
  /** Extra attributes. */
  attributes?: Attributes;
}

/** docutils.utils.get_source_line. */
export function getSourceLine(node: Node | null): [string | null, number | null] {
  let current: Node | null = node;
  while (current) {
    if (current.source || current.line) return [current.source, current.line];
    current = current.parent;
  }
  return [null, null];
}

/** What maps an absolute input line to docutils' (source, line): the running state machine. */
export interface SourceLocator {
  getSourceAndLine(line?: number | null): [string | null, number | null];
}

/** What a reporter tells of each message it makes (the document, during the transforms). */
export interface MessageObserver {
  noteMessage(message: Element): void;
}

export class Reporter {
  /** Told of every message above the debug level (objects, not closures: see sourceLocator). */
  readonly observers: MessageObserver[] = [];
  maxLevel = -1;
  /**
   * Set by the state machine (itself): maps an absolute input line to
   * (source, line). An object with a method, not a closure: a closure made
   * per document and called from this shared code is remembered by V8's
   * call feedback, and V8's young-generation collector keeps what such a
   * closure holds (the whole document) alive: ~20% of a run's time went to
   * copying documents that were already finished.
   */
  sourceLocator: SourceLocator | null = null;

  constructor(
    public source: string,
    public reportLevel: number,
    public haltLevel: number,
    public stream: ((text: string) => void) | null,
  ) {}

  attachObserver(observer: MessageObserver): void {
    this.observers.push(observer);
  }

  detachObserver(observer: MessageObserver): void {
    const index = this.observers.indexOf(observer);
    if (index >= 0) this.observers.splice(index, 1);
  }

  systemMessage(level: number, message: string, children: readonly Node[] = [], options: MessageOptions = {}): Element {
    const attributes: Attributes = { ...(options.attributes ?? {}) };
    if (options.backrefs) attributes['backrefs'] = options.backrefs;
    if (options.ids) attributes['ids'] = options.ids;
    if (options.rawsource !== undefined) attributes['rawsource'] = options.rawsource;
    if (options.source !== undefined) attributes['source'] = options.source;
    if (options.line !== undefined) attributes['line'] = options.line;
    if (options.baseNode) {
      const [source, line] = getSourceLine(options.baseNode);
      if (source !== null && attributes['source'] === undefined) attributes['source'] = source;
      if (line !== null && attributes['line'] === undefined) attributes['line'] = line;
    }
    if (attributes['source'] === undefined) {
      if (this.sourceLocator) {
        const requested = attributes['line'];
        const [source, line] = this.sourceLocator.getSourceAndLine(typeof requested === 'number' ? requested : null);
        if (source !== null) attributes['source'] = source;
        if (line !== null) attributes['line'] = line;
      }
    }
    if (attributes['source'] === undefined) attributes['source'] = this.source;
    // Python keeps an explicit `line=None` (printed as "None" and line="True").
    const node = systemMessageNode(message, children, {
      ...attributes,
      level,
      type: LEVEL_NAMES[level]!,
    });
    if (this.stream && (level >= this.reportLevel || level >= this.haltLevel)) {
      this.stream(systemMessageText(node) + '\n');
    }
    if (level >= this.haltLevel) throw new SystemMessageHalt(node, level);
    if (level > DEBUG_LEVEL) for (const observer of this.observers) observer.noteMessage(node);
    this.maxLevel = Math.max(level, this.maxLevel);
    return node;
  }

  info(message: string, children: readonly Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(INFO_LEVEL, message, children, options);
  }

  warning(message: string, children: readonly Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(WARNING_LEVEL, message, children, options);
  }

  error(message: string, children: readonly Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(ERROR_LEVEL, message, children, options);
  }

  severe(message: string, children: readonly Node[] = [], options: MessageOptions = {}): Element {
    return this.systemMessage(SEVERE_LEVEL, message, children, options);
  }
}

/** A transform waiting to run: a pending node's transform or a document-level one. */
export interface PendingTransform {
  priority: number;
  name: string;
  pending?: import('./nodes.js').Pending;
}

export class Document extends Element {
  settings: Settings;
  reporter: Reporter;
  currentSource: string | null = null;
  currentLine: number | null = null;
  indirectTargets: Element[] = [];
  substitutionDefs = new Map<string, Element>();
  substitutionNames = new Map<string, string>();
  refnames = new Map<string, Element[]>();
  refids = new Map<string, Element[]>();
  nameids = new Map<string, string | null>();
  nametypes = new Map<string, boolean>();
  idMap = new Map<string, Element>();
  footnoteRefs = new Map<string, Element[]>();
  citationRefs = new Map<string, Element[]>();
  autofootnotes: Element[] = [];
  autofootnoteRefs: Element[] = [];
  symbolFootnotes: Element[] = [];
  symbolFootnoteRefs: Element[] = [];
  footnotes: Element[] = [];
  citations: Element[] = [];
  autofootnoteStart = 1;
  symbolFootnoteStart = 0;
  idCounter = new Map<string, number>();
  parseMessages: Element[] = [];
  transformMessages: Element[] = [];
  /** Pending transforms registered during parsing, run by the publisher. */
  pendingTransforms: PendingTransform[] = [];
  includeLog: [string, unknown][] = [];
  decoration: Element | null = null;
  /** The full source text, kept so consumers never re-read or re-parse it. */
  sourceText = '';
  /** Whether nodes get positions (Node.position); docutils' output never shows them. */
  trackPositions = true;
  /**
   * What other modules keep per document (the sphinx profile's environment,
   * the linter's section list), by a key of their own. Kept here rather than
   * in WeakMaps keyed by the document: V8's young-generation collector keeps
   * a WeakMap's values alive, and a value that refers to its document kept
   * every recent document alive and copied until the next full collection.
   */
  private attachments: Map<symbol, unknown> | undefined = undefined;

  /** The value attached under `key`, if any. */
  attachment<T>(key: symbol): T | undefined {
    return this.attachments?.get(key) as T | undefined;
  }

  attach(key: symbol, value: unknown): void {
    (this.attachments ??= new Map()).set(key, value);
  }

  constructor(settings: Settings, reporter: Reporter, attributes: Attributes = {}) {
    super('document', '', [], attributes);
    this.settings = settings;
    this.reporter = reporter;
    this.ownDocument = this;
  }

  override copy(): Document {
    const node = new Document(this.settings, this.reporter, { ...this.attributes });
    node.source = this.source;
    node.line = this.line;
    return node;
  }

  /** docutils' document.set_id. */
  setId(node: Element, msgnode?: Element | null, suggestedPrefix = ''): string {
    const ids = node.ids;
    if (ids.length > 0) {
      let last = '';
      for (const id of ids) {
        last = id;
        if (!this.idMap.has(id)) this.idMap.set(id, node);
        if (this.idMap.get(id) !== node) {
          const message = this.reporter.severe(`Duplicate ID: "${id}".`);
          if (msgnode) msgnode.append(message);
        }
      }
      return last;
    }
    const idPrefix = this.settings.idPrefix;
    const autoIdPrefix = this.settings.autoIdPrefix;
    let baseId = '';
    let id = '';
    let found = false;
    for (const name of node.names) {
      baseId = idPrefix ? makeId('x' + name).slice(1) : makeId(name);
      id = idPrefix + baseId;
      if (baseId && !this.idMap.has(id)) {
        found = true;
        break;
      }
    }
    if (!found) {
      let prefix: string;
      if (baseId && autoIdPrefix.endsWith('%')) {
        prefix = id + '-';
      } else {
        prefix = idPrefix + autoIdPrefix;
        if (prefix.endsWith('%')) {
          prefix = `${prefix.slice(0, -1)}${suggestedPrefix || makeId(node.tagname)}-`;
        }
      }
      for (;;) {
        const count = (this.idCounter.get(prefix) ?? 0) + 1;
        this.idCounter.set(prefix, count);
        id = `${prefix}${count}`;
        if (!this.idMap.has(id)) break;
      }
    }
    node.ids.push(id);
    this.idMap.set(id, node);
    return id;
  }

  /** docutils' document.set_name_id_map. */
  setNameIdMap(node: Element, id: string, msgnode: Element | null | undefined, explicit: boolean): void {
    for (const name of [...node.names]) {
      if (this.nameids.has(name)) {
        this.setDuplicateNameId(node, id, name, msgnode, explicit);
      } else {
        this.nameids.set(name, id);
        this.nametypes.set(name, explicit);
      }
    }
  }

  private setDuplicateNameId(
    node: Element,
    id: string,
    name: string,
    msgnode: Element | null | undefined,
    explicit: boolean,
  ): void {
    const oldId = this.nameids.get(name) ?? null;
    const oldExplicit = this.nametypes.get(name) ?? false;
    this.nametypes.set(name, oldExplicit || explicit);
    if (explicit) {
      if (oldExplicit) {
        let level = 2;
        if (oldId !== null) {
          const oldNode = this.idMap.get(oldId)!;
          if (node.has('refuri')) {
            const refuri = node.get('refuri');
            if (oldNode.names.length > 0 && oldNode.has('refuri') && oldNode.get('refuri') === refuri) {
              level = 1;
            }
          }
          if (level > 1) {
            dupname(oldNode, name);
            this.nameids.set(name, null);
          }
        }
        const message = this.reporter.systemMessage(level, `Duplicate explicit target name: "${name}".`, [], {
          backrefs: [id],
          baseNode: node,
        });
        if (msgnode) msgnode.append(message);
        dupname(node, name);
      } else {
        this.nameids.set(name, id);
        if (oldId !== null) dupname(this.idMap.get(oldId)!, name);
      }
    } else {
      if (oldId !== null && !oldExplicit) {
        this.nameids.set(name, null);
        dupname(this.idMap.get(oldId)!, name);
      }
      dupname(node, name);
    }
    if (!explicit || (!oldExplicit && oldId !== null)) {
      const message = this.reporter.info(`Duplicate implicit target name: "${name}".`, [], {
        backrefs: [id],
        baseNode: node,
      });
      if (msgnode) msgnode.append(message);
    }
  }

  hasName(name: string): boolean {
    return this.nameids.has(name);
  }

  noteImplicitTarget(target: Element, msgnode?: Element | null): void {
    const id = this.setId(target, msgnode);
    this.setNameIdMap(target, id, msgnode, false);
  }

  noteExplicitTarget(target: Element, msgnode?: Element | null): void {
    const id = this.setId(target, msgnode);
    this.setNameIdMap(target, id, msgnode, true);
  }

  noteRefname(node: Element): void {
    const name = node.get('refname') as string;
    const list = this.refnames.get(name);
    if (list) list.push(node);
    else this.refnames.set(name, [node]);
  }

  noteRefid(node: Element): void {
    const id = node.get('refid') as string;
    const list = this.refids.get(id);
    if (list) list.push(node);
    else this.refids.set(id, [node]);
  }

  noteIndirectTarget(target: Element): void {
    this.indirectTargets.push(target);
    if (target.names.length > 0) this.noteRefname(target);
  }

  noteAnonymousTarget(target: Element): void {
    this.setId(target);
  }

  noteAutofootnote(footnote: Element): void {
    this.setId(footnote);
    this.autofootnotes.push(footnote);
  }

  noteAutofootnoteRef(ref: Element): void {
    this.setId(ref);
    this.autofootnoteRefs.push(ref);
  }

  noteSymbolFootnote(footnote: Element): void {
    this.setId(footnote);
    this.symbolFootnotes.push(footnote);
  }

  noteSymbolFootnoteRef(ref: Element): void {
    this.setId(ref);
    this.symbolFootnoteRefs.push(ref);
  }

  noteFootnote(footnote: Element): void {
    this.setId(footnote);
    this.footnotes.push(footnote);
  }

  noteFootnoteRef(ref: Element): void {
    this.setId(ref);
    const name = ref.get('refname') as string;
    const list = this.footnoteRefs.get(name);
    if (list) list.push(ref);
    else this.footnoteRefs.set(name, [ref]);
    this.noteRefname(ref);
  }

  noteCitation(citation: Element): void {
    this.citations.push(citation);
  }

  noteCitationRef(ref: Element): void {
    this.setId(ref);
    const name = ref.get('refname') as string;
    const list = this.citationRefs.get(name);
    if (list) list.push(ref);
    else this.citationRefs.set(name, [ref]);
    this.noteRefname(ref);
  }

  noteSubstitutionDef(subdef: Element, defName: string, msgnode?: Element | null): void {
    const name = whitespaceNormalizeName(defName);
    const old = this.substitutionDefs.get(name);
    if (old) {
      const message = this.reporter.error(`Duplicate substitution definition name: "${name}".`, [], {
        baseNode: subdef,
      });
      if (msgnode) msgnode.append(message);
      dupname(old, name);
    }
    this.substitutionDefs.set(name, subdef);
    this.substitutionNames.set(fullyNormalizeName(name), name);
  }

  noteSubstitutionRef(subref: Element, refname: string): void {
    subref.set('refname', whitespaceNormalizeName(refname));
  }

  notePending(pending: import('./nodes.js').Pending, priority?: number): void {
    this.pendingTransforms.push({ priority: priority ?? -1, name: pending.transform, pending });
  }

  noteParseMessage(message: Element): void {
    this.parseMessages.push(message);
  }

  /** Reporter observer: a message made while the transforms run (docutils' note_transform_message). */
  noteMessage(message: Element): void {
    this.transformMessages.push(message);
  }

  noteSource(source: string | null, offset: number | null): void {
    this.currentSource = source;
    this.currentLine = offset === null ? null : offset + 1;
  }

  /** docutils' document.get_decoration. */
  getDecoration(): Element {
    if (!this.decoration) {
      this.decoration = new Element('decoration');
      const index = this.firstChildNotMatchingClass(['Titular', 'meta']);
      if (index === null) this.append(this.decoration);
      else this.insert(index, this.decoration);
    }
    return this.decoration;
  }
}

/** docutils.utils.new_document. */
export function newDocument(sourcePath: string, settings: Settings): Document {
  const reporter = new Reporter(sourcePath, settings.reportLevel, settings.haltLevel, settings.warningStream);
  const document = new Document(settings, reporter, { source: sourcePath });
  document.noteSource(sourcePath, -1);
  return document;
}
