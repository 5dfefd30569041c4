/** One bad or missing variable: its name, the form it should take, and what was found (never a secret). */
export interface ConfigProblem {
  readonly variable: string;
  readonly expected: string;
  /** What was found, as shown to a person: a quoted value, `nothing (not set)`, or a note that a secret is hidden. */
  readonly received: string;
}

/**
 * Thrown by `loadConfig` when the environment does not satisfy a schema. The message lists every
 * problem at once, one line each, so a person fixes them all in one go.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      [
        `Invalid configuration (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`,
        ...problems.map((p) => `  - ${p.variable}: expected ${p.expected}, got ${p.received}`),
      ].join('\n'),
    );
  }
}
