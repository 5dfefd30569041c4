import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AnalyticsQueries,
  AnalyticsQueryRunner,
  ArchiveStore,
  archiveRowOf,
  migrateAnalytics,
  type ArchiveRole,
} from '@leadscore/analytics';
import {
  contactScoreHistorySchema,
  contactTimelineSchema,
  contractSchemas,
  deadLetterSummarySchema,
  eventsPerDaySchema,
  leadFunnelSchema,
  replayContactsSchema,
  replayEventsSchema,
  scoreDistributionAtSchema,
  type ReplayContacts,
  type ReplayEvents,
  topRulesSchema,
} from '@leadscore/contracts';
import { createKafkaClient, silentLogger } from '@leadscore/kafka';
import { createLogger, createMetricsRegistry } from '@leadscore/observability';
import {
  startTestClickHouse,
  testKafkaBrokers,
  uniqueDatabaseName,
  type TestClickHouse,
} from '@leadscore/testing';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { AnalyticsModule, AnalyticsRuntime } from '../src/index.js';

// The archive's named queries on a worked example, on the real engine; and what they read
// (EXPLAIN indexes = 1): a contact's history and timeline read only that contact's granules.
let clickhouse: TestClickHouse;
let db: string;
let queries: AnalyticsQueryRunner;

const ADA = 'email:ada@example.com';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();
let offset = 0;
let store: ArchiveStore;

function record(role: ArchiveRole, value: unknown, headers: Record<string, string> = {}) {
  offset += 1;
  return archiveRowOf(role, {
    topic: role,
    partition: 0,
    offset: String(offset),
    timestamp: Date.UTC(2026, 11, 1, 12),
    key: 'acme',
    value: JSON.stringify(value),
    headers,
  });
}

const event = (id: string, type: string, minute: number, workspace = 'acme', contact = ADA) =>
  record('events', {
    specversion: '1.0',
    id,
    source: '/v1/events',
    type,
    time: at(minute),
    subject: contact,
    workspace,
    data: {},
  });

const change = (
  model: string,
  sequence: number,
  minute: number,
  cause: { type: string; eventId?: string },
  total: number,
  previous: number | null,
  contributions: { ruleId: string; points: number; eventId: string | null }[],
  { contact = ADA, workspace = 'acme' } = {},
) =>
  record('scoreChanges', {
    specversion: '1.0',
    id: `${workspace}-${contact}-${model}-${sequence}`,
    source: cause.type === 'decay' ? 'leadscore/decay' : 'leadscore/scorer',
    type: 'score.changed',
    time: at(minute),
    subject: contact,
    workspace,
    data: {
      contact,
      model: { id: model, version: 1 },
      sequence,
      cause,
      previous:
        previous === null ? null : { fit: 0, engagement: previous, total: previous, tier: null, grade: null },
      current: { fit: 0, engagement: total, total, tier: total >= 15 ? 'warm' : null, grade: null },
      contributions: contributions.map((c) => ({ ...c, kind: 'engagement' })),
    },
  });

const stageChange = (
  contact: string,
  sequence: number,
  minute: number,
  previous: string,
  current: string,
  kind: 'stage' | 'tier' = 'stage',
) =>
  record('lifecycleChanges', {
    specversion: '1.0',
    id: `${contact}-${sequence}-${kind}`,
    source: 'leadscore/threshold',
    type: `${kind}.changed`,
    time: at(minute),
    subject: contact,
    workspace: 'acme',
    datacontenttype: 'application/json',
    data: { contact, model: { id: 'mf', version: 1 }, kind, previous, current, sequence, cause: 'score' },
  });

