import { type SqlRunner } from './sql-types.js';

export interface OutboxMessage {
  eventId: string;
  /** The publisher that owns it, e.g. `scorer:3` or `decay`. */
  source: string;
  topic: string;
  key: string;
  /** A string is published as it is (a dead letter's original bytes); anything else as its JSON. */
  payload: unknown;
  headers?: Record<string, string>;
}

export interface PendingOutboxMessage extends OutboxMessage {
  id: string;
  createdAt: Date;
  /** The record value to publish. */
  payload: string;
}

interface OutboxRecord {
  id: string;
  event_id: string;
  source: string;
  created_at: Date;
  topic: string;
  message_key: string;
  payload: string;
  headers: Record<string, string>;
}

/** The transactional outbox: messages written with the state, published to Kafka after commit. */
export const outboxRepository = {
  /**
   * Enqueues in one statement; an event id already enqueued is ignored (a re-run batch adds nothing).
   * The messages travel as one JSON document (jsonb_to_recordset): cheaper than UNNEST over jsonb[]
   * array literals, whose every payload is escaped, sent and parsed twice.
   */
  async enqueue(sql: SqlRunner, messages: OutboxMessage[], createdAt: Date): Promise<void> {
    if (messages.length === 0) return;
    await sql.query(
      `INSERT INTO outbox (event_id, topic, message_key, payload, headers, created_at, source)
       SELECT m.e, m.t, m.k, m.p, m.h, $2, m.s
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (e text, t text, k text, p text, h jsonb, s text))
         WITH ORDINALITY AS m(e, t, k, p, h, s, n)
       ORDER BY m.n
       ON CONFLICT (event_id) DO NOTHING`,
      [
        JSON.stringify(
          messages.map((m) => ({
            e: m.eventId,
            t: m.topic,
            k: m.key,
            p: typeof m.payload === 'string' ? m.payload : JSON.stringify(m.payload),
            h: m.headers ?? {},
            s: m.source,
          })),
        ),
        createdAt,
      ],
    );
  },

  /** Oldest unpublished messages first, so per-key order is kept when they are published. */
  async pending(sql: SqlRunner, source: string, limit: number): Promise<PendingOutboxMessage[]> {
    const rows = await sql.query<OutboxRecord[]>(
      `SELECT id::text, event_id, source, topic, message_key, payload, headers, created_at FROM outbox
       WHERE source = $1 AND published_at IS NULL ORDER BY id LIMIT $2`,
      [source, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      source: r.source,
      createdAt: r.created_at,
      topic: r.topic,
      key: r.message_key,
      payload: r.payload,
      headers: r.headers,
    }));
  },

  async markPublished(sql: SqlRunner, ids: string[], publishedAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await sql.query('UPDATE outbox SET published_at = $2 WHERE id = ANY($1::bigint[])', [ids, publishedAt]);
  },

  async backlog(sql: SqlRunner): Promise<number> {
    const [row] = await sql.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
    );
    return row?.n ?? 0;
  },

  /**
   * Removes up to `limit` messages published before `before` (housekeeping); call until it returns less
   * than `limit`, so no single statement holds locks on millions of rows.
   */
  async prunePublished(sql: SqlRunner, before: Date, limit = 10_000): Promise<number> {
    const [row] = await sql.query<{ n: number }[]>(
      `WITH deleted AS (
         DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE published_at IS NOT NULL AND published_at < $1 LIMIT $2
         ) RETURNING 1
       ) SELECT count(*)::int AS n FROM deleted`,
      [before, limit],
    );
    return row?.n ?? 0;
  },
};
