/**
 * The exit status of every `leadscore` command, the same for all of them (documented in the README),
 * so scripts and CI can tell a failure's kind without reading the message.
 */
export const ExitCode = {
  ok: 0,
  /** A bug in the command itself: the message says what happened. */
  unexpected: 1,
  /** The command line is wrong: unknown command or option, a missing argument. */
  usage: 2,
  /** What was sent is not valid: a model with problems, a request the api refused (400, 413, 422). */
  invalid: 3,
  /** No key, or one the api does not know or that was revoked (401). */
  unauthenticated: 4,
  /** The key lacks the scope the command needs (403). */
  forbidden: 5,
  /** No such thing in the key's workspace (404), or no such file. */
  notFound: 6,
  /** The change conflicts with what exists (409): e.g. a model version not above the live one. */
  conflict: 7,
  /** The api or the network failed (5xx, 429 after retries, connection refused): retrying may help. */
  unavailable: 8,
} as const;

export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];

/** A failed command: its exit status and what to tell the user. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly status: ExitStatus,
    message: string,
    /** The api's problem details, for --json. */
    readonly problem?: Record<string, unknown>,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
