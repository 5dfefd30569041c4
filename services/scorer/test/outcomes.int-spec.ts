import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Headers, type CanonicalEvent } from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { createTestDatabase, uniqueName, type TestDatabase } from '@leadscore/testing';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';
import {
  createScorerTopics,
  publishModel,
  readScoreChanges,
  readTopic,
  scoreEvents,
  testKafka,
} from './scorer-harness.js';
import { ontraportModel } from './scoring-fixtures.js';

// Outcomes (api: POST /v1/contacts/{contact}/outcomes) travel on leads.events.v1 with every other
// event: the scorer must take them in order without dead-lettering them, and no model can score them.
jest.setTimeout(300_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ScorerTopics;
const workspace = uniqueName('ws');

beforeAll(async () => {
  database = await createTestDatabase('scorer-outcomes');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('scorer-outcomes');
  topics = await createScorerTopics(kafka, 2);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const time = '2026-11-23T10:00:00.000Z';
const contact = 'email:deal@example.com';

function outcome(id: string, type: 'outcome.won' | 'outcome.sales_accepted'): CanonicalEvent {
  return {
    specversion: '1.0',
    id,
    source: 'leadscore/api',
    type,
    time,
    subject: contact,
    workspace,
    datacontenttype: 'application/json',
    data: { amount: 12000, currency: 'EUR', actor: { key_id: 'k1' } },
  };
}

describe('outcome events through the scorer (real Kafka and PostgreSQL)', () => {
  it('records outcomes as processed, changes no score and dead-letters none of them', async () => {
    await publishModel(kafka, topics.models, ontraportModel(workspace));
    const click: CanonicalEvent = {
      specversion: '1.0',
      id: 'evt-click',
      source: '/v1/events',
      type: 'email.clicked',
      time,
      subject: contact,
      workspace,
      data: { url: 'https://example.com/offer' },
    };
    await scoreEvents(kafka, dataSource, topics, [
      click,
      outcome('outcome-won', 'outcome.won'),
      outcome('outcome-won', 'outcome.won'), // a retried api request: same id
      outcome('outcome-sal', 'outcome.sales_accepted'),
      // An unreadable record beside them, so a dead-letter topic that stays empty means something.
      { key: `${workspace}:${contact}`, raw: 'not json' },
    ]);

    const dead = await readTopic(kafka, topics.deadLetter, 1);
    expect(dead.map((m) => m.headers[Headers.deadLetterReason])).toEqual([
      expect.stringMatching(/^not JSON/),
    ]);

    const changes = await readScoreChanges(kafka, topics.scoreChanged, 1);
    expect(changes.map((c) => c.data.cause)).toEqual([
      { type: 'event', eventId: 'evt-click', eventType: 'email.clicked' },
    ]);

    const processed = await dataSource.query<{ source: string; event_id: string }[]>(
      'SELECT source, event_id FROM processed_events WHERE workspace_id = $1 ORDER BY event_id',
      [workspace],
    );
    expect(processed).toEqual([
      { source: '/v1/events', event_id: 'evt-click' },
      { source: 'leadscore/api', event_id: 'outcome-sal' },
      { source: 'leadscore/api', event_id: 'outcome-won' },
    ]);
    const [row] = await dataSource.query<{ total: number }[]>(
      'SELECT total FROM contact_scores WHERE workspace_id = $1 AND contact_id = $2',
      [workspace, contact],
    );
    expect(row?.total).toBe(changes[0]?.data.current.total);
  });
});
