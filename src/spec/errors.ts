/**
 * Errors a user can fix: a bad configuration file, a template that cannot
 * be read, a path that does not exist. Each has a code, the file concerned
 * and a one-line message; the command line prints them without a stack
 * trace.
 */
export type SpecErrorCode =
  | 'config-not-found'
  | 'config-syntax'
  | 'config-invalid'
  | 'template-unreadable'
  | 'path-not-found';

export class SpecError extends Error {
  constructor(
    readonly code: SpecErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'SpecError';
  }

  /** "FILE: message" or just the message. */
  describe(): string {
    return this.file ? `${this.file}: ${this.message}` : this.message;
  }
}
