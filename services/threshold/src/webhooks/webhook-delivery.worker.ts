import { performance } from 'node:perf_hooks';
import {
  admitAttempt,
  blockedUntil,
  decideAfterAttempt,
  isRetriable,
  recordAttempt,
  signWebhook,
  CLOSED_CIRCUIT,
  type CircuitPolicy,
  type CircuitState,
  type RetryPolicy,
} from '@leadscore/lifecycle';
import { type ThresholdMetrics, type Logger, type MetricsOf } from '@leadscore/observability';
import {
  webhookDeliveryRepository,
  type ClaimedWebhookDelivery,
  type DataSource,
} from '@leadscore/persistence';
import { openWebhookSecret, SettingsDecryptionError, type SettingsCipher } from '@leadscore/access';
import { sendWebhook, type SentAttempt, type WebhookTargetGuard } from '@leadscore/webhooks';

export interface WebhookWorkerOptions {
  readonly retry: RetryPolicy;
  readonly circuit: CircuitPolicy;
  readonly timeoutMs: number;
  /**
   * The SSRF guard (libs/webhooks): every attempt resolves and checks its URL again and connects to the
   * checked address only; a refused target is dead-lettered with the reason.
   */
  readonly guard: WebhookTargetGuard;
  /** Opens the subscriptions' sealed signing secrets (SETTINGS_ENCRYPTION_KEY, as the api's). */
  readonly settingsCipher: SettingsCipher;
  /** A claimed delivery belongs to this worker until then; after a crash it is retried by anyone. */
  readonly leaseMs: number;
  readonly pollMs: number;
  /** Attempts in flight per subscription (endpoint). */
  readonly endpointConcurrency: number;
  /** Attempts in flight in all. */
  readonly concurrency: number;
  readonly logger: Logger;
  readonly metrics?: MetricsOf<typeof ThresholdMetrics>;
  /** Milliseconds since the epoch; injected so tests can run a whole retry schedule without waiting. */
  readonly clock?: () => number;
  /** [0, 1) for the backoff jitter. */
  readonly random?: () => number;
}

const retryReason = (statusCode: number | null, error: string | null): string =>
  statusCode === 429
    ? 'status_429'
    : statusCode !== null
      ? 'status_5xx'
      : error?.startsWith('no response')
        ? 'timeout'
        : 'network';

/**
 * Delivers due webhooks: claims them from PostgreSQL with a lease (`FOR UPDATE SKIP LOCKED`), signs and
 * sends each (Standard Webhooks), logs the attempt and settles it (delivered, retry later, dead letter).
 * A process killed mid-attempt leaves its claims to expire; they are sent again with the same
 * webhook-id, and receivers dedupe by it.
 */
export class WebhookDeliveryWorker {
  private readonly circuits = new Map<string, CircuitState>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly clock: () => number;
  private readonly random: () => number;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  /** Deliveries were enqueued while the loop was busy: it looks again before waiting. */
  private enqueuedMeanwhile = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WebhookWorkerOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Deliveries were just committed: the loop looks for them now instead of at its next poll (the poll
   * stays, for deliveries other processes enqueue and retries that come due).
   */
  notifyEnqueued(): void {
    if (this.wake) this.wake();
    else this.enqueuedMeanwhile = true;
  }

