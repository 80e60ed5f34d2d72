/**
 * Reading the documents named on the command line. Problems come back as a
 * UserError naming the file, so one bad file never stops the others.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeSource } from '../rst/source.js';
import { UserError } from './errors.js';

/** Largest document accepted (docutils has no limit, but a spec over this is surely not a spec). */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

export function readSourceFile(path: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new UserError('input-directory', 'is a directory, not a file', path);
    size = stats.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('input-unreadable', describeFsError(error), path);
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new UserError('input-too-large', `is ${size} bytes; the limit is ${MAX_SOURCE_BYTES}`, path);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError('input-unreadable', describeFsError(error), path);
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) throw new UserError('input-not-text', decoded.problem, path);
  return decoded.text;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return `cannot read (${code ?? (error as Error).message})`;
  }
}
