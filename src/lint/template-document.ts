/**
 * Templates are published once per run, whichever rules read them.
 */
import type { Document } from '../rst/document.js';
import type { TemplateSource } from '../spec/repository.js';
import { normalizeText, paragraphs } from '../spec/spec-model.js';

const published = new WeakMap<TemplateSource, Document>();

export function templateDocument(template: TemplateSource, publish: (text: string, sourcePath: string) => Document): Document {
  let document = published.get(template);
  if (!document) {
    document = publish(template.text, template.path ?? template.name);
    published.set(template, document);
  }
  return document;
}

const guidanceCache = new WeakMap<Document, Map<number, Set<string>>>();

/** The template's paragraphs of at least `minLength` characters, whitespace collapsed. */
export function templateGuidance(template: Document, minLength: number): Set<string> {
  let byLength = guidanceCache.get(template);
  if (!byLength) {
    byLength = new Map();
    guidanceCache.set(template, byLength);
  }
  let texts = byLength.get(minLength);
  if (!texts) {
    texts = new Set();
    for (const paragraph of paragraphs(template)) {
      const text = normalizeText(paragraph.astext());
      if (text.length >= minLength) texts.add(text);
    }
    byLength.set(minLength, texts);
  }
  return texts;
}

/** Files named like templates (`template.rst`, `<release>-template.rst`) that sit where specs go: placeholders, not specs. */
export function isTemplateCopy(path: string): boolean {
  return /(^|[\\/]|-)template\.rst$/.test(path);
}