// The funnel model "mf": Bob and Carol become leads in the week of Monday 30 November, Dan in the next.
// Bob reaches MQL a day later and SQL two days after that; Dan reaches MQL two hours after he becomes a
// lead; Carol stays a lead.
const BOB = 'email:bob@example.com';
const CAROL = 'email:carol@example.com';
const DAN = 'email:dan@example.com';
const DAY = 24 * 60;
const mf = (
  contact: string,
  sequence: number,
  minute: number,
  cause: { type: string; eventId?: string },
  total: number,
  previous: number | null,
  contributions: { ruleId: string; points: number; eventId: string | null }[],
  workspace = 'acme',
) => change('mf', sequence, minute, cause, total, previous, contributions, { contact, workspace });
const funnelRows = () => [
  mf(BOB, 1, 0, { type: 'event', eventId: 'eb1' }, 10, null, [
    { ruleId: 'pricing', points: 10, eventId: 'eb1' },
  ]),
  // A second pricing visit: the rule is worth 20 now, its award is 10.
  mf(BOB, 2, DAY, { type: 'event', eventId: 'eb2' }, 20, 10, [
    { ruleId: 'pricing', points: 20, eventId: 'eb2' },
  ]),
  mf(BOB, 3, 4 * DAY, { type: 'decay' }, 18, 20, [{ ruleId: 'pricing', points: 18, eventId: 'eb2' }]),
  mf(CAROL, 1, 180, { type: 'event', eventId: 'ec1' }, 5, null, [
    { ruleId: 'click', points: 5, eventId: 'ec1' },
  ]),
  mf(DAN, 1, 7 * DAY, { type: 'event', eventId: 'ed1' }, 40, null, [
    { ruleId: 'demo', points: 40, eventId: 'ed1' },
  ]),
  mf(DAN, 2, 7 * DAY + 120, { type: 'event', eventId: 'ed2' }, 80, 40, [
    { ruleId: 'demo', points: 80, eventId: 'ed2' },
  ]),
  // Another workspace's contact under a model of the same name: never counted in acme's answers.
  mf(
    CAROL,
    1,
    180,
    { type: 'event', eventId: 'gc1' },
    999,
    null,
    [{ ruleId: 'click', points: 999, eventId: 'gc1' }],
    'globex',
  ),
  stageChange(BOB, 2, DAY, 'lead', 'mql'),
  stageChange(BOB, 2, DAY, 'cold', 'warm', 'tier'),
  stageChange(BOB, 3, 3 * DAY, 'mql', 'sql'),
  stageChange(DAN, 2, 7 * DAY + 120, 'lead', 'mql'),
];

beforeAll(async () => {
  db = uniqueDatabaseName('queries');
  clickhouse = await startTestClickHouse(db);
  await migrateAnalytics(clickhouse.client, db);
  queries = new AnalyticsQueryRunner(clickhouse.client, db);
  store = new ArchiveStore(clickhouse.client, db);
  const seq2 = change('m1', 2, 2, { type: 'event', eventId: 'e2' }, 15, 10, [
    { ruleId: 'pricing', points: 10, eventId: 'e1' },
    { ruleId: 'click', points: 5, eventId: 'e2' },
  ]);
  const rows = [
    event('e1', 'web.page_viewed', 1),
    event('e2', 'email.clicked', 2),
    event('e3', 'web.page_viewed', 3),
    // e1 sent again an hour later without a time (ingest stamps a new one): archived twice, shown once.
    event('e1', 'web.page_viewed', 61),
    // Same contact key in another workspace, and another contact: never in Ada's answers.
    event('x1', 'web.page_viewed', 1, 'globex'),
    event('b1', 'web.page_viewed', 1, 'acme', 'email:bob@example.com'),
    change('m1', 1, 1, { type: 'event', eventId: 'e1' }, 10, null, [
      { ruleId: 'pricing', points: 10, eventId: 'e1' },
    ]),
    seq2,
    change('m1', 3, 60 * 24, { type: 'decay' }, 14.7, 15, [
      { ruleId: 'pricing', points: 9.8, eventId: 'e1' },
      { ruleId: 'click', points: 4.9, eventId: 'e2' },
    ]),
    // 14.7 − 10.1 is 4.599999999999999 in floating point: shown as 4.6, like every published score.
    change('m3', 2, 2, { type: 'event', eventId: 'e2' }, 14.7, 10.1, [
      { ruleId: 'click', points: 4.6, eventId: 'e2' },
    ]),
    change('m2', 1, 1, { type: 'event', eventId: 'e1' }, 3, null, [
      { ruleId: 'any-page', points: 3, eventId: 'e1' },
    ]),
    record('deadLetters', '{"type":"web.page_viewd"}', {
      'leadscore-dlq-reason': 'invalid: type: expected a known event type',
      ce_id: 'd1',
    }),
    record('deadLetters', '{"type":"web.page_viewd"}', {
      'leadscore-dlq-reason': 'invalid: type: expected a known event type',
      ce_id: 'd2',
    }),
  ];
  await store.write({
    consumerGroup: 'g',
    topic: 't',
    partition: 0,
    firstOffset: '1',
    nextOffset: String(offset + 1),
    rows,
  });
  // A batch cut differently after a crash stores the second change again: counted once all the same.
  await store.write({
    consumerGroup: 'g',
    topic: 't',
    partition: 0,
    firstOffset: '7',
    nextOffset: '8',
    rows: [seq2],
  });
  // The funnel's rows, then some of them again as a batch cut differently after a crash would.
  const funnel = funnelRows();
  await store.write({
    consumerGroup: 'g',
    topic: 't',
    partition: 1,
    firstOffset: '0',
    nextOffset: '11',
    rows: funnel,
  });
  await store.write({
    consumerGroup: 'g',
    topic: 't',
    partition: 1,
    firstOffset: '1',
    nextOffset: '11',
    rows: funnel.slice(1),
  });
});

