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
  batch_size: number | null;
}

/** One message of a batch row's JSON array: `p` the payload's JSON, or `s` a payload published as is. */
interface BatchElement {
  e: string;
  t: string;
  k: string;
  h: Record<string, string>;
  p?: unknown;
  s?: string;
}

const PENDING_COLUMNS =
  'id::text, event_id, source, topic, message_key, payload, headers, created_at, batch_size';
/** The source's published watermark, for a statement whose $1 is the source. */
const WATERMARK = 'coalesce((SELECT published_through_id FROM outbox_cursors WHERE source = $1), 0)';

function fromRecord(r: OutboxRecord): PendingOutboxMessage[] {
  if (r.batch_size !== null) {
    return (JSON.parse(r.payload) as BatchElement[]).map((m) => ({
      id: r.id,
      eventId: m.e,
      source: r.source,
      createdAt: r.created_at,
      topic: m.t,
      key: m.k,
      payload: m.s ?? JSON.stringify(m.p),
      headers: m.h,
    }));
  }
  return [
    {
      id: r.id,
      eventId: r.event_id,
      source: r.source,
      createdAt: r.created_at,
      topic: r.topic,
      key: r.message_key,
      payload: r.payload,
      headers: r.headers,
    },
  ];
}

/** Serialises the payload the way it is published: a string as it is, anything else as its JSON. */
function payloadText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  const text = JSON.stringify(payload) as string | undefined;
  if (text === undefined) throw new TypeError('an outbox payload must be JSON-serialisable');
  return text;
}

/** A message as it will be published, before its insert gives it an id. */
function pendingOf(m: OutboxMessage, source: string, createdAt: Date): PendingOutboxMessage {
  return {
    id: '',
    eventId: m.eventId,
    source,
    createdAt,
    topic: m.topic,
    key: m.key,
    payload: payloadText(m.payload),
    headers: m.headers ?? {},
  };
}

