/**
 * Where specs live in a repository, described by a path pattern relative
 * to the repository root (configuration key `layout.specs`):
 *
 *     specs/{release}/{status}/*.rst             OpenStack (the default)
 *     specs/{release}/*.rst                      no approved/implemented split
 *     specs/{project}/{release}/{status}/*.rst   one repository, many projects
 *
 * Without `layout.specs` in the configuration, the layout is read off the
 * repository (detectSpecsPattern): the OpenStack one, unless no release
 * directory has a status directory and some hold specs directly.
 *
 * `{release}`, `{status}` and `{project}` each stand for one directory
 * name (never a dot-directory); the last segment is a file-name pattern
 * where `*` and `?` are wildcards.
 */
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export type LayoutSegment =
  | { kind: 'literal'; value: string }
  | { kind: 'release' | 'status' | 'project' }
  | { kind: 'file'; pattern: RegExp; source: string };

export interface SpecsLayout {
  readonly pattern: string;
  readonly segments: readonly LayoutSegment[];
  /** Index of the `{release}` segment. */
  readonly releaseIndex: number;
  /**
   * Whether a directory where a spec file would be, holding index.rst, is a
   * spec named after the directory (`layout.spec-directories`; a spec with
   * its images beside it, as tacker-specs writes some).
   */
  readonly specDirectories: boolean;
}

/** The file a spec directory's text is in. */
export const SPEC_DIRECTORY_FILE = 'index.rst';

/** What a path's position in the layout says about it. */
export interface SpecLocation {
  /** Path relative to the repository root, "/"-separated. */
  readonly relativePath: string;
  readonly release: string;
  readonly status: string | null;
  readonly project: string | null;
  /** The release directory, relative to the root (e.g. "specs/queens"). */
  readonly releaseDirectory: string;
  /** The directory that holds the release directories (e.g. "specs"); templates are looked up here first. */
  readonly releasesParent: string;
  /** The spec's name: its file name without extension, or its directory's name for a spec directory. */
  readonly name: string;
}

