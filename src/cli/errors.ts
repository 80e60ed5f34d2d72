/**
 * User-facing errors: a code, the file concerned and a one-line message.
 * The CLI prints them without a stack trace and sets the exit code.
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }

  /** "FILE: message" or just the message. */
  describe(): string {
    return this.file ? `${this.file}: ${this.message}` : this.message;
  }
}

/** Exit codes shared by all commands. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
