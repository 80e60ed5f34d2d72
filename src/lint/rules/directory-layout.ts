/**
 * directory-layout: specs only where the layout puts them (the spec
 * repositories' tests/test_directories.py, and the ".rst" check of
 * tests/test_titles.py).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecRepository } from '../../spec/repository.js';
import { isSpecDirectory, type LayoutSegment } from '../../spec/layout.js';
import { defineRepositoryRule, type RepositoryRuleContext } from '../rule.js';

type MessageId = 'unexpectedEntry' | 'notASpec';
type Context = RepositoryRuleContext<Record<string, never>, MessageId>;

function isHidden(name: string): boolean {
  return name.startsWith('.');
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listEntries(path: string): string[] {
  try {
    return readdirSync(path).filter((name) => !isHidden(name)).sort();
  } catch {
    return [];
  }
}

interface LayoutShape {
  /** The layout's segments below the release directory, e.g. [{status}, *.rst] or [{status}, {project}, *.rst]. */
  readonly below: readonly LayoutSegment[];
  readonly filePattern: RegExp;
  readonly fileGlob: string;
}

function shapeOf(repository: SpecRepository): LayoutShape {
  const below = repository.layout.segments.slice(repository.layout.releaseIndex + 1);
  const file = below[below.length - 1]!;
  if (file.kind !== 'file') throw new Error('layout without a file segment');
  return { below, filePattern: file.pattern, fileGlob: file.source };
}

/**
 * Checks one entry below a release directory against the layout's segment
 * at its depth. `parts` is its path from the release directory
 * (["approved"], ["approved", "x.rst"], ...). Returns whether the entry is
 * a directory the layout goes on into.
 */
function checkEntry(context: Context, shape: LayoutShape, releaseDirectory: string, parts: readonly string[]): boolean {
  const { repository } = context;
  const path = join(repository.root, releaseDirectory, ...parts);
  const allowed = repository.config.layout.releaseEntries;
  const segment = shape.below[parts.length - 1];
  const name = parts[parts.length - 1]!;
  const directory = [releaseDirectory, ...parts.slice(0, -1)].join('/');
  const notASpec = () => context.report({ messageId: 'notASpec', path, data: { name, directory, pattern: shape.fileGlob } });
  switch (segment?.kind) {
    case undefined:
      return false;
    case 'status':
      if (!allowed.includes(name)) {
        context.report({
          messageId: 'unexpectedEntry',
          path,
          data: { name, directory, allowed: allowed.join(', '), suggestion: `${releaseDirectory}/${allowed[0] ?? 'approved'}` },
        });
        return false;
      }
      return isDirectory(path);
    case 'file':
      // Where release directories hold specs themselves, the release entries (redirects, ...) may sit beside them.
      if (parts.length === 1 && allowed.includes(name)) return false;
      if (isDirectory(path)) {
        // A spec directory (layout.spec-directories): its index.rst is the spec, beside its images.
        if (!isSpecDirectory(repository.layout, path, name)) notASpec();
      } else if (!shape.filePattern.test(name)) {
        notASpec();
      }
      return false;
    case 'literal':
      if (name !== segment.value || !isDirectory(path)) {
        notASpec();
        return false;
      }
      return true;
    default:
      // {project} (or {release} again): a directory the layout goes on into.
      if (!isDirectory(path)) {
        notASpec();
        return false;
      }
      return true;
  }
}

function checkBelow(context: Context, shape: LayoutShape, releaseDirectory: string, parts: readonly string[]): void {
  const root = join(context.repository.root, releaseDirectory, ...parts);
  for (const name of listEntries(root)) {
    if (context.repository.isExcluded(join(root, name))) continue;
    const entry = [...parts, name];
    if (checkEntry(context, shape, releaseDirectory, entry)) checkBelow(context, shape, releaseDirectory, entry);
  }
}

export const directoryLayout = defineRepositoryRule({
  scope: 'repository',
  meta: {
    id: 'directory-layout',
    description: 'Keep specs in the release directories the layout defines',
    defaultSeverity: 'error',
    fix: 'none',
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      unexpectedEntry:
        'Unexpected "{{name}}" in {{directory}}/: a release directory holds only {{allowed}}; specs should be submitted to {{suggestion}}/.',
      notASpec: '"{{name}}" in {{directory}}/ is not a spec: spec files must match {{pattern}}.',
    },
    docs: {
      whatItDoes:
        'Checks what sits in each release directory of the layout (by default `specs/<release>/`): only the entries listed in `layout.release-entries` (`approved`, `implemented`, `redirects`), and in those directories only spec files (`*.rst`); a layout with a `{project}` level below them (`specs/{release}/{status}/{project}/*.rst`) wants directories there. With `layout.spec-directories`, a directory holding `index.rst` may stand where a spec file would. Dot-files are ignored. When files are named on the command line (as pre-commit does), only the places those files sit are checked.',
      why: 'Spec review and publishing depend on where a spec sits: its release and whether it is approved or implemented. The spec repositories\' tests (test_directories.py, test_titles.py) fail a file in the wrong place or without the .rst extension.',
      example: 'specs/2025.1/my-feature.rst\nspecs/2025.1/approved/my-feature.txt',
      useInstead: 'specs/2025.1/approved/my-feature.rst',
      options: 'None. The layout itself is configured with `[layout]` `specs` (the path pattern) and `release-entries`. Without `specs`, a repository where no release directory has a status directory and some hold `.rst` files themselves is taken to use `specs/<release>/*.rst`, where release directories hold specs directly.',
      compatibility: 'tests/test_directories.py of nova-specs and watcher-specs; the ".rst" assertion of tests/test_titles.py.',
    },
  },
  check(context) {
    const shape = shapeOf(context.repository);
    if (context.scope.kind === 'repository') {
      for (const release of context.repository.releaseDirectories()) checkBelow(context, shape, release.relativePath, []);
      return;
    }
    const releaseDepth = context.repository.layout.releaseIndex + 1;
    // Each entry is checked once; whether the layout goes on into it, for the files below it.
    const seenDirectories = new Map<string, boolean>();
    for (const file of context.scope.files) {
      if (!context.repository.contains(file) || context.repository.isExcluded(file)) continue;
      const parts = context.repository.relative(file).split('/');
      if (parts.length <= releaseDepth) continue;
      const releaseParts = parts.slice(0, releaseDepth);
      const matchesPrefix = context.repository.layout.segments
        .slice(0, releaseDepth)
        .every((segment, index) => segment.kind !== 'literal' || segment.value === releaseParts[index]);
      if (!matchesPrefix || releaseParts.some((part, index) => index > 0 && isHidden(part))) continue;
      const releaseDirectory = releaseParts.join('/');
      const below = parts.slice(releaseDepth);
      for (let length = 1; length <= Math.min(shape.below.length, below.length); length++) {
        if (isHidden(below[length - 1]!)) break;
        const key = `${releaseDirectory}\0${below.slice(0, length).join('/')}`;
        let goesOn = seenDirectories.get(key);
        if (goesOn === undefined) {
          goesOn = checkEntry(context, shape, releaseDirectory, below.slice(0, length));
          seenDirectories.set(key, goesOn);
        }
        if (!goesOn) break;
      }
    }
  },
});
