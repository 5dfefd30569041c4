import { Headers } from '@leadscore/contracts';

/**
 * Kafka records as archive rows: pure (no I/O), one function per topic role. A record that cannot be
 * read as its topic's event (not JSON, fields missing) is archived as a dead letter of the archive
 * itself, so nothing consumed is lost and the "rejected rows" metric counts it.
 */

/** What each consumed topic holds, i.e. which archive table its records go to. */
export type ArchiveRole = 'events' | 'scoreChanges' | 'lifecycleChanges' | 'deadLetters';

export const ARCHIVE_TABLES: Readonly<Record<ArchiveRole, string>> = {
  events: 'events',
  scoreChanges: 'score_changes',
  lifecycleChanges: 'lifecycle_changes',
  deadLetters: 'dead_letters',
};

/** A consumed record and where it was. */
export interface ArchivedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Kafka's record timestamp, ms since the epoch. */
  readonly timestamp: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

type Row = Record<string, string | number | null>;

/** One row for one table: a record of its topic, or the archive's own dead letter for one it could not read. */
export interface ArchiveRow {
  readonly table: string;
  readonly row: Row;
  /** Set when the record could not be read as its topic's event. */
  readonly unreadable?: string;
}

const {
  deadLetterReason: DEAD_LETTER_REASON,
  deadLetterSourceTopic: DEAD_LETTER_SOURCE_TOPIC,
  eventId: EVENT_ID,
  eventType: EVENT_TYPE,
} = Headers;

function where(record: ArchivedRecord): Row {
  return { kafka_topic: record.topic, kafka_partition: record.partition, kafka_offset: record.offset };
}

/** ClickHouse's DateTime64(3) text for an RFC 3339 time or epoch milliseconds; undefined when unreadable. */
function dateTime64(value: unknown): string | undefined {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('T', ' ').replace('Z', '') : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function object(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function unreadable(record: ArchivedRecord, why: string): ArchiveRow {
  const workspace = (record.key ?? '').split(':')[0] ?? '';
  return {
    table: ARCHIVE_TABLES.deadLetters,
    unreadable: why,
    row: {
      received_at: dateTime64(record.timestamp) ?? '1970-01-01 00:00:00.000',
      workspace,
      reason: 'archive',
      source_topic: record.topic,
      type: record.headers[EVENT_TYPE] ?? '',
      id: record.headers[EVENT_ID] ?? '',
      detail: `archive: ${why}`,
      record: record.value ?? '',
      ...where(record),
    },
  };
}

/** The envelope every topic but the dead letters carries (CloudEvents), or why it is not one. */
function envelope(record: ArchivedRecord): Record<string, unknown> | string {
  if (record.value === null) return 'no value (a tombstone)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(record.value);
  } catch {
    return 'not JSON';
  }
  const event = object(parsed);
  for (const field of ['id', 'workspace', 'subject', 'time'])
    if (typeof event[field] !== 'string' || event[field] === '') return `no ${field}`;
  if (dateTime64(event['time']) === undefined) return 'time is not a date-time';
  return event;
}

export function archiveRowOf(role: ArchiveRole, record: ArchivedRecord): ArchiveRow {
  if (role === 'deadLetters') return deadLetterRow(record);
  const event = envelope(record);
  if (typeof event === 'string') return unreadable(record, event);
  const time = dateTime64(event['time']) ?? '';
  const common = { workspace: text(event['workspace']), id: text(event['id']), time };
  const data = object(event['data']);
  if (role === 'events')
    return {
      table: ARCHIVE_TABLES.events,
      row: {
        ...common,
        contact: text(event['subject']),
        source: text(event['source']),
        type: text(event['type']),
        data: JSON.stringify(event['data'] ?? null),
        record: record.value ?? '',
        ...where(record),
      },
    };
  const model = object(data['model']);
  if (typeof model['id'] !== 'string') return unreadable(record, 'no data.model.id');
  if (role === 'scoreChanges') {
    const current = object(data['current']);
    const previous = data['previous'] === null ? null : object(data['previous']);
    const cause = object(data['cause']);
    return {
      table: ARCHIVE_TABLES.scoreChanges,
      row: {
        ...common,
        model: model['id'],
        model_version: Number(model['version'] ?? 0),
        contact: text(data['contact']) || text(event['subject']),
        sequence: Number(data['sequence'] ?? 0),
        source: text(event['source']),
        cause: text(cause['type']),
        cause_event_id: text(cause['eventId']),
        fit: Number(current['fit'] ?? 0),
        engagement: Number(current['engagement'] ?? 0),
        total: Number(current['total'] ?? 0),
        previous_total: previous === null ? null : Number(previous['total'] ?? 0),
        tier: text(current['tier']),
        grade: text(current['grade']),
        data: JSON.stringify(data),
        ...where(record),
      },
    };
  }
  return {
    table: ARCHIVE_TABLES.lifecycleChanges,
    row: {
      ...common,
      model: model['id'],
      contact: text(data['contact']) || text(event['subject']),
      kind: text(data['kind']),
      previous: text(data['previous']),
      current: text(data['current']),
      cause: text(data['cause']),
      sequence: Number(data['sequence'] ?? 0),
      data: JSON.stringify(data),
      ...where(record),
    },
  };
}

function deadLetterRow(record: ArchivedRecord): ArchiveRow {
  const detail = record.headers[DEAD_LETTER_REASON] ?? '';
  return {
    table: ARCHIVE_TABLES.deadLetters,
    row: {
      received_at: dateTime64(record.timestamp) ?? '1970-01-01 00:00:00.000',
      // ingest keys a dead letter by workspace, the scorer by workspace:contact.
      workspace: (record.key ?? '').split(':')[0] ?? '',
      reason: detail.split(':')[0]?.trim() ?? '',
      source_topic: record.headers[DEAD_LETTER_SOURCE_TOPIC] ?? 'ingest',
      type: record.headers[EVENT_TYPE] ?? '',
      id: record.headers[EVENT_ID] ?? '',
      detail,
      record: record.value ?? '',
      ...where(record),
    },
  };
}
