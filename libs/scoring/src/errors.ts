/** A caller passed something the engine cannot score with (a non-finite time, impossible close rates). */
export class ScoringInputError extends Error {
  override readonly name = 'ScoringInputError';
  /** The same input fails the same way; fix the caller. */
  readonly retriable = false;
}
