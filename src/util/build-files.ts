/**
 * Files of the running build, by their path under the build's root (dist/
 * for users, src/ when running the TypeScript sources under tsx).
 *
 * This module sits one folder below the root, and so do the bundled entry
 * points it is inlined into (dist/cli/main.js, dist/lint/lint-worker.js,
 * ...): in every layout, the root is the parent of this code's folder.
 */
export const runningFromSource = import.meta.url.endsWith('.ts');

/** The URL of `path` (written with the .js extension) in the running build. */
export function buildFile(path: string): URL {
  const file = runningFromSource ? path.replace(/\.js$/, '.ts') : path;
  return new URL(`../${file}`, import.meta.url);
}
