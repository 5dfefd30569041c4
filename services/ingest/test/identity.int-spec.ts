import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger } from '@leadscore/observability';
import { contactAliasRepository, openDatabase, type DataSource } from '@leadscore/persistence';
import { createTestDatabase, pollUntil, testKafkaBrokers, type TestDatabase } from '@leadscore/testing';
import { DatabaseContactAliases } from '../src/identity/contact-aliases.js';
import {
  PUBLISHABLE_KEY,
  SECRET_KEY,
  WORKSPACE,
  bearer,
  expectProblem,
  readEventsUntil,
  startTestApp,
  type ReadEvent,
  type TestApp,
} from './ingest-test-app.js';
import { segmentAliasExample } from './segment-fixtures.js';

// Identity at ingest, on a real broker and PostgreSQL: an identify that names a known contact asks
// for the visitor's anonymous contact to be merged into it; once the scorer recorded that merge (its
// alias in PostgreSQL), the anonymous id's later events are keyed by the survivor.
let database: TestDatabase;
let dataSource: DataSource;
let aliases: DatabaseContactAliases;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase('ingest_identity');
  dataSource = await openDatabase({ url: database.url });
  aliases = new DatabaseContactAliases({
    refreshMs: 200,
    logger: createLogger({ service: 'ingest', level: 'silent' }),
    load: (since, limit) => contactAliasRepository.since(dataSource.manager, since, limit),
  });
  await aliases.start();
  t = await startTestApp({ brokers: testKafkaBrokers(), aliases });
});

afterAll(async () => {
  await aliases?.stop();
  await t?.close();
  await dataSource?.destroy();
  await database?.drop();
});

