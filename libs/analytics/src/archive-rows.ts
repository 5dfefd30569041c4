import { CONTACT_ERASED, Headers, contactHashOf } from '@leadscore/contracts';
import { clickHouseTimeOf } from './clickhouse-time.js';

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

/** Tombstones of erased contacts (migrations/0002_erasure.sql), written from `contact.erased` events. */
export const ERASED_CONTACTS_TABLE = 'erased_contacts';

/** The tables that hold a contact's rows (columns workspace, contact, time), which an erasure empties. */
export const CONTACT_TABLES: readonly string[] = [
  ARCHIVE_TABLES.events,
  ARCHIVE_TABLES.scoreChanges,
  ARCHIVE_TABLES.lifecycleChanges,
];

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
  /** Set for a `contact.erased` event: whose rows dated at or before `erasedAt` the archive deletes. */
  readonly erasure?: { readonly workspace: string; readonly contact: string; readonly erasedAt: string };
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

/** Kafka's record time, for dead letters (which carry no time of their own). */
function receivedAt(record: ArchivedRecord): string {
  return clickHouseTimeOf(Number.isFinite(record.timestamp) ? record.timestamp : 0);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function object(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A record the archive cannot read as its topic's event: kept as a dead letter of the archive itself. */
function unreadable(record: ArchivedRecord, why: string): ArchiveRow {
  const { table, row } = deadLetterRow(record);
  return {
    table,
    unreadable: why,
    row: { ...row, reason: 'archive', source_topic: record.topic, detail: `archive: ${why}` },
  };
}

/** The envelope every topic but the dead letters carries (CloudEvents) and its time, or why it is not one. */
function envelope(record: ArchivedRecord): { event: Record<string, unknown>; time: string } | string {
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
  const ms = Date.parse(text(event['time']));
  if (!Number.isFinite(ms)) return 'time is not a date-time';
  return { event, time: clickHouseTimeOf(ms) };
}

export function archiveRowOf(role: ArchiveRole, record: ArchivedRecord): ArchiveRow {
  if (role === 'deadLetters') return deadLetterRow(record);
  const read = envelope(record);
  if (typeof read === 'string') return unreadable(record, read);
  const { event, time } = read;
  const common = { workspace: text(event['workspace']), id: text(event['id']), time };
  const data = object(event['data']);
  if (role === 'events' && event['type'] === CONTACT_ERASED) {
    const contact = text(event['subject']);
    return {
      table: ERASED_CONTACTS_TABLE,
      row: {
        workspace: common.workspace,
        contact_hash: contactHashOf(common.workspace, contact),
        erased_at: time,
        id: common.id,
        ...where(record),
      },
      erasure: { workspace: common.workspace, contact, erasedAt: time },
    };
  }
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
      received_at: receivedAt(record),
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
