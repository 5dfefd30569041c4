function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Calls `probe` every `everyMs` until `done(value)` holds; resolves with the last value and how long
 * that took (ms). Throws after `withinMs` naming what it waited for and the last value seen: for
 * effects that arrive on a schedule (a reload, a refresh), where a fixed sleep would be flaky or slow.
 */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: {
    readonly withinMs: number;
    readonly everyMs?: number;
    readonly waitingFor: string;
    /** How the last value is shown when it never came (default: its JSON). */
    readonly show?: (value: T) => string;
  },
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    const ms = Date.now() - started;
    if (done(value)) return { value, ms };
    if (ms > options.withinMs)
      throw new Error(
        `waited ${options.withinMs} ms for ${options.waitingFor}; last seen: ${(options.show ?? shown)(value).slice(0, 300)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 25));
  }
}
