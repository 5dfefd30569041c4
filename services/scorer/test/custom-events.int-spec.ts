import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parseModel, type CanonicalEvent, type ScoringModel } from '@leadscore/contracts';
import { type KafkaClient } from '@leadscore/kafka';
import { openDatabase, type DataSource } from '@leadscore/persistence';
import { createTestDatabase, uniqueName, workspaceRoot, type TestDatabase } from '@leadscore/testing';
import { type ScorerTopics } from '../src/scoring/scoring-batch.handler.js';
import {
  createScorerTopics,
  publishModel,
  readScoreChanges,
  scoreEvents,
  testKafka,
} from './scorer-harness.js';
import { referenceScores } from './scoring-fixtures.js';

// The worked example of custom events: examples/models/product.yaml scores the events of
// examples/events/custom-events.json (as ingest puts them on leads.events.v1) end to end.
jest.setTimeout(300_000);

let database: TestDatabase;
let dataSource: DataSource;
let kafka: KafkaClient;
let topics: ScorerTopics;
const workspace = uniqueName('ws');

function productModel(): ScoringModel {
  const text = readFileSync(join(workspaceRoot(), 'examples/models/product.yaml'), 'utf8');
  return { ...parseModel(text, 'yaml', 'product.yaml'), workspace };
}

/** The example events as ingest produces them: envelope attributes filled in. */
function exampleEvents(): CanonicalEvent[] {
  const file = JSON.parse(
    readFileSync(join(workspaceRoot(), 'examples/events/custom-events.json'), 'utf8'),
  ) as { events: Record<string, unknown>[] };
  return file.events.map(
    (event) => ({ specversion: '1.0', source: '/v1/events', workspace, ...event }) as CanonicalEvent,
  );
}

beforeAll(async () => {
  database = await createTestDatabase('scorer-custom');
  dataSource = await openDatabase({ url: database.url });
  kafka = testKafka('scorer-custom');
  topics = await createScorerTopics(kafka, 2);
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('custom events through the scorer (real Kafka and PostgreSQL)', () => {
  it('scores custom events by name and filters on their properties, explaining each change by its rule', async () => {
    const model = productModel();
    await publishModel(kafka, topics.models, model);
    const events: CanonicalEvent[] = [
      ...exampleEvents(),
      // Marked as a bot by ingest (user agent): the model's filter leaves it out.
      {
        specversion: '1.0',
        id: 'evt-bot',
        source: '/v1/track',
        type: 'custom.Application Submitted',
        time: '2026-11-23T10:15:00Z',
        subject: 'anon:crawler-1',
        workspace,
        data: { program: 'coaching', user_agent: 'Googlebot/2.1', bot: true, bot_reason: 'bot_user_agent' },
      },
    ];
    await scoreEvents(kafka, dataSource, topics, events);

    // Demo request +30, the pro purchase +20, the free one nothing, the call +15; the bot nothing.
    const changes = await readScoreChanges(kafka, topics.scoreChanged, 3);
    expect(changes).toHaveLength(3);
    const byCause = new Map(changes.map((c) => [c.data.cause.eventId, c.data]));
    expect([...byCause.keys()].sort()).toEqual(['evt-c1', 'evt-c2', 'evt-c4']);
    expect(byCause.get('evt-c1')).toMatchObject({
      contact: 'email:ada@example.com',
      model: { id: 'product', version: 1 },
      sequence: 1,
      cause: { type: 'event', eventId: 'evt-c1', eventType: 'custom.Demo Requested' },
      current: { engagement: 30, total: 30, tier: 'warm' },
      contributions: [{ ruleId: 'demo-requested', kind: 'engagement', points: 30, eventId: 'evt-c1' }],
    });
    expect(byCause.get('evt-c2')).toMatchObject({
      sequence: 2,
      cause: { eventType: 'custom.Item Purchased' },
      contributions: expect.arrayContaining([
        { ruleId: 'paid-plan-purchase', kind: 'engagement', points: 20, eventId: 'evt-c2' },
      ]),
    });
    expect(byCause.get('evt-c4')).toMatchObject({
      sequence: 3,
      cause: { eventType: 'custom.Call Scheduled' },
      current: { tier: 'hot' },
      contributions: expect.arrayContaining([
        expect.objectContaining({ ruleId: 'call-scheduled', points: 15, eventId: 'evt-c4' }),
      ]),
    });

    // What PostgreSQL holds is what the pure engine says, for both contacts.
    const reference = referenceScores(model, events);
    const rows = await dataSource.query<{ contact_id: string; state: unknown; total: number }[]>(
      'SELECT contact_id, state, total FROM contact_scores WHERE workspace_id = $1 ORDER BY contact_id',
      [workspace],
    );
    expect(rows.map((r) => r.contact_id)).toEqual(['anon:crawler-1', 'email:ada@example.com']);
    for (const row of rows) expect(row.state).toEqual(reference.get(row.contact_id));
    expect(rows.find((r) => r.contact_id === 'anon:crawler-1')?.total).toBe(0);
  });
});
