/**
 * directory-layout: specs only where the layout puts them (the spec
 * repositories' tests/test_directories.py, and the ".rst" check of
 * tests/test_titles.py).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecRepository } from '../../spec/repository.js';
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
  /** Segments from the release directory down to the file, e.g. ["{status}", "*.rst"]. */
  readonly hasStatus: boolean;
  readonly filePattern: RegExp;
  readonly fileGlob: string;
}

function shapeOf(repository: SpecRepository): LayoutShape {
  const segments = repository.layout.segments.slice(repository.layout.releaseIndex + 1);
  const file = segments[segments.length - 1]!;
  if (file.kind !== 'file') throw new Error('layout without a file segment');
  return { hasStatus: segments.some((segment) => segment.kind === 'status'), filePattern: file.pattern, fileGlob: file.source };
}

/**
 * Checks one entry below a release directory. `parts` is its path from
 * the release directory (["approved"], ["approved", "x.rst"], ...).
 */
function checkEntry(context: Context, shape: LayoutShape, releaseDirectory: string, parts: readonly string[]): void {
  const { repository } = context;
  const path = join(repository.root, releaseDirectory, ...parts);
  const allowed = repository.config.layout.releaseEntries;
  const first = parts[0]!;
  if (parts.length === 1) {
    if (shape.hasStatus) {
      if (!allowed.includes(first)) {
        context.report({
          messageId: 'unexpectedEntry',
          path,
          data: { name: first, directory: releaseDirectory, allowed: allowed.join(', '), suggestion: `${releaseDirectory}/${allowed[0] ?? 'approved'}` },
        });
      }
    } else if (!allowed.includes(first) && (isDirectory(path) || !shape.filePattern.test(first))) {
      context.report({ messageId: 'notASpec', path, data: { name: first, directory: releaseDirectory, pattern: shape.fileGlob } });
    }
    return;
  }
  if (parts.length === 2 && shape.hasStatus && allowed.includes(first) && isDirectory(join(repository.root, releaseDirectory, first))) {
    const name = parts[1]!;
    if (isDirectory(path) || !shape.filePattern.test(name)) {
      context.report({ messageId: 'notASpec', path, data: { name, directory: `${releaseDirectory}/${first}`, pattern: shape.fileGlob } });
    }
  }
}

function checkRelease(context: Context, shape: LayoutShape, releaseDirectory: string): void {
  const root = join(context.repository.root, releaseDirectory);
  for (const name of listEntries(root)) {
    if (context.repository.isExcluded(join(root, name))) continue;
    checkEntry(context, shape, releaseDirectory, [name]);
    if (shape.hasStatus && context.repository.config.layout.releaseEntries.includes(name) && isDirectory(join(root, name))) {
      for (const child of listEntries(join(root, name))) {
        if (context.repository.isExcluded(join(root, name, child))) continue;
        checkEntry(context, shape, releaseDirectory, [name, child]);
      }
    }
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
        'Checks what sits in each release directory of the layout (by default `specs/<release>/`): only the entries listed in `layout.release-entries` (`approved`, `implemented`, `redirects`), and in those directories only spec files (`*.rst`). Dot-files are ignored. When files are named on the command line (as pre-commit does), only the places those files sit are checked.',
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
      for (const release of context.repository.releaseDirectories()) checkRelease(context, shape, release.relativePath);
      return;
    }
    const releaseDepth = context.repository.layout.releaseIndex + 1;
    const seen = new Set<string>();
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
      for (let length = 1; length <= Math.min(2, below.length); length++) {
        if (isHidden(below[length - 1]!)) break;
        const key = `${releaseDirectory}\0${below.slice(0, length).join('/')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        checkEntry(context, shape, releaseDirectory, below.slice(0, length));
      }
    }
  },
});
