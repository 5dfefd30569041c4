import {
  createBatchingProducer,
  createKafkaClient,
  silentLogger,
  type ProducedMessage,
} from '@leadscore/kafka';
import { testKafkaBrokers } from '@leadscore/testing';
import type { AnalyticsTopics } from '../src/index.js';

const envelope = (workspace: string, i: number, type: string, data: unknown) => ({
  specversion: '1.0',
  source: '/v1/events',
  type,
  time: new Date(Date.UTC(2026, 10, 20) + i * 61_000).toISOString(),
  subject: `email:c${i % 25}@example.com`,
  workspace,
  data,
});

/** What a round of `mixedRecords` put on each topic, counted independently of the archive. */
export interface ProducedCounts {
  readonly events: number;
  readonly scoreChanges: number;
  readonly lifecycleChanges: number;
  /** Dead letters produced, plus records of the other topics the archive cannot read. */
  readonly deadLetters: number;
}

/**
 * Round `round` of a workspace's traffic: events (with `unreadable` records among them), score changes,
 * lifecycle changes and dead letters, each keyed as the services key them. Ids are unique per round.
 */
export function mixedRecords(
  workspace: string,
  round: number,
  sizes = { events: 200, scoreChanges: 100, lifecycleChanges: 20, deadLetters: 10, unreadable: 3 },
): { byRole: Record<keyof AnalyticsTopics, ProducedMessage[]>; counts: ProducedCounts } {
  const base = round * 100_000;
  const key = (i: number) => `${workspace}:email:c${i % 25}@example.com`;
  const events: ProducedMessage[] = Array.from({ length: sizes.events }, (_, n) => {
    const i = base + n;
    return {
      key: key(i),
      value: JSON.stringify({
        ...envelope(workspace, i, n % 2 ? 'email.clicked' : 'web.page_viewed', {
          url: `https://example.com/${n}`,
        }),
        id: `evt-${i}`,
      }),
    };
  });
  for (let n = 0; n < sizes.unreadable; n++)
    events.push({ key: key(base + n), value: `{"id": "broken-${base + n}"` });
  const scoreChanges = Array.from({ length: sizes.scoreChanges }, (_, n) => {
    const i = base + n;
    const data = {
      contact: `email:c${i % 25}@example.com`,
      model: { id: 'm', version: 1 },
      sequence: i + 1,
      cause: { type: 'event', eventId: `evt-${i}`, eventType: 'web.page_viewed' },
      previous: null,
      current: { fit: 0, engagement: n, total: n, tier: null, grade: null },
      contributions: [],
    };
    return {
      key: key(i),
      value: JSON.stringify({
        ...envelope(workspace, i, 'score.changed', data),
        id: `sc-${i}`,
        source: 'leadscore/scorer',
      }),
    };
  });
  const lifecycleChanges = Array.from({ length: sizes.lifecycleChanges }, (_, n) => {
    const i = base + n;
    const data = {
      contact: `email:c${i % 25}@example.com`,
      model: { id: 'm', version: 1 },
      kind: 'stage',
      previous: 'lead',
      current: 'mql',
      sequence: i + 1,
      cause: 'score',
    };
    return {
      key: key(i),
      value: JSON.stringify({ ...envelope(workspace, i, 'lifecycle.changed', data), id: `lc-${i}` }),
    };
  });
  const deadLetters = Array.from({ length: sizes.deadLetters }, (_, n) => ({
    key: workspace,
    value: `{"id":"bad-${base + n}","type":"web.page_viewd"}`,
    headers: {
      'leadscore-dlq-reason': 'invalid: type: expected a known event type',
      ce_id: `bad-${base + n}`,
    },
  }));
  return {
    byRole: { events, scoreChanges, lifecycleChanges, deadLetters },
    counts: {
      events: sizes.events,
      scoreChanges: sizes.scoreChanges,
      lifecycleChanges: sizes.lifecycleChanges,
      deadLetters: sizes.deadLetters + sizes.unreadable,
    },
  };
}

/** Produces one round to the topics (acks=all) and closes the producer. */
export async function produceRound(
  topics: AnalyticsTopics,
  round: ReturnType<typeof mixedRecords>,
): Promise<void> {
  const kafka = createKafkaClient({
    brokers: testKafkaBrokers(),
    clientId: 'archive-producer',
    logger: silentLogger,
  });
  const producer = createBatchingProducer(kafka);
  await producer.connect();
  try {
    await Promise.all(
      (Object.keys(topics) as (keyof AnalyticsTopics)[]).map((role) =>
        producer.send(topics[role], round.byRole[role]),
      ),
    );
  } finally {
    await producer.disconnect();
  }
}

/** Per table, the rows of a workspace counted once per key (FINAL) and as stored. */
export const ARCHIVE_COUNT_QUERY = (db: string) => `
  SELECT 'events' AS table, count() AS final, (SELECT count() FROM ${db}.events WHERE workspace = {w:String}) AS raw
    FROM ${db}.events FINAL WHERE workspace = {w:String}
  UNION ALL SELECT 'score_changes', count(), (SELECT count() FROM ${db}.score_changes WHERE workspace = {w:String})
    FROM ${db}.score_changes FINAL WHERE workspace = {w:String}
  UNION ALL SELECT 'lifecycle_changes', count(), (SELECT count() FROM ${db}.lifecycle_changes WHERE workspace = {w:String})
    FROM ${db}.lifecycle_changes FINAL WHERE workspace = {w:String}
  UNION ALL SELECT 'dead_letters', count(), (SELECT count() FROM ${db}.dead_letters WHERE workspace = {w:String})
    FROM ${db}.dead_letters FINAL WHERE workspace = {w:String}`;
