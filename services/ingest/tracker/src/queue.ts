/** One Segment call, as sent in `/v1/batch`. */
export type Call = Record<string, unknown>;

const STORE = 'ls_q';
const BATCH_SIZE = 20;
const MAX_QUEUED = 200;
const FLUSH_AFTER_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

function stored(): Call[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORE) ?? '[]');
    return Array.isArray(saved) ? (saved as Call[]) : [];
  } catch {
    return [];
  }
}

/**
 * Calls waiting for `/v1/batch`. Sent in batches: a second after the first call, at once when a batch
 * is full or the page may be leaving (a form submitted, a link followed), and with
 * `navigator.sendBeacon` when it hides. A network failure, a 5xx or a 429 is retried with exponential
 * backoff; any other answer ends the batch (a 4xx will not change). Calls that could not be sent are
 * kept in localStorage, and the next page of the site sends them (their messageIds make a call sent
 * twice count once). Only those: a write on every call could reach the next page after it had read
 * the storage, which would then send calls again that were already sent.
 */
export class CallQueue {
  private readonly queued: Call[] = stored();
  /** Whether localStorage holds calls (this page's or a previous page's). */
  private persisted = this.queued.length > 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sending = false;
  private failures = 0;
  /**
   * Between pagehide and pageshow: a keepalive fetch outlives the page, but the page's promise of it is
   * rejected as the document goes; that is no failure to store for a retry.
   */
  private leaving = false;

  constructor(
    private readonly endpoint: string,
    private readonly writeKey: string,
  ) {
    addEventListener('pagehide', () => {
      this.leaving = true;
      this.beacon();
    });
    addEventListener('pageshow', () => {
      this.leaving = false;
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.beacon();
    });
    if (this.queued.length > 0) this.schedule(0);
  }

  push(call: Call, now = false): void {
    this.queued.push(call);
    if (this.queued.length > MAX_QUEUED) this.queued.splice(0, this.queued.length - MAX_QUEUED);
    if (now || this.queued.length >= BATCH_SIZE) this.send();
    else if (this.timer === undefined) this.schedule(FLUSH_AFTER_MS);
  }

  /** Consent withdrawn: nothing queued is sent. */
  clear(): void {
    this.queued.length = 0;
    this.save();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, delayMs);
  }

  private body(batch: Call[]): string {
    return JSON.stringify({ writeKey: this.writeKey, sentAt: new Date().toISOString(), batch });
  }

  private save(): void {
    try {
      this.persisted = this.queued.length > 0;
      if (this.persisted) localStorage.setItem(STORE, JSON.stringify(this.queued));
      else localStorage.removeItem(STORE);
    } catch {
      // storage full or disabled: the calls stay in memory
    }
  }

  /** One batch at a time with fetch (keepalive: it outlives the page). */
  private send(): void {
    if (this.sending || this.queued.length === 0) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queued.splice(0, BATCH_SIZE);
    this.sending = true;
    const settled = (retry: boolean): void => {
      this.sending = false;
      if (this.leaving) return;
      if (retry) {
        this.queued.unshift(...batch);
        this.save();
        this.failures += 1;
        const backoff = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** this.failures);
        this.schedule(backoff * (0.5 + Math.random() / 2));
      } else {
        if (this.persisted) this.save();
        this.failures = 0;
        if (this.queued.length > 0) this.schedule(0);
      }
    };
    fetch(this.endpoint, {
      method: 'POST',
      body: this.body(batch),
      keepalive: true,
      credentials: 'omit',
    }).then(
      (response) => settled(response.status >= 500 || response.status === 429),
      () => settled(true),
    );
  }

  /**
   * The page is hiding and may not come back: what is queued goes to the browser's beacon queue. Not
   * while ingest is failing (a beacon's outcome is unknown): then the calls are stored for the next page.
   */
  private beacon(): void {
    while (this.failures === 0 && typeof navigator.sendBeacon === 'function' && this.queued.length > 0) {
      const batch = this.queued.slice(0, BATCH_SIZE);
      if (!navigator.sendBeacon(this.endpoint, this.body(batch))) break;
      this.queued.splice(0, batch.length);
    }
    this.save();
  }
}