  /** Stops claiming and waits for the attempts in flight to settle. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  get openCircuits(): number {
    let n = 0;
    for (const c of this.circuits.values()) if (c.state !== 'closed') n += 1;
    return n;
  }

  /** Claims and attempts every delivery due now, until none is left; returns how many attempts were made. */
  async deliverDue(): Promise<number> {
    let attempted = 0;
    for (;;) {
      const claimed = await this.claim(this.options.concurrency);
      if (claimed.length === 0) return attempted;
      await Promise.all(claimed.map((d) => this.attempt(d)));
      attempted += claimed.length;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      let claimed: ClaimedWebhookDelivery[] = [];
      if (free > 0) {
        try {
          claimed = await this.claim(free);
        } catch (error) {
          this.options.logger.error(
            { err: error instanceof Error ? error.message : String(error) },
            'claiming webhook deliveries failed',
          );
        }
      }
      for (const delivery of claimed) {
        const attempt: Promise<void> = this.attempt(delivery)
          .catch((error: unknown) =>
            this.options.logger.error(
              { webhookId: delivery.webhookId, err: error instanceof Error ? error.message : String(error) },
              'webhook attempt could not be recorded; its lease expires and it is retried',
            ),
          )
          .finally(() => {
            this.inFlight.delete(attempt);
            this.wake?.();
          });
        this.inFlight.add(attempt);
      }
      const lookAgain = this.enqueuedMeanwhile && this.inFlight.size < this.options.concurrency;
      this.enqueuedMeanwhile = false;
      if (!lookAgain && (claimed.length === 0 || this.inFlight.size >= this.options.concurrency)) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  private async claim(limit: number): Promise<ClaimedWebhookDelivery[]> {
    const now = this.clock();
    const excluded = [...this.circuits]
      .filter(([, c]) => blockedUntil(c, now) !== undefined)
      .map(([id]) => id);
    const claimed = await webhookDeliveryRepository.claimDue(this.dataSource.manager, {
      now: new Date(now),
      leaseUntil: new Date(now + this.options.leaseMs),
      limit,
      perEndpoint: this.options.endpointConcurrency,
      excludedSubscriptions: excluded,
    });
    const admitted: ClaimedWebhookDelivery[] = [];
    const refused: string[] = [];
    for (const delivery of claimed) {
      const admission = admitAttempt(this.circuits.get(delivery.subscriptionId) ?? CLOSED_CIRCUIT, now);
      this.circuits.set(delivery.subscriptionId, admission.circuit);
      if (admission.allowed) admitted.push(delivery);
      else refused.push(delivery.id);
    }
    // A half-open endpoint takes one probe at a time: the rest wait for its result.
    await webhookDeliveryRepository.release(
      this.dataSource.manager,
      refused,
      new Date(now + this.options.pollMs),
    );
    this.options.metrics?.openCircuits.set(this.openCircuits);
    return admitted;
  }

  /**
   * The delivery's signing secrets, opened; or, when one cannot be opened (sealed under a key this
   * process lacks, or changed), the attempt that was never sent: dead-lettered with the reason.
   */
  private openSecrets(delivery: ClaimedWebhookDelivery): string[] | SentAttempt {
    const owner = { workspaceId: delivery.workspaceId, subscriptionId: delivery.subscriptionId };
    try {
      return delivery.secrets.map((stored) => openWebhookSecret(this.options.settingsCipher, stored, owner));
    } catch (error) {
      if (!(error instanceof SettingsDecryptionError)) throw error;
      const reason = `not sent: ${error.message}`;
      return {
        result: { kind: 'refused', reason },
        statusCode: null,
        responseExcerpt: null,
        error: reason,
        address: null,
      };
    }
  }

  private async attempt(delivery: ClaimedWebhookDelivery): Promise<void> {
    const attempt = delivery.attempts + 1;
    const startedAt = this.clock();
    const body = JSON.stringify(delivery.payload);
    const started = performance.now();
    const secrets = this.openSecrets(delivery);
    const sent: SentAttempt = Array.isArray(secrets)
      ? await sendWebhook(
          this.options.guard,
          delivery.url,
          signWebhook(secrets, delivery.webhookId, Math.floor(startedAt / 1000), body),
          body,
          this.options.timeoutMs,
        )
      : secrets;
    const latencyMs = performance.now() - started;
    const finishedAt = this.clock();
    const decision = decideAfterAttempt(this.options.retry, attempt, sent.result, this.random, finishedAt);
    const answered = sent.result.kind === 'response' && !isRetriable(sent.result);
    this.circuits.set(
      delivery.subscriptionId,
      recordAttempt(
        this.options.circuit,
        this.circuits.get(delivery.subscriptionId) ?? CLOSED_CIRCUIT,
        answered,
        finishedAt,
      ),
    );
    const outcome =
      decision.action === 'delivered'
        ? 'delivered'
        : decision.action === 'retry'
          ? 'retrying'
          : 'dead_lettered';
    const log = {
      deliveryId: delivery.id,
      attempt,
      startedAt: new Date(startedAt),
      latencyMs,
      statusCode: sent.statusCode,
      outcome,
      responseExcerpt: sent.responseExcerpt,
      error: sent.error,
    } as const;
    const what = sent.statusCode !== null ? `HTTP ${sent.statusCode}` : (sent.error ?? 'failed');
    await this.dataSource.transaction((sql) =>
      webhookDeliveryRepository.settle(
        sql,
        log,
        decision.action === 'delivered'
          ? { status: 'delivered' }
          : decision.action === 'retry'
            ? { status: 'retry', nextAttemptAt: new Date(finishedAt + decision.delayMs), error: what }
            : { status: 'dead', error: decision.reason },
      ),
    );
    const metrics = this.options.metrics;
    if (metrics) {
      metrics.webhookDeliveries.inc({ result: outcome });
      metrics.webhookDeliveryDuration.observe({ result: outcome }, latencyMs / 1000);
      if (decision.action === 'retry')
        metrics.webhookRetries.inc({ reason: retryReason(sent.statusCode, sent.error) });
      metrics.openCircuits.set(this.openCircuits);
    }
    const fields = {
      webhookId: delivery.webhookId,
      subscription: delivery.subscriptionId,
      workspace: delivery.workspaceId,
      attempt,
      status: sent.statusCode,
    };
    if (decision.action === 'dead-letter')
      this.options.logger.warn({ ...fields, reason: decision.reason }, 'webhook dead-lettered');
    else if (decision.action === 'retry')
      this.options.logger.info(
        { ...fields, error: what, delayMs: decision.delayMs },
        'webhook attempt failed; retrying',
      );
  }
}
