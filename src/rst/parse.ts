/**
 * Parsing a reStructuredText string into a document tree
 * (docutils.parsers.rst.Parser.parse on a new document).
 */
import { type Document, type Settings, defaultSettings, newDocument } from './document.js';
import { getLanguage } from './languages/language.js';
import { Inliner } from './inline/inliner.js';
import { RSTStateMachine, type Memo, sourceMapOf } from './parser/rst-state.js';
import { SourceMap, completePositions } from './positions.js';
import { STATE_FACTORIES } from './parser/states.js';
import { StringList } from './string-list.js';
import type { Registry } from './registry.js';

export interface ParseOptions {
  /** The document's `source` attribute (docutils prints it in messages). Default "<string>". */
  sourcePath?: string;
  settings?: Partial<Settings>;
  /** Directives and roles; defaults to docutils' standard set. */
  registry?: Registry;
  /** Start in the RFC 2822 header state (PEPs). */
  rfc2822?: boolean;
  /**
   * Record where nodes are in the text (Node.position; default true).
   * Without, parsing is faster and the tree is the same otherwise.
   */
  positions?: boolean;
  /**
   * Give every node a position when the parse ends (default true). Publishing
   * does it once, after the transforms, instead.
   */
  completePositions?: boolean;
}

let defaultRegistryFactory: (() => Registry) | null = null;

/** Installs the registry used when ParseOptions.registry is not given (set by the profiles module). */
export function setDefaultRegistryFactory(factory: () => Registry): void {
  defaultRegistryFactory = factory;
}

/** docutils' Parser.parse on a new document: source text → document tree (no transforms). */
export function parseDocument(text: string, options: ParseOptions = {}): Document {
  const settings = defaultSettings(options.settings);
  const sourcePath = options.sourcePath ?? '<string>';
  const document = newDocument(sourcePath, settings);
  document.sourceText = text;
  document.trackPositions = options.positions ?? true;
  const registry = (options.registry ?? defaultRegistryFactory?.())?.fork();
  if (!registry) throw new Error('no directive/role registry: import a profile first');
  // One pass over the text finds the lines for the parser and for positions.
  const inputLines = (sourceMapOf(document) ?? new SourceMap(text, settings.tabWidth)).parserLines();
  for (let index = 0; index < inputLines.length; index++) {
    if (inputLines[index]!.length > settings.lineLengthLimit) {
      const error = document.reporter.error(`Line ${index + 1} exceeds the line-length-limit.`);
      document.append(error);
      return document;
    }
  }
  const inliner = new Inliner();
  inliner.initCustomizations(settings);
  const memo: Memo = {
    document,
    reporter: document.reporter,
    language: getLanguage(settings.languageCode),
    titleStyles: [],
    sectionLevel: 0,
    sectionBubbleUpKludge: false,
    inliner,
    registry,
  };
  const machine = new RSTStateMachine(STATE_FACTORIES, options.rfc2822 ? 'RFC2822Body' : 'Body');
  machine.runDocument(new StringList(inputLines, sourcePath), document, memo);
  registry.endParse();
  const map = options.completePositions === false ? undefined : sourceMapOf(document);
  if (map) completePositions(document, map, sourcePath);
  return document;
}
