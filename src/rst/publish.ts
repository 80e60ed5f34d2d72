/**
 * Parsing plus the standard transforms: what docutils'
 * `publish_string(source, source_path, writer_name='pseudoxml')` does
 * before writing. The pseudo-XML output is `document.pformat()` (the
 * pseudo-XML writer adds nothing around it).
 */
import type { Document, Settings } from './document.js';
import { parseDocument, type ParseOptions } from './parse.js';
import { applyStandardTransforms, type Component, type Transformer } from './transforms/pipeline.js';
import type { TransformDefinition, TransformSettings } from './transforms/transform.js';
import { completePositions } from './positions.js';
import { beginKindLog, endKindLog } from './nodes.js';
import { sourceMapOf } from './parser/rst-state.js';

export interface PublishOptions extends ParseOptions {
  settings?: Partial<Settings> & TransformSettings;
  /** The components whose transforms run (default: standalone reader, rST parser, pseudo-XML writer). */
  components?: readonly Component[];
  /** Transforms pending nodes may name beyond docutils' own. */
  extraTransforms?: readonly TransformDefinition[];
}

export interface PublishResult {
  document: Document;
  /** docutils' warning stream: each report as "SOURCE:LINE: (LEVEL/N) text" plus detail lines. */
  messages: string;
  transformer: Transformer;
}

export function publish(text: string, options: PublishOptions = {}): PublishResult {
  beginKindLog();
  try {
    return publishLogged(text, options);
  } finally {
    endKindLog();
  }
}

function publishLogged(text: string, options: PublishOptions): PublishResult {
  let messages = '';
  const forward = options.settings?.warningStream ?? null;
  const settings: Partial<Settings> & TransformSettings = {
    ...options.settings,
    warningStream: (report: string) => {
      messages += report;
      if (forward) forward(report);
    },
  };
  const document = parseDocument(text, { ...options, settings, completePositions: false });
  // docutils' Reader.parse: nodes made by transforms get no source or line by default.
  document.currentSource = null;
  document.currentLine = null;
  const transformer = applyStandardTransforms(document, {
    ...(options.components ? { components: options.components } : {}),
    ...(options.extraTransforms ? { extraTransforms: options.extraTransforms } : {}),
  });
  // Every node gets a position, those the transforms made (subtitle, docinfo, generated text, ...) too.
  const map = sourceMapOf(document);
  if (map) completePositions(document, map, document.getString('source') ?? null);
  return { document, messages, transformer };
}
