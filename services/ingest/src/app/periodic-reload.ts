/**
 * Runs `load` now and then every `everyMs`, one load at a time (a reload asked for while one runs joins
 * it). What ingest keeps in memory from PostgreSQL — keys and settings, contact aliases — reloads so.
 * `load` handles its own failures (it keeps what it had and logs).
 */
export class PeriodicReload {
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly load: () => Promise<void>,
    private readonly everyMs: number,
  ) {}

  /** Loads now and keeps reloading; waits for that first load at most `firstLoadWaitMs`. */
  async start(firstLoadWaitMs = Number.POSITIVE_INFINITY): Promise<void> {
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      this.reload(),
      ...(Number.isFinite(firstLoadWaitMs)
        ? [
            new Promise<void>((resolve) => {
              waited = setTimeout(resolve, firstLoadWaitMs);
            }),
          ]
        : []),
    ]);
    clearTimeout(waited);
    this.timer = setInterval(() => void this.reload(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.loading;
  }

  /** Loads now (or joins the load under way). */
  reload(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }
}
