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
const prefixCache = new WeakMap<Set<string>, Set<string>>();

/** Characters of normalised text a paragraph must share with some guidance paragraph before it is compared in full. */
const PREFIX_LENGTH = 16;

/**
 * A cheap key: the first characters of the whitespace-collapsed text, read
 * from at most its first 64 code units (null when they collapse to fewer).
 * The same as `normalizeText(text.slice(0, 64)).slice(0, 16)`, without the
 * regular expression and the copies: every paragraph of every spec asks.
 */
export function textPrefix(text: string): string | null {
  const end = Math.min(text.length, PREFIX_LENGTH * 4);
  let out = '';
  let pendingSpace = false;
  for (let index = 0; index < end; index++) {
    const char = text[index]!;
    if (isJsWhitespace(char.charCodeAt(0))) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
      if (out.length === PREFIX_LENGTH) return out;
    }
    out += char;
    if (out.length === PREFIX_LENGTH) return out;
  }
  return null;
}

/** What JavaScript's `\s` matches (normalizeText's whitespace). */
function isJsWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether `text` is one of the guidance paragraphs (prefix check first: most paragraphs are not). */
export function isGuidance(guidance: Set<string>, text: string): boolean {
  let prefixes = prefixCache.get(guidance);
  if (!prefixes) {
    prefixes = new Set();
    for (const entry of guidance) prefixes.add(entry.slice(0, PREFIX_LENGTH));
    prefixCache.set(guidance, prefixes);
  }
  const prefix = textPrefix(text);
  if (prefix !== null && !prefixes.has(prefix)) return false;
  return guidance.has(normalizeText(text));
}

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
