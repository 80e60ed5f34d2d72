/**
 * specwright's configuration: `specwright.toml` at the repository root, or
 * the `[tool.specwright]` table of `pyproject.toml`, or a file named with
 * `--config`. Everything is optional: an OpenStack-style spec repository
 * needs no configuration at all.
 *
 *     exclude = ["specs/abandoned/**"]
 *
 *     [layout]
 *     specs = "specs/{release}/{status}/*.rst"
 *     spec-directories = true        # specs/<release>/<name>/index.rst too
 *
 *     [template]
 *     optional-sections = ["History"]
 *     optional-subsections = ["Feature Liaison"]
 *     [template.release.queens]              # replaces the global list
 *     optional-subsections = ["Upgrade impact"]
 *
 *     [rules]
 *     line-length = { max = 79 }
 *     ascii-diagrams = "off"
 *
 *     [per-file-ignores]
 *     "specs/juno/**" = ["line-length"]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { Ajv } from 'ajv';
import { parse as parseToml, TomlError } from 'smol-toml';
import { describeAjvErrors } from './ajv-errors.js';
import { createAjv } from './lazy-ajv.js';
import { CONFIG_SCHEMA, KNOWN_KEYS, SEVERITY_NAMES } from './config-schema.js';
import { SpecError } from './errors.js';
import { DEFAULT_SPECS_PATTERN } from './layout.js';

export const CONFIG_FILE_NAME = 'specwright.toml';
export const PYPROJECT_FILE_NAME = 'pyproject.toml';
export const DEFAULT_RELEASE_ENTRIES: readonly string[] = ['approved', 'implemented', 'redirects'];
export const DEFAULT_OPTIONAL_SECTIONS: readonly string[] = ['History'];
export const DEFAULT_SPHINX_CONF = 'doc/source/conf.py';

export type SeverityName = (typeof SEVERITY_NAMES)[number];

/** A rule's setting as written: a severity, or a table of options with an optional severity. */
export type RuleSettingInput = SeverityName | { severity?: SeverityName; [option: string]: unknown };

export interface TemplateSettings {
  optionalSections: readonly string[];
  optionalSubsections: readonly string[];
  /** Template file relative to the repository root; null = discover it. */
  path: string | null;
}

export interface SpecwrightConfig {
  /** The file the configuration came from (as given or relative to the current directory); null for defaults. */
  readonly file: string | null;
  readonly exclude: readonly string[];
  readonly layout: {
    /** The specs pattern; when not `configured`, the default the repository's own layout may override (detectSpecsPattern). */
    readonly specs: string;
    readonly configured: boolean;
    readonly releaseEntries: readonly string[];
    /** Whether a directory holding index.rst where a spec file would be is a spec (layout.spec-directories). */
    readonly specDirectories: boolean;
  };
  readonly template: TemplateSettings & {
    readonly releases: Readonly<Record<string, Partial<TemplateSettings>>>;
  };
  readonly rules: Readonly<Record<string, RuleSettingInput>>;
  readonly perFileIgnores: Readonly<Record<string, readonly string[]>>;
  readonly sphinx: { readonly extensions: readonly string[] | null; readonly conf: string };
}

export function defaultConfig(): SpecwrightConfig {
  return {
    file: null,
    exclude: [],
    layout: { specs: DEFAULT_SPECS_PATTERN, configured: false, releaseEntries: DEFAULT_RELEASE_ENTRIES, specDirectories: false },
    template: {
      optionalSections: DEFAULT_OPTIONAL_SECTIONS,
      optionalSubsections: [],
      path: null,
      releases: {},
    },
    rules: {},
    perFileIgnores: {},
    sphinx: { extensions: null, conf: DEFAULT_SPHINX_CONF },
  };
}

/** The template settings for one release: its own keys replace the global ones. */
export function templateSettingsFor(config: SpecwrightConfig, release: string | null): TemplateSettings {
  const own = release === null ? undefined : config.template.releases[release];
  return {
    optionalSections: own?.optionalSections ?? config.template.optionalSections,
    optionalSubsections: own?.optionalSubsections ?? config.template.optionalSubsections,
    path: own?.path ?? config.template.path,
  };
}

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(data: unknown): ReturnType<Ajv['compile']> {
  if (!validator) {
    const ajv = createAjv({ allErrors: true, strict: true, allowUnionTypes: true });
    validator = ajv.compile(CONFIG_SCHEMA);
  }
  validator(data);
  return validator;
}

