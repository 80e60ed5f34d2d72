/**
 * Configuration and repository errors (SpecError) as the command line
 * reports them. Kept apart from ./errors.js so that commands which never
 * read a configuration (doctree's docutils profile, --help) do not load
 * the spec modules.
 */
import { SpecError } from '../spec/errors.js';
import { UserError } from './errors.js';

/** A configuration error is the user's to fix: printed without a stack trace, exit status 2. */
export function asUserError(error: unknown): unknown {
  return error instanceof SpecError ? new UserError(error.code, error.message, error.file) : error;
}
