/**
 * What Sphinx's BuildEnvironment holds while one document is read: the
 * document name, temp_data (highlight language, default domain and role,
 * serial numbers), ref_context (current program, module, class), the
 * configuration values roles and directives read, and Sphinx's own
 * warnings (logger.warning, which never enter the tree).
 */
import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as posixPath from 'node:path/posix';
import type { Document } from '../document.js';
import { isUnderRoot } from '../directives/file-input.js';

/** Sphinx configuration values the read phase consults (conf.py names). */
export interface SphinxConfig {
  highlight_language: string;
  add_function_parentheses: boolean;
  option_emphasise_placeholders: boolean;
  toc_object_entries: boolean;
  toc_object_entries_show_parents: 'domain' | 'hide' | 'all';
  strip_signature_backslash: boolean;
  show_authors: boolean;
  source_suffix: string[];
  /** None in Sphinx: the docutils default role applies. */
  default_role: string | null;
  primary_domain: string | null;
  math_number_all: boolean;
  source_encoding: string;
  add_module_names: boolean;
  python_use_unqualified_type_names: boolean;
  python_display_short_literal_types: boolean;
  /** sphinx.ext.extlinks: role name → [URL pattern with %s, caption pattern with %s or null]. */
  extlinks: Record<string, [string, string | null]>;
  /** openstackdocstheme: projects that get a "<project>-doc" link role. */
  openstack_projects: string[];
  /** openstackdocstheme: release series in those links ("latest" without a .gitreview branch). */
  openstack_series: string;
  /** sphinx.ext.ifconfig: values the expressions may name are not evaluated; kept for reference. */
}

export const DEFAULT_SPHINX_CONFIG: SphinxConfig = {
  highlight_language: 'default',
  add_function_parentheses: true,
  option_emphasise_placeholders: false,
  toc_object_entries: true,
  toc_object_entries_show_parents: 'domain',
  strip_signature_backslash: false,
  show_authors: false,
  source_suffix: ['.rst'],
  default_role: null,
  primary_domain: 'py',
  math_number_all: false,
  source_encoding: 'utf-8-sig',
  add_module_names: true,
  python_use_unqualified_type_names: false,
  python_display_short_literal_types: false,
  extlinks: {},
  openstack_projects: [],
  openstack_series: 'latest',
};

/** One of Sphinx's own warnings (logger.warning during reading). */
export interface SphinxWarning {
  message: string;
  /** Source path and line, when Sphinx gives a location. */
  source: string | null;
  line: number | null;
  /** Sphinx's warning type/subtype (e.g. "toc"/"not_readable"), when it sets one. */
  type?: string;
  subtype?: string;
}

/** How the environment finds document names and which documents exist. */
export interface SphinxProject {
  /** Sphinx's srcdir (absolute or relative to the working directory). */
  srcdir: string;
  /** Whether a document exists (Sphinx's env.found_docs); default: a source file with a known suffix under srcdir. */
  documentExists?: (docname: string) => boolean;
  /** Every document name (for toctree globs); default: the source files under srcdir, scanned once per project. */
  documents?: () => Iterable<string>;
  /** The document name of a source path; default: the path relative to srcdir without its suffix. */
  docnameOf?: (sourcePath: string) => string;
}

/** Document names found under a project's srcdir, per srcdir, root and suffixes. */
const scannedDocuments = new WeakMap<SphinxProject, Map<string, string[]>>();

/** Domains whose objects the environment notes (note_object). */
export type NotingDomain = 'std' | 'py' | 'js' | 'rst';

/** Domains that key their objects by type and name (the others by name). */
const DOMAINS_KEYED_BY_TYPE: ReadonlySet<NotingDomain> = new Set(['std', 'rst']);

/** Each domain's warning for an object described twice. */
const DUPLICATE_DESCRIPTION: Record<NotingDomain, (objtype: string, name: string, docname: string) => string> = {
  std: (objtype, name, docname) => `duplicate ${objtype} description of ${name}, other instance in ${docname}`,
  py: (_objtype, name, docname) => `duplicate object description of ${name}, other instance in ${docname}, use :noindex: for one of them`,
  js: (objtype, name, docname) => `duplicate ${objtype} description of ${name}, other ${objtype} in ${docname}`,
  rst: (objtype, name, docname) => `duplicate description of ${objtype} ${name}, other instance in ${docname}`,
};