afterAll(async () => {
  await app?.close();
  await clickhouse?.close();
});

let app: NestFastifyApplication | undefined;

/** The analytics service's HTTP surface in this process, over the test's archive. */
async function analyticsHttp(): Promise<NestFastifyApplication> {
  const registry = createMetricsRegistry({ service: 'analytics' });
  const runtime = new AnalyticsRuntime({
    kafka: createKafkaClient({ brokers: testKafkaBrokers(), clientId: 'queries-http', logger: silentLogger }),
    clickhouse: clickhouse.client,
    database: db,
    consumerGroup: 'unused',
    logger: createLogger({ service: 'analytics', level: 'silent' }),
    registry,
  });
  app = await NestFactory.create<NestFastifyApplication>(
    AnalyticsModule.forRoot({ runtime, queries, registry, readinessChecks: [] }),
    new FastifyAdapter(),
    { logger: false },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('the archive queries', () => {
  it('gives a contact’s score history per model with causes, decay steps and contributions', async () => {
    const rows = await queries.run(AnalyticsQueries.contactScoreHistory, {
      workspace: 'acme',
      contact: ADA,
      model: '',
      limit: 100,
    });
    expect(
      rows.map((r) => [
        r.model,
        Number(r.sequence),
        r.cause,
        r.cause_event_id,
        r.total,
        r.previous_total,
        r.tier,
      ]),
    ).toEqual([
      ['m1', 1, 'event', 'e1', 10, null, ''],
      ['m1', 2, 'event', 'e2', 15, 10, 'warm'],
      ['m1', 3, 'decay', '', 14.7, 15, ''],
      ['m2', 1, 'event', 'e1', 3, null, ''],
      ['m3', 2, 'event', 'e2', 14.7, 10.1, ''],
    ]);
    expect(JSON.parse(rows[1]?.contributions ?? '[]')).toEqual([
      { ruleId: 'pricing', points: 10, eventId: 'e1', kind: 'engagement' },
      { ruleId: 'click', points: 5, eventId: 'e2', kind: 'engagement' },
    ]);
    expect(rows[2]).toMatchObject({ time: '2026-12-02 09:00:00.000', source: 'leadscore/decay' });
    const m2 = await queries.run(AnalyticsQueries.contactScoreHistory, {
      workspace: 'acme',
      contact: ADA,
      model: 'm2',
      limit: 100,
    });
    expect(m2).toHaveLength(1);
    expect(
      await queries.run(AnalyticsQueries.contactScoreHistory, {
        workspace: 'globex',
        contact: ADA,
        model: '',
        limit: 100,
      }),
    ).toEqual([]);
  });

  it('gives a contact’s timeline: each event with the points it gave per model and the rules it fed', async () => {
    const rows = await queries.run(AnalyticsQueries.contactTimeline, {
      workspace: 'acme',
      contact: ADA,
      limit: 100,
    });
    expect(rows.map((r) => [r.id, r.type, r.model, r.points, r.rules])).toEqual([
      ['e3', 'web.page_viewed', '', 0, []],
      ['e2', 'email.clicked', 'm1', 5, ['click']],
      ['e2', 'email.clicked', 'm3', 4.6, ['click']],
      ['e1', 'web.page_viewed', 'm1', 10, ['pricing']],
      ['e1', 'web.page_viewed', 'm2', 3, ['any-page']],
    ]);
  });

  it('gives a contact’s transitions with the named tiers their events carry', async () => {
    const ZOE = 'email:zoe@example.com';
    const named = (sequence: number, previous: string, current: string, names: [string, string] | null) =>
      record('lifecycleChanges', {
        specversion: '1.0',
        id: `zoe-${sequence}`,
        source: 'leadscore/threshold',
        type: 'tier.changed',
        time: at(sequence),
        subject: ZOE,
        workspace: 'acme',
        datacontenttype: 'application/json',
        data: {
          contact: ZOE,
          model: { id: 'b2b', version: 1 },
          kind: 'tier',
          previous,
          current,
          ...(names ? { previousName: names[0], currentName: names[1] } : {}),
          sequence,
          cause: 'score',
        },
      });
    await store.write({
      consumerGroup: 'g',
      topic: 't',
      partition: 2,
      firstOffset: '0',
      nextOffset: '2',
      rows: [named(1, 'cold', 'warm', null), named(2, 'warm', 'warm', ['engaged', 'evaluating'])],
    });
    const rows = await queries.run(AnalyticsQueries.contactLifecycleChanges, {
      workspace: 'acme',
      contact: ZOE,
      limit: 10,
    });
    expect(rows.map((r) => [r.previous, r.current, r.previousName, r.currentName])).toEqual([
      ['cold', 'warm', '', ''],
      ['warm', 'warm', 'engaged', 'evaluating'],
    ]);
  });

  it('counts events per type per day and dead letters by reason, per workspace and period', async () => {
    const period = { workspace: 'acme', from: '2026-12-01 00:00:00.000', to: '2026-12-02 00:00:00.000' };
    expect(await queries.run(AnalyticsQueries.eventsPerTypePerDay, period)).toEqual([
      { day: '2026-12-01', type: 'email.clicked', events: '1' },
      { day: '2026-12-01', type: 'web.page_viewed', events: '3' },
    ]);
    expect(await queries.run(AnalyticsQueries.deadLettersByReason, period)).toEqual([
      {
        reason: 'invalid',
        source_topic: 'ingest',
        records: '2',
        latest: '2026-12-01 12:00:00.000',
        example: 'invalid: type: expected a known event type',
      },
    ]);
    expect(
      await queries.run(AnalyticsQueries.eventsPerTypePerDay, { ...period, workspace: 'initech' }),
    ).toEqual([]);
  });

  it('gives a model’s score distribution at a point in time: percentiles, histogram and tiers', async () => {
    const at = (time: string, width = 10) =>
      queries.run(AnalyticsQueries.scoreDistributionAt, { workspace: 'acme', model: 'mf', at: time, width });
    // At noon on 1 December Bob has 10 and Carol (scored at that very minute) 5.
    expect(await at('2026-12-01 12:00:00.000')).toEqual([
      {
        contacts: '2',
        min: 5,
        max: 10,
        mean: 7.5,
        percentiles: [5, 5, 5, 5, 5, 10, 10, 10, 10],
        histogram: [
          [0, 10],
          ['1', '1'],
        ],
        tiers: [[''], ['2']],
      },
    ]);
    // On 9 December: Bob decayed to 18 (warm), Carol 5, Dan 80 (warm).
    expect(await at('2026-12-09 00:00:00.000', 25)).toEqual([
      {
        contacts: '3',
        min: 5,
        max: 80,
        mean: 103 / 3,
        percentiles: [5, 5, 5, 5, 18, 80, 80, 80, 80],
        histogram: [
          [0, 75],
          ['2', '1'],
        ],
        tiers: [
          ['', 'warm'],
          ['1', '2'],
        ],
      },
    ]);
    expect((await at('2026-11-01 00:00:00.000'))[0]?.contacts).toBe('0');
  });

  it('gives a model’s funnel by cohort week: leads, MQLs, SQLs and the time to MQL', async () => {
    const period = {
      workspace: 'acme',
      model: 'mf',
      from: '2026-11-30 00:00:00.000',
      to: '2026-12-14 00:00:00.000',
    };
    expect(await queries.run(AnalyticsQueries.leadFunnel, period)).toEqual([
      {
        cohort_week: '2026-11-30',
        leads: '2',
        mqls: '1',
        sqls: '1',
        to_mql_median_ms: String(86_400_000),
        to_mql_p90_ms: String(86_400_000),
      },
      {
        cohort_week: '2026-12-07',
        leads: '1',
        mqls: '1',
        sqls: '0',
        to_mql_median_ms: String(7_200_000),
        to_mql_p90_ms: String(7_200_000),
      },
    ]);
    // Cohorts are by when contacts became leads: from 2 December on only Dan's week is left.
    expect(
      (await queries.run(AnalyticsQueries.leadFunnel, { ...period, from: '2026-12-02 00:00:00.000' })).map(
        (row) => row.cohort_week,
      ),
    ).toEqual(['2026-12-07']);
  });

  it('gives the rules that gave the most points: each award once, its own points, not decay', async () => {
    const period = {
      workspace: 'acme',
      model: 'mf',
      from: '2026-12-01 00:00:00.000',
      to: '2026-12-09 00:00:00.000',
    };
    expect(await queries.run(AnalyticsQueries.topRules, { ...period, limit: 10 })).toEqual([
      { rule: 'demo', kind: 'engagement', awards: '2', contacts: '1', points: 80 },
      { rule: 'pricing', kind: 'engagement', awards: '2', contacts: '1', points: 20 },
      { rule: 'click', kind: 'engagement', awards: '1', contacts: '1', points: 5 },
    ]);
    // From 2 December: Bob's second pricing visit (its own 10 points) and Dan's two demo awards.
    expect(
      await queries.run(AnalyticsQueries.topRules, { ...period, from: '2026-12-02 00:00:00.000', limit: 1 }),
    ).toEqual([{ rule: 'demo', kind: 'engagement', awards: '2', contacts: '1', points: 80 }]);
  });

  it('serves them over HTTP to the api: RFC 3339 times, one entry per event, schema-valid, bad parameters explained', async () => {
    const http = (await analyticsHttp()).getHttpAdapter().getInstance();
    // The answers' schemas $ref other contract schemas (the score-changed event's definitions, …).
    const ajv = new Ajv({ strict: false }).addSchema(
      contractSchemas.filter((schema) => String(schema['$schema']).includes('draft-07')),
    );
    addFormats.default(ajv);
    const get = async (url: string, schema: object) => {
      const response = await http.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      const body: unknown = response.json();
      expect({ valid: ajv.validate(schema, body), errors: ajv.errors ?? null }).toEqual({
        valid: true,
        errors: null,
      });
      return body as Record<string, unknown>;
    };
    const base = `/internal/v1/workspaces/acme`;
    const contact = encodeURIComponent(ADA);
    const history = await get(
      `${base}/contacts/${contact}/score-history?model=m1`,
      contactScoreHistorySchema,
    );
    expect(history['contact']).toBe(ADA);
    expect((history['changes'] as unknown[])[2]).toEqual({
      model: 'm1',
      modelVersion: 1,
      sequence: 3,
      time: '2026-12-02T09:00:00.000Z',
      cause: 'decay',
      causeEventId: null,
      fit: 0,
      engagement: 14.7,
      total: 14.7,
      previousTotal: 15,
      tier: null,
      grade: null,
      contributions: [
        { ruleId: 'pricing', points: 9.8, eventId: 'e1', kind: 'engagement' },
        { ruleId: 'click', points: 4.9, eventId: 'e2', kind: 'engagement' },
      ],
    });
    const timeline = await get(`${base}/contacts/${contact}/timeline`, contactTimelineSchema);
    expect(timeline['events']).toEqual([
      { id: 'e3', type: 'web.page_viewed', time: '2026-12-01T09:03:00.000Z', scores: [] },
      {
        id: 'e2',
        type: 'email.clicked',
        time: '2026-12-01T09:02:00.000Z',
        scores: [
          { model: 'm1', points: 5, rules: ['click'] },
          { model: 'm3', points: 4.6, rules: ['click'] },
        ],
      },
      {
        id: 'e1',
        type: 'web.page_viewed',
        time: '2026-12-01T09:01:00.000Z',
        scores: [
          { model: 'm1', points: 10, rules: ['pricing'] },
          { model: 'm2', points: 3, rules: ['any-page'] },
        ],
      },
    ]);
    const period = 'from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z';
    expect(await get(`${base}/events-per-day?${period}`, eventsPerDaySchema)).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-02T00:00:00.000Z',
      days: [
        { day: '2026-12-01', type: 'email.clicked', events: 1 },
        { day: '2026-12-01', type: 'web.page_viewed', events: 3 },
      ],
    });
    expect((await get(`${base}/dead-letters?${period}`, deadLetterSummarySchema))['reasons']).toEqual([
      {
        reason: 'invalid',
        rejectedBy: 'ingest',
        records: 2,
        latest: '2026-12-01T12:00:00.000Z',
        example: 'invalid: type: expected a known event type',
      },
    ]);
    const mf = `${base}/models/mf`;
    expect(
      await get(`${mf}/distribution?at=2026-12-09T00:00:00Z&bucketWidth=25`, scoreDistributionAtSchema),
    ).toEqual({
      modelId: 'mf',
      at: '2026-12-09T00:00:00.000Z',
      contacts: 3,
      min: 5,
      max: 80,
      mean: 34.33,
      percentiles: { p1: 5, p5: 5, p10: 5, p25: 5, p50: 18, p75: 80, p90: 80, p95: 80, p99: 80 },
      bucketWidth: 25,
      histogram: [
        { from: 0, to: 25, contacts: 2 },
        { from: 75, to: 100, contacts: 1 },
      ],
      tiers: [
        { tier: 'warm', contacts: 2 },
        { tier: null, contacts: 1 },
      ],
    });
    expect(await get(`${mf}/distribution?at=2026-11-01T00:00:00Z`, scoreDistributionAtSchema)).toMatchObject({
      contacts: 0,
      min: null,
      percentiles: null,
      bucketWidth: 10,
      histogram: [],
    });
    const weeks = 'from=2026-11-30T00:00:00Z&to=2026-12-14T00:00:00Z';
    expect((await get(`${mf}/funnel?${weeks}`, leadFunnelSchema))['cohorts']).toEqual([
      {
        week: '2026-11-30',
        leads: 2,
        mqls: 1,
        sqls: 1,
        conversion: { leadToMql: 0.5, mqlToSql: 1, leadToSql: 0.5 },
        timeToMql: { median: 86_400, p90: 86_400 },
      },
      {
        week: '2026-12-07',
        leads: 1,
        mqls: 1,
        sqls: 0,
        conversion: { leadToMql: 1, mqlToSql: 0, leadToSql: 0 },
        timeToMql: { median: 7_200, p90: 7_200 },
      },
    ]);
    expect(await get(`${mf}/top-rules?${weeks}&limit=2`, topRulesSchema)).toEqual({
      modelId: 'mf',
      from: '2026-11-30T00:00:00.000Z',
      to: '2026-12-14T00:00:00.000Z',
      rules: [
        { ruleId: 'demo', kind: 'engagement', awards: 2, contacts: 1, points: 80 },
        { ruleId: 'pricing', kind: 'engagement', awards: 2, contacts: 1, points: 20 },
      ],
    });
    for (const [url, message] of [
      [`${mf}/distribution?bucketWidth=2.5`, /bucketWidth: expected a whole number from 1 to 1000000/],
      [`${mf}/distribution?at=soon`, /at: expected an RFC 3339 date-time/],
      [`${mf}/top-rules?limit=1001`, /limit: expected a whole number from 1 to 1000/],
      [`${base}/contacts/${contact}/timeline?limit=0`, /limit: expected a whole number from 1 to 5000/],
      [`${base}/events-per-day?from=yesterday`, /from: expected an RFC 3339 date-time/],
      [
        `${base}/dead-letters?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z`,
        /from: expected a time before to/,
      ],
    ] as const) {
      const response = await http.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(400);
      expect(response.body).toMatch(message);
    }
  });

  it('serves a replay the events of the contacts it names, each in the order the scorer saw them, with their positions', async () => {
    const http = (await analyticsHttp()).getHttpAdapter().getInstance();
    const base = '/internal/v1/workspaces/acme/replay-events';
    const response = await http.inject({
      method: 'GET',
      url: `${base}?contact=${encodeURIComponent(ADA)}&contact=${encodeURIComponent(BOB)}`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<ReplayEvents>();
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(replayEventsSchema, body)).toBe(true);
    const own = await queries.run(AnalyticsQueries.contactEvents, {
      workspace: 'acme',
      contact: ADA,
      limit: 1000,
    });
    const ada = body.events.filter((event) => event.contact === ADA);
    expect(ada.map((event) => event.id).sort()).toEqual(own.map((row) => row.id).sort());
    expect(new Set(body.events.map((event) => event.contact))).toEqual(new Set([ADA, BOB]));
    for (const contact of [ADA, BOB]) {
      const offsets = body.events
        .filter((event) => event.contact === contact)
        .map((event) => BigInt(event.offset));
      expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    expect(body.archivedThrough).toEqual(expect.any(Object));
    const missing = await http.inject({ method: 'GET', url: base });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ message: string }>().message).toContain('?contact=');
  });

  it('pages a backtest through the workspace’s contacts in key order, each with its events once in the order the scorer saw them', async () => {
    // Eve's events reach the scorer in (partition, offset) order, not in time order; v3 is archived twice
    // (its second copy sent again later, with a new time). Gus's one event is acme's oldest; globex has an
    // older one still, and contacts of its own. Keys after "email:c…", so the granule counts below hold.
    const [EVE, FAY, GUS] = ['email:eve@example.com', 'email:fay@example.com', 'email:gus@example.com'];
    const positioned = (
      partition: number,
      position: number,
      id: string,
      time: string,
      contact: string,
      workspace = 'acme',
    ) =>
      archiveRowOf('events', {
        topic: 'events',
        partition,
        offset: String(position),
        timestamp: Date.UTC(2026, 11, 1, 12),
        key: `${workspace}:${contact}`,
        value: JSON.stringify({
          specversion: '1.0',
          id,
          source: '/v1/events',
          type: 'web.page_viewed',
          time,
          subject: contact,
          workspace,
          data: { url: `https://example.com/${id}` },
        }),
        headers: {},
      });
    await store.write({
      consumerGroup: 'g',
      topic: 'replay-contacts',
      partition: 0,
      firstOffset: '0',
      nextOffset: '1',
      rows: [
        positioned(1, 5, 'v1', at(1), EVE),
        positioned(0, 900, 'v2', at(5), EVE),
        positioned(0, 100, 'v3', at(10), EVE),
        positioned(1, 6, 'v3', at(70), EVE),
        positioned(0, 901, 'f1', at(2), FAY),
        positioned(2, 1, 'g1', '2026-11-15T08:00:00.000Z', GUS),
        positioned(0, 50, 'x2', '2026-10-01T00:00:00.000Z', 'email:hal@example.com', 'globex'),
        positioned(0, 51, 'x3', at(3), EVE, 'globex'),
      ],
    });
    const http = (await analyticsHttp()).getHttpAdapter().getInstance();
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const page = async (workspace: string, query: string) => {
      const response = await http.inject({
        method: 'GET',
        url: `/internal/v1/workspaces/${workspace}/replay-contacts${query}`,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<ReplayContacts>();
      expect({ valid: ajv.validate(replayContactsSchema, body), errors: ajv.errors ?? null }).toEqual({
        valid: true,
        errors: null,
      });
      return body;
    };
    const ids = (body: ReplayContacts) => body.contacts.map((c) => [c.contact, c.events.map((e) => e.id)]);

    const first = await page('acme', '?contacts=2');
    expect(ids(first)).toEqual([
      [ADA, ['e1', 'e2', 'e3']],
      [BOB, ['b1']],
    ]);
    expect(first.next).toBe(BOB);
    expect(first.archivedFrom).toBe('2026-11-15T08:00:00.000Z');
    // Ada's e1 once: its first copy (09:01), not the one sent again an hour later.
    expect(first.contacts[0]?.events[0]).toEqual({
      id: 'e1',
      source: '/v1/events',
      type: 'web.page_viewed',
      time: '2026-12-01T09:01:00.000Z',
      data: {},
      partition: 0,
      offset: '2',
    });
    // Where the archive ends, as /internal/v1/offsets says; the contacts it holds, over every page.
    const offsets = await http.inject({ method: 'GET', url: '/internal/v1/offsets' });
    expect(first.archivedThrough).toEqual(offsets.json<{ topics: unknown }>().topics);
    expect(first.archivedContacts).toBe(5);
    const second = await page('acme', `?contacts=2&after=${encodeURIComponent(BOB)}`);
    expect(ids(second)).toEqual([
      [EVE, ['v3', 'v2', 'v1']],
      [FAY, ['f1']],
    ]);
    expect(second.next).toBe(FAY);
    expect(second.contacts[0]?.events[0]).toEqual({
      id: 'v3',
      source: '/v1/events',
      type: 'web.page_viewed',
      time: '2026-12-01T09:10:00.000Z',
      data: { url: 'https://example.com/v3' },
      partition: 0,
      offset: '100',
    });
    const last = await page('acme', `?contacts=2&after=${encodeURIComponent(FAY)}`);
    expect(ids(last)).toEqual([[GUS, ['g1']]]);
    expect(last.next).toBeNull();
    // The archive's extent comes with the first page only (each would scan the workspace's archive).
    expect([last.archivedFrom, last.archivedContacts, second.archivedFrom]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);

    // The default page holds them all; a full page says there may be more, and the page after is empty.
    const all = await page('acme', '');
    expect(all.contacts.map((c) => c.contact)).toEqual([ADA, BOB, EVE, FAY, GUS]);
    expect(all.next).toBeNull();
    const full = await page('acme', '?contacts=5');
    expect(full.next).toBe(GUS);
    expect(await page('acme', `?after=${encodeURIComponent(GUS)}`)).toEqual({
      contacts: [],
      next: null,
      archivedThrough: first.archivedThrough,
    });

    // Another workspace sees only its own contacts and its own oldest event; one with none, nothing.
    const globex = await page('globex', '');
    expect(ids(globex)).toEqual([
      [ADA, ['x1']],
      [EVE, ['x3']],
      ['email:hal@example.com', ['x2']],
    ]);
    expect(globex.archivedFrom).toBe('2026-10-01T00:00:00.000Z');
    expect(globex.archivedContacts).toBe(3);
    expect(await page('initech', '')).toEqual({
      contacts: [],
      next: null,
      archivedFrom: null,
      archivedThrough: first.archivedThrough,
      archivedContacts: 0,
    });

    for (const contacts of ['0', '1001', 'many', '2.5', '']) {
      const response = await http.inject({
        method: 'GET',
        url: `/internal/v1/workspaces/acme/replay-contacts?contacts=${contacts}`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toBe(
        `contacts: expected a whole number from 1 to 1000, got "${contacts}"`,
      );
    }
  });

  it('refuses a page of contacts with more than 200,000 events, saying to ask for fewer contacts', async () => {
    await clickhouse.client.command({
      query: `INSERT INTO ${db}.events (workspace, contact, time, source, id, type, data, record, kafka_topic, kafka_partition, kafka_offset)
              SELECT 'bigco', 'email:busy@example.com', toDateTime64('2026-12-01 10:00:00', 3, 'UTC') + number,
                     '/v1/events', concat('busy-', toString(number)), 'web.page_viewed', '{}', '', 'bulk', 0, number
              FROM numbers(200001)`,
    });
    const http = (await analyticsHttp()).getHttpAdapter().getInstance();
    const response = await http.inject({
      method: 'GET',
      url: '/internal/v1/workspaces/bigco/replay-contacts?contacts=1',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<{ message: string }>().message).toMatch(/fewer contacts per page \(\?contacts=\)/);
  });

  it('reads only the asked contact’s granules for its history and timeline (EXPLAIN indexes = 1)', async () => {
    // 200,000 other rows in each table (about 25 granules of 8,192) around Ada's.
    await clickhouse.client.command({
      query: `INSERT INTO ${db}.events (workspace, contact, time, source, id, type, data, record, kafka_topic, kafka_partition, kafka_offset)
              SELECT 'acme', concat('email:c', toString(number % 20000), '@example.com'), toDateTime64('2026-12-01 10:00:00', 3, 'UTC') + number,
                     '/v1/events', concat('bulk-', toString(number)), 'web.page_viewed', '{}', '', 'bulk', 0, number
              FROM numbers(200000)`,
    });
    await clickhouse.client.command({
      query: `INSERT INTO ${db}.score_changes (workspace, model, contact, sequence, id, time, source, model_version, cause, cause_event_id, fit, engagement, total, previous_total, tier, grade, data, kafka_topic, kafka_partition, kafka_offset)
              SELECT 'acme', 'm1', concat('email:c', toString(number % 20000), '@example.com'), intDiv(number, 20000) + 1, concat('bulk-', toString(number)),
                     toDateTime64('2026-12-01 10:00:00', 3, 'UTC') + number, 'leadscore/scorer', 1, 'event', concat('bulk-', toString(number)), 0, 1, 1, NULL, '', '', '{}', 'bulk', 0, number
              FROM numbers(200000)`,
    });
    const contact = { workspace: 'acme', contact: 'email:c42@example.com', limit: 100 };
    const plans = [
      await queries.explainIndexes(AnalyticsQueries.contactScoreHistory, { ...contact, model: '' }),
      await queries.explainIndexes(AnalyticsQueries.contactTimeline, contact),
    ];
    for (const plan of plans) {
      const tables = tablesRead(plan);
      expect(tables.length).toBeGreaterThan(0);
      for (const { selected, total } of tables) {
        expect(total).toBeGreaterThanOrEqual(20);
        // The contact's one or two granules of the bulk part, and the one granule of a small part
        // (the funnel's) whose key range spans it.
        expect(selected).toBeLessThanOrEqual(3);
      }
    }
  });

  it('reads only the asked period’s partitions for a funnel (EXPLAIN indexes = 1)', async () => {
    // 100,000 first score changes in each of August to November, beside December's 200,000.
    await clickhouse.client.command({
      query: `INSERT INTO ${db}.score_changes (workspace, model, contact, sequence, id, time, source, model_version, cause, cause_event_id, fit, engagement, total, previous_total, tier, grade, data, kafka_topic, kafka_partition, kafka_offset)
              SELECT 'acme', 'm1', concat('email:old', toString(number), '@example.com'), 1, concat('old-', toString(number)),
                     toDateTime64('2026-08-01 00:00:00', 3, 'UTC') + intDiv(number, 100000) * 2678400 + number % 100000 * 20,
                     'leadscore/scorer', 1, 'event', concat('old-', toString(number)), 0, 1, 1, NULL, '', '', '{}', 'bulk', 1, number
              FROM numbers(400000)`,
    });
    const plan = await queries.explainIndexes(AnalyticsQueries.leadFunnel, {
      workspace: 'acme',
      model: 'm1',
      from: '2026-12-01 00:00:00.000',
      to: '2026-12-08 00:00:00.000',
    });
    const december = await clickhouse.client.query({
      query: `SELECT sum(marks) AS marks FROM system.parts WHERE database = {db:String} AND table = 'score_changes' AND partition = '202612' AND active`,
      query_params: { db },
      format: 'JSONEachRow',
    });
    const decemberGranules = Number((await december.json<{ marks: string }>())[0]?.marks);
    const [scoreChanges] = tablesRead(plan);
    expect(scoreChanges?.total).toBeGreaterThan(2 * decemberGranules);
    expect(scoreChanges?.selected).toBeGreaterThan(0);
    expect(scoreChanges?.selected).toBeLessThanOrEqual(decemberGranules);
  });
});

/**
 * Granules of each table read, in plan order: under each ReadFromMergeTree, "Parts: p | Granules: g" is
 * what it reads after every index, and the first "Granules: a/b" (of the first index) has the table's
 * total b.
 */
function tablesRead(plan: readonly string[]): { selected: number; total: number }[] {
  return plan.flatMap((line, index) => {
    if (!line.includes('ReadFromMergeTree')) return [];
    const section = plan.slice(index + 1, index + 14);
    const selected = section.map((next) => /Parts: \d+ \| Granules: (\d+)/.exec(next)).find(Boolean);
    const total = section.map((next) => /Granules: \d+\/(\d+)/.exec(next)).find(Boolean);
    return selected && total ? [{ selected: Number(selected[1]), total: Number(total[1]) }] : [];
  });
}