function knownKeys(path: string): readonly string[] | undefined {
  if (/^template\.release\.[^.]+$/.test(path) || /^template\.release\."/.test(path)) return KNOWN_KEYS['template.release.*'];
  return KNOWN_KEYS[path];
}

type RawTable = Record<string, unknown>;

function templateSettings(table: RawTable | undefined): Partial<TemplateSettings> {
  const out: { -readonly [K in keyof TemplateSettings]?: TemplateSettings[K] } = {};
  if (!table) return out;
  if (table['optional-sections'] !== undefined) out.optionalSections = table['optional-sections'] as string[];
  if (table['optional-subsections'] !== undefined) out.optionalSubsections = table['optional-subsections'] as string[];
  if (table.path !== undefined) out.path = table.path as string;
  return out;
}

function checkRuleSettings(rules: RawTable, file: string): void {
  for (const [id, value] of Object.entries(rules)) {
    if (typeof value === 'string' && !(SEVERITY_NAMES as readonly string[]).includes(value)) {
      throw new SpecError(
        'config-invalid',
        `rules.${id}: must be one of ${SEVERITY_NAMES.map((name) => `"${name}"`).join(', ')} or a table of options, not "${value}"`,
        file,
      );
    }
    if (typeof value === 'object' && value !== null) {
      const severity = (value as RawTable).severity;
      if (severity !== undefined && !(SEVERITY_NAMES as readonly unknown[]).includes(severity)) {
        throw new SpecError(
          'config-invalid',
          `rules.${id}.severity: must be one of ${SEVERITY_NAMES.map((name) => `"${name}"`).join(', ')}, not ${JSON.stringify(severity)}`,
          file,
        );
      }
    }
  }
}

function checkSpecsPattern(pattern: string, file: string): void {
  const segments = pattern.split('/');
  const problem = (() => {
    if (pattern.startsWith('/') || segments.includes('..')) return 'must be a path inside the repository';
    if (segments.some((segment) => segment === '')) return 'must not contain empty path segments';
    if (segments.filter((segment) => segment === '{release}').length !== 1) return 'must contain the segment {release} exactly once';
    if (segments.filter((segment) => segment === '{status}').length > 1) return 'may contain {status} at most once';
    const last = segments[segments.length - 1]!;
    if (/[{}]/.test(last)) return 'must end with a file pattern such as *.rst';
    for (const segment of segments.slice(0, -1)) {
      if (/[{}]/.test(segment) && !['{release}', '{status}', '{project}'].includes(segment)) {
        return `has an unknown placeholder segment "${segment}" (known: {project}, {release}, {status})`;
      }
      if (segment.includes('*')) return 'may use * only in its last segment';
    }
    if (segments.indexOf('{status}') !== -1 && segments.indexOf('{status}') < segments.indexOf('{release}')) {
      return 'must put {status} after {release}';
    }
    return null;
  })();
  if (problem) throw new SpecError('config-invalid', `layout.specs: "${pattern}" ${problem}`, file);
}

/**
 * Validates a parsed configuration table and turns it into a
 * SpecwrightConfig. `file` names the file in error messages.
 */
export function configFromTable(table: unknown, file: string, keyPrefix = ''): SpecwrightConfig {
  const check = validate(table);
  if (check.errors && check.errors.length > 0) {
    const message = describeAjvErrors(check.errors, table, {
      knownKeys: (path) => knownKeys(path.startsWith(keyPrefix) ? path.slice(keyPrefix.length).replace(/^\./, '') : path),
    });
    throw new SpecError('config-invalid', keyPrefix ? `${keyPrefix}.${message}` : message, file);
  }
  const raw = table as RawTable;
  const defaults = defaultConfig();
  const layout = (raw.layout ?? {}) as RawTable;
  const template = (raw.template ?? {}) as RawTable;
  const sphinx = (raw.sphinx ?? {}) as RawTable;
  const rules = (raw.rules ?? {}) as RawTable;
  checkRuleSettings(rules, file);
  const specs = (layout.specs as string | undefined) ?? defaults.layout.specs;
  checkSpecsPattern(specs, file);
  const releases: Record<string, Partial<TemplateSettings>> = {};
  for (const [release, settings] of Object.entries((template.release ?? {}) as RawTable)) {
    releases[release] = templateSettings(settings as RawTable);
  }
  const global = templateSettings(template);
  return {
    file,
    exclude: (raw.exclude as string[] | undefined) ?? defaults.exclude,
    layout: {
      specs,
      configured: layout.specs !== undefined,
      releaseEntries: (layout['release-entries'] as string[] | undefined) ?? defaults.layout.releaseEntries,
      specDirectories: (layout['spec-directories'] as boolean | undefined) ?? defaults.layout.specDirectories,
    },
    template: {
      optionalSections: global.optionalSections ?? defaults.template.optionalSections,
      optionalSubsections: global.optionalSubsections ?? defaults.template.optionalSubsections,
      path: global.path ?? null,
      releases,
    },
    rules: rules as Record<string, RuleSettingInput>,
    perFileIgnores: (raw['per-file-ignores'] as Record<string, string[]> | undefined) ?? defaults.perFileIgnores,
    sphinx: {
      extensions: (sphinx.extensions as string[] | undefined) ?? null,
      conf: (sphinx.conf as string | undefined) ?? defaults.sphinx.conf,
    },
  };
}

function parseTomlFile(text: string, file: string): RawTable {
  try {
    return parseToml(text) as RawTable;
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      throw new SpecError('config-syntax', `${error.line}:${error.column}: invalid TOML: ${firstLine}`, file);
    }
    throw error;
  }
}