/** A value of env.ref_context: a name, None, or a list (py:classes, rst:directives, ...). */
export type RefContextValue = string | null | (string | null)[];

export class SphinxEnvironment {
  readonly docname: string;
  /** env.temp_data. */
  readonly tempData = new Map<string, unknown>();
  /** env.ref_context: "std:program", "py:module", "py:class", ... */
  readonly refContext = new Map<string, RefContextValue>();

  /** A ref_context entry that holds a name (or null when unset or not a name). */
  refName(key: string): string | null {
    const value = this.refContext.get(key);
    return typeof value === 'string' ? value : null;
  }

  /** ref_context.setdefault(key, []): the list kept under `key` (py:classes, py:modules, rst:directives). */
  refList(key: string): (string | null)[] {
    let value = this.refContext.get(key);
    if (!Array.isArray(value)) {
      value = [];
      this.refContext.set(key, value);
    }
    return value;
  }

  constructor(
    readonly document: Document,
    readonly config: SphinxConfig,
    readonly project: SphinxProject,
    /** Sphinx's warnings for this document (shared with the registry, which warns before a document is known). */
    readonly warnings: SphinxWarning[] = [],
  ) {
    const source = String(document.get('source') ?? '<string>');
    this.docname = project.docnameOf ? project.docnameOf(source) : defaultDocname(source, project.srcdir, config.source_suffix);
    this.tempData.set('docname', this.docname);
    this.tempData.set('default_role', config.default_role);
    this.tempData.set('default_domain', config.primary_domain);
  }

  /** Names of the domains loaded (set by the registry). */
  knownDomains: ReadonlySet<string> = new Set();
  /** The math domain's equations: label → number. */
  private readonly equations = new Map<string, number>();
  private documentList: string[] | null = null;

  /** MathDomain.note_equation + get_equation_number_for. */
  equationNumber(label: string, line: number | null): number {
    if (this.equations.has(label)) {
      this.warn(`duplicate label of equation ${label}, other instance in ${this.docname}`, line);
    }
    const number = this.newSerialno('eqno') + 1;
    this.equations.set(label, number);
    return number;
  }

  /** env.found_docs: every source file with a known suffix under srcdir (hidden folders skipped). */
  allDocnames(): readonly string[] {
    if (this.project.documents) return [...this.project.documents()];
    if (this.documentList) return this.documentList;
    const srcdir = posixPath.resolve(this.project.srcdir);
    const settings = this.document.settings;
    // The scan is made once per project (registry), not once per document.
    const key = `${srcdir}\0${settings.root ?? ''}\0${this.config.source_suffix.join('\0')}`;
    let scans = scannedDocuments.get(this.project);
    if (!scans) scannedDocuments.set(this.project, (scans = new Map()));
    const known = scans.get(key);
    if (known) return (this.documentList = known);
    const found: string[] = [];
    const visit = (directory: string, depth: number): void => {
      if (depth > MAX_FOLDER_DEPTH || !isUnderRoot(directory, settings)) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(directory, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const name = entry.name;
        if (name.startsWith('.')) continue;
        const full = posixPath.join(directory, name);
        // The entry's type comes with the listing; only a symbolic link needs
        // a stat (to follow it) and a check that it stays under the root.
        const link = entry.isSymbolicLink();
        let isDirectory = entry.isDirectory();
        if (link) {
          try {
            isDirectory = statSync(full).isDirectory();
          } catch {
            continue;
          }
        }
        if (isDirectory) {
          visit(full, depth + 1);
          continue;
        }
        const suffix = this.config.source_suffix.find((candidate) => name.endsWith(candidate));
        if (suffix && (!link || isUnderRoot(full, settings))) found.push(posixPath.relative(srcdir, full).slice(0, -suffix.length));
      }
    };
    visit(srcdir, 0);
    scans.set(key, found);
    this.documentList = found;
    return found;
  }

