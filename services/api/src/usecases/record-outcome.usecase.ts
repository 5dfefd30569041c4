import {
  CLOUDEVENTS_SPEC_VERSION,
  createEventValidator,
  normalizeSubject,
  type CanonicalEventOf,
  type OutcomeEventType,
  type OutcomeRecorded,
  type RecordOutcomeRequest,
} from '@leadscore/contracts';
import { auditLogRepository } from '@leadscore/persistence';
import { createHash, randomUUID } from 'node:crypto';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail, failRetryable } from '../http/problem-details.js';
import { API_EVENT_SOURCE, PUBLISH_RETRY_AFTER_SECONDS, publishEvent } from './publish-event.js';

/** How far `occurredAt` may be ahead of the api's clock (clients' clocks drift). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface RecordOutcomeCommand {
  /** The `{contact}` of the path, as sent (normalised here). */
  readonly contact: string;
  /** The `Idempotency-Key` header, already checked by the controller. */
  readonly idempotencyKey: string | undefined;
  readonly body: RecordOutcomeRequest;
}

/**
 * The event id of an outcome: with an Idempotency-Key, derived from workspace, contact, type and key,
 * so that a retried request publishes the same id and counts once downstream (the scorer and the
 * threshold service dedupe by id); without one, random.
 */
export function outcomeEventId(
  workspace: string,
  contact: string,
  type: OutcomeEventType,
  idempotencyKey: string | undefined,
): string {
  if (idempotencyKey === undefined) return `outcome-${randomUUID()}`;
  const digest = createHash('sha256')
    .update(JSON.stringify(['outcome', workspace, contact, type, idempotencyKey]))
    .digest('hex');
  return `outcome-${digest.slice(0, 32)}`;
}

/**
 * Records what sales or the business did with a contact (sales accepted or rejected it, it converted,
 * the deal was won or lost) as one `outcome.<type>` event on leads.events.v1, keyed like every event of
 * the contact, and the audit row `outcome.recorded` — in one transaction that commits only once Kafka
 * acknowledged the event (503 otherwise, and no audit row). The contact need not be known yet: events
 * are asynchronous, and a contact never scored has no lifecycle for sales acceptance to move.
 */
export class RecordOutcome {
  private readonly validator = createEventValidator();

  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, command: RecordOutcomeCommand): Promise<OutcomeRecorded> {
    // The api has no default country for national phone numbers (ingest's INGEST_WORKSPACES has it).
    const contact = normalizeSubject(command.contact, {});
    if (!contact.ok)
      fail(
        'invalid-request',
        `The contact "${command.contact.slice(0, 80)}" in the path is not a contact key: expected ${contact.expected}. Phone numbers need their country code (phone:+14155550100); percent-encode the key if it holds "/" or "?".`,
        [{ field: '{contact}', expected: contact.expected }],
      );
    const now = this.context.now();
    const occurredAt = this.occurredAt(command.body.occurredAt, now);
    const type: OutcomeEventType = `outcome.${command.body.type}`;
    const { amount, currency, reason } = command.body;
    const event: CanonicalEventOf<OutcomeEventType> = {
      specversion: CLOUDEVENTS_SPEC_VERSION,
      id: outcomeEventId(caller.workspaceId, contact.value, type, command.idempotencyKey),
      source: API_EVENT_SOURCE,
      type,
      time: occurredAt,
      subject: contact.value,
      workspace: caller.workspaceId,
      datacontenttype: 'application/json',
      data: {
        ...(amount !== undefined ? { amount } : {}),
        ...(currency !== undefined ? { currency } : {}),
        ...(reason !== undefined ? { reason } : {}),
        actor: { key_id: caller.actor },
      },
    };
    const validation = this.validator.validate(event);
    if (!validation.valid)
      throw new Error(`built an outcome event its schema refuses: ${JSON.stringify(validation.issues)}`);

    await this.context.dataSource.transaction(async (sql) => {
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'outcome.recorded',
          target: contact.value,
          details: {
            eventId: event.id,
            type,
            occurredAt,
            idempotent: command.idempotencyKey !== undefined,
            ...(amount !== undefined ? { amount, currency } : {}),
          },
          at: now,
        },
      ]);
      await this.publish(event);
    });
    return {
      eventId: event.id,
      eventType: type,
      contact: contact.value,
      occurredAt,
      idempotent: command.idempotencyKey !== undefined,
    };
  }

  private occurredAt(given: string | undefined, now: Date): string {
    if (given === undefined) return now.toISOString();
    const at = Date.parse(given);
    if (Number.isNaN(at))
      fail('invalid-request', `occurredAt: expected an RFC 3339 date-time such as 2026-04-01T09:00:00Z.`, [
        { field: 'occurredAt', expected: 'an RFC 3339 date-time' },
      ]);
    if (at > now.getTime() + MAX_FUTURE_SKEW_MS)
      fail(
        'invalid-request',
        `occurredAt: expected a time at most 5 minutes after now (${now.toISOString()}); an outcome cannot happen in the future. Leave it out to use the time of the request.`,
        [{ field: 'occurredAt', expected: 'a time not in the future' }],
      );
    return new Date(at).toISOString();
  }

  private async publish(event: CanonicalEventOf<OutcomeEventType>): Promise<void> {
    try {
      await publishEvent(this.context, event);
    } catch (error) {
      failRetryable(
        'unavailable',
        `Kafka did not acknowledge the outcome (${error instanceof Error ? error.message : String(error)}); it is not recorded. Retry after ${PUBLISH_RETRY_AFTER_SECONDS} s with the same Idempotency-Key, so that it counts once.`,
        PUBLISH_RETRY_AFTER_SECONDS,
      );
    }
  }
}
