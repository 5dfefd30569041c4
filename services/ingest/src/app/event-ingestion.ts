import { Inject, Injectable } from '@nestjs/common';
import { createEventValidator, type EventValidator, type IdentityRules } from '@leadscore/contracts';
import { IngestMetrics, registerMetrics, type MetricsOf } from '@leadscore/observability';
import { TokenBucketLimiter } from '@leadscore/service-kit';
import { Registry } from 'prom-client';
import type { KeyKind } from '../auth/workspace-key.js';
import { deadLettersOf } from '../batch/dead-letter.js';
import { checkBatch, type AcceptedEvent, type EventResult } from '../batch/event-batch.js';
import { fail } from '../http/problem-details.js';
import { senderResults, type IgnoredResult, type ProviderDelivery } from '../providers/provider-receipt.js';
import { EventPublisher } from './event.publisher.js';
import type { IngestChannel } from './ingest-channel.js';
import { INGEST_SETTINGS, type IngestSettings } from './ingest.settings.js';
import { CLOCK, CONTACT_ALIASES, type Clock } from './ingest.tokens.js';
import { type ContactAliases } from '../identity/contact-aliases.js';
import { stitchIdentities } from '../identity/stitching.js';

export interface IngestCommand {
  readonly channel: IngestChannel;
  readonly workspace: string;
  readonly keyKind: KeyKind;
  readonly identity: IdentityRules;
  /** CloudEvents source for candidates without one, e.g. `/v1/events`. */
  readonly defaultSource: string;
  /** Canonical-shaped objects, or MappingFailures holding their place. */
  readonly candidates: readonly unknown[];
  /**
   * A provider webhook: where in the delivery each candidate came from (results carry those
   * positions) and the provider events ignored on purpose (listed and counted).
   */
  readonly delivery?: ProviderDelivery;
  /** Indexes of candidates whose id ingest derived (Segment calls without messageId): results say so. */
  readonly derivedIds?: ReadonlySet<number>;
}

/** One result per input (per produced event for a provider delivery), in input order. */
export type ReceiptResult = EventResult | IgnoredResult;

export interface IngestReceipt {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Provider events that map to no lead event on purpose; always 0 outside provider webhooks. */
  readonly ignored: number;
  readonly results: readonly ReceiptResult[];
}

/**
 * The one application function of ingest: rate-limit, check every event on its own, put the valid
 * ones on Kafka, and answer per event. Controllers only translate HTTP to this command.
 */
@Injectable()
export class EventIngestion {
  private readonly validator: EventValidator = createEventValidator();
  private readonly limiter: TokenBucketLimiter;
  private readonly metrics: MetricsOf<typeof IngestMetrics>;
  /** The last receipt time and its RFC 3339 form: under load many requests share a millisecond. */
  private receivedAt = { ms: Number.NaN, text: '' };

  constructor(
    private readonly publisher: EventPublisher,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONTACT_ALIASES) private readonly aliases: ContactAliases,
    registry: Registry,
  ) {
    this.limiter = new TokenBucketLimiter({
      perSecond: settings.rateLimit.eventsPerSecond,
      burst: settings.rateLimit.burst,
    });
    this.metrics = registerMetrics(registry, IngestMetrics);
  }

  /** A forged, unsigned or malformed pixel: served, never produced, counted. */
  /** A pixel or click link that was unsigned, malformed or forged: counted, never produced. */
  countRejected(channel: 'pixel' | 'link'): void {
    this.metrics.receivedEvents.inc({ source: channel, result: 'rejected' });
  }

  /** Checks the events and answers only once Kafka acknowledged the accepted ones (503 otherwise). */
  async execute(command: IngestCommand): Promise<IngestReceipt> {
    const { receipt, accepted } = this.check(command);
    await this.publisher.publish(accepted);
    if (accepted.length > 0)
      this.metrics.receivedEvents.inc({ source: command.channel, result: 'accepted' }, accepted.length);
    return receipt;
  }

  /**
   * Checks the events and hands the accepted ones to Kafka without waiting for the ack, for a caller
   * whose answer does not depend on it (the pixel); see EventPublisher.publishDetached. Synchronous
   * (throws the problem like `execute`); returns a promise only when the caller must wait
   * (back-pressure).
   */
  submit(command: IngestCommand): Promise<void> | undefined {
    const { accepted } = this.check(command);
    return this.publisher.publishDetached(accepted, command.channel);
  }

  /** Rate limit and per-event check; throws the problem for a request with no acceptable event. */
  private check(command: IngestCommand): {
    readonly receipt: IngestReceipt;
    readonly accepted: readonly AcceptedEvent[];
  } {
    const nowMs = this.clock();
    const rate = this.limiter.take(command.workspace, Math.max(1, command.candidates.length), nowMs);
    if (!rate.allowed) {
      fail(
        'rate-limited',
        `Workspace ${command.workspace} sent more than ${this.settings.rateLimit.eventsPerSecond} events per second; retry after ${rate.retryAfterSeconds} s.`,
        {
          retryAfterSeconds: rate.retryAfterSeconds,
        },
      );
    }
    const { results: checked, accepted } = checkBatch(command.candidates, {
      workspace: command.workspace,
      keyKind: command.keyKind,
      defaultSource: command.defaultSource,
      receivedAt: this.receivedAtText(nowMs),
      identity: command.identity,
      maxEventBytes: this.settings.maxEventBytes,
      validator: this.validator,
    });
    const results = withDerivedIds(checked, command.derivedIds);
    const { delivery } = command;
    const receipt = summarize(delivery ? senderResults(results, delivery) : results);
    if (delivery)
      for (const event of delivery.ignored)
        this.metrics.ignoredEvents.inc({ provider: delivery.provider, kind: event.label });
    if (receipt.rejected > 0)
      this.publisher.deadLetter(
        deadLettersOf(command.candidates, results),
        command.workspace,
        command.channel,
      );
    const counter = this.metrics.receivedEvents;
    if (receipt.rejected > 0) counter.inc({ source: command.channel, result: 'rejected' }, receipt.rejected);
    if (receipt.duplicates > 0)
      counter.inc({ source: command.channel, result: 'duplicate' }, receipt.duplicates);
    if (accepted.length === 0 && results.length > 0) {
      const forbidden = results.every((r) => r.status === 'rejected' && r.reason === 'forbidden');
      fail(
        forbidden ? 'forbidden' : 'invalid-events',
        `None of the ${results.length} events was accepted${receipt.ignored > 0 ? ` (${receipt.ignored} more ignored on purpose)` : ''}; each result says which field is wrong and what it expects.`,
        {
          results: receipt.results,
        },
      );
    }
    return { receipt, accepted: stitchIdentities(accepted, this.aliases) };
  }

  private receivedAtText(nowMs: number): string {
    if (this.receivedAt.ms !== nowMs) this.receivedAt = { ms: nowMs, text: new Date(nowMs).toISOString() };
    return this.receivedAt.text;
  }
}

function withDerivedIds(results: EventResult[], derivedIds: ReadonlySet<number> | undefined): EventResult[] {
  if (!derivedIds || derivedIds.size === 0) return results;
  return results.map((result) =>
    derivedIds.has(result.index) && result.id !== undefined ? { ...result, idDerived: true } : result,
  );
}

function summarize(results: readonly ReceiptResult[]): IngestReceipt {
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  let ignored = 0;
  for (const r of results) {
    if (r.status === 'accepted') accepted += 1;
    else if (r.status === 'duplicate') duplicates += 1;
    else if (r.status === 'ignored') ignored += 1;
    else rejected += 1;
  }
  return { accepted, duplicates, rejected, ignored, results };
}
