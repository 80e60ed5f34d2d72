#!/usr/bin/env node
/**
 * Second build step (after tsc): each entry point of dist/ becomes one
 * self-contained file. One file instead of ~140 modules saves the loader's
 * resolving and linking at every start, and calls between the engine's
 * modules no longer go through module bindings (measured: ~15% off
 * publishing the 845 nova specs).
 *
 * - The program (src/cli/bin.ts) becomes dist/cli/specwright-main.cjs, a
 *   CommonJS file: Node loads it ~30 ms faster than the same code as an ES
 *   module. `import.meta.url` becomes the file's own URL. package.json's
 *   bin, dist/cli/specwright.cjs, is src/cli/program-loader.cjs: it runs
 *   the bundle with V8's code cache, which this step makes last by running
 *   the program on examples/ (a lint and a doctree).
 * - The worker threads and the library (dist/index.js) stay ES modules,
 *   written over tsc's output of the same name.
 *
 * Dependencies from node_modules stay imports (require() in the program).
 * Every entry sits one folder below dist/, as src/util/build-files.ts
 * expects. tsc's source maps are chained, so stack traces still point into
 * src/.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const BUNDLE = 'dist/cli/specwright-main.cjs';
const PROGRAM = 'dist/cli/specwright.cjs';
const CODE_CACHE = 'dist/cli/specwright-main.cache';
const EXAMPLES = 'examples/watcher-style-specs';
const ES_MODULE_ENTRY_POINTS = ['dist/cli/doctree-worker.js', 'dist/cli/output-writer.js', 'dist/lint/lint-worker.js', 'dist/index.js'];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ES_MODULE_ENTRY_POINTS,
  outdir: 'dist',
  outbase: 'dist',
  allowOverwrite: true,
  format: 'esm',
});

const program = await build({
  ...common,
  metafile: true,
  entryPoints: ['dist/cli/bin.js'],
  outfile: BUNDLE,
  format: 'cjs',
  define: { 'import.meta.url': '__specwrightFileUrl', 'import.meta.resolve': '__specwrightResolve' },
  banner: {
    js: 'var __specwrightFileUrl = require("node:url").pathToFileURL(__filename).href;\nvar __specwrightResolve = (specifier) => require("node:url").pathToFileURL(require.resolve(specifier)).href;',
  },
});
// The loader compiles the bundle as a script, which cannot run import():
// packages must be required (they all have CommonJS entries).
const dynamicImports = Object.entries(program.metafile.inputs).flatMap(([input, { imports }]) =>
  imports.filter((entry) => entry.kind === 'dynamic-import' && entry.external).map((entry) => `${input}: import('${entry.path}')`),
);
if (dynamicImports.length > 0) {
  console.error(`bundle: the program must not import() packages (require them instead):\n  ${dynamicImports.join('\n  ')}`);
  process.exit(1);
}
copyFileSync('src/cli/program-loader.cjs', PROGRAM);
chmodSync(PROGRAM, 0o755);
// tsc's unbundled dist/cli/main.js runs the same program (more slowly):
// executable too, for links made when it was the package's bin.
chmodSync('dist/cli/main.js', 0o755);

makeCodeCache();

/**
 * Runs the program on the example repository, a lint then a doctree, each
 * adding what it compiled to the code cache. A cache is only an
 * optimisation: when making it fails, the build goes on without one.
 */
function makeCodeCache() {
  rmSync(CODE_CACHE, { force: true });
  if (!existsSync(EXAMPLES)) return;
  const specs = readdirSync(EXAMPLES, { recursive: true })
    .filter((name) => name.endsWith('.rst'))
    .sort()
    .map((name) => join(EXAMPLES, name));
  const runs = [
    ['lint', '--format', 'json', '--concurrency', 'off', EXAMPLES],
    ['doctree', '--report-level', '1', '--concurrency', 'off', ...specs],
  ];
  for (const args of runs) {
    const result = spawnSync(process.execPath, [PROGRAM, ...args], {
      env: { ...process.env, SPECWRIGHT_CODE_CACHE_OUT: CODE_CACHE, NODE_OPTIONS: '' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    // lint exits 1 on the examples' deliberate mistakes.
    if (result.status !== 0 && result.status !== 1) {
      console.warn(`bundle: no code cache (specwright ${args[0]} exited ${result.status}): ${(result.stderr || String(result.error)).slice(0, 300)}`);
      rmSync(CODE_CACHE, { force: true });
      return;
    }
  }
}
