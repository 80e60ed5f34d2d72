/**
 * specwright's library API.
 *
 *     import { parse, publish, walk, toPseudoXml } from 'specwright';
 *
 *     const { document, messages } = publish(text, { sourcePath: 'spec.rst' });
 *     walk(document, { section: { enter: (node) => console.log(node.position) } });
 *
 * `parse` is docutils' parser alone; `publish` adds docutils' standard
 * transforms (title promotion, references, footnotes, substitutions, ...).
 * Trees use docutils' node kinds and attributes; every node also has a
 * `position` (1-based line and column, 0-based offset, start and end).
 */
import { parseDocument, type ParseOptions } from './rst/parse.js';
import { publish as publishDocument, type PublishOptions, type PublishResult } from './rst/publish.js';
import { profileRegistry, type ProfileName } from './rst/profiles/index.js';
import type { Document } from './rst/document.js';
import type { Registry } from './rst/registry.js';

export interface EngineOptions {
  /** The document's source name, used in messages. Default "<string>". */
  sourcePath?: string;
  /** Which roles and directives exist: "docutils" (default) or another profile. */
  profile?: ProfileName;
  /** A registry to use instead of a profile. */
  registry?: Registry;
  settings?: PublishOptions['settings'];
  /** Record each node's place in the text (Node.position); default true. Off is faster. */
  positions?: boolean;
}

function registryFor(options: EngineOptions): Registry {
  return options.registry ?? profileRegistry(options.profile ?? 'docutils');
}

/** docutils' parser only: text → document tree (no transforms). */
export function parse(text: string, options: EngineOptions = {}): Document {
  const parseOptions: ParseOptions = { registry: registryFor(options) };
  if (options.sourcePath !== undefined) parseOptions.sourcePath = options.sourcePath;
  if (options.settings !== undefined) parseOptions.settings = options.settings;
  if (options.positions !== undefined) parseOptions.positions = options.positions;
  return parseDocument(text, parseOptions);
}

/** docutils' publish: parse plus the standard transforms; also returns the warning stream. */
export function publish(text: string, options: EngineOptions = {}): PublishResult {
  const publishOptions: PublishOptions = { registry: registryFor(options) };
  if (options.sourcePath !== undefined) publishOptions.sourcePath = options.sourcePath;
  if (options.settings !== undefined) publishOptions.settings = options.settings;
  if (options.positions !== undefined) publishOptions.positions = options.positions;
  return publishDocument(text, publishOptions);
}

export { walk, type Visitor, type KindVisitors } from './rst/walk.js';
export { toPseudoXml } from './rst/writers/pseudoxml.js';
export { Element, Text, Node, Pending, type Point, type Position, type Attributes, type AttributeValue } from './rst/nodes.js';
export { Document, Reporter, type Settings, defaultSettings } from './rst/document.js';
export { decodeSource } from './rst/source.js';
export { profileRegistry, PROFILE_NAMES, type ProfileName } from './rst/profiles/index.js';
export type { PublishResult } from './rst/publish.js';
export type { Registry } from './rst/registry.js';
export { sphinxRegistry, OPENSTACK_SPEC_EXTENSIONS, type SphinxProfileOptions } from './rst/profiles/sphinx.js';
export { sphinxWarnings, type SphinxWarning, type SphinxConfig } from './rst/sphinx/environment.js';