  /** Objects the domains noted in this document: whether each was noted as an alias (py's :canonical:). */
  private readonly domainObjects = new Map<string, boolean>();

  /**
   * A domain's note_object: an object described twice in a document is one
   * of Sphinx's warnings, at the second description (at the document's
   * source when `location.source` is not given).
   */
  noteDomainObject(
    domain: NotingDomain,
    name: string,
    objtype: string,
    location: { source?: string | null; line: number | null },
    aliased = false,
  ): void {
    const key = DOMAINS_KEYED_BY_TYPE.has(domain) ? `${domain}\0${objtype}\0${name}` : `${domain}\0${name}`;
    const other = this.domainObjects.get(key);
    if (other !== undefined) {
      // py: an alias (:canonical:) and the object itself never warn of each other; the object wins.
      const aliasAndObject = domain === 'py' && other !== aliased;
      if (aliasAndObject && aliased) return;
      if (!aliasAndObject) {
        const message = DUPLICATE_DESCRIPTION[domain](objtype, name, this.docname);
        this.warn(message, location.line, location.source === undefined ? {} : { source: location.source });
      }
    }
    this.domainObjects.set(key, aliased);
  }

  /** env.new_serialno(category). */
  newSerialno(category = ''): number {
    const key = category + 'serialno';
    const current = (this.tempData.get(key) as number | undefined) ?? 0;
    this.tempData.set(key, current + 1);
    return current;
  }

  /** Name of the default domain (temp_data['default_domain'].name), or null. */
  get defaultDomain(): string | null {
    return (this.tempData.get('default_domain') as string | null | undefined) ?? null;
  }

  /** env.found_docs membership. */
  documentExists(docname: string): boolean {
    if (this.project.documentExists) return this.project.documentExists(docname);
    const base = posixPath.resolve(this.project.srcdir, docname);
    const settings = this.document.settings;
    return this.config.source_suffix.some((suffix) => {
      const file = base + suffix;
      return isUnderRoot(file, settings) && existsSync(file);
    });
  }

  /** env.relfn2path: (path relative to srcdir, absolute path) of a directive's file name. */
  relfn2path(filename: string): [string, string] {
    const srcdir = posixPath.resolve(this.project.srcdir);
    // Python's join and normpath, as Sphinx uses them (an absolute part starts over).
    const unnormalized = filename.startsWith('/') ? filename.slice(1) : pythonJoin(posixPath.dirname(this.docname), filename);
    return [pythonNormpath(unnormalized), pythonNormpath(pythonJoin(srcdir, unnormalized))];
  }

  warn(message: string, line: number | null, extra: { type?: string; subtype?: string; source?: string | null } = {}): void {
    const source = extra.source !== undefined ? extra.source : this.sourcePath;
    const warning: SphinxWarning = { message, source, line };
    if (extra.type) warning.type = extra.type;
    if (extra.subtype) warning.subtype = extra.subtype;
    this.warnings.push(warning);
  }

  get sourcePath(): string | null {
    const source = this.document.get('source');
    return typeof source === 'string' ? source : null;
  }
}

/** Folder levels the document search descends at most (symbolic link loops end there). */
const MAX_FOLDER_DEPTH = 16;

/** sphinx.util.matching._translate_pattern: a glob where "*" and "?" stop at "/" and "**" does not. */
export function globToRegExp(pattern: string): RegExp {
  let index = 0;
  let result = '';
  const length = pattern.length;
  while (index < length) {
    const char = pattern[index]!;
    index++;
    if (char === '*') {
      if (index < length && pattern[index] === '*') {
        index++;
        result += '.*';
      } else {
        result += '[^/]*';
      }
    } else if (char === '?') {
      result += '[^/]';
    } else if (char === '[') {
      let end = index;
      if (end < length && pattern[end] === '!') end++;
      if (end < length && pattern[end] === ']') end++;
      while (end < length && pattern[end] !== ']') end++;
      if (end >= length) {
        result += '\\[';
      } else {
        let stuff = pattern.slice(index, end).replace(/\\/g, '\\\\');
        index = end + 1;
        if (stuff[0] === '!') stuff = '^/' + stuff.slice(1);
        else if (stuff[0] === '^') stuff = '\\' + stuff;
        result += `[${stuff}]`;
      }
    } else {
      result += char.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
    }
  }
  return new RegExp('^' + result + '$', 's');
}