async function lockSources(sql: SqlRunner, sources: string[]): Promise<void> {
  await sql.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('leadscore-outbox-writer:' || s, 0))
     FROM unnest($1::text[]) WITH ORDINALITY AS t(s, n) ORDER BY n`,
    [[...new Set(sources)].sort()],
  );
}

/**
 * The transactional outbox: messages written with the state, published to Kafka after commit. What is
 * published is kept per source as a watermark (outbox_cursors.published_through_id), not per row.
 */
export const outboxRepository = {
  /**
   * Enqueues in one statement; an event id already enqueued is ignored (a re-run batch adds nothing).
   * Returns the rows it inserted, in id order, so the caller can publish them after commit without
   * reading them back. Call inside the transaction that writes the state: it takes a transaction lock
   * per source, so the writers of one source take turns until commit and a source's ids become visible
   * in id order — what lets one watermark per source say what is published.
   * The messages travel as one JSON document (jsonb_to_recordset): cheaper than UNNEST over jsonb[]
   * array literals, whose every payload is escaped, sent and parsed twice.
   */
  async enqueue(sql: SqlRunner, messages: OutboxMessage[], createdAt: Date): Promise<PendingOutboxMessage[]> {
    if (messages.length === 0) return [];
    await lockSources(
      sql,
      messages.map((m) => m.source),
    );
    const records = new Map<string, PendingOutboxMessage>();
    for (const m of messages) {
      if (!records.has(m.eventId)) records.set(m.eventId, pendingOf(m, m.source, createdAt));
    }
    const inserted = await sql.query<{ id: string; event_id: string }[]>(
      `INSERT INTO outbox (event_id, topic, message_key, payload, headers, created_at, source)
       SELECT m.e, m.t, m.k, m.p, m.h, $2, m.s
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (e text, t text, k text, p text, h jsonb, s text))
         WITH ORDINALITY AS m(e, t, k, p, h, s, n)
       ORDER BY m.n
       ON CONFLICT (event_id) DO NOTHING
       RETURNING id::text, event_id`,
      [
        JSON.stringify(
          [...records.values()].map((m) => ({
            e: m.eventId,
            t: m.topic,
            k: m.key,
            p: m.payload,
            h: m.headers,
            s: m.source,
          })),
        ),
        createdAt,
      ],
    );
    return inserted
      .map(({ id, event_id }) => ({ ...(records.get(event_id) as PendingOutboxMessage), id }))
      .sort((a, b) => compareIds(a.id, b.id));
  },

  /**
   * A transaction's messages of one source as a single row (a JSON array), in their order: one tuple
   * and one set of index entries instead of one per message. The event-id uniqueness of `enqueue` does
   * not apply to the messages inside: only for messages the caller never enqueues twice (the scorer's
   * score changes: their events are claimed once in processed_events, in the same transaction). Same
   * transaction lock and return value as `enqueue`.
   */
  async enqueueBatch(
    sql: SqlRunner,
    source: string,
    messages: OutboxMessage[],
    createdAt: Date,
  ): Promise<PendingOutboxMessage[]> {
    const first = messages[0];
    if (first === undefined) return [];
    await lockSources(sql, [source]);
    const pending: PendingOutboxMessage[] = [];
    const elements: string[] = [];
    for (const m of messages) {
      const message = pendingOf(m, source, createdAt);
      // The payload's JSON goes in as it is, not escaped into a string a second time.
      const body =
        typeof m.payload === 'string' ? `"s":${JSON.stringify(message.payload)}` : `"p":${message.payload}`;
      elements.push(
        `{"e":${JSON.stringify(m.eventId)},"t":${JSON.stringify(m.topic)},"k":${JSON.stringify(m.key)},"h":${JSON.stringify(message.headers)},${body}}`,
      );
      pending.push(message);
    }
    const [row] = await sql.query<{ id: string }[]>(
      `INSERT INTO outbox (event_id, source, topic, message_key, payload, headers, created_at, batch_size)
       VALUES ($1, $2, '', '', $3, '{}', $4, $5)
       ON CONFLICT (event_id) DO NOTHING
       RETURNING id::text`,
      [`batch:${first.eventId}`, source, `[${elements.join(',')}]`, createdAt, messages.length],
    );
    if (row === undefined) return [];
    return pending.map((m) => ({ ...m, id: row.id }));
  },

  /**
   * Oldest unpublished messages first, so per-key order is kept when they are published: rows in id
   * order until `limit` messages (a batch row is never split, so a page may hold more).
   */
  async pending(sql: SqlRunner, source: string, limit: number): Promise<PendingOutboxMessage[]> {
    const rows = await sql.query<OutboxRecord[]>(
      `SELECT ${PENDING_COLUMNS} FROM (
         SELECT *, sum(coalesce(batch_size, 1)) OVER (ORDER BY id) - coalesce(batch_size, 1) AS before
         FROM (
           SELECT * FROM outbox WHERE source = $1 AND published_at IS NULL AND id > ${WATERMARK}
           ORDER BY id LIMIT $2
         ) first_rows
       ) o WHERE before < $2 ORDER BY o.id`,
      [source, limit],
    );
    return rows.flatMap(fromRecord);
  },

  /**
   * Where publishing of `source` stands relative to a transaction's first outbox id: the watermark
   * (rows up to it are published: another owner of the partition may have got there first), and
   * whether older unpublished rows exist (they must go out first).
   */
  async progress(
    sql: SqlRunner,
    source: string,
    firstId: string,
  ): Promise<{ publishedThrough: string; pendingBefore: boolean }> {
    const [row] = await sql.query<{ through: string; pending: boolean }[]>(
      `SELECT ${WATERMARK}::text AS through, EXISTS (
         SELECT 1 FROM outbox WHERE source = $1 AND published_at IS NULL AND id < $2 AND id > ${WATERMARK}
       ) AS pending`,
      [source, firstId],
    );
    return { publishedThrough: row?.through ?? '0', pendingBefore: row?.pending ?? false };
  },

  /** Everything of `source` up to `id` is published (the watermark never moves back). */
  async markPublishedThrough(sql: SqlRunner, source: string, id: string, publishedAt: Date): Promise<void> {
    await sql.query(
      `INSERT INTO outbox_cursors (source, published_through_id, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (source) DO UPDATE SET
         published_through_id = GREATEST(outbox_cursors.published_through_id, EXCLUDED.published_through_id),
         updated_at = EXCLUDED.updated_at`,
      [source, id, publishedAt],
    );
  },

  /** The newest outbox row committed so far (0 when none): later rows get larger ids. */
  async newestId(sql: SqlRunner): Promise<string> {
    const [row] = await sql.query<{ id: string }[]>('SELECT coalesce(max(id), 0)::text AS id FROM outbox');
    return row?.id ?? '0';
  },

  /** Of `sources`, those with a row up to `id` still unpublished (each read along its own index range). */
  async behindAt(sql: SqlRunner, sources: readonly string[], id: string): Promise<string[]> {
    const behind: string[] = [];
    for (const source of sources) {
      const [row] = await sql.query<{ pending: boolean }[]>(
        `SELECT EXISTS (
           SELECT 1 FROM outbox WHERE source = $1 AND published_at IS NULL AND id > ${WATERMARK} AND id <= $2
         ) AS pending`,
        [source, id],
      );
      if (row?.pending) behind.push(source);
    }
    return behind;
  },

  /** Messages not yet published (a batch row counts its messages). */
  async backlog(sql: SqlRunner): Promise<number> {
    const [row] = await sql.query<{ n: number }[]>(
      'SELECT coalesce(sum(coalesce(batch_size, 1)), 0)::int AS n FROM outbox_pending',
    );
    return row?.n ?? 0;
  },

  /**
   * Removes up to `limit` published messages created before `before` (housekeeping); call until it
   * returns less than `limit`, so no single statement holds locks on millions of rows.
   */
  async prunePublished(sql: SqlRunner, before: Date, limit = 10_000): Promise<number> {
    const [row] = await sql.query<{ n: number }[]>(
      `WITH doomed AS (
         (SELECT id FROM outbox WHERE published_at IS NOT NULL AND published_at < $1 LIMIT $2)
         UNION ALL
         (SELECT o.id FROM outbox_cursors c CROSS JOIN LATERAL (
            SELECT id FROM outbox o
            WHERE o.source = c.source AND o.published_at IS NULL AND o.id <= c.published_through_id
              AND o.created_at < $1
            ORDER BY o.id LIMIT $2) o)
         LIMIT $2
       ), deleted AS (
         DELETE FROM outbox WHERE id IN (SELECT id FROM doomed) RETURNING 1
       ) SELECT count(*)::int AS n FROM deleted`,
      [before, limit],
    );
    return row?.n ?? 0;
  },
};

/** Orders bigint ids given as decimal strings. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