const post = (url: string, body: unknown, key = PUBLISHABLE_KEY) =>
  t.http.inject({
    method: 'POST',
    url,
    headers: { ...bearer(key), 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });

const eventsOf = async (done: (events: readonly ReadEvent[]) => boolean, waitingFor: string) =>
  readEventsUntil(t.client, t.topic, done, waitingFor);

describe('identity at ingest', () => {
  it('keys an identify by the known contact and follows it with the merge of the visitor’s anonymous contact', async () => {
    const response = await post('/v1/identify', {
      messageId: 'identify-ada',
      anonymousId: 'visitor-1',
      traits: { email: 'Ada@Example.com', plan: 'pro' },
    });
    expect(response.statusCode).toBe(202);
    const events = await eventsOf(
      (all) => all.some((e) => e.value['id'] === 'merge:identify-ada'),
      'the identify and its merge',
    );
    const mine = events.filter((e) => ['identify-ada', 'merge:identify-ada'].includes(String(e.value['id'])));
    expect(mine.map((e) => [e.key, e.value['type'], e.value['subject'], e.value['data']])).toEqual([
      [
        `${WORKSPACE}:email:ada@example.com`,
        'contact.identified',
        'email:ada@example.com',
        {
          identities: { anonymous_id: 'visitor-1', email: 'ada@example.com' },
          traits: { email: 'Ada@Example.com', plan: 'pro' },
        },
      ],
      [
        `${WORKSPACE}:email:ada@example.com`,
        'contact.merged',
        'email:ada@example.com',
        { merged_subject: 'anon:visitor-1' },
      ],
    ]);
  });

  it('keys the anonymous id’s events by the survivor once the merge is recorded, and asks for it no more', async () => {
    await dataSource.transaction((sql) =>
      contactAliasRepository.begin(sql, {
        workspaceId: WORKSPACE,
        alias: 'anon:visitor-2',
        survivor: 'email:grace@example.com',
        through: { '0': '0' },
        mergeEvent: { source: '/v1/identify', id: 'identify-grace' },
        requestedAt: new Date(),
      }),
    );
    await pollUntil(
      () => Promise.resolve(aliases.survivorOf(WORKSPACE, 'anon:visitor-2')),
      (survivor) => survivor === 'email:grace@example.com',
      { withinMs: 10_000, everyMs: 50, waitingFor: 'the alias to reach ingest' },
    );
    expect(
      (
        await post('/v1/page', {
          messageId: 'page-grace',
          anonymousId: 'visitor-2',
          properties: { url: 'https://x.io/pricing' },
        })
      ).statusCode,
    ).toBe(202);
    expect(
      (
        await post('/v1/identify', {
          messageId: 'identify-grace-again',
          anonymousId: 'visitor-2',
          traits: { email: 'grace@example.com' },
        })
      ).statusCode,
    ).toBe(202);
    const events = await eventsOf(
      (all) => all.some((e) => e.value['id'] === 'identify-grace-again'),
      'the page view and the second identify',
    );
    const page = events.find((e) => e.value['id'] === 'page-grace');
    expect([page?.key, page?.value['subject']]).toEqual([
      `${WORKSPACE}:email:grace@example.com`,
      'email:grace@example.com',
    ]);
    expect(events.some((e) => e.value['id'] === 'merge:identify-grace-again')).toBe(false);
  });

  it('keys a group call of a merged-away visitor by the survivor, as any other call', async () => {
    await dataSource.transaction((sql) =>
      contactAliasRepository.begin(sql, {
        workspaceId: WORKSPACE,
        alias: 'anon:visitor-3',
        survivor: 'user:hopper',
        through: { '0': '0' },
        mergeEvent: { source: '/v1/identify', id: 'identify-hopper' },
        requestedAt: new Date(),
      }),
    );
    await pollUntil(
      () => Promise.resolve(aliases.survivorOf(WORKSPACE, 'anon:visitor-3')),
      (survivor) => survivor === 'user:hopper',
      { withinMs: 10_000, everyMs: 50, waitingFor: 'the alias to reach ingest' },
    );
    const response = await post('/v1/group', {
      messageId: 'group-hopper',
      anonymousId: 'visitor-3',
      groupId: 'navy',
      traits: { name: 'US Navy', email: 'contact@navy.test' },
    });
    expect(response.statusCode).toBe(202);
    const events = await eventsOf(
      (all) => all.some((e) => e.value['id'] === 'group-hopper'),
      'the group call',
    );
    const group = events.find((e) => e.value['id'] === 'group-hopper');
    expect([group?.key, group?.value['type'], group?.value['subject'], group?.value['data']]).toEqual([
      `${WORKSPACE}:user:hopper`,
      'contact.updated',
      'user:hopper',
      { traits: { 'company.id': 'navy', 'company.name': 'US Navy', 'company.email': 'contact@navy.test' } },
    ]);
    // A group call merges nothing (its traits' email is the account's).
    expect(events.some((e) => e.value['id'] === 'merge:group-hopper')).toBe(false);
  });

  it('takes Segment’s alias calls (its published examples) as merges, and a publishable key only for an anonymous visitor', async () => {
    expect((await post('/v1/alias', segmentAliasExample('basic'), SECRET_KEY)).statusCode).toBe(202);
    const complete = { ...segmentAliasExample('complete'), previousId: '507f191e810c19729de860ea' };
    expect((await post('/v1/alias', complete)).statusCode).toBe(202);
    expectProblem(await post('/v1/alias', segmentAliasExample('basic')), 403, /None of the 1 events/);
    const events = await eventsOf(
      (all) => all.some((e) => e.value['id'] === '022bb90c-bbac-11e4-8dfc-aa07a5b093db'),
      'the alias calls',
    );
    const merges = events.filter(
      (e) => e.value['type'] === 'contact.merged' && e.value['subject'] === 'user:507f191e81',
    );
    expect(merges.map((e) => e.value['data'])).toEqual([
      { merged_subject: 'user:jen@email.com' },
      { merged_subject: 'anon:507f191e810c19729de860ea' },
    ]);
  });
});