const PYPROJECT_TABLE = /^\s*\[\s*tool\s*\.\s*specwright\s*[\].]/m;

/** True when a pyproject.toml text has a `[tool.specwright]` table (checked without parsing). */
export function pyprojectHasSpecwrightTable(text: string): boolean {
  return PYPROJECT_TABLE.test(text) || /^\s*tool\s*\.\s*specwright\s*[.=]/m.test(text);
}

/** Parses configuration text; pyproject.toml files use their `[tool.specwright]` table. */
export function parseConfigText(text: string, file: string, kind: 'specwright' | 'pyproject'): SpecwrightConfig {
  const table = parseTomlFile(text, file);
  if (kind === 'pyproject') {
    const tool = table.tool as RawTable | undefined;
    const own = tool?.specwright;
    if (own === undefined) return { ...defaultConfig(), file };
    return configFromTable(own, file, 'tool.specwright');
  }
  return configFromTable(table, file);
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === '' ? basename(path) : shown.startsWith('..') ? path : shown;
}

/** The configuration file of a repository root, if any: specwright.toml, else pyproject.toml with `[tool.specwright]`. */
export function findConfigFile(root: string): { path: string; kind: 'specwright' | 'pyproject' } | null {
  const own = join(root, CONFIG_FILE_NAME);
  if (existsSync(own)) return { path: own, kind: 'specwright' };
  const pyproject = join(root, PYPROJECT_FILE_NAME);
  if (existsSync(pyproject)) {
    try {
      if (pyprojectHasSpecwrightTable(readFileSync(pyproject, 'utf8'))) return { path: pyproject, kind: 'pyproject' };
    } catch {
      return null;
    }
  }
  return null;
}

function readConfigFile(path: string, shown: string): string {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new SpecError('config-not-found', 'configuration file not found', shown);
  }
  if (stats.isDirectory()) throw new SpecError('config-not-found', 'is a directory, not a configuration file', shown);
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SpecError('config-syntax', 'is not valid UTF-8', shown);
  }
}

/**
 * The configuration that applies to a repository: `explicitFile` (from
 * `--config`) if given, else the root's specwright.toml or pyproject.toml,
 * else the defaults.
 */
export function loadConfig(root: string, options: { explicitFile?: string; cwd?: string } = {}): SpecwrightConfig {
  const cwd = options.cwd ?? process.cwd();
  if (options.explicitFile !== undefined) {
    const path = resolve(cwd, options.explicitFile);
    const text = readConfigFile(path, options.explicitFile);
    const kind = basename(path) === PYPROJECT_FILE_NAME ? 'pyproject' : 'specwright';
    return parseConfigText(text, options.explicitFile, kind);
  }
  const found = findConfigFile(root);
  if (!found) return defaultConfig();
  const shown = displayPath(found.path, cwd);
  return parseConfigText(readConfigFile(found.path, shown), shown, found.kind);
}
