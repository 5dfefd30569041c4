import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Headers } from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import { contactRankRepository, openDatabase, type DataSource } from '@leadscore/persistence';
import { rankOf, type ContactScoreState } from '@leadscore/scoring';
import { createTestDatabase, uniqueName, type TestDatabase } from '@leadscore/testing';
import { ScorerRuntime } from '../src/app/scorer.runtime.js';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';
import {
  createScorerTopics,
  produceEvents,
  publishModel,
  readTopic,
  testKafka,
  waitUntilConsumed,
} from './scorer-harness.js';
import { eventStream, ontraportModel, referenceScores } from './scoring-fixtures.js';

// Group joins and rebalances take seconds each on a shared 2-core machine.
jest.setTimeout(300_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ScorerTopics;
const workspace = uniqueName('ws');
const group = uniqueName('scorer');
const model = ontraportModel(workspace);
const logger = createLogger({ service: 'scorer', level: 'warn' });

function runtime(): ScorerRuntime {
  return new ScorerRuntime({
    kafka,
    dataSource,
    logger,
    registry: createMetricsRegistry({ service: 'scorer' }),
    consumerGroup: group,
    topics,
    sessionTimeoutMs: 10_000,
  });
}

beforeAll(async () => {
  database = await createTestDatabase('scorer');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('scorer-test');
  topics = await createScorerTopics(kafka);
  await publishModel(kafka, topics.models, model);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('scorer service (real Kafka and PostgreSQL)', () => {
  const events = eventStream(workspace, 150, 3_000);
  // Producers retry: the same ids arrive again later in the stream, and must count once.
  const resent = events.filter((_, i) => i % 10 === 0);
  const invalid = [
    { key: `${workspace}:user:bad`, raw: '{"not": "an event"' },
    {
      key: `${workspace}:user:bad`,
      raw: JSON.stringify({ ...events[0], id: 'bad-type', type: 'email.teleported' }),
    },
  ];
  const reference = referenceScores(model, events);

  it('scores a stream for many contacts exactly as the pure engine does, with two instances and a rebalance', async () => {
    const first = runtime();
    const second = runtime();
    await first.start();
    await produceEvents(kafka, topics.events, [...events.slice(0, 1_500), ...invalid]);
    await second.start(); // joins the group mid-stream: a rebalance, partitions change hands
    await produceEvents(kafka, topics.events, [...events.slice(1_500), ...resent]);
    await new Promise((r) => setTimeout(r, 1_000));
    await first.stop(); // another rebalance: the second instance takes every partition
    await waitUntilConsumed(kafka, dataSource, group, topics.events);
    await second.stop();

    const rows = await dataSource.query<
      { contact_id: string; state: ContactScoreState; total: number; sequence: string }[]
    >('SELECT contact_id, state, total, sequence::text FROM contact_scores WHERE workspace_id = $1', [
      workspace,
    ]);
    expect(rows).toHaveLength(reference.size);
    for (const row of rows) {
      const expected = reference.get(row.contact_id);
      expect(row.state).toEqual(expected);
      expect(row.total).toBe(expected?.reported?.total ?? 0);
      expect(Number(row.sequence)).toBe(expected?.sequence);
    }
    // Each contact ranks by the engine's unrounded total, and the histogram (written by every
    // partition's shard, across the rebalances) counts each contact once.
    const ranks = await dataSource.query<{ contact_id: string; total: number; tier: string }[]>(
      'SELECT contact_id, total, tier FROM contact_ranks WHERE workspace_id = $1',
      [workspace],
    );
    expect(ranks).toHaveLength(reference.size);
    for (const row of ranks) {
      const state = reference.get(row.contact_id);
      const expected = state ? rankOf(model, state) : undefined;
      expect({ contact: row.contact_id, total: row.total, tier: row.tier }).toEqual({
        contact: row.contact_id,
        total: expected?.total,
        tier: expected?.tier ?? '',
      });
    }
    const histogram = await contactRankRepository.histogram(dataSource.manager, workspace, model.id);
    expect(histogram.reduce((sum, b) => sum + b.contacts, 0)).toBe(reference.size);
    const [{ n } = { n: 0 }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM processed_events WHERE workspace_id = $1',
      [workspace],
    );
    expect(n).toBe(events.length);
  });

  it('publishes every change once, with gapless sequences and deterministic ids', async () => {
    const expectedChanges = [...reference.values()].reduce((sum, s) => sum + s.sequence, 0);
    const messages = await readTopic(kafka, topics.scoreChanged, expectedChanges);
    const ids = messages.map((m) => m.headers[Headers.eventId]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(messages).toHaveLength(expectedChanges);
    const sequences = new Map<string, number[]>();
    for (const message of messages) {
      const event = JSON.parse(message.value?.toString('utf8') ?? '{}') as {
        id: string;
        subject: string;
        data: { sequence: number };
      };
      expect(event.id).toBe(message.headers[Headers.eventId]);
      expect(message.key?.toString()).toBe(`${workspace}:${event.subject}`);
      sequences.set(event.subject, [...(sequences.get(event.subject) ?? []), event.data.sequence]);
    }
    for (const [contact, seq] of sequences) {
      // Gapless and each once. (Topic order per key is not asserted: under a rebalance it was seen to
      // differ from sequence order; consumers order by `sequence`. Tracked as its own issue.)
      expect([...seq].sort((a, b) => a - b)).toEqual(
        Array.from({ length: reference.get(contact)?.sequence ?? 0 }, (_, i) => i + 1),
      );
    }
    const [{ n } = { n: -1 }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM outbox_pending',
    );
    expect(n).toBe(0);
  });

  it('sends records that are not valid events to the dead-letter topic with the reason, and moves on', async () => {
    const dead = await readTopic(kafka, topics.deadLetter, invalid.length);
    expect(dead).toHaveLength(invalid.length);
    const reasons = dead.map((m) => m.headers[Headers.deadLetterReason] ?? '');
    expect(reasons[0]).toMatch(/^not JSON/);
    expect(reasons[1]).toMatch(/^invalid event: type/);
    expect(dead.map((m) => m.value?.toString())).toEqual(invalid.map((i) => i.raw));
  });

  it('adds nothing when the same batch is delivered again after a restart', async () => {
    const before = await dataSource.query<{ contact_id: string; state: unknown }[]>(
      'SELECT contact_id, state FROM contact_scores WHERE workspace_id = $1 ORDER BY contact_id',
      [workspace],
    );
    // Wind the stored offsets back: a restarted scorer gets everything again from Kafka.
    await dataSource.query('UPDATE consumer_offsets SET next_offset = 0 WHERE consumer_group = $1', [group]);
    const again = runtime();
    await again.start();
    await waitUntilConsumed(kafka, dataSource, group, topics.events);
    await again.stop();
    const after = await dataSource.query<{ contact_id: string; state: unknown }[]>(
      'SELECT contact_id, state FROM contact_scores WHERE workspace_id = $1 ORDER BY contact_id',
      [workspace],
    );
    expect(after).toEqual(before);
    const [{ n } = { n: -1 }] = await dataSource.query<{ n: number }[]>(
      'SELECT coalesce(sum(coalesce(batch_size, 1)), 0)::int AS n FROM outbox WHERE source LIKE $1',
      ['scorer:%'],
    );
    const expectedChanges = [...reference.values()].reduce((sum, s) => sum + s.sequence, 0);
    expect(n).toBe(expectedChanges + invalid.length);
  });
});