function fileNamePattern(source: string): RegExp {
  const body = source.replace(/[.+^$()|[\]\\{}]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

export function parseLayout(pattern: string, options: { specDirectories?: boolean } = {}): SpecsLayout {
  const parts = pattern.split('/');
  const segments: LayoutSegment[] = parts.map((part, index): LayoutSegment => {
    if (index === parts.length - 1) return { kind: 'file', pattern: fileNamePattern(part), source: part };
    if (part === '{release}') return { kind: 'release' };
    if (part === '{status}') return { kind: 'status' };
    if (part === '{project}') return { kind: 'project' };
    return { kind: 'literal', value: part };
  });
  return { pattern, segments, releaseIndex: segments.findIndex((segment) => segment.kind === 'release'), specDirectories: options.specDirectories ?? false };
}

export const DEFAULT_SPECS_PATTERN = 'specs/{release}/{status}/*.rst';
export const FLAT_SPECS_PATTERN = 'specs/{release}/*.rst';

/**
 * The layout of a repository whose configuration names none. OpenStack's
 * (specs/{release}/{status}/*.rst) when any release directory has one of
 * `statusEntries` (approved, implemented, redirects) or when there is
 * nothing to tell by; specs/{release}/*.rst when no release directory has
 * any and some hold .rst files themselves (neutron-specs, for example).
 * One approved/ anywhere keeps the OpenStack layout, so a spec misplaced in
 * specs/<release>/ is still reported there.
 */
export function detectSpecsPattern(root: string, statusEntries: readonly string[]): string {
  let flatSpecs = false;
  for (const release of directoryEntries(join(root, 'specs'))) {
    if (!release.isDirectory() || isHidden(release.name)) continue;
    for (const entry of directoryEntries(join(root, 'specs', release.name))) {
      if (isHidden(entry.name)) continue;
      if (entry.isDirectory() && statusEntries.includes(entry.name)) return DEFAULT_SPECS_PATTERN;
      if (entry.isFile() && entry.name.endsWith('.rst')) flatSpecs = true;
    }
  }
  return flatSpecs ? FLAT_SPECS_PATTERN : DEFAULT_SPECS_PATTERN;
}

function directoryEntries(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

/** Whether a directory name fills a layout's file segment as a spec directory (its name plus the pattern's extension matches). */
function isSpecDirectoryName(segment: LayoutSegment & { kind: 'file' }, name: string): boolean {
  const extension = /\.[^.*?]+$/.exec(segment.source)?.[0] ?? '';
  return segment.pattern.test(name + extension);
}

/**
 * Whether the directory `path`, named `name`, where the layout's file
 * segment is, is a spec directory: the layout allows them, its name fits
 * the file pattern and it holds index.rst.
 */
export function isSpecDirectory(layout: SpecsLayout, path: string, name: string): boolean {
  const file = layout.segments[layout.segments.length - 1]!;
  return layout.specDirectories && file.kind === 'file' && isSpecDirectoryName(file, name) && existsSync(join(path, SPEC_DIRECTORY_FILE));
}

/** The layout position of a repository-relative path, or null if it is not a spec there. */
export function locateSpec(layout: SpecsLayout, relativePath: string): SpecLocation | null {
  let parts = relativePath.split('/');
  let name: string;
  const file = layout.segments[layout.segments.length - 1]!;
  const directorySpec =
    layout.specDirectories &&
    file.kind === 'file' &&
    parts.length === layout.segments.length + 1 &&
    parts[parts.length - 1] === SPEC_DIRECTORY_FILE &&
    isSpecDirectoryName(file, parts[parts.length - 2]!);
  if (directorySpec) {
    // specs/<release>/<name>/index.rst: checked as the spec file specs/<release>/<name>.rst would be.
    name = parts[parts.length - 2]!;
    parts = parts.slice(0, -1);
  } else {
    if (parts.length !== layout.segments.length) return null;
    name = parts[parts.length - 1]!.replace(/\.[^.]*$/, '');
    // index.rst is a directory's page in the Sphinx site (its toctree), never a spec.
    if (parts[parts.length - 1] === SPEC_DIRECTORY_FILE) return null;
  }
  let release: string | null = null;
  let status: string | null = null;
  let project: string | null = null;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    const segment = layout.segments[index]!;
    if (part === '' || (segment.kind !== 'literal' && isHidden(part))) return null;
    switch (segment.kind) {
      case 'literal':
        if (part !== segment.value) return null;
        break;
      case 'release':
        release = part;
        break;
      case 'status':
        status = part;
        break;
      case 'project':
        project = part;
        break;
      case 'file':
        if (!directorySpec && !segment.pattern.test(part)) return null;
        break;
    }
  }
  if (release === null) return null;
  return {
    relativePath,
    release,
    status,
    project,
    releaseDirectory: parts.slice(0, layout.releaseIndex + 1).join('/'),
    releasesParent: parts.slice(0, layout.releaseIndex).join('/'),
    name,
  };
}

function readDirectory(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isDirectoryEntry(parent: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return readdirSync(join(parent, entry.name)) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Walks the layout from `root`: calls `visit` for every path that fills
 * the first `depth` segments (directories for placeholders and literals,
 * files for the last segment). Paths are "/"-separated and sorted.
 */
export function walkLayout(root: string, layout: SpecsLayout, depth: number = layout.segments.length): string[] {
  let current: string[] = [''];
  for (let index = 0; index < depth; index++) {
    const segment = layout.segments[index]!;
    const next: string[] = [];
    for (const prefix of current) {
      const directory = prefix === '' ? root : join(root, prefix);
      const entries = readDirectory(directory).sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
      for (const entry of entries) {
        if (isHidden(entry.name) && segment.kind !== 'literal') continue;
        const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (segment.kind === 'literal') {
          if (entry.name === segment.value && isDirectoryEntry(directory, entry)) next.push(path);
        } else if (segment.kind === 'file') {
          if (isDirectoryEntry(directory, entry)) {
            if (isSpecDirectory(layout, join(directory, entry.name), entry.name)) next.push(`${path}/${SPEC_DIRECTORY_FILE}`);
          } else if (segment.pattern.test(entry.name) && entry.name !== SPEC_DIRECTORY_FILE) {
            next.push(path);
          }
        } else if (isDirectoryEntry(directory, entry)) {
          next.push(path);
        }
      }
    }
    current = next;
  }
  return current;
}

/** The leading literal segments (e.g. "specs"): the directory all specs live under. */
export function layoutBase(layout: SpecsLayout): string {
  const literals: string[] = [];
  for (const segment of layout.segments) {
    if (segment.kind !== 'literal') break;
    literals.push(segment.value);
  }
  return literals.join('/');
}
