/**
 * Reading the documents named on the command line. Problems come back as a
 * UserError naming the file, so one bad file never stops the others.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { decodeSource, type DecodeOptions } from '../rst/source.js';
import { UserError } from './errors.js';
import { describeFsError } from '../util/fs-errors.js';

/** Largest document accepted (docutils has no limit, but a spec over this is surely not a spec). */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

export function readSourceFile(path: string, options: DecodeOptions = {}): string {
  // One open, then fstat and read on the descriptor: a path lookup fewer
  // than stat-then-read, which shows over hundreds of files.
  let bytes: Buffer;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw new UserError('input-directory', 'is a directory, not a file', path);
    if (stats.size > MAX_SOURCE_BYTES) {
      throw new UserError('input-too-large', `is ${stats.size} bytes; the limit is ${MAX_SOURCE_BYTES}`, path);
    }
    bytes = readFileSync(descriptor);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('input-unreadable', describeFsError(error), path);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  const decoded = decodeSource(bytes, options);
  if (!decoded.ok) throw new UserError('input-not-text', decoded.problem, path);
  return decoded.text;
}

