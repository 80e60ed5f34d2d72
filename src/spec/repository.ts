/**
 * A spec repository: its root, configuration, layout, releases, spec files
 * and the template each spec is checked against.
 *
 * The root of the repository containing a path is the nearest directory
 * (not above the enclosing git work tree) that has a specwright.toml or a
 * pyproject.toml with `[tool.specwright]`; failing that, the nearest that
 * has a `specs/` directory; failing that, the git work tree; failing that,
 * the directory itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  findConfigFile,
  loadConfig,
  templateSettingsFor,
  type SpecwrightConfig,
  type TemplateSettings,
} from './config.js';
import { DEFAULT_TEMPLATE_NAME, DEFAULT_TEMPLATE_TEXT } from './default-template.js';
import { SpecError } from './errors.js';
import { anyMatches, PathPattern } from './glob.js';
import { detectSpecsPattern, layoutBase, locateSpec, parseLayout, walkLayout, type SpecLocation, type SpecsLayout } from './layout.js';
import { readSphinxExtensions } from './sphinx-conf.js';
import { OPENSTACK_SPEC_EXTENSIONS } from '../rst/profiles/sphinx.js';

const SPECS_DIRECTORY = 'specs';
const TEMPLATE_FILE = 'template.rst';
const TEMPLATE_SUFFIX = '-template.rst';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Finds the root of the spec repository that contains `path` (a file or directory). */
export function findRepositoryRoot(path: string): string {
  const absolute = resolve(path);
  const start = isDirectory(absolute) ? absolute : dirname(absolute);
  const chain: string[] = [];
  for (let directory = start; ; directory = dirname(directory)) {
    chain.push(directory);
    if (existsSync(join(directory, '.git')) || dirname(directory) === directory) break;
  }
  for (const directory of chain) if (findConfigFile(directory)) return directory;
  for (const directory of chain) if (isDirectory(join(directory, SPECS_DIRECTORY))) return directory;
  const last = chain[chain.length - 1]!;
  return existsSync(join(last, '.git')) ? last : start;
}

/** The template a spec is checked against. */
export interface TemplateSource {
  /** Absolute path, or null for the embedded default template. */
  readonly path: string | null;
  /** Path relative to the repository root, or the embedded template's name. */
  readonly name: string;
  readonly text: string;
}

export interface ReleaseDirectory {
  readonly release: string;
  /** Relative to the repository root, "/"-separated. */
  readonly relativePath: string;
  readonly project: string | null;
}

export interface SphinxExtensionSettings {
  readonly extensions: readonly string[];
  /** Where the list came from ('default': no conf.py, so the extensions OpenStack spec repositories load). */
  readonly source: 'config' | 'conf.py' | 'default';
  /** Statements of conf.py that could not be read statically. */
  readonly unresolved: readonly string[];
}

export class SpecRepository {
  readonly layout: SpecsLayout;
  private readonly excludes: PathPattern[];
  private readonly templates = new Map<string, TemplateSource>();
  private sphinx: SphinxExtensionSettings | undefined;

  constructor(
    readonly root: string,
    readonly config: SpecwrightConfig,
  ) {
    this.layout = parseLayout(config.layout.configured ? config.layout.specs : detectSpecsPattern(root, config.layout.releaseEntries), {
      specDirectories: config.layout.specDirectories,
    });
    this.excludes = config.exclude.map((pattern) => new PathPattern(pattern));
  }

  /** Opens the repository at `root` with its own configuration, or `configFile` if given. */
  static open(root: string, options: { configFile?: string; cwd?: string } = {}): SpecRepository {
    return new SpecRepository(resolve(root), loadConfig(resolve(root), { explicitFile: options.configFile, cwd: options.cwd }));
  }

  /** "/"-separated path relative to the root ("" for the root; starts with ".." when outside). */
  relative(path: string): string {
    return relative(this.root, resolve(path)).split(sep).join('/');
  }

  contains(path: string): boolean {
    const shown = this.relative(path);
    return !shown.startsWith('..') && !shown.startsWith('/');
  }

  isExcluded(path: string): boolean {
    const shown = this.relative(path);
    return shown !== '' && anyMatches(this.excludes, shown);
  }

