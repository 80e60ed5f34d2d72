#!/usr/bin/env node
/**
 * The installed `specwright` program (copied by scripts/bundle.mjs to
 * dist/cli/specwright.cjs). It runs the bundled program beside it,
 * specwright-main.cjs, with V8's code cache when one fits, so a run does
 * not parse and compile to bytecode again the ~1 MB of JavaScript every
 * run needs (measured: ~8% of publishing the 845 nova specs, ~10 ms of a
 * one-file run):
 *
 * - Node 22.1 and later: Node's own compile cache (module.enableCompileCache,
 *   kept in the system's temporary folder), then a plain require.
 * - Node 20: the bundle is compiled with the cache the build made
 *   (specwright-main.cache, written by running the program on examples/).
 *   V8 rejects a cache made by another V8 version, other flags or another
 *   source, and then compiles as usual: a cache never changes what runs.
 *
 * SPECWRIGHT_CODE_CACHE_OUT=FILE (used by the build): start from FILE's
 * cache if there is one and, after the run, write the code cache of
 * everything compiled so far to FILE.
 * SPECWRIGHT_CODE_CACHE_DEBUG=1: say on stderr whether the cache was used.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const bundle = path.join(__dirname, 'specwright-main.cjs');
const cacheFile = path.join(__dirname, 'specwright-main.cache');
const cacheOut = process.env.SPECWRIGHT_CODE_CACHE_OUT;
const debug = process.env.SPECWRIGHT_CODE_CACHE_DEBUG === '1';

function say(message) {
  if (debug) process.stderr.write(`specwright: code cache: ${message}\n`);
}

function readCache(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes `data` to `file` through a temporary file and a rename (never a half-written cache). */
function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    process.stderr.write(`specwright: could not write the code cache ${file}: ${error.message}\n`);
  }
}

/** A missing or unreadable bundle: a broken installation gets a clear error, not a stack trace. */
function bundleUnreadable(error) {
  process.stderr.write(`specwright: cannot read ${bundle} (${error.code || error.message}): the installation is incomplete; reinstall specwright, or run \`npm run build\` in its folder\n`);
  process.exit(2);
}

function readBundle() {
  try {
    return fs.readFileSync(bundle, 'utf8');
  } catch (error) {
    return bundleUnreadable(error);
  }
}

function runWithCodeCache() {
  const source = readBundle();
  // The wrapper CommonJS gives a module; the bundle's first line is a "#!" comment.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.startsWith('#!') ? '//' : ''}${source}\n})`;
  // Making a cache starts from the one made so far: runs of different commands add up.
  const cachedData = readCache(cacheOut || cacheFile);
  // No importModuleDynamically: the build checks that the bundle has no import() left.
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  say(cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used');
  if (cacheOut) process.on('exit', () => writeAtomically(cacheOut, script.createCachedData()));
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext()(module.exports, Module.createRequire(bundle), module, bundle, __dirname);
}

if (typeof Module.enableCompileCache === 'function' && !cacheOut) {
  Module.enableCompileCache();
  say('Node\'s compile cache');
  try {
    fs.accessSync(bundle, fs.constants.R_OK);
  } catch (error) {
    bundleUnreadable(error);
  }
  require(bundle);
} else {
  runWithCodeCache();
}
