/**
 * Localisations: directive and role names, labels and bibliographic field
 * names per language (docutils.languages and docutils.parsers.rst.languages).
 */
import { LANGUAGES } from './data.js';

export interface LanguageData {
  labels: Record<string, string>;
  bibliographicFields: Record<string, string>;
  authorSeparators: string[];
  /** Localised directive name → canonical name; null when docutils has no rST module for the language. */
  directives: Record<string, string> | null;
  roles: Record<string, string> | null;
}

export interface Language extends LanguageData {
  /** The language tag the data was found under ("en", "de", "pt_br", ...). */
  code: string;
  /** docutils' module name, used verbatim in its messages. */
  moduleName: string;
  rstModuleName: string;
}

/** docutils.utils.normalize_language_tag: "de-AT-1901" → ["de-at-1901", "de-at", "de-1901", "de"]. */
export function normalizeLanguageTag(tag: string): string[] {
  // A singleton subtag ("x" in "de-ch-x-altquot") stays joined to the next one.
  const normalized = tag
    .toLowerCase()
    .replace(/-/g, '_')
    .replace(/_([a-zA-Z0-9])_/g, '_$1-');
  const parts = normalized.split('_');
  const base = parts[0]!;
  const subtags = parts.slice(1);
  const tags: string[] = [];
  for (let count = subtags.length; count > 0; count--) {
    for (const combination of combinations(subtags, count)) tags.push([base, ...combination].join('-'));
  }
  tags.push(base);
  return tags;
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, index) => {
    for (const rest of combinations(items.slice(index + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

const languageCache = new Map<string, Language>();

/** Finds the language data for a tag, falling back to English as docutils does. */
export function getLanguage(code: string): Language {
  const cached = languageCache.get(code);
  if (cached) return cached;
  let found: Language | undefined;
  for (const tag of normalizeLanguageTag(code)) {
    const key = tag.replace(/-/g, '_');
    const data = LANGUAGES[key];
    if (data) {
      found = toLanguage(key, data);
      break;
    }
  }
  found ??= toLanguage('en', LANGUAGES['en']!);
  languageCache.set(code, found);
  return found;
}

/** True when docutils has a general (labels) module for the tag. */
export function hasLanguage(code: string): boolean {
  return normalizeLanguageTag(code).some((tag) => LANGUAGES[tag.replace(/-/g, '_')] !== undefined);
}

function toLanguage(code: string, data: LanguageData): Language {
  return {
    ...data,
    code,
    moduleName: `docutils.languages.${code}`,
    rstModuleName: `docutils.parsers.rst.languages.${code}`,
  };
}
