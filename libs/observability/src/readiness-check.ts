/** What a readiness check answers: ready, or not with a reason a person can act on. */
export type ReadinessResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface ReadinessCheck {
  /** Shown in the /readyz body: `kafka`, `postgres`, ... */
  readonly name: string;
  /** Aborted when the check times out; a check that throws has failed with the error's message. */
  readonly check: (signal: AbortSignal) => Promise<ReadinessResult>;
  /** Overrides the module's per-check timeout. */
  readonly timeoutMs?: number;
}

export interface ReadinessOutcome {
  readonly ok: boolean;
  readonly reason?: string;
  readonly durationMs: number;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, ReadinessOutcome>>;
}

/** Runs every check at once, each bounded by its timeout; never rejects. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  defaultTimeoutMs: number,
): Promise<ReadinessReport> {
  const outcomes = await Promise.all(
    checks.map(
      async (check) => [check.name, await runOne(check, check.timeoutMs ?? defaultTimeoutMs)] as const,
    ),
  );
  return { ready: outcomes.every(([, outcome]) => outcome.ok), checks: Object.fromEntries(outcomes) };
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<ReadinessOutcome> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<ReadinessResult>((resolve) => {
    timer = setTimeout(() => {
      // Settle first: a check that answers when aborted must not win the race.
      resolve({ ok: false, reason: `timed out after ${timeoutMs} ms` });
      controller.abort(new Error(`readiness check "${check.name}" timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const result = await Promise.race([check.check(controller.signal), timedOut]);
    const durationMs = Math.round(performance.now() - started);
    return result.ok ? { ok: true, durationMs } : { ok: false, reason: result.reason, durationMs };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: reason || 'check threw',
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    clearTimeout(timer);
  }
}
