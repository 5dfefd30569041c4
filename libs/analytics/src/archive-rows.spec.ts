import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { archiveRowOf, type ArchivedRecord } from './archive-rows.js';

const at = (
  value: unknown,
  headers: Record<string, string> = {},
  key: string | null = 'acme:email:ada@example.com',
): ArchivedRecord => ({
  topic: 't',
  partition: 2,
  offset: '41',
  timestamp: Date.UTC(2026, 11, 6, 9, 30),
  key,
  value: typeof value === 'string' ? value : JSON.stringify(value),
  headers,
});

const pageView = {
  specversion: '1.0',
  id: 'evt-1',
  source: '/v1/events',
  type: 'web.page_viewed',
  time: '2026-12-06T09:29:59.123Z',
  subject: 'email:ada@example.com',
  workspace: 'acme',
  data: { url: 'https://example.com/pricing', path: '/pricing' },
};

describe('archiveRowOf', () => {
  it('keeps an event with its key, its data, the record as received and where it was on Kafka', () => {
    const record = at(pageView);
    expect(archiveRowOf('events', record)).toEqual({
      table: 'events',
      row: {
        workspace: 'acme',
        contact: 'email:ada@example.com',
        time: '2026-12-06 09:29:59.123',
        source: '/v1/events',
        id: 'evt-1',
        type: 'web.page_viewed',
        data: JSON.stringify(pageView.data),
        record: record.value,
        kafka_topic: 't',
        kafka_partition: 2,
        kafka_offset: '41',
      },
    });
  });

  it('makes a contact.erased event a tombstone: a hash of workspace and contact, no contact key, the erasure to apply', () => {
    const erasure = { ...pageView, id: 'erasure-7', type: 'contact.erased', data: {} };
    expect(archiveRowOf('events', at(erasure))).toEqual({
      table: 'erased_contacts',
      row: {
        workspace: 'acme',
        contact_hash: createHash('sha256').update('acme\u0000email:ada@example.com').digest('hex'),
        erased_at: '2026-12-06 09:29:59.123',
        id: 'erasure-7',
        kafka_topic: 't',
        kafka_partition: 2,
        kafka_offset: '41',
      },
      erasure: { workspace: 'acme', contact: 'email:ada@example.com', erasedAt: '2026-12-06 09:29:59.123' },
    });
  });

  it('flattens a score change: model, sequence, cause and the current and previous scores', () => {
    const data = {
      contact: 'email:ada@example.com',
      model: { id: 'ontraport', version: 3 },
      sequence: 7,
      cause: { type: 'event', eventId: 'evt-1', eventType: 'web.page_viewed' },
      previous: { fit: 10, engagement: 5, total: 15, tier: null, grade: 'C' },
      current: { fit: 10, engagement: 15, total: 25, tier: 'warm', grade: 'C' },
      contributions: [],
    };
    const { table, row } = archiveRowOf(
      'scoreChanges',
      at({ ...pageView, id: 'sc-1', source: 'leadscore/scorer', type: 'score.changed', data }),
    );
    expect(table).toBe('score_changes');
    expect(row).toMatchObject({
      workspace: 'acme',
      model: 'ontraport',
      model_version: 3,
      contact: 'email:ada@example.com',
      sequence: 7,
      id: 'sc-1',
      cause: 'event',
      cause_event_id: 'evt-1',
      fit: 10,
      engagement: 15,
      total: 25,
      previous_total: 15,
      tier: 'warm',
      grade: 'C',
      data: JSON.stringify(data),
    });
    const first = archiveRowOf(
      'scoreChanges',
      at({
        ...pageView,
        data: { ...data, previous: null, current: { ...data.current, tier: null, grade: null } },
      }),
    );
    expect(first.row).toMatchObject({ previous_total: null, tier: '', grade: '' });
  });

  it('flattens a lifecycle change', () => {
    const data = {
      contact: 'email:ada@example.com',
      model: { id: 'ontraport', version: 3 },
      kind: 'stage',
      previous: 'lead',
      current: 'mql',
      sequence: 7,
      cause: 'score',
    };
    expect(archiveRowOf('lifecycleChanges', at({ ...pageView, id: 'lc-1', data })).row).toMatchObject({
      model: 'ontraport',
      kind: 'stage',
      previous: 'lead',
      current: 'mql',
      cause: 'score',
      sequence: 7,
    });
  });

  it('reads dead letters of ingest (keyed by workspace) and of the scorer (keyed by workspace:contact)', () => {
    const fromIngest = archiveRowOf(
      'deadLetters',
      at(
        '{"id":"x","type":"web.page_viewd"}',
        {
          'leadscore-dlq-reason': 'invalid: type: expected a known event type',
          ce_id: 'x',
          ce_type: 'web.page_viewd',
        },
        'acme',
      ),
    );
    expect(fromIngest).toEqual({
      table: 'dead_letters',
      row: expect.objectContaining({
        received_at: '2026-12-06 09:30:00.000',
        workspace: 'acme',
        reason: 'invalid',
        source_topic: 'ingest',
        type: 'web.page_viewd',
        id: 'x',
        detail: 'invalid: type: expected a known event type',
      }),
    });
    const fromScorer = archiveRowOf(
      'deadLetters',
      at('not json at all', {
        'leadscore-dlq-reason': 'not JSON: Unexpected token',
        'leadscore-dlq-source-topic': 'leads.events.v1',
      }),
    );
    expect(fromScorer.row).toMatchObject({
      workspace: 'acme',
      reason: 'not JSON',
      source_topic: 'leads.events.v1',
      record: 'not json at all',
    });
  });

  it('archives a record it cannot read as a dead letter of the archive, saying why', () => {
    for (const [value, why] of [
      ['{"id": ', 'not JSON'],
      [{ ...pageView, subject: undefined }, 'no subject'],
      [{ ...pageView, time: 'yesterday' }, 'time is not a date-time'],
    ] as const) {
      const row = archiveRowOf('events', at(value));
      expect(row).toMatchObject({
        table: 'dead_letters',
        unreadable: why,
        row: { reason: 'archive', detail: `archive: ${why}`, source_topic: 't', workspace: 'acme' },
      });
    }
    expect(archiveRowOf('scoreChanges', at({ ...pageView, data: {} }))).toMatchObject({
      unreadable: 'no data.model.id',
    });
  });
});
