/**
 * One document through `specwright doctree`: read, parse or publish, render
 * pseudo-XML, and write it (with --out). Shared by the main thread and the
 * worker threads that process long file lists in parallel.
 */
import { isAbsolute, join, relative } from 'node:path';
import { DocumentTooLargeError } from '../rst/memory-guard.js';
import { parseDocument } from '../rst/parse.js';
import { publish } from '../rst/publish.js';
import { toPseudoXml } from '../rst/writers/pseudoxml.js';
import { sharedRegistry, type ProfileName } from '../rst/profiles/index.js';
import { sphinxWarnings } from '../rst/sphinx/environment.js';
import { UserError } from './errors.js';
import { readSourceFile } from './read-input.js';
import type { OutputSink } from './output-files.js';

export interface DoctreeJob {
  reportLevel: number;
  haltLevel: number;
  /** Absolute directory include/raw files must stay in. */
  root: string;
  profile: ProfileName;
  /** The sphinx profile's extensions (the repository's conf.py); undefined: the OpenStack set. */
  extensions?: string[];
  parserOnly: boolean;
  /** Output directory; undefined: the caller prints. */
  out?: string;
  debug: boolean;
}

/** What a doctree worker thread is given: all the paths, and a shared counter of the next one to take. */
export interface DoctreeWorkerInput {
  paths: string[];
  job: DoctreeJob;
  counter: Int32Array;
}

/** Results a worker posts together: `results[i]` is the result for `paths[indexes[i]]`. */
export interface DoctreeResultBatch {
  indexes: number[];
  results: DoctreeResult[];
}

export interface DoctreeResult {
  /** One line for stderr when the file could not be processed. */
  error?: string;
  /** Pseudo-XML and warning stream, when not written to --out. */
  tree?: string;
  messages?: string;
}

/** Where --out puts a document's outputs (without extension). */
export function outputBase(outDir: string, path: string): string {
  let relativePath = isAbsolute(path) ? relative(process.cwd(), path) : path;
  if (relativePath.startsWith('..') || isAbsolute(relativePath)) relativePath = relativePath.replace(/^(\.\.\/|\/)+/, '');
  const stem = relativePath.endsWith('.rst') ? relativePath.slice(0, -4) : relativePath;
  return join(outDir, stem);
}

/** Reads, publishes and renders one document; with --out, hands its files to `sink`. */
export function processDoctreeFile(path: string, job: DoctreeJob, sink: OutputSink): DoctreeResult {
  let text: string;
  try {
    // docutils-oracle reads a file as Python's 'utf-8' codec does, byte order
    // mark included, and docutils keeps it; Sphinx reads with 'utf-8-sig'.
    text = readSourceFile(path, { keepByteOrderMark: job.profile === 'docutils' });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { error: `specwright: ${error.describe()}` };
  }
  let messages = '';
  const settings = {
    reportLevel: job.reportLevel,
    haltLevel: job.haltLevel,
    root: job.root,
    syntaxHighlight: 'none' as const,
    warningStream: (chunk: string) => {
      messages += chunk;
    },
  };
  const registry = sharedRegistry(job.profile, job.extensions ? { extensions: job.extensions } : {});
  let tree: string;
  try {
    // Pseudo-XML shows no positions: the parse need not record them.
    const document = job.parserOnly
      ? parseDocument(text, { sourcePath: path, settings, registry, positions: false })
      : publish(text, { sourcePath: path, settings, registry, positions: false }).document;
    tree = toPseudoXml(document);
    // The sphinx profile: Sphinx's own warnings follow docutils' stream, worded as Sphinx prints them.
    for (const warning of sphinxWarnings(document)) {
      const location = warning.source === null ? '' : `${warning.source}:${warning.line ?? ''}: `;
      messages += `${location}WARNING: ${warning.message}\n`;
    }
  } catch (error) {
    if (error instanceof DocumentTooLargeError) return { error: `specwright: ${path}: ${error.message}` };
    const detail = job.debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    return { error: `specwright: ${path}: internal error: ${(error as Error).message}${detail}` };
  }
  if (!job.out) return { tree, messages };
  const error = sink.write({ base: outputBase(job.out, path), tree, messages });
  return error ? { error } : {};
}