function defaultDocname(source: string, srcdir: string, suffixes: readonly string[]): string {
  let relative = posixPath.relative(posixPath.resolve(srcdir), posixPath.resolve(source));
  if (relative.startsWith('..')) relative = source;
  for (const suffix of suffixes) {
    if (relative.endsWith(suffix)) return relative.slice(0, -suffix.length);
  }
  return relative;
}

/** sphinx.util.docname_join. */
export function docnameJoin(basedocname: string, docname: string): string {
  return pythonNormpath(pythonJoin('/' + basedocname, '..', docname)).slice(1);
}

/** Python's posixpath.join: an absolute part starts the path over (Node's join keeps gluing). */
function pythonJoin(...parts: string[]): string {
  let path = '';
  for (const part of parts) {
    if (part.startsWith('/')) path = part;
    else if (path === '' || path.endsWith('/')) path += part;
    else path += '/' + part;
  }
  return path;
}

/** Python's posixpath.normpath (keeps exactly two leading slashes; no trailing slash). */
function pythonNormpath(path: string): string {
  if (path === '') return '.';
  const initialSlashes = path.startsWith('/') ? (path.startsWith('//') && !path.startsWith('///') ? 2 : 1) : 0;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..' || (initialSlashes === 0 && parts.length === 0) || (parts.length > 0 && parts[parts.length - 1] === '..')) parts.push(part);
    else if (parts.length > 0) parts.pop();
  }
  return '/'.repeat(initialSlashes) + parts.join('/') || '.';
}

/** The document's attachment key for its environment. */
const ENVIRONMENT = Symbol('sphinx environment');

/** The environment of a document read with the sphinx profile, if any. */
export function sphinxEnvironmentOf(document: Document): SphinxEnvironment | undefined {
  return document.attachment<SphinxEnvironment>(ENVIRONMENT);
}

/** The document's environment, made on first use. */
export function environmentFor(
  document: Document,
  config: SphinxConfig,
  project: SphinxProject,
  warnings?: SphinxWarning[],
): SphinxEnvironment {
  let environment = sphinxEnvironmentOf(document);
  if (!environment) {
    environment = new SphinxEnvironment(document, config, project, warnings);
    document.attach(ENVIRONMENT, environment);
  }
  return environment;
}

/** Warning lists by the reporter of the document they belong to (for warnings given before a role or directive ran). */
const reporterWarnings = new WeakMap<object, SphinxWarning[]>();

/** Links a parse's warning list to the document's reporter, which role lookups see. */
export function noteReporterWarnings(reporter: object, warnings: SphinxWarning[]): void {
  reporterWarnings.set(reporter, warnings);
}

/** Sphinx's warnings for a document read with the sphinx profile (empty otherwise). */
export function sphinxWarnings(document: Document): readonly SphinxWarning[] {
  return sphinxEnvironmentOf(document)?.warnings ?? reporterWarnings.get(document.reporter) ?? [];
}

/** What the sphinx profile's registry provides to Sphinx's roles and directives. */
export interface SphinxEnvironmentProvider {
  sphinxEnvironment(document: Document): SphinxEnvironment;
}

/** The environment a Sphinx role or directive reads, from the parse's registry. */
export function environmentFromRegistry(registry: unknown, document: Document): SphinxEnvironment {
  const provider = registry as Partial<SphinxEnvironmentProvider> | null;
  if (!provider || typeof provider.sphinxEnvironment !== 'function') {
    throw new Error('a Sphinx role or directive ran with a registry that is not the sphinx profile');
  }
  return provider.sphinxEnvironment(document);
}
