/**
 * Fixing: apply the safe fixes of a file's findings, lint again, repeat
 * until nothing changes; then ask the tree guard whether the fixed text
 * publishes to the same document tree as the original, and only then
 * write it — atomically, so an interrupted run never leaves half a file.
 *
 * The guard is a function the caller plugs in (the engine's publish and a
 * tree comparison). Without one, nothing here claims the tree was checked:
 * the outcome says `guard: 'none'`.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Diagnostic, Fix, TextEdit } from './diagnostic.js';

export type GuardVerdict = { readonly equal: true } | { readonly equal: false; readonly reason: string };

export interface GuardContext {
  /** Absolute path of the file. */
  readonly path: string;
  /** The repository root (includes stay under it; Sphinx's source directory). */
  readonly root?: string;
  /** Sphinx extensions the repository loads. */
  readonly extensions?: readonly string[];
}

/** Decides whether `fixed` means the same document as `original`. */
export type TreeGuard = (original: string, fixed: string, context: GuardContext) => GuardVerdict;

/** Most passes before giving up on convergence (each pass applies every non-overlapping fix). */
export const MAX_FIX_PASSES = 10;

function overlaps(left: TextEdit, right: TextEdit): boolean {
  if (left.start === right.start) return true;
  return left.start < right.end && right.start < left.end;
}

/**
 * Applies whole fixes (all edits of a fix or none), skipping any fix that
 * overlaps one already taken; a later pass picks it up.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const accepted: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    if (fix.edits.some((edit) => accepted.some((other) => overlaps(edit, other)))) continue;
    accepted.push(...fix.edits);
    applied++;
  }
  accepted.sort((left, right) => right.start - left.start || right.end - left.end);
  let out = text;
  for (const edit of accepted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, applied };
}

export interface FixOutcome {
  readonly text: string;
  /** Fixes applied over all passes. */
  readonly applied: number;
  readonly passes: number;
  /** False when fixes were still being produced after MAX_FIX_PASSES. */
  readonly converged: boolean;
  /** The findings of the final text. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Applies safe fixes until the text stops changing. `lint` lints a text and returns its findings. */
export function fixUntilStable(text: string, lint: (text: string) => readonly Diagnostic[]): FixOutcome {
  let current = text;
  let diagnostics = lint(current);
  let applied = 0;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const fixes = diagnostics.flatMap((diagnostic) =>
      diagnostic.fix && diagnostic.fix.applicability === 'safe' ? [diagnostic.fix] : [],
    );
    if (fixes.length === 0) return { text: current, applied, passes: pass - 1, converged: true, diagnostics };
    const result = applyFixes(current, fixes);
    if (result.text === current) return { text: current, applied, passes: pass - 1, converged: true, diagnostics };
    current = result.text;
    applied += result.applied;
    diagnostics = lint(current);
  }
  const remaining = diagnostics.some((diagnostic) => diagnostic.fix?.applicability === 'safe');
  return { text: current, applied, passes: MAX_FIX_PASSES, converged: !remaining, diagnostics };
}

/**
 * Replaces a file's content atomically: writes a temporary file beside it
 * (same directory, so the rename stays on one file system), flushes it,
 * keeps the original's permissions and renames it over the original.
 * Symbolic links are followed: the link stays, its target is replaced.
 */
export function writeFileAtomic(path: string, text: string): void {
  const target = realpathSync(path);
  const mode = statSync(target).mode & 0o7777;
  const temporary = join(dirname(target), `.${basename(target)}.specwright-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', mode);
    fchmodSync(descriptor, mode);
    writeSync(descriptor, text);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, target);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
}