  /** The directory all specs live under (e.g. "specs"), relative to the root. */
  get specsBase(): string {
    return layoutBase(this.layout);
  }

  locate(path: string): SpecLocation | null {
    if (!this.contains(path)) return null;
    return locateSpec(this.layout, this.relative(path));
  }

  /** Every spec file of the layout, excluded ones left out; absolute paths, sorted. */
  specFiles(): string[] {
    return walkLayout(this.root, this.layout)
      .filter((path) => !anyMatches(this.excludes, path))
      .map((path) => join(this.root, path));
  }

  /** Every release directory of the layout, excluded ones left out. */
  releaseDirectories(): ReleaseDirectory[] {
    const out: ReleaseDirectory[] = [];
    for (const path of walkLayout(this.root, this.layout, this.layout.releaseIndex + 1)) {
      if (anyMatches(this.excludes, path)) continue;
      const parts = path.split('/');
      const projectIndex = this.layout.segments.findIndex((segment) => segment.kind === 'project');
      out.push({
        release: parts[this.layout.releaseIndex]!,
        relativePath: path,
        project: projectIndex === -1 || projectIndex > this.layout.releaseIndex ? null : parts[projectIndex]!,
      });
    }
    return out;
  }

  templateSettings(release: string | null): TemplateSettings {
    return templateSettingsFor(this.config, release);
  }

  /**
   * Candidate template paths for a release, most specific first:
   * `<parent>/<release>-template.rst`, then `template.rst` in the release's
   * parent directory and each directory above it up to the specs base.
   */
  templateCandidates(location: Pick<SpecLocation, 'release' | 'releasesParent'>): string[] {
    const candidates: string[] = [];
    const parent = location.releasesParent;
    candidates.push(parent ? `${parent}/${location.release}${TEMPLATE_SUFFIX}` : `${location.release}${TEMPLATE_SUFFIX}`);
    const base = this.specsBase;
    let directory = parent;
    for (;;) {
      candidates.push(directory ? `${directory}/${TEMPLATE_FILE}` : TEMPLATE_FILE);
      if (directory === base || directory === '' || !directory.startsWith(base)) break;
      directory = directory.includes('/') ? directory.slice(0, directory.lastIndexOf('/')) : '';
    }
    return candidates;
  }

  /** The template a spec at `location` is checked against. */
  templateFor(location: Pick<SpecLocation, 'release' | 'releasesParent'>): TemplateSource {
    const configured = this.templateSettings(location.release).path;
    const candidates = configured !== null ? [configured] : this.templateCandidates(location);
    const key = candidates.join('\0');
    const cached = this.templates.get(key);
    if (cached) return cached;
    let found: TemplateSource | undefined;
    for (const candidate of candidates) {
      const path = join(this.root, candidate);
      if (!existsSync(path)) continue;
      found = { path, name: candidate, text: readTemplate(path, candidate) };
      break;
    }
    if (!found && configured !== null) {
      throw new SpecError('template-unreadable', `template "${configured}" (set in the configuration) does not exist`, this.config.file ?? undefined);
    }
    found ??= { path: null, name: DEFAULT_TEMPLATE_NAME, text: DEFAULT_TEMPLATE_TEXT };
    this.templates.set(key, found);
    return found;
  }

  /** The Sphinx extensions the repository's documentation loads. */
  sphinxExtensions(): SphinxExtensionSettings {
    if (this.sphinx) return this.sphinx;
    if (this.config.sphinx.extensions !== null) {
      this.sphinx = { extensions: [...this.config.sphinx.extensions], source: 'config', unresolved: [] };
      return this.sphinx;
    }
    const confPath = join(this.root, this.config.sphinx.conf);
    let text: string | undefined;
    try {
      text = readFileSync(confPath, 'utf8');
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      this.sphinx = { extensions: [...OPENSTACK_SPEC_EXTENSIONS], source: 'default', unresolved: [] };
    } else {
      const read = readSphinxExtensions(text);
      this.sphinx = { extensions: read.extensions, source: 'conf.py', unresolved: read.unresolved };
    }
    return this.sphinx;
  }
}

function readTemplate(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new SpecError('template-unreadable', `cannot read template: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, shown);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SpecError('template-unreadable', 'template is not valid UTF-8', shown);
  }
}
