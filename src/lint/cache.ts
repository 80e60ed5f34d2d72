/**
 * The results cache of `specwright lint --cache` (ESLint's `--cache`):
 * repeated runs — a pre-commit hook, an editor, CI on a warm runner — skip
 * the files that have not changed since the last run.
 *
 * A file's findings are reused when all of these are unchanged:
 *   - the file's bytes (SHA-256 of the content, not its mtime: git
 *     checkouts and editors touch files without changing them);
 *   - its effective configuration (see `settingsKey` in the runner: the
 *     rules with their severities and options after per-file ignores, the
 *     repository's whole configuration, its template's text, the Sphinx
 *     extensions, the file's path);
 *   - specwright's version and build (package.json's version, plus the
 *     sizes and modification times of specwright's own modules, so that a
 *     rebuilt or edited specwright never serves findings of the old code).
 *
 * Files whose tree depends on other files (`include`, `literalinclude`,
 * `:file:` options, diagram files, `toctree` entries, which name other
 * documents) are never cached: their findings can change while their text
 * does not. Files that could not be read or decoded, or whose check failed,
 * are not cached either.
 *
 * The cache is one JSON file, written atomically (a temporary file renamed
 * over it) after merging the entries another process may have written in
 * the meantime, so concurrent runs (pre-commit runs several) lose nothing
 * but their race; a missing, corrupt or foreign file is an empty cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from './diagnostic.js';
import { SPECWRIGHT_VERSION } from '../util/version.js';

/** The default cache file, at the root of the repository around the current directory. */
export const CACHE_FILE_NAME = '.specwright-cache';

/** Bumped whenever the file's shape changes. */
const CACHE_FORMAT = 1;

/**
 * Constructs that make a document's tree (or Sphinx's warnings about it)
 * depend on other files: include / literalinclude, `:file:` of raw and
 * csv-table, the diagram directives (blockdiag, seqdiag, ... read a file
 * argument), toctree (which documents exist). Matched loosely — a mention
 * in prose only costs a cache miss.
 */
const READS_OTHER_FILES = /include\s*::|toctree\s*::|diag\s*::|:file:/i;

/** Whether a document's findings may depend on files other than itself. */
export function readsOtherFiles(text: string): boolean {
  return READS_OTHER_FILES.test(text);
}

/** SHA-256 of bytes or of a string's UTF-8 encoding, hex. */
export function contentHash(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A finding as stored: without its file name, which depends on how the file was named on the command line. */
export type CachedDiagnostic = Omit<Diagnostic, 'file'>;

interface CacheEntry {
  /** contentHash of the file's bytes. */
  readonly content: string;
  /** Hash of the file's effective configuration. */
  readonly settings: string;
  readonly diagnostics: readonly CachedDiagnostic[];
}

interface CacheFile {
  readonly format: number;
  /** specwright's version and build (see `buildFingerprint`). */
  readonly specwright: string;
  /** Absolute path → entry. */
  readonly files: Record<string, CacheEntry>;
}

let fingerprint: string | undefined;

/**
 * specwright's version plus a hash of the path, size and modification time
 * of every module of the running build (dist/ for users, src/ under tsx).
 */
export function buildFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  // This module sits in <build>/lint/: its parent is the build's root.
  const buildRoot = dirname(dirname(fileURLToPath(import.meta.url)));
  const hash = createHash('sha256');
  const visit = (directory: string): void => {
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(directory, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) visit(path);
      else if (/\.(js|ts|mjs|cjs)$/.test(name)) hash.update(`${relative(buildRoot, path)}\0${stats.size}\0${stats.mtimeMs}\n`);
    }
  };
  visit(buildRoot);
  fingerprint = `${SPECWRIGHT_VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return fingerprint;
}

function readCacheFile(path: string, specwright: string): Record<string, CacheEntry> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
  const file = data as Partial<CacheFile> | null;
  if (!file || typeof file !== 'object' || file.format !== CACHE_FORMAT || file.specwright !== specwright) return {};
  if (!file.files || typeof file.files !== 'object') return {};
  return file.files;
}

export class LintCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly updated = new Map<string, CacheEntry>();
  private readonly specwright = buildFingerprint();

  /** Opens the cache file (which need not exist yet). */
  constructor(readonly file: string) {
    this.entries = readCacheFile(file, this.specwright);
  }

  /** The findings stored for a file with this content and configuration, if any. */
  lookup(path: string, content: string, settings: string): readonly CachedDiagnostic[] | undefined {
    const entry = this.updated.get(path) ?? (Object.prototype.hasOwnProperty.call(this.entries, path) ? this.entries[path] : undefined);
    if (!entry || entry.content !== content || entry.settings !== settings) return undefined;
    return entry.diagnostics;
  }

  store(path: string, content: string, settings: string, diagnostics: readonly Diagnostic[]): void {
    this.updated.set(path, {
      content,
      settings,
      diagnostics: diagnostics.map(({ file: _file, ...rest }) => rest),
    });
  }

  /**
   * Writes the cache: the entries on disk now (another process may have
   * written some since this one read them), this run's over them, entries
   * of files that no longer exist dropped. Throws on a write error.
   */
  save(): void {
    const merged: Record<string, CacheEntry> = { ...this.entries, ...readCacheFile(this.file, this.specwright) };
    for (const [path, entry] of this.updated) merged[path] = entry;
    const files: Record<string, CacheEntry> = {};
    for (const path of Object.keys(merged).sort()) {
      if (this.updated.has(path) || existsSync(path)) files[path] = merged[path]!;
    }
    const data: CacheFile = { format: CACHE_FORMAT, specwright: this.specwright, files };
    const temporary = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${Date.now()}.tmp`);
    try {
      writeFileSync(temporary, JSON.stringify(data));
      renameSync(temporary, this.file);
    } catch (error) {
      try {
        unlinkSync(temporary);
      } catch {
        // never written
      }
      throw error;
    }
  }
}

/**
 * Where `--cache-location` puts the cache: a directory (existing, or named
 * with a trailing separator) gets `.specwright-cache` inside it, as
 * ESLint's `--cache-location` does; anything else is the file itself.
 */
export function cacheFilePath(location: string, cwd: string): string {
  const absolute = resolve(cwd, location);
  const namesDirectory = location.endsWith('/') || location.endsWith(sep);
  let isDirectory = false;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    isDirectory = false;
  }
  return namesDirectory || isDirectory ? join(absolute, CACHE_FILE_NAME) : absolute;
}
