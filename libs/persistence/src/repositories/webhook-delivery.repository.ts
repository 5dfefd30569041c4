import { type WorkspaceId } from '@leadscore/access';
import { returnedRows, type SqlRunner } from './sql-types.js';

export interface NewWebhookDelivery {
  /** Stable across retries and restarts: the receiver dedupes by it. */
  webhookId: string;
  subscriptionId: string;
  workspaceId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
}

export interface ClaimedWebhookDelivery extends NewWebhookDelivery {
  id: string;
  /** Attempts made before this one. */
  attempts: number;
  url: string;
  secrets: string[];
}

export interface WebhookAttemptLog {
  deliveryId: string;
  attempt: number;
  startedAt: Date;
  latencyMs: number;
  statusCode: number | null;
  outcome: 'delivered' | 'retrying' | 'dead_lettered';
  responseExcerpt: string | null;
  error: string | null;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'dead';

/** A delivery of one contact's transition, with what was sent (a contact's data export). */
export interface ContactWebhookDelivery {
  subscriptionId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  payload: unknown;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** One delivery as the api's delivery log shows it, with every attempt. */
export interface WebhookDeliveryLogEntry {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: WebhookAttemptLog[];
  nextAttemptAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  deadLetteredAt: Date | null;
}

export interface WebhookDeliveryLogPage {
  entries: WebhookDeliveryLogEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

interface DeliveryLogRecord {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  dead_lettered_at: Date | null;
}

interface AttemptRecord {
  delivery_id: string;
  attempt: number;
  started_at: Date;
  latency_ms: number;
  status_code: number | null;
  outcome: WebhookAttemptLog['outcome'];
  response_excerpt: string | null;
  error: string | null;
}

const toAttempt = (r: AttemptRecord): WebhookAttemptLog => ({
  deliveryId: r.delivery_id,
  attempt: r.attempt,
  startedAt: r.started_at,
  latencyMs: r.latency_ms,
  statusCode: r.status_code,
  outcome: r.outcome,
  responseExcerpt: r.response_excerpt,
  error: r.error,
});

export interface ClaimOptions {
  now: Date;
  /** Until when a claimed delivery belongs to this worker; a crashed worker's claims expire then. */
  leaseUntil: Date;
  limit: number;
  /** At most this many deliveries in flight per subscription (endpoint). */
  perEndpoint: number;
  /** Subscriptions whose circuit is open: not claimed. */
  excludedSubscriptions: readonly string[];
}

interface ClaimedRecord {
  id: string;
  webhook_id: string;
  subscription_id: string;
  workspace_id: string;
  event_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  secrets: string[];
}

/** CRM webhook deliveries: enqueued with the transitions, claimed by workers, every attempt logged. */
export const webhookDeliveryRepository = {
  /** Enqueues in one statement; a delivery already enqueued (same subscription and webhook id) is ignored. */
  async enqueue(sql: SqlRunner, deliveries: readonly NewWebhookDelivery[], now: Date): Promise<void> {
    if (deliveries.length === 0) return;
    await sql.query(
      `INSERT INTO webhook_deliveries
         (webhook_id, subscription_id, workspace_id, event_id, event_type, payload, status, next_attempt_at, created_at)
       SELECT i, s, w, e, t, p, 'pending', $7, $7
       FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS u(i, s, w, e, t, p)
       ON CONFLICT (subscription_id, webhook_id) DO NOTHING`,
      [
        deliveries.map((d) => d.webhookId),
        deliveries.map((d) => d.subscriptionId),
        deliveries.map((d) => d.workspaceId),
        deliveries.map((d) => d.eventId),
        deliveries.map((d) => d.eventType),
        deliveries.map((d) => JSON.stringify(d.payload)),
        now,
      ],
    );
  },

  /**
   * Claims due deliveries with a lease (`FOR UPDATE SKIP LOCKED`, so workers never claim the same row),
   * at most `perEndpoint` in flight per subscription, oldest first.
   */
  async claimDue(sql: SqlRunner, options: ClaimOptions): Promise<ClaimedWebhookDelivery[]> {
    const result: unknown = await sql.query(
      `WITH due AS (
         SELECT d.id, d.subscription_id FROM webhook_deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1
           AND (d.lease_until IS NULL OR d.lease_until <= $1)
           AND NOT (d.subscription_id = ANY($5::text[]))
         ORDER BY d.next_attempt_at, d.id
         LIMIT $3 * 4
         FOR UPDATE SKIP LOCKED
       ), in_flight AS (
         SELECT subscription_id, count(*)::int AS n FROM webhook_deliveries
         WHERE status = 'pending' AND lease_until > $1 GROUP BY subscription_id
       ), ranked AS (
         SELECT due.id, row_number() OVER (PARTITION BY due.subscription_id ORDER BY due.id)
                  + COALESCE(in_flight.n, 0) AS slot
         FROM due LEFT JOIN in_flight USING (subscription_id)
       ), chosen AS (
         SELECT id FROM ranked WHERE slot <= $4 ORDER BY id LIMIT $3
       )
       UPDATE webhook_deliveries d SET lease_until = $2
       FROM chosen, webhook_subscriptions s
       WHERE d.id = chosen.id AND s.id = d.subscription_id
       RETURNING d.id::text, d.webhook_id, d.subscription_id, d.workspace_id, d.event_id, d.event_type,
                 d.payload, d.attempts, s.url,
                 -- a rotation's previous secret signs only until its overlap ends (signingSecrets)
                 CASE WHEN s.previous_secret_expires_at <= $1 THEN s.secrets[1:1] ELSE s.secrets END AS secrets`,
      [options.now, options.leaseUntil, options.limit, options.perEndpoint, options.excludedSubscriptions],
    );
    return returnedRows<ClaimedRecord>(result)
      .map((r) => ({
        id: r.id,
        webhookId: r.webhook_id,
        subscriptionId: r.subscription_id,
        workspaceId: r.workspace_id,
        eventId: r.event_id,
        eventType: r.event_type,
        payload: r.payload,
        attempts: r.attempts,
        url: r.url,
        secrets: r.secrets,
      }))
      .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  },

  /** Logs one attempt and settles the delivery: delivered, retried at `nextAttemptAt`, or dead-lettered. */
  async settle(
    sql: SqlRunner,
    log: WebhookAttemptLog,
    settlement:
      | { status: 'delivered' }
      | { status: 'retry'; nextAttemptAt: Date; error: string }
      | { status: 'dead'; error: string },
  ): Promise<void> {
    // A delivery may be gone by now (its contact erased, its subscription deleted): nothing to log then.
    await sql.query(
      `INSERT INTO webhook_delivery_attempts
         (delivery_id, attempt, started_at, latency_ms, status_code, outcome, response_excerpt, error)
       SELECT $1::bigint, $2::int, $3::timestamptz, $4::float8, $5::int, $6::text, $7::text, $8::text
       FROM webhook_deliveries WHERE id = $1::bigint`,
      [
        log.deliveryId,
        log.attempt,
        log.startedAt,
        log.latencyMs,
        log.statusCode,
        log.outcome,
        log.responseExcerpt,
        log.error,
      ],
    );
    const finishedAt = new Date(log.startedAt.getTime() + log.latencyMs);
    if (settlement.status === 'delivered') {
      await sql.query(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = $2, delivered_at = $3,
           lease_until = NULL, last_error = NULL WHERE id = $1 AND status = 'pending'`,
        [log.deliveryId, log.attempt, finishedAt],
      );
    } else if (settlement.status === 'retry') {
      await sql.query(
        `UPDATE webhook_deliveries SET attempts = $2, next_attempt_at = $3, lease_until = NULL, last_error = $4
         WHERE id = $1 AND status = 'pending'`,
        [log.deliveryId, log.attempt, settlement.nextAttemptAt, settlement.error],
      );
    } else {
      await sql.query(
        `UPDATE webhook_deliveries SET status = 'dead', attempts = $2, dead_lettered_at = $3, lease_until = NULL,
           last_error = $4 WHERE id = $1 AND status = 'pending'`,
        [log.deliveryId, log.attempt, finishedAt, settlement.error],
      );
    }
  },

  /** Gives a claimed delivery back without an attempt (its endpoint's circuit opened), due again at `at`. */
  async release(sql: SqlRunner, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await sql.query(
      `UPDATE webhook_deliveries SET lease_until = NULL, next_attempt_at = GREATEST(next_attempt_at, $2)
       WHERE id = ANY($1::bigint[]) AND status = 'pending'`,
      [ids, at],
    );
  },

  /**
   * Replays dead-lettered deliveries of a workspace (all, or the given webhook ids): pending again, due
   * now, same webhook id, attempts counted afresh. Returns how many were replayed.
   */
  async replayDead(
    sql: SqlRunner,
    workspaceId: string,
    now: Date,
    webhookIds?: readonly string[],
  ): Promise<number> {
    const result: unknown = await sql.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2,
         dead_lettered_at = NULL, lease_until = NULL
       WHERE workspace_id = $1 AND status = 'dead' AND ($3::text[] IS NULL OR webhook_id = ANY($3::text[]))
       RETURNING 1`,
      [workspaceId, now, webhookIds ?? null],
    );
    return returnedRows(result).length;
  },

  /** Deliveries by status (for metrics and tests). */
  async countByStatus(
    sql: SqlRunner,
    workspaceId?: string,
  ): Promise<Record<'pending' | 'delivered' | 'dead', number>> {
    const rows = await sql.query<{ status: 'pending' | 'delivered' | 'dead'; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM webhook_deliveries
       WHERE $1::text IS NULL OR workspace_id = $1 GROUP BY status`,
      [workspaceId ?? null],
    );
    const counts = { pending: 0, delivered: 0, dead: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  },

  /** The attempt log of one delivery, oldest first. */
  async attempts(sql: SqlRunner, deliveryId: string): Promise<WebhookAttemptLog[]> {
    const rows = await sql.query<AttemptRecord[]>(
      `SELECT delivery_id::text, attempt, started_at, latency_ms, status_code, outcome, response_excerpt, error
       FROM webhook_delivery_attempts WHERE delivery_id = $1 ORDER BY id`,
      [deliveryId],
    );
    return rows.map(toAttempt);
  },

  /**
   * One subscription's deliveries, newest first, `limit` at most, older than the delivery `before` when
   * given, only those of `status` when given; each with its attempts, oldest first.
   */
  async logPage(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    subscriptionId: string,
    options: { readonly status?: WebhookDeliveryStatus; readonly before?: string; readonly limit: number },
  ): Promise<WebhookDeliveryLogPage> {
    const records = await sql.query<DeliveryLogRecord[]>(
      `SELECT id::text, webhook_id, event_id, event_type, status, next_attempt_at, last_error, created_at,
              delivered_at, dead_lettered_at
       FROM webhook_deliveries
       WHERE workspace_id = $1 AND subscription_id = $2 AND ($3::text IS NULL OR status = $3)
         AND ($4::bigint IS NULL OR id < $4::bigint)
       ORDER BY id DESC LIMIT $5`,
      [workspaceId, subscriptionId, options.status ?? null, options.before ?? null, options.limit + 1],
    );
    const page = records.slice(0, options.limit);
    const attempts = page.length
      ? await sql.query<AttemptRecord[]>(
          `SELECT delivery_id::text, attempt, started_at, latency_ms, status_code, outcome, response_excerpt, error
           FROM webhook_delivery_attempts WHERE delivery_id = ANY($1::bigint[]) ORDER BY id`,
          [page.map((r) => r.id)],
        )
      : [];
    const byDelivery = new Map<string, WebhookAttemptLog[]>();
    for (const a of attempts) {
      const list = byDelivery.get(a.delivery_id) ?? [];
      list.push(toAttempt(a));
      byDelivery.set(a.delivery_id, list);
    }
    const entries = page.map((r): WebhookDeliveryLogEntry => ({
      id: r.id,
      webhookId: r.webhook_id,
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      attempts: byDelivery.get(r.id) ?? [],
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      lastError: r.last_error,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
      deadLetteredAt: r.dead_lettered_at,
    }));
    const last = entries.at(-1);
    return { entries, nextBefore: records.length > options.limit && last ? last.id : null };
  },

  /** The status of one delivery of a subscription of the workspace; undefined when there is none. */
  async statusOf(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    subscriptionId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryStatus | undefined> {
    const rows = await sql.query<{ status: WebhookDeliveryStatus }[]>(
      `SELECT status FROM webhook_deliveries WHERE workspace_id = $1 AND subscription_id = $2 AND id = $3::bigint`,
      [workspaceId, subscriptionId, deliveryId],
    );
    return rows[0]?.status;
  },

  /**
   * Replays the dead-lettered deliveries of one subscription (all, or the one `deliveryId`): pending
   * again, due at `now`, same webhook id, attempts counted afresh. Returns the ids replayed.
   */
  async replayDeadOf(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    subscriptionId: string,
    now: Date,
    deliveryId?: string,
  ): Promise<string[]> {
    const result: unknown = await sql.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3,
         dead_lettered_at = NULL, lease_until = NULL
       WHERE workspace_id = $1 AND subscription_id = $2 AND status = 'dead'
         AND ($4::bigint IS NULL OR id = $4::bigint)
       RETURNING id::text`,
      [workspaceId, subscriptionId, now, deliveryId ?? null],
    );
    return returnedRows<{ id: string }>(result)
      .map((r) => r.id)
      .sort((a, b) => Number(BigInt(a) - BigInt(b)));
  },

  /** Deliveries of a workspace with their status, oldest first (for tests and the API). */
  async list(
    sql: SqlRunner,
    workspaceId: string,
  ): Promise<{ id: string; webhookId: string; eventType: string; status: string; attempts: number }[]> {
    const rows = await sql.query<
      { id: string; webhook_id: string; event_type: string; status: string; attempts: number }[]
    >(
      `SELECT id::text, webhook_id, event_type, status, attempts FROM webhook_deliveries
       WHERE workspace_id = $1 ORDER BY id`,
      [workspaceId],
    );
    return rows.map((r) => ({
      id: r.id,
      webhookId: r.webhook_id,
      eventType: r.event_type,
      status: r.status,
      attempts: r.attempts,
    }));
  },

  /** The newest `limit` deliveries about one contact (by their payload's subject), newest first. */
  async ofContact(
    sql: SqlRunner,
    workspaceId: string,
    contactId: string,
    limit: number,
  ): Promise<ContactWebhookDelivery[]> {
    const rows = await sql.query<
      {
        subscription_id: string;
        webhook_id: string;
        event_id: string;
        event_type: string;
        status: WebhookDeliveryStatus;
        payload: unknown;
        created_at: Date;
        delivered_at: Date | null;
      }[]
    >(
      `SELECT subscription_id, webhook_id, event_id, event_type, status, payload, created_at, delivered_at
       FROM webhook_deliveries WHERE workspace_id = $1 AND contact_id = $2 ORDER BY id DESC LIMIT $3`,
      [workspaceId, contactId, limit],
    );
    return rows.map((r) => ({
      subscriptionId: r.subscription_id,
      webhookId: r.webhook_id,
      eventId: r.event_id,
      eventType: r.event_type,
      status: r.status,
      payload: r.payload,
      createdAt: r.created_at,
      deliveredAt: r.delivered_at,
    }));
  },
};
